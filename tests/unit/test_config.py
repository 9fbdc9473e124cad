from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from agentdesk import config
from agentdesk.domain.errors import KnownError


def test_data_directory_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    assert config.data_directory().name == "AgentDesk"
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path / "env"))
    assert config.data_directory() == (tmp_path / "env").resolve()
    assert config.data_directory(tmp_path / "given") == (tmp_path / "given").resolve()


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = config.load_settings(tmp_path)
    assert settings.version == config.SETTINGS_VERSION
    settings.language = "zh_CN"
    settings.last_username = "agent01"
    config.save_settings(tmp_path, settings)
    again = config.load_settings(tmp_path)
    assert again == settings
    assert not (tmp_path / "settings.json.tmp").exists()


def test_old_settings_files_are_upgraded(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(
        {"version": 1, "workstation_id": "ws-1", "locale": "zh_CN", "server_url": "x"}))
    settings = config.load_settings(tmp_path)
    assert (settings.version, settings.language, settings.workstation_id) == (2, "zh_CN", "ws-1")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\x00\xff", ""])
def test_a_damaged_settings_file_is_kept_aside(tmp_path: Path, content: str) -> None:
    (tmp_path / "settings.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    settings = config.load_settings(tmp_path)
    assert settings.language == ""
    assert (tmp_path / "settings.json.damaged").exists()


def test_wrong_types_in_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(
        {"version": 2, "language": 5, "server_url": ["x"], "last_username": "li"}))
    settings = config.load_settings(tmp_path)
    assert (settings.language, settings.server_url, settings.last_username) == ("", "", "li")


def test_unwritable_settings_is_a_known_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(config.SettingsError):
        config.save_settings(blocker / "dir", config.Settings())


def test_no_keyring_is_a_clear_error_never_a_plain_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(KnownError) as caught:
            config.store_server_password("postgresql://u@h/db", "s3cret")
        assert caught.value.code == "no_keyring"
        with pytest.raises(KnownError):
            config.server_password("postgresql://u@h/db")
    finally:
        keyring.set_keyring(previous)
    assert not any("s3cret" in p.read_text(errors="ignore")
                   for p in tmp_path.rglob("*") if p.is_file())


def test_the_workstation_id_is_kept_from_the_first_start(tmp_path: Path) -> None:
    first = config.ensure_settings(tmp_path)
    again = config.ensure_settings(tmp_path)
    assert first.workstation_id == again.workstation_id
    assert json.loads((tmp_path / "settings.json").read_text())["version"] == 2


def test_old_files_are_rewritten_in_the_new_format(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"version": 1, "locale": "en"}))
    config.ensure_settings(tmp_path)
    stored = json.loads((tmp_path / "settings.json").read_text())
    assert (stored["version"], stored["language"]) == (2, "en")
    assert "locale" not in stored


def test_an_unreadable_settings_file_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = config.ensure_settings(tmp_path)
    original = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "settings.json":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(config.SettingsError):
        config.load_settings(tmp_path)
    assert config.ensure_settings(tmp_path).workstation_id != ""
    monkeypatch.undo()
    assert config.load_settings(tmp_path).workstation_id == first.workstation_id
    assert not (tmp_path / "settings.json.damaged").exists()
