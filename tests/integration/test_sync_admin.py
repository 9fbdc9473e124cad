"""The admin CLI's sync commands, the load simulator and tombstone purging, on real servers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from agentdesk import cli
from agentdesk.config import Settings, save_settings
from agentdesk.services.simulate import simulate
from agentdesk.store.migrate import HEAD_REVISION
from agentdesk.store.schema.contacts import customer_phones
from agentdesk.sync.connection import server_engine
from agentdesk.sync.tombstones import purge_tombstones
from tests.helpers.admin_cli import run
from tests.helpers.sync_env import init_server, meta, station

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def test_init_server_creates_then_finds_the_schema_current(
    sync_server_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "init-server", "--server", sync_server_url)
    assert code == 0 and out.strip().endswith(f"schema empty -> {HEAD_REVISION}")
    monkeypatch.setenv("AGENTDESK_SERVER_URL", sync_server_url)  # in place of --server
    code, out, _ = run(capsys, "init-server")
    assert code == 0 and out.strip().endswith(f"schema {HEAD_REVISION} -> {HEAD_REVISION}")


def test_unreachable_server_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "init-server", "--server",
                       "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert code == cli.EXIT_KNOWN_ERROR
    assert err.startswith("agentdesk-admin: Server database unavailable:")


def test_sync_and_status_of_a_workspace(
    sync_server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init-server", "--server", sync_server_url)[0] == 0
    profile = tmp_path / "ws"
    save_settings(profile, Settings(server_url=sync_server_url))
    code, _, err = run(capsys, "status", "--profile", str(profile))
    assert code == cli.EXIT_KNOWN_ERROR and "No workspace in" in err
    assert run(capsys, "user", "list", "--profile", str(profile))[0] == 0  # creates the DB
    code, out, _ = run(capsys, "status", "--profile", str(profile), "--json")
    assert code == 0
    assert json.loads(out)["cursor"] == 0 and json.loads(out)["last_sync"] is None
    server = init_server(sync_server_url)
    with station(tmp_path, server, NOW, "other") as other:
        other.write("customers", meta(NOW, customer_no="C00000001", name="周六", gender="female",
                                      city="杭州", language="zh", tags="", notes="",
                                      created_at=NOW))
        other.client.run_round()
    code, out, _ = run(capsys, "sync", "--profile", str(profile), "--json")
    figures = json.loads(out)
    assert code == 0
    assert (figures["pushed"], figures["pulled"], figures["outbox"]) == (0, 1, 0)
    code, out, _ = run(capsys, "status", "--profile", str(profile), "--json")
    status = json.loads(out)
    assert status["cursor"] == figures["cursor"] >= 1 and status["last_sync"] is not None
    server.dispose()


def test_simulate_passes_its_invariants_and_leaves_nothing_behind(
    sync_server_url: str, tmp_path: Path
) -> None:
    report = simulate(sync_server_url, agents=4, seconds=3, work_dir=tmp_path, seed=7,
                      call_seconds=0.3)
    figures = report.as_dict()
    assert figures["passed"], figures["problems"]
    assert figures["calls"] > 0 and figures["leases"] >= figures["calls"]
    assert set(figures["invariants"]) == {
        "results_on_server_exactly_once", "no_contact_leased_twice",
        "all_workstations_converged", "no_agent_failed"}
    engine = server_engine(sync_server_url)
    with engine.connect() as conn:
        left = conn.execute(sa.text(
            "SELECT COUNT(*) FROM calls WHERE site LIKE :site"), {"site": "sim-%"}).scalar_one()
        logged = conn.execute(sa.text(
            "SELECT COUNT(*) FROM change_log WHERE scope LIKE :site"), {"site": "sim-%"}
        ).scalar_one()
    engine.dispose()
    assert (left, logged) == (0, 0)


def test_simulate_cli_prints_figures_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "sqlite:///" + str(tmp_path / "server.db")
    code, out, _ = run(capsys, "simulate", "--server", url, "--agents", "2", "--seconds", "2",
                       "--call-seconds", "0.2")
    assert code == 0
    assert "PASS  results on server exactly once" in out
    assert "PASS  no contact leased twice" in out
    assert "PASS  all workstations converged" in out


def test_a_workstation_behind_purged_tombstones_resyncs(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = init_server(sync_server_url)
    with station(tmp_path, server, NOW, "a") as a, station(tmp_path, server, NOW, "b") as b:
        customer = a.write("customers", meta(NOW, customer_no="C00000001", name="吴七",
                                             gender="male", city="", language="zh", tags="",
                                             notes="", created_at=NOW))
        phone = a.write("customer_phones", meta(
            NOW, customer_id=customer["id"], e164="+8613800138000", tail_key="0008310083168",
            kind="mobile", label="", is_primary=True))
        a.client.run_round()
        b.client.run_round()
        assert b.row("customer_phones", phone["id"]) is not None
        # a deletes the phone; b is offline while the tombstone is purged
        a.edit("customer_phones", phone["id"], deleted_at=NOW)
        a.client.run_round()
        with server.engine.begin() as conn:  # the tombstone is old enough to go
            conn.execute(customer_phones.update().where(customer_phones.c.id == phone["id"])
                         .values(deleted_at=NOW - timedelta(days=400)))
        report = purge_tombstones(server, timedelta(days=30))
        assert report.removed == {"customer_phones": 1}
        # b wrote offline meanwhile: its change must survive the resync
        b.edit("customers", customer["id"], notes="客户要求周末联系")
        round_report = b.client.run_round()
        assert round_report.resynced and round_report.pushed == 1
        assert b.row("customer_phones", phone["id"]) is None
        assert b.row("customers", customer["id"])["notes"] == "客户要求周末联系"
        again = b.client.run_round()
        assert not again.resynced and again.pulled == 0
    server.dispose()


def test_users_added_on_the_server_reach_workstations_and_can_sign_in(
    sync_server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from agentdesk.services.clock import SystemClock
    from agentdesk.services.workspace import open_workspace

    assert run(capsys, "init-server", "--server", sync_server_url)[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    code, out, _ = run(capsys, "user", "add", "--server", sync_server_url, "zhang.wei",
                       "--name", "张伟", "--role", "supervisor", "--password-stdin")
    assert code == 0 and out.startswith("Added zhang.wei (supervisor) on ")
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    code, _, err = run(capsys, "user", "add", "--server", sync_server_url, "ZHANG.WEI",
                       "--password-stdin")
    assert code == cli.EXIT_KNOWN_ERROR and err.strip().endswith("username: taken")
    profile = tmp_path / "ws"
    save_settings(profile, Settings(server_url=sync_server_url))
    assert run(capsys, "user", "list", "--profile", str(profile))[0] == 0
    assert run(capsys, "sync", "--profile", str(profile))[0] == 0
    ws = open_workspace(profile, SystemClock())
    try:
        assert ws.auth.sign_in("zhang.wei", "a long enough secret").display_name == "张伟"
    finally:
        ws.close()
