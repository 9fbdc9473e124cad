"""Dispatch sheets, hand-overs and delivery results on the workstation.

A slot (a round's handover on one day) holds the orders taken into it plus the rescheduled
orders whose new day it delivers first. Results and hand-overs are appended to
``order_events``; a failed or rescheduled delivery books a personal callback for the agent
who took the order, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import CallbackScope, CallbackStatus
from agentdesk.domain.delivery import (
    DeliveryCalendar,
    DeliveryRound,
)
from agentdesk.domain.dialing import CallingWindow
from agentdesk.domain.dispatch import (
    FOLLOW_UP_RESULTS,
    NEXT_STATUSES,
    DeliveryResult,
    ResultReport,
    SheetLine,
    check_result,
)
from agentdesk.domain.errors import NotFoundError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.orders import OrderStatus, PaymentMethod
from agentdesk.domain.phones import national_display
from agentdesk.domain.resident_id import mask_resident_id
from agentdesk.store.call_results import customer_zone
from agentdesk.store.orders import (
    current_status,
    effective_slot,
    insert,
    latest_reschedules,
    latest_status,
    rescheduled_near,
)
from agentdesk.store.schema.catalogue import products
from agentdesk.store.schema.contacts import customers
from agentdesk.store.schema.orders import order_events, order_lines, orders
from agentdesk.store.schema.people import users
from agentdesk.store.schema.work import callbacks

#: Sheet statuses: orders still to go out with a round.
OPEN = frozenset({OrderStatus.CONFIRMED, OrderStatus.RESCHEDULED, OrderStatus.DISPATCHED,
                  OrderStatus.FAILED})
#: When the follow-up of a failed delivery is due: soon, within the customer's calling hours.
FOLLOW_UP_DELAY = timedelta(minutes=30)
FOLLOW_UP_WINDOW = CallingWindow(time(9), time(21))


@dataclass(frozen=True, slots=True)
class SlotOrder:
    """An order of a slot with its status now."""

    row: Any
    status: OrderStatus


def slot_orders(conn: Connection, round_id: uuid.UUID, day: date,
                rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar) -> list[SlotOrder]:
    """Return the orders that go out with ``round_id`` on ``day``, in the order taken.

    Orders taken into the slot (unless rescheduled to another day or cancelled) and
    rescheduled orders whose new delivery day this slot serves first.
    """
    rows = conn.execute(sa.select(orders).where(
        orders.c.round_id == round_id, orders.c.round_date == day,
        orders.c.deleted_at.is_(None))).all()
    candidates = {r.id: r for r in rows}
    near = [order_id for order_id in rescheduled_near(conn, day, day)
            if order_id not in candidates]
    for start in range(0, len(near), 500):
        for row in conn.execute(sa.select(orders).where(
                orders.c.id.in_(near[start:start + 500]), orders.c.deleted_at.is_(None))):
            candidates[row.id] = row
    moved = latest_reschedules(conn, candidates)
    latest = latest_status(conn, candidates)
    chosen = []
    for row in candidates.values():
        status = current_status(row, latest)
        if status is OrderStatus.CANCELLED:
            continue
        if effective_slot(row, moved, rounds, calendar) == (round_id, day):
            chosen.append(SlotOrder(row, status))
    chosen.sort(key=lambda o: (o.row.created_at, o.row.id))
    return chosen


def sheet_lines(conn: Connection, chosen: Sequence[SlotOrder]) -> list[SheetLine]:
    """Return the sheet lines of ``chosen`` orders."""
    if not chosen:
        return []
    ids = [o.row.id for o in chosen]
    items: dict[uuid.UUID, list[str]] = {}
    for line in conn.execute(
            sa.select(order_lines.c.order_id, order_lines.c.quantity, order_lines.c.options,
                      products.c.name)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id.in_(ids), order_lines.c.deleted_at.is_(None))
            .order_by(order_lines.c.id)):
        options = f"（{line.options}）" if line.options else ""
        items.setdefault(line.order_id, []).append(f"{line.name}{options} ×{line.quantity}")
    people = {r.id: r for r in conn.execute(
        sa.select(customers.c.id, customers.c.name, customers.c.customer_no)
        .where(customers.c.id.in_({o.row.customer_id for o in chosen})))}
    agents = {r.id: r.display_name for r in conn.execute(
        sa.select(users.c.id, users.c.display_name)
        .where(users.c.id.in_({o.row.agent_id for o in chosen})))}
    lines = []
    for order in chosen:
        row = order.row
        masked = mask_resident_id(row.resident_id) if row.resident_id else ""
        person = people.get(row.customer_id)
        lines.append(SheetLine(
            order_id=row.id, order_no=row.order_no,
            customer_name=person.name if person is not None else "",
            customer_no=person.customer_no if person is not None else "",
            contact=national_display(row.contact_e164),
            address=row.delivery_address, items="；".join(items.get(row.id, [])),
            total=row.total, payment=PaymentMethod(row.payment_method),
            preferred_time=row.preferred_time, id_check=masked, real_name=row.real_name,
            notes=row.notes, status=order.status, agent_name=agents.get(row.agent_id, ""),
            taken_at=row.created_at))
    return lines




def mark_dispatched(conn: Connection, chosen: Sequence[SlotOrder], *, user_id: uuid.UUID,
                    site: str, now: datetime) -> int:
    """Record the hand-over of the orders that have not gone out yet; return how many."""
    count = 0
    for order in chosen:
        if OrderStatus.DISPATCHED not in NEXT_STATUSES[order.status]:
            continue
        if order.status is OrderStatus.FAILED:
            continue  # a failed delivery goes out again only after the customer is called
        insert(conn, order_events, {
            "id": new_id(), "site": site, "version": 1, "updated_at": now, "deleted_at": None,
            "order_id": order.row.id, "status": OrderStatus.DISPATCHED.value, "at": now,
            "source": "dispatch", "user_id": user_id, "reporter": "", "reason": "",
            "collected": None, "reschedule_date": None, "callback_id": None,
        }, now)
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class RecordedResult:
    """A result that was stored, and the follow-up callback it booked, if any."""

    order_id: uuid.UUID
    order_no: str
    status: OrderStatus
    callback_id: uuid.UUID | None


def record_result(conn: Connection, report: ResultReport, *, user_id: uuid.UUID, source: str,
                  today: date, now: datetime) -> RecordedResult:
    """Append a delivery result to an order's history; book the agent's follow-up callback.

    Raises:
        NotFoundError: No order with the report's number (code ``order_not_found``).
        ValidationError: The codes of :func:`agentdesk.domain.dispatch.check_result`.
    """
    row = conn.execute(sa.select(orders).where(orders.c.order_no == report.order_no.strip(),
                                               orders.c.deleted_at.is_(None))).first()
    if row is None:
        raise NotFoundError(f"No order {report.order_no[:40]}", code="order_not_found",
                            order=report.order_no[:40])
    status = current_status(row, latest_status(conn, [row.id]))
    check_result(report, status=status, total=row.total,
                 payment=PaymentMethod(row.payment_method), today=today)
    collected = report.collected
    if report.result is DeliveryResult.DELIVERED and collected is None:
        collected = row.total
    callback_id = None
    reason = report.reason.strip()
    if report.result in FOLLOW_UP_RESULTS:
        callback_id = _book_follow_up(conn, row, report, reason, now)
    insert(conn, order_events, {
        "id": new_id(), "site": row.site, "version": 1, "updated_at": now, "deleted_at": None,
        "order_id": row.id, "status": report.result.status.value, "at": now, "source": source,
        "user_id": user_id, "reporter": report.reporter.strip(), "reason": reason,
        "collected": collected if report.result is DeliveryResult.DELIVERED else None,
        "reschedule_date": report.reschedule_date, "callback_id": callback_id,
    }, now)
    return RecordedResult(row.id, row.order_no, report.result.status, callback_id)


def _book_follow_up(conn: Connection, row: Any, report: ResultReport, reason: str,
                    now: datetime) -> uuid.UUID:
    zone = customer_zone(conn, row.customer_id, row.contact_e164 or "")
    due = FOLLOW_UP_WINDOW.next_opening(now + FOLLOW_UP_DELAY, zone)
    if report.result is DeliveryResult.RESCHEDULED:
        words = f"客户改期至 {report.reschedule_date}"
        text = f"订单 {row.order_no} {words}，请确认新的送货时间和地址：{reason}"
    else:
        text = f"订单 {row.order_no} 配送失败，请联系客户重新安排：{reason}"
    agent = conn.execute(sa.select(users.c.active, users.c.team_id).where(
        users.c.id == row.agent_id)).first()
    # The agent who took the order calls back; if they have left, their team does. (An
    # account that left without a team keeps it: a team callback needs a team to show in.)
    personal = agent is None or bool(agent.active) or agent.team_id is None
    callback_id = new_id()
    insert(conn, callbacks, {
        "id": callback_id, "site": row.site, "version": 1, "updated_at": now,
        "deleted_at": None, "contact_id": None, "customer_id": row.customer_id,
        "agent_id": row.agent_id if personal else None,
        "team_id": None if personal or agent is None else agent.team_id,
        "due_at": due, "scope": (CallbackScope.PERSONAL if personal
                                 else CallbackScope.TEAM).value,
        "status": CallbackStatus.PENDING.value, "notes": text[:2000],
    }, now)
    return callback_id


def cancel_order(conn: Connection, order_no: str, *, user_id: uuid.UUID, reason: str,
                 now: datetime) -> None:
    """Cancel an order that has not been handed over or delivered.

    Raises:
        NotFoundError: No such order.
        ValidationError: ``{"status": "closed" | "not_allowed"}``, ``{"reason": "required"}``.
    """
    row = conn.execute(sa.select(orders).where(orders.c.order_no == order_no,
                                               orders.c.deleted_at.is_(None))).first()
    if row is None:
        raise NotFoundError(f"No order {order_no[:40]}", code="order_not_found",
                            order=order_no[:40])
    status = current_status(row, latest_status(conn, [row.id]))
    if not NEXT_STATUSES[status]:
        raise ValidationError({"status": "closed"})
    if OrderStatus.CANCELLED not in NEXT_STATUSES[status]:
        raise ValidationError({"status": "not_allowed"})
    if not reason.strip():
        raise ValidationError({"reason": "required"})
    insert(conn, order_events, {
        "id": new_id(), "site": row.site, "version": 1, "updated_at": now, "deleted_at": None,
        "order_id": row.id, "status": OrderStatus.CANCELLED.value, "at": now,
        "source": "cancel", "user_id": user_id, "reporter": "", "reason": reason.strip()[:500],
        "collected": None, "reschedule_date": None, "callback_id": None,
    }, now)
