from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agentdesk import cli
from agentdesk.services.clock import SystemClock
from agentdesk.services.workspace import open_workspace
from tests.helpers.admin_cli import run


def test_add_and_list_users(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    code, out, _ = run(capsys, "user", "add", "--profile", str(tmp_path), "sup01",
                       "--name", "陈主管", "--role", "supervisor", "--password-stdin")
    assert (code, out.strip()) == (0, "Added sup01 (supervisor)")
    code, out, _ = run(capsys, "user", "list", "--profile", str(tmp_path), "--json")
    assert code == 0
    assert json.loads(out) == [{"username": "sup01", "name": "陈主管", "role": "supervisor",
                                "active": True}]
    ws = open_workspace(tmp_path, SystemClock())
    try:
        assert ws.auth.sign_in("sup01", "long enough password").display_name == "陈主管"
    finally:
        ws.close()


def test_bad_input_gives_a_clear_message_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "user", "add", "--profile", str(tmp_path), "bad name",
                       "--password-stdin")
    assert code == cli.EXIT_KNOWN_ERROR
    assert err.strip() == "agentdesk-admin: username: invalid; password: too_short"


def test_check_reports_a_sound_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--profile", str(tmp_path), "--json")
    report = json.loads(out)
    assert code == 0
    assert report["integrity"] == "ok" and report["outbox"] == 0


def test_check_on_a_corrupt_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "agentdesk.db").write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "check", "--profile", str(tmp_path))
    assert code == cli.EXIT_KNOWN_ERROR
    assert "not an AgentDesk database" in err


def test_init_server_needs_a_server(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTDESK_SERVER_URL", raising=False)
    code, _, err = run(capsys, "init-server")
    assert code == cli.EXIT_KNOWN_ERROR
    assert "--server URL" in err


def test_init_server_reads_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTDESK_SERVER_URL", f"sqlite:///{tmp_path / 'server.db'}")
    code, out, _ = run(capsys, "init-server")
    assert code == 0 and "schema empty ->" in out
