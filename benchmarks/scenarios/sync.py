"""Sync against real server databases: bulk push and pull, contact leases, idle rounds.

Every measurement creates its own uniquely named database on the server
(``AGENTDESK_BENCH_POSTGRES_URL``, ``AGENTDESK_BENCH_MARIADB_URL``; by default the local test
servers) and drops it when the run ends. An unreachable server makes the scenario crash with
the reason on stderr, like any other failure.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from agentdesk.domain.ids import new_id
from agentdesk.services.clock import SystemClock
from agentdesk.store import migrate
from agentdesk.store.database import Database
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.catalogue import call_lists, campaigns
from agentdesk.store.schema.contacts import contacts, customers
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.work import calls
from agentdesk.sync import leases
from agentdesk.sync.bulk import chunks
from agentdesk.sync.client import SyncClient
from agentdesk.sync.connection import server_engine
from agentdesk.sync.server import ServerStore
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, PER_SECOND, Goal, Result
from benchmarks.timing import Samples, time_each, time_once

POSTGRES_URL = os.environ.get("AGENTDESK_BENCH_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MARIADB_URL = os.environ.get("AGENTDESK_BENCH_MARIADB_URL",
                             "mysql+pymysql://root@127.0.0.1:3306/test")
SEED = 2026
COUNT = "count"
AGENTS = 50
CAMPAIGNS = 4
LEASE_BATCH = 10
FLOOR_REPEATS = 3
PUSH_GOAL = Goal(max_ratio=2.0)
PULL_GOAL = Goal(max_ratio=1.5)
LEASE_GOAL = Goal(min_value=2000)
NO_DUPLICATES = Goal(max_value=0)
# Contacts per call list on MariaDB. Without an index in the grant's ORDER BY, every grant
# locks every due contact of the list until it commits; with 100,000 contacts, 50 such
# transactions filled the 128 MB InnoDB buffer pool of a default install with lock heaps and
# the server aborted itself.
MARIADB_POOL = 10_000


class ServerUnreachable(RuntimeError):
    """The server database to benchmark against cannot be reached."""


# ---------------------------------------------------------------------- server databases
def _admin_engine(admin_url: str) -> Engine:
    return sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool,
                            connect_args={"connect_timeout": 5})


def fresh_database(context: RunContext, admin_url: str, label: str) -> str:
    """Create a uniquely named database next to ``admin_url``'s; dropped when the run ends.

    Raises:
        ServerUnreachable: the server refused or did not answer.
    """
    name = f"agentdesk_bench_{label}_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine(admin_url)
    shown = sa.engine.make_url(admin_url).render_as_string(hide_password=True)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    except sa.exc.DBAPIError as exc:
        raise ServerUnreachable(f"server database {shown} unreachable: {exc.orig}") from None

    def drop() -> None:
        force = " WITH (FORCE)" if admin.dialect.name == "postgresql" else ""
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}{force}")
        except sa.exc.DBAPIError as exc:  # the table of results still gets printed
            print(f"could not drop database {name} on {shown}: {exc.orig}", file=sys.stderr)

    context.on_close(drop)
    return sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """Return a ``postgresql+psycopg://`` URL as psycopg itself takes it."""
    return sa.engine.make_url(url).set(drivername="postgresql").render_as_string(
        hide_password=False)


def server_url(context: RunContext, backend: str, label: str) -> str:
    """Return the URL of a new empty server database on ``backend``."""
    if backend == "postgresql":
        return fresh_database(context, POSTGRES_URL, label)
    if backend == "mariadb":
        return fresh_database(context, MARIADB_URL, label)
    return f"sqlite:///{context.work_dir / f'{label}-server.db'}"


def init_server(context: RunContext, url: str) -> ServerStore:
    """Create the schema in the database at ``url`` and return its store."""
    engine = server_engine(url)
    migrate.upgrade(engine, role=migrate.SERVER)
    server = ServerStore(engine)
    context.on_close(server.dispose)
    return server


def open_station(context: RunContext, server: ServerStore, name: str) -> SyncClient:
    """Return the sync client of a new empty workstation database."""
    database = Database.open(context.work_dir / f"{name}-{uuid.uuid4().hex[:6]}.db")
    migrate.upgrade_local(database)
    context.on_close(database.close)
    return SyncClient(database, server, workstation_id=name, clock=SystemClock())


# ---------------------------------------------------------------------- rows
def _meta(now: datetime, **values: Any) -> dict[str, Any]:
    return {"id": new_id(), "site": DEFAULT_SITE, "version": 1, "updated_at": now,
            "deleted_at": None, **values}


@dataclass(frozen=True)
class Parents:
    """The reference rows calls and contacts point to, as the server's import tools write them."""

    plan: list[tuple[sa.Table, list[dict[str, Any]]]]

    @property
    def agent_ids(self) -> list[uuid.UUID]:
        """The agents (users) ids."""
        return [row["id"] for table, rows in self.plan if table.name == "users" for row in rows]

    @property
    def campaign_ids(self) -> list[uuid.UUID]:
        """The campaigns ids."""
        return [row["id"] for table, rows in self.plan if table.name == "campaigns"
                for row in rows]

    def insert(self, conn: Connection) -> None:
        """Insert the rows, parents first."""
        for table, rows in self.plan:
            if rows:
                conn.execute(table.insert(), rows)


def make_parents(now: datetime) -> Parents:
    """Return a team of :data:`AGENTS` agents and :data:`CAMPAIGNS` campaigns."""
    team = _meta(now, name="一组", supervisor_id=None)
    agents = [_meta(now, username=f"agent{n:03d}", display_name=f"坐席{n}", role="agent",
                    team_id=team["id"], password_hash="!", active=True, locale="zh_CN")
              for n in range(AGENTS)]
    campaign_rows = [_meta(now, code=f"C{n}", name=f"活动{n}", name_en=f"Campaign {n}",
                           direction="outbound", status="active", starts_on=None, ends_on=None,
                           description="", wrapup_seconds=30, max_attempts=5, calling_from=None,
                           calling_until=None)
                     for n in range(CAMPAIGNS)]
    return Parents([(teams, [team]), (users, agents), (campaigns, campaign_rows)])


def seed_parents(server: ServerStore, parents: Parents) -> None:
    """Write ``parents`` on the server with change-log entries, so workstations pull them."""
    with server.engine.begin() as conn:
        parents.insert(conn)
        server.log_rows(conn, [(row["site"], table.name, row["id"])
                               for table, rows in parents.plan for row in rows])


def call_rows(parents: Parents, count: int) -> list[dict[str, Any]]:
    """Return ``count`` finished calls as agents record them: 60 % answered, most outbound."""
    rng = random.Random(SEED)
    agents, campaign_ids = parents.agent_ids, parents.campaign_ids
    start = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    rows = []
    for n in range(count):
        started = start + timedelta(seconds=n * 2 + rng.randrange(2))
        ring = timedelta(seconds=rng.randrange(3, 30))
        answered = rng.random() < 0.6
        talk = rng.randrange(15, 900) if answered else 0
        ended = started + ring + timedelta(seconds=talk)
        reason = "hangup" if answered else rng.choice(("no_answer", "busy", "rejected"))
        rows.append(_meta(
            ended, campaign_id=rng.choice(campaign_ids), contact_id=None, customer_id=None,
            agent_id=rng.choice(agents), direction="outbound" if rng.random() < 0.8 else "inbound",
            e164=f"+86139{rng.randrange(10 ** 8):08d}", started_at=started,
            answered_at=started + ring if answered else None, ended_at=ended,
            end_reason=reason, talk_seconds=talk, recording_consent=True if answered else None,
            lease_token=None,
        ))
    return rows


def queue_calls(database: Database, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``rows`` into the workstation's calls and queue each, as the call screen does."""
    now = datetime.now(UTC)
    for part in chunks(rows, 5000):
        with database.write() as conn:
            conn.execute(calls.insert(), list(part))
            for row in part:
                queue_mutation(conn, calls, row, base_version=None, now=now)


def _naive(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _count(engine: Engine, table: sa.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


# ---------------------------------------------------------------------- push and pull
@dataclass(frozen=True)
class PushFigures:
    """A push of the outbox and the COPY of the same rows, in milliseconds."""

    rows: int
    push_ms: float
    copy_ms: float
    server: ServerStore
    url: str


def call_count(context: RunContext) -> int:
    """Return how many calls the push and the pull move."""
    return context.pick(quick=10_000, full=100_000)


def measure_copy(context: RunContext, parents: Parents, rows: Sequence[dict[str, Any]]) -> float:
    """Return the median time of COPY-ing ``rows`` into calls of a fresh server database."""
    import psycopg

    url = server_url(context, "postgresql", "copy")
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    migrate.upgrade(engine, role=migrate.SERVER)
    with engine.begin() as conn:
        parents.insert(conn)
    engine.dispose()
    names = [c.name for c in calls.columns]
    records = [tuple(_naive(row[n]) for n in names) for row in rows]
    statement = f"COPY calls ({', '.join(names)}) FROM STDIN"
    timings = []
    with psycopg.connect(libpq_url(url)) as conn:
        for attempt in range(FLOOR_REPEATS):
            if attempt:
                conn.execute("TRUNCATE calls CASCADE")
                conn.commit()
            started = time.perf_counter()
            with conn.cursor() as cursor, cursor.copy(statement) as copy:
                for record in records:
                    copy.write_row(record)
            conn.commit()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure_push(context: RunContext) -> PushFigures:
    """Queue the calls on a workstation and push them; COPY them into a fresh database.

    Raises:
        AssertionError: the server did not acknowledge or store every row.
    """
    count = call_count(context)
    parents = make_parents(datetime.now(UTC))
    rows = call_rows(parents, count)
    copy_ms = measure_copy(context, parents, rows)
    url = server_url(context, "postgresql", "push")
    server = init_server(context, url)
    seed_parents(server, parents)
    client = open_station(context, server, "bench-push")
    client.pull_all()
    queue_calls(client.local, rows)
    (pushed, merged, refused), push_ms = time_once(client.push_all)
    assert (pushed, merged, refused) == (count, 0, 0), (pushed, merged, refused)
    stored = _count(server.engine, calls)
    assert stored == count, f"{stored} calls on the server, {count} pushed"
    return PushFigures(count, push_ms, copy_ms, server, url)


def _push(context: RunContext) -> PushFigures:
    return context.shared("sync.push", lambda: measure_push(context))


@scenario("sync.push_100k", MS)
def sync_push(context: RunContext) -> Result:
    figures = _push(context)
    return Result("sync.push_100k", figures.push_ms, MS, floor=figures.copy_ms,
                  floor_name="psycopg COPY", goal=PUSH_GOAL, note=f"{figures.rows:,} rows")


@dataclass(frozen=True)
class PullFigures:
    """A fresh workstation's pull and a raw fetch of the same calls, in milliseconds."""

    rows: int
    pull_ms: float
    fetch_ms: float


def measure_pull(context: RunContext) -> PullFigures:
    """Pull everything into a new workstation; fetch the calls with raw psycopg.

    Raises:
        AssertionError: the workstation did not receive every call.
    """
    import psycopg

    pushed = _push(context)
    timings = []
    with psycopg.connect(libpq_url(pushed.url)) as conn:
        for _ in range(FLOOR_REPEATS):
            started = time.perf_counter()
            with conn.cursor() as cursor:
                fetched = cursor.execute("SELECT * FROM calls").fetchall()
            conn.commit()
            timings.append((time.perf_counter() - started) * 1000)
    assert len(fetched) == pushed.rows
    client = open_station(context, pushed.server, "bench-pull")
    (pulled, _resynced), pull_ms = time_once(client.pull_all)
    assert pulled >= pushed.rows, f"pulled {pulled} rows, {pushed.rows} calls on the server"
    stored = _count(client.local.engine, calls)
    assert stored == pushed.rows, f"{stored} calls on the workstation, {pushed.rows} pushed"
    return PullFigures(pulled, pull_ms, statistics.median(timings))


@scenario("sync.pull_100k", MS)
def sync_pull(context: RunContext) -> Result:
    figures = context.shared("sync.pull", lambda: measure_pull(context))
    return Result("sync.pull_100k", figures.pull_ms, MS, floor=figures.fetch_ms,
                  floor_name="psycopg SELECT * FROM calls", goal=PULL_GOAL,
                  note=f"{figures.rows:,} rows")


# ---------------------------------------------------------------------- contact leases
Grant = tuple[str, int, datetime]  # contact id (hex), token, expiry (naive UTC)


@dataclass(frozen=True)
class LeaseRun:
    """What the agents were granted, and how long it took."""

    leases: int
    seconds: float
    duplicates: int

    @property
    def rate(self) -> float:
        """Leases per second."""
        return self.leases / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class LeaseFigures:
    """The lease rate of :func:`agentdesk.sync.leases.grant` and of one raw statement."""

    service: LeaseRun
    floor: LeaseRun
    pool: int


def count_duplicates(grants: Iterable[Grant], ttl: timedelta = leases.DEFAULT_TTL) -> int:
    """Return how many grants went to a contact whose earlier lease had not expired."""
    by_contact: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for contact_id, _token, expires in grants:
        by_contact[contact_id].append((expires - ttl, expires))
    duplicates = 0
    for held in by_contact.values():
        held.sort()
        duplicates += sum(later[0] < earlier[1] for earlier, later in pairwise(held))
    return duplicates


def run_agents(
    agents: int, budget_s: float, pool: int,
    make_agent: Callable[[int], Callable[[], list[Grant]]],
) -> LeaseRun:
    """Run ``agents`` threads granting until ``budget_s`` passes or all ``pool`` are leased.

    ``make_agent(n)`` prepares agent ``n`` (connections open) and returns its grant call. An
    empty grant before the pool is exhausted (every due row locked by others for a moment)
    is tried again after a millisecond.
    """
    calls_of = [make_agent(n) for n in range(agents)]
    start = threading.Barrier(agents + 1)
    granted: list[list[Grant]] = [[] for _ in range(agents)]
    ended: list[float] = [0.0] * agents
    errors: list[BaseException] = []
    deadline = [0.0]
    total = [0]
    lock = threading.Lock()

    def work(n: int) -> None:
        try:
            start.wait()
            while time.perf_counter() < deadline[0]:
                batch = calls_of[n]()
                with lock:
                    total[0] += len(batch)
                    exhausted = total[0] >= pool
                granted[n].extend(batch)
                if exhausted:
                    break
                if not batch:
                    time.sleep(0.001)
        except BaseException as exc:  # reported after the run
            errors.append(exc)
        finally:
            ended[n] = time.perf_counter()

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(agents)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + budget_s
    start.wait()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    everything = [grant for per_agent in granted for grant in per_agent]
    return LeaseRun(len(everything), max(ended) - began, count_duplicates(everything))


def seed_call_lists(server: ServerStore, parents: Parents, lists: int, per_list: int
                    ) -> list[uuid.UUID]:
    """Write ``lists`` call lists of ``per_list`` due contacts; return their ids."""
    now = datetime.now(UTC)
    rng = random.Random(SEED)
    campaign_id = parents.campaign_ids[0]
    owners = [_meta(now, customer_no=f"B{n:08d}", name=f"客户{n}", gender="unknown", city="",
                    language="zh", tags="", notes="", created_at=now) for n in range(1000)]
    list_rows = [_meta(now, campaign_id=campaign_id, name=f"名单{n}", source="benchmark",
                       imported_at=now, row_count=per_list, rejected_count=0)
                 for n in range(lists)]
    with server.engine.begin() as conn:
        parents.insert(conn)
        conn.execute(customers.insert(), owners)
        conn.execute(call_lists.insert(), list_rows)
        for call_list in list_rows:
            for start in range(0, per_list, 5000):
                conn.execute(contacts.insert(), [
                    _meta(now, call_list_id=call_list["id"], customer_id=owners[n % 1000]["id"],
                          e164=f"+86139{rng.randrange(10 ** 8):08d}", status="new",
                          priority=rng.randrange(3), attempts=0, next_attempt_at=None,
                          last_disposition="", time_zone="Asia/Shanghai", lease_token=0)
                    for n in range(start, min(start + 5000, per_list))
                ])
    with server.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE contacts" if server.dialect == "postgresql"
                             else "ANALYZE TABLE contacts")
    return [row["id"] for row in list_rows]


def leasable_sql(now: str) -> str:
    """Return the due, unleased contacts of one call list (``%s``), locked, SKIP LOCKED.

    Args:
        now: The server's UTC clock as an SQL expression.
    """
    statuses = ", ".join(f"'{s}'" for s in leases.LEASABLE)
    return (f"SELECT id, lease_token, {now} FROM contacts WHERE call_list_id = %s "
            f"AND status IN ({statuses}) AND deleted_at IS NULL "
            f"AND (next_attempt_at IS NULL OR next_attempt_at <= {now}) "
            f"AND (lease_expires_at IS NULL OR lease_expires_at <= {now}) "
            f"ORDER BY priority DESC, next_attempt_at, id LIMIT {LEASE_BATCH} "
            "FOR UPDATE SKIP LOCKED")


PG_NOW = "(now() AT TIME ZONE 'UTC')"
PG_GRANT = (
    f"WITH chosen AS ({leasable_sql(PG_NOW)}) "
    "UPDATE contacts c SET lease_agent_id = %s, lease_token = c.lease_token + 1, "
    "lease_expires_at = (now() AT TIME ZONE 'UTC') + interval '15 minutes' "
    "FROM chosen WHERE c.id = chosen.id RETURNING c.id, c.lease_token, c.lease_expires_at"
)
MARIADB_CHOOSE = leasable_sql("UTC_TIMESTAMP(6)")


def raw_agent(url: str, agent_id: uuid.UUID, list_id: uuid.UUID,
              opened: list[Callable[[], object]]) -> Callable[[], list[Grant]]:
    """Return the floor's grant: the same leases with the driver alone, fewest round trips.

    The connection's ``close`` goes to ``opened``.
    """
    if sa.engine.make_url(url).get_backend_name() == "postgresql":
        import psycopg

        pg = psycopg.connect(libpq_url(url), autocommit=True)
        opened.append(pg.close)

        def pg_grant() -> list[Grant]:
            rows = pg.execute(PG_GRANT, (list_id, agent_id)).fetchall()
            return [(row[0].hex, int(row[1]), row[2]) for row in rows]

        return pg_grant
    my = sa.create_engine(url, poolclass=sa.pool.NullPool,  # pymysql, as server_engine sets it
                          isolation_level="READ COMMITTED").raw_connection()
    opened.append(my.close)

    def mariadb_grant() -> list[Grant]:
        cursor = my.cursor()
        try:
            cursor.execute(MARIADB_CHOOSE, (list_id.hex,))
            chosen = cursor.fetchall()
            if chosen:
                expires = chosen[0][2] + leases.DEFAULT_TTL
                ids = [row[0] for row in chosen]
                cursor.execute(
                    "UPDATE contacts SET lease_agent_id = %s, lease_token = lease_token + 1, "
                    f"lease_expires_at = %s WHERE id IN ({', '.join(['%s'] * len(ids))})",
                    (agent_id.hex, expires, *ids))
        finally:
            cursor.close()
        my.commit()
        return [(str(row[0]), int(row[1]) + 1, expires) for row in chosen]

    return mariadb_grant


def service_agent(url: str, agent_id: uuid.UUID, list_id: uuid.UUID
                  ) -> tuple[Callable[[], list[Grant]], ServerStore]:
    """Return one agent's grant through :func:`agentdesk.sync.leases.grant` and its store."""
    store = ServerStore(server_engine(url))
    store.head(DEFAULT_SITE)  # opens the connection before the clock starts

    def grant() -> list[Grant]:
        return [(lease.contact_id.hex, lease.token,
                 lease.expires_at.astimezone(UTC).replace(tzinfo=None))
                for lease in leases.grant(store, agent_id, [list_id], LEASE_BATCH)]

    return grant, store


def measure_leases(context: RunContext, backend: str) -> LeaseFigures:
    """Let :data:`AGENTS` agents lease from one call list each way: service, then raw SQL."""
    per_list = context.pick(quick=5_000, full=100_000)
    if backend == "mariadb":
        per_list = min(per_list, MARIADB_POOL)
    budget = context.pick(quick=2.0, full=15.0)
    url = server_url(context, backend, "lease")
    server = init_server(context, url)
    parents = make_parents(datetime.now(UTC))
    service_list, floor_list = seed_call_lists(server, parents, 2, per_list)
    agents = parents.agent_ids
    stores: list[ServerStore] = []

    def make_service(n: int) -> Callable[[], list[Grant]]:
        grant, store = service_agent(url, agents[n], service_list)
        stores.append(store)
        return grant

    try:
        service = run_agents(AGENTS, budget, per_list, make_service)
    finally:
        for store in stores:
            store.dispose()
    opened: list[Callable[[], object]] = []
    try:
        floor = run_agents(AGENTS, budget, per_list,
                           lambda n: raw_agent(url, agents[n], floor_list, opened))
    finally:
        for close in opened:
            close()
    return LeaseFigures(service, floor, per_list)


def _lease_results(context: RunContext, backend: str, name: str) -> tuple[Result, Result]:
    figures = context.shared(f"{name}.measure", lambda: measure_leases(context, backend))
    floor_name = "one raw SKIP LOCKED statement" if backend == "postgresql" else (
        "raw pymysql SKIP LOCKED")
    service, floor = figures.service, figures.floor
    note = (f"{service.leases:,} leases in {service.seconds:.1f} s, batch {LEASE_BATCH}, "
            f"pool {figures.pool:,}")
    rate = Result(name, service.rate, PER_SECOND, floor=floor.rate, floor_name=floor_name,
                  goal=LEASE_GOAL, note=note)
    duplicates = Result(f"{name}.duplicates", float(service.duplicates), COUNT,
                        floor=float(floor.duplicates), floor_name=floor_name,
                        goal=NO_DUPLICATES)
    return rate, duplicates


@scenario("lease.rate_50_agents", PER_SECOND)
def lease_rate_postgresql(context: RunContext) -> Result:
    return _lease_results(context, "postgresql", "lease.rate_50_agents")[0]


@scenario("lease.rate_50_agents.duplicates", COUNT)
def lease_duplicates_postgresql(context: RunContext) -> Result:
    return _lease_results(context, "postgresql", "lease.rate_50_agents")[1]


@scenario("lease.rate_50_agents.mariadb", PER_SECOND)
def lease_rate_mariadb(context: RunContext) -> Result:
    return _lease_results(context, "mariadb", "lease.rate_50_agents.mariadb")[0]


@scenario("lease.rate_50_agents.mariadb.duplicates", COUNT)
def lease_duplicates_mariadb(context: RunContext) -> Result:
    return _lease_results(context, "mariadb", "lease.rate_50_agents.mariadb")[1]


# ---------------------------------------------------------------------- idle rounds
@dataclass(frozen=True)
class IdleFigures:
    """Idle sync rounds and ``SELECT 1`` round trips on the same server."""

    rounds: Samples
    floor: Samples


def measure_idle(context: RunContext, backend: str) -> IdleFigures:
    """Time rounds with nothing to push or pull, after a first round that pulled everything.

    Raises:
        AssertionError: a timed round moved something.
    """
    server = init_server(context, server_url(context, backend, "idle"))
    seed_parents(server, make_parents(datetime.now(UTC)))
    client = open_station(context, server, f"bench-idle-{backend}")
    client.run_round()
    count = context.pick(quick=200, full=1_000)
    warmup = range(20)
    raw = server.engine.raw_connection()
    context.on_close(raw.close)

    def select_one(_: int) -> None:
        cursor = raw.cursor()
        cursor.execute("SELECT 1")
        cursor.fetchall()
        cursor.close()

    def idle_round(_: int) -> None:
        report = client.run_round()
        assert report.pushed == report.pulled == 0, report

    floor = time_each(select_one, range(count), warmup=warmup)
    raw.rollback()  # leaves no transaction open during the rounds
    rounds = time_each(idle_round, range(count), warmup=warmup)
    return IdleFigures(rounds, floor)


def _idle_result(context: RunContext, backend: str, name: str, percentile: int) -> Result:
    figures = context.shared(f"{name}.measure", lambda: measure_idle(context, backend))
    return Result(f"{name}.p{percentile}", figures.rounds.percentile_ms(percentile), MS,
                  floor=figures.floor.percentile_ms(percentile),
                  floor_name=f"SELECT 1 on {backend}", note=f"{len(figures.rounds)} rounds")


def _register_idle(backend: str, name: str) -> None:
    for percentile in (50, 99):
        def measure(context: RunContext, percentile: int = percentile) -> Result:
            return _idle_result(context, backend, name, percentile)

        scenario(f"{name}.p{percentile}", MS)(measure)


_register_idle("postgresql", "sync.idle_round_trip")
_register_idle("mariadb", "sync.idle_round_trip.mariadb")
_register_idle("sqlite", "sync.idle_round_trip.sqlite")
