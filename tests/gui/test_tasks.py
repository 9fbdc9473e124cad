from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from agentdesk.domain.errors import KnownError
from agentdesk.ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_reports_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.run(work, done)
    assert seen == {"worker": seen["worker"], "callback": gui, "value": 42}
    assert seen["worker"] != gui
    assert runner.running == 0


def test_known_errors_go_to_failure_or_the_signal(qtbot: QtBot, runner: TaskRunner) -> None:
    failures: list[KnownError] = []

    def fail() -> None:
        raise KnownError("disk full", code="disk_full")

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.run(fail, failure=failures.append)
    assert [f.code for f in failures] == ["disk_full"]
    with qtbot.waitSignal(runner.known_error, timeout=5000) as unhandled:
        runner.run(fail)
    assert unhandled.args[0].code == "disk_full"


def test_bugs_are_reported_not_swallowed(qtbot: QtBot) -> None:
    runner = TaskRunner()
    with qtbot.waitSignal(runner.bug, timeout=5000) as bug:
        runner.run(lambda: 1 / 0)
    assert isinstance(bug.args[0], ZeroDivisionError)


def test_callbacks_of_a_closed_widget_are_skipped(qtbot: QtBot, runner: TaskRunner) -> None:
    label = QLabel()
    gate = threading.Event()
    calls: list[str] = []
    runner.run(lambda: gate.wait(5), lambda _v: calls.append("late"), owner=label)
    label.deleteLater()
    qtbot.wait(50)
    gate.set()
    qtbot.waitUntil(lambda: runner.running == 0, timeout=5000)
    assert calls == []


def test_a_bug_is_reported_even_when_its_widget_is_gone(qtbot: QtBot) -> None:
    runner = TaskRunner()
    label = QLabel()
    gate = threading.Event()
    finished: list[str] = []

    def work() -> None:
        gate.wait(5)
        raise RuntimeError("bug")

    runner.run(work, owner=label, finished=lambda: finished.append("x"))
    label.deleteLater()
    qtbot.wait(50)
    with qtbot.waitSignal(runner.bug, timeout=5000) as bug:
        gate.set()
    assert isinstance(bug.args[0], RuntimeError)
    assert finished == []  # the widget is gone: none of its callbacks run


def test_finished_runs_after_success_failure_and_bugs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.bug.connect(lambda _e: None)
    done: list[str] = []

    def fail() -> None:
        raise KnownError("x")

    for name, fn in (("ok", lambda: 1), ("known", fail), ("bug", lambda: 1 / 0)):
        runner.run(fn, failure=lambda _e: None, finished=lambda n=name: done.append(n))
    qtbot.waitUntil(lambda: len(done) == 3, timeout=5000)
    assert sorted(done) == ["bug", "known", "ok"]
