"""Customer look-ups on a large local database: the screen pop and the search box."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agentdesk.domain.people import Role, User
from agentdesk.services.clock import SystemClock
from agentdesk.services.customers import SEARCH_LIMIT, CustomerService
from agentdesk.services.screen_pop import ScreenPopService
from agentdesk.services.workspace import open_workspace
from benchmarks.customer_db import (
    CustomerDatabase,
    customer_no_of,
    ensure_customer_database,
    name_of,
    phone_of,
)
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

FLOOR_NAME = "raw sqlite3"
SCREEN_POP_GOAL = Goal(max_value=1.0)
SEED = 2026
_MAX_CHAR = "\U0010ffff"

POP_SQL = ("SELECT c.* FROM customer_phones p JOIN customers c ON c.id = p.customer_id "
           "WHERE p.e164 = ?")
_SUMMARY = (
    "SELECT c.id, c.customer_no, c.name, c.city, c.tags, "
    "(SELECT p.e164 FROM customer_phones p WHERE p.customer_id = c.id AND p.deleted_at IS NULL "
    "ORDER BY p.is_primary DESC, p.id LIMIT 1) AS primary_e164 "
    "FROM customers c WHERE c.deleted_at IS NULL AND "
)
TAIL_SQL = _SUMMARY + (
    "c.id IN (SELECT customer_id FROM customer_phones WHERE deleted_at IS NULL "
    "AND tail_key >= ? AND tail_key < ?) ORDER BY c.name LIMIT ?")
NAME_PREFIX_SQL = _SUMMARY + "c.name >= ? AND c.name < ? ORDER BY c.name LIMIT ?"
NAME_CONTAINS_SQL = _SUMMARY + "instr(lower(c.name), ?) > 1 ORDER BY c.name LIMIT ?"


@dataclass(frozen=True, slots=True)
class Fixture:
    """The customer database of this run and the services open on it."""

    database: CustomerDatabase
    service: CustomerService
    screen_pop: ScreenPopService


def customer_count(context: RunContext) -> int:
    """Return how many customers the database of this run holds."""
    return context.pick(quick=100_000, full=1_000_000)


def read_through(path: Path) -> None:
    """Read ``path`` once so that every figure starts with the file in the OS cache."""
    with path.open("rb") as file:
        while file.read(1 << 24):
            pass


def _fixture(context: RunContext) -> Fixture:
    def make() -> Fixture:
        database = ensure_customer_database(context.cache_dir, customer_count(context))
        read_through(database.path)
        workspace = open_workspace(database.directory, SystemClock())
        context.on_close(workspace.close)
        user = User(id=uuid.uuid4(), username="bench", display_name="bench", role=Role.AGENT,
                    team_id=None)
        return Fixture(database, workspace.customers_for(user),
                       ScreenPopService(workspace.customer_repository))

    return context.shared("customers.fixture", make)


def _raw_connection(context: RunContext, database: CustomerDatabase) -> sqlite3.Connection:
    conn = sqlite3.connect(database.path)
    context.on_close(conn.close)
    return conn


def delivered_by_a_phone(e164: str, style: int) -> str:
    """Return ``e164`` as a switch or carrier delivers a caller id (mixed forms, like a trunk).

    ``+8613812345678``, ``8613812345678``, ``008613812345678``, ``13812345678`` or
    ``013812345678`` (a trunk prefix before a mobile number from another area).
    """
    national = e164[3:]
    forms = (e164, e164[1:], "00" + e164[1:], national, "0" + national)
    return forms[style % len(forms)]


# ---------------------------------------------------------------------- screen pop
@dataclass(frozen=True, slots=True)
class PopFigures:
    """Screen pop timings of the inbound pop and of the raw query, on the same numbers."""

    service: Samples
    floor: Samples


def measure_screen_pop(context: RunContext) -> PopFigures:
    """Pop random existing customers for inbound calls and through raw sqlite3.

    The timed path is the whole inbound screen pop, :meth:`ScreenPopService.lookup`: the
    caller id as the phone delivers it is normalized, then its customer is read.

    Raises:
        AssertionError: a pop found no customer or the wrong one.
    """
    fixture = _fixture(context)
    rng = random.Random(SEED)
    warmup, calls = 200, context.pick(quick=2_000, full=5_000)
    picked = [rng.randrange(fixture.database.customers) for _ in range(warmup + calls)]
    numbers = [phone_of(i) for i in picked]
    caller_ids = [delivered_by_a_phone(e164, n) for n, e164 in enumerate(numbers)]
    pop = fixture.screen_pop
    for index, caller_id in zip(picked[:warmup], caller_ids[:warmup], strict=True):
        found = pop.lookup(caller_id)
        assert found.known, f"no customer for {caller_id}"
        assert found.customer_no == customer_no_of(index), f"wrong customer for {caller_id}"
    conn = _raw_connection(context, fixture.database)

    def raw_pop(e164: str) -> None:
        rows = conn.execute(POP_SQL, (e164,)).fetchall()
        assert rows, f"no row for {e164}"

    floor = time_each(raw_pop, numbers[warmup:], warmup=numbers[:warmup])
    timed = time_each(pop.lookup, caller_ids[warmup:])
    return PopFigures(service=timed, floor=floor)


def _pop(context: RunContext) -> PopFigures:
    return context.shared("screen_pop", lambda: measure_screen_pop(context))


@scenario("screen_pop.p99", MS)
def screen_pop_p99(context: RunContext) -> Result:
    figures = _pop(context)
    return Result("screen_pop.p99", figures.service.percentile_ms(99), MS,
                  floor=figures.floor.percentile_ms(99), floor_name=FLOOR_NAME,
                  goal=SCREEN_POP_GOAL)


@scenario("screen_pop.p50", MS)
def screen_pop_p50(context: RunContext) -> Result:
    figures = _pop(context)
    return Result("screen_pop.p50", figures.service.percentile_ms(50), MS,
                  floor=figures.floor.percentile_ms(50), floor_name=FLOOR_NAME)


@scenario("screen_pop.db_build", MS)
def screen_pop_db_build(context: RunContext) -> Result:
    database = _fixture(context).database
    note = f"{database.customers:,} customers" + (", cached" if database.cached else "")
    return Result("screen_pop.db_build", database.build_ms, MS, note=note)


# ---------------------------------------------------------------------- search box
def _raw_search(conn: sqlite3.Connection) -> Callable[[str], None]:
    """Return the search of the repository written as raw SQL, for the floor."""

    def search(text: str) -> None:
        if text.isdigit():
            key = text[::-1]
            conn.execute(TAIL_SQL, (key, key + ":", SEARCH_LIMIT)).fetchall()
            return
        found = conn.execute(NAME_PREFIX_SQL, (text, text + _MAX_CHAR, SEARCH_LIMIT)).fetchall()
        if len(found) < SEARCH_LIMIT:
            conn.execute(NAME_CONTAINS_SQL, (text.lower(), SEARCH_LIMIT - len(found))).fetchall()

    return search


def _search_result(context: RunContext, name: str, texts: Sequence[str]) -> Result:
    fixture = _fixture(context)
    conn = _raw_connection(context, fixture.database)
    warmup = texts[: max(len(texts) // 10, 2)]
    floor = time_each(_raw_search(conn), texts, warmup=warmup)
    timed = time_each(fixture.service.search, texts, warmup=warmup)
    return Result(name, timed.percentile_ms(99), MS, floor=floor.percentile_ms(99),
                  floor_name=FLOOR_NAME)


def _sample_customers(context: RunContext, count: int, salt: int) -> list[int]:
    rng = random.Random(SEED + salt)
    return [rng.randrange(customer_count(context)) for _ in range(count)]


@scenario("customer_search.tail4.p99", MS)
def search_tail4(context: RunContext) -> Result:
    picked = _sample_customers(context, context.pick(quick=300, full=1_000), salt=1)
    texts = [phone_of(i)[-4:] for i in picked]
    return _search_result(context, "customer_search.tail4.p99", texts)


@scenario("customer_search.name_prefix.p99", MS)
def search_name_prefix(context: RunContext) -> Result:
    picked = _sample_customers(context, context.pick(quick=300, full=1_000), salt=2)
    texts = [name_of(i)[:1] for i in picked]
    return _search_result(context, "customer_search.name_prefix.p99", texts)


@scenario("customer_search.full_name.p99", MS)
def search_full_name(context: RunContext) -> Result:
    picked = _sample_customers(context, context.pick(quick=12, full=30), salt=3)
    texts = [name_of(i) for i in picked]
    return _search_result(context, "customer_search.full_name.p99", texts)
