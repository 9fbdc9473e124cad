"""Puts the call workflow into the main window: call bar, call and callbacks docks, my day."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSystemTrayIcon,
    QToolBar,
)

from agentdesk.domain.agent_states import AgentState
from agentdesk.domain.calls import AgentStateKind, CallDirection
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.phones import format_phone
from agentdesk.domain.telephony import CallState, Phone
from agentdesk.ui.calls.call_panel import CallPanel
from agentdesk.ui.calls.callbacks import CallbacksPanel, callback_line
from agentdesk.ui.calls.controller import CallController, LiveCall
from agentdesk.ui.calls.my_day import MyDayStrip
from agentdesk.ui.calls.phone_bridge import QtScheduler
from agentdesk.ui.calls.softphone import SoftphoneBar
from agentdesk.ui.messages import Messages

if TYPE_CHECKING:
    from agentdesk.domain.people import User
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dialing_views import (
        CampaignSetup,
        ContactPreview,
        NothingToCall,
        PendingCallback,
    )
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.actions import ConsoleActions
    from agentdesk.ui.tasks import TaskRunner

STATUS_MS = 6000
# Builds the phone for a signed-in workspace; the console swaps in one from the settings.
PhoneFactory = Callable[["Workspace", QtScheduler, Callable[[], str]], Phone]


def simulated_phone(workspace: Workspace, scheduler: QtScheduler,
                    callers: Callable[[], str]) -> Phone:
    """The default phone: the simulated backend with its default odds."""
    from agentdesk.services.calls import DEFAULT_BACKEND, open_phone

    return open_phone(DEFAULT_BACKEND, scheduler, workspace.clock, {}, callers)


class CallArea(QObject):
    """Builds the call widgets into ``window`` and connects them to a :class:`CallController`.

    Attributes:
        controller: The workflow.
        explain_refusal: Words for a refused disposition that name what it still needs.
        bar: The softphone bar (a toolbar at the top).
        panel: The call panel (a dock), with the wrap-up form.
        callbacks: The callbacks list (a dock).
        my_day: The my-day strip (a toolbar at the bottom).
        phone_factory: Makes the phone at sign-in.
    """

    def __init__(self, window: QMainWindow, actions: ConsoleActions, runner: TaskRunner,
                 clock: Clock) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._runner = runner
        self._clock = clock
        self._messages = Messages(self)
        self._tray: QSystemTrayIcon | None = None
        self._callers: list[str] = []
        self._rng = random.Random()
        self.phone_factory: PhoneFactory = simulated_phone
        # Names what a refused disposition still needs (the script's required steps).
        self.explain_refusal: Callable[[KnownError], str] = lambda _error: ""
        self.scheduler = QtScheduler(self)
        self.controller = CallController(runner, clock, self)

        self.bar = SoftphoneBar(actions, clock, window)
        self.bar_toolbar = QToolBar(window)
        self.bar_toolbar.setObjectName("callBar")
        self.bar_toolbar.setMovable(False)
        self.bar_toolbar.setFloatable(False)
        self.bar_toolbar.addWidget(self.bar)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar_toolbar)

        self.panel = CallPanel(actions, window, clock, window)
        self.call_dock = self._dock("callDock", self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.callbacks = CallbacksPanel(clock, window)
        self.callbacks_dock = self._dock("callbacksDock", self.callbacks,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        window.splitDockWidget(self.call_dock, self.callbacks_dock, Qt.Orientation.Vertical)

        self.my_day = MyDayStrip(window)
        self.my_day_toolbar = QToolBar(window)
        self.my_day_toolbar.setObjectName("myDayBar")
        self.my_day_toolbar.setMovable(False)
        self.my_day_toolbar.addWidget(self.my_day)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.my_day_toolbar)

        self._connect()
        self.update_actions()

    def _dock(self, name: str, widget: object, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)  # type: ignore[arg-type]
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._window.addDockWidget(area, dock)
        return dock

    def fill_menu(self, menu: QMenu) -> None:
        """Put the call actions into the Phone menu."""
        a = self._actions
        for action in (a.ready, a.not_ready):
            menu.addAction(action)
        menu.addSeparator()
        for action in (a.next_contact, a.dial, a.hang_up, a.hold, a.mute, a.transfer):
            menu.addAction(action)
        menu.addSeparator()
        for action in (a.consent_yes, a.consent_no, a.focus_number, a.call_notes, a.callbacks):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(a.ring_in)

    def _connect(self) -> None:
        a, c = self._actions, self.controller
        a.next_contact.triggered.connect(c.next_contact)
        a.dial.triggered.connect(self._dial)
        a.hang_up.triggered.connect(c.hang_up)
        a.hold.triggered.connect(c.toggle_hold)
        a.mute.triggered.connect(c.toggle_mute)
        a.transfer.triggered.connect(self._ask_transfer)
        a.ready.triggered.connect(c.go_ready)
        a.not_ready.triggered.connect(self._ask_pause)
        a.consent_yes.triggered.connect(lambda: c.set_consent(True))
        a.consent_no.triggered.connect(lambda: c.set_consent(False))
        a.focus_number.triggered.connect(self.bar.focus_number)
        a.call_notes.triggered.connect(self._focus_notes)
        a.callbacks.triggered.connect(self._show_callbacks)
        a.ring_in.triggered.connect(self._ask_ring_in)
        self.bar.dial_requested.connect(self._dial_typed)
        self.bar.digits_typed.connect(c.send_digits)
        self.panel.campaign_chosen.connect(self._campaign_chosen)
        self.panel.number_chosen.connect(self.bar.set_number)
        self.panel.wrap_up.submitted.connect(c.dispose)
        self.callbacks.callback_chosen.connect(c.start_callback)

        c.state_changed.connect(self._state_changed)
        c.call_changed.connect(self._call_changed)
        c.preview_ready.connect(self._preview)
        c.nothing_to_call.connect(self._nothing)
        c.wrap_up_started.connect(self._wrap_up)
        c.wrap_up_finished.connect(self._wrapped)
        c.wrap_up_failed.connect(self._wrap_up_failed)
        c.message.connect(self._status)
        c.my_day_changed.connect(self.my_day.show_day)
        c.callbacks_changed.connect(self.callbacks.show_callbacks)
        c.callbacks_due.connect(self._callbacks_due)
        c.campaigns_changed.connect(self._campaigns)

    # ------------------------------------------------------------------ session
    def start(self, workspace: Workspace, user: User) -> None:
        """Begin the workflow for ``user`` with a fresh phone."""
        phone = self.phone_factory(workspace, self.scheduler, self.pick_caller)
        self.controller.start(workspace.call_services_for(user), phone, user)
        self._runner.run(workspace.sample_caller_ids, self._got_callers,
                         failure=lambda _e: None, owner=self)

    def stop(self) -> None:
        """End the workflow (sign-out, closing)."""
        self.controller.stop()
        self.panel.show_preview(None)
        self.panel.wrap_up.finish()
        self.bar.set_number("")
        self.my_day.show_day(None)
        self.callbacks.show_callbacks([], [])
        self.update_actions()

    def _got_callers(self, numbers: list[str]) -> None:
        self._callers = numbers

    def pick_caller(self, *, known: bool = False) -> str:
        """A caller for the simulated phone: mostly known customers, some new numbers.

        Args:
            known: A known customer whenever their numbers have been read.
        """
        if self._callers and (known or self._rng.random() < 0.8):
            return self._rng.choice(self._callers)
        return f"+86139{self._rng.randrange(10**8):08d}"

    # ------------------------------------------------------------------ controller events
    def _state_changed(self, state: AgentState) -> None:
        self.bar.show_state(state)
        self.update_actions()

    def _call_changed(self, call: LiveCall | None) -> None:
        self.bar.show_call(call)
        self.panel.show_call(call)
        self.panel.consent_changed()
        self.update_actions()

    def _preview(self, preview: ContactPreview | PendingCallback) -> None:
        self.panel.show_preview(preview)
        self.call_dock.show()
        self.bar.set_number(self.panel.chosen_number())

    def _nothing(self, nothing: NothingToCall) -> None:
        self.panel.show_nothing(nothing)
        self.bar.set_number("")
        self._status(self.panel.hint.text())

    def _campaign_chosen(self, campaign_id: object) -> None:
        self.controller.choose_campaign(campaign_id)  # type: ignore[arg-type]
        if not self.controller.busy:
            self.panel.show_preview(None)
            self.bar.set_number("")

    def busy_warning(self) -> bool:
        """Tell the agent to finish the call first; return True if there is one."""
        if not self.controller.busy:
            return False
        self._status(self.tr("Finish the call and choose its disposition first."))
        return True

    def _wrap_up(self, call: LiveCall) -> None:
        self.panel.show_preview(None)
        self.panel.wrap_up.begin(call, self.controller.suggested_disposition(call),
                                 call.zone or "Asia/Shanghai")
        self.panel.show_call(None)
        self.call_dock.show()
        self.update_actions()

    def _wrapped(self) -> None:
        self.panel.wrap_up.finish()
        self.panel.show_call(None)
        self.bar.set_number("")
        self._status(self.tr("Saved. Press F2 for the next contact."))
        self.update_actions()

    def _wrap_up_failed(self, error: KnownError) -> None:
        text = self.explain_refusal(error) or self._messages.error(error)
        if isinstance(error, ValidationError):
            text = self._callback_problem(error) or text
        self.panel.wrap_up.failed(text)

    def _callback_problem(self, error: ValidationError) -> str:
        problems = error.problems
        if problems.get("callback_due") == "past":
            return self.tr("The callback time has already passed. Choose a later time.")
        if problems.get("callback_due") == "outside_hours":
            return self.tr("The callback time is outside calling hours where the customer "
                           "lives. Choose a time inside them.")
        if problems.get("callback_number") == "dnc":
            return self.tr("This number is on the do-not-call list, so no callback can be "
                           "booked.")
        if "disposition" in problems:
            return self.tr("This disposition does not belong to the call's campaign.")
        return ""

    def _campaigns(self, campaigns: list[CampaignSetup]) -> None:
        self.panel.set_campaigns(campaigns, self.controller.campaign)

    def _callbacks_due(self, due: list[PendingCallback]) -> None:
        lines = "\n".join(callback_line(c) for c in due[:5])
        title = self.tr("%n callback(s) due", "", len(due))
        self._status(f"{title}: {lines.splitlines()[0] if lines else ''}")
        self.callbacks_dock.show()
        self.callbacks_dock.raise_()
        QApplication.alert(self._window)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self._window.windowIcon(), self)
                self._tray.show()
            self._tray.showMessage(title, lines, QSystemTrayIcon.MessageIcon.Information)

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    # ------------------------------------------------------------------ agent actions
    def _dial(self) -> None:
        """F3: answer a ringing call, else dial what the number field holds."""
        call = self.controller.call
        if call is not None and call.direction is CallDirection.INBOUND \
                and call.state is CallState.RINGING:
            self.controller.answer()
            return
        self.controller.dial(self.bar.number.text())

    def _dial_typed(self, number: str) -> None:
        if self.controller.call is None:
            self.controller.dial(number)

    def _ask_pause(self) -> None:
        from agentdesk.ui.calls.pause_dialog import PauseDialog

        dialog = PauseDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._paused(dialog))
        dialog.open()

    def _paused(self, dialog: object) -> None:
        reason = getattr(dialog, "reason", None)
        if reason is not None:
            self.controller.pause(reason)

    def _ask_number(self, name: str, title: str, label: str, value: str,
                    done: Callable[[str], None]) -> None:
        dialog = QInputDialog(self._window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(done)
        dialog.open()

    def _ask_transfer(self) -> None:
        self._ask_number("transferDialog", self.tr("Transfer the call"),
                         self.tr("Transfer to number:"), "", self.controller.transfer)

    def _ask_ring_in(self) -> None:
        if not self.controller.can_ring_in:
            return
        self._ask_number("ringInDialog", self.tr("Simulate an incoming call"),
                         self.tr("Caller's number (empty: withheld):"),
                         format_phone(self.pick_caller()), self.controller.ring_in)

    def _focus_notes(self) -> None:
        self.call_dock.show()
        self.panel.wrap_up.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_to_notes(self, text: str) -> bool:
        """Add ``text`` on its own line at the end of the call notes.

        Returns:
            False (nothing added) when no call is live or waiting for its disposition.
        """
        c, notes = self.controller, self.panel.wrap_up.notes
        if not c.active or (c.call is None and c.wrapping is None) or not notes.isEnabled():
            return False
        cursor = notes.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        before = notes.toPlainText()
        cursor.insertText(("\n" if before and not before.endswith("\n") else "") + text)
        notes.setTextCursor(cursor)
        self.call_dock.show()
        return True

    def _show_callbacks(self) -> None:
        self.callbacks_dock.show()
        self.callbacks_dock.raise_()
        self.callbacks.focus_list()

    # ------------------------------------------------------------------ actions
    def update_actions(self) -> None:
        """Enable exactly the actions that make sense now."""
        a, c = self._actions, self.controller
        active = c.active
        call = c.call
        wrapping = c.wrapping is not None
        line = call.state if call is not None else None
        talking = line in (CallState.CONNECTED, CallState.HELD)
        ringing_in = call is not None and call.direction is CallDirection.INBOUND \
            and line is CallState.RINGING
        kind = c.state.kind
        a.next_contact.setEnabled(active and call is None and not wrapping)
        a.dial.setEnabled(active and not wrapping and (call is None or ringing_in))
        a.hang_up.setEnabled(active and call is not None and line is not None
                             and line is not CallState.ENDED)
        for action in (a.hold, a.mute, a.transfer):
            action.setEnabled(active and talking)
        a.hold.setChecked(line is CallState.HELD)
        a.mute.setChecked(bool(call and call.snapshot and call.snapshot.muted))
        a.ready.setEnabled(active and call is None and not wrapping
                           and kind is not AgentStateKind.READY)
        a.not_ready.setEnabled(active and kind is not AgentStateKind.LOGGED_OUT)
        consent = active and ((call is not None and call.answered) or wrapping)
        a.consent_yes.setEnabled(consent)
        a.consent_no.setEnabled(consent)
        for action in (a.focus_number, a.call_notes, a.callbacks):
            action.setEnabled(active)
        a.ring_in.setEnabled(active and c.can_ring_in)
        a.set_disposition_keys(wrapping)

    def retranslate_ui(self) -> None:
        """Set the dock and toolbar titles in the current language."""
        self.call_dock.setWindowTitle(self.tr("Call"))
        self.callbacks_dock.setWindowTitle(self.tr("Callbacks"))
        self.bar_toolbar.setWindowTitle(self.tr("Call bar"))
        self.my_day_toolbar.setWindowTitle(self.tr("My day"))
