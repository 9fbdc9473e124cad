"""The delivery desk's tables: handovers with their load, halls' pick-ups, sheet lines, problems."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from agentdesk.domain.delivery import RoundLoad
from agentdesk.domain.dispatch import SheetLine
from agentdesk.domain.orders import OrderStatus, PaymentMethod
from agentdesk.services.dispatch import HallLoad
from agentdesk.ui.labels import Labels
from agentdesk.ui.models.rows import Column, RowsModel

#: The handovers table's column drawn as a load bar.
LOAD_COLUMN = 3
#: The sheet table's address and items columns (long texts, cut to the column's width).
ADDRESS_COLUMN = 4
ITEMS_COLUMN = 5
#: A round or hall that is full, and one that is over its capacity.
FULL_COLOUR = QColor("#e65100")
OVER_COLOUR = QColor("#c62828")
DONE_COLOUR = QColor("#2e7d32")
PAST_COLOUR = QColor("#757575")
_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
#: Which language the data's names are shown in: ``"zh_CN"`` or ``"en"``.
Language = Callable[[], str]
#: A handover: the round and the day it hands over.
HandoverKey = tuple[uuid.UUID | None, date]


def named(chinese: str, english: str, language: str) -> str:
    """Return a name kept in both languages in ``language`` (the other one if it is empty)."""
    if language == "zh_CN":
        return chinese or english
    return english or chinese


def short_name(name: str) -> str:
    """Return a name without the note in brackets at its end (all of it if that is all).

    ``17:30 round (next-day delivery)`` is ``17:30 round``, ``17:30 批次（次日送达）`` is
    ``17:30 批次``.
    """
    cut = _NOTE.sub("", name).strip()
    return cut or name


def day_text(day: date) -> str:
    """Return a day as the desk shows it: the short weekday and month-day, ``Mon 11-23``."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {day:%m-%d}"


def moment_text(moment: datetime) -> str:
    """Return a time of the center's day as ``Mon 11-23 17:30`` (in the moment's own zone)."""
    return f"{day_text(moment.date())} {moment:%H:%M}"


def load_colour(full: bool, over: bool) -> QColor | None:
    """Return the colour of a full or overbooked round or hall (None when there is room)."""
    if over:
        return OVER_COLOUR
    return FULL_COLOUR if full else None


class DispatchWords(QObject):
    """Column headers and the words of payments, preferred times and statuses."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = Labels(self)

    def payment(self, value: PaymentMethod) -> str:
        """Return the name of a payment method."""
        return {PaymentMethod.CASH_ON_DELIVERY: self.tr("Cash on delivery"),
                PaymentMethod.PAY_AT_HALL: self.tr("Pay at the hall")}.get(value, value.value)

    def payment_short(self, value: PaymentMethod) -> str:
        """Return a payment method in a word, for a narrow column."""
        return {PaymentMethod.CASH_ON_DELIVERY: self.tr("Cash"),
                PaymentMethod.PAY_AT_HALL: self.tr("At the hall")}.get(value, value.value)

    def preferred_time(self, value: str) -> str:
        """Return the name of a preferred delivery time (the value itself if unknown)."""
        return {"any": self.tr("Any time"), "morning": self.tr("Morning"),
                "afternoon": self.tr("Afternoon"), "evening": self.tr("Evening")}.get(value, value)

    def status(self, value: OrderStatus) -> str:
        """Return the name of an order status."""
        return self._labels.order_status(value)

    def money(self, amount: Decimal) -> str:
        """Return an amount in CNY, ``¥1,299.00``."""
        return self._labels.money(amount)

    def pickup(self) -> str:
        """The address cell of an order picked up at a hall."""
        return self.tr("Pick-up at the hall")

    def no_limit(self) -> str:
        """The capacity cell of a hall without a daily limit."""
        return self.tr("No limit")

    def round(self) -> str:  # noqa: D102
        return self.tr("Round")

    def handover(self) -> str:  # noqa: D102
        return self.tr("Handover")

    def delivery(self) -> str:  # noqa: D102
        return self.tr("Delivery")

    def load(self) -> str:  # noqa: D102
        return self.tr("Booked / capacity")

    def hall(self) -> str:  # noqa: D102
        return self.tr("Hall")

    def pickups(self) -> str:  # noqa: D102
        return self.tr("Pick-ups")

    def daily_capacity(self) -> str:  # noqa: D102
        return self.tr("Daily capacity")

    def order_no(self) -> str:  # noqa: D102
        return self.tr("Order no.")

    def customer(self) -> str:  # noqa: D102
        return self.tr("Customer")

    def contact(self) -> str:  # noqa: D102
        return self.tr("Contact")

    def address(self) -> str:  # noqa: D102
        return self.tr("Address or hall")

    def items(self) -> str:  # noqa: D102
        return self.tr("Items")

    def total(self) -> str:  # noqa: D102
        return self.tr("Total")

    def payment_header(self) -> str:  # noqa: D102
        return self.tr("Payment")

    def preferred_header(self) -> str:  # noqa: D102
        return self.tr("Preferred time")

    def status_header(self) -> str:  # noqa: D102
        return self.tr("Status")

    def line(self) -> str:  # noqa: D102
        return self.tr("Line")

    def problem(self) -> str:  # noqa: D102
        return self.tr("Problem")


def _brush(colour: QColor | None) -> QBrush | None:
    return None if colour is None else QBrush(colour)


class LoadsModel(RowsModel[RoundLoad]):
    """Handovers by time: round, handover, delivery day, booked against capacity.

    Full rounds are written in orange and overbooked ones in red, handovers already past in
    grey; column :data:`LOAD_COLUMN` is drawn as a bar by the view.
    """

    def __init__(self, words: DispatchWords, language: Language,
                 now: Callable[[], datetime], parent: QObject | None = None) -> None:
        self._now = now
        super().__init__([
            Column(words.round, lambda r: short_name(named(r.slot.round.name,
                                                           r.slot.round.name_en, language())),
                   tooltip=lambda r: f"{r.slot.round.name}\n{r.slot.round.name_en}"),
            Column(words.handover, lambda r: moment_text(r.slot.handover)),
            Column(words.delivery, lambda r: day_text(r.slot.delivery_date)),
            Column(words.load, lambda r: f"{r.booked} / {r.capacity}", align_right=True),
        ], parent)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Colour full, overbooked and past handovers."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            load = self.row_at(index.row())
            colour = load_colour(load.full, load.over)
            if colour is None and load.slot.handover < self._now():
                colour = PAST_COLOUR
            return _brush(colour)
        return super().data(index, role)

    def row_of(self, key: HandoverKey | None) -> int:
        """Return the row of a handover, -1 if it is not listed."""
        return next((i for i in range(self.rowCount()) if key == handover_key(self.row_at(i))),
                    -1)


def handover_key(load: RoundLoad) -> HandoverKey:
    """Return the (round id, handover date) that names a handover."""
    return (load.slot.round.id, load.slot.handover_date)


class HallLoadsModel(RowsModel[HallLoad]):
    """Each hall's pick-ups on a day against its daily capacity."""

    def __init__(self, words: DispatchWords, language: Language,
                 parent: QObject | None = None) -> None:
        super().__init__([
            Column(words.hall, lambda h: named(h.hall.name, h.hall.name_en, language()),
                   tooltip=lambda h: h.hall.address),
            Column(words.pickups, lambda h: str(h.booked), align_right=True),
            Column(words.daily_capacity,
                   lambda h: words.no_limit() if h.hall.daily_capacity is None
                   else str(h.hall.daily_capacity), align_right=True),
        ], parent)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Colour full and overbooked halls."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            load = self.row_at(index.row())
            capacity = load.hall.daily_capacity
            return _brush(load_colour(load.full, capacity is not None and load.booked > capacity))
        return super().data(index, role)


class SheetLinesModel(RowsModel[SheetLine]):
    """The orders of a dispatch sheet; failed and refused ones in red, delivered in green.

    The status comes right after the order number, where it stays in view.
    """

    def __init__(self, words: DispatchWords, parent: QObject | None = None) -> None:
        super().__init__([
            Column(words.order_no, lambda s: s.order_no),
            Column(words.status_header, lambda s: words.status(s.status),
                   tooltip=lambda s: s.notes),
            Column(words.customer, lambda s: s.customer_name,
                   tooltip=lambda s: f"{s.customer_name} ({s.customer_no})"),
            Column(words.contact, lambda s: s.contact),
            Column(words.address, lambda s: _one_line(s.address) or words.pickup(),
                   tooltip=lambda s: s.address or words.pickup()),
            Column(words.items, lambda s: _one_line(s.items), tooltip=lambda s: s.items),
            Column(words.total, lambda s: words.money(s.total), align_right=True),
            Column(words.payment_header, lambda s: words.payment_short(s.payment),
                   tooltip=lambda s: words.payment(s.payment)),
            Column(words.preferred_header, lambda s: words.preferred_time(s.preferred_time)),
        ], parent)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Colour the outcome of a delivery."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            status = self.row_at(index.row()).status
            if status in (OrderStatus.FAILED, OrderStatus.REFUSED):
                return QBrush(OVER_COLOUR)
            return QBrush(DONE_COLOUR) if status is OrderStatus.DELIVERED else None
        return super().data(index, role)

    def row_of(self, order_no: str) -> int:
        """Return the row of an order, -1 if it is not on the sheet."""
        return next((i for i in range(self.rowCount()) if self.row_at(i).order_no == order_no),
                    -1)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A problem of a results file as the import summary lists it.

    Attributes:
        line: The file's line (0: the whole file).
        text: What is wrong, in the UI's language.
    """

    line: int
    text: str


def problems_model(words: DispatchWords, file_word: Callable[[], str],
                   parent: QObject | None = None) -> RowsModel[ProblemRow]:
    """Return the model of a results file's problems: the line (or the file) and the reason."""
    return RowsModel([
        Column(words.line, lambda p: str(p.line) if p.line else file_word(), align_right=True),
        Column(words.problem, lambda p: p.text, tooltip=lambda p: p.text),
    ], parent)
