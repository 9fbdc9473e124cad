"""Background sync in the console: rounds on demand and on a timer, offline, issues, progress."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from agentdesk.domain.errors import KnownError
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import User
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.migrate import SERVER, upgrade
from agentdesk.store.schema.local import outbox, rejected
from agentdesk.store.schema.people import users
from agentdesk.store.schema.sync import sync_conflicts
from agentdesk.sync.connection import server_engine
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.labels import Labels
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.sync import MAX_BACKOFF_MS, SYNC_INTERVAL_MS, SyncController
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.factories import add_customer, add_user, count

ROUND_MS = 10_000
OFFLINE = "Offline — changes kept on this computer"


@dataclass
class Desk:
    window: MainWindow
    workspace: Workspace
    user: User
    server: Path

    @property
    def controller(self) -> SyncController:
        return self.window.sync


def make_server(path: Path) -> str:
    """Create an empty AgentDesk server database in a SQLite file; return its URL."""
    url = "sqlite:///" + str(path)
    engine = server_engine(url)
    try:
        upgrade(engine, role=SERVER)
    finally:
        engine.dispose()
    return url


def open_synced(directory: Path, clock: FixedClock, url: str, station: str) -> Workspace:
    return open_workspace(directory, clock, server_url=url, workstation_id=station,
                          hasher=fast_hasher())


def add_server_user(workspace: Workspace, username: str = "agent01",
                    server_url: str = "") -> User:
    """Add a user as if it came with the server's reference data (nothing to push).

    With ``server_url`` the server gets the user too, so the agent's own work (the state
    events signing in records) is accepted there.
    """
    user = add_user(workspace, username)
    with workspace.database.write() as conn:
        conn.execute(outbox.delete())
        row = conn.execute(sa.select(users).where(users.c.id == user.id)).one()._asdict()
    if server_url:
        engine = server_engine(server_url)
        try:
            with engine.begin() as conn:
                if sa.inspect(conn).has_table("users"):  # not a bare, schema-less file
                    conn.execute(users.insert(), row)
        finally:
            engine.dispose()
    return user


@pytest.fixture
def desk_factory(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, runner: TaskRunner
) -> Iterator[Callable[..., Desk]]:
    """Open a workspace syncing with ``url`` in a console window; nobody is signed in yet."""
    made: list[Desk] = []

    def make(url: str, server: Path) -> Desk:
        workspace = open_synced(tmp_path / "ws", clock, url, "ws-test")
        user = add_server_user(workspace, server_url=url if server.is_file() else "")
        window = MainWindow(runner, tmp_path / "ui-state.ini")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        desk = Desk(window, workspace, user, server)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.window.set_session(None, None)  # sign-out stops the rounds
    runner.wait_idle()
    for desk in made:
        desk.workspace.close()


@pytest.fixture
def desk(tmp_path: Path, desk_factory: Callable[..., Desk], qtbot: QtBot) -> Desk:
    """A signed-in console whose workspace has reached its SQLite server once."""
    server = tmp_path / "server.db"
    d = desk_factory(make_server(server), server)
    with qtbot.waitSignals([d.controller.round_finished,
                            d.window.calls.controller.state_recorded], timeout=ROUND_MS):
        d.window.set_session(d.workspace, d.user)
    return d


def test_f9_syncs_now_and_the_status_bar_says_so(qtbot: QtBot, desk: Desk) -> None:
    window, area = desk.window, desk.window.sync_area
    qtbot.waitUntil(lambda: area.connection.text() == "Online", timeout=5000)
    add_customer(desk.workspace, desk.user, name="赵六", phones=["13600136000"])
    queued = count(desk.workspace, outbox)
    assert queued > 0
    area.refresh()
    qtbot.waitUntil(lambda: area.outbox.text().startswith(f"{queued} changes waiting"),
                    timeout=5000)
    with qtbot.waitSignal(desk.controller.round_finished, timeout=ROUND_MS) as finished:
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert finished.args[0].pushed == queued
    qtbot.waitUntil(lambda: area.outbox.text() == "All changes saved", timeout=5000)
    assert area.connection.text() == "Online"
    assert area.last_sync.text().startswith("Last sync ")
    assert area.server.text() == "Server: server.db"
    assert area.server.toolTip() == "sqlite:///" + str(desk.server)
    assert not area.issues.isVisible()
    assert count(desk.workspace, outbox) == 0
    assert window.console_actions.sync_now.shortcut().toString() == "F9"
    assert window.console_actions.sync_now in window.sync_menu.actions()


def test_changes_reach_the_server_within_two_seconds_without_asking(
    qtbot: QtBot, desk: Desk
) -> None:
    add_customer(desk.workspace, desk.user, name="钱七", phones=["13500135000"])
    with qtbot.waitSignal(desk.controller.round_finished, timeout=2 * SYNC_INTERVAL_MS,
                          check_params_cb=lambda report: report.pushed > 0):
        pass  # the timer's next round pushes it
    assert count(desk.workspace, outbox) == 0


def test_rounds_never_overlap_and_run_on_workers(qtbot: QtBot, runner: TaskRunner) -> None:
    service = FakeSync()
    controller = SyncController(runner)
    service.gate.clear()
    controller.start(service)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: service.started == 1, timeout=5000)
    for _ in range(3):
        assert controller.sync_now()  # queued behind the running round, only once
    assert controller.running and controller.syncing
    with qtbot.waitSignals([controller.round_finished] * 2, timeout=ROUND_MS):
        service.gate.set()
    assert service.most_at_once == 1
    assert threading.get_ident() not in service.threads
    controller.stop()
    assert not controller.sync_now()
    runner.wait_idle()


def test_a_bug_stops_the_timer_until_asked_again(qtbot: QtBot) -> None:
    runner = TaskRunner()
    bugs: list[object] = []
    runner.bug.connect(bugs.append)
    service = FakeSync()
    service.bug = True
    controller = SyncController(runner)
    with qtbot.waitSignal(runner.bug, timeout=ROUND_MS):
        controller.start(service)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not controller.running, timeout=ROUND_MS)
    assert controller.halted and not controller.scheduled
    service.bug = False
    with qtbot.waitSignal(controller.round_finished, timeout=ROUND_MS):
        controller.sync_now()
    assert not controller.halted
    qtbot.waitUntil(lambda: controller.scheduled, timeout=ROUND_MS)
    controller.stop()
    runner.wait_idle()
    assert len(bugs) == 1


def test_offline_keeps_changes_and_backs_off(
    qtbot: QtBot, tmp_path: Path, desk_factory: Callable[..., Desk]
) -> None:
    unreachable = tmp_path / "no-server"
    unreachable.mkdir()  # a folder, not a database: SQLite cannot open it
    d = desk_factory("sqlite:///" + str(unreachable), unreachable)
    add_customer(d.workspace, d.user, name="孙八", phones=["13300133000"])
    queued = count(d.workspace, outbox)
    with qtbot.waitSignal(d.controller.round_failed, timeout=ROUND_MS) as failed:
        d.window.set_session(d.workspace, d.user)
    assert "server cannot be reached" in failed.args[0]
    queued += 1  # signing in recorded the agent's state ("not ready"), kept offline too
    qtbot.waitUntil(lambda: count(d.workspace, outbox) == queued, timeout=5000)
    area = d.window.sync_area
    qtbot.waitUntil(lambda: area.connection.text() == OFFLINE, timeout=5000)
    qtbot.waitUntil(lambda: area.outbox.text().startswith(f"{queued} changes waiting"),
                    timeout=5000)
    assert area.last_sync.text() == "Never synced"
    assert "server cannot be reached" in area.connection.toolTip()
    delays = [d.controller.next_delay_ms]
    for _ in range(6):  # F9 does not wait for the timer
        with qtbot.waitSignal(d.controller.round_failed, timeout=SYNC_INTERVAL_MS // 2):
            qtbot.keyClick(d.window, Qt.Key.Key_F9)
        delays.append(d.controller.next_delay_ms)
    assert delays == [1500, 3000, 6000, 12_000, 24_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]
    assert count(d.workspace, outbox) == queued
    assert QApplication.activeModalWidget() is None
    assert d.window.findChildren(QMessageBox) == []


def test_going_offline_and_back(qtbot: QtBot, desk: Desk) -> None:
    area, sync = desk.window.sync_area, desk.workspace.sync
    assert sync is not None
    qtbot.waitUntil(lambda: area.connection.text() == "Online", timeout=5000)
    desk.controller.stop()  # hold the rounds while the server file is taken away
    wait_round_done(qtbot, desk)
    sync.close()
    away = desk.server.with_name("away.db")
    os.replace(desk.server, away)
    desk.server.mkdir()
    desk.controller.start(sync)
    qtbot.waitUntil(lambda: area.connection.text() == OFFLINE, timeout=ROUND_MS)
    add_customer(desk.workspace, desk.user, name="周九", phones=["13200132000"])
    queued = count(desk.workspace, outbox)
    with qtbot.waitSignal(desk.controller.round_failed, timeout=ROUND_MS):
        desk.controller.sync_now()
    area.refresh()
    qtbot.waitUntil(lambda: area.outbox.text().startswith(f"{queued} changes waiting"),
                    timeout=5000)
    assert desk.controller.next_delay_ms > SYNC_INTERVAL_MS
    desk.server.rmdir()
    os.replace(away, desk.server)
    with qtbot.waitSignal(desk.controller.round_finished, timeout=ROUND_MS):
        desk.controller.sync_now()
    assert desk.controller.next_delay_ms == SYNC_INTERVAL_MS
    qtbot.waitUntil(lambda: area.outbox.text() == "All changes saved", timeout=5000)
    assert area.connection.text() == "Online"


def test_first_sync_shows_its_progress(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, desk_factory: Callable[..., Desk]
) -> None:
    server = tmp_path / "server.db"
    url = make_server(server)
    other = open_synced(tmp_path / "other", clock, url, "ws-other")
    try:
        writer = add_server_user(other, "agent02")
        for i in range(5):
            add_customer(other, writer, name=f"客户{i}", phones=[f"1380000000{i}"])
        other.sync.run_round()  # type: ignore[union-attr]
    finally:
        other.close()
    d = desk_factory(url, server)
    area = d.window.sync_area
    seen: list[tuple[bool, int, int, str]] = []
    d.controller.progress_changed.connect(lambda _p: seen.append(
        (not area.progress.isHidden(), area.progress.value(), area.progress.maximum(),
         area.progress.text())))
    with qtbot.waitSignal(d.controller.round_finished, timeout=ROUND_MS) as finished:
        d.window.set_session(d.workspace, d.user)
    assert finished.args[0].pulled > 0
    assert seen, "a first sync reports its progress"
    shown, value, maximum, text = seen[-1]
    assert shown and maximum > 0 and value == maximum
    assert text == "First sync 100%"
    assert area.progress.isHidden()
    qtbot.waitUntil(lambda: area.connection.text() == "Online", timeout=5000)
    assert d.workspace.sync is not None and not d.workspace.sync.first_sync_needed()


def test_sync_issues_dialog_lists_rejections_and_conflicts(
    qtbot: QtBot, desk: Desk, clock: FixedClock
) -> None:
    now = clock.now()
    with desk.workspace.database.write() as conn:
        conn.execute(rejected.insert(), {
            "mutation_id": new_id(), "table_name": "customers", "row_id": new_id(),
            "payload": "{}", "reason": "customer_no is too long", "rejected_at": now})
        conn.execute(sync_conflicts.insert(), {
            "id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None, "table_name": "customers", "row_id": new_id(), "kind": "field",
            "field": "city", "kept_value": "北京", "lost_value": "天津",
            "workstation_id": "ws-other", "mutation_id": new_id(), "detected_at": now,
            "resolved_at": None})
    area = desk.window.sync_area
    area.refresh()
    qtbot.waitUntil(lambda: area.issues.text() == "1 conflict · 1 rejected change",
                    timeout=5000)
    assert area.issues.isVisible()
    qtbot.mouseClick(area.issues, Qt.MouseButton.LeftButton)
    dialog = desk.window.sync_issues
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.rejections_model.rowCount() == 1, timeout=5000)
    assert dialog.tabs.tabText(0) == "Rejected changes (1)"
    assert dialog.tabs.tabText(1) == "Conflicts (1)"
    rejections = dialog.rejections_view.model()
    assert [rejections.index(0, c).data() for c in range(3)] == [
        "Customer", Labels.when(now), "customer_no is too long"]
    assert [rejections.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Record", "When", "Reason"]
    conflicts = dialog.conflicts_view.model()
    assert [conflicts.index(0, c).data() for c in range(7)] == [
        "Field conflict", "Customer", "city", "北京", "天津", "ws-other", Labels.when(now)]
    dialog.close()
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.keyClick(desk.window, Qt.Key.Key_Y,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.isVisible()


def test_conflict_kinds_in_words(qtbot: QtBot) -> None:
    from agentdesk.ui.models.sync_issues import SyncIssueWords

    words = SyncIssueWords()
    assert [words.conflict_kind(k) for k in ("field", "double_contact", "renumbered")] == [
        "Field conflict", "Possible double contact", "Customer renumbered"]


def test_protocol_mismatch_is_explained_once_without_blocking(
    qtbot: QtBot, tmp_path: Path, desk_factory: Callable[..., Desk]
) -> None:
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).close()  # a database without the AgentDesk schema
    d = desk_factory("sqlite:///" + str(bare), bare)
    with qtbot.waitSignal(d.controller.upgrade_needed, timeout=ROUND_MS):
        d.window.set_session(d.workspace, d.user)
    boxes = d.window.findChildren(QMessageBox, "upgradeBox")
    assert len(boxes) == 1 and boxes[0].isVisible() and not boxes[0].isModal()
    assert "agentdesk-admin init-server" in boxes[0].text()
    area = d.window.sync_area
    qtbot.waitUntil(lambda: area.connection.text() == "Sync stopped: upgrade needed",
                    timeout=5000)
    d.window.activateWindow()  # the box leaves the console usable
    qtbot.waitUntil(d.window.isActiveWindow, timeout=5000)
    with qtbot.assertNotEmitted(d.controller.upgrade_needed), \
            qtbot.waitSignal(d.controller.round_failed, timeout=SYNC_INTERVAL_MS // 2):
        qtbot.keyClick(d.window, Qt.Key.Key_F9)
    assert len(d.window.findChildren(QMessageBox, "upgradeBox")) == 1
    assert QApplication.activeModalWidget() is None


def test_sign_out_stops_sync_and_sign_in_restarts_it(qtbot: QtBot, desk: Desk) -> None:
    desk.window.set_session(None, None)
    assert not desk.controller.active and not desk.controller.scheduled
    assert not desk.window.console_actions.sync_now.isEnabled()
    assert not desk.window.console_actions.sync_issues.isEnabled()
    assert not desk.controller.sync_now()
    assert not desk.window.sync_area.isVisible()
    with qtbot.waitSignal(desk.controller.round_finished, timeout=ROUND_MS):
        desk.window.set_session(desk.workspace, desk.user)
    assert desk.window.console_actions.sync_now.isEnabled()


def test_status_bar_speaks_chinese_live(qtbot: QtBot, desk: Desk) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switcher = LanguageSwitcher(app)
    area = desk.window.sync_area
    qtbot.waitUntil(lambda: area.connection.text() == "Online", timeout=5000)
    try:
        assert switcher.switch("zh_CN")
        qtbot.waitUntil(lambda: area.connection.text() == "在线", timeout=5000)
        qtbot.waitUntil(lambda: area.outbox.text() == "所有更改已保存", timeout=5000)
        assert desk.window.sync_menu.title() == "同步(&S)"
        assert desk.window.console_actions.sync_now.text() == "立即同步(&N)"
    finally:
        switcher.switch("en")
    qtbot.waitUntil(lambda: area.connection.text() == "Online", timeout=5000)


# ---------------------------------------------------------------------- helpers
def wait_round_done(qtbot: QtBot, desk: Desk) -> None:
    qtbot.waitUntil(lambda: not desk.controller.running, timeout=ROUND_MS)


class FakeSync:
    """Stands in for the sync service: counts rounds, their threads and their overlap."""

    online = None
    bug = False

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.threads: set[int] = set()
        self.started = 0
        self.most_at_once = 0
        self._now = 0
        self._lock = threading.Lock()

    def first_sync_needed(self) -> bool:
        return False

    def run_round(self, progress: Any = None) -> Any:
        with self._lock:
            self.started += 1
            self._now += 1
            self.most_at_once = max(self.most_at_once, self._now)
            self.threads.add(threading.get_ident())
        try:
            if self.bug:
                raise RuntimeError("a bug in the sync engine")
            if not self.gate.wait(10):
                raise KnownError("gate never opened")
            return {"pushed": 0}
        finally:
            with self._lock:
                self._now -= 1
