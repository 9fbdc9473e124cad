"""The read-back: the order as the agent reads it to the customer before saving it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from agentdesk.domain.delivery import RoundSlot
from agentdesk.domain.order_form import CheckedDetails, OrderDraft
from agentdesk.domain.orders import CatalogueItem, DeliveryMethod, Hall
from agentdesk.domain.pricing import OrderTotals
from agentdesk.ui.labels import Labels, bilingual
from agentdesk.ui.orders.words import OrderWords


class ReadBack(QWidget):
    """The summary to read out, Back (Esc) and "Customer confirmed: save" (Ctrl+Enter).

    Signals:
        back(): the agent goes back to the form.
        confirm(): the customer confirmed; save the order.
    """

    back = Signal()
    confirm = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("readBackHeading")
        self.heading.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("readBackText")
        self.problem = QLabel(self)
        self.problem.setObjectName("readBackProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("orderConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.set_busy(False)

    def set_html(self, html: str) -> None:
        """Show the summary."""
        self.problem.setText("")
        self.text.setHtml(html)

    def set_problem(self, text: str) -> None:
        """Say why saving failed; the order stays on screen."""
        self.problem.setText(text)

    def set_busy(self, busy: bool) -> None:
        """While saving: no second save, and say so."""
        self.confirm_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.heading.setText(self.tr("Read the order back to the customer. Save it only "
                                     "when they have confirmed every line."))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.confirm_button.setText(self.tr("Saving…") if busy else
                                    self.tr("Customer confirmed: save (Ctrl+Enter)"))


    def summary_html(self, labels: Labels, words: OrderWords, draft: OrderDraft,
                     items: Sequence[CatalogueItem], totals: OrderTotals,
                     details: CheckedDetails, slot: RoundSlot, hall: Hall | None,
                     contact: str) -> str:
        """Return what to read out as HTML; every value is escaped.

        Args:
            labels: Money and enum words.
            words: The order form's words.
            draft: The form's values.
            items: The catalogue item of each line, in line order.
            totals: The priced totals.
            details: The checked delivery and real-name details.
            slot: The round the order goes with.
            hall: The pick-up hall, None for home delivery.
            contact: The contact phone as the customer knows it (national format).
        """
        money = labels.money
        rows = []
        for item, line in zip(items, draft.lines, strict=True):
            name = escape(bilingual(item.name, item.name_en))
            options = f" ({escape(line.options)})" if line.options else ""
            less = ""
            if line.discount:
                less = " " + escape(self.tr("less %1").replace("%1", money(line.discount)))
            rows.append(f"<tr><td>{name}{options}</td><td align='right'>×{line.quantity}</td>"
                        f"<td align='right'>{money(line.unit_price)}{less}</td>"
                        f"<td align='right'>{money(line.line_total)}</td></tr>")
        total = self.tr("Total to pay: %1").replace("%1", money(totals.total))
        if totals.discount:
            total += self.tr(" (discount %1)").replace("%1", money(totals.discount))
        parts = ["<table width='100%' cellspacing='0' cellpadding='3'>", *rows, "</table>",
                 f"<p><b>{escape(total)}</b></p>"]
        if draft.delivery_method is DeliveryMethod.HOME_DELIVERY:
            where = self.tr("Delivered to: %1").replace("%1", details.address)
            when = self.tr("On %1. The courier calls %2 on %3 between %4 and %5 to book the "
                           "hour.").replace("%1", f"{slot.delivery_date:%Y-%m-%d}").replace(
                "%2", contact).replace("%3", f"{slot.handover:%Y-%m-%d}").replace(
                "%4", f"{slot.booking_from:%H:%M}").replace("%5", f"{slot.booking_until:%H:%M}")
            preferred = self.tr("Preferred time: %1").replace(
                "%1", words.preferred_time(details.preferred_time))
            parts.append(f"<p>{escape(where)}<br>{escape(when)}<br>{escape(preferred)}</p>")
        elif hall is not None:
            where = self.tr("Pick-up at: %1, %2").replace(
                "%1", bilingual(hall.name, hall.name_en)).replace("%2", hall.address)
            when = self.tr("Ready from %1; the hall calls %2.").replace(
                "%1", f"{slot.delivery_date:%Y-%m-%d}").replace("%2", contact)
            parts.append(f"<p>{escape(where)}<br>{escape(when)}</p>")
        payment = self.tr("Payment: %1 (no card details are taken).").replace(
            "%1", labels.payment(draft.payment_method))
        parts.append(f"<p>{escape(payment)}</p>")
        if details.resident_id is not None:
            holder = self.tr("Registered to: %1, ID %2. Have the ID card ready: it is checked "
                             "at the hand-over.").replace("%1", details.real_name).replace(
                "%2", details.resident_id.masked)
            parts.append(f"<p>{escape(holder)}</p>")
        if details.notes:
            notes = self.tr("Notes: %1").replace("%1", details.notes)
            parts.append(f"<p>{escape(notes)}</p>")
        return "".join(parts)
