"""GUI fixtures: a signed-in console over a small workspace, driven like an agent drives it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agentdesk.domain.customers import Customer
from agentdesk.domain.people import User
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.factories import add_customer, add_history, add_user


@dataclass
class Console:
    window: MainWindow
    workspace: Workspace
    user: User
    wang: Customer
    runner: TaskRunner


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication) -> LanguageSwitcher:
    """Run the GUI tests in English, with its compiled plural forms (scripts/build_resources)."""
    switcher = LanguageSwitcher(qapp)
    assert switcher.switch("en"), "run scripts/build_resources.py to compile the translations"
    return switcher


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A task runner whose unexpected exceptions fail the test."""
    runner = TaskRunner()
    bugs: list[object] = []
    runner.bug.connect(bugs.append)
    yield runner
    QThreadPool.globalInstance().waitForDone(10_000)
    assert not bugs, f"background task raised: {bugs!r}"


@pytest.fixture
def console(
    qtbot: QtBot, workspace: Workspace, clock: FixedClock, runner: TaskRunner, tmp_path: Path
) -> Console:
    user = add_user(workspace)
    wang = add_customer(workspace, user, name="王小明", phones=["13800138000", "010-65529988"])
    add_history(workspace, wang, user, clock.now())
    add_customer(workspace, user, name="王芳", phones=["13900139001"])
    add_customer(workspace, user, name="李小明", phones=["13700137000"], tags=["价格敏感"])
    window = MainWindow(runner, tmp_path / "ui-state.ini", clock=clock)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.calls.controller.state_recorded, timeout=5000):
        window.set_session(workspace, user)  # signing in records "not ready"
    window.show()
    qtbot.waitExposed(window)
    return Console(window, workspace, user, wang, runner)
