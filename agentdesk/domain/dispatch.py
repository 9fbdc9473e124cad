"""Dispatch sheets and delivery results: what goes to the couriers and halls, and what comes back.

A dispatch sheet lists the orders one round hands over on one day, for the delivery team (home
deliveries) or for one business hall (pick-ups). The delivery team and the halls report each
order's result; :func:`check_result` holds the rules a report must follow, and
:data:`NEXT_STATUSES` which status may follow which.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.orders import OrderStatus, PaymentMethod

MAX_REASON = 500
MAX_REPORTER = 100
#: How far ahead a rescheduled delivery may be booked.
MAX_RESCHEDULE_DAYS = 30


class DeliveryResult(StrEnum):
    """What the courier or the hall reports for one order."""

    DELIVERED = "delivered"  # handed over, payment collected
    FAILED = "failed"  # could not be delivered (nobody home, wrong address...)
    REFUSED = "refused"  # the customer refused the goods
    RESCHEDULED = "rescheduled"  # the customer asked for another day

    @property
    def status(self) -> OrderStatus:
        """The order status the result leads to."""
        return OrderStatus(self.value)


#: Which statuses may follow an order's current one. Delivered, refused and cancelled orders
#: are closed; a failed delivery may still be delivered (the courier's second try) or closed.
NEXT_STATUSES: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.CONFIRMED: frozenset({OrderStatus.DISPATCHED, OrderStatus.DELIVERED,
                                      OrderStatus.FAILED, OrderStatus.REFUSED,
                                      OrderStatus.RESCHEDULED, OrderStatus.CANCELLED}),
    OrderStatus.DISPATCHED: frozenset({OrderStatus.DELIVERED, OrderStatus.FAILED,
                                       OrderStatus.REFUSED, OrderStatus.RESCHEDULED}),
    OrderStatus.RESCHEDULED: frozenset({OrderStatus.DISPATCHED, OrderStatus.DELIVERED,
                                        OrderStatus.FAILED, OrderStatus.REFUSED,
                                        OrderStatus.RESCHEDULED, OrderStatus.CANCELLED}),
    OrderStatus.FAILED: frozenset({OrderStatus.DELIVERED, OrderStatus.REFUSED,
                                   OrderStatus.RESCHEDULED, OrderStatus.CANCELLED}),
    OrderStatus.DELIVERED: frozenset(),
    OrderStatus.REFUSED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}

#: Results after which the agent who took the order phones the customer back.
FOLLOW_UP_RESULTS = frozenset({DeliveryResult.FAILED, DeliveryResult.RESCHEDULED})


@dataclass(frozen=True, slots=True)
class ResultReport:
    """One result as entered on the results screen or read from a results file.

    Attributes:
        order_no: The order number on the dispatch sheet.
        result: What happened.
        reason: Why it failed, was refused or rescheduled (required for those).
        collected: Cash collected on delivery (None: not stated, taken as the order total).
        reschedule_date: The day the customer asked for (rescheduled only).
        reporter: The courier or hall clerk who reports it.
        line: The line of the results file (0 when entered by hand).
    """

    order_no: str
    result: DeliveryResult
    reason: str = ""
    collected: Decimal | None = None
    reschedule_date: date | None = None
    reporter: str = ""
    line: int = 0


def check_result(
    report: ResultReport, *, status: OrderStatus, total: Decimal, payment: PaymentMethod,
    today: date,
) -> None:
    """Raise ``ValidationError`` with one code per field if ``report`` cannot be recorded.

    Codes: ``status`` ``closed`` (the order is delivered, refused or cancelled) or
    ``not_allowed``; ``reason`` ``required`` (failed, refused, rescheduled) or ``too_long``;
    ``collected`` ``invalid`` (negative, finer than a fen, or a float), ``mismatch`` (a cash
    delivery whose amount is not the order total), ``not_expected`` (any result but delivered);
    ``reschedule_date`` ``required``, ``past`` or ``too_far``, ``not_expected`` when not
    rescheduled; ``reporter`` ``too_long``.
    """
    problems: dict[str, str] = {}
    allowed = NEXT_STATUSES[status]
    if not allowed:
        problems["status"] = "closed"
    elif report.result.status not in allowed:
        problems["status"] = "not_allowed"
    reason = report.reason.strip()
    if report.result is not DeliveryResult.DELIVERED and not reason:
        problems["reason"] = "required"
    elif len(reason) > MAX_REASON:
        problems["reason"] = "too_long"
    collected = report.collected
    if collected is not None:
        if (not isinstance(collected, Decimal) or not collected.is_finite() or collected < 0
                or collected != collected.quantize(Decimal("0.01"))):
            problems["collected"] = "invalid"
        elif report.result is not DeliveryResult.DELIVERED:
            problems["collected"] = "not_expected"
        elif payment is PaymentMethod.CASH_ON_DELIVERY and collected != total:
            problems["collected"] = "mismatch"
    when = report.reschedule_date
    if report.result is DeliveryResult.RESCHEDULED:
        if when is None:
            problems["reschedule_date"] = "required"
        elif when <= today:
            problems["reschedule_date"] = "past"
        elif (when - today).days > MAX_RESCHEDULE_DAYS:
            problems["reschedule_date"] = "too_far"
    elif when is not None:
        problems["reschedule_date"] = "not_expected"
    if len(report.reporter.strip()) > MAX_REPORTER:
        problems["reporter"] = "too_long"
    if problems:
        raise ValidationError(problems)


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One order on a dispatch sheet.

    Attributes:
        order_id: The order.
        order_no: Its number, which the results come back under.
        customer_name: Who receives it.
        customer_no: The customer's number in the center.
        contact: The phone the courier or hall calls, national format.
        address: The delivery address ("" for a pick-up).
        items: The goods, e.g. ``"5G 畅享套餐 169 元 ×1；华为 Mate 60 Pro ×1"``.
        total: What the customer pays.
        payment: How.
        preferred_time: When the customer would like it (a :class:`PreferredTime` value).
        id_check: The masked resident ID the courier checks at handover ("" if none).
        real_name: The holder's name for that check.
        notes: The agent's notes for the courier or hall.
        status: The order's status now.
        agent_name: Who took the order.
        taken_at: When.
    """

    order_id: uuid.UUID
    order_no: str
    customer_name: str
    customer_no: str
    contact: str
    address: str
    items: str
    total: Decimal
    payment: PaymentMethod
    preferred_time: str
    id_check: str
    real_name: str
    notes: str
    status: OrderStatus
    agent_name: str
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class DispatchSheet:
    """The orders a round hands over on one day, to the delivery team or to one hall.

    Attributes:
        round_name: The round's Chinese name.
        round_name_en: Its English name.
        handover: When the orders go out (aware, the center's zone).
        booking_from: When booking calls start.
        booking_until: When they end.
        delivery_date: The day the goods reach the customers.
        hall_name: The hall's name for a hall's sheet, "" for the delivery team's.
        hall_name_en: The hall's English name.
        hall_address: Where the hall is.
        lines: The orders, in the order they were taken.
        generated_at: When the sheet was made (aware).
    """

    round_name: str
    round_name_en: str
    handover: datetime
    booking_from: datetime
    booking_until: datetime
    delivery_date: date
    hall_name: str
    hall_name_en: str
    hall_address: str
    lines: tuple[SheetLine, ...]
    generated_at: datetime

    @property
    def cash_to_collect(self) -> Decimal:
        """What the couriers or the hall collect in all."""
        return sum((line.total for line in self.lines), Decimal("0.00"))
