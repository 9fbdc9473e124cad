"""The sync issues dialog: changes the server refused for good, and conflicts it settled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.sync_issues import conflicts_model, rejections_model
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.sync import Conflict, Rejection, SyncService


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _hint(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SyncIssuesDialog(QDialog):
    """Lists what the server refused and the conflicts in the data this workstation holds.

    The lists are read on a worker thread each time the dialog opens or F5 is pressed.

    Signals:
        loaded(): the lists were read and are on screen.
    """

    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIssuesDialog")
        self._runner = runner
        self._messages = Messages(self)
        self._service: SyncService | None = None
        self._loading = False
        self._error: KnownError | None = None
        self.rejections_model = rejections_model(self)
        self.conflicts_model = conflicts_model(self)
        self.tabs = QTabWidget(self)
        self.rejections_view = _table(self, "rejectedTable")
        self.rejections_view.setModel(self.rejections_model)
        self.conflicts_view = _table(self, "conflictsTable")
        self.conflicts_view.setModel(self.conflicts_model)
        self.rejections_hint = _hint(self)
        self.conflicts_hint = _hint(self)
        for view, hint in ((self.rejections_view, self.rejections_hint),
                           (self.conflicts_view, self.conflicts_hint)):
            page = QWidget(self.tabs)
            box = QVBoxLayout(page)
            box.addWidget(hint)
            box.addWidget(view)
            self.tabs.addTab(page, "")
        self.status = _hint(self)
        self.status.setObjectName("syncIssuesStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reload_button = QPushButton(self)
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.clicked.connect(self.reload)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(860, 420)
        self.retranslate_ui()

    def set_service(self, service: SyncService | None) -> None:
        """Show the issues of ``service`` (None: nothing to show)."""
        self._service = service
        self.rejections_model.set_rows([])
        self.conflicts_model.set_rows([])
        self._error = None
        self.retranslate_ui()

    def reload(self) -> None:
        """Read both lists again on a worker thread."""
        service = self._service
        if service is None or self._loading:
            return
        self._loading = True
        self._error = None
        self.reload_button.setEnabled(False)
        self.retranslate_ui()

        def read() -> tuple[list[Rejection], list[Conflict]]:  # on a worker
            return service.rejections(), service.conflicts()

        def done(lists: tuple[list[Rejection], list[Conflict]]) -> None:
            if service is self._service:
                self.rejections_model.set_rows(lists[0])
                self.conflicts_model.set_rows(lists[1])
                self.loaded.emit()

        def failed(error: KnownError) -> None:
            self._error = error

        def finished() -> None:
            self._loading = False
            self.reload_button.setEnabled(True)
            self.retranslate_ui()

        self._runner.run(read, done, failed, owner=self, finished=finished)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Sync issues"))
        rejected = self.rejections_model.rowCount()
        conflicts = self.conflicts_model.rowCount()
        self.tabs.setTabText(0, self.tr("Rejected changes (%1)").replace("%1", str(rejected)))
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(conflicts)))
        self.rejections_hint.setText(self.tr(
            "The server refused these changes for good. They are kept here so nothing is "
            "lost: tell your supervisor, who can enter them again if they are right."))
        self.conflicts_hint.setText(self.tr(
            "Someone else changed the same data. The kept value is now on every "
            "workstation; the overwritten value is shown so it can be entered again if it "
            "was the right one."))
        if self._loading:
            self.status.setText(self.tr("Loading…"))
        elif self._error is not None:
            self.status.setText(self._messages.error(self._error))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        self.reload_button.setText(self.tr("&Reload"))
        self.rejections_model.retranslate()
        self.conflicts_model.retranslate()
