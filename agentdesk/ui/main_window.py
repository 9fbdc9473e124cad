"""The agent console's main window: menus, the panels as docks, and the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from agentdesk import __version__
from agentdesk.domain.orders import SavedOrder
from agentdesk.domain.people import Capability, User
from agentdesk.services.clock import SystemClock
from agentdesk.services.customers import CustomerRecord
from agentdesk.ui.actions import ConsoleActions
from agentdesk.ui.calls.call_area import CallArea
from agentdesk.ui.customers.panel import CustomerPanel
from agentdesk.ui.knowledge.area import KnowledgeArea
from agentdesk.ui.labels import Labels
from agentdesk.ui.orders.area import OrderArea
from agentdesk.ui.scripts.area import ScriptArea
from agentdesk.ui.status_bar import SyncStatusArea
from agentdesk.ui.sync import PROTOCOL_MISMATCH, UNREACHABLE, SyncController
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.sync_issues import SyncIssuesDialog

LAYOUT_VERSION = 3
DOCK_WIDTHS = (360, 470, 450)  # customer record, call script, call panel at 1280 px
STATUS_MESSAGE_MS = 5000


class MainWindow(QMainWindow):
    """The console: the call bar on top, the customer record and the call panel as docks.

    Dock positions and the window geometry are remembered in the data directory. While a
    user is signed in to a workspace with a server, ``sync`` runs rounds in the background.

    Signals:
        sign_out_requested(): the user chose Sign out.
        sign_in_requested(): the user asked for the sign-in dialog.
        language_requested(str): the user chose a UI language.
    """

    sign_out_requested = Signal()
    sign_in_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, runner: TaskRunner, ui_state: Path, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._runner = runner
        self._settings = QSettings(str(ui_state), QSettings.Format.IniFormat)
        self.user: User | None = None
        self.workspace: Workspace | None = None
        self.labels = Labels(self)
        self.console_actions = ConsoleActions(self)
        self.customers = CustomerPanel(runner, self.labels, self)
        self.customers.message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        self.customers.record_loaded.connect(self._record_loaded)
        self.customer_dock = QDockWidget(self)
        self.customer_dock.setObjectName("customerDock")
        self.customer_dock.setWidget(self.customers)
        self.customer_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.customer_dock)
        self.setDockNestingEnabled(True)
        self.calls = CallArea(self, self.console_actions, runner, clock or SystemClock())
        self.calls.controller.open_customer.connect(self._open_for_call)
        self.calls.controller.new_customer.connect(self.customers.new_customer)
        self.knowledge = KnowledgeArea(self, self.console_actions, runner, self.calls)
        self.scripts = ScriptArea(self, self.console_actions, runner, self.calls, self.knowledge)
        self.splitDockWidget(self.customer_dock, self.scripts.dock, Qt.Orientation.Horizontal)
        self.resizeDocks([self.customer_dock, self.scripts.dock, self.calls.call_dock],
                         list(DOCK_WIDTHS), Qt.Orientation.Horizontal)
        self.calls.explain_refusal = self.scripts.explain_refusal
        self.orders = OrderArea(self, runner, self.labels, self.calls, self.customers,
                                clock or SystemClock())
        self.orders.message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        self.orders.order_saved.connect(self._order_saved)
        self.scripts.order_requested.connect(self.orders.open_form)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.sync = SyncController(runner, self)
        self.sync.round_failed.connect(self._sync_failed)
        self.sync.upgrade_needed.connect(self._explain_upgrade)
        self.sync_issues: SyncIssuesDialog | None = None
        self.sync_area = SyncStatusArea(runner, self.sync, self)
        self.sync_area.issues_requested.connect(self.show_sync_issues)
        self.statusBar().addPermanentWidget(self.sync_area)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self._connect_actions()
        self._restore_layout()
        self.retranslate_ui()
        self.set_session(None, None)

    def _build_menus(self) -> None:
        a = self.console_actions
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a.sign_in)
        self.file_menu.addAction(a.sign_out)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.phone_menu = bar.addMenu("")
        self.calls.fill_menu(self.phone_menu)
        self.customer_menu = bar.addMenu("")
        for action in (a.find_customer, a.new_customer, a.edit_customer, a.reload_customer):
            self.customer_menu.addAction(action)
        self.phone_menu.addSeparator()
        self.scripts.fill_menu(self.phone_menu)
        self.phone_menu.addSeparator()
        self.orders.fill_menu(self.phone_menu)
        self.knowledge_menu = bar.addMenu("")
        self.knowledge.fill_menu(self.knowledge_menu)
        self.sync_menu = bar.addMenu("")
        self.sync_menu.addAction(a.sync_now)
        self.sync_menu.addAction(a.sync_issues)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(a.chinese)
        self.language_menu.addAction(a.english)
        self.language_menu.addSeparator()
        self.language_menu.addAction(a.toggle_language)
        self.view_menu.addAction(self.customer_dock.toggleViewAction())
        self.view_menu.addAction(self.calls.call_dock.toggleViewAction())
        self.view_menu.addAction(self.calls.callbacks_dock.toggleViewAction())
        self.view_menu.addAction(self.scripts.dock.toggleViewAction())
        self.view_menu.addAction(self.knowledge.dock.toggleViewAction())
        self.view_menu.addAction(a.reset_layout)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a.shortcuts)
        self.help_menu.addAction(a.about)

    def _connect_actions(self) -> None:
        a = self.console_actions
        a.find_customer.triggered.connect(self._find_customer)
        a.new_customer.triggered.connect(lambda: self.customers.new_customer())
        a.edit_customer.triggered.connect(self.customers.edit_current)
        a.reload_customer.triggered.connect(self._reload_customer)
        a.languages.triggered.connect(lambda action: self.language_requested.emit(action.data()))
        a.toggle_language.triggered.connect(self._toggle_language)
        a.reset_layout.triggered.connect(lambda: self.restoreState(self._default_state,
                                                                   LAYOUT_VERSION))
        a.sync_now.triggered.connect(self.sync.sync_now)
        a.sync_issues.triggered.connect(self.show_sync_issues)
        a.sign_out.triggered.connect(self._sign_out)
        a.sign_in.triggered.connect(self.sign_in_requested)
        a.quit.triggered.connect(self.close)
        a.shortcuts.triggered.connect(self._show_shortcuts)
        a.about.triggered.connect(self._show_about)

    # ------------------------------------------------------------------ session
    def set_session(self, workspace: Workspace | None, user: User | None) -> None:
        """Work as ``user`` in ``workspace``; both None shows a signed-out console."""
        self.workspace = workspace
        self.user = user
        signed_in = workspace is not None and user is not None
        self.customers.set_service(workspace.customers_for(user) if workspace and user else None)
        self.sync_area.set_source(workspace.status.snapshot if workspace and user else None)
        service = workspace.sync if workspace is not None and signed_in else None
        if service is None:
            self.sync.stop()
        else:
            self.sync.start(service)
        self.console_actions.sync_now.setEnabled(service is not None)
        self.console_actions.sync_issues.setEnabled(service is not None)
        if self.sync_issues is not None:
            self.sync_issues.set_service(service)
            if service is None:
                self.sync_issues.hide()
        can_edit = bool(user and user.can(Capability.EDIT_CUSTOMERS))
        self.console_actions.new_customer.setEnabled(can_edit)
        self.console_actions.edit_customer.setEnabled(False)
        self.customers.record_view.edit_button.setEnabled(can_edit)
        for action in (self.console_actions.find_customer, self.console_actions.sign_out):
            action.setEnabled(signed_in)
        self.console_actions.sign_in.setEnabled(workspace is not None and not signed_in)
        self.console_actions.reload_customer.setEnabled(False)
        if self.calls.controller.active:
            self.calls.stop()
        self.knowledge.stop()
        self.scripts.stop()
        self.orders.stop()
        if workspace is not None and user is not None:
            self.calls.start(workspace, user)
            self.knowledge.start(workspace, user)
            self.scripts.start(workspace, user)
            self.orders.start(workspace, user)
        self.retranslate_ui()
        if signed_in:
            self.customers.search.focus_search()

    def _sign_out(self) -> None:
        if not self.calls.busy_warning() and self.scripts.close_editor():
            self.sign_out_requested.emit()

    def _open_for_call(self, customer_id: object) -> None:
        """Pop the record of the customer being called or calling."""
        self.customer_dock.show()
        self.customers.open_customer(customer_id)  # type: ignore[arg-type]

    def _order_saved(self, order: SavedOrder) -> None:
        """An order was saved: the script reads its values; the record lists it."""
        self.scripts.add_values(self.orders.values_of(order))
        shown = self.customers.current
        if shown is not None and shown.id == order.customer_id:
            self.customers.open_customer(order.customer_id)

    def _record_loaded(self, record: CustomerRecord) -> None:
        self.calls.controller.customer_shown(record.customer.id, record.customer.name)
        can_edit = bool(self.user and self.user.can(Capability.EDIT_CUSTOMERS))
        self.console_actions.edit_customer.setEnabled(can_edit)
        self.console_actions.reload_customer.setEnabled(True)

    def stop_background(self) -> None:
        """Stop the phone, background sync and status refreshes (the program is closing)."""
        self.calls.stop()
        self.sync.stop()
        self.sync_area.set_source(None)

    # ------------------------------------------------------------------ sync
    def show_sync_issues(self) -> None:
        """Open the list of rejected changes and conflicts, read afresh."""
        service = self.workspace.sync if self.workspace is not None and self.user else None
        if service is None:
            return
        if self.sync_issues is None:
            from agentdesk.ui.sync_issues import SyncIssuesDialog  # first use only

            self.sync_issues = SyncIssuesDialog(self._runner, self)
            self.sync_issues.set_service(service)
        self.sync_issues.show()
        self.sync_issues.raise_()
        self.sync_issues.activateWindow()
        self.sync_issues.reload()

    def _sync_failed(self, message: str) -> None:
        """Tell about a local failure once; offline and upgrade are shown by the status area."""
        problem = self.sync.problem
        if problem is not None and self.sync.failures == 1 and problem.code not in (
                UNREACHABLE, PROTOCOL_MISMATCH):
            self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def _explain_upgrade(self, message: str) -> None:
        """Explain once, without blocking the console, that an upgrade is needed."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sync needs an upgrade"),
                          message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("upgradeBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def _find_customer(self) -> None:
        self.customer_dock.show()
        self.customer_dock.raise_()
        self.customers.search.focus_search()

    def _reload_customer(self) -> None:
        current = self.customers.current
        if current is not None:
            self.customers.open_customer(current.id)

    def _toggle_language(self) -> None:
        a = self.console_actions
        other = a.english if a.languages.checkedAction() is a.chinese else a.chinese
        other.trigger()

    def show_language(self, language: str) -> None:
        """Tick the menu entry of the language in use."""
        for action in (self.console_actions.chinese, self.console_actions.english):
            action.setChecked(action.data() == language)

    # ------------------------------------------------------------------ help
    def _show_shortcuts(self) -> None:
        a = self.console_actions
        rows = [
            (a.ready, self.tr("Ready: take calls")),
            (a.not_ready, self.tr("Not ready, with a reason")),
            (a.next_contact, self.tr("Next contact (the record opens before dialing)")),
            (a.dial, self.tr("Dial the number in the call bar, or answer a ringing call")),
            (a.hang_up, self.tr("Hang up")),
            (a.hold, self.tr("Hold or resume")),
            (a.mute, self.tr("Mute or unmute")),
            (a.transfer, self.tr("Transfer the call")),
            (a.consent_yes, self.tr("The customer consents to recording")),
            (a.consent_no, self.tr("The customer declines recording")),
            (a.focus_number, self.tr("Type a number (digits are sent as tones during a "
                                     "call)")),
            (a.call_notes, self.tr("Type call notes")),
            (a.callbacks, self.tr("Show the callbacks list (Enter calls back)")),
            (a.script_focus, self.tr("Show the call script; 1-9 choose an answer, 0 the "
                                     "objections, Backspace goes back")),
            (self.orders.take_order, self.tr("Take an order for the customer on the call "
                                             "(Ctrl+Enter: read-back, then save)")),
            (self.orders.delivery_desk, self.tr("Delivery desk: round loads, dispatch sheets, "
                                                "delivery results")),
            (a.kb_search, self.tr("Search the knowledge base (Esc goes back)")),
            (a.kb_copy_answer, self.tr("Put the article's answer, or the selected text, into "
                                       "the call notes")),
            (a.kb_ask, self.tr("Ask the trainers a question (Enter sends)")),
            (a.find_customer, self.tr("Find a customer by phone, name or number")),
            (a.new_customer, self.tr("Add a customer")),
            (a.edit_customer, self.tr("Edit the open customer")),
            (a.reload_customer, self.tr("Reload the open customer")),
            (a.sync_now, self.tr("Sync with the server now")),
            (a.sync_issues, self.tr("Show rejected changes and conflicts")),
            (a.toggle_language, self.tr("Switch between Chinese and English")),
            (a.quit, self.tr("Quit")),
        ]
        lines = [f"{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}\t{text}"
                 for action, text in rows]
        lines.append("F1–F12\t" + self.tr("During wrap-up: store the disposition on that key"))
        lines.append("Ctrl+Enter\t" + self.tr("During wrap-up: store the selected "
                                               "disposition"))
        lines.append("Enter\t" + self.tr("Open the selected search result"))
        lines.append("↑ ↓\t" + self.tr("Move through search results"))
        lines.append("Ctrl+S\t" + self.tr("Save the form"))
        lines.append("Esc\t" + self.tr("Close the form without saving"))
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About AgentDesk"), self.tr(
            "AgentDesk %1\nThe agent console for telesales call centers.").replace(
                "%1", __version__))

    # ------------------------------------------------------------------ layout
    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        """Remember window geometry and dock positions for the next start."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the layout when the window closes; not while a call needs its disposition."""
        if self.calls.busy_warning() or not self.scripts.close_editor():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.console_actions.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.phone_menu.setTitle(self.tr("&Phone"))
        self.calls.retranslate_ui()
        self.knowledge_menu.setTitle(self.tr("&Knowledge"))
        self.knowledge.retranslate_ui()
        self.scripts.retranslate_ui()
        self.orders.retranslate_ui()
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.customer_dock.setWindowTitle(self.tr("Customer record"))
        if self.user is None:
            self.setWindowTitle(self.tr("AgentDesk"))
            self.user_label.setText(self.tr("Not signed in"))
        else:
            role = self.labels.role(self.user.role)
            self.setWindowTitle(self.tr("AgentDesk — %1").replace("%1", self.user.display_name))
            self.user_label.setText(f"{self.user.display_name} · {role}")
