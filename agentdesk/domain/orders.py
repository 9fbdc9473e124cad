"""Orders: statuses, delivery and payment choices, and the summary the record panel shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
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


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """A product the agent can put on an order, with the offer that applies today.

    Attributes:
        product_id: The product.
        sku: Its catalogue code.
        name: Chinese name.
        name_en: English name.
        kind: Plan, handset, broadband, policy or add-on.
        list_price: The catalogue price.
        description: What it is (Chinese).
        requires_real_name: The product is registered in the holder's name (ID needed).
        offer_id: The best offer valid today for the call's campaign, None if none.
        offer_name: Its Chinese name.
        offer_name_en: Its English name.
        offer_price: The offer's unit price.
        eligibility: Who may take the offer, for the agent to confirm on the call.
        offer_until: The offer's last day, None if open-ended.
    """

    product_id: uuid.UUID
    sku: str
    name: str
    name_en: str
    kind: ProductKind
    list_price: Decimal
    description: str = ""
    requires_real_name: bool = False
    offer_id: uuid.UUID | None = None
    offer_name: str = ""
    offer_name_en: str = ""
    offer_price: Decimal | None = None
    eligibility: str = ""
    offer_until: date | None = None

    @property
    def price(self) -> Decimal:
        """What one unit costs on an order taken today."""
        return self.list_price if self.offer_price is None else self.offer_price

    @property
    def offer_saving(self) -> Decimal:
        """How much the offer takes off one unit (0 without an offer)."""
        return max(self.list_price - self.price, Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class Hall:
    """A business hall or VIP room that hands orders to customers who pick them up."""

    id: uuid.UUID
    name: str
    name_en: str
    address: str
    is_vip_room: bool
    daily_capacity: int | None


@dataclass(frozen=True, slots=True)
class OrderEvent:
    """One step of an order's history."""

    status: OrderStatus
    at: datetime
    source: str
    who: str
    reason: str = ""
    collected: Decimal | None = None
    reschedule_date: date | None = None


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line of a saved order."""

    sku: str
    name: str
    name_en: str
    quantity: int
    unit_price: Decimal
    discount: Decimal
    line_total: Decimal
    options: str = ""


@dataclass(frozen=True, slots=True)
class SavedOrder:
    """An order as stored: what the read-back promised and what happened since.

    Attributes:
        id: The order.
        order_no: Its number, read to the customer.
        customer_id: Whose it is.
        customer_name: The customer's name.
        agent_id: Who took it.
        lines: The goods.
        gross: Sum of the lines before discounts.
        discount: All discounts.
        total: What the customer pays.
        delivery_method: Home delivery or hall pick-up.
        payment_method: Cash on delivery or at the hall.
        address: Delivery address ("" for pick-up).
        contact_e164: The number the courier or hall calls.
        preferred_time: A ``PreferredTime`` value.
        hall: The pick-up hall, None for home delivery.
        round_id: The dispatch round (home delivery).
        round_date: The round's handover day.
        handover_at: When the order goes to the delivery team.
        delivery_date: The day promised to the customer.
        real_name: The real-name holder ("" if no product needs one).
        resident_id_masked: The holder's masked ID number.
        notes: Notes for the courier or hall.
        approved_by: The supervisor who approved the discount, if one had to.
        created_at: When it was taken.
        status: Where it stands now (its latest event).
        events: Its history, oldest first.
        call_id: The call it was taken on, once that call is recorded.
        round_name: The dispatch round's Chinese name ("" without a round).
        round_name_en: Its English name.
    """

    id: uuid.UUID
    order_no: str
    customer_id: uuid.UUID
    customer_name: str
    agent_id: uuid.UUID
    lines: tuple[OrderLine, ...]
    gross: Decimal
    discount: Decimal
    total: Decimal
    delivery_method: DeliveryMethod
    payment_method: PaymentMethod
    address: str
    contact_e164: str
    preferred_time: str
    hall: Hall | None
    round_id: uuid.UUID | None
    round_date: date | None
    handover_at: datetime | None
    delivery_date: date | None
    real_name: str
    resident_id_masked: str
    notes: str
    approved_by: uuid.UUID | None
    created_at: datetime
    status: OrderStatus
    events: tuple[OrderEvent, ...]
    call_id: uuid.UUID | None = None
    round_name: str = ""
    round_name_en: str = ""

    @property
    def items(self) -> str:
        """The goods in one line, e.g. ``"5G 畅享套餐 169元 ×1；加装副卡 ×2"``."""
        return "；".join(f"{line.name} ×{line.quantity}" for line in self.lines)


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def order_number(order_id: uuid.UUID, day: date) -> str:
    """Return the order number read to the customer, e.g. ``SO261201-7K3M9QX2``.

    The day the order was taken (in the center's zone) and 40 random bits of its id in
    Crockford's base 32 (no I, L, O or U to mishear): unique without asking the server.
    """
    bits = order_id.int & ((1 << 40) - 1)
    code = "".join(_CROCKFORD[(bits >> shift) & 31] for shift in range(35, -1, -5))
    return f"SO{day:%y%m%d}-{code}"
