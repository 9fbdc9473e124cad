"""Customer search box with its result list, searching as the agent types."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.customers import CustomerSummary
from agentdesk.domain.errors import KnownError
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.customers import search_model
from agentdesk.ui.tasks import TaskRunner

DEBOUNCE_MS = 150


class CustomerSearch(QWidget):
    """Search field and results; Enter or a double click opens a customer.

    Signals:
        customer_chosen(object): the UUID of the customer to open.
    """

    customer_chosen = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._search: Callable[[str], Sequence[CustomerSummary]] | None = None
        self._generation = 0
        self._searching = False
        self._messages = Messages(self)
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.field.setObjectName("customerSearchField")
        self.field.installEventFilter(self)
        self.results = QTableView(self)
        self.results.setObjectName("customerSearchResults")
        self.model = search_model(self)
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.activated.connect(lambda index: self._choose(index.row()))
        self.summary = QLabel(self)
        self.summary.setObjectName("customerSearchSummary")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_search)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.retranslate_ui()

    def set_search(self, search: Callable[[str], Sequence[CustomerSummary]] | None) -> None:
        """Set the service call that answers searches (None: signed out)."""
        self._search = search
        self.model.set_rows([])
        self.summary.clear()

    def focus_search(self) -> None:
        """Put the cursor in the search field with its text selected."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_now(self, text: str) -> None:
        """Search for ``text`` at once (as if typed and Enter pressed)."""
        self.field.setText(text)
        self._timer.stop()
        self._start_search(open_single=True)

    def _enter(self) -> None:
        # Results on screen may belong to an older text: never open one of those.
        if self._timer.isActive() or self._searching or not self.model.rowCount():
            self._timer.stop()
            self._start_search(open_single=True)
        else:
            self._choose(max(self.results.currentIndex().row(), 0))

    def _start_search(self, open_single: bool = False) -> None:
        search = self._search
        text = self.field.text()
        if search is None:
            return
        self._generation += 1
        generation = self._generation

        def show(rows: Sequence[CustomerSummary]) -> None:
            if generation != self._generation:
                return  # an older search finished after a newer one started
            self._searching = False
            self.model.set_rows(rows)
            if rows:
                self.results.selectRow(0)
            self._show_summary(text, len(rows))
            if open_single and len(rows) == 1:
                self._choose(0)

        def failed(error: KnownError) -> None:
            if generation != self._generation:
                return
            self._searching = False
            self.model.set_rows([])  # old results must not stand under the new text
            self.summary.setText(self._messages.error(error))

        self._searching = True
        self._runner.run(lambda: search(text), show, failed, owner=self)

    def _show_summary(self, text: str, count: int) -> None:
        if not text.strip():
            self.summary.clear()
        elif count == 0:
            self.summary.setText(self.tr("No customer found. Press Ctrl+N to add one."))
        else:
            self.summary.setText(self.tr("%n customer(s) found", "", count))

    def _choose(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            customer_id: uuid.UUID = self.model.row_at(row).id
            self.customer_chosen.emit(customer_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Let Up/Down in the search field move through the results."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentIndex().row() + step, 0),
                          self.model.rowCount() - 1)
                self.results.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.field.setPlaceholderText(self.tr("Phone, last 4+ digits, name or customer no."))
        self.field.setAccessibleName(self.tr("Find customer"))
        self.model.retranslate()
