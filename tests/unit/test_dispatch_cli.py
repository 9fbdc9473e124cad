"""``agentdesk-admin dispatch``: loads, CSV sheets, hand-overs and results files (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from agentdesk import cli_dispatch
from agentdesk.domain.orders import OrderStatus
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from tests.conftest import NOW
from tests.helpers.admin_cli import run
from tests.helpers.dispatch import Deliveries, add_orders, write_results

DAY = "2026-11-23"  # NOW's day: orders taken at 14:30 go with the 17:30 round


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run at NOW, when the test's orders were taken."""
    monkeypatch.setattr(cli_dispatch, "SystemClock", lambda: FixedClock(NOW))
    monkeypatch.delenv("AGENTDESK_SERVER_URL", raising=False)


@contextmanager
def opened(profile: Path) -> Iterator[Workspace]:
    ws = open_workspace(profile, FixedClock(NOW), hasher=fast_hasher())
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def desk(profile: Path) -> Deliveries:
    with opened(profile) as ws:
        return add_orders(ws, 2, pickups=1)


def statuses(profile: Path, desk: Deliveries) -> list[OrderStatus]:
    with opened(profile) as ws:
        service = ws.orders_for(desk.agent)
        return [service.order(o.order_no).status for o in desk.orders]


def test_loads_lists_the_handovers_with_their_orders(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries) -> None:
    code, out, _err = run(capsys, "dispatch", "loads", "--profile", str(profile))

    assert code == 0
    line = next(x for x in out.splitlines() if f"{DAY} 17:30" in x)
    assert "17:30 round" in line and "3/120" in line and "2026-11-24" in line


def test_sheet_csv_holds_the_home_deliveries(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    code, out, _err = run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round",
                          "17:30", "--date", DAY, "--format", "csv")

    target = tmp_path / f"dispatch-{DAY}-1730-home.csv"
    assert code == 0
    assert str(target) in out and "2 orders" in out
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("序号,订单号")
    home, pickup = desk.orders[:2], desk.orders[2]
    assert all(o.order_no in text for o in home)
    assert pickup.order_no not in text


def test_a_hall_sheet_in_english_by_the_halls_name(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    code, _out, _err = run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round",
                           "17:30 round (next-day delivery)", "--date", DAY, "--hall",
                           "chaoyangmen HALL", "--lang", "en", "--output", str(tmp_path))

    text = (tmp_path / f"dispatch-{DAY}-1730-hall-chaoyangmen-hall.csv").read_text(
        encoding="utf-8-sig")
    assert code == 0
    assert text.startswith("No.,Order no.")
    assert desk.orders[2].order_no in text and desk.orders[0].order_no not in text
    assert "Pay at hall" in text


def test_the_whole_round_has_a_file_name_of_its_own(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    for hall in ("team", "all"):
        code, _out, _err = run(capsys, "dispatch", "sheet", "--profile", str(profile),
                               "--round", "1730", "--date", DAY, "--hall", hall, "--output",
                               str(tmp_path))
        assert code == 0

    whole = (tmp_path / f"dispatch-{DAY}-1730-all.csv").read_text(encoding="utf-8-sig")
    team = (tmp_path / f"dispatch-{DAY}-1730-home.csv").read_text(encoding="utf-8-sig")
    assert all(o.order_no in whole for o in desk.orders)
    assert desk.orders[2].order_no not in team


def test_an_unknown_round_is_refused_naming_the_rounds(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    code, out, err = run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round",
                         "09:00", "--date", DAY, "--output", str(tmp_path / "sheet.csv"))

    assert code == 2
    assert out == ""
    assert "no round '09:00'" in err and "11:30" in err and "17:30" in err
    assert not (tmp_path / "sheet.csv").exists()


def test_an_unknown_hall_is_refused_naming_the_halls(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries) -> None:
    code, _out, err = run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round",
                          "17:30", "--date", DAY, "--hall", "Xidan")

    assert code == 2
    assert "no hall 'Xidan'" in err and "Chaoyangmen hall" in err and "team" in err


def test_a_date_that_is_not_a_date_is_a_usage_error(
        capsys: pytest.CaptureFixture[str], profile: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round", "17:30",
            "--date", "23.11.2026")

    assert exit_.value.code == 2
    assert "not a date YYYY-MM-DD" in capsys.readouterr().err


def test_a_workspace_that_does_not_exist_is_not_created(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "dispatch", "loads", "--profile", str(tmp_path / "none"))

    assert code == 2
    assert "No workspace" in err
    assert not (tmp_path / "none").exists()


def test_hand_over_marks_the_team_sheet_dispatched(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries) -> None:
    code, out, _err = run(capsys, "dispatch", "hand-over", "--profile", str(profile),
                          "--round", "17:30", "--date", DAY, "--as", "sup01")

    assert code == 0
    assert "Handed over 2 orders to the delivery team" in out
    assert statuses(profile, desk) == [OrderStatus.DISPATCHED, OrderStatus.DISPATCHED,
                                       OrderStatus.CONFIRMED]


def test_an_agent_cannot_hand_over(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries) -> None:
    code, _out, err = run(capsys, "dispatch", "hand-over", "--profile", str(profile),
                          "--round", "17:30", "--date", DAY, "--as", "agent01")

    assert code == 2
    assert "agent01 (agent) cannot manage deliveries" in err
    assert set(statuses(profile, desk)) == {OrderStatus.CONFIRMED}


def test_results_all_saved_exit_0(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    first, second = desk.orders[0], desk.orders[1]
    path = write_results(tmp_path / "results.csv",
                         f"{first.order_no},已送达,,{first.total},,王建国",
                         f"{second.order_no},派送失败,客户不在家,,,王建国")

    code, out, _err = run(capsys, "dispatch", "results", str(path), "--profile", str(profile),
                          "--as", "sup01")

    assert code == 0
    assert out.splitlines() == ["2 rows: 2 results saved, 0 problems, 1 callback booked for "
                                "the agents"]
    assert statuses(profile, desk)[:2] == [OrderStatus.DELIVERED, OrderStatus.FAILED]


def test_results_with_a_refused_row_exit_1_naming_its_line(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    first, second = desk.orders[0], desk.orders[1]
    path = write_results(tmp_path / "results.csv", f"{first.order_no},已送达,,,,",
                         f"{second.order_no},拒收,,,,", "SO000000-NOSUCH,已送达,,,,")

    code, out, _err = run(capsys, "dispatch", "results", str(path), "--profile", str(profile),
                          "--as", "sup01")

    assert code == 1
    assert out.splitlines() == [
        f"line 3: order {second.order_no}: a reason is required for a failed, refused or "
        "rescheduled delivery",
        "line 4: no order SO000000-NOSUCH",
        "3 rows: 1 result saved, 2 problems"]
    assert statuses(profile, desk)[:2] == [OrderStatus.DELIVERED, OrderStatus.CONFIRMED]


def test_results_with_nothing_usable_exit_2(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("order,what\nSO1,delivered\n", encoding="utf-8")

    code, out, _err = run(capsys, "dispatch", "results", str(path), "--profile", str(profile),
                          "--as", "sup01")

    assert code == 2
    assert out.splitlines()[0].startswith("line 1: ")
    assert out.splitlines()[-1] == "0 rows: 0 results saved, 1 problem"


def test_a_results_file_that_cannot_be_read_exits_2(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    code, _out, err = run(capsys, "dispatch", "results", str(tmp_path / "missing.csv"),
                          "--profile", str(profile), "--as", "sup01")

    assert code == 2
    assert "missing.csv" in err


def test_a_dry_run_saves_nothing(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries,
        tmp_path: Path) -> None:
    first, second = desk.orders[0], desk.orders[1]
    path = write_results(tmp_path / "results.csv", f"{first.order_no},已送达,,,,",
                         f"{second.order_no},改期,客户出差,,2026-11-30,")

    code, out, _err = run(capsys, "dispatch", "results", str(path), "--dry-run", "--profile",
                          str(profile), "--as", "sup01")

    assert code == 0
    assert out.splitlines() == ["2 rows: 2 results would be saved, 0 problems, 1 callback "
                                "would be booked for the agents (dry run, nothing saved)"]
    assert set(statuses(profile, desk)) == {OrderStatus.CONFIRMED}


def test_cancel_gives_the_place_back_and_is_refused_once_closed(
        capsys: pytest.CaptureFixture[str], profile: Path, desk: Deliveries) -> None:
    order = desk.orders[0]
    code, out, _err = run(capsys, "dispatch", "cancel", "--profile", str(profile),
                          order.order_no, "--reason", "客户改变主意", "--as", "sup01")
    assert (code, out.strip()) == (0, f"Cancelled order {order.order_no}")
    assert statuses(profile, desk)[0] is OrderStatus.CANCELLED
    code, out, _err = run(capsys, "dispatch", "loads", "--profile", str(profile))
    line = next(x for x in out.splitlines() if f"{DAY} 17:30" in x)
    assert "2/120" in line  # its place in the round is free again
    code, out, err = run(capsys, "dispatch", "cancel", "--profile", str(profile),
                         order.order_no, "--reason", "again", "--as", "sup01")
    assert code != 0 and "closed" in err
    code, out, err = run(capsys, "dispatch", "cancel", "--profile", str(profile),
                         "SO000000-NOTHING", "--reason", "x", "--as", "sup01")
    assert code != 0 and "SO000000-NOTHING" in err
