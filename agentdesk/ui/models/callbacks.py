"""The callbacks table: due time in the customer's zone, customer, number, whose, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from agentdesk.domain.phones import format_phone
from agentdesk.ui.models.rows import Column, RowsModel

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dialing_views import PendingCallback
    from agentdesk.ui.calls.words import CallWords

DUE_COLOUR = QColor("#ffebee")


class CallbackHeaders(QObject):
    """Translated column headers of the callbacks table."""

    def due(self) -> str:  # noqa: D102
        return self.tr("Due (customer's time)")

    def customer(self) -> str:  # noqa: D102
        return self.tr("Customer")

    def number(self) -> str:  # noqa: D102
        return self.tr("Number")

    def whose(self) -> str:  # noqa: D102
        return self.tr("Whose")

    def notes(self) -> str:  # noqa: D102
        return self.tr("Notes")


def _due(callback: PendingCallback) -> str:
    local = callback.due_at.astimezone(ZoneInfo(callback.time_zone or "Asia/Shanghai"))
    return local.strftime("%m-%d %H:%M")


class CallbacksModel(RowsModel["PendingCallback"]):
    """Pending callbacks; rows already due are highlighted."""

    def __init__(self, words: CallWords, clock: Clock, parent: QObject | None = None) -> None:
        self._clock = clock
        headers = CallbackHeaders(parent)
        super().__init__([
            Column(headers.due, _due),
            Column(headers.customer, lambda c: c.customer_name),
            Column(headers.number, lambda c: format_phone(c.e164)),
            Column(headers.whose, lambda c: words.scope(c.scope)),
            Column(headers.notes, lambda c: c.notes.replace("\n", " ")[:200],
                   tooltip=lambda c: c.notes),
        ], parent)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Highlight callbacks that are due."""
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if self.row_at(index.row()).due_at <= self._clock.now():
                return QBrush(DUE_COLOUR)
            return None
        return super().data(index, role)
