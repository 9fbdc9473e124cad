"""The order form of a call: lines, delivery, real name, read-back, and the saved order number.

Keys only: type a product and press Enter to go to the quantity, Enter again adds the line;
Alt+H / Alt+P choose home delivery or pick-up; Ctrl+Shift+A asks a supervisor to approve a
discount; Ctrl+Enter goes to the read-back and, after the customer confirmed it, saves. The
order number appears only once the order is committed on this workstation.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.order_form import (
    MAX_NAME,
    MAX_NOTES,
    PAYMENTS,
    DiscountApproval,
    OrderDraft,
    PreferredTime,
)
from agentdesk.domain.orders import DeliveryMethod, SavedOrder
from agentdesk.domain.phones import national_display
from agentdesk.domain.pricing import Authority, OrderTotals
from agentdesk.domain.resident_id import check_resident_id
from agentdesk.services.orders import OrderService, OrderSetup, Promise
from agentdesk.ui.labels import Labels, bilingual
from agentdesk.ui.messages import Messages
from agentdesk.ui.orders.approval import ApprovalDialog
from agentdesk.ui.orders.lines import LinesEditor
from agentdesk.ui.orders.read_back import ReadBack
from agentdesk.ui.orders.words import OrderWords
from agentdesk.ui.tasks import TaskRunner

FORM, READ_BACK, SAVED = range(3)
WARNING = "color: #e65100;"
PROBLEM = "color: #c62828;"


class OrderDialog(QDialog):
    """Take one order for a customer, usually on a call.

    Signals:
        saved(object): the :class:`SavedOrder`, after its local commit.
    """

    saved = Signal(object)

    def __init__(self, service: OrderService, runner: TaskRunner, labels: Labels, *,
                 customer_id: uuid.UUID, campaign_id: uuid.UUID | None, phone: str = "",
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self._service, self._runner, self._labels = service, runner, labels
        self._customer_id, self._campaign_id, self._today = customer_id, campaign_id, today
        self._phone = phone
        self.words = OrderWords(self)
        self.setup: OrderSetup | None = None
        self.promise: Promise | None = None
        self.approval: DiscountApproval | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.order: SavedOrder | None = None
        self._saving = False
        self._discarding = False
        self._read_back_draft: OrderDraft | None = None  # exactly what the customer heard
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form())
        self.read_back = ReadBack(self)
        self.read_back.back.connect(self.back_to_form)
        self.read_back.confirm.connect(self._save)
        self.pages.addWidget(self.read_back)
        self.pages.addWidget(self._build_saved())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        for keys, slot in ((QKeySequence("Ctrl+Return"), self._ctrl_enter),
                           (QKeySequence("Ctrl+Enter"), self._ctrl_enter),
                           (QKeySequence("Ctrl+Shift+A"), self._on_form(self.ask_approval)),
                           (QKeySequence("Alt+H"),
                            self._on_form(lambda: self.home.setChecked(True))),
                           (QKeySequence("Alt+P"),
                            self._on_form(lambda: self.pickup.setChecked(True)))):
            QShortcut(keys, self, slot)
        self.setWindowTitle(self.tr("Order"))
        self.resize(820, 760)
        self._load()

    def _on_form(self, action: Callable[[], object]) -> Callable[[], None]:
        """A shortcut's action that only works on the form page (not on the read-back)."""
        def run() -> None:
            if self.pages.currentIndex() == FORM and not self._saving:
                action()
        return run

    # ------------------------------------------------------------------ building
    def _build_form(self) -> QWidget:
        page = QWidget(self)
        self.lines = LinesEditor(self._labels, page)
        self.lines.changed.connect(self._lines_changed)
        self.totals = QLabel(page)
        self.totals.setObjectName("orderTotals")
        self.authority = QLabel(page)
        self.authority.setObjectName("orderAuthority")
        self.authority.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Supervisor approval… (Ctrl+Shift+A)"), page)
        self.approve_button.clicked.connect(self.ask_approval)
        self.approve_button.hide()
        money_row = QHBoxLayout()
        money_row.addWidget(self.totals, 1)
        money_row.addWidget(self.approve_button)

        delivery = QGroupBox(self.tr("Delivery"), page)
        self.home = QRadioButton(self.tr("Home delivery (Alt+H)"), delivery)
        self.pickup = QRadioButton(self.tr("Pick-up at a hall (Alt+P)"), delivery)
        self.home.setChecked(True)
        group = QButtonGroup(delivery)
        group.addButton(self.home)
        group.addButton(self.pickup)
        self.home.toggled.connect(self._method_changed)
        self.address = QComboBox(delivery)
        self.address.setObjectName("orderAddress")
        self.address.setEditable(True)
        self.address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.hall = QComboBox(delivery)
        self.hall.setObjectName("orderHall")
        self.hall.currentIndexChanged.connect(self._hall_changed)
        self.contact = QLineEdit(delivery)
        self.contact.setObjectName("orderContact")
        self.contact.setMaxLength(32)
        self.preferred = QComboBox(delivery)
        self.preferred.setObjectName("orderPreferredTime")
        for value in PreferredTime:
            self.preferred.addItem(self.words.preferred_time(value), value)
        self.payment = QLabel(delivery)
        self.payment.setObjectName("orderPayment")
        self.round = QComboBox(delivery)
        self.round.setObjectName("orderRound")
        self.round.currentIndexChanged.connect(self._round_changed)
        self.promise_label = QLabel(delivery)
        self.promise_label.setObjectName("orderPromise")
        self.promise_label.setWordWrap(True)
        methods = QHBoxLayout()
        methods.addWidget(self.home)
        methods.addWidget(self.pickup)
        methods.addStretch(1)
        form = QFormLayout(delivery)
        form.addRow(methods)
        self.address_label = QLabel(self.tr("&Address:"), delivery)
        self.address_label.setBuddy(self.address)
        form.addRow(self.address_label, self.address)
        self.hall_label = QLabel(self.tr("Ha&ll:"), delivery)
        self.hall_label.setBuddy(self.hall)
        form.addRow(self.hall_label, self.hall)
        contact_label = QLabel(self.tr("&Contact phone:"), delivery)
        contact_label.setBuddy(self.contact)
        form.addRow(contact_label, self.contact)
        time_label = QLabel(self.tr("Preferred ti&me:"), delivery)
        time_label.setBuddy(self.preferred)
        form.addRow(time_label, self.preferred)
        round_label = QLabel(self.tr("&Round:"), delivery)
        round_label.setBuddy(self.round)
        form.addRow(round_label, self.round)
        form.addRow("", self.promise_label)
        form.addRow(self.tr("Payment:"), self.payment)

        self.real_name_box = QGroupBox(self.tr("Real-name registration"), page)
        self.real_name = QLineEdit(self.real_name_box)
        self.real_name.setObjectName("orderRealName")
        self.real_name.setMaxLength(MAX_NAME)
        self.resident_id = QLineEdit(self.real_name_box)
        self.resident_id.setObjectName("orderResidentId")
        self.resident_id.setMaxLength(32)
        self.resident_id.textChanged.connect(self._check_id)
        self.id_check = QLabel(self.real_name_box)
        self.id_check.setObjectName("orderIdCheck")
        real = QFormLayout(self.real_name_box)
        name_label = QLabel(self.tr("Holder's &name:"), self.real_name_box)
        name_label.setBuddy(self.real_name)
        real.addRow(name_label, self.real_name)
        id_label = QLabel(self.tr("Resident &ID:"), self.real_name_box)
        id_label.setBuddy(self.resident_id)
        real.addRow(id_label, self.resident_id)
        real.addRow("", self.id_check)
        self.real_name_box.hide()

        self.notes = QPlainTextEdit(page)
        self.notes.setObjectName("orderNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Notes for the courier or the hall"))
        self.notes.setMaximumHeight(54)
        self.problems = QLabel(page)
        self.problems.setObjectName("orderProblems")
        self.problems.setStyleSheet(PROBLEM)
        self.problems.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Read back… (Ctrl+Enter)"), page)
        self.next_button.setObjectName("orderReadBack")
        self.next_button.clicked.connect(self.show_read_back)
        cancel = QPushButton(self.tr("Cancel (Esc)"), page)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.lines, 3)
        layout.addLayout(money_row)
        layout.addWidget(self.authority)
        layout.addWidget(delivery)
        layout.addWidget(self.real_name_box)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self._method_changed()
        return page

    def _build_saved(self) -> QWidget:
        page = QWidget(self)
        self.saved_label = QLabel(page)
        self.saved_label.setObjectName("orderSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextFormat(Qt.TextFormat.RichText)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Close (Enter)"), page)
        close.setObjectName("orderClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        self.close_button = close
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.saved_label)
        layout.addStretch(1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        service, customer_id, campaign_id = self._service, self._customer_id, self._campaign_id

        def work() -> tuple[OrderSetup, Promise, tuple[str, list[str], str]]:
            setup = service.setup(campaign_id)
            return setup, service.promise(setup), service.customer_defaults(customer_id)

        self.next_button.setEnabled(False)
        self._runner.run(work, self._loaded, self._failed, owner=self)

    def _loaded(self, loaded: tuple[OrderSetup, Promise, tuple[str, list[str], str]]) -> None:
        setup, promise, (name, addresses, phone) = loaded
        self.setup = setup
        self.lines.set_items(setup.items)
        self.address.addItems(addresses)
        self.contact.setText(national_display(self._phone or phone))
        self.real_name.setText(name)
        self.hall.blockSignals(True)
        for hall in setup.halls:
            suffix = self.tr(" (VIP room)") if hall.is_vip_room else ""
            self.hall.addItem(f"{bilingual(hall.name, hall.name_en)}{suffix} · {hall.address}",
                              hall.id)
        self.hall.setCurrentIndex(-1)
        self.hall.blockSignals(False)
        self.pickup.setEnabled(bool(setup.halls))
        self._show_promise(promise)
        self.next_button.setEnabled(True)
        self._lines_changed()
        self.lines.product.setFocus()

    def _failed(self, error: KnownError) -> None:
        self.problems.setText(self.words.error(error.code) or Messages(self).error(error))
        self.next_button.setEnabled(self.setup is not None)

    def _reload_promise(self, then_select: tuple[str, str] | None = None) -> None:
        setup, service = self.setup, self._service
        if setup is None:
            return
        hall_id = self._hall_id()
        self._runner.run(lambda: service.promise(setup, hall_id),
                         lambda promise: self._show_promise(promise, then_select),
                         self._failed, owner=self)

    def _show_promise(self, promise: Promise, select: tuple[str, str] | None = None) -> None:
        self.promise = promise
        self.round.blockSignals(True)
        self.round.clear()
        model = self.round.model()
        for index, choice in enumerate(promise.choices):
            slot = choice.slot
            text = self.tr("%1 · handover %2 · delivery %3 · %4/%5").replace(
                "%1", bilingual(slot.round.name, slot.round.name_en)).replace(
                "%2", f"{slot.handover:%m-%d %H:%M}").replace(
                "%3", f"{slot.delivery_date:%m-%d}").replace(
                "%4", str(choice.booked)).replace("%5", str(slot.round.capacity))
            if not promise.has_room(index):
                text += self.tr(" · full")
            self.round.addItem(text, (slot.round.id, slot.handover_date))
            if not promise.has_room(index) and isinstance(model, QStandardItemModel):
                item = model.item(index)
                if item is not None:
                    item.setEnabled(False)
        first = promise.first_with_room()
        wanted = next((i for i, c in enumerate(promise.choices)
                       if select and (str(c.slot.round.id), c.slot.handover_date.isoformat())
                       == select), None)
        self.round.setCurrentIndex(wanted if wanted is not None else (first or 0))
        self.round.blockSignals(False)
        self._round_changed()

    def _round_changed(self) -> None:
        promise, index = self.promise, self.round.currentIndex()
        if promise is None or not promise.choices or index < 0:
            self.promise_label.setText(self.tr("No dispatch rounds are set up."))
            self.promise_label.setStyleSheet(PROBLEM)
            return
        slot = promise.choices[index].slot
        text = self.tr("Promise: delivered on %1; the courier calls %2-%3 on %4 to book the "
                       "hour.").replace("%1", f"{slot.delivery_date:%Y-%m-%d}").replace(
            "%2", f"{slot.booking_from:%H:%M}").replace(
            "%3", f"{slot.booking_until:%H:%M}").replace("%4", f"{slot.handover:%m-%d}")
        if self.pickup.isChecked():
            text = self.tr("Promise: ready at the hall from %1.").replace(
                "%1", f"{slot.delivery_date:%Y-%m-%d}")
        style = ""
        if index > 0 and not promise.has_room(0):
            first = promise.choices[0].slot
            text = self.tr("%1 is full; the next round with room is offered. ").replace(
                "%1", bilingual(first.round.name, first.round.name_en)) + text
            style = WARNING
        if not promise.has_room(index):
            text = self.tr("This round is full: choose another one.")
            style = PROBLEM
        self.promise_label.setText(text)
        self.promise_label.setStyleSheet(style)

    # ------------------------------------------------------------------ reactions
    def _hall_id(self) -> uuid.UUID | None:
        value = self.hall.currentData() if self.pickup.isChecked() else None
        return value if isinstance(value, uuid.UUID) else None

    def _method_changed(self) -> None:
        home = self.home.isChecked()
        for widget in (self.address, self.address_label):
            widget.setVisible(home)
        for widget in (self.hall, self.hall_label):
            widget.setVisible(not home)
        method = DeliveryMethod.HOME_DELIVERY if home else DeliveryMethod.HALL_PICKUP
        self.payment.setText(self._labels.payment(PAYMENTS[method]))
        if not home and self.hall.currentIndex() < 0 and self.hall.count():
            self.hall.setCurrentIndex(0)
        self._reload_promise()

    def _hall_changed(self) -> None:
        if self.pickup.isChecked():
            self._reload_promise()

    def _lines_changed(self) -> None:
        lines = self.lines.model.lines
        totals = OrderTotals.from_lines(lines)
        approval = self.approval
        if approval is not None and (approval.gross, approval.discount) != (
                totals.gross, totals.discount):
            self.approval = None  # an approval is for the discount it was given for
        money = self._labels.money
        self.totals.setText(self.tr("Total %1 (list %2, discount %3)").replace(
            "%1", money(totals.total)).replace("%2", money(totals.gross)).replace(
            "%3", money(totals.discount)))
        needs = any(item.requires_real_name for item in self.lines.model.items)
        self.real_name_box.setVisible(needs)
        authority = self._service.authority(lines) if lines else Authority.AGENT
        approved = self.approval is not None
        self.approve_button.setVisible(authority is Authority.SUPERVISOR and not approved)
        if authority is Authority.SUPERVISOR:
            self.authority.setText(self.tr("Approved by a supervisor.") if approved else
                                   self.words.problem("discount", "needs_approval"))
            self.authority.setStyleSheet("" if approved else WARNING)
        elif authority is Authority.REFUSED:
            self.authority.setText(self.words.problem("discount", "too_high"))
            self.authority.setStyleSheet(PROBLEM)
        else:
            self.authority.setText("")

    def _check_id(self, text: str) -> None:
        if not text.strip():
            self.id_check.setText("")
            return
        try:
            holder = check_resident_id(text, today=self._today)
        except ValidationError as error:
            code = next(iter(error.problems.values()))
            self.id_check.setText(self.words.problem("resident_id", code))
            self.id_check.setStyleSheet(PROBLEM)
            return
        self.id_check.setText(self.tr("%1 · born %2 · age %3").replace(
            "%1", holder.masked).replace("%2", holder.birth_date.isoformat()).replace(
            "%3", str(holder.age(self._today))))
        self.id_check.setStyleSheet("color: #2e7d32;")

    def ask_approval(self) -> None:
        """Ctrl+Shift+A: a supervisor signs in here to approve the discount."""
        lines = self.lines.model.lines
        if not lines or self._service.authority(lines) is not Authority.SUPERVISOR:
            return
        totals = OrderTotals.from_lines(lines)
        summary = self.tr("Discount %1 on %2 (%3 %).").replace(
            "%1", self._labels.money(totals.discount)).replace(
            "%2", self._labels.money(totals.gross)).replace(
            "%3", f"{totals.discount * 100 / totals.gross:.1f}" if totals.gross else "-")
        dialog = ApprovalDialog(self._service, self._runner, summary, totals, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._approved(dialog.approval))
        self.approval_dialog = dialog
        dialog.open()

    def _approved(self, approval: DiscountApproval | None) -> None:
        if approval is not None:
            self.approval = approval
            self._lines_changed()

    # ------------------------------------------------------------------ read-back and save
    def draft(self) -> OrderDraft:
        """The order as the form holds it."""
        method = DeliveryMethod.HOME_DELIVERY if self.home.isChecked() \
            else DeliveryMethod.HALL_PICKUP
        chosen = self.round.currentData()
        round_id, round_date = chosen if isinstance(chosen, tuple) else (None, None)
        return OrderDraft(
            customer_id=self._customer_id, lines=list(self.lines.model.lines),
            delivery_method=method, payment_method=PAYMENTS[method],
            address=self.address.currentText(), contact_phone=self.contact.text(),
            preferred_time=PreferredTime(self.preferred.currentData() or PreferredTime.ANY),
            hall_id=self._hall_id(), real_name=self.real_name.text(),
            resident_id=self.resident_id.text(), notes=self.notes.toPlainText()[:MAX_NOTES * 2],
            approval=self.approval, campaign_id=self._campaign_id, round_id=round_id,
            round_date=round_date)

    def _ctrl_enter(self) -> None:
        page = self.pages.currentIndex()
        if page == FORM:
            self.show_read_back()
        elif page == READ_BACK:
            self._save()
        else:
            self.accept()

    def show_read_back(self) -> None:
        """Ctrl+Enter on the form: check it, then show what to read to the customer."""
        from agentdesk.domain.order_form import check_order

        setup = self.setup
        if setup is None:
            return
        draft = self.draft()
        problems: dict[str, str] = {}
        try:
            totals = self._service.totals(draft.lines, self.approval)
        except ValidationError as error:
            problems.update(error.problems)
            totals = None
        needs = any(item.requires_real_name for item in self.lines.model.items)
        try:
            details = check_order(draft, needs_real_name=needs, today=self._today,
                                  hall_ids=frozenset(h.id for h in setup.halls))
        except ValidationError as error:
            problems.update(error.problems)
            details = None
        if self.promise is None or not self.promise.choices:
            problems["round"] = "unknown"
        elif not self.promise.has_room(max(self.round.currentIndex(), 0)):
            problems["round"] = "full"
        if problems or totals is None or details is None:
            self.show_problems(problems)
            return
        self.problems.setText("")
        assert self.promise is not None
        slot = self.promise.choices[self.round.currentIndex()].slot
        hall = next((h for h in setup.halls if h.id == draft.hall_id), None)
        self._read_back_draft = dataclasses.replace(draft, quoted_total=totals.total)
        self.read_back.set_html(self.read_back.summary_html(
            self._labels, self.words, draft, self.lines.model.items, totals, details, slot,
            hall, national_display(details.contact_e164)))
        self.pages.setCurrentIndex(READ_BACK)
        self.read_back.confirm_button.setFocus()

    def back_to_form(self) -> None:
        """Esc on the read-back: change the order; it is read back again before saving."""
        self._read_back_draft = None
        self.pages.setCurrentIndex(FORM)

    def show_problems(self, problems: dict[str, str]) -> None:
        """List ``problems`` under the form, one per line, and focus the first field."""
        self.back_to_form()
        texts = [f"{self.words.field_name(name)}: {self.words.problem(name, code)}"
                 for name, code in problems.items()]
        self.problems.setText("\n".join(texts))
        focus = {"address": self.address, "contact_phone": self.contact, "hall": self.hall,
                 "real_name": self.real_name, "resident_id": self.resident_id,
                 "notes": self.notes, "round": self.round}
        first = next(iter(problems), "")
        widget = focus.get(first, self.lines.product)
        widget.setFocus()

    def _save(self) -> None:
        if self._saving or self.pages.currentIndex() != READ_BACK:
            return
        self._saving = True
        self.read_back.set_busy(True)
        service, draft = self._service, self._read_back_draft
        if draft is None:
            return
        self._runner.run(lambda: service.capture(draft), self._saved, self._refused,
                         owner=self)

    def _saved(self, order: SavedOrder) -> None:
        self._saving = False
        self.read_back.set_busy(False)
        self.order = order
        when = "" if order.delivery_date is None else f"{order.delivery_date:%Y-%m-%d}"
        self.saved_label.setText(
            "<p style='font-size:15pt'>" + self.tr("Order saved: <b>%1</b>").replace(
                "%1", order.order_no) + "</p><p>" + self.tr(
                "Read the order number to the customer. Total %1, delivery on %2.").replace(
                "%1", self._labels.money(order.total)).replace("%2", when) + "</p>")
        self.pages.setCurrentIndex(SAVED)
        self.close_button.setFocus()
        self.saved.emit(order)

    def _refused(self, error: KnownError) -> None:
        self._saving = False
        self.read_back.set_busy(False)
        if error.code == "round_full":
            params = error.params
            self.back_to_form()
            self.problems.setText(self.tr(
                "The round filled up while you were taking the order. The next round with "
                "room is chosen: tell the customer the new delivery date."))
            select = None
            if params.get("next_round_id") and params.get("next_round_date"):
                select = (str(params["next_round_id"]), str(params["next_round_date"]))
            self._reload_promise(select)
            self.round.setFocus()
            return
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
            return
        self.read_back.set_problem(self.words.error(error.code) or Messages(self).error(error))

    # ------------------------------------------------------------------ closing
    def _dirty(self) -> bool:
        return self.order is None and not self._discarding and bool(self.lines.model.lines)

    def discard(self) -> None:
        """Close without asking (sign-out): an order not yet confirmed is not kept."""
        self._discarding = True
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Esc: go back from the read-back; close the form, asking first if it holds lines."""
        if self._saving:
            return
        if self.pages.currentIndex() == READ_BACK:
            self.back_to_form()
            return
        if self._dirty() and QMessageBox.question(
                self, self.tr("Order"), self.tr("Close the form without saving the order?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing the window is Esc."""
        if self._saving or (self._dirty() and self.isVisible()):
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
