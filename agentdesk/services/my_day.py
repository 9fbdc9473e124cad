"""The agent's own day at a glance: calls, contacts, sales, conversion, targets and team rank."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.errors import KnownError
from agentdesk.domain.people import User
from agentdesk.domain.ports import Clock
from agentdesk.store.database import Database
from agentdesk.store.my_day import DayFigures, TargetShare, read_day

DEFAULT_ZONE = "Asia/Shanghai"
SALES_METRIC = "sales"
CALLS_METRIC = "calls"

# Zones without daylight saving, usable where the system has no time-zone database (a
# Windows workstation without the tzdata package): mainland China has kept UTC+8 since 1991.
_FIXED_ZONES: dict[str, tzinfo] = {
    "Asia/Shanghai": timezone(timedelta(hours=8), "Asia/Shanghai"),
    "UTC": UTC,
}


@dataclass(frozen=True, slots=True)
class MyDay:
    """The agent's figures for the current local day.

    Attributes:
        calls: Calls the agent made or took today, both directions.
        contacts: Those that were answered.
        talk_seconds: Seconds connected on them.
        sales: Calls today whose disposition is a sale.
        conversion: Sales per contact; None before the first contact.
        sales_target_today: Today's share of the agent's monthly sales target, None without one.
        calls_target_today: Today's share of the agent's monthly calls target, None without one.
        rank: Place among the agents of the team by sales, then conversion, then talk time
            (1 is best; agents level on all three share a place); None without a team.
        team_size: How many agents are ranked (the agent included); 0 without a team.
    """

    calls: int
    contacts: int
    talk_seconds: int
    sales: int
    conversion: float | None
    sales_target_today: int | None
    calls_target_today: int | None
    rank: int | None
    team_size: int


def time_zone(name: str) -> tzinfo:
    """Return the time zone called ``name`` (an IANA name such as ``Asia/Shanghai``).

    Raises:
        KnownError: the name is unknown and not one of the fixed zones usable without a
            time-zone database.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name in _FIXED_ZONES:
            return _FIXED_ZONES[name]
        raise KnownError(f"Unknown time zone {name!r}", code="unknown_time_zone") from exc


def day_bounds(now: datetime, zone: tzinfo) -> tuple[date, datetime, datetime]:
    """Return the local date of ``now`` in ``zone`` and that day's start and end in UTC.

    The end is the next local midnight (exclusive), so a day with a daylight-saving change
    lasts 23 or 25 hours.
    """
    day = now.astimezone(zone).date()
    start = datetime.combine(day, time(0), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return day, start, end


def weekdays_between(first: date, last: date) -> int:
    """Return how many Mondays to Fridays lie in ``[first, last]``."""
    days = (last - first).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    return weeks * 5 + sum(1 for n in range(rest) if (first.weekday() + n) % 7 < 5)


def daily_share(shares: list[TargetShare]) -> int | None:
    """Return one day's part of the targets ``shares``, or None when there is none.

    Each target is divided over the weekdays of its period (over all its days when the
    period has no weekday) and rounded up; targets of several campaigns add up.
    """
    if not shares:
        return None
    total = 0
    for share in shares:
        days = weekdays_between(share.period_start, share.period_end) or max(
            (share.period_end - share.period_start).days + 1, 1)
        total += math.ceil(Fraction(share.value, days))
    return total


def _standing(figures: DayFigures) -> tuple[int, Fraction, int]:
    # No contacts ranks below a conversion of 0, which at least means someone was reached.
    conversion = (Fraction(figures.sales, figures.contacts) if figures.contacts
                  else Fraction(-1))
    return figures.sales, conversion, figures.talk_seconds


class MyDayService:
    """Computes :class:`MyDay` for the signed-in agent.

    Args:
        database: The workstation database.
        clock: The workstation clock.
        agent: The signed-in agent.
        zone: The time zone that decides where "today" starts and ends.

    Raises:
        KnownError: ``zone`` is not a known time zone.
    """

    def __init__(self, database: Database, clock: Clock, agent: User,
                 zone: str = DEFAULT_ZONE) -> None:
        self._db = database
        self._clock = clock
        self._agent = agent
        self._zone = time_zone(zone)

    def today(self) -> MyDay:
        """Return the agent's figures for the current local day."""
        day, start, end = day_bounds(self._clock.now(), self._zone)
        agent = self._agent
        snapshot = read_day(self._db, agent.id, agent.team_id, start, end, day,
                            (SALES_METRIC, CALLS_METRIC))
        mine = snapshot.figures[agent.id]
        rank: int | None = None
        team_size = 0
        if agent.team_id is not None:
            standing = _standing(mine)
            team_size = len(snapshot.figures)
            rank = 1 + sum(1 for f in snapshot.figures.values() if _standing(f) > standing)
        return MyDay(
            calls=mine.calls,
            contacts=mine.contacts,
            talk_seconds=mine.talk_seconds,
            sales=mine.sales,
            conversion=mine.sales / mine.contacts if mine.contacts else None,
            sales_target_today=daily_share(snapshot.targets[SALES_METRIC]),
            calls_target_today=daily_share(snapshot.targets[CALLS_METRIC]),
            rank=rank,
            team_size=team_size,
        )
