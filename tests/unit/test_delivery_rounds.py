"""The dispatch rounds at their cut-offs, on closed days, against capacity and as configured."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.delivery import (
    DEFAULT_ROUNDS,
    SEARCH_DAYS,
    DeliveryCalendar,
    DeliveryRound,
    RoundLoad,
    RoundSlot,
    booked_in,
    coverage_gaps,
    next_slots,
    overlaps,
    round_loads,
    slot_for,
    slot_with_room,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
US = timedelta(microseconds=1)
EVENING, NOON = DEFAULT_ROUNDS  # the 17:30 round (orders 11-17) and the 11:30 round (17-11)
OPEN = DeliveryCalendar()
WEEKEND = DeliveryCalendar(frozenset({5, 6}))
# November 2026: Monday 23, Tuesday 24, Wednesday 25, Thursday 26, Friday 27, Saturday 28,
# Sunday 29, Monday 30.


def nov(day: int, hour: int, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    """Return a moment of November 2026 on the center's clock."""
    return datetime(2026, 11, day, hour, minute, second, micro, tzinfo=SHANGHAI)


def round_(start: time, until: time, handover: time = time(12), *, name: str = "R",
           offset: int = 0, capacity: int = 10) -> DeliveryRound:
    """Return a round taking orders in ``[start, until)``, booking for an hour after handover."""
    return DeliveryRound(None, name, name, start, until, handover, handover,
                         time(handover.hour + 1), offset, capacity)


def inside(moment: time, start: time, until: time) -> bool:
    """Return True if ``moment`` is in a ``[start, until)`` window (``00:00-00:00``: all day)."""
    if start == until:
        return True
    return start <= moment < until if start < until else (moment >= start or moment < until)


# ---------------------------------------------------------------------- cut-offs
@pytest.mark.parametrize(("taken", "expected_round", "handover", "delivered"), [
    (nov(24, 0), NOON, nov(24, 11, 30), date(2026, 11, 24)),
    (nov(24, 10, 59), NOON, nov(24, 11, 30), date(2026, 11, 24)),
    (nov(24, 10, 59, 59, 999_999), NOON, nov(24, 11, 30), date(2026, 11, 24)),
    (nov(24, 11), EVENING, nov(24, 17, 30), date(2026, 11, 25)),
    (nov(24, 11, 29), EVENING, nov(24, 17, 30), date(2026, 11, 25)),
    (nov(24, 16, 59), EVENING, nov(24, 17, 30), date(2026, 11, 25)),
    (nov(24, 16, 59, 59, 999_999), EVENING, nov(24, 17, 30), date(2026, 11, 25)),
    (nov(24, 17), NOON, nov(25, 11, 30), date(2026, 11, 25)),
    (nov(24, 17, 29), NOON, nov(25, 11, 30), date(2026, 11, 25)),
    (nov(24, 17, 30), NOON, nov(25, 11, 30), date(2026, 11, 25)),
    (nov(24, 23, 59), NOON, nov(25, 11, 30), date(2026, 11, 25)),
    (nov(24, 23, 59, 59, 999_999), NOON, nov(25, 11, 30), date(2026, 11, 25)),
], ids=["00:00", "10:59", "10:59:59.999999", "11:00", "11:29-after-the-noon-cut-off", "16:59",
        "16:59:59.999999", "17:00", "17:29-after-the-cut-off", "17:30", "23:59",
        "23:59:59.999999"])
def test_each_cut_off_sends_the_order_to_its_round(
    taken: datetime, expected_round: DeliveryRound, handover: datetime, delivered: date
) -> None:
    slot = slot_for(taken, DEFAULT_ROUNDS, OPEN)
    assert slot.round == expected_round
    assert slot.handover == handover and slot.delivery_date == delivered
    assert slot.handover.tzinfo is not None and slot.handover > taken


def test_the_slot_carries_the_booking_window_and_the_promise() -> None:
    slot = slot_for(nov(24, 12), DEFAULT_ROUNDS, OPEN)
    assert (slot.booking_from, slot.booking_until) == (nov(24, 17, 30), nov(24, 18))
    assert slot.handover_date == date(2026, 11, 24)
    assert slot.key == (EVENING.name, date(2026, 11, 24))
    assert slot.promise_params() == {
        "round": EVENING.name, "round_en": "17:30 round (next-day delivery)",
        "handover_date": "2026-11-24", "delivery_date": "2026-11-25", "handover": "17:30",
        "booking_from": "17:30", "booking_until": "18:00",
    }


def test_an_order_taken_in_utc_counts_on_the_centers_date() -> None:
    # 16:30 UTC on the 24th is 00:30 on the 25th in Shanghai.
    slot = slot_for(datetime(2026, 11, 24, 16, 30, tzinfo=UTC), DEFAULT_ROUNDS, OPEN)
    assert slot.round == NOON and slot.handover == nov(25, 11, 30)
    assert slot.delivery_date == date(2026, 11, 25)
    # 02:59:59 UTC is 10:59:59 local: still the morning's handover; 03:00 UTC is 11:00.
    assert slot_for(datetime(2026, 11, 24, 2, 59, 59, tzinfo=UTC), DEFAULT_ROUNDS,
                    OPEN).handover == nov(24, 11, 30)
    assert slot_for(datetime(2026, 11, 24, 3, tzinfo=UTC), DEFAULT_ROUNDS,
                    OPEN).handover == nov(24, 17, 30)
    # 04:30 in New York on the 24th is 17:30 in Shanghai: after the cut-off.
    new_york = datetime(2026, 11, 24, 4, 30, tzinfo=ZoneInfo("America/New_York"))
    assert slot_for(new_york, DEFAULT_ROUNDS, OPEN).handover == nov(25, 11, 30)


def test_another_center_zone_reads_the_rounds_on_its_own_clock() -> None:
    slot = slot_for(datetime(2026, 11, 24, 12, tzinfo=UTC), DEFAULT_ROUNDS, OPEN, zone="UTC")
    assert slot.round == EVENING
    assert slot.handover == datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
    assert slot.handover.utcoffset() == timedelta(0)


def test_a_naive_time_or_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        slot_for(datetime(2026, 11, 24, 12), DEFAULT_ROUNDS, OPEN)
    with pytest.raises(ValueError, match="Unknown time zone"):
        slot_for(nov(24, 12), DEFAULT_ROUNDS, OPEN, zone="Mars/Olympus")
    with pytest.raises(ValueError, match="Unknown time zone"):
        slot_for(nov(24, 12), DEFAULT_ROUNDS, OPEN, zone="")


def test_a_handover_before_the_window_closes_waits_for_the_next_day() -> None:
    early = round_(time(11), time(17), time(9), offset=2)
    slot = slot_for(nov(24, 16), [early], OPEN)
    assert slot.handover == nov(25, 9) and slot.delivery_date == date(2026, 11, 27)
    to_midnight = round_(time(17), time(0), time(9))  # wraps: closes at midnight
    assert slot_for(nov(24, 23, 59), [to_midnight], OPEN).handover == nov(25, 9)
    late_wrap = round_(time(17), time(11), time(10))  # hands over before the 11:00 close
    assert slot_for(nov(24, 9), [late_wrap], OPEN).handover == nov(25, 10)
    assert slot_for(nov(24, 18), [late_wrap], OPEN).handover == nov(26, 10)


# ---------------------------------------------------------------------- closed days
def test_friday_evening_orders_go_out_on_monday_morning() -> None:
    slot = slot_for(nov(27, 17), DEFAULT_ROUNDS, WEEKEND)
    assert slot.round == NOON and slot.handover == nov(30, 11, 30)
    assert slot.booking_from == nov(30, 11, 30) and slot.delivery_date == date(2026, 11, 30)


def test_friday_afternoon_orders_leave_on_friday_and_arrive_on_monday() -> None:
    slot = slot_for(nov(27, 12), DEFAULT_ROUNDS, WEEKEND)
    assert slot.handover == nov(27, 17, 30) and slot.delivery_date == date(2026, 11, 30)


def test_orders_waiting_for_a_closed_day_leave_with_the_first_round_after_it() -> None:
    # Saturday afternoon: Monday's first handover (11:30), delivered that afternoon, not
    # after the Saturday evening orders.
    slot = slot_for(nov(28, 13), DEFAULT_ROUNDS, WEEKEND)
    assert slot.round == NOON and slot.handover == nov(30, 11, 30)
    assert slot.delivery_date == date(2026, 11, 30)
    assert slot_for(nov(28, 18), DEFAULT_ROUNDS, WEEKEND).handover == slot.handover
    # Sunday night: Monday's 11:30 handover, as on any other day.
    assert slot_for(nov(29, 23), DEFAULT_ROUNDS, WEEKEND).handover == nov(30, 11, 30)


def test_a_holiday_on_the_handover_day_moves_the_handover() -> None:
    holiday = DeliveryCalendar(holidays=frozenset({date(2026, 11, 25)}))
    slot = slot_for(nov(24, 18), DEFAULT_ROUNDS, holiday)
    assert slot.round == NOON and slot.handover == nov(26, 11, 30)
    assert slot.delivery_date == date(2026, 11, 26)
    # An order taken on the holiday morning waits too.
    assert slot_for(nov(25, 9), DEFAULT_ROUNDS, holiday).handover == nov(26, 11, 30)
    assert slot_for(nov(25, 12), DEFAULT_ROUNDS, holiday).handover == nov(26, 11, 30)


def test_a_holiday_on_the_delivery_day_moves_only_the_delivery() -> None:
    holiday = DeliveryCalendar(holidays=frozenset({date(2026, 11, 25)}))
    slot = slot_for(nov(24, 12), DEFAULT_ROUNDS, holiday)
    assert slot.handover == nov(24, 17, 30) and slot.delivery_date == date(2026, 11, 26)


def test_holidays_next_to_a_weekend_add_up() -> None:
    bridge = DeliveryCalendar(frozenset({5, 6}), frozenset({date(2026, 11, 26),
                                                           date(2026, 11, 27)}))
    slot = slot_for(nov(25, 12), DEFAULT_ROUNDS, bridge)
    assert slot.handover == nov(25, 17, 30) and slot.delivery_date == date(2026, 11, 30)
    golden_week = DeliveryCalendar(holidays=frozenset(
        date(2026, 10, day) for day in range(1, 8)))
    evening = datetime(2026, 9, 30, 18, tzinfo=SHANGHAI)
    assert slot_for(evening, DEFAULT_ROUNDS, golden_week).handover == datetime(
        2026, 10, 8, 11, 30, tzinfo=SHANGHAI)


def test_the_calendar_knows_its_working_days_and_refuses_nonsense() -> None:
    assert WEEKEND.is_working_day(date(2026, 11, 27))
    assert not WEEKEND.is_working_day(date(2026, 11, 28))
    assert WEEKEND.next_working_day(date(2026, 11, 28)) == date(2026, 11, 30)
    assert WEEKEND.next_working_day(date(2026, 11, 30)) == date(2026, 11, 30)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6"):
        DeliveryCalendar(frozenset({7}))
    with pytest.raises(ValueError, match="at least one working weekday"):
        DeliveryCalendar(frozenset(range(7)))


# ---------------------------------------------------------------------- round settings
@pytest.mark.parametrize(("changes", "problem"), [
    ({"orders_until": time(11)}, "order window is empty"),
    ({"capacity": -1}, "capacity is negative"),
    ({"delivery_day_offset": -1}, "offset is negative"),
    ({"booking_until": time(17, 30)}, "booking window is empty"),
    ({"booking_until": time(17)}, "booking window is empty or reversed"),
    ({"booking_from": time(17)}, "booking opens before the handover"),
    ({"name": "  "}, "no name"),
    ({"handover_at": time(17, 30, tzinfo=UTC)}, "without a time zone"),
])
def test_a_nonsense_round_is_refused(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        replace(EVENING, **changes)


def test_every_problem_of_a_round_is_listed() -> None:
    with pytest.raises(ValueError, match="window is empty; .* offset .*; .* capacity"):
        replace(EVENING, orders_until=time(11), delivery_day_offset=-1, capacity=-1)


def test_a_round_may_be_closed_with_no_capacity() -> None:
    assert replace(EVENING, capacity=0).capacity == 0


# ---------------------------------------------------------------------- gaps and overlaps
def test_the_default_rounds_cover_the_day_once() -> None:
    assert coverage_gaps(DEFAULT_ROUNDS) == []
    assert overlaps(DEFAULT_ROUNDS) == []


def test_gaps_are_found_including_across_midnight() -> None:
    assert coverage_gaps([EVENING]) == [(time(17), time(11))]
    assert coverage_gaps([NOON]) == [(time(11), time(17))]
    assert coverage_gaps([round_(time(9), time(12)), round_(time(13), time(17))]) == [
        (time(12), time(13)), (time(17), time(9))]
    assert coverage_gaps([round_(time(0), time(12))]) == [(time(12), time(0))]
    assert coverage_gaps([]) == [(time(0), time(0))]  # the whole day


def test_an_order_in_a_gap_is_refused() -> None:
    rounds = [round_(time(9), time(12)), round_(time(13), time(17))]
    with pytest.raises(ValueError, match="No delivery round takes orders at 12:30:00"):
        slot_for(nov(24, 12, 30), rounds, OPEN)
    with pytest.raises(ValueError, match="gap"):
        slot_for(nov(24, 12), rounds, OPEN)
    assert slot_for(nov(24, 13), rounds, OPEN).round == rounds[1]


def test_overlaps_are_found_and_the_first_listed_round_wins() -> None:
    late = round_(time(16), time(18), name="late")
    assert overlaps([EVENING, late]) == [(EVENING, late, time(16), time(17))]
    night = round_(time(22), time(2), name="night")
    assert overlaps([NOON, night]) == [(NOON, night, time(22), time(2))]
    wide = round_(time(10), time(18), name="wide")
    assert overlaps([NOON, wide]) == [(NOON, wide, time(10), time(11)),
                                      (NOON, wide, time(17), time(18))]
    assert slot_for(nov(24, 16, 30), [EVENING, late], OPEN).round == EVENING
    assert slot_for(nov(24, 16, 30), [late, EVENING], OPEN).round == late


# ---------------------------------------------------------------------- capacity
def test_next_slots_run_through_the_rounds_in_time_order() -> None:
    slots = next_slots(nov(24, 12), DEFAULT_ROUNDS, OPEN, 4)
    assert [(s.round, s.handover) for s in slots] == [
        (EVENING, nov(24, 17, 30)), (NOON, nov(25, 11, 30)), (EVENING, nov(25, 17, 30)),
        (NOON, nov(26, 11, 30))]
    assert next_slots(nov(24, 12), DEFAULT_ROUNDS, OPEN, 1) == [slots[0]]


def test_next_slots_skip_closed_days() -> None:
    slots = next_slots(nov(27, 12), DEFAULT_ROUNDS, WEEKEND, 3)
    assert [(s.handover, s.delivery_date) for s in slots] == [
        (nov(27, 17, 30), date(2026, 11, 30)), (nov(30, 11, 30), date(2026, 11, 30)),
        (nov(30, 17, 30), date(2026, 12, 1))]
    # Waiting over the weekend: Monday's first handover, then the next ones.
    moved = next_slots(nov(28, 13), DEFAULT_ROUNDS, WEEKEND, 2)
    assert [s.handover for s in moved] == [nov(30, 11, 30), nov(30, 17, 30)]
    with pytest.raises(ValueError, match="at least one"):
        next_slots(nov(24, 12), DEFAULT_ROUNDS, OPEN, 0)


def test_a_free_first_slot_is_taken() -> None:
    slot, first_full = slot_with_room(nov(24, 12), DEFAULT_ROUNDS, OPEN, {})
    assert slot == slot_for(nov(24, 12), DEFAULT_ROUNDS, OPEN) and not first_full


def test_a_full_first_slot_offers_the_next_round() -> None:
    booked = {(EVENING.name, date(2026, 11, 24)): 120}
    slot, first_full = slot_with_room(nov(24, 12), DEFAULT_ROUNDS, OPEN, booked)
    assert first_full and slot.round == NOON and slot.handover == nov(25, 11, 30)
    assert slot.delivery_date == date(2026, 11, 25)


def test_booked_counts_are_found_by_round_id_then_name() -> None:
    rounds = [replace(r, id=uuid.uuid4()) for r in DEFAULT_ROUNDS]
    first = slot_for(nov(24, 12), rounds, OPEN)
    assert first.key == (rounds[0].id, date(2026, 11, 24))
    by_id = {(rounds[0].id, date(2026, 11, 24)): 120, (rounds[0].name, date(2026, 11, 24)): 0}
    assert slot_with_room(nov(24, 12), rounds, OPEN, by_id)[1]
    assert booked_in({(rounds[0].name, date(2026, 11, 24)): 7}, first) == 7
    assert booked_in(lambda s: 3, first) == 3
    assert booked_in({}, first) == 0


def test_a_closed_round_is_never_offered() -> None:
    closed = (replace(EVENING, capacity=0), NOON)
    slot, first_full = slot_with_room(nov(24, 12), closed, OPEN, {})
    assert first_full and slot.round == NOON


def test_all_full_for_the_search_span_is_an_error() -> None:
    with pytest.raises(ValueError, match=f"full for {SEARCH_DAYS} days"):
        slot_with_room(nov(24, 12), DEFAULT_ROUNDS, OPEN, lambda s: s.round.capacity)
    first = nov(24, 17, 30)

    def full_for(days: int) -> int | None:
        try:
            return slot_with_room(nov(24, 12), DEFAULT_ROUNDS, OPEN,
                                  lambda s: 999 if s.handover < first + timedelta(days=days)
                                  else 0)[0].handover.day
        except ValueError:
            return None

    assert full_for(13) == 7  # 7 December 17:30, inside the 14 days after 24 November 17:30
    assert full_for(14) is None


def test_round_load_against_capacity() -> None:
    slot = slot_for(nov(24, 12), DEFAULT_ROUNDS, OPEN)
    half = RoundLoad(slot, 60)
    assert (half.capacity, half.share, half.full, half.over) == (120, 0.5, False, False)
    assert RoundLoad(slot, 120).full and not RoundLoad(slot, 120).over
    assert RoundLoad(slot, 121).over and RoundLoad(slot, 121).share > 1
    closed = replace(slot, round=replace(EVENING, capacity=0))
    assert RoundLoad(closed, 0).share == 0.0 and RoundLoad(closed, 0).full
    assert RoundLoad(closed, 1).share == float("inf")
    slots = next_slots(nov(24, 12), DEFAULT_ROUNDS, OPEN, 2)
    loads = round_loads(slots, {slots[1].key: 90})
    assert [(load.slot, load.booked) for load in loads] == [(slots[0], 0), (slots[1], 90)]


# ---------------------------------------------------------------------- properties
ZONES = st.sampled_from([UTC, SHANGHAI, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")])
MOMENTS = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31, 23, 59),
                       timezones=ZONES)
CALENDARS = st.builds(
    DeliveryCalendar,
    st.frozensets(st.integers(0, 6), max_size=6),
    st.frozensets(st.dates(date(2026, 1, 1), date(2027, 2, 1)), max_size=40))


def check_slot(slot: RoundSlot, taken: datetime, calendar: DeliveryCalendar,
               rounds: tuple[DeliveryRound, ...] | list[DeliveryRound] = DEFAULT_ROUNDS
               ) -> None:
    """Assert what every slot promises about the order it was found for."""
    local = taken.astimezone(SHANGHAI)
    assert slot.handover > taken
    assert slot.handover.time() == slot.round.handover_at
    assert slot.booking_from.date() == slot.handover_date
    taking = next(r for r in rounds if r.takes(local.time()))
    if calendar.is_working_day(taking.handover_day(local)):
        assert slot.round == taking
    else:  # the first handover of the next working day
        open_rounds = [r for r in rounds if r.capacity > 0] or list(rounds)
        assert slot.handover.time() == min(r.handover_at for r in open_rounds)
    assert calendar.is_working_day(slot.handover_date)
    assert calendar.is_working_day(slot.delivery_date)
    earliest = slot.handover_date + timedelta(days=slot.round.delivery_day_offset)
    assert slot.delivery_date >= earliest >= slot.handover_date
    skipped = (slot.delivery_date - earliest).days
    assert not any(calendar.is_working_day(earliest + timedelta(days=n)) for n in range(skipped))


@settings(max_examples=300, deadline=None)
@given(taken=MOMENTS, calendar=CALENDARS)
def test_every_order_gets_the_first_working_handover_of_its_round(
    taken: datetime, calendar: DeliveryCalendar
) -> None:
    slot = slot_for(taken, DEFAULT_ROUNDS, calendar)
    check_slot(slot, taken, calendar)
    usual = slot_for(taken, DEFAULT_ROUNDS, OPEN)
    assert timedelta(0) < usual.handover - taken <= timedelta(hours=18, minutes=30)
    assert usual.handover - timedelta(days=1) < taken  # no earlier handover of the round
    waited = (slot.handover_date - usual.handover_date).days
    assert waited >= 0
    if waited == 0:
        assert slot == replace(usual, delivery_date=slot.delivery_date)
    assert not any(calendar.is_working_day(usual.handover_date + timedelta(days=n))
                   for n in range(waited))


@settings(max_examples=150, deadline=None)
@given(taken=MOMENTS, calendar=CALENDARS, count=st.integers(1, 8))
def test_next_slots_follow_in_time_on_working_days(
    taken: datetime, calendar: DeliveryCalendar, count: int
) -> None:
    slots = next_slots(taken, DEFAULT_ROUNDS, calendar, count)
    assert len(slots) == count and slots[0] == slot_for(taken, DEFAULT_ROUNDS, calendar)
    assert all(a.handover < b.handover for a, b in zip(slots, slots[1:], strict=False))
    assert all(calendar.is_working_day(s.handover_date) for s in slots)
    assert all(s.delivery_date >= s.handover_date for s in slots)


TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@st.composite
def rounds_strategy(draw: st.DrawFn) -> DeliveryRound:
    start, until = draw(TIMES), draw(TIMES)
    handover = draw(st.builds(time, st.integers(0, 22), st.integers(0, 59)))
    if start == until:
        until = time((start.hour + 1) % 24, start.minute)
    return round_(start, until, handover, offset=draw(st.integers(0, 3)))


@settings(max_examples=300, deadline=None)
@given(rounds=st.lists(rounds_strategy(), max_size=4), taken=MOMENTS)
def test_gaps_overlaps_and_slots_agree_for_any_configuration(
    rounds: list[DeliveryRound], taken: datetime
) -> None:
    moment = taken.astimezone(SHANGHAI).time()
    taking = [r for r in rounds if r.takes(moment)]
    assert any(inside(moment, *gap) for gap in coverage_gaps(rounds)) == (not taking)
    assert any(inside(moment, start, until) for *_, start, until in overlaps(rounds)) == (
        len(taking) > 1)
    if not taking:
        with pytest.raises(ValueError, match="No delivery round"):
            slot_for(taken, rounds, OPEN)
        return
    slot = slot_for(taken, rounds, OPEN)
    assert slot.round == taking[0]
    check_slot(slot, taken, OPEN, rounds)
    local = taken.astimezone(SHANGHAI)
    closes = datetime.combine(local.date(), slot.round.orders_until, SHANGHAI)
    if closes <= local:
        closes += timedelta(days=1)
    assert closes <= slot.handover < closes + timedelta(days=1)  # the first handover after
