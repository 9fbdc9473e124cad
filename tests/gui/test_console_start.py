"""The whole start of the console: demo workspace, sign-in, a customer on screen, screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from agentdesk.config import Settings
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import create_demo_workspace
from agentdesk.ui.console import Console, StartOptions
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.tasks import TaskRunner

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    create_demo_workspace(directory, seed=11, now=NOW, customers=400)
    return directory


@pytest.fixture
def started(
    qtbot: QtBot, demo_dir: Path, runner: TaskRunner, english: LanguageSwitcher
) -> Iterator[Console]:
    """The demo console, started and ready."""
    options = StartOptions(directory=demo_dir, demo=True, seed=11,
                           server_url="demo:" + str(demo_dir / "demo-server.db"),
                           settings=Settings())
    console = Console(options, FixedClock(NOW), english, runner)
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.ready, timeout=20_000):
        console.start()
    yield console
    console.shutdown()


def test_demo_console_signs_in_and_opens_the_showcase_customer(
    qtbot: QtBot, started: Console
) -> None:
    window = started.window
    assert window.user is not None and window.user.username == "agent01"
    assert window.user_label.text().endswith("· Agent")
    record = window.customers.record_view.record
    assert record is not None
    assert record.orders, "the showcase customer has orders"
    assert window.customers.record_view.name.text() == record.customer.name
    assert window.windowTitle() == f"AgentDesk — {window.user.display_name}"
    qtbot.waitUntil(lambda: window.sync_area.server.text() == "Demo server (on this computer)",
                    timeout=5000)
    # Signing in recorded the agent's state (not ready); the next sync round sends it.
    qtbot.waitUntil(lambda: window.sync_area.outbox.text() == "All changes saved",
                    timeout=10_000)
    assert window.sync_area.last_sync.text().startswith("Last sync ")


def test_signing_out_asks_for_the_next_user(started: Console) -> None:
    console = started
    console.window.console_actions.sign_out.trigger()
    assert console.window.user is None
    assert console.window.customers.record_view.record is None
    assert console.login is not None and console.login.isVisible()
    assert console.login.username.text() == "agent01"
    console.login.reject()  # the agent cancels: Ctrl+L brings the dialog back
    assert console.window.console_actions.sign_in.isEnabled()
    console.window.console_actions.sign_in.trigger()
    assert console.login.isVisible()


def test_the_system_locale_chooses_the_language() -> None:
    probe = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
             "from agentdesk.ui.i18n import system_language; print(system_language())")
    for lang, expected in (("zh_CN.UTF-8", "zh_CN"), ("en_US.UTF-8", "en"), ("C", "en")):
        env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LANGUAGE": ""}
        out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                             text=True, timeout=60, check=True).stdout.strip()
        assert out == expected, lang


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot_command_renders_the_console(
    demo_dir: Path, tmp_path: Path, language: str
) -> None:
    shot = tmp_path / f"console-{language}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "agentdesk.app", "--demo", "--profile", str(demo_dir),
         "--lang", language, "--screenshot", str(shot)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # a rendered console, not a blank window


def test_screenshot_of_a_call_in_its_script_ends_the_program(
    demo_dir: Path, tmp_path: Path
) -> None:
    # A call is on the line when the picture is taken (an outbound call inside calling
    # hours, an inbound one outside them): the program still ends by itself.
    shot = tmp_path / "script.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "agentdesk.app", "--demo", "--profile", str(demo_dir),
         "--lang", "en", "--screenshot", str(shot), "--scene", "script"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert QImage(str(shot)).width() == 1280


def test_screenshot_of_a_damaged_workspace_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "agentdesk.db").write_bytes(b"not a database" * 100)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "agentdesk.app", "--demo", "--profile", str(tmp_path),
         "--screenshot", str(tmp_path / "x.png")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert "damaged or is not an AgentDesk database" in result.stderr
    assert not (tmp_path / "x.png").exists()
