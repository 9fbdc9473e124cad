"""Table models of the customer record: search results, contact history, order history."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.domain.calls import ContactHistoryItem
from agentdesk.domain.customers import CustomerSummary
from agentdesk.domain.orders import OrderSummary
from agentdesk.domain.phones import format_phone
from agentdesk.ui.labels import Labels, bilingual
from agentdesk.ui.models.rows import Column, RowsModel


class Headers(QObject):
    """Translated column headers of the customer tables."""

    def name(self) -> str:  # noqa: D102
        return self.tr("Name")

    def phone(self) -> str:  # noqa: D102
        return self.tr("Phone")

    def city(self) -> str:  # noqa: D102
        return self.tr("City")

    def customer_no(self) -> str:  # noqa: D102
        return self.tr("Customer no.")

    def when(self) -> str:  # noqa: D102
        return self.tr("When")

    def direction(self) -> str:  # noqa: D102
        return self.tr("Direction")

    def number(self) -> str:  # noqa: D102
        return self.tr("Number")

    def agent(self) -> str:  # noqa: D102
        return self.tr("Agent")

    def talk_time(self) -> str:  # noqa: D102
        return self.tr("Talk time")

    def result(self) -> str:  # noqa: D102
        return self.tr("Result")

    def campaign(self) -> str:  # noqa: D102
        return self.tr("Campaign")

    def notes(self) -> str:  # noqa: D102
        return self.tr("Notes")

    def order_no(self) -> str:  # noqa: D102
        return self.tr("Order no.")

    def taken(self) -> str:  # noqa: D102
        return self.tr("Taken")

    def items(self) -> str:  # noqa: D102
        return self.tr("Items")

    def total(self) -> str:  # noqa: D102
        return self.tr("Total")

    def delivery(self) -> str:  # noqa: D102
        return self.tr("Delivery")

    def status(self) -> str:  # noqa: D102
        return self.tr("Status")


def _when(item: ContactHistoryItem | OrderSummary) -> str:
    value = item.started_at if isinstance(item, ContactHistoryItem) else item.created_at
    return Labels.when(value)


def _duration(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    return f"{minutes}:{secs:02d}"


def _result(item: ContactHistoryItem) -> str:
    return bilingual(item.disposition_label, item.disposition_label_en)


def _campaign(item: ContactHistoryItem) -> str:
    return bilingual(item.campaign_name, item.campaign_name_en)


def search_model(parent: QObject | None = None) -> RowsModel[CustomerSummary]:
    """Return the model of the customer search results."""
    h = Headers(parent)
    return RowsModel(
        [
            Column(h.name, lambda c: c.name),
            Column(h.phone, lambda c: format_phone(c.primary_e164)),
            Column(h.city, lambda c: c.city),
            Column(h.customer_no, lambda c: c.customer_no),
        ],
        parent,
    )


def contact_history_model(
    labels: Labels, parent: QObject | None = None
) -> RowsModel[ContactHistoryItem]:
    """Return the model of a customer's calls."""
    h = Headers(parent)
    return RowsModel(
        [
            Column(h.when, _when),
            Column(h.direction, lambda c: labels.direction(c.direction)),
            Column(h.number, lambda c: format_phone(c.e164)),
            Column(h.agent, lambda c: c.agent_name),
            Column(h.talk_time, lambda c: _duration(c.talk_seconds), align_right=True),
            Column(h.result, _result),
            Column(h.campaign, _campaign),
            Column(h.notes, lambda c: c.notes.replace("\n", " "), tooltip=lambda c: c.notes),
        ],
        parent,
    )


def order_history_model(labels: Labels, parent: QObject | None = None) -> RowsModel[OrderSummary]:
    """Return the model of a customer's orders."""
    h = Headers(parent)
    return RowsModel(
        [
            Column(h.order_no, lambda o: o.order_no),
            Column(h.taken, _when),
            Column(h.items, lambda o: o.items, tooltip=lambda o: o.items),
            Column(h.total, lambda o: labels.money(o.total), align_right=True),
            Column(h.delivery, lambda o: labels.delivery(o.delivery_method)),
            Column(h.status, lambda o: labels.order_status(o.status)),
            Column(h.agent, lambda o: o.agent_name),
        ],
        parent,
    )
