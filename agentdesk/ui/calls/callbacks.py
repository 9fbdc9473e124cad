"""The agent's callbacks: due ones first and highlighted, upcoming below; Enter calls back."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.phones import format_phone
from agentdesk.ui.calls.words import CallWords
from agentdesk.ui.models.callbacks import CallbacksModel

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dialing_views import PendingCallback


class CallbacksPanel(QWidget):
    """Lists the agent's and the team's pending callbacks in the customers' local time.

    Signals:
        callback_chosen(object): the id of the callback to work now (Enter or double-click).
    """

    callback_chosen = Signal(object)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbacksPanel")
        self._clock = clock
        self._words = CallWords(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("callbacksSummary")
        self.model = CallbacksModel(self._words, clock, self)
        self.table = QTableView(self)
        self.table.setObjectName("callbacksTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._due = 0
        self.retranslate_ui()

    def show_callbacks(self, due: list[PendingCallback], upcoming: list[PendingCallback]) -> None:
        """Show due callbacks first, then upcoming ones."""
        now = self._clock.now()
        self._due = sum(1 for c in due if c.due_at <= now)
        self.model.set_rows([*due, *[c for c in upcoming if c.id not in {d.id for d in due}]])
        self._summarize()

    def focus_list(self) -> None:
        """Put the cursor on the first callback (Ctrl+B)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.callback_chosen.emit(self.model.row_at(index.row()).id)

    def _summarize(self) -> None:
        self.summary.setText(self.tr("%n callback(s) due now", "", self._due)
                             if self._due else self.tr("No callback is due."))
        self.summary.setStyleSheet("color: #c62828; font-weight: bold;" if self._due else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.model.retranslate()
        self._summarize()


def local_due(callback: PendingCallback) -> datetime:
    """The callback's due time in the customer's zone."""
    return callback.due_at.astimezone(ZoneInfo(callback.time_zone or "Asia/Shanghai"))


def callback_line(callback: PendingCallback) -> str:
    """One line for an alert: when (customer's time), who, which number."""
    return (f"{local_due(callback):%H:%M} {callback.customer_name} "
            f"{format_phone(callback.e164)}")
