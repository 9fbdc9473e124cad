"""How ``agentdesk`` decides which workspace to open (no Qt needed for that part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentdesk import app
from agentdesk.config import Settings, save_settings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AGENTDESK_HOME", str(tmp_path))
    monkeypatch.delenv("AGENTDESK_SERVER_URL", raising=False)
    return tmp_path


def choose(*argv: str) -> tuple[Path, bool]:
    return app._choose_directory(app.parse_args(list(argv)))


def test_nothing_configured_opens_the_demo(home: Path) -> None:
    assert choose() == (home / "demo", True)


def test_demo_flag(home: Path, tmp_path: Path) -> None:
    assert choose("--demo") == (home / "demo", True)
    assert choose("--demo", "--profile", str(tmp_path / "p")) == ((tmp_path / "p").resolve(), True)


def test_a_configured_workstation_opens_its_own_workspace(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(home, Settings(server_url="postgresql+psycopg://agent@db/center"))
    assert choose() == (home, False)
    (home / "settings.json").unlink()
    (home / "agentdesk.db").write_bytes(b"")
    assert choose() == (home, False)
    (home / "agentdesk.db").unlink()
    monkeypatch.setenv("AGENTDESK_SERVER_URL", "sqlite:///x.db")
    assert choose() == (home, False)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        app.parse_args(["--version"])
    assert capsys.readouterr().out.startswith("AgentDesk ")


def test_an_unusable_data_folder_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert app.main(["--profile", str(blocker / "ws")]) == 2
    assert "cannot use the data folder" in capsys.readouterr().err
