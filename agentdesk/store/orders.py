"""Orders on the workstation: the catalogue, the delivery set-up, saving an order, reading it.

An order, its lines and its first event commit in one ``BEGIN IMMEDIATE`` transaction with
their outbox entries; the database runs with ``synchronous=FULL``, so once :func:`save_order`
returns the order survives a power cut and will reach the server. The order row is written by
the workstation that took it (and once more when the call it was taken on is recorded); what
happens to it afterwards is appended to ``order_events`` by whoever reports it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.delivery import (
    DeliveryCalendar,
    DeliveryRound,
    RoundSlot,
    slot_delivering,
)
from agentdesk.domain.errors import NotFoundError
from agentdesk.domain.ids import new_id
from agentdesk.domain.orders import (
    CatalogueItem,
    DeliveryMethod,
    Hall,
    OrderEvent,
    OrderLine,
    OrderStatus,
    PaymentMethod,
    ProductKind,
    SavedOrder,
)
from agentdesk.domain.resident_id import ResidentId, mask_resident_id
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.catalogue import offers, products
from agentdesk.store.schema.contacts import customer_addresses, customers
from agentdesk.store.schema.orders import (
    business_halls,
    delivery_closures,
    delivery_rounds,
    order_events,
    order_lines,
    orders,
)
from agentdesk.store.schema.people import users

#: Statuses whose orders no longer take a place in a round or a hall.
RELEASED = frozenset({OrderStatus.CANCELLED.value})


# ---------------------------------------------------------------------- reference data
# Statements built once: an order is taken while the customer waits, and building SQL
# expressions costs more than running these small queries.
_OFFER_VALID = sa.and_(
    offers.c.deleted_at.is_(None),
    sa.or_(offers.c.valid_from.is_(None), offers.c.valid_from <= sa.bindparam("today")),
    sa.or_(offers.c.valid_until.is_(None), offers.c.valid_until >= sa.bindparam("today")),
    sa.or_(offers.c.campaign_id.is_(None), offers.c.campaign_id == sa.bindparam("campaign")),
)
_PRODUCT_ACTIVE = sa.and_(products.c.deleted_at.is_(None), products.c.active.is_(True))
_PRODUCT_ORDER = (products.c.kind, products.c.price, products.c.sku)
_ALL_OFFERS = sa.select(offers).where(_OFFER_VALID).order_by(offers.c.id)
_ALL_PRODUCTS = sa.select(products).where(_PRODUCT_ACTIVE).order_by(*_PRODUCT_ORDER)
_SKUS: sa.BindParameter[list[str]] = sa.bindparam("skus", expanding=True)
_SOME_OFFERS = sa.select(offers).where(
    _OFFER_VALID, offers.c.product_id.in_(sa.select(products.c.id).where(
        products.c.sku.in_(_SKUS)))).order_by(offers.c.id)
_SOME_PRODUCTS = sa.select(products).where(
    _PRODUCT_ACTIVE, products.c.sku.in_(_SKUS)).order_by(*_PRODUCT_ORDER)
_HALLS = sa.select(business_halls).where(business_halls.c.deleted_at.is_(None)).order_by(
    business_halls.c.is_vip_room, business_halls.c.name)
_ROUNDS = sa.select(delivery_rounds).where(delivery_rounds.c.deleted_at.is_(None)).order_by(
    delivery_rounds.c.handover_at)
_CLOSURES = sa.select(delivery_closures).where(delivery_closures.c.deleted_at.is_(None))


def catalogue(conn: Connection, *, today: date, campaign_id: uuid.UUID | None,
              skus: Iterable[str] | None = None) -> list[CatalogueItem]:
    """Return the active products (those with ``skus`` only), each with today's best offer.

    An offer applies when it belongs to the call's campaign or to no campaign and ``today`` is
    within its validity; the lowest price wins.
    """
    params: dict[str, Any] = {"today": today, "campaign": campaign_id}
    if skus is None:
        offer_rows = conn.execute(_ALL_OFFERS, params)
        product_rows = conn.execute(_ALL_PRODUCTS)
    else:
        params["skus"] = sorted(set(skus))
        offer_rows = conn.execute(_SOME_OFFERS, params)
        product_rows = conn.execute(_SOME_PRODUCTS, {"skus": params["skus"]})
    best: dict[uuid.UUID, Any] = {}
    for offer in offer_rows:
        held = best.get(offer.product_id)
        if held is None or offer.price < held.price:
            best[offer.product_id] = offer
    items = []
    for p in product_rows:
        chosen = best.get(p.id)
        items.append(CatalogueItem(
            product_id=p.id, sku=p.sku, name=p.name, name_en=p.name_en,
            kind=ProductKind(p.kind), list_price=p.price, description=p.description,
            requires_real_name=bool(p.requires_real_name),
            offer_id=None if chosen is None else chosen.id,
            offer_name="" if chosen is None else chosen.name,
            offer_name_en="" if chosen is None else chosen.name_en,
            offer_price=None if chosen is None else chosen.price,
            eligibility="" if chosen is None else chosen.eligibility,
            offer_until=None if chosen is None else chosen.valid_until))
    return items


def halls(conn: Connection) -> list[Hall]:
    """Return the business halls and VIP rooms that take pick-ups, by name."""
    rows = conn.execute(_HALLS)
    return [Hall(r.id, r.name, r.name_en, r.address, bool(r.is_vip_room), r.daily_capacity)
            for r in rows]


def delivery_setup(conn: Connection) -> tuple[list[DeliveryRound], DeliveryCalendar]:
    """Return the configured dispatch rounds (by handover time) and the delivery calendar."""
    rounds = [
        DeliveryRound(r.id, r.name, r.name_en, r.orders_from, r.orders_until, r.handover_at,
                      r.booking_from, r.booking_until, int(r.delivery_day_offset),
                      int(r.capacity))
        for r in conn.execute(_ROUNDS)
    ]
    weekdays: set[int] = set()
    days: set[date] = set()
    for closure in conn.execute(_CLOSURES):
        if closure.day is not None:
            days.add(closure.day)
        elif closure.weekday is not None and 0 <= closure.weekday <= 6:
            weekdays.add(int(closure.weekday))
    if len(weekdays) == 7:
        weekdays.clear()  # a misconfiguration: better every day than no delivery at all
    return rounds, DeliveryCalendar(frozenset(weekdays), frozenset(days))


_CUSTOMER_NAME = sa.select(customers.c.name).where(
    customers.c.id == sa.bindparam("customer"), customers.c.deleted_at.is_(None))


def customer_name(conn: Connection, customer_id: uuid.UUID) -> str | None:
    """The customer's name, None if the customer is not on this workstation."""
    return conn.execute(_CUSTOMER_NAME, {"customer": customer_id}).scalar()


def call_exists(conn: Connection, call_id: uuid.UUID) -> bool:
    """True if the call is recorded on this workstation."""
    from agentdesk.store.schema.work import calls

    return conn.execute(sa.select(calls.c.id).where(calls.c.id == call_id)).first() is not None


def customer_defaults(conn: Connection, customer_id: uuid.UUID) -> tuple[str, list[str], str]:
    """Return a customer's name, addresses (default first, one line each) and main number."""
    from agentdesk.domain.customers import Address
    from agentdesk.store.call_results import primary_phone

    name = conn.execute(sa.select(customers.c.name).where(
        customers.c.id == customer_id)).scalar() or ""
    rows = conn.execute(sa.select(customer_addresses).where(
        customer_addresses.c.customer_id == customer_id,
        customer_addresses.c.deleted_at.is_(None))
        .order_by(customer_addresses.c.is_default.desc(), customer_addresses.c.id)).all()
    addresses = [Address(r.id, r.province, r.city, r.district, r.street).one_line()
                 for r in rows]
    return name, [a for a in addresses if a], primary_phone(conn, customer_id)


# ---------------------------------------------------------------------- status
def latest_status(conn: Connection, order_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """Return the latest event row of each order (by time, then id)."""
    wanted = list(order_ids)
    latest: dict[uuid.UUID, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for event in conn.execute(sa.select(order_events).where(
                order_events.c.order_id.in_(chunk), order_events.c.deleted_at.is_(None))
                .order_by(order_events.c.at, order_events.c.id)):
            latest[event.order_id] = event
    return latest


def current_status(row: Any, latest: Mapping[uuid.UUID, Any]) -> OrderStatus:
    """The status of order ``row``: its latest event's, else the one it was taken with."""
    event = latest.get(row.id)
    return OrderStatus(event.status if event is not None else row.status)


#: How far a rescheduled delivery may move from the day it was looked for (the domain allows
#: 30 days ahead); wide enough to find every order moved into or out of a window.
_RESCHEDULE_REACH = timedelta(days=31)


def latest_reschedules(conn: Connection, order_ids: Iterable[uuid.UUID]
                       ) -> dict[uuid.UUID, tuple[date, datetime]]:
    """Return the day each order was last rescheduled to and when that was reported.

    Orders never rescheduled are left out.
    """
    wanted = list(order_ids)
    moved: dict[uuid.UUID, tuple[date, datetime]] = {}
    for start in range(0, len(wanted), 500):
        for event in conn.execute(
                sa.select(order_events.c.order_id, order_events.c.reschedule_date,
                          order_events.c.at).where(
                    order_events.c.order_id.in_(wanted[start:start + 500]),
                    order_events.c.status == OrderStatus.RESCHEDULED.value,
                    order_events.c.reschedule_date.is_not(None),
                    order_events.c.deleted_at.is_(None))
                .order_by(order_events.c.at, order_events.c.id)):
            moved[event.order_id] = (event.reschedule_date, event.at)
    return moved


_RESCHEDULED_NEAR = sa.select(order_events.c.order_id).distinct().where(
    order_events.c.status == OrderStatus.RESCHEDULED.value,
    order_events.c.reschedule_date.between(sa.bindparam("first"), sa.bindparam("last")),
    order_events.c.deleted_at.is_(None))


def rescheduled_near(conn: Connection, first: date, last: date) -> list[uuid.UUID]:
    """Return the orders with a reschedule to a day near ``first`` to ``last``."""
    return list(conn.execute(_RESCHEDULED_NEAR, {"first": first - _RESCHEDULE_REACH,
                                                 "last": last + _RESCHEDULE_REACH}).scalars())


def effective_slot(row: Any, moved: Mapping[uuid.UUID, tuple[date, datetime]],
                   rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar
                   ) -> tuple[Any, date] | None:
    """The (round id, handover date) an order goes out with now.

    The round it was taken into, unless the customer moved the delivery: then the first
    handover after the move that delivers on the new day (see
    :func:`agentdesk.domain.delivery.slot_delivering`).
    """
    move = moved.get(row.id)
    if move is None:
        return None if row.round_date is None else (row.round_id, row.round_date)
    slot = slot_delivering(move[0], move[1], rounds, calendar)
    return None if slot is None else slot.key


def _has_event(*statuses: str) -> sa.Exists:
    """An order (``orders`` row of the outer query) has an event of one of ``statuses``.

    Correlated on ``order_id``: an index lookup per order, never a scan of the history.
    """
    return sa.exists().where(order_events.c.order_id == orders.c.id,
                             order_events.c.status.in_(statuses),
                             order_events.c.deleted_at.is_(None))


_BOOKED = (
    sa.select(orders.c.round_id, orders.c.round_date, sa.func.count())
    .where(orders.c.round_date.between(sa.bindparam("first"), sa.bindparam("last")),
           orders.c.deleted_at.is_(None),
           ~_has_event(*sorted(RELEASED), OrderStatus.RESCHEDULED.value))
    .group_by(orders.c.round_id, orders.c.round_date))


def booked_slots(conn: Connection, first: date, last: date, rounds: Sequence[DeliveryRound],
                 calendar: DeliveryCalendar) -> dict[tuple[Any, date], int]:
    """Count the orders in each (round id, handover date) from ``first`` to ``last``.

    Cancelled orders give their place back; a rescheduled order takes a place in the round
    that delivers on its new day. Home deliveries and pick-ups both travel with the round.
    Counted in SQL: the few rescheduled orders are placed one by one.
    """
    counts: dict[tuple[Any, date], int] = {}
    for round_id, day, count in conn.execute(_BOOKED, {"first": first, "last": last}):
        counts[(round_id, day)] = int(count)
    candidates = rescheduled_near(conn, first, last)
    if not candidates:
        return counts
    moved = latest_reschedules(conn, candidates)
    cancelled = set(conn.execute(sa.select(orders.c.id).where(
        orders.c.id.in_(candidates), _has_event(*sorted(RELEASED)))).scalars())
    for order_id, (day, reported) in moved.items():
        slot = slot_delivering(day, reported, rounds, calendar)
        if order_id in cancelled or slot is None or not first <= slot.handover_date <= last:
            continue
        counts[slot.key] = counts.get(slot.key, 0) + 1
    return counts


def hall_bookings(conn: Connection, hall_id: uuid.UUID, day: date) -> int:
    """Count the pick-ups a hall hands out on ``day`` (cancelled ones left out)."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(orders).where(
        orders.c.hall_id == hall_id, orders.c.delivery_date == day,
        orders.c.deleted_at.is_(None), ~_has_event(*sorted(RELEASED)))).scalar_one())


# ---------------------------------------------------------------------- saving
@dataclass(frozen=True, slots=True)
class NewLine:
    """A priced line ready to store."""

    item: CatalogueItem
    quantity: int
    unit_price: Decimal
    discount: Decimal
    line_total: Decimal
    options: str = ""


@dataclass(frozen=True, slots=True)
class NewOrder:
    """Everything :func:`save_order` writes for one order, checked and priced."""

    id: uuid.UUID
    order_no: str
    site: str
    customer_id: uuid.UUID
    agent_id: uuid.UUID
    call_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    lines: Sequence[NewLine]
    gross: Decimal
    discount: Decimal
    total: Decimal
    approved_by: uuid.UUID | None
    approval_note: str
    delivery_method: DeliveryMethod
    payment_method: PaymentMethod
    address: str
    contact_e164: str
    preferred_time: str
    hall_id: uuid.UUID | None
    slot: RoundSlot
    real_name: str
    resident_id: ResidentId | None
    notes: str
    created_at: datetime


def insert(conn: Connection, table: sa.Table, row: dict[str, Any], now: datetime) -> None:
    """Insert a synced row and queue it for the server in the same transaction."""
    conn.execute(table.insert(), row)  # one compiled statement per table, reused
    queue_mutation(conn, table, row, base_version=None, now=now)


def save_order(conn: Connection, order: NewOrder) -> None:
    """Write ``order``, its lines and its first event with their outbox entries."""
    now = order.created_at
    meta = {"site": order.site, "version": 1, "updated_at": now, "deleted_at": None}
    hall_pickup = order.delivery_method is DeliveryMethod.HALL_PICKUP
    insert(conn, orders, {
        "id": order.id, **meta, "order_no": order.order_no, "customer_id": order.customer_id,
        "call_id": order.call_id, "campaign_id": order.campaign_id, "agent_id": order.agent_id,
        "status": OrderStatus.CONFIRMED.value, "total": order.total,
        "delivery_method": order.delivery_method.value,
        "payment_method": order.payment_method.value,
        "delivery_address": "" if hall_pickup else order.address,
        "contact_e164": order.contact_e164, "hall_id": order.hall_id if hall_pickup else None,
        "round_id": order.slot.round.id, "round_date": order.slot.handover_date,
        "created_at": now, "gross": order.gross, "discount": order.discount,
        "approved_by": order.approved_by, "approval_note": order.approval_note,
        "preferred_time": order.preferred_time, "real_name": order.real_name,
        "resident_id": "" if order.resident_id is None else order.resident_id.number,
        "notes": order.notes, "handover_at": order.slot.handover,
        "delivery_date": order.slot.delivery_date,
    }, now)
    for line in order.lines:
        insert(conn, order_lines, {
            "id": new_id(), **meta,
            "order_id": order.id, "product_id": line.item.product_id,
            "offer_id": line.item.offer_id, "quantity": line.quantity,
            "unit_price": line.unit_price, "discount": line.discount,
            "line_total": line.line_total, "options": line.options,
        }, now)
    insert(conn, order_events, {
        "id": new_id(), **meta, "order_id": order.id, "status": OrderStatus.CONFIRMED.value,
        "at": now, "source": "capture", "user_id": order.agent_id, "reporter": "",
        "reason": "", "collected": None, "reschedule_date": None, "callback_id": None,
    }, now)


def saved_order(order: NewOrder, *, customer_name: str, hall: Hall | None,
                agent_name: str) -> SavedOrder:
    """Return ``order`` as :func:`load_order` reads it back once saved, without reading it."""
    pickup = order.delivery_method is DeliveryMethod.HALL_PICKUP
    return SavedOrder(
        id=order.id, order_no=order.order_no, customer_id=order.customer_id,
        customer_name=customer_name, agent_id=order.agent_id,
        lines=tuple(OrderLine(line.item.sku, line.item.name, line.item.name_en, line.quantity,
                              line.unit_price, line.discount, line.line_total, line.options)
                    for line in order.lines),
        gross=order.gross, discount=order.discount, total=order.total,
        delivery_method=order.delivery_method, payment_method=order.payment_method,
        address="" if pickup else order.address, contact_e164=order.contact_e164,
        preferred_time=order.preferred_time, hall=hall if pickup else None,
        round_id=order.slot.round.id, round_date=order.slot.handover_date,
        handover_at=order.slot.handover.astimezone(UTC),  # as stored
        delivery_date=order.slot.delivery_date, real_name=order.real_name,
        resident_id_masked="" if order.resident_id is None else order.resident_id.masked,
        notes=order.notes, approved_by=order.approved_by, created_at=order.created_at,
        status=OrderStatus.CONFIRMED,
        events=(OrderEvent(OrderStatus.CONFIRMED, order.created_at, "capture", agent_name),),
        call_id=order.call_id, round_name=order.slot.round.name,
        round_name_en=order.slot.round.name_en)


def link_orders_to_call(conn: Connection, order_ids: Sequence[uuid.UUID], call_id: uuid.UUID,
                        customer_id: uuid.UUID | None, now: datetime) -> None:
    """Give the orders taken on a call the call's id, once the call is recorded.

    Only orders of the call's customer that are not linked yet are.
    """
    for order_id in order_ids:
        row = conn.execute(sa.select(orders).where(orders.c.id == order_id)).first()
        if row is None or row.call_id is not None or row.customer_id != customer_id:
            continue
        before = row._asdict()
        changed = {**before, "call_id": call_id, "version": row.version + 1, "updated_at": now}
        conn.execute(orders.update().where(orders.c.id == order_id).values(changed))
        queue_mutation(conn, orders, changed, base_version=row.version, now=now, before=before)


# ---------------------------------------------------------------------- reading
def load_order(conn: Connection, *, order_id: uuid.UUID | None = None,
               order_no: str | None = None) -> SavedOrder:
    """Return one order with its lines and history, by id or number.

    Raises:
        NotFoundError: No such order on this workstation.
    """
    where = orders.c.id == order_id if order_id is not None else orders.c.order_no == order_no
    row = conn.execute(sa.select(orders, customers.c.name.label("customer_name"))
                       .join(customers, customers.c.id == orders.c.customer_id)
                       .where(where, orders.c.deleted_at.is_(None))).first()
    if row is None:
        raise NotFoundError(f"No order {order_no or order_id}", code="order_not_found",
                            order=str(order_no or order_id))
    lines = tuple(
        OrderLine(r.sku, r.name, r.name_en, int(r.quantity), r.unit_price, r.discount,
                  r.line_total, r.options)
        for r in conn.execute(
            sa.select(order_lines, products.c.sku, products.c.name, products.c.name_en)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id == row.id, order_lines.c.deleted_at.is_(None))
            .order_by(order_lines.c.id)))
    who = users.c.display_name
    events = tuple(
        OrderEvent(OrderStatus(e.status), e.at, e.source, e.reporter or e.user_name or "",
                   e.reason, e.collected, e.reschedule_date)
        for e in conn.execute(
            sa.select(order_events, who.label("user_name"))
            .outerjoin(users, users.c.id == order_events.c.user_id)
            .where(order_events.c.order_id == row.id, order_events.c.deleted_at.is_(None))
            .order_by(order_events.c.at, order_events.c.id)))
    hall = None
    if row.hall_id is not None:
        hall = next((h for h in halls(conn) if h.id == row.hall_id), None)
    masked = mask_resident_id(row.resident_id) if row.resident_id else ""
    names = conn.execute(sa.select(delivery_rounds.c.name, delivery_rounds.c.name_en).where(
        delivery_rounds.c.id == row.round_id)).first() if row.round_id is not None else None
    return SavedOrder(
        id=row.id, order_no=row.order_no, customer_id=row.customer_id,
        customer_name=row.customer_name, agent_id=row.agent_id, lines=lines, gross=row.gross,
        discount=row.discount, total=row.total,
        delivery_method=DeliveryMethod(row.delivery_method),
        payment_method=PaymentMethod(row.payment_method), address=row.delivery_address,
        contact_e164=row.contact_e164 or "", preferred_time=row.preferred_time, hall=hall,
        round_id=row.round_id, round_date=row.round_date, handover_at=row.handover_at,
        delivery_date=row.delivery_date, real_name=row.real_name, resident_id_masked=masked,
        notes=row.notes, approved_by=row.approved_by, created_at=row.created_at,
        status=events[-1].status if events else OrderStatus(row.status), events=events,
        call_id=row.call_id, round_name=names.name if names else "",
        round_name_en=names.name_en if names else "")
