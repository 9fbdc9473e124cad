"""Dialing rules: calling hours per time zone, who may be dialled now, retries and callbacks."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.calls import ContactStatus, DispositionCategory
from agentdesk.domain.errors import ValidationError

#: The center's own zone: numbers whose zone is unknown are called on its clock.
DEFAULT_TIME_ZONE = "Asia/Shanghai"
#: Minutes before an unanswered contact is tried again when its code says nothing.
DEFAULT_RETRY_MINUTES = 120
#: Longest wrap-up note kept; a MariaDB TEXT holds 65,535 bytes, four per character at worst.
MAX_NOTES = 10_000
#: Longest callback note (the ``callbacks.notes`` column).
MAX_CALLBACK_NOTES = 2_000
#: Statuses a contact can be dialled in.
CALLABLE = frozenset({ContactStatus.NEW, ContactStatus.RETRY, ContactStatus.CALLBACK})

_LOOKAHEAD_DAYS = 8  # every non-empty window opens within a week, whatever the zone does
_KEPT_CONTROLS = frozenset("\n\t")


# ---------------------------------------------------------------------- time zones
# Mainland China has kept UTC+8 without daylight saving since 1991: the center's zone still
# works on a machine without a time-zone database (Windows without the tzdata package).
_CENTER_FIXED = timezone(timedelta(hours=8), DEFAULT_TIME_ZONE)


@functools.lru_cache(maxsize=512)
def zone_info(name: str) -> tzinfo:
    """Return the zone called ``name``; an unknown or empty name gives the center's zone."""
    for candidate in (name, DEFAULT_TIME_ZONE):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return _CENTER_FIXED


@functools.lru_cache(maxsize=512)
def is_known_zone(name: str) -> bool:
    """Return True if ``name`` is a time zone of the IANA database on this machine."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return bool(name)


@functools.lru_cache(maxsize=4096)
def zone_for_number(e164: str) -> str:
    """Return the time zone of a phone number (libphonenumber's first zone for it).

    A number libphonenumber cannot place gets the center's zone, :data:`DEFAULT_TIME_ZONE`.
    """
    import phonenumbers
    from phonenumbers import timezone as number_zones

    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return DEFAULT_TIME_ZONE
    for name in number_zones.time_zones_for_number(parsed):
        if is_known_zone(name):
            return str(name)
    return DEFAULT_TIME_ZONE


def contact_time_zone(time_zone: str, e164: str) -> str:
    """Return the zone a contact is called in: its own if set and known, else its number's."""
    if time_zone and is_known_zone(time_zone):
        return time_zone
    return zone_for_number(e164)


def local_time(now_utc: datetime, zone: str) -> datetime:
    """Return ``now_utc`` on the wall clock of ``zone`` (aware)."""
    return now_utc.astimezone(zone_info(zone))


# ---------------------------------------------------------------------- calling hours
@dataclass(frozen=True, slots=True)
class CallingWindow:
    """The hours of the day a customer may be called, on the customer's own wall clock.

    Open when ``start <= local time < end``. A window with ``start > end`` crosses midnight
    (20:00-02:00 is open in the evening and after midnight); ``start == end`` is open all day.

    Attributes:
        start: First minute of calling, local time.
        end: The minute calling stops (exclusive), local time.
    """

    start: time
    end: time

    def contains(self, wall: time) -> bool:
        """Return True if the wall-clock time ``wall`` is inside the window."""
        wall = wall.replace(tzinfo=None, fold=0)
        if self.start == self.end:
            return True
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end

    def is_open(self, now_utc: datetime, zone: str) -> bool:
        """Return True if a customer in ``zone`` may be called at ``now_utc``."""
        return self.contains(local_time(now_utc, zone).time())

    def next_opening(self, now_utc: datetime, zone: str) -> datetime:
        """Return the first instant (UTC) at or after ``now_utc`` when the window is open.

        Exact across daylight-saving changes: a start time that a spring-forward skips opens
        the window at the change itself, and a start time that occurs twice opens it at its
        first occurrence.
        """
        now_utc = now_utc.astimezone(UTC)
        if self.is_open(now_utc, zone):
            return now_utc
        tz = zone_info(zone)
        today = now_utc.astimezone(tz).date()
        horizon = now_utc + timedelta(days=_LOOKAHEAD_DAYS)
        candidates: set[datetime] = set()
        for offset in range(-1, _LOOKAHEAD_DAYS + 1):
            day = today + timedelta(days=offset)
            for fold in (0, 1):
                local = datetime.combine(day, self.start, tzinfo=tz).replace(fold=fold)
                candidates.add(local.astimezone(UTC))
        candidates.update(_offset_changes(tz, now_utc, horizon))
        for instant in sorted(c for c in candidates if c > now_utc):
            if self.is_open(instant, zone):
                return instant
        return horizon  # unreachable for a real zone: a window opens every day


def calling_window(calling_from: time | None, calling_until: time | None) -> CallingWindow | None:
    """Return a campaign's window; None (call at any hour) when neither bound is set.

    A missing start means from midnight, a missing end until midnight.
    """
    if calling_from is None and calling_until is None:
        return None
    return CallingWindow(calling_from or time(0), calling_until or time(0))


def window_is_open(window: CallingWindow | None, now_utc: datetime, zone: str) -> bool:
    """Return True if ``window`` (None: always) is open in ``zone`` at ``now_utc``."""
    return window is None or window.is_open(now_utc, zone)


def open_zones(window: CallingWindow | None, zones: Iterable[str], now_utc: datetime
               ) -> set[str]:
    """Return those of ``zones`` in which ``window`` is open at ``now_utc``.

    A zone name that is empty or unknown stands for the center's zone, as everywhere else.
    """
    return {name for name in zones if window_is_open(window, now_utc, name)}


def _offset_changes(tz: tzinfo, start: datetime, stop: datetime) -> list[datetime]:
    """Return the instants (UTC, whole seconds) in ``(start, stop]`` where ``tz`` changes.

    Daylight-saving starts and ends, and changes of standard time.
    """
    changes: list[datetime] = []
    step = timedelta(hours=6)
    left = start
    while left < stop:
        right = min(left + step, stop)
        if left.astimezone(tz).utcoffset() != right.astimezone(tz).utcoffset():
            low, high = int(left.timestamp()), int(right.timestamp())
            before = left.astimezone(tz).utcoffset()
            while high - low > 1:
                middle = (low + high) // 2
                if datetime.fromtimestamp(middle, UTC).astimezone(tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            changes.append(datetime.fromtimestamp(high, UTC))
        left = right
    return changes


# ---------------------------------------------------------------------- do not call
@dataclass(frozen=True, slots=True)
class DncEntry:
    """A number on the do-not-call list.

    Attributes:
        e164: The number.
        expires_at: When the entry stops applying; None for never.
        deleted_at: When the entry was removed; None while it stands.
    """

    e164: str
    expires_at: datetime | None = None
    deleted_at: datetime | None = None

    def is_active(self, now: datetime) -> bool:
        """Return True if the entry forbids calling its number at ``now``."""
        return self.deleted_at is None and (self.expires_at is None or self.expires_at > now)


def is_dnc(entries: Iterable[DncEntry], e164: str, now: datetime) -> bool:
    """Return True if an active entry of ``entries`` lists ``e164``."""
    return any(entry.e164 == e164 and entry.is_active(now) for entry in entries)


# ---------------------------------------------------------------------- eligibility
class Ineligible(StrEnum):
    """Why a contact may not be dialled now."""

    NOT_CALLABLE = "not_callable"  # done, do-not-call or invalid
    DNC = "dnc"  # its number is on the do-not-call list
    MAX_ATTEMPTS = "max_attempts"  # the campaign's attempts are used up
    NOT_DUE = "not_due"  # a retry or callback that is not due yet
    OTHERS_CALLBACK = "others_callback"  # a personal callback of another agent
    OUTSIDE_HOURS = "outside_hours"  # outside calling hours where the customer lives


@dataclass(frozen=True, slots=True)
class DialRules:
    """What a campaign says about dialing its contacts.

    Attributes:
        max_attempts: Calls a contact gets at most (callbacks excepted: see
            :func:`ineligibility`).
        window: Calling hours on the customer's clock; None for any hour.
    """

    max_attempts: int
    window: CallingWindow | None = None


@dataclass(frozen=True, slots=True)
class ContactState:
    """What the rules look at in a call-list contact.

    Attributes:
        status: Where the contact stands.
        attempts: Calls made so far.
        next_attempt_at: When it is due (a retry or callback); None for at once.
        callback_agent_id: The agent who owns its personal callback, if any.
        zone: The time zone it is called in (:func:`contact_time_zone`).
    """

    status: ContactStatus
    attempts: int
    next_attempt_at: datetime | None
    callback_agent_id: uuid.UUID | None
    zone: str


def is_due_callback(contact: ContactState, now: datetime) -> bool:
    """Return True for a callback whose time has come: these are called before anything else."""
    return (contact.status is ContactStatus.CALLBACK and contact.next_attempt_at is not None
            and contact.next_attempt_at <= now)


def ineligibility(contact: ContactState, rules: DialRules, *, agent_id: uuid.UUID,
                  now: datetime, dnc: bool) -> Ineligible | None:
    """Return why ``agent_id`` may not dial ``contact`` at ``now``, or None if they may.

    The reasons are checked in the order of :class:`Ineligible`, so a contact that is both
    finished and outside hours is reported as finished (only the hours pass with time).
    A booked callback is exempt from the attempts limit: the customer asked for the call.

    Args:
        contact: The contact.
        rules: Its campaign's rules.
        agent_id: Who would dial.
        now: The time (UTC).
        dnc: Whether its number is on the active do-not-call list.
    """
    if contact.status not in CALLABLE:
        return Ineligible.NOT_CALLABLE
    if dnc:
        return Ineligible.DNC
    if contact.status is not ContactStatus.CALLBACK and contact.attempts >= rules.max_attempts:
        return Ineligible.MAX_ATTEMPTS
    if contact.next_attempt_at is not None and contact.next_attempt_at > now:
        return Ineligible.NOT_DUE
    if (contact.status is ContactStatus.CALLBACK and contact.callback_agent_id is not None
            and contact.callback_agent_id != agent_id):
        return Ineligible.OTHERS_CALLBACK
    if not window_is_open(rules.window, now, contact.zone):
        return Ineligible.OUTSIDE_HOURS
    return None


_FAR_PAST = datetime.min.replace(tzinfo=UTC)


def dial_order(contact: ContactState, priority: int, contact_id: uuid.UUID, now: datetime
               ) -> tuple[bool, int, datetime, uuid.UUID]:
    """Return the sort key of eligible contacts.

    Due callbacks first, the longest overdue first (the customer named the time); then the
    rest by priority, then the longest due (a new contact is due since it was imported).
    """
    if is_due_callback(contact, now):
        return (False, 0, contact.next_attempt_at or _FAR_PAST, contact_id)
    return (True, -priority, contact.next_attempt_at or _FAR_PAST, contact_id)


# ---------------------------------------------------------------------- after a call
@dataclass(frozen=True, slots=True)
class ContactOutcome:
    """A contact's status after a call, and when it is due again."""

    status: ContactStatus
    next_attempt_at: datetime | None


def after_disposition(
    category: DispositionCategory,
    *,
    attempts: int,
    rules: DialRules,
    zone: str,
    ended_at: datetime,
    retry_minutes: int | None = None,
    callback_due: datetime | None = None,
) -> ContactOutcome:
    """Return what becomes of a contact after a call with a disposition of ``category``.

    Args:
        category: The disposition's category.
        attempts: Calls made to the contact, this one included.
        rules: The campaign's rules.
        zone: The contact's time zone.
        ended_at: When the call ended (UTC).
        retry_minutes: The code's retry delay; None for :data:`DEFAULT_RETRY_MINUTES`.
        callback_due: The booked callback time (callback category).

    Raises:
        ValueError: a callback without its due time.
    """
    if category in (DispositionCategory.SALE, DispositionCategory.CONTACT):
        return ContactOutcome(ContactStatus.DONE, None)
    if category is DispositionCategory.DNC:
        return ContactOutcome(ContactStatus.DNC, None)
    if category is DispositionCategory.WRONG_NUMBER:
        return ContactOutcome(ContactStatus.INVALID, None)
    if category is DispositionCategory.CALLBACK:
        if callback_due is None:
            raise ValueError("a callback disposition needs the callback's due time")
        return ContactOutcome(ContactStatus.CALLBACK, callback_due)
    if attempts >= rules.max_attempts:
        return ContactOutcome(ContactStatus.DONE, None)
    delay = DEFAULT_RETRY_MINUTES if retry_minutes is None else retry_minutes
    due = ended_at + timedelta(minutes=delay)
    if rules.window is not None and not rules.window.is_open(due, zone):
        due = rules.window.next_opening(due, zone)
    return ContactOutcome(ContactStatus.RETRY, due)


def check_callback(due_at: datetime, *, now: datetime, window: CallingWindow | None,
                   zone: str, dnc: bool) -> None:
    """Refuse a callback the customer could not lawfully or sensibly get.

    Raises:
        ValidationError: ``{"callback_due": "past"}`` for a time not after ``now``,
            ``{"callback_due": "outside_hours"}`` outside calling hours in ``zone``,
            ``{"callback_number": "dnc"}`` for a number on the do-not-call list.
    """
    if due_at <= now:
        raise ValidationError({"callback_due": "past"})
    if not window_is_open(window, due_at, zone):
        raise ValidationError({"callback_due": "outside_hours"})
    if dnc:
        raise ValidationError({"callback_number": "dnc"})


# ---------------------------------------------------------------------- notes
def clean_notes(text: str, limit: int = MAX_NOTES, field: str = "notes") -> str:
    """Return wrap-up text fit to store and sync: control characters out, bounded length.

    Line feeds and tabs stay; carriage returns become line feeds; other control characters
    (NUL included, which no server database stores) are dropped; unpaired surrogates become
    U+FFFD. Markup is text like any other and is kept as typed.

    Raises:
        ValidationError: ``{field: "too_long"}`` past ``limit`` characters.
    """
    if len(text) > 4 * limit:  # cleaning only ever shortens text; spare the work
        raise ValidationError({field: "too_long"})
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(_clean_char(ch) for ch in text)
    if len(text) > limit:
        raise ValidationError({field: "too_long"})
    return text


def _clean_char(ch: str) -> str:
    code = ord(ch)
    if ch in _KEPT_CONTROLS:
        return ch
    if code < 0x20 or 0x7F <= code < 0xA0:
        return ""
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ch


def center_today(now_utc: datetime) -> date:
    """Return the date on the center's clock (campaign start and end dates are its dates)."""
    return local_time(now_utc, DEFAULT_TIME_ZONE).date()
