"""The load simulator: N headless agents calling through real stores and real sync.

It answers "will our server hold 300 agents?". Each simulated agent owns a real workstation
database, leases contacts on the server, places simulated calls (outcomes drawn by fixed
odds), records results locally in one transaction each, and syncs every second. The run
happens in its own site (call center) on the server, so no real workstation ever pulls it,
and is removed afterwards unless asked to keep it. At the end it checks the invariants:

- every result a workstation recorded is on the server exactly once;
- no contact was leased to two agents at once (every grant has its own fencing token and
  no result was flagged as a possible double contact);
- every workstation converged: it holds exactly the server's rows and versions.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import statistics
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from agentdesk.domain.calls import ContactStatus, DispositionCategory
from agentdesk.domain.errors import KnownError
from agentdesk.domain.ids import new_id
from agentdesk.services.clock import SystemClock
from agentdesk.store import migrate
from agentdesk.store.call_results import CallResult, record_call_result
from agentdesk.store.database import Database
from agentdesk.store.schema import metadata
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customer_phones, customers
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.sync import (
    applied_mutations,
    change_log,
    sync_conflicts,
    sync_sequencer,
    workstations,
)
from agentdesk.sync.bulk import chunks
from agentdesk.sync.client import SyncClient
from agentdesk.sync.codec import synced_table_names
from agentdesk.sync.connection import server_engine
from agentdesk.sync.protocol import Lease, ServerUnavailable
from agentdesk.sync.server import ServerStore

CONTACTS_PER_AGENT = 200
LEASE_BATCH = 5
SYNC_EVERY_S = 1.0
RENEW_EVERY_S = 20.0
# (code, category, share of calls, contact status after, retry delay)
OUTCOMES = (
    ("no_answer", DispositionCategory.NO_CONTACT, 0.35, ContactStatus.RETRY, timedelta(hours=2)),
    ("busy", DispositionCategory.NO_CONTACT, 0.10, ContactStatus.RETRY, timedelta(hours=1)),
    ("not_interested", DispositionCategory.CONTACT, 0.30, ContactStatus.DONE, None),
    ("callback", DispositionCategory.CALLBACK, 0.10, ContactStatus.CALLBACK, timedelta(days=1)),
    ("sale", DispositionCategory.SALE, 0.12, ContactStatus.DONE, None),
    ("wrong_number", DispositionCategory.WRONG_NUMBER, 0.03, ContactStatus.INVALID, None),
)
CHECKED_TABLES = ("calls", "dispositions", "contacts", "customers", "customer_phones")


@dataclass
class SimulationReport:
    """The figures and invariant results of one simulation run."""

    backend: str
    agents: int
    seconds: float
    calls: int = 0
    leases: int = 0
    sync_rounds: int = 0
    failed_rounds: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    invariants: dict[str, bool] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True if every invariant held."""
        return bool(self.invariants) and all(self.invariants.values())

    def as_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values."""
        lat = sorted(self.latencies_ms)
        p50 = statistics.median(lat) if lat else 0.0
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 0.0
        return {
            "backend": self.backend, "agents": self.agents, "seconds": round(self.seconds, 1),
            "calls": self.calls, "calls_per_s": round(self.calls / self.seconds, 2)
            if self.seconds else 0.0,
            "sync_latency_ms": {"p50": round(p50, 1), "p99": round(p99, 1)},
            "leases": self.leases,
            "leases_per_s": round(self.leases / self.seconds, 2) if self.seconds else 0.0,
            "sync_rounds": self.sync_rounds, "failed_rounds": self.failed_rounds,
            "invariants": self.invariants, "problems": self.problems[:20],
            "passed": self.passed,
        }


@dataclass
class _Agent:
    number: int
    user_id: uuid.UUID
    client: SyncClient
    database: Database
    calls: dict[uuid.UUID, float] = field(default_factory=dict)  # call id -> local commit time
    grants: list[Lease] = field(default_factory=list)
    finished: list[uuid.UUID] = field(default_factory=list)  # called; released once pushed
    latencies_ms: list[float] = field(default_factory=list)
    rounds: int = 0
    failed: int = 0
    error: str = ""


class Simulation:
    """One simulation run against a server database.

    Args:
        server_url: The server database (initialized or upgraded first).
        agents: Number of simulated agents.
        seconds: How long they call.
        work_dir: Where the agents' workstation databases go.
        seed: Seed of the call outcomes.
        call_seconds: Mean simulated call length in wall-clock seconds.
        password: Server password, if the URL has none.
        keep: Leave the simulated site's rows on the server.
        progress: Called with short status lines.
    """

    def __init__(
        self,
        server_url: str,
        *,
        agents: int,
        seconds: float,
        work_dir: Path,
        seed: int = 1,
        call_seconds: float = 2.0,
        password: str | None = None,
        keep: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        if agents < 1 or seconds <= 0:
            raise KnownError("Give at least one agent and a positive duration",
                             code="invalid_input")
        self._server = ServerStore(server_engine(server_url, password=password))
        self._agents_wanted = agents
        self._seconds = seconds
        self._dir = work_dir
        self._seed = seed
        self._call_seconds = call_seconds
        self._keep = keep
        self._say = progress or (lambda _text: None)
        self.site = "sim-" + uuid.uuid4().hex[:8]
        self._clock = SystemClock()
        self._stop = threading.Event()

    # ------------------------------------------------------------------ run
    def run(self) -> SimulationReport:
        """Prepare, call, drain, check, clean up; return the report."""
        report = SimulationReport(self._server.dialect, self._agents_wanted, self._seconds)
        agents: list[_Agent] = []
        try:
            self._prepare_server()
            seeded = self._seed_site()
            agents = self._make_agents(seeded["users"])
            self._say(f"{len(agents)} agents calling for {self._seconds:g} s")
            started = time.perf_counter()
            threads = [threading.Thread(target=self._work, args=(a, seeded), daemon=True)
                       for a in agents]
            for thread in threads:
                thread.start()
            self._stop.wait(self._seconds)  # an agent that fails stops the run early
            self._stop.set()
            for thread in threads:
                thread.join(timeout=120)
            report.seconds = time.perf_counter() - started
            self._say("draining outboxes and converging")
            self._drain(agents)
            self._collect(report, agents)
            self._check(report, agents)
        finally:
            for agent in agents:
                agent.database.close()
            if not self._keep:
                self._remove_site()
            self._server.dispose()
        return report

    def _prepare_server(self) -> None:
        engine = self._server.engine
        try:
            if engine.dialect.name == "sqlite":
                migrate.upgrade(engine, role=migrate.SERVER)
            else:
                migrate.upgrade(engine)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise ServerUnavailable(f"Cannot reach the server database: {exc.orig}") from exc
        self._server.handshake()

    def _seed_site(self) -> dict[str, Any]:
        """Write the simulated call center on the server: team, agents, campaign, contacts."""
        now = self._clock.now()
        rng = random.Random(self._seed)
        site = self.site

        def row(**values: Any) -> dict[str, Any]:
            return {"id": new_id(), "site": site, "version": 1, "updated_at": now,
                    "deleted_at": None, **values}

        team = row(name=f"Simulation {site}", supervisor_id=None)
        agent_rows = [row(username=f"{site}-{n:03d}", display_name=f"Sim agent {n}",
                          role="agent", team_id=team["id"], password_hash="!", active=True,
                          locale="zh_CN") for n in range(1, self._agents_wanted + 1)]
        campaign = row(code=site.upper(), name="负载模拟", name_en="Load simulation",
                       direction="outbound", status="active", starts_on=None, ends_on=None,
                       description="", wrapup_seconds=0, max_attempts=5, calling_from=None,
                       calling_until=None)
        codes = [row(campaign_id=campaign["id"], code=code, label=code, label_en=code,
                     category=category.value,
                     retry_minutes=None if delay is None else int(delay.total_seconds() // 60),
                     sort_order=i)
                 for i, (code, category, _share, _status, delay) in enumerate(OUTCOMES)]
        call_list = row(campaign_id=campaign["id"], name="Simulation list", source="simulate",
                        imported_at=now, row_count=0, rejected_count=0)
        customer_rows, phone_rows, contact_rows = [], [], []
        total = self._agents_wanted * CONTACTS_PER_AGENT
        for n in range(total):
            e164 = f"+86139{rng.randrange(10**8):08d}"
            customer = row(customer_no=f"S{site[4:]}{n:07d}"[:16], name=f"模拟客户{n}",
                           gender="unknown", city="", language="zh", tags="", notes="",
                           created_at=now)
            customer_rows.append(customer)
            phone_rows.append(row(customer_id=customer["id"], e164=e164,
                                  tail_key=e164.lstrip("+")[::-1], kind="mobile", label="",
                                  is_primary=True))
            contact_rows.append(row(call_list_id=call_list["id"], customer_id=customer["id"],
                                    e164=e164, status="new", priority=rng.randrange(3),
                                    attempts=0, next_attempt_at=None, last_disposition="",
                                    time_zone="Asia/Shanghai", lease_token=0))
        call_list["row_count"] = total
        plan = [(teams, [team]), (users, agent_rows), (campaigns, [campaign]),
                (disposition_codes, codes), (call_lists, [call_list]),
                (customers, customer_rows), (customer_phones, phone_rows),
                (contacts, contact_rows)]
        with self._server.engine.begin() as conn:
            for table, rows in plan:
                for part in chunks(rows, 1000):
                    conn.execute(table.insert(), list(part))
            self._server.log_rows(conn, [(site, table.name, r["id"])
                                         for table, rows in plan for r in rows])
        self._say(f"seeded site {site}: {total} contacts")
        return {"users": [r["id"] for r in agent_rows], "campaign": campaign["id"],
                "call_list": call_list["id"],
                "codes": {code["code"]: code["id"] for code in codes}}

    def _make_agents(self, user_ids: list[uuid.UUID]) -> list[_Agent]:
        """Give each agent a workstation: the first syncs from scratch, the rest copy it."""
        self._dir.mkdir(parents=True, exist_ok=True)
        template_path = self._dir / "template.db"
        template = Database.open(template_path)
        migrate.upgrade_local(template)
        SyncClient(template, self._server, workstation_id=f"{self.site}-template",
                   clock=self._clock, site=self.site).run_round()
        template.close()
        agents = []
        for number, user_id in enumerate(user_ids, start=1):
            path = self._dir / f"agent-{number:03d}.db"
            with sqlite3.connect(template_path) as src, sqlite3.connect(path) as dst:
                src.backup(dst)
            src.close()
            dst.close()
            database = Database.open(path)
            client = SyncClient(database, self._server, workstation_id=f"{self.site}-{number:03d}",
                                clock=self._clock, site=self.site)
            agents.append(_Agent(number, user_id, client, database))
        return agents

    # ------------------------------------------------------------------ agents at work
    def _work(self, agent: _Agent, seeded: dict[str, Any]) -> None:
        rng = random.Random(self._seed * 1000 + agent.number)
        weights = [share for _code, _cat, share, _status, _delay in OUTCOMES]
        next_sync = time.perf_counter() + rng.uniform(0, SYNC_EVERY_S)
        next_renew = time.perf_counter() + RENEW_EVERY_S
        queue: list[Lease] = []

        def pause(seconds: float) -> None:
            """Wait, syncing in the background every second as the console does."""
            nonlocal next_sync
            until = time.perf_counter() + seconds
            while not self._stop.is_set():
                now = time.perf_counter()
                if now >= next_sync:
                    self._round(agent)
                    next_sync = time.perf_counter() + SYNC_EVERY_S
                    continue
                if now >= until:
                    return
                self._stop.wait(min(until, next_sync) - now)

        try:
            while not self._stop.is_set():
                if not queue:
                    try:
                        granted = agent.client.lease_contacts(agent.user_id,
                                                              [seeded["call_list"]], LEASE_BATCH)
                    except ServerUnavailable:
                        granted = []
                    agent.grants.extend(granted)
                    queue.extend(granted)
                    if not granted:
                        pause(0.5)
                if queue:
                    lease = queue.pop(0)
                    code, _cat, _share, status, delay = rng.choices(OUTCOMES, weights)[0]
                    length = rng.expovariate(1 / self._call_seconds)
                    pause(min(length, 4 * self._call_seconds))
                    end = self._clock.now()
                    answered = None if status is ContactStatus.RETRY else end - timedelta(
                        seconds=max(1, int(length * 30)))
                    call_id = record_call_result(agent.database, CallResult(
                        contact_id=lease.contact_id, agent_id=agent.user_id,
                        disposition_code_id=seeded["codes"][code],
                        started_at=end - timedelta(seconds=max(1, int(length * 40))),
                        answered_at=answered, ended_at=end,
                        end_reason="hangup" if answered else code, status=status,
                        retry_after=delay), campaign_id=seeded["campaign"], now=end)
                    agent.calls[call_id] = time.perf_counter()
                    agent.finished.append(lease.contact_id)
                now = time.perf_counter()
                if now >= next_renew:
                    with contextlib.suppress(ServerUnavailable):
                        agent.client.renew_leases(agent.user_id)
                    next_renew = now + RENEW_EVERY_S
            with contextlib.suppress(ServerUnavailable):
                agent.client.release_leases(agent.user_id, [lease.contact_id for lease in queue])
        except Exception as exc:  # noqa: BLE001 - reported as a failed invariant
            agent.error = f"agent {agent.number}: {type(exc).__name__}: {exc}"
            self._stop.set()

    def _round(self, agent: _Agent) -> None:
        committed_before = time.perf_counter()
        waiting = {c: t for c, t in agent.calls.items() if 0 <= t <= committed_before}
        finished, agent.finished = agent.finished, []
        try:
            agent.client.push_all()
            pushed_at = time.perf_counter()
            # Results are on the server now, so the contacts leave the pool by their status:
            # only then may their leases go back.
            agent.client.release_leases(agent.user_id, finished)
            agent.client.pull_all()
        except ServerUnavailable:
            agent.failed += 1
            agent.finished[:0] = finished
            return
        agent.rounds += 1
        agent.latencies_ms.extend((pushed_at - t) * 1000 for t in waiting.values())
        for call_id in waiting:
            agent.calls[call_id] = -1.0  # pushed; keep the id, drop the timing

    def _drain(self, agents: list[_Agent]) -> None:
        for _attempt in range(3):
            for agent in agents:
                agent.client.push_all()
            for agent in agents:
                agent.client.pull_all()

    # ------------------------------------------------------------------ invariants
    def _collect(self, report: SimulationReport, agents: list[_Agent]) -> None:
        for agent in agents:
            report.calls += len(agent.calls)
            report.leases += len(agent.grants)
            report.sync_rounds += agent.rounds
            report.failed_rounds += agent.failed
            report.latencies_ms.extend(agent.latencies_ms)
            if agent.error:
                report.problems.append(agent.error)

    def _check(self, report: SimulationReport, agents: list[_Agent]) -> None:
        with self._server.engine.connect() as conn:
            server_calls = set(conn.execute(sa.select(metadata.tables["calls"].c.id)
                                            .where(metadata.tables["calls"].c.site == self.site)
                                            ).scalars())
            doubles = conn.execute(sa.select(sa.func.count()).select_from(sync_conflicts).where(
                sync_conflicts.c.site == self.site, sync_conflicts.c.kind == "double_contact")
            ).scalar_one()
            server_rows = {name: self._versions(conn, name) for name in CHECKED_TABLES}
        written = [call_id for agent in agents for call_id in agent.calls]
        exactly_once = (len(written) == len(set(written)) and set(written) == server_calls)
        if not exactly_once:
            missing = len(set(written) - server_calls)
            extra = len(server_calls - set(written))
            report.problems.append(f"calls: {missing} missing on the server, {extra} unexpected")
        report.invariants["results_on_server_exactly_once"] = exactly_once
        grants = [(g.contact_id, g.token) for agent in agents for g in agent.grants]
        single = len(grants) == len(set(grants)) and doubles == 0
        if not single:
            report.problems.append(f"leases: {len(grants) - len(set(grants))} grants repeated, "
                                   f"{doubles} results under a stale lease")
        report.invariants["no_contact_leased_twice"] = single
        converged = True
        for agent in agents:
            with agent.database.read() as conn:
                for name in CHECKED_TABLES:
                    if self._versions(conn, name) != server_rows[name]:
                        converged = False
                        report.problems.append(f"agent {agent.number}: {name} differs")
                        break
            if agent.client.cursor() != self._server.head(self.site):
                converged = False
                report.problems.append(f"agent {agent.number}: cursor behind")
        report.invariants["all_workstations_converged"] = converged
        report.invariants["no_agent_failed"] = not any(a.error for a in agents)

    def _versions(self, conn: sa.Connection, name: str) -> dict[uuid.UUID, int]:
        table = metadata.tables[name]
        return {r.id: int(r.version) for r in conn.execute(
            sa.select(table.c.id, table.c.version).where(table.c.site == self.site))}

    def _remove_site(self) -> None:
        """Delete everything the run wrote on the server."""
        try:
            with self._server.engine.begin() as conn:
                for name in [*reversed(synced_table_names())]:
                    table = metadata.tables[name]
                    conn.execute(table.delete().where(table.c.site == self.site))
                conn.execute(change_log.delete().where(change_log.c.scope == self.site))
                conn.execute(sync_sequencer.delete().where(sync_sequencer.c.scope == self.site))
                conn.execute(applied_mutations.delete().where(
                    applied_mutations.c.workstation_id.like(f"{self.site}-%")))
                conn.execute(workstations.delete().where(
                    workstations.c.workstation_id.like(f"{self.site}-%")))
        except sa.exc.SQLAlchemyError as exc:
            self._say(f"could not remove site {self.site}: {exc}")


def simulate(server_url: str, *, agents: int, seconds: float, work_dir: Path,
             **options: Any) -> SimulationReport:
    """Run one simulation; see :class:`Simulation`."""
    return Simulation(server_url, agents=agents, seconds=seconds, work_dir=work_dir,
                      **options).run()


