"""Starting the console: open the workspace off the GUI thread, sign in, show the window."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from agentdesk.config import DEMO_SERVER_DB, LOCAL_DB, Settings, save_settings
from agentdesk.domain.errors import KnownError
from agentdesk.domain.people import User
from agentdesk.services.customers import CustomerRecord
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.messages import Messages, show_error
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from agentdesk.domain.ports import Clock
    from agentdesk.domain.telephony import Phone

    # The data stack (SQLAlchemy, Alembic) loads on the worker thread that opens the
    # workspace, while the window is already painting.
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.calls.phone_bridge import QtScheduler
    from agentdesk.ui.login_dialog import LoginDialog

log = logging.getLogger(__name__)
UI_STATE_FILE = "ui-state.ini"


@dataclass(frozen=True)
class StartOptions:
    """How the console was asked to start.

    Attributes:
        directory: The data directory of the workspace.
        demo: Open (creating if needed) the demo workspace and sign in its demo agent.
        seed: Seed of the demo data.
        server_url: Server database URL ("" for none); a demo workspace always syncs with
            its embedded server.
        settings: The workstation settings read from ``directory``.
    """

    directory: Path
    demo: bool
    seed: int
    server_url: str
    settings: Settings


class Console(QObject):
    """Owns the main window and the workspace for the life of the program.

    Signals:
        ready(): the workspace is open, a user is signed in, and (in the demo) a customer is
            on screen.
        failed(str): the workspace could not be opened; the message was shown.
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        options: StartOptions,
        clock: Clock,
        switcher: LanguageSwitcher,
        runner: TaskRunner,
    ) -> None:
        super().__init__()
        self.options = options
        self._clock = clock
        self._switcher = switcher
        self._runner = runner
        self._messages = Messages(self)
        self.workspace: Workspace | None = None
        self.login: LoginDialog | None = None
        self._first_customer = ""
        self._is_ready = False
        self.window = MainWindow(runner, options.directory / UI_STATE_FILE, clock=clock)
        self.window.calls.phone_factory = self._make_phone
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.sign_in_requested.connect(self.show_login)
        runner.known_error.connect(
            lambda error: self.window.statusBar().showMessage(self._messages.error(error)))
        self.window.language_requested.connect(self.set_language)
        self.window.show_language(switcher.language)

    def start(self) -> None:
        """Show the window at once; open the workspace in the background once it painted.

        Opening imports the data stack and migrates; started after the first paint, it does
        not compete with the window for the interpreter.
        """
        self.window.installEventFilter(self)
        self.window.statusBar().showMessage(self.tr("Opening the workspace…"))
        self.window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Start opening the workspace after the window's first paint."""
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._begin_opening)
        return False

    def _make_phone(self, workspace: Workspace, scheduler: QtScheduler,
                    callers: Callable[[], str]) -> Phone:
        """The phone the settings name; the simulated one, with a warning, if it cannot be."""
        from agentdesk.services.calls import DEFAULT_BACKEND, open_phone

        settings = self.options.settings
        try:
            return open_phone(settings.phone_backend, scheduler, workspace.clock,
                              settings.phone_options, callers)
        except KnownError as error:
            log.error("Phone backend %r unusable: %s", settings.phone_backend, error)
            show_error(self.window, self.tr("Phone"), self.tr(
                "The phone configured for this computer cannot be used, so the training "
                "phone (simulated calls) is in use instead. Tell your administrator: %1")
                .replace("%1", str(error)))
            return open_phone(DEFAULT_BACKEND, scheduler, workspace.clock, {}, callers)

    def _begin_opening(self) -> None:
        self._runner.run(self._open_workspace, self._opened, self._open_failed)

    def _open_workspace(self) -> tuple[Workspace, str]:  # runs on a worker thread
        from agentdesk.services.workspace import create_demo_workspace, open_workspace

        options = self.options
        if options.demo and not (options.directory / LOCAL_DB).exists():
            log.info("Creating the demo workspace in %s", options.directory)
            create_demo_workspace(options.directory, seed=options.seed, now=self._clock.now())
        from agentdesk.config import password_for

        server_url = options.server_url
        if options.demo:
            server_url = "demo:" + str(options.directory / DEMO_SERVER_DB)
        workspace = open_workspace(
            options.directory, self._clock, server_url=server_url,
            workstation_id=options.settings.workstation_id,
            server_password=password_for(server_url),
        )
        return workspace, workspace.showcase_customer_no() if options.demo else ""

    def _opened(self, opened: tuple[Workspace, str]) -> None:
        workspace, self._first_customer = opened
        self.workspace = workspace
        self.window.statusBar().clearMessage()
        if self.options.demo:
            from agentdesk.services.demo import DEMO_AGENT, DEMO_PASSWORD

            self._runner.run(lambda: workspace.auth.sign_in(DEMO_AGENT, DEMO_PASSWORD),
                             self._signed_in, self._open_failed)
        else:
            self.show_login()

    def _open_failed(self, error: KnownError) -> None:
        text = self._messages.error(error)
        self.window.statusBar().showMessage(text)
        show_error(self.window, self.tr("AgentDesk"), text)
        self.failed.emit(text)

    def show_login(self) -> None:
        """Ask for a username and password."""
        from agentdesk.ui.login_dialog import LoginDialog  # the demo never needs it

        workspace = self.workspace
        if workspace is None:
            return
        self.window.console_actions.sign_in.setEnabled(True)  # to come back after Cancel
        self.login = LoginDialog(workspace.auth.sign_in, self._runner,
                                 self.options.settings.last_username, self.window)
        self.login.signed_in.connect(self._signed_in)
        self.login.open()

    def _signed_in(self, user: User) -> None:
        workspace = self.workspace
        assert workspace is not None
        self.window.set_session(workspace, user)
        settings = self.options.settings
        if settings.last_username != user.username:
            settings.last_username = user.username
            self._save_settings()
        search, self._first_customer = self._first_customer, ""
        if search:
            self.window.customers.record_loaded.connect(self._first_record)
            self.window.customers.search.search_now(search)
        else:
            self._mark_ready()

    def _first_record(self, _record: CustomerRecord) -> None:
        self.window.customers.record_loaded.disconnect(self._first_record)
        self._mark_ready()

    def _mark_ready(self) -> None:
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def sign_out(self) -> None:
        """Clear the console and ask for the next user."""
        self.window.set_session(None, None)
        self.show_login()

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        self._switcher.switch(language)
        self.window.show_language(self._switcher.language)
        self.options.settings.language = self._switcher.language
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            save_settings(self.options.directory, self.options.settings)
        except KnownError as error:
            self.window.statusBar().showMessage(self._messages.error(error))

    def shutdown(self) -> None:
        """Stop sync, wait for background work, remember the layout, close the database."""
        self.window.stop_background()
        self.window.save_layout()
        self._runner.wait_idle()
        if self.workspace is not None:
            self.workspace.close()
