"""The ``agentdesk`` program: parse the command line, wire the console, run Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from agentdesk import __version__
from agentdesk.config import (
    DEMO_SERVER_DB,
    LOCAL_DB,
    SERVER_ENV,
    SettingsError,
    data_directory,
    ensure_settings,
    load_settings,
)

# Only the standard library and light modules are imported above; Qt, SQLAlchemy and Alembic
# load inside main(), after this mark, so --startup-report counts them.
STARTED = time.perf_counter()
DEMO_SUBDIR = "demo"
SCREENSHOT_SIZE = (1280, 800)
DEFAULT_SEED = 2026
log = logging.getLogger("agentdesk")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the parsed command line of ``agentdesk``."""
    parser = argparse.ArgumentParser(prog="agentdesk", description="AgentDesk agent console")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo workspace (created on first use) as a demo agent")
    parser.add_argument("--profile", metavar="DIR", help="data directory to use")
    parser.add_argument("--server", metavar="URL",
                        help=f"server database URL (default: ${SERVER_ENV} or the settings)")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="render the window off-screen once loaded, save it and exit")
    parser.add_argument("--scene",
                        choices=("console", "call", "script", "knowledge", "order", "desk"),
                        default="console",
                        help="with --screenshot: what to show (call: a demo call in progress; "
                             "script: a call a few steps into its script; knowledge: a "
                             "knowledge search with an article open; order: the order form of "
                             "a call; desk: the delivery desk)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="demo data seed")
    parser.add_argument("--startup-report", action="store_true",
                        help="print when the window first painted and when it was ready "
                             "(seconds since start), then exit")
    parser.add_argument("--version", action="version", version=f"AgentDesk {__version__}")
    return parser.parse_args(argv)


def _choose_directory(args: argparse.Namespace) -> tuple[Path, bool]:
    """Return the data directory and whether it is the demo workspace.

    With nothing configured (no profile, no server, no local database yet) AgentDesk opens
    the demo workspace, so a first start shows a working console.
    """
    base = data_directory(args.profile)
    if args.demo:
        return (base if args.profile else base / DEMO_SUBDIR), True
    configured = (
        args.profile or args.server or os.environ.get(SERVER_ENV)
        or (base / LOCAL_DB).exists() or _settings_name_a_server(base)
    )
    return (base, False) if configured else (base / DEMO_SUBDIR, True)


def _settings_name_a_server(base: Path) -> bool:
    try:
        return bool(load_settings(base).server_url)
    except SettingsError:
        return True  # unreadable settings belong to a real workstation, never the demo


def _setup_logging(directory: Path) -> Path:
    log_dir = directory / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "agentdesk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _report_startup(console: Any, app: Any, started: float) -> None:
    """Print ``first_paint`` and ``ready`` times (seconds since main() began), then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"first_paint {time.perf_counter() - started:.4f}", flush=True)
                watched.removeEventFilter(self)
            return False

    spy = FirstPaint(console.window)
    console.window.installEventFilter(spy)

    def ready() -> None:
        print(f"ready {time.perf_counter() - started:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)

    console.ready.connect(ready)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the agent console; return the process exit code."""
    args = parse_args(argv)
    headless = bool(args.screenshot or args.startup_report)
    if headless and not os.environ.get("DISPLAY") and not os.environ.get(
        "WAYLAND_DISPLAY"
    ) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    directory, demo = _choose_directory(args)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        log_path = _setup_logging(directory)
    except OSError as exc:
        print(f"agentdesk: cannot use the data folder {directory}: {exc.strerror}",
              file=sys.stderr)
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from agentdesk.services.clock import SystemClock
    from agentdesk.ui.console import Console, StartOptions
    from agentdesk.ui.i18n import LanguageSwitcher, system_language
    from agentdesk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AgentDesk")
    icon = Path(__file__).parent / "resources" / "icons" / "agentdesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    def crash(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.critical("Unhandled error\n%s", details)
        if headless:  # nobody is there to close a dialog
            print(details, file=sys.stderr, flush=True)
            os._exit(1)
        QMessageBox.critical(None, "AgentDesk", QApplication.translate(
            "Crash", "AgentDesk hit an unexpected error and may need a restart. The details "
            "were written to %1; please send that file to your administrator.").replace(
                "%1", str(log_path)))

    sys.excepthook = crash
    settings = ensure_settings(directory)
    switcher = LanguageSwitcher(app)
    switcher.switch(args.lang or settings.language or system_language())
    server_url = args.server or os.environ.get(SERVER_ENV) or settings.server_url
    if demo:
        server_url = "demo:" + str(directory / DEMO_SERVER_DB)
    runner = TaskRunner(app)
    runner.bug.connect(lambda exc: crash(type(exc), exc, exc.__traceback__))
    options = StartOptions(
        directory=directory, demo=demo, seed=args.seed, server_url=server_url,
        settings=settings,
    )
    console = Console(options, SystemClock(), switcher, runner)
    exit_code = 0

    def give_up(message: str) -> None:
        nonlocal exit_code
        exit_code = 1
        print(f"failed {message}", file=sys.stderr, flush=True)
        app.exit(exit_code)

    if headless:
        console.failed.connect(give_up)
    if args.screenshot:
        target = Path(args.screenshot)
        console.window.resize(SCREENSHOT_SIZE[0], SCREENSHOT_SIZE[1])  # not the saved size

        def capture(widget: QWidget | None = None) -> None:
            if not (widget or console.window).grab().save(str(target)):
                give_up(f"cannot write {target}")
            # exit(), not quit(): quit() asks the windows to close, and the console refuses
            # while a call is on the line (the script and call scenes capture one).
            app.exit(exit_code)

        if args.scene == "call":
            from agentdesk.ui.calls.scene import CallScene

            scene = CallScene(console.window.calls, capture)
            console.ready.connect(scene.play)
        elif args.scene == "script":
            from agentdesk.ui.scripts.scene import ScriptScene

            script_scene = ScriptScene(console.window.calls, console.window.scripts, capture)
            console.ready.connect(script_scene.play)
        elif args.scene in ("order", "desk"):
            from agentdesk.ui.orders.scene import DeskScene, OrderScene

            order_scene = (OrderScene if args.scene == "order" else DeskScene)(
                console.window, capture)
            console.ready.connect(order_scene.play)
        elif args.scene == "knowledge":
            from agentdesk.ui.knowledge.scene import KnowledgeScene

            kb_scene = KnowledgeScene(console.window.knowledge, capture)
            console.ready.connect(kb_scene.play)
        else:
            console.ready.connect(lambda: QTimer.singleShot(300, capture))
    if args.startup_report:
        _report_startup(console, app, STARTED)
    console.start()
    app.exec()
    console.shutdown()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
