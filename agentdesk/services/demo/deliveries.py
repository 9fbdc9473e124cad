"""How the demo's orders travel: dispatch rounds, the delivery calendar and each order's history.

Home deliveries go out with the round the domain's :func:`~agentdesk.domain.delivery.slot_for`
gives them; pick-ups wait at a business hall. Every order's history is a list of
``order_events`` rows: taken, perhaps cancelled, handed to the delivery team, and the result
the couriers or the hall report back. Nothing happens after the demo's "now".
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from agentdesk.domain.delivery import DeliveryCalendar, DeliveryRound, RoundSlot, slot_for
from agentdesk.domain.dialing import zone_info
from agentdesk.domain.order_form import PreferredTime
from agentdesk.domain.orders import OrderStatus
from agentdesk.services.demo.catalogue import Catalogue, Hall
from agentdesk.services.demo.context import (
    SHANGHAI,
    TIME_ZONE_NAME,
    DemoContext,
    local,
    parse_clock,
    synced,
)
from agentdesk.services.demo.ids import IdMaker
from agentdesk.services.demo.sources import load

#: What the couriers report for an order they took out, by weight.
RESULTS = ((OrderStatus.DELIVERED, 86), (OrderStatus.FAILED, 6), (OrderStatus.REFUSED, 4),
           (OrderStatus.RESCHEDULED, 4))
#: A rescheduled delivery on its new day: the customer has agreed to it, so it mostly succeeds.
SECOND_RESULTS = ((OrderStatus.DELIVERED, 92), (OrderStatus.FAILED, 5), (OrderStatus.REFUSED, 3))
CANCEL_SHARE = 0.03  # orders the customer calls off before they leave
HALL_SHOWS_UP = 0.92  # pick-ups collected on the day booked
SECOND_TRY = 0.6  # missed customers the courier reaches the next working day
DELIVERED_REASON = "已签收，回执已收回"
HALL_DELIVERED = "客户到厅办理并付款"
HALL_NO_SHOW = "客户逾期未到厅自提"
#: When couriers ring the doorbell, by the customer's preference: [from, until) hours.
_HOURS = {PreferredTime.ANY: (9, 19), PreferredTime.MORNING: (9, 12),
          PreferredTime.AFTERNOON: (13, 18), PreferredTime.EVENING: (18, 21)}
_SAME_DAY_FROM = 13  # a same-afternoon round delivers after its booking calls and lunch


def domain_rounds(catalogue: Catalogue) -> tuple[DeliveryRound, ...]:
    """Return the catalogue's rounds as the domain's, with their ids and names."""
    return tuple(
        DeliveryRound(r.id, r.source["name"], r.source["name_en"], r.orders_from,
                      r.orders_until, r.handover_at, parse_clock(r.source["booking_from"]),
                      parse_clock(r.source["booking_until"]), r.day_offset, r.capacity)
        for r in catalogue.rounds
    )


@dataclass(frozen=True, slots=True)
class Placed:
    """An order as it was taken, with what its delivery needs.

    Attributes:
        id: The order's id.
        created: When it was taken.
        agent_id: Who took it (and cancels it, if the customer calls it off).
        total: What the customer pays.
        preferred_time: When the customer would like the courier to come.
        slot: The round and day it goes out with (home delivery).
        hall: Where the customer picks it up (pick-up).
        pickup_day: The day the customer comes to the hall (pick-up).
    """

    id: uuid.UUID
    created: datetime
    agent_id: uuid.UUID
    total: Decimal
    preferred_time: PreferredTime
    slot: RoundSlot | None = None
    hall: Hall | None = None
    pickup_day: date | None = None


def _pick(rng: random.Random, weighted: tuple[tuple[OrderStatus, int], ...]) -> OrderStatus:
    return rng.choices([s for s, _ in weighted], [w for _, w in weighted])[0]


class DeliveryDesk:
    """Assigns rounds and plays out deliveries, writing each order's status history.

    Args:
        ctx: The generation run.
        catalogue: The rounds, halls and delivery calendar.
        ids: The orders' id source (events take ids at their own time).
    """

    def __init__(self, ctx: DemoContext, catalogue: Catalogue, ids: IdMaker) -> None:
        self._now = ctx.now
        self._rng = ctx.rng("deliveries")
        self._ids = ids
        self.rounds = domain_rounds(catalogue)
        self.calendar: DeliveryCalendar = catalogue.calendar
        self._zone = zone_info(TIME_ZONE_NAME)
        data = load("delivery")
        self._couriers: list[str] = data["couriers"]
        self._failures: list[tuple[str, bool]] = [tuple(r) for r in data["failed_reasons"]]
        self._refusals: list[str] = data["refused_reasons"]
        self._reschedules: list[tuple[str, str]] = [tuple(r) for r in data["rescheduled_reasons"]]
        self._cancel_reasons: list[str] = load("orders")["cancel_reasons"]

    # ------------------------------------------------------------------ the promise
    def slot(self, created: datetime) -> RoundSlot:
        """Return the round and day a home delivery taken at ``created`` goes out with."""
        return slot_for(created, self.rounds, self.calendar, TIME_ZONE_NAME)

    def pickup_day(self, created: datetime) -> date:
        """Return the day a customer who ordered at ``created`` comes to the hall."""
        return created.astimezone(SHANGHAI).date() + timedelta(days=self._rng.randint(1, 3))

    # ------------------------------------------------------------------ the history
    def history(self, order: Placed) -> list[dict[str, Any]]:
        """Return the order's events up to now, oldest first; the last one is its status."""
        events = [self._event(order, OrderStatus.CONFIRMED, order.created, "capture",
                              user_id=order.agent_id)]
        rng = self._rng
        slot, hall, pickup_day = order.slot, order.hall, order.pickup_day
        if slot is not None:
            leaves = slot.handover
        elif hall is not None and pickup_day is not None:
            leaves = local(pickup_day, time(10))
        else:
            raise ValueError("An order goes out with a round or waits at a hall")
        if rng.random() < CANCEL_SHARE:
            at = order.created + timedelta(minutes=rng.randrange(15, 240))
            if at < leaves and at <= self._now:
                events.append(self._event(order, OrderStatus.CANCELLED, at, "cancel",
                                          user_id=order.agent_id,
                                          reason=rng.choice(self._cancel_reasons)))
                return events
        if slot is not None:
            self._deliver(order, slot, RESULTS, events)
        elif hall is not None and pickup_day is not None:
            self._pick_up(order, hall, pickup_day, events)
        return events

    def _event(self, order: Placed, status: OrderStatus, at: datetime, source: str, *,
               user_id: uuid.UUID | None = None, reporter: str = "", reason: str = "",
               collected: Decimal | None = None,
               reschedule_date: date | None = None) -> dict[str, Any]:
        return {**synced(self._ids.at(at), at), "order_id": order.id, "status": status.value,
                "at": at, "source": source, "user_id": user_id, "reporter": reporter,
                "reason": reason, "collected": collected, "reschedule_date": reschedule_date,
                "callback_id": None}

    def _pick_up(self, order: Placed, hall: Hall, day: date,
                 events: list[dict[str, Any]]) -> None:
        rng = self._rng
        if rng.random() < HALL_SHOWS_UP:
            served = local(day, time(rng.randrange(10, 19), rng.randrange(60)))
            if served <= self._now:
                events.append(self._event(order, OrderStatus.DELIVERED, served, "result",
                                          reporter=hall.name, reason=HALL_DELIVERED,
                                          collected=order.total))
            return
        closing = local(day, time(20, rng.randrange(60)))
        if closing <= self._now:
            events.append(self._event(order, OrderStatus.FAILED, closing, "result",
                                      reporter=hall.name, reason=HALL_NO_SHOW))

    def _visit(self, day: date, same_day: bool, preferred: PreferredTime) -> datetime:
        """Return when the courier reaches the customer on ``day``."""
        start, until = _HOURS[preferred]
        if same_day:
            start = max(start, _SAME_DAY_FROM)
            until = max(until, start + 3)
        minutes = self._rng.randrange((until - start) * 60)
        return local(day, time(start)) + timedelta(minutes=minutes)

    def _deliver(self, order: Placed, slot: RoundSlot,
                 results: tuple[tuple[OrderStatus, int], ...],
                 events: list[dict[str, Any]]) -> None:
        rng, now = self._rng, self._now
        if slot.handover > now:
            return  # waiting for its round: on the coming dispatch sheet
        events.append(self._event(order, OrderStatus.DISPATCHED, slot.handover, "dispatch"))
        same_day = slot.delivery_date == slot.handover_date
        visit = self._visit(slot.delivery_date, same_day, order.preferred_time)
        reported = visit + timedelta(minutes=rng.randrange(10, 90))
        if reported > now:
            return
        status, courier = _pick(rng, results), rng.choice(self._couriers)
        if status is OrderStatus.DELIVERED:
            events.append(self._event(order, status, reported, "result", reporter=courier,
                                      reason=DELIVERED_REASON, collected=order.total))
        elif status is OrderStatus.RESCHEDULED:
            reason, how = rng.choice(self._reschedules)
            day = self._new_day(reported.astimezone(SHANGHAI).date(), how)
            events.append(self._event(order, status, reported, "result", reporter=courier,
                                      reason=reason, reschedule_date=day))
            again = self._slot_delivering(day, after=reported)
            if again is not None:
                self._deliver(order, again, SECOND_RESULTS, events)
        elif status is OrderStatus.REFUSED:
            events.append(self._event(order, status, reported, "result", reporter=courier,
                                      reason=rng.choice(self._refusals)))
        else:
            reason, retry = rng.choice(self._failures)
            events.append(self._event(order, status, reported, "result", reporter=courier,
                                      reason=reason))
            if retry and rng.random() < SECOND_TRY:
                self._second_try(order, slot.delivery_date, courier, events)

    def _second_try(self, order: Placed, failed_on: date, courier: str,
                    events: list[dict[str, Any]]) -> None:
        """The agent reaches the customer and the courier delivers the next working day."""
        day = self.calendar.next_working_day(failed_on + timedelta(days=1))
        reported = self._visit(day, False, order.preferred_time) + timedelta(
            minutes=self._rng.randrange(10, 90))
        if reported <= self._now:
            events.append(self._event(order, OrderStatus.DELIVERED, reported, "result",
                                      reporter=courier, reason=DELIVERED_REASON,
                                      collected=order.total))

    def _new_day(self, today: date, how: str) -> date:
        """Return the day a customer moves a delivery to, after ``today``."""
        rng = self._rng
        if how == "next_week":
            day = today + timedelta(days=7 - today.weekday() + rng.randrange(3))
        elif how == "weekend":
            day = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        else:
            day = today + timedelta(days=rng.randint(2, 4))
        return self.calendar.next_working_day(day)

    def _slot_delivering(self, day: date, *, after: datetime) -> RoundSlot | None:
        """Return the first handover after ``after`` whose delivery falls on ``day``."""
        found = []
        for round_ in self.rounds:
            handover_day = day - timedelta(days=round_.delivery_day_offset)
            if not self.calendar.is_working_day(handover_day):
                continue
            delivered = self.calendar.next_working_day(
                handover_day + timedelta(days=round_.delivery_day_offset))
            handover = datetime.combine(handover_day, round_.handover_at, self._zone)
            if delivered == day and handover > after:
                found.append(RoundSlot(
                    round_, handover, datetime.combine(handover_day, round_.booking_from,
                                                       self._zone),
                    datetime.combine(handover_day, round_.booking_until, self._zone), day))
        return min(found, key=lambda s: s.handover, default=None)
