"""The dialing rules at their edges: calling hours, DST, eligibility, results, callbacks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.calls import ContactStatus, DispositionCategory
from agentdesk.domain.dialing import (
    DEFAULT_RETRY_MINUTES,
    DEFAULT_TIME_ZONE,
    MAX_NOTES,
    CallingWindow,
    ContactOutcome,
    ContactState,
    DialRules,
    DncEntry,
    Ineligible,
    after_disposition,
    calling_window,
    center_today,
    check_callback,
    clean_notes,
    contact_time_zone,
    dial_order,
    ineligibility,
    is_dnc,
    is_due_callback,
    open_zones,
    zone_for_number,
    zone_info,
)
from agentdesk.domain.errors import ValidationError

US = timedelta(microseconds=1)
NINE_TO_NINE = CallingWindow(time(9), time(21))
ZONES = ("Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Europe/London",
         "Australia/Lord_Howe")
# Ordinary days and the days the clocks change (2026): New York 8 Mar / 1 Nov, London
# 29 Mar / 25 Oct, Lord Howe 5 Apr / 4 Oct (half an hour).
DAYS = ("2026-01-15", "2026-03-08", "2026-03-29", "2026-04-05", "2026-07-01", "2026-10-04",
        "2026-10-25", "2026-11-01")


def at(zone: str, day: str, clock: time, fold: int = 0) -> datetime:
    """Return the UTC instant of wall-clock ``clock`` on ``day`` in ``zone``."""
    local = datetime.combine(datetime.fromisoformat(day).date(), clock,
                             tzinfo=ZoneInfo(zone)).replace(fold=fold)
    return local.astimezone(UTC)


# ---------------------------------------------------------------------- calling hours
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("day", DAYS)
def test_the_window_opens_at_its_start_and_closes_at_its_end_in_every_zone(
    zone: str, day: str
) -> None:
    start, end = at(zone, day, time(9)), at(zone, day, time(21))
    assert not NINE_TO_NINE.is_open(start - US, zone)
    assert NINE_TO_NINE.is_open(start, zone)
    assert NINE_TO_NINE.is_open(end - US, zone)
    assert not NINE_TO_NINE.is_open(end, zone)
    assert NINE_TO_NINE.next_opening(start - US, zone) == start
    assert NINE_TO_NINE.next_opening(start, zone) == start
    assert NINE_TO_NINE.next_opening(end - US, zone) == end - US  # open: now
    assert NINE_TO_NINE.next_opening(end, zone) == at(
        zone, (datetime.fromisoformat(day) + timedelta(days=1)).date().isoformat(), time(9))


def test_the_same_instant_is_open_in_one_zone_and_closed_in_another() -> None:
    instant = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
    assert NINE_TO_NINE.is_open(instant, "Asia/Shanghai")  # 14:30
    assert NINE_TO_NINE.is_open(instant, "Asia/Kolkata")  # 12:00, a half-hour offset
    assert NINE_TO_NINE.is_open(instant, "Australia/Lord_Howe")  # 17:30 (summer, +11)
    assert not NINE_TO_NINE.is_open(instant, "Europe/London")  # 06:30
    assert not NINE_TO_NINE.is_open(instant, "America/New_York")  # 01:30
    assert open_zones(NINE_TO_NINE, ZONES, instant) == {
        "Asia/Shanghai", "Asia/Kolkata", "Australia/Lord_Howe"}
    assert open_zones(None, ZONES, instant) == set(ZONES)


def test_kolkata_opens_on_the_half_hour_of_utc() -> None:
    assert NINE_TO_NINE.next_opening(datetime(2026, 11, 23, 0, 0, tzinfo=UTC),
                                     "Asia/Kolkata") == datetime(2026, 11, 23, 3, 30,
                                                                 tzinfo=UTC)


def test_a_window_across_midnight() -> None:
    late = CallingWindow(time(20), time(2))
    zone = "Asia/Shanghai"
    for clock, is_open in ((time(19, 59, 59, 999999), False), (time(20), True),
                           (time(23, 59, 59, 999999), True), (time(0), True),
                           (time(1, 59, 59, 999999), True), (time(2), False),
                           (time(12), False)):
        assert late.is_open(at(zone, "2026-06-01", clock), zone) is is_open, clock
    assert late.next_opening(at(zone, "2026-06-01", time(2)), zone) == at(
        zone, "2026-06-01", time(20))
    assert late.next_opening(at(zone, "2026-06-01", time(1)), zone) == at(
        zone, "2026-06-01", time(1))


def test_bounds_left_out_mean_midnight_and_none_at_all_means_always() -> None:
    assert calling_window(None, None) is None
    assert calling_window(time(8), None) == CallingWindow(time(8), time(0))
    assert calling_window(None, time(18)) == CallingWindow(time(0), time(18))
    from_eight = calling_window(time(8), None)
    assert from_eight is not None
    zone = "Europe/London"
    assert not from_eight.is_open(at(zone, "2026-06-01", time(7, 59, 59, 999999)), zone)
    assert from_eight.is_open(at(zone, "2026-06-01", time(23, 59, 59, 999999)), zone)
    assert not from_eight.is_open(at(zone, "2026-06-02", time(0)), zone)
    all_day = CallingWindow(time(7), time(7))
    assert all_day.is_open(at(zone, "2026-06-01", time(6, 59)), zone)


def test_a_start_that_spring_forward_skips_opens_at_the_change() -> None:
    zone = "America/New_York"  # 8 March 2026: 02:00 EST becomes 03:00 EDT
    window = CallingWindow(time(2, 30), time(4))
    change = datetime(2026, 3, 8, 7, 0, tzinfo=UTC)
    assert not window.is_open(change - US, zone)  # 01:59:59.999999 EST
    assert window.is_open(change, zone)  # 03:00 EDT
    assert window.next_opening(datetime(2026, 3, 8, 5, 0, tzinfo=UTC), zone) == change
    # The usual window on that day: 09:00 EDT is 13:00 UTC, an hour earlier than the day before.
    assert NINE_TO_NINE.next_opening(datetime(2026, 3, 8, 2, 0, tzinfo=UTC), zone) == \
        datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    assert NINE_TO_NINE.next_opening(datetime(2026, 3, 7, 2, 0, tzinfo=UTC), zone) == \
        datetime(2026, 3, 7, 14, 0, tzinfo=UTC)


def test_a_start_that_fall_back_repeats_opens_at_its_first_occurrence() -> None:
    zone = "America/New_York"  # 1 November 2026: 02:00 EDT becomes 01:00 EST
    window = CallingWindow(time(1, 30), time(1, 45))
    first = at(zone, "2026-11-01", time(1, 30), fold=0)
    second = at(zone, "2026-11-01", time(1, 30), fold=1)
    assert (first, second) == (datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
                               datetime(2026, 11, 1, 6, 30, tzinfo=UTC))
    assert window.next_opening(datetime(2026, 11, 1, 4, 0, tzinfo=UTC), zone) == first
    # After the first quarter hour the wall clock comes round again: open again at 01:30 EST.
    assert window.next_opening(datetime(2026, 11, 1, 5, 45, tzinfo=UTC), zone) == second
    assert NINE_TO_NINE.next_opening(datetime(2026, 11, 1, 4, 0, tzinfo=UTC), zone) == \
        datetime(2026, 11, 1, 14, 0, tzinfo=UTC)


def test_london_and_lord_howe_move_their_openings_with_their_clocks() -> None:
    assert NINE_TO_NINE.next_opening(datetime(2026, 3, 29, 0, 0, tzinfo=UTC),
                                     "Europe/London") == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert NINE_TO_NINE.next_opening(datetime(2026, 3, 28, 0, 0, tzinfo=UTC),
                                     "Europe/London") == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    # Lord Howe: UTC+11 in summer, UTC+10:30 from 5 April 2026 02:00 local.
    zone = "Australia/Lord_Howe"
    assert NINE_TO_NINE.next_opening(datetime(2026, 4, 4, 12, 0, tzinfo=UTC), zone) == \
        datetime(2026, 4, 4, 22, 30, tzinfo=UTC)  # 09:00 at +10:30 on 5 April
    window = CallingWindow(time(1, 45), time(3))
    # On 5 April 01:30-02:00 happens twice; 01:45 +11 is 14:45 UTC on the 4th.
    assert window.next_opening(datetime(2026, 4, 4, 13, 0, tzinfo=UTC), zone) == \
        datetime(2026, 4, 4, 14, 45, tzinfo=UTC)
    # 4 October 2026 02:00 becomes 02:30: a 02:15 start opens at the change (15:30 UTC).
    skipped = CallingWindow(time(2, 15), time(5))
    assert skipped.next_opening(datetime(2026, 10, 3, 14, 0, tzinfo=UTC), zone) == \
        datetime(2026, 10, 3, 15, 30, tzinfo=UTC)


@settings(max_examples=150, deadline=None)
@given(
    now=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31),
                     timezones=st.just(UTC)),
    zone=st.sampled_from(ZONES),
    start=st.times(), end=st.times(),
)
def test_the_next_opening_is_open_and_nothing_before_it_is(
    now: datetime, zone: str, start: time, end: time
) -> None:
    window = CallingWindow(start.replace(microsecond=0), end.replace(microsecond=0))
    opening = window.next_opening(now, zone)
    assert opening >= now and window.is_open(opening, zone)
    if opening > now:
        assert not window.is_open(opening - US, zone)
        step = max((opening - now) / 97, US)
        probe = now
        while probe < opening:
            assert not window.is_open(probe, zone)
            probe += step


# ---------------------------------------------------------------------- time zones
def test_a_contacts_zone_is_its_own_else_its_numbers() -> None:
    assert zone_for_number("+8613800138000") == "Asia/Shanghai"
    assert zone_for_number("+12125550100") == "America/New_York"
    assert zone_info(zone_for_number("+919812345678")).utcoffset(
        datetime(2026, 1, 1)) == timedelta(hours=5, minutes=30)
    assert zone_for_number("+442079460000") == "Europe/London"
    assert zone_for_number("+80012345678") == DEFAULT_TIME_ZONE  # no country, no zone
    assert zone_for_number("not a number") == DEFAULT_TIME_ZONE
    assert contact_time_zone("Europe/London", "+8613800138000") == "Europe/London"
    assert contact_time_zone("", "+12125550100") == "America/New_York"
    assert contact_time_zone("Mars/Olympus_Mons", "+12125550100") == "America/New_York"
    assert zone_info("Mars/Olympus_Mons") == zone_info("") == ZoneInfo(DEFAULT_TIME_ZONE)
    assert center_today(datetime(2026, 11, 23, 16, 0, tzinfo=UTC)).isoformat() == "2026-11-24"


# ---------------------------------------------------------------------- do not call
def test_a_dnc_entry_applies_until_it_expires_or_is_removed() -> None:
    now = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
    number = "+8613800138000"
    assert DncEntry(number).is_active(now)
    assert DncEntry(number, expires_at=now + US).is_active(now)
    assert not DncEntry(number, expires_at=now).is_active(now)
    assert not DncEntry(number, deleted_at=now - timedelta(days=1)).is_active(now)
    entries = [DncEntry(number, expires_at=now - US), DncEntry("+8613900139000")]
    assert not is_dnc(entries, number, now)
    assert is_dnc(entries, "+8613900139000", now)


# ---------------------------------------------------------------------- eligibility
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai
ME, OTHER = uuid.uuid4(), uuid.uuid4()
RULES = DialRules(max_attempts=3, window=NINE_TO_NINE)


def state(status: ContactStatus = ContactStatus.NEW, attempts: int = 0,
          due: datetime | None = None, owner: uuid.UUID | None = None,
          zone: str = "Asia/Shanghai") -> ContactState:
    return ContactState(status, attempts, due, owner, zone)


def why(contact: ContactState, *, dnc: bool = False, now: datetime = NOW,
        rules: DialRules = RULES) -> Ineligible | None:
    return ineligibility(contact, rules, agent_id=ME, now=now, dnc=dnc)


def test_only_new_retries_and_callbacks_are_dialled() -> None:
    for status in (ContactStatus.NEW, ContactStatus.RETRY, ContactStatus.CALLBACK):
        assert why(state(status)) is None
    for status in (ContactStatus.DONE, ContactStatus.DNC, ContactStatus.INVALID):
        assert why(state(status)) is Ineligible.NOT_CALLABLE


def test_attempts_stop_at_the_campaign_maximum_except_for_a_booked_callback() -> None:
    assert why(state(ContactStatus.RETRY, attempts=2)) is None
    assert why(state(ContactStatus.RETRY, attempts=3)) is Ineligible.MAX_ATTEMPTS
    assert why(state(ContactStatus.NEW, attempts=4)) is Ineligible.MAX_ATTEMPTS
    assert why(state(ContactStatus.CALLBACK, attempts=3)) is None  # the customer asked


def test_a_contact_is_due_at_its_time_not_a_microsecond_before() -> None:
    assert why(state(ContactStatus.RETRY, due=NOW)) is None
    assert why(state(ContactStatus.RETRY, due=NOW + US)) is Ineligible.NOT_DUE
    assert is_due_callback(state(ContactStatus.CALLBACK, due=NOW), NOW)
    assert not is_due_callback(state(ContactStatus.CALLBACK, due=NOW + US), NOW)
    assert not is_due_callback(state(ContactStatus.RETRY, due=NOW), NOW)


def test_a_personal_callback_is_only_its_agents() -> None:
    assert why(state(ContactStatus.CALLBACK, due=NOW, owner=OTHER)) is \
        Ineligible.OTHERS_CALLBACK
    assert why(state(ContactStatus.CALLBACK, due=NOW, owner=ME)) is None
    assert why(state(ContactStatus.CALLBACK, due=NOW, owner=None)) is None  # the team's


def test_dnc_and_hours_are_checked_and_the_lasting_reason_wins() -> None:
    assert why(state(), dnc=True) is Ineligible.DNC
    assert why(state(ContactStatus.DONE), dnc=True) is Ineligible.NOT_CALLABLE
    new_york = state(zone="America/New_York")  # 01:30 there
    assert why(new_york) is Ineligible.OUTSIDE_HOURS
    assert why(new_york, rules=DialRules(3, None)) is None
    assert why(state(ContactStatus.RETRY, attempts=3, zone="America/New_York")) is \
        Ineligible.MAX_ATTEMPTS
    edge = at("Asia/Shanghai", "2026-11-23", time(21))
    assert why(state(), now=edge - US) is None
    assert why(state(), now=edge) is Ineligible.OUTSIDE_HOURS


def test_due_callbacks_come_before_priority_and_priority_before_the_longest_due() -> None:
    callback = state(ContactStatus.CALLBACK, due=NOW)
    old_retry = state(ContactStatus.RETRY, due=NOW - timedelta(hours=5))
    fresh = state()
    a, b, c, d = (uuid.UUID(int=n) for n in range(4))
    ordered = sorted([(dial_order(old_retry, 1, a, NOW), "old retry"),
                      (dial_order(fresh, 1, b, NOW), "new"),
                      (dial_order(fresh, 7, c, NOW), "important"),
                      (dial_order(callback, 0, d, NOW), "callback")])
    assert [name for _key, name in ordered] == ["callback", "important", "new", "old retry"]


# ---------------------------------------------------------------------- after a call
def outcome(category: DispositionCategory, attempts: int = 1, retry: int | None = None,
            ended: datetime = NOW, zone: str = "Asia/Shanghai",
            due: datetime | None = None) -> ContactOutcome:
    return after_disposition(category, attempts=attempts, rules=RULES, zone=zone,
                             ended_at=ended, retry_minutes=retry, callback_due=due)


def test_final_dispositions_close_the_contact() -> None:
    assert outcome(DispositionCategory.SALE) == ContactOutcome(ContactStatus.DONE, None)
    assert outcome(DispositionCategory.CONTACT) == ContactOutcome(ContactStatus.DONE, None)
    assert outcome(DispositionCategory.DNC) == ContactOutcome(ContactStatus.DNC, None)
    assert outcome(DispositionCategory.WRONG_NUMBER) == ContactOutcome(ContactStatus.INVALID,
                                                                       None)


def test_a_callback_waits_for_its_time() -> None:
    due = NOW + timedelta(days=1)
    assert outcome(DispositionCategory.CALLBACK, due=due) == ContactOutcome(
        ContactStatus.CALLBACK, due)
    with pytest.raises(ValueError, match="due time"):
        outcome(DispositionCategory.CALLBACK)


def test_no_contact_retries_after_the_codes_delay_inside_the_window() -> None:
    assert outcome(DispositionCategory.NO_CONTACT, retry=30) == ContactOutcome(
        ContactStatus.RETRY, NOW + timedelta(minutes=30))
    assert outcome(DispositionCategory.NO_CONTACT) == ContactOutcome(
        ContactStatus.RETRY, NOW + timedelta(minutes=DEFAULT_RETRY_MINUTES))
    assert outcome(DispositionCategory.NO_CONTACT, retry=0).next_attempt_at == NOW
    # Ending at 20:00 in Shanghai, two hours later is 22:00: moved to 09:00 the next day.
    evening = at("Asia/Shanghai", "2026-11-23", time(20))
    assert outcome(DispositionCategory.NO_CONTACT, ended=evening).next_attempt_at == at(
        "Asia/Shanghai", "2026-11-24", time(9))
    # Landing exactly on the end moves it; a microsecond before stays.
    assert outcome(DispositionCategory.NO_CONTACT, retry=60,
                   ended=at("Asia/Shanghai", "2026-11-23", time(20))).next_attempt_at == \
        at("Asia/Shanghai", "2026-11-24", time(9))
    assert outcome(DispositionCategory.NO_CONTACT, retry=60,
                   ended=at("Asia/Shanghai", "2026-11-23", time(20)) - US).next_attempt_at == \
        at("Asia/Shanghai", "2026-11-23", time(21)) - US
    # In the customer's own zone, across New York's spring-forward night.
    late = at("America/New_York", "2026-03-07", time(20, 30))
    assert outcome(DispositionCategory.NO_CONTACT, ended=late,
                   zone="America/New_York").next_attempt_at == datetime(2026, 3, 8, 13, 0,
                                                                         tzinfo=UTC)


def test_no_contact_at_the_last_attempt_closes_the_contact() -> None:
    assert outcome(DispositionCategory.NO_CONTACT, attempts=2).status is ContactStatus.RETRY
    assert outcome(DispositionCategory.NO_CONTACT, attempts=3) == ContactOutcome(
        ContactStatus.DONE, None)


# ---------------------------------------------------------------------- callbacks
def test_a_callback_must_be_in_the_future_inside_hours_and_to_a_callable_number() -> None:
    def check(due: datetime, zone: str = "Asia/Shanghai", dnc: bool = False) -> None:
        check_callback(due, now=NOW, window=NINE_TO_NINE, zone=zone, dnc=dnc)

    check(NOW + US)
    for due, problems in ((NOW, {"callback_due": "past"}),
                          (NOW - timedelta(days=1), {"callback_due": "past"}),
                          (at("Asia/Shanghai", "2026-11-23", time(21)),
                           {"callback_due": "outside_hours"})):
        with pytest.raises(ValidationError) as caught:
            check(due)
        assert caught.value.problems == problems
    check(at("Asia/Shanghai", "2026-11-23", time(21)) - US)
    # Tomorrow 10:00 in Shanghai is 21:00 the evening before in New York: closed there.
    tomorrow = at("Asia/Shanghai", "2026-11-24", time(10))
    check(tomorrow)
    with pytest.raises(ValidationError) as caught:
        check(tomorrow, zone="America/New_York")
    assert caught.value.problems == {"callback_due": "outside_hours"}
    with pytest.raises(ValidationError) as caught:
        check(tomorrow, dnc=True)
    assert caught.value.problems == {"callback_number": "dnc"}
    check_callback(NOW + timedelta(hours=15), now=NOW, window=None, zone="Asia/Shanghai",
                   dnc=False)  # no calling hours: any future time


# ---------------------------------------------------------------------- notes
def test_notes_keep_text_and_markup_and_lose_control_characters() -> None:
    assert clean_notes("客户说\r\n明天<b>再打</b>\t&amp;") == "客户说\n明天<b>再打</b>\t&amp;"
    assert clean_notes("a\x00b\x07c\x1bd\x7fe\x85f\rg") == "abcdef\ng"
    assert clean_notes("half \ud800 pair") == "half \ufffd pair"
    assert clean_notes("<script>alert(1)</script>") == "<script>alert(1)</script>"
    assert clean_notes("x" * MAX_NOTES) == "x" * MAX_NOTES
    assert clean_notes("\x00" * (MAX_NOTES + 5)) == ""  # what is kept is what counts
    for text in ("x" * (MAX_NOTES + 1), "长" * 10_000_000):
        with pytest.raises(ValidationError) as caught:
            clean_notes(text)
        assert caught.value.problems == {"notes": "too_long"}
    with pytest.raises(ValidationError) as caught:
        clean_notes("y" * 11, limit=10, field="callback_notes")
    assert caught.value.problems == {"callback_notes": "too_long"}
