"""Who works when: early and late shifts, rest days, breaks, lunch, meetings and training."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from agentdesk.services.demo.context import local
from agentdesk.services.demo.people import AgentProfile

BREAK = "break"
LUNCH = "lunch"
MEETING = "meeting"
TRAINING = "training"


@dataclass(frozen=True, slots=True)
class Pause:
    """Time off the phones: the agent goes not-ready when it starts and for ``minutes``."""

    start: datetime
    minutes: float
    reason: str


@dataclass(frozen=True, slots=True)
class Shift:
    """One agent's working day.

    Attributes:
        agent: Who works.
        day_index: Day of the simulated fortnight, 0-based.
        login: When the agent signs in (a few minutes before ``start``).
        start: First moment calls may be made.
        end: When the agent signs out.
        pauses: Breaks, meal, meetings and training, in time order.
    """

    agent: AgentProfile
    day_index: int
    login: datetime
    start: datetime
    end: datetime
    pauses: tuple[Pause, ...]


def _works(agent: AgentProfile, day: date) -> bool:
    week = day.isocalendar().week % 2
    if day.weekday() >= 5:
        return (agent.index + week) % 2 == 0
    rests = day.weekday() == agent.index % 5 and (agent.index + week) % 2 == 0
    return not rests


def _at(rng: random.Random, day: date, hour: int, minute: int, jitter: float) -> datetime:
    base = local(day, time(hour, minute))
    return base + timedelta(seconds=round(rng.uniform(-jitter, jitter) * 60))


def plan_day(rng: random.Random, agents: tuple[AgentProfile, ...], day: date,
             day_index: int) -> list[Shift]:
    """Return the shifts of ``day``: everyone on weekdays bar a rest day, half at weekends.

    Two thirds work the early shift (09:00-18:00) and the rest the late one (12:00-21:00),
    rotating weekly. Mondays start with a team meeting; on Wednesdays one team trains.
    """
    week = day.isocalendar().week
    shifts: list[Shift] = []
    for agent in agents:
        if not _works(agent, day):
            continue
        early = (agent.index + week) % 3 != 0
        first, last = (9, 18) if early else (12, 21)
        start = local(day, time(first))
        pauses: list[Pause] = []
        if day.weekday() == 0:
            pauses.append(Pause(start, rng.uniform(15, 25), MEETING))
        if early:
            pauses.append(Pause(_at(rng, day, 10, 30, 8), rng.uniform(12, 18), BREAK))
            lunch_minute = 45 if agent.index % 2 else 15
            lunch_hour = 11 if agent.index % 2 else 12
            pauses.append(Pause(_at(rng, day, lunch_hour, lunch_minute, 5), rng.uniform(50, 65),
                                LUNCH))
            if day.weekday() == 2 and agent.team == week % 3:
                pauses.append(Pause(_at(rng, day, 16, 0, 2), rng.uniform(55, 65), TRAINING))
            else:
                pauses.append(Pause(_at(rng, day, 15, 30, 8), rng.uniform(12, 18), BREAK))
        else:
            pauses.append(Pause(_at(rng, day, 14, 30, 8), rng.uniform(12, 18), BREAK))
            pauses.append(Pause(_at(rng, day, 17, 15 + 30 * (agent.index % 2), 5),
                                rng.uniform(40, 50), LUNCH))
            pauses.append(Pause(_at(rng, day, 19, 30, 8), rng.uniform(12, 18), BREAK))
        login = start - timedelta(seconds=rng.randrange(120, 540))
        end = local(day, time(last)) + timedelta(seconds=rng.randrange(0, 360))
        pauses.sort(key=lambda p: p.start)
        shifts.append(Shift(agent, day_index, login, start, end, tuple(pauses)))
    return shifts
