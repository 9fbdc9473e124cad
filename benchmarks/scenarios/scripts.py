"""Call scripts: the funnel of a version over a month of calls, and one step on a keypress.

``ScriptService.funnel()`` reads every call that followed a script version (its stored path
and latest disposition) and counts, per step and per answer, how far the calls got. It is
timed on 200,000 calls (40,000 with ``--quick``) of the demo's outbound script, each with a
path made by walking the script to its disposition, against raw ``sqlite3`` running the same
join and parsing every path. The database is made by ``open_workspace`` and filled with raw
``sqlite3`` in SQLAlchemy's storage format, and cached under ``benchmarks/.cache``.

The step on screen is rendered and answered on every keypress of the call: the greeting's
text filled with a call's values and its first answer chosen, against ``str.format_map`` of
the same text.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from agentdesk.domain.people import Role, User
from agentdesk.domain.script_versions import Funnel
from agentdesk.domain.script_walk import ScriptWalk, walk_path
from agentdesk.domain.scripts import Script, render, script_from_data
from agentdesk.services.clock import FixedClock
from agentdesk.services.demo.scripts import routes_to
from agentdesk.services.demo.sources import load
from agentdesk.services.workspace import LOCAL_DB, open_workspace
from agentdesk.store.migrate import head_revision
from benchmarks.call_rows import insert_calls, sqlite_stamp, uuid7_at
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

BUILD_FORMAT = 2
"""Bump when the generated rows change, so cached databases are rebuilt."""

US = "us"
FUNNEL_GOAL = Goal(max_ratio=3.0)
RENDER_GOAL = Goal(max_value=50.0)
FUNNEL_FLOOR = "raw sqlite3 join + json.loads"
RENDER_FLOOR = "str.format_map"
SEED = 2026
AGENTS = 40
DAYS = 30
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
OBJECTION_RATE = 0.25  # of answered calls: an objection raised at an offer, and left
CORRECTION_RATE = 0.01  # of calls ending in a "contact" code: the code corrected later
_STAMP = "2026-10-01 00:00:00.000000"

# What an outbound call ends with, per mille of all calls: 1.5 % sales. The codes the script
# has no answer for are calls nobody answered: they only showed the first step.
CALL_MIX = (
    ("NO_ANSWER", 380), ("BUSY", 60), ("POWER_OFF", 80), ("EMPTY_NUMBER", 15),
    ("HUNG_UP", 70), ("WRONG_NUMBER", 20), ("CALLBACK", 80), ("NOT_INTERESTED", 180),
    ("TOO_EXPENSIVE", 50), ("HAS_SIMILAR", 40), ("DNC", 10), ("SALE", 15),
)
UNANSWERED = frozenset({"NO_ANSWER", "BUSY", "POWER_OFF", "EMPTY_NUMBER"})
CORRECTIONS = ("NOT_INTERESTED", "TOO_EXPENSIVE", "HAS_SIMILAR")

# A call's values as the console fills them (services.scripts.call_values).
CALL_VALUES = {
    "customer.name": "王秀英", "customer.no": "C00012345", "customer.city": "杭州",
    "customer.tenure": "6", "customer.address": "浙江省杭州市西湖区文三路 398 号",
    "agent.name": "李娜", "agent.no": "A1024", "campaign.name": "5G 套餐升级",
    "offer.name": "5G 畅享 129 元套餐", "offer.price": "¥129.00",
    "offer.valid_until": "2026-12-31", "today": "2026-11-23",
}

# The join ScriptService.funnel runs (store.scripts.funnel_rows), as SQLAlchemy writes it.
FUNNEL_SQL = """
SELECT calls.id, calls.script_path, disposition_codes.category
FROM calls LEFT OUTER JOIN dispositions
       ON dispositions.call_id = calls.id AND dispositions.deleted_at IS NULL
     LEFT OUTER JOIN disposition_codes
       ON disposition_codes.id = dispositions.disposition_code_id
WHERE calls.script_id = ? AND calls.deleted_at IS NULL
ORDER BY calls.id, dispositions.at
"""


def demo_source() -> dict[str, Any]:
    """Return the demo's first script (the outbound one) as its data file holds it."""
    source: dict[str, Any] = load("scripts")["scripts"][0]
    return source


def demo_script() -> Script:
    """Return the demo's outbound script."""
    source = demo_source()
    return script_from_data({"start": source["start"], "steps": source["steps"],
                             "objections": source["objections"],
                             "values": source.get("values", {})})






@dataclass(frozen=True, slots=True)
class ScriptDatabase:
    """A built workspace whose calls followed one script version.

    Attributes:
        directory: The workspace directory (the database is ``agentdesk.db`` in it).
        script_id: The version the calls followed.
        calls: How many calls followed it.
        sales: Of those, how many ended in a sale.
        build_ms: How long building it took.
        cached: True when an earlier run built it.
    """

    directory: Path
    script_id: uuid.UUID
    calls: int
    sales: int
    build_ms: float
    cached: bool

    @property
    def path(self) -> Path:
        """The database file."""
        return self.directory / LOCAL_DB


class _Builder:
    """Generates the rows; every random draw comes from one seeded stream."""

    def __init__(self, count: int) -> None:
        self.rng = random.Random(SEED)
        self.count = count
        self.script = demo_script()
        created = datetime(2026, 9, 1, tzinfo=UTC)
        self.campaign_id, self.script_id = (uuid7_at(self.rng, created) for _ in range(2))
        self.agent_ids = [uuid7_at(self.rng, created) for _ in range(AGENTS)]
        campaign = next(c for c in load("campaigns")["campaigns"]
                        if c["code"] == demo_source()["campaign"])
        self.codes = {code: (uuid7_at(self.rng, created).hex, category)
                      for code, _, _, category, _ in campaign["dispositions"]}
        self.campaign = campaign
        self.routes = {code: routes_to(self.script, code) for code, _ in CALL_MIX
                       if code not in UNANSWERED}
        self.objections = {step_id: next(
            i for i, a in enumerate(self.script.steps[step_id].answers)
            if a.next is None and not a.ends_call) for step_id in self.script.objections}
        self.objection_prone = {step.id for step in self.script.steps.values()
                                if any(a.next in self.objections for a in step.answers)}
        self.sales = 0

    def reference_rows(self, conn: sqlite3.Connection) -> None:
        """The campaign with its codes, the agents and the published script version."""
        meta = ("default", 1, _STAMP, None)
        campaign = self.campaign
        conn.execute(
            "INSERT INTO campaigns (id, site, version, updated_at, deleted_at, code, name, "
            "name_en, direction, status, description, wrapup_seconds, max_attempts, "
            "calling_from, calling_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.campaign_id.hex, *meta, campaign["code"], campaign["name"],
             campaign.get("name_en", ""), "outbound", "running", "", 30, 5,
             "09:00:00.000000", "21:00:00.000000"))
        conn.executemany(
            "INSERT INTO disposition_codes (id, site, version, updated_at, deleted_at, "
            "campaign_id, code, label, label_en, category, retry_minutes, sort_order) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(self.codes[code][0], *meta, self.campaign_id.hex, code, label, label_en,
              category, retry, n)
             for n, (code, label, label_en, category, retry)
             in enumerate(campaign["dispositions"])])
        conn.executemany(
            "INSERT INTO users (id, site, version, updated_at, deleted_at, username, "
            "display_name, role, team_id, password_hash, active, locale) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(agent_id.hex, *meta, f"agent{n:02d}", f"坐席{n:02d}", Role.AGENT.value, None,
              "!", 1, "zh_CN") for n, agent_id in enumerate(self.agent_ids)])
        source = demo_source()
        body = {"start": source["start"], "steps": source["steps"],
                "objections": source["objections"], "values": source.get("values", {})}
        conn.execute(
            "INSERT INTO scripts (id, site, version, updated_at, deleted_at, campaign_id, "
            "name, direction, script_version, body, published_at, change_note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.script_id.hex, *meta, self.campaign_id.hex, source["name"], "outbound", 1,
             json.dumps(body, ensure_ascii=False), _STAMP, ""))

    def path(self, code: str) -> str:
        """A stored path ending in ``code``: one of the ways there, maybe an objection.

        Some calls raise an objection from the library at the first step whose own answers
        lead to objections (an offer), read its article and go back.
        """
        rng = self.rng
        walk = ScriptWalk(self.script)
        routes = self.routes.get(code)
        if routes:
            objecting = rng.random() < OBJECTION_RATE
            for index in rng.choice(routes):
                if objecting and walk.current.id in self.objection_prone:
                    raised = rng.choice(self.script.objections)
                    walk.raise_objection(raised)
                    walk.choose(self.objections[raised])  # read the article, go back
                    objecting = False
                walk.choose(index)
        return json.dumps(walk_path(walk), ensure_ascii=False, separators=(",", ":"))

    def rows(self) -> Iterator[tuple[tuple[object, ...], list[tuple[object, ...]]]]:
        """Yield each call with its dispositions, in the order they were made."""
        rng = self.rng
        codes = rng.choices([c for c, _ in CALL_MIX], [w for _, w in CALL_MIX], k=self.count)
        first = NOW - timedelta(days=DAYS)
        spacing = DAYS * 86_400 / self.count
        for n, code in enumerate(codes):
            started = first + timedelta(seconds=n * spacing + rng.random() * spacing)
            agent = self.agent_ids[rng.randrange(AGENTS)].hex
            answered = None if code in UNANSWERED else started + timedelta(
                seconds=rng.randrange(3, 25))
            talk = 0 if answered is None else rng.randrange(10, 420)
            ended = (answered or started + timedelta(seconds=30)) + timedelta(seconds=talk)
            call_id = uuid7_at(rng, started).hex
            call = (call_id, "default", 1, sqlite_stamp(ended), None, self.campaign_id.hex, None,
                    None, agent, "outbound", f"+86138{rng.randrange(10**8):08d}",
                    sqlite_stamp(started), None if answered is None else sqlite_stamp(answered),
                    sqlite_stamp(ended), "no_answer" if answered is None else "hangup", talk, None,
                    None, self.script_id.hex, self.path(code))
            chosen = [code]
            if code in CORRECTIONS and rng.random() < CORRECTION_RATE:
                chosen.append(rng.choice([c for c in CORRECTIONS if c != code]))
            self.sales += self.codes[chosen[-1]][1] == "sale"
            dispositions: list[tuple[object, ...]] = []
            for k, name in enumerate(chosen):
                at = ended + timedelta(seconds=20 + 600 * k)
                dispositions.append((uuid7_at(rng, at).hex, "default", 1, sqlite_stamp(at), None,
                                     call_id, self.codes[name][0], agent, "", sqlite_stamp(at)))
            yield call, dispositions


CALL_SQL = (
    "INSERT INTO calls (id, site, version, updated_at, deleted_at, campaign_id, contact_id, "
    "customer_id, agent_id, direction, e164, started_at, answered_at, ended_at, end_reason, "
    "talk_seconds, recording_consent, lease_token, script_id, script_path) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
DISPOSITION_SQL = (
    "INSERT INTO dispositions (id, site, version, updated_at, deleted_at, call_id, "
    "disposition_code_id, agent_id, notes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def build(directory: Path, count: int) -> _Builder:
    """Make a workspace in ``directory`` and fill it with ``count`` calls of one version."""
    open_workspace(directory, FixedClock(NOW)).close()
    builder = _Builder(count)
    conn = sqlite3.connect(directory / LOCAL_DB, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        builder.reference_rows(conn)
        insert_calls(conn, builder.rows(), CALL_SQL, DISPOSITION_SQL)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return builder


def ensure_database(cache_dir: Path, count: int) -> ScriptDatabase:
    """Return the cached workspace of ``count`` calls, building it if needed."""
    directory = cache_dir / f"scripts-{count}-rev{head_revision()}-fmt{BUILD_FORMAT}"
    meta = directory / "build.json"
    cached = meta.exists() and (directory / LOCAL_DB).exists()
    if not cached:
        partial = directory.with_name(directory.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        builder = build(partial, count)
        (partial / "build.json").write_text(json.dumps({
            "script_id": str(builder.script_id), "calls": count, "sales": builder.sales,
            "build_ms": (time.perf_counter() - started) * 1000,
        }) + "\n", encoding="utf-8")
        shutil.rmtree(directory, ignore_errors=True)
        os.replace(partial, directory)
    recorded = json.loads(meta.read_text(encoding="utf-8"))
    return ScriptDatabase(directory, uuid.UUID(recorded["script_id"]), int(recorded["calls"]),
                          int(recorded["sales"]), float(recorded["build_ms"]), cached)


# ---------------------------------------------------------------------- the funnel
@dataclass(frozen=True, slots=True)
class FunnelFigures:
    """Timings of the funnel and of the raw join, and the data they ran on."""

    service: Samples
    floor: Samples
    database: ScriptDatabase
    funnel: Funnel


def raw_funnel_rows(conn: sqlite3.Connection, script_id: uuid.UUID) -> int:
    """Run the funnel's join and parse every path; return how many rows it read."""
    rows = 0
    loads = json.loads
    for _call_id, path, _category in conn.execute(FUNNEL_SQL, (script_id.hex,)):
        if path:
            loads(path)
        rows += 1
    return rows


def measure_funnel(context: RunContext) -> FunnelFigures:
    """Time ``ScriptService.funnel()`` and the raw join on the same workspace.

    Raises:
        AssertionError: the funnel does not count the calls and sales that were made.
    """
    built = ensure_database(context.cache_dir, context.pick(quick=40_000, full=200_000))
    runs = context.pick(quick=3, full=5)
    workspace = open_workspace(built.directory, FixedClock(NOW))
    context.on_close(workspace.close)
    user = User(uuid.UUID(int=1), "bench", "坐席", Role.SUPERVISOR, None)
    service = workspace.scripts_for(user)
    raw = sqlite3.connect(built.path)
    context.on_close(raw.close)

    funnel = service.funnel(built.script_id)  # also reads the file into the page cache
    assert (funnel.calls, funnel.sales) == (built.calls, built.sales), (funnel.calls,
                                                                        funnel.sales)
    assert raw_funnel_rows(raw, built.script_id) >= built.calls
    floor = time_each(lambda _: raw_funnel_rows(raw, built.script_id), range(runs))
    timed = time_each(lambda _: service.funnel(built.script_id), range(runs))
    return FunnelFigures(timed, floor, built, funnel)


def _funnel(context: RunContext) -> FunnelFigures:
    return context.shared("script_funnel", lambda: measure_funnel(context))


@scenario("script_funnel", MS)
def script_funnel(context: RunContext) -> Result:
    figures = _funnel(context)
    funnel = figures.funnel
    note = (f"{funnel.calls:,} calls, {funnel.sales:,} sales, "
            f"median of {len(figures.service)}")
    return Result("script_funnel", figures.service.median_ms, MS,
                  floor=figures.floor.median_ms, floor_name=FUNNEL_FLOOR, goal=FUNNEL_GOAL,
                  note=note)


@scenario("script_funnel.db_build", MS)
def script_funnel_db_build(context: RunContext) -> Result:
    database = _funnel(context).database
    note = f"{database.calls:,} calls" + (", cached" if database.cached else "")
    return Result("script_funnel.db_build", database.build_ms, MS, note=note)


# ---------------------------------------------------------------------- one step
@dataclass(frozen=True, slots=True)
class RenderFigures:
    """Timings of showing and answering a step, and of ``str.format_map`` on its text."""

    service: Samples
    floor: Samples
    step: str


def nested_values(values: Mapping[str, str]) -> dict[str, SimpleNamespace]:
    """Return ``{"customer.name": v}`` as ``{"customer": namespace(name=v)}`` for format_map."""
    groups: dict[str, dict[str, str]] = {}
    for name, value in values.items():
        group, _, attribute = name.partition(".")
        groups.setdefault(group, {})[attribute] = value
    return {group: SimpleNamespace(**attributes) for group, attributes in groups.items()}


def measure_render(context: RunContext) -> RenderFigures:
    """Time rendering the greeting and choosing its first answer, and the bare format_map.

    Raises:
        AssertionError: the rendered text differs from the format_map one.
    """
    script = demo_script()
    step = script.steps[script.start]
    count, warmup = context.pick(quick=5_000, full=20_000), 1_000
    values = dict(CALL_VALUES)
    text = step.text
    nested = nested_values({**script.values, **values})
    assert render(text, {**script.values, **values}).plain == text.format_map(nested)

    def show_and_answer(walk: ScriptWalk) -> None:
        # What the script panel does: fill the step's text, then the agent presses 1.
        render(walk.current.text, {**walk.script.values, **values})
        walk.choose(0)

    walks = [ScriptWalk(script) for _ in range(count + warmup)]
    timed = time_each(show_and_answer, walks[warmup:], warmup=walks[:warmup])
    floor = time_each(lambda _: text.format_map(nested), range(count), warmup=range(warmup))
    return RenderFigures(timed, floor, step.id)


def _render(context: RunContext) -> RenderFigures:
    return context.shared("script_render", lambda: measure_render(context))


def _render_figure(name: str, p: int, goal: Goal | None) -> None:
    """Register ``name``: the ``p``-th percentile of a step shown and answered, in µs."""

    def measure_figure(context: RunContext) -> Result:
        figures = _render(context)
        note = f"step {figures.step}, {len(figures.service):,} runs" if goal else ""
        return Result(name, figures.service.percentile(p) * 1e6, US,
                      floor=figures.floor.percentile(p) * 1e6, floor_name=RENDER_FLOOR,
                      goal=goal, note=note)

    scenario(name, US)(measure_figure)


_render_figure("script_render.p99", 99, RENDER_GOAL)
_render_figure("script_render.p50", 50, None)
