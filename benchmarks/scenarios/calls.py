"""Preview dialing on a large workstation database: the next contact and the local grant.

The database holds 1,000,000 call-list contacts (100,000 with ``--quick``), each with its own
customer and number, in the mix a working list has after some weeks: new, due and later
retries, callbacks (personal and the team's), finished rows, a few numbers abroad and on
the do-not-call list. It is built once with the product's migrations and raw ``sqlite3``
(storage formats as in ``customer_db.py``) and kept under ``benchmarks/.cache``; each run
works on a copy, so leases granted in one run never leak into the next.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from agentdesk.domain.people import Role, User
from agentdesk.services.clock import FixedClock
from agentdesk.services.dialing import DialingService
from agentdesk.services.dialing_views import NothingToCall
from agentdesk.store.database import Database
from agentdesk.store.migrate import head_revision, upgrade_local
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.people import teams, users
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

BUILD_FORMAT = 1
"""Bump when the generated rows change, so cached databases are rebuilt."""

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai, 01:30 in New York
NEXT_CONTACT_GOAL = Goal(max_value=1.0)
FLOOR_NAME = "raw sqlite3 pick"
AGENTS = 100
BATCH = 10
CHUNK = 50_000
_STAMP = "2026-11-01 02:00:00.000000"
_TABLES = ("customers", "customer_phones", "contacts", "dnc_entries")


def _hex(kind: int, index: int) -> str:
    """A UUIDv7-shaped id (32 hex digits, as SQLAlchemy stores it) for row ``index``."""
    millis = 0x019C_0000_0000 + kind * 0x1_0000_0000 + index // 4096
    value = (millis << 80) | (0x7 << 76) | ((index % 4096) << 64) | (0b10 << 62) | index
    return f"{value:032x}"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass(frozen=True, slots=True)
class Center:
    """Who and what the generated rows refer to."""

    campaign_id: uuid.UUID
    list_ids: tuple[uuid.UUID, uuid.UUID]
    team_id: uuid.UUID
    agents: tuple[User, ...]


def _center() -> Center:
    team = uuid.UUID(_hex(9, 0))
    agents = tuple(User(uuid.UUID(_hex(8, n)), f"bench{n:03d}", f"坐席{n}", Role.AGENT, team)
                   for n in range(AGENTS * 4))
    return Center(uuid.UUID(_hex(7, 0)), (uuid.UUID(_hex(7, 1)), uuid.UUID(_hex(7, 2))),
                  team, agents)


def _contact(index: int, center: Center) -> tuple[object, ...]:
    """One contact; the mix repeats every 100 rows, priorities every 10."""
    kind = index % 100
    e164 = f"+86{('138', '139', '150', '186')[index % 4]}{(index * 48_271 + 7) % 10**8:08d}"
    status, attempts, due, owner, zone = "new", 0, None, None, "Asia/Shanghai"
    if kind < 15:
        status, attempts = "retry", 1 + index % 3
        due = _stamp(NOW - timedelta(minutes=1 + index % 600)) if kind < 8 else \
            _stamp(NOW + timedelta(minutes=1 + index % 600))
    elif kind < 18:
        status, attempts = "callback", 1
        due = _stamp(NOW + timedelta(minutes=(index % 240) - 120))
        if kind < 17:
            owner = center.agents[index % len(center.agents)].id.hex
    elif kind < 48:
        status, attempts = "done", 1 + index % 4
    elif kind < 52:
        status, attempts = "invalid", 1
    elif kind < 55:
        status, attempts = "dnc", 1
    if kind in (60, 61):
        zone, e164 = "America/New_York", f"+1212555{index % 10_000:04d}"
    elif kind == 62:
        zone = ""
    return (_hex(3, index), "default", 1, _STAMP, None,
            center.list_ids[0 if index % 5 else 1].hex, _hex(1, index), e164, status,
            index % 10, attempts, due, "", zone, owner, None, 0, None)


def _rows(start: int, stop: int, center: Center) -> Iterator[tuple[str, tuple[Any, ...]]]:
    for i in range(start, stop):
        contact = _contact(i, center)
        e164 = str(contact[7])
        yield "customers", (_hex(1, i), "default", 1, _STAMP, None, f"C{i + 1:08d}",
                            f"客户{i}", "unknown", "", "zh", "", "", _STAMP)
        yield "customer_phones", (_hex(2, i), "default", 1, _STAMP, None, _hex(1, i), e164,
                                  e164[1:][::-1], "mobile", "", 1)
        yield "contacts", contact
        if i % 97 == 0:  # about 1 % of the numbers are on the do-not-call list
            expires = None if i % 3 else _stamp(NOW - timedelta(days=1))
            yield "dnc_entries", (_hex(4, i), "default", 1, _STAMP, None, e164, "", "admin",
                                  expires)


_INSERTS = {
    "customers": "INSERT INTO customers (id, site, version, updated_at, deleted_at, "
                 "customer_no, name, gender, city, language, tags, notes, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "customer_phones": "INSERT INTO customer_phones (id, site, version, updated_at, "
                       "deleted_at, customer_id, e164, tail_key, kind, label, is_primary) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "contacts": "INSERT INTO contacts (id, site, version, updated_at, deleted_at, "
                "call_list_id, customer_id, e164, status, priority, attempts, "
                "next_attempt_at, last_disposition, time_zone, callback_agent_id, "
                "lease_agent_id, lease_token, lease_expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "dnc_entries": "INSERT INTO dnc_entries (id, site, version, updated_at, deleted_at, e164, "
                   "reason, source, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def _reference_rows(database: Database, center: Center) -> None:
    """Team, agents, campaign with its codes and lists, through SQLAlchemy."""
    base = {"site": "default", "version": 1, "updated_at": NOW, "deleted_at": None}
    with database.write() as conn:
        conn.execute(teams.insert(), [base | {"id": center.team_id, "name": "一组",
                                              "supervisor_id": None}])
        conn.execute(users.insert(), [base | {
            "id": a.id, "username": a.username, "display_name": a.display_name,
            "role": a.role.value, "team_id": center.team_id, "password_hash": "!",
            "active": True, "locale": "zh_CN"} for a in center.agents])
        conn.execute(campaigns.insert(), [base | {
            "id": center.campaign_id, "code": "5G", "name": "5G 套餐升级",
            "name_en": "5G upgrade", "direction": "outbound", "status": "running",
            "starts_on": None, "ends_on": None, "description": "", "wrapup_seconds": 30,
            "max_attempts": 3, "calling_from": clock_time(9), "calling_until": clock_time(21)}])
        conn.execute(disposition_codes.insert(), [base | {
            "id": uuid.UUID(_hex(6, n)), "campaign_id": center.campaign_id, "code": code,
            "label": code, "label_en": code, "category": category, "retry_minutes": retry,
            "sort_order": n} for n, (code, category, retry) in enumerate((
                ("SALE", "sale", None), ("NO_ANSWER", "no_contact", 120),
                ("BUSY", "no_contact", 30), ("CALLBACK", "callback", None),
                ("NOT_INTERESTED", "contact", None), ("DNC", "dnc", None),
                ("WRONG", "wrong_number", None)))])
        conn.execute(call_lists.insert(), [base | {
            "id": list_id, "campaign_id": center.campaign_id, "name": f"名单{n}",
            "source": "bench", "imported_at": NOW, "row_count": 0, "rejected_count": 0}
            for n, list_id in enumerate(center.list_ids)])


def build(path: Path, count: int) -> None:
    """Create ``path`` by the product's migrations and fill it with ``count`` contacts."""
    center = _center()
    database = Database.open(path)
    try:
        upgrade_local(database)
        _reference_rows(database, center)
    finally:
        database.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        marks = ", ".join("?" * len(_TABLES))
        indexes = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})", _TABLES).fetchall()
        conn.execute("BEGIN")
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for start in range(0, count, CHUNK):
            batches: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _INSERTS}
            for table, values in _rows(start, min(start + CHUNK, count), center):
                batches[table].append(values)
            for table, values_list in batches.items():
                conn.executemany(_INSERTS[table], values_list)
            print(f"    {min(start + CHUNK, count):,} / {count:,} contacts", file=sys.stderr,
                  flush=True)
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class ContactDatabase:
    """A built contact database: where, how big, how long it took, and whether cached."""

    path: Path
    contacts: int
    build_ms: float
    cached: bool


def ensure_database(cache_dir: Path, count: int) -> ContactDatabase:
    """Return the cached database of ``count`` contacts, building it if needed."""
    directory = cache_dir / f"contacts-{count}-rev{head_revision()}-fmt{BUILD_FORMAT}"
    meta = directory / "build.json"
    if meta.exists() and (directory / "contacts.db").exists():
        recorded = json.loads(meta.read_text(encoding="utf-8"))
        return ContactDatabase(directory / "contacts.db", count, float(recorded["build_ms"]),
                               cached=True)
    partial = directory.with_name(directory.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    build(partial / "contacts.db", count)
    build_ms = (time.perf_counter() - started) * 1000
    (partial / "build.json").write_text(json.dumps({"contacts": count, "build_ms": build_ms})
                                        + "\n", encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(partial, directory)
    return ContactDatabase(directory / "contacts.db", count, build_ms, cached=False)


# ---------------------------------------------------------------------- the measurements
PICK_SQL = (
    "SELECT c.id, c.customer_id, c.e164, c.status, c.priority, c.attempts, "
    "c.next_attempt_at, c.time_zone, c.callback_agent_id FROM contacts c "
    "WHERE c.lease_agent_id = ? AND c.lease_expires_at > ? AND c.call_list_id IN (?, ?) "
    "AND c.deleted_at IS NULL AND c.status IN ('new', 'retry', 'callback') "
    "AND (c.status = 'callback' OR c.attempts < 3) "
    "AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= ?) "
    "AND (c.callback_agent_id IS NULL OR c.callback_agent_id = ?) "
    "AND c.time_zone IN ('Asia/Shanghai', '') "
    "AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d.e164 = c.e164 "
    "AND d.deleted_at IS NULL AND (d.expires_at IS NULL OR d.expires_at > ?)) "
    "ORDER BY c.status = 'callback' DESC, c.priority DESC, c.next_attempt_at, c.id LIMIT 1")


@dataclass(frozen=True, slots=True)
class CallFigures:
    """Timings of next_contact, of the raw pick, and of the local grants that filled batches."""

    database: ContactDatabase
    next_contact: Samples
    floor: Samples
    grants: Samples


def measure(context: RunContext) -> CallFigures:
    """Fill every agent's batch by local grants, then time next_contact against raw SQL.

    Raises:
        AssertionError: an agent got nothing to call, or the raw pick disagrees.
    """
    count = context.pick(quick=100_000, full=1_000_000)
    built = ensure_database(context.cache_dir, count)
    work = context.work_dir / "calls"
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(built.path, work / "contacts.db")
    database = Database.open(work / "contacts.db")
    context.on_close(database.close)
    with (work / "contacts.db").open("rb") as file:  # every figure starts from a warm cache
        while file.read(1 << 24):
            pass
    center = _center()
    clock = FixedClock(NOW)
    services = [DialingService(database, clock, agent, None, batch_size=BATCH)
                for agent in center.agents]
    grants = time_each(lambda s: s.refill(center.campaign_id), services)
    working = services[:AGENTS]
    calls = context.pick(quick=2_000, full=5_000)
    order = [working[n % AGENTS] for n in range(calls)]

    def next_contact(dialing: DialingService) -> None:
        preview = dialing.next_contact(center.campaign_id)
        assert not isinstance(preview, NothingToCall), preview

    raw = sqlite3.connect(work / "contacts.db")
    context.on_close(raw.close)
    now_text = _stamp(NOW)
    lists = [list_id.hex for list_id in center.list_ids]

    def raw_pick(dialing: DialingService) -> None:
        agent = dialing._agent.id.hex
        found = raw.execute(PICK_SQL, (agent, now_text, *lists, now_text, agent,
                                       now_text)).fetchall()
        assert found, "the raw pick found nothing"

    floor = time_each(raw_pick, order, warmup=working)
    timed = time_each(next_contact, order, warmup=working * 2)
    for dialing in working[:20]:  # both pick the same contact
        preview = dialing.next_contact(center.campaign_id)
        assert not isinstance(preview, NothingToCall)
        agent = dialing._agent.id.hex
        (first,) = raw.execute(PICK_SQL, (agent, now_text, *lists, now_text, agent,
                                          now_text)).fetchall()
        assert uuid.UUID(first[0]) == preview.contact_id
    return CallFigures(built, timed, floor, grants)


def _figures(context: RunContext) -> CallFigures:
    return context.shared("calls.measure", lambda: measure(context))


def _note(figures: CallFigures) -> str:
    return f"{figures.database.contacts:,} contacts"


@scenario("calls.next_contact.p99", MS)
def next_contact_p99(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("calls.next_contact.p99", figures.next_contact.percentile_ms(99), MS,
                  floor=figures.floor.percentile_ms(99), floor_name=FLOOR_NAME,
                  goal=NEXT_CONTACT_GOAL, note=_note(figures))


@scenario("calls.next_contact.p50", MS)
def next_contact_p50(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("calls.next_contact.p50", figures.next_contact.percentile_ms(50), MS,
                  floor=figures.floor.percentile_ms(50), floor_name=FLOOR_NAME,
                  note=_note(figures))


@scenario("calls.local_grant.p99", MS)
def local_grant_p99(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("calls.local_grant.p99", figures.grants.percentile_ms(99), MS,
                  note=f"{len(figures.grants)} refills of {BATCH}, {_note(figures)}")


@scenario("calls.local_grant.p50", MS)
def local_grant_p50(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("calls.local_grant.p50", figures.grants.percentile_ms(50), MS,
                  note=f"{len(figures.grants)} refills of {BATCH}, {_note(figures)}")


@scenario("calls.db_build", MS)
def db_build(context: RunContext) -> Result:
    database = _figures(context).database
    note = f"{database.contacts:,} contacts" + (", cached" if database.cached else "")
    return Result("calls.db_build", database.build_ms, MS, note=note)
