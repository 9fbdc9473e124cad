"""The agent's "my day" panel on a workstation holding a month of a 50-agent team's calls.

The panel refreshes every few seconds, so ``MyDayService.today()`` (the agent's figures,
targets and rank in the team) is timed against the same aggregates in hand-written SQL on a
raw ``sqlite3`` connection. The database is built with raw ``sqlite3`` in the storage format
SQLAlchemy uses on SQLite, after the product's migrations made the schema, and cached under
``benchmarks/.cache/`` like the customer database.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from agentdesk.domain.people import Role, User
from agentdesk.services.clock import FixedClock
from agentdesk.services.my_day import MyDay, MyDayService, day_bounds, time_zone
from agentdesk.services.workspace import LOCAL_DB
from agentdesk.store.database import Database
from agentdesk.store.migrate import head_revision, upgrade_local
from benchmarks.call_rows import insert_calls, sqlite_stamp, uuid7_at
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

BUILD_FORMAT = 3
"""Bump when the generated rows change, so cached databases are rebuilt."""

FLOOR_NAME = "raw sqlite3"
MY_DAY_GOAL = Goal(max_ratio=1.5)
SEED = 2026
AGENTS = 50
ZONE = "Asia/Shanghai"
# A Monday, late afternoon in Shanghai: most of the day's calls are in.
NOW = datetime(2026, 11, 23, 17, 30, tzinfo=time_zone(ZONE)).astimezone(UTC)
WEEKDAY_CALLS = 160  # per agent: preview dialing, about one attempt every 3 minutes
WEEKEND_CALLS = 60
ANSWER_RATE = 0.45
SALE_RATE = 0.08  # of conversations
CORRECTION_RATE = 0.005  # calls whose disposition was corrected later
_STAMP = "2026-10-01 00:00:00.000000"

# The same aggregates as the service, written by hand: one agent range of the calls index
# each, whether each call's latest disposition is a sale, the agent's targets covering the day.
FIGURES_SQL = """
SELECT c.agent_id, count(*), count(c.answered_at), total(c.talk_seconds),
       total(EXISTS (
           SELECT 1 FROM dispositions d
           WHERE d.call_id = c.id AND d.deleted_at IS NULL
             AND d.disposition_code_id IN (SELECT id FROM disposition_codes
                                           WHERE category = 'sale')
             AND NOT EXISTS (SELECT 1 FROM dispositions l
                             WHERE l.call_id = d.call_id AND l.deleted_at IS NULL
                               AND (l.at > d.at OR (l.at = d.at AND l.id > d.id)))))
FROM calls c
WHERE c.agent_id IN (SELECT id FROM users WHERE team_id = ? AND role = 'agent' AND active = 1
                     AND deleted_at IS NULL)
  AND c.started_at >= ? AND c.started_at < ? AND c.deleted_at IS NULL
GROUP BY c.agent_id
"""
TARGETS_SQL = """
SELECT metric, value, period_start, period_end FROM targets
WHERE agent_id = ? AND metric IN ('sales', 'calls') AND period_start <= ? AND period_end >= ?
  AND deleted_at IS NULL
"""


def _hex(value: uuid.UUID) -> str:
    return value.hex




@dataclass(frozen=True, slots=True)
class TeamDatabase:
    """A built workstation database with one team's month of calls.

    Attributes:
        directory: A workspace directory holding the database as ``agentdesk.db``.
        calls: How many calls it holds.
        team_id: The team.
        agent_ids: The team's agents (the timed agent first).
        build_ms: How long building it took.
        cached: True when an earlier run built it.
    """

    directory: Path
    calls: int
    team_id: uuid.UUID
    agent_ids: tuple[uuid.UUID, ...]
    build_ms: float
    cached: bool

    @property
    def path(self) -> Path:
        """The database file."""
        return self.directory / LOCAL_DB




def _ids(rng: random.Random, count: int) -> list[uuid.UUID]:
    created = datetime(2026, 1, 5, tzinfo=UTC)
    return [uuid7_at(rng, created) for _ in range(count)]


class _Builder:
    """Generates the rows; every random draw comes from one seeded stream."""

    def __init__(self, days: int) -> None:
        self.rng = random.Random(SEED)
        self.days = days
        self.team_id, self.supervisor_id = _ids(self.rng, 2)
        self.agent_ids = _ids(self.rng, AGENTS)
        self.campaigns = dict(zip(("outbound", "inbound"), _ids(self.rng, 2), strict=True))
        self.codes = {name: (code_id, category) for (name, category), code_id in zip(
            (("SALE", "sale"), ("CONTACT", "contact"), ("REFUSED", "contact"),
             ("CALLBACK", "callback"), ("NO_ANSWER", "no_contact"), ("BUSY", "no_contact")),
            _ids(self.rng, 6), strict=True)}
        self.calls = 0

    def reference_rows(self, conn: sqlite3.Connection) -> None:
        meta = ("default", 1, _STAMP, None)
        conn.execute("INSERT INTO teams (id, site, version, updated_at, deleted_at, name, "
                     "supervisor_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (_hex(self.team_id), *meta, "一组", _hex(self.supervisor_id)))
        users = [(_hex(self.supervisor_id), "sup01", Role.SUPERVISOR.value)] + [
            (_hex(agent_id), f"agent{n:02d}", Role.AGENT.value)
            for n, agent_id in enumerate(self.agent_ids)]
        conn.executemany(
            "INSERT INTO users (id, site, version, updated_at, deleted_at, username, "
            "display_name, role, team_id, password_hash, active, locale) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(user_id, *meta, name, name, role, _hex(self.team_id), "-", 1, "")
             for user_id, name, role in users])
        conn.executemany(
            "INSERT INTO campaigns (id, site, version, updated_at, deleted_at, code, name, "
            "name_en, direction, status, description, wrapup_seconds, max_attempts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(_hex(campaign_id), *meta, direction.upper(), direction, direction, direction,
              "running", "", 30, 5) for direction, campaign_id in self.campaigns.items()])
        conn.executemany(
            "INSERT INTO disposition_codes (id, site, version, updated_at, deleted_at, "
            "campaign_id, code, label, label_en, category, sort_order) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(_hex(code_id), *meta, _hex(self.campaigns["outbound"]), name, name, name,
              category, n) for n, (name, (code_id, category)) in enumerate(self.codes.items())])
        first = NOW.astimezone(time_zone(ZONE)).date().replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        first_stamp = datetime.combine(first, clock_time(0), time_zone(ZONE))
        rows = []
        for owner in [*self.agent_ids, None]:
            for metric, value in (("calls", 3400), ("sales", 20), ("revenue_fen", 1_600_000)):
                value = value * AGENTS if owner is None else value
                rows.append((_hex(uuid7_at(self.rng, first_stamp)), *meta,
                             _hex(self.campaigns["outbound"]),
                             _hex(self.team_id) if owner is None else None,
                             None if owner is None else _hex(owner), metric,
                             first.isoformat(), last.isoformat(), value))
        conn.executemany(
            "INSERT INTO targets (id, site, version, updated_at, deleted_at, campaign_id, "
            "team_id, agent_id, metric, period_start, period_end, value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def call_rows(self) -> Iterator[tuple[tuple[object, ...], list[tuple[object, ...]]]]:
        """Yield each call with its dispositions, day by day, agent by agent."""
        rng, zone = self.rng, time_zone(ZONE)
        today = NOW.astimezone(zone).date()
        for back in range(self.days - 1, -1, -1):
            day = today - timedelta(days=back)
            per_agent = WEEKDAY_CALLS if day.weekday() < 5 else WEEKEND_CALLS
            opens = datetime.combine(day, clock_time(9, 0), zone)
            for agent_id in self.agent_ids:
                for n in range(per_agent):
                    started = opens + timedelta(seconds=n * 9 * 3600 // per_agent
                                                + rng.randrange(60))
                    if started >= NOW:
                        break
                    yield self._call(agent_id, started)

    def _call(self, agent_id: uuid.UUID, started: datetime
              ) -> tuple[tuple[object, ...], list[tuple[object, ...]]]:
        rng = self.rng
        self.calls += 1
        call_id = uuid7_at(rng, started)
        inbound = rng.random() < 0.1
        answered = started + timedelta(seconds=rng.randrange(3, 25)) if (
            inbound or rng.random() < ANSWER_RATE) else None
        talk = rng.randrange(40, 600) if answered else 0
        ended = (answered or started + timedelta(seconds=30)) + timedelta(seconds=talk)
        if answered is None:
            code = rng.choice(("NO_ANSWER", "BUSY"))
        else:
            roll = rng.random()
            code = ("SALE" if roll < SALE_RATE else "CALLBACK" if roll < 0.2
                    else rng.choice(("CONTACT", "REFUSED")))
        direction = "inbound" if inbound else "outbound"
        call: tuple[object, ...] = (_hex(call_id), "default", 1, sqlite_stamp(ended), None,
                _hex(self.campaigns[direction]), None, None, _hex(agent_id), direction,
                f"+86138{rng.randrange(10**8):08d}", sqlite_stamp(started),
                None if answered is None else sqlite_stamp(answered), sqlite_stamp(ended),
                "hangup" if answered else "no_answer", talk, None, None)
        chosen = [code]
        if rng.random() < CORRECTION_RATE:
            chosen.append("SALE" if code != "SALE" else "CONTACT")
        dispositions: list[tuple[object, ...]] = [
            (_hex(uuid7_at(rng, disposed)), "default", 1, sqlite_stamp(disposed), None,
             _hex(call_id), _hex(self.codes[name][0]), _hex(agent_id), "",
             sqlite_stamp(disposed))
            for disposed, name in ((ended + timedelta(seconds=20 + 600 * n), name)
                                   for n, name in enumerate(chosen))]
        return call, dispositions


CALL_SQL = (
    "INSERT INTO calls (id, site, version, updated_at, deleted_at, campaign_id, contact_id, "
    "customer_id, agent_id, direction, e164, started_at, answered_at, ended_at, end_reason, "
    "talk_seconds, recording_consent, lease_token) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
DISPOSITION_SQL = (
    "INSERT INTO dispositions (id, site, version, updated_at, deleted_at, call_id, "
    "disposition_code_id, agent_id, notes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def build(path: Path, days: int) -> _Builder:
    """Create ``path`` with the product's migrations and fill it with ``days`` of calls."""
    database = Database.open(path)
    try:
        upgrade_local(database)
    finally:
        database.close()
    builder = _Builder(days)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        builder.reference_rows(conn)
        insert_calls(conn, builder.call_rows(), CALL_SQL, DISPOSITION_SQL)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return builder


def ensure_team_database(cache_dir: Path, days: int) -> TeamDatabase:
    """Return the cached database of ``days`` days of calls, building it if needed."""
    directory = cache_dir / f"my-day-{days}d-rev{head_revision()}-fmt{BUILD_FORMAT}"
    meta = directory / "build.json"
    if not (meta.exists() and (directory / LOCAL_DB).exists()):
        partial = directory.with_name(directory.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        started = time.perf_counter()
        builder = build(partial / LOCAL_DB, days)
        (partial / "build.json").write_text(json.dumps({
            "calls": builder.calls, "build_ms": (time.perf_counter() - started) * 1000,
            "team_id": str(builder.team_id), "agent_ids": [str(a) for a in builder.agent_ids],
        }) + "\n", encoding="utf-8")
        shutil.rmtree(directory, ignore_errors=True)
        os.replace(partial, directory)
        cached = False
    else:
        cached = True
    recorded = json.loads(meta.read_text(encoding="utf-8"))
    return TeamDatabase(directory, int(recorded["calls"]), uuid.UUID(recorded["team_id"]),
                        tuple(uuid.UUID(a) for a in recorded["agent_ids"]),
                        float(recorded["build_ms"]), cached)


# ---------------------------------------------------------------------- measuring
@dataclass(frozen=True, slots=True)
class MyDayFigures:
    """Timings of the service and of the raw aggregates, and the data they ran on."""

    service: Samples
    floor: Samples
    database: TeamDatabase
    day: MyDay


def _raw_today(conn: sqlite3.Connection, team: TeamDatabase, agent_id: uuid.UUID
               ) -> tuple[dict[str, tuple[int, int, int, int]], list[tuple[object, ...]]]:
    day, start, end = day_bounds(NOW, time_zone(ZONE))
    figures = {row[0]: (row[1], row[2], int(row[3]), int(row[4])) for row in conn.execute(
        FIGURES_SQL, (team.team_id.hex, sqlite_stamp(start), sqlite_stamp(end)))}
    found = conn.execute(TARGETS_SQL, (agent_id.hex, day.isoformat(), day.isoformat()))
    return figures, found.fetchall()


def measure_my_day(context: RunContext) -> MyDayFigures:
    """Time ``MyDayService.today()`` and the raw aggregates on the same database.

    Raises:
        AssertionError: the service and the raw SQL disagree about the agent's day.
    """
    team = ensure_team_database(context.cache_dir, context.pick(quick=7, full=30))
    agent_id = team.agent_ids[0]
    agent = User(agent_id, "agent00", "agent00", Role.AGENT, team.team_id)
    database = Database.open(team.path, create=False)
    context.on_close(database.close)
    service = MyDayService(database, FixedClock(NOW), agent, ZONE)
    conn = sqlite3.connect(team.path)
    context.on_close(conn.close)
    runs, warmup = context.pick(quick=200, full=1_000), 20

    day = service.today()
    raw_figures, raw_targets = _raw_today(conn, team, agent_id)
    assert (day.calls, day.contacts, day.talk_seconds, day.sales) == raw_figures[agent_id.hex]
    assert len(raw_figures) == day.team_size == AGENTS
    assert len(raw_targets) == 2
    assert day.sales_target_today is not None

    floor = time_each(lambda _: _raw_today(conn, team, agent_id), range(runs),
                      warmup=range(warmup))
    timed = time_each(lambda _: service.today(), range(runs), warmup=range(warmup))
    return MyDayFigures(timed, floor, team, day)


def _figures(context: RunContext) -> MyDayFigures:
    return context.shared("my_day", lambda: measure_my_day(context))


def _note(figures: MyDayFigures) -> str:
    day = figures.day
    return (f"{figures.database.calls:,} calls, {AGENTS} agents; agent: {day.calls} calls "
            f"today, rank {day.rank}/{day.team_size}")


@scenario("my_day.p99", MS)
def my_day_p99(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("my_day.p99", figures.service.percentile_ms(99), MS,
                  floor=figures.floor.percentile_ms(99), floor_name=FLOOR_NAME,
                  goal=MY_DAY_GOAL, note=_note(figures))


@scenario("my_day.p50", MS)
def my_day_p50(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("my_day.p50", figures.service.percentile_ms(50), MS,
                  floor=figures.floor.percentile_ms(50), floor_name=FLOOR_NAME)


@scenario("my_day.db_build", MS)
def my_day_db_build(context: RunContext) -> Result:
    database = _figures(context).database
    note = f"{database.calls:,} calls" + (", cached" if database.cached else "")
    return Result("my_day.db_build", database.build_ms, MS, note=note)

