"""Dispatch rounds: which round an order goes out with, when it is delivered, round load."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import islice
from typing import Any, TypeAlias

from agentdesk.domain.dialing import DEFAULT_TIME_ZONE, is_known_zone, zone_info

#: Days past the first choice that :func:`slot_with_room` looks for a round with room.
SEARCH_DAYS = 14

_DAY = 86_400_000_000  # microseconds in a day: windows are cut into [start, end) of these
#: Two rounds and the ``[from, until)`` window of the day both take orders in.
Overlap: TypeAlias = tuple["DeliveryRound", "DeliveryRound", time, time]




@dataclass(frozen=True, slots=True)
class DeliveryRound:
    """A dispatch round: the order times it takes, its handover, booking and delivery day.

    Orders taken in ``[orders_from, orders_until)`` go to the delivery team at the first
    ``handover_at`` at or after the window closes; delivery staff phone the customer between
    ``booking_from`` and ``booking_until`` that day and deliver ``delivery_day_offset`` days
    after the handover.
    """

    id: uuid.UUID | None
    name: str
    name_en: str
    orders_from: time
    orders_until: time
    handover_at: time
    booking_from: time
    booking_until: time
    delivery_day_offset: int
    capacity: int

    def __post_init__(self) -> None:
        check_round(self)

    def takes(self, moment: time) -> bool:
        """Return True if an order taken at wall-clock ``moment`` falls in this round's window."""
        start, until = self.orders_from, self.orders_until
        return start <= moment < until if start < until else (moment >= start or moment < until)

    def handover_day(self, local: datetime) -> date:
        """Return the day this round hands over an order taken at ``local`` (in its window)."""
        day = local.date()
        if self.orders_from > self.orders_until and local.time() >= self.orders_from:
            day += timedelta(days=1)  # the window closes tomorrow
        if self.handover_at < self.orders_until:
            day += timedelta(days=1)  # today's handover is before the close
        return day


def check_round(round_: DeliveryRound) -> None:
    """Raise ValueError listing every problem of a round's settings; return if there is none.

    Times are wall-clock times in the center's zone. The order window may wrap past midnight
    (``orders_from > orders_until``); the booking window may not, and opens at the handover
    or later. A capacity of 0 closes the round.
    """
    r, problems = round_, []
    if not r.name.strip():
        problems.append("the round has no name")
    times = (r.orders_from, r.orders_until, r.handover_at, r.booking_from, r.booking_until)
    if any(t.tzinfo is not None for t in times):
        problems.append("times must be wall-clock times without a time zone")
    else:
        if r.orders_from == r.orders_until:
            problems.append("the order window is empty")
        if not r.booking_from < r.booking_until:
            problems.append("the booking window is empty or reversed")
        elif r.booking_from < r.handover_at:
            problems.append("booking opens before the handover")
    if r.delivery_day_offset < 0:
        problems.append("the delivery day offset is negative")
    if r.capacity < 0:
        problems.append("the capacity is negative")
    if problems:
        raise ValueError(f"Delivery round {r.name!r}: {'; '.join(problems)}")


#: The call center's two rounds (DOMAIN.md C1).
DEFAULT_ROUNDS: tuple[DeliveryRound, ...] = (
    DeliveryRound(None, "17:30 批次（次日送达）", "17:30 round (next-day delivery)",
                  time(11), time(17), time(17, 30), time(17, 30), time(18), 1, 120),
    DeliveryRound(None, "11:30 批次（当日下午送达）", "11:30 round (same-afternoon delivery)",
                  time(17), time(11), time(11, 30), time(11, 30), time(12), 0, 120),
)


@dataclass(frozen=True, slots=True)
class DeliveryCalendar:
    """The days the delivery team works: no handover and no delivery on the others.

    Attributes:
        no_delivery_weekdays: Weekdays without delivery, 0 = Monday.
        holidays: Dates without handover or delivery.
    """

    no_delivery_weekdays: frozenset[int] = frozenset()
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if not self.no_delivery_weekdays <= frozenset(range(7)):
            raise ValueError("Weekdays are numbered 0 (Monday) to 6 (Sunday)")
        if len(self.no_delivery_weekdays) == 7:
            raise ValueError("The delivery team needs at least one working weekday")

    def is_working_day(self, day: date) -> bool:
        """Return True if the delivery team takes handovers and delivers on ``day``."""
        return day.weekday() not in self.no_delivery_weekdays and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """Return ``day`` if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


@dataclass(frozen=True, slots=True)
class RoundSlot:
    """One handover of a round on a given day: when the order leaves and when it arrives.

    Attributes:
        round: The round.
        handover: When the order goes to the delivery team (aware, the center's zone).
        booking_from: When delivery staff start phoning customers to book a time.
        booking_until: When the booking calls end.
        delivery_date: The day the goods reach the customer.
    """

    round: DeliveryRound
    handover: datetime
    booking_from: datetime
    booking_until: datetime
    delivery_date: date

    @property
    def handover_date(self) -> date:
        """The handover day in the center's zone (the orders' ``round_date``)."""
        return self.handover.date()

    @property
    def key(self) -> tuple[uuid.UUID | str, date]:
        """The round's id (its name if it has none) and the handover date."""
        return (self.round.name if self.round.id is None else self.round.id, self.handover_date)

    def promise_params(self) -> dict[str, str]:
        """Return the pieces of the delivery promise for a message's placeholders.

        Keys: ``round``, ``round_en``, ``handover_date``, ``delivery_date`` (ISO dates),
        ``handover``, ``booking_from``, ``booking_until`` (``HH:MM`` in the center's zone).
        """
        return {"round": self.round.name, "round_en": self.round.name_en,
                "handover_date": f"{self.handover:%Y-%m-%d}", "handover": f"{self.handover:%H:%M}",
                "delivery_date": self.delivery_date.isoformat(),
                "booking_from": f"{self.booking_from:%H:%M}",
                "booking_until": f"{self.booking_until:%H:%M}"}


#: Orders already in a slot: a function of the slot, or counts keyed by (round id or name,
#: handover date) as :attr:`RoundSlot.key`.
Booked: TypeAlias = Callable[[RoundSlot], int] | Mapping[tuple[Any, date], int]


@dataclass(frozen=True, slots=True)
class RoundLoad:
    """Orders booked into a slot against the round's capacity, for supervisors."""

    slot: RoundSlot
    booked: int

    @property
    def capacity(self) -> int:
        """How many orders the round can deliver."""
        return self.slot.round.capacity

    @property
    def share(self) -> float:
        """Booked orders as a share of capacity (1.0 = full); infinite on a closed round."""
        if self.capacity:
            return self.booked / self.capacity
        return float("inf") if self.booked else 0.0

    @property
    def full(self) -> bool:
        """True when the slot cannot take another order."""
        return self.booked >= self.capacity

    @property
    def over(self) -> bool:
        """True when more orders are booked than the round can deliver."""
        return self.booked > self.capacity


def _zone(name: str) -> tzinfo:
    if name != DEFAULT_TIME_ZONE and not is_known_zone(name):
        raise ValueError(f"Unknown time zone {name!r}")
    return zone_info(name)  # the center's zone works without a time-zone database


def _slot(round_: DeliveryRound, day: date, calendar: DeliveryCalendar, zone: tzinfo) -> RoundSlot:
    day = calendar.next_working_day(day)
    delivery = calendar.next_working_day(day + timedelta(days=round_.delivery_day_offset))
    return RoundSlot(round_, datetime.combine(day, round_.handover_at, zone),
                     datetime.combine(day, round_.booking_from, zone),
                     datetime.combine(day, round_.booking_until, zone), delivery)


def slot_on(round_: DeliveryRound, day: date, calendar: DeliveryCalendar,
            zone: str = DEFAULT_TIME_ZONE) -> RoundSlot:
    """Return ``round_``'s handover on ``day`` (moved to the next working day if closed)."""
    return _slot(round_, day, calendar, _zone(zone))


def slot_delivering(day: date, not_before: datetime, rounds: Sequence[DeliveryRound],
                    calendar: DeliveryCalendar, zone: str = DEFAULT_TIME_ZONE
                    ) -> RoundSlot | None:
    """Return the handover a delivery moved to ``day`` goes out with, None if there is none.

    The first handover at or after ``not_before`` (when the move was reported) that delivers
    on ``day``, or on the first working day after it when ``day`` is closed or no handover
    still ahead reaches it; among those, the earliest handover.
    """
    tz = _zone(zone)
    longest = max((r.delivery_day_offset for r in rounds), default=0)
    found: list[RoundSlot] = []
    for offset in range(-longest, SEARCH_DAYS + 1):
        handover_day = day + timedelta(days=offset)
        if not calendar.is_working_day(handover_day):
            continue
        for round_ in rounds:
            slot = _slot(round_, handover_day, calendar, tz)
            if slot.handover >= not_before and slot.delivery_date >= day:
                found.append(slot)
    return min(found, key=lambda s: (s.delivery_date, s.handover)) if found else None


def slot_for(taken_at: datetime, rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar,
             zone: str = DEFAULT_TIME_ZONE) -> RoundSlot:
    """Return the slot an order taken at ``taken_at`` goes out with.

    The order time, in ``zone``, picks the first of ``rounds`` whose window holds it (start
    inclusive, end exclusive). The round hands the order over at the first ``handover_at`` at
    or after its window closes. Closed days: if that day is not a working day the order goes
    out with the first handover of the next working day (the earliest round that takes
    orders at all), so orders waiting over a weekend or holiday leave in the order they were
    taken; the delivery date is the handover date plus that round's offset, moved in turn to
    the next working day.

    Raises:
        ValueError: ``taken_at`` is naive, ``zone`` is unknown, or no round takes orders then.
    """
    if taken_at.tzinfo is None or taken_at.utcoffset() is None:
        raise ValueError("The order time must be an aware datetime")
    local = taken_at.astimezone(_zone(zone))
    for round_ in rounds:
        if round_.takes(local.time()):
            day = round_.handover_day(local)
            if calendar.is_working_day(day):
                return _slot(round_, day, calendar, _zone(zone))
            open_rounds = [r for r in rounds if r.capacity > 0] or list(rounds)
            first = min(open_rounds, key=lambda r: r.handover_at)
            return _slot(first, calendar.next_working_day(day), calendar, _zone(zone))
    raise ValueError(f"No delivery round takes orders at {local:%H:%M:%S} (a gap in the rounds)")


def _from_first(first: RoundSlot, rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar,
                zone: tzinfo) -> Iterator[RoundSlot]:
    """Yield ``first``, then every later slot of ``rounds`` on working days, in time order."""
    yield first
    by_time = sorted(rounds, key=lambda r: r.handover_at)
    day = first.handover_date
    while True:
        if calendar.is_working_day(day):
            for round_ in by_time:
                slot = _slot(round_, day, calendar, zone)
                if slot.handover >= first.handover and (round_, day) != (first.round,
                                                                         first.handover_date):
                    yield slot
        day += timedelta(days=1)


def next_slots(taken_at: datetime, rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar,
               count: int, zone: str = DEFAULT_TIME_ZONE) -> list[RoundSlot]:
    """Return :func:`slot_for`'s slot and the ``count - 1`` slots after it, in time order.

    Later slots are every round's handovers on working days at or after the first one.

    Raises:
        ValueError: ``count`` is below 1, or as :func:`slot_for`.
    """
    if count < 1:
        raise ValueError("Ask for at least one slot")
    first = slot_for(taken_at, rounds, calendar, zone)
    return list(islice(_from_first(first, rounds, calendar, _zone(zone)), count))


def booked_in(booked: Booked, slot: RoundSlot) -> int:
    """Return how many orders ``booked`` counts in ``slot`` (a mapping may key by name too)."""
    if not isinstance(booked, Mapping):
        return booked(slot)
    if slot.key in booked:
        return booked[slot.key]
    return booked.get((slot.round.name, slot.handover_date), 0)


def slot_with_room(taken_at: datetime, rounds: Sequence[DeliveryRound],
                   calendar: DeliveryCalendar, booked: Booked, zone: str = DEFAULT_TIME_ZONE, *,
                   search_days: int = SEARCH_DAYS) -> tuple[RoundSlot, bool]:
    """Return the first slot with room for the order and whether the first choice was full.

    Slots are tried in :func:`next_slots` order while their handover is less than
    ``search_days`` after the first choice's.

    Raises:
        ValueError: Every slot in that span is full, or as :func:`slot_for`.
    """
    first = slot_for(taken_at, rounds, calendar, zone)
    limit = first.handover + timedelta(days=search_days)
    for slot in _from_first(first, rounds, calendar, _zone(zone)):
        if slot.handover >= limit:
            break
        if booked_in(booked, slot) < slot.round.capacity:
            return slot, slot is not first
    raise ValueError(f"Every delivery round is full for {search_days} days after "
                     f"{first.handover:%Y-%m-%d %H:%M}")


def round_loads(slots: Sequence[RoundSlot], booked: Booked) -> list[RoundLoad]:
    """Return each slot's load against its round's capacity."""
    return [RoundLoad(slot, booked_in(booked, slot)) for slot in slots]


# ---------------------------------------------------------------------- configuration checks
def _us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


def _time(us: int) -> time:
    us %= _DAY
    return time(us // 3_600_000_000, us // 60_000_000 % 60, us // 1_000_000 % 60, us % 1_000_000)


def _segments(round_: DeliveryRound) -> list[tuple[int, int]]:
    start, until = _us(round_.orders_from), _us(round_.orders_until)
    return [(start, until)] if start < until else [(0, until), (start, _DAY)]


def _union(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, until in sorted(s for s in segments if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], until))
        else:
            merged.append((start, until))
    return merged


def _windows(segments: list[tuple[int, int]]) -> list[tuple[time, time]]:
    """Turn day segments into windows like the rounds', joining the two across midnight."""
    merged = _union(segments)
    if len(merged) > 1 and merged[0][0] == 0 and merged[-1][1] == _DAY:
        merged = [*merged[1:-1], (merged[-1][0], merged[0][1])]
    return [(_time(start), _time(until)) for start, until in merged]


def coverage_gaps(rounds: Sequence[DeliveryRound]) -> list[tuple[time, time]]:
    """Return the times of day no round takes orders in, as ``[from, until)`` windows.

    A window may wrap past midnight like a round's; ``(00:00, 00:00)`` is the whole day.
    """
    edge, gaps = 0, []
    for start, until in _union([s for r in rounds for s in _segments(r)]):
        gaps.append((edge, start))
        edge = until
    gaps.append((edge, _DAY))
    return _windows(gaps)


def overlaps(rounds: Sequence[DeliveryRound]) -> list[Overlap]:
    """Return each pair of rounds whose order windows overlap, with the shared window.

    :func:`slot_for` gives such orders to the round listed first.
    """
    found: list[Overlap] = []
    for i, first in enumerate(rounds):
        for second in rounds[i + 1:]:
            shared = [(max(a, c), min(b, d)) for a, b in _segments(first)
                      for c, d in _segments(second)]
            found.extend((first, second, start, until) for start, until in _windows(shared))
    return found
