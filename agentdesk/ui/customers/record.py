"""The customer record: who the customer is, their numbers and addresses, calls and orders."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.customers import Customer
from agentdesk.domain.phones import format_phone
from agentdesk.services.customers import CustomerRecord
from agentdesk.ui.labels import Labels
from agentdesk.ui.models.customers import contact_history_model, order_history_model


def _plain_label(parent: QWidget, name: str = "") -> QLabel:
    """Return a label that never interprets markup: customer data is shown as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CustomerRecordView(QWidget):
    """Shows one :class:`CustomerRecord`, or a hint while none is open.

    Signals:
        edit_requested(): the agent pressed Edit.
    """

    edit_requested = Signal()

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.record: CustomerRecord | None = None
        self._stack = QStackedWidget(self)
        self.empty_hint = _plain_label(self, "customerEmptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self.empty_hint)
        self._stack.addWidget(self._build_record())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.retranslate_ui()

    def _build_record(self) -> QWidget:
        page = QWidget(self)
        self.name = _plain_label(page, "customerName")
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.subtitle = _plain_label(page, "customerSubtitle")
        self.tags = _plain_label(page, "customerTags")
        self.tags.setStyleSheet("color: palette(highlight);")
        self.edit_button = QPushButton(page)
        self.edit_button.setObjectName("customerEditButton")
        self.edit_button.clicked.connect(self.edit_requested)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.tags)
        header.addLayout(titles, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QSplitter(Qt.Orientation.Horizontal, page)
        body.setObjectName("customerBody")
        details = QWidget(body)
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(self._form)
        details_layout.addStretch(1)
        self.phones = _plain_label(details, "customerPhones")
        self.addresses = _plain_label(details, "customerAddresses")
        self.notes = QPlainTextEdit(details)
        self.notes.setObjectName("customerNotes")
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(160)
        self._phones_label = QLabel(details)
        self._addresses_label = QLabel(details)
        self._notes_label = QLabel(details)
        self._form.addRow(self._phones_label, self.phones)
        self._form.addRow(self._addresses_label, self.addresses)
        self._form.addRow(self._notes_label, self.notes)
        self.tabs = QTabWidget(body)
        self.contacts_view = _table(self.tabs, "customerContacts")
        self.contacts_model = contact_history_model(self._labels, self)
        self.contacts_view.setModel(self.contacts_model)
        self.orders_view = _table(self.tabs, "customerOrders")
        self.orders_model = order_history_model(self._labels, self)
        self.orders_view.setModel(self.orders_model)
        self.tabs.addTab(self.contacts_view, "")
        self.tabs.addTab(self.orders_view, "")
        body.addWidget(details)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)

        layout = QVBoxLayout(page)
        layout.addLayout(header)
        layout.addWidget(body, 1)
        return page

    def show_record(self, record: CustomerRecord | None) -> None:
        """Show ``record``, or the empty hint for None."""
        self.record = record
        if record is None:
            self.contacts_model.set_rows([])
            self.orders_model.set_rows([])
            self._stack.setCurrentIndex(0)
            return
        self.contacts_model.set_rows(record.contacts)
        self.orders_model.set_rows(record.orders)
        self._fill(record.customer)
        self._stack.setCurrentIndex(1)

    def _fill(self, customer: Customer) -> None:
        self.name.setText(customer.name)
        self.subtitle.setText(" · ".join(part for part in (
            customer.customer_no,
            self._labels.gender(customer.gender),
            customer.city,
            self._labels.language(customer.language),
        ) if part))
        self.tags.setText("  ".join(f"#{tag}" for tag in customer.tags))
        self.tags.setVisible(bool(customer.tags))
        self.phones.setText("\n".join(
            "  ".join(part for part in (
                ("★ " if phone.is_primary else "") + format_phone(phone.e164),
                self._labels.phone_kind(phone.kind),
                phone.label,
            ) if part)
            for phone in customer.phones
        ))
        self.addresses.setText("\n".join(
            "  ".join(part for part in (
                ("★ " if address.is_default else "") + address.one_line(),
                address.postal_code,
                address.label,
            ) if part)
            for address in customer.addresses
        ) or self.tr("No address on file"))
        self.notes.setPlainText(customer.notes)
        self._retranslate_tabs()

    def _retranslate_tabs(self) -> None:
        contacts = len(self.record.contacts) if self.record else 0
        orders = len(self.record.orders) if self.record else 0
        self.tabs.setTabText(0, self.tr("Calls (%1)").replace("%1", str(contacts)))
        self.tabs.setTabText(1, self.tr("Orders (%1)").replace("%1", str(orders)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.empty_hint.setText(self.tr(
            "No customer open.\nFind one by phone number, name or customer number (Ctrl+F)."))
        self.edit_button.setText(self.tr("&Edit"))
        self.edit_button.setToolTip(self.tr("Edit this customer (Ctrl+E)"))
        self._phones_label.setText(self.tr("Phones"))
        self._addresses_label.setText(self.tr("Addresses"))
        self._notes_label.setText(self.tr("Notes"))
        self.contacts_model.retranslate()
        self.orders_model.retranslate()
        self._retranslate_tabs()
        if self.record is not None:
            self._fill(self.record.customer)
