"""Orders: statuses, delivery and payment choices, and the summary the record panel shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

CENT = Decimal("0.01")


def money(value: Decimal | int | str) -> Decimal:
    """Return ``value`` as CNY rounded half-up to the fen (0.01)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class OrderStatus(StrEnum):
    """Where an order stands, from capture to delivery."""

    CONFIRMED = "confirmed"
    DISPATCHED = "dispatched"
    DELIVERED = "delivered"
    FAILED = "failed"
    REFUSED = "refused"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


class DeliveryMethod(StrEnum):
    """How the goods reach the customer."""

    HOME_DELIVERY = "home_delivery"
    HALL_PICKUP = "hall_pickup"


class PaymentMethod(StrEnum):
    """How the customer pays; card numbers are never taken or stored."""

    CASH_ON_DELIVERY = "cash_on_delivery"
    PAY_AT_HALL = "pay_at_hall"


class ProductKind(StrEnum):
    """What a catalogue item is."""

    PLAN = "plan"
    HANDSET = "handset"
    BROADBAND = "broadband"
    POLICY = "policy"
    ADDON = "addon"


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One order, as the customer record lists it."""

    id: uuid.UUID
    order_no: str
    created_at: datetime
    status: OrderStatus
    total: Decimal
    items: str
    delivery_method: DeliveryMethod
    agent_name: str
