"""The customer record area of the console: search above, the open record below."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from agentdesk.domain.customers import Customer, CustomerDraft
from agentdesk.domain.errors import KnownError
from agentdesk.services.customers import CustomerRecord, CustomerService
from agentdesk.ui.customers.record import CustomerRecordView
from agentdesk.ui.customers.search import CustomerSearch
from agentdesk.ui.labels import Labels
from agentdesk.ui.messages import Messages, show_error
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.ui.customers.editor import CustomerEditor


class CustomerPanel(QWidget):
    """Finds, shows and edits customers through a :class:`CustomerService`.

    Signals:
        record_loaded(object): a :class:`CustomerRecord` is now shown.
        message(str): something to tell the agent in the status bar.
    """

    record_loaded = Signal(object)
    message = Signal(str)

    def __init__(self, runner: TaskRunner, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self._runner = runner
        self._labels = labels
        self._messages = Messages(self)
        self._service: CustomerService | None = None
        self.search = CustomerSearch(runner, self)
        self.record_view = CustomerRecordView(labels, self)
        self.search.customer_chosen.connect(self.open_customer)
        self.record_view.edit_requested.connect(self.edit_current)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("customerSplitter")
        splitter.addWidget(self.search)
        splitter.addWidget(self.record_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def set_service(self, service: CustomerService | None) -> None:
        """Work as the signed-in user (None after sign-out clears the panel)."""
        self._service = service
        self.search.set_search(service.search if service else None)
        self.record_view.show_record(None)

    @property
    def current(self) -> Customer | None:
        """The customer on screen, if any."""
        record = self.record_view.record
        return record.customer if record else None

    def open_customer(self, customer_id: uuid.UUID) -> None:
        """Load and show a customer's record."""
        service = self._service
        if service is None:
            return
        self._runner.run(lambda: service.record(customer_id), self._show, self._failed,
                         owner=self)

    def _show(self, record: CustomerRecord) -> None:
        self.record_view.show_record(record)
        self.record_loaded.emit(record)

    def _failed(self, error: KnownError) -> None:
        show_error(self, self.tr("Customer"), self._messages.error(error))

    def edit_current(self) -> None:
        """Open the edit form for the customer on screen."""
        if self.current is not None:
            self._open_editor(self.current)

    def new_customer(self, phone: str = "") -> None:
        """Open an empty form, with ``phone`` filled in (e.g. an unknown caller's number)."""
        self._open_editor(None, phone)

    def _open_editor(self, customer: Customer | None, phone: str = "") -> CustomerEditor | None:
        from agentdesk.ui.customers.editor import CustomerEditor  # loaded on first use

        service = self._service
        if service is None:
            return None
        customer_id = customer.id if customer else None

        def save(draft: CustomerDraft, base_version: int | None) -> Customer:
            return service.save(customer_id, base_version, draft)

        def reload() -> Customer:
            assert customer_id is not None
            return service.record(customer_id).customer

        editor = CustomerEditor(save, reload if customer_id else None, self._runner,
                                self._labels, customer, phone, self)
        editor.saved.connect(self._saved)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _saved(self, customer: Customer) -> None:
        self.message.emit(self.tr("Saved %1").replace("%1", customer.name))
        self.open_customer(customer.id)
