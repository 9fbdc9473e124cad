"""Taking an order on a busy workstation: the commit of one order against a bare SQLite commit.

``OrderService.capture()`` checks and prices the order, finds its dispatch round with room,
and writes the order, its lines, its first event and their outbox entries in one
``BEGIN IMMEDIATE`` transaction that commits with ``synchronous=FULL``. What the agent waits for
cannot be less than one durable commit, so the floor is exactly that: one row inserted and
committed with raw ``sqlite3`` in a database beside the workspace, with the same pragmas.
``order.raw_write_*`` times what an order must write beyond that one row, in raw ``sqlite3``:
the order, its lines, its event and their outbox rows, into the workspace's tables and indexes.

The workspace holds 50,000 orders (10,000 with ``--quick``) taken over the past months at about
250 a day, each with its lines and its history (confirmed, dispatched, then delivered, failed,
refused or cancelled), built with the product's migrations and raw ``sqlite3`` and cached under
``benchmarks/.cache``; each run works on a copy. The timed orders are taken 7 minutes apart
on the workspace's clock, so each one meets the rounds a real agent would: those of the coming
days, with the day's orders already in them.
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
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path
from typing import Any

from agentdesk.domain.delivery import DEFAULT_ROUNDS, DeliveryCalendar, DeliveryRound, slot_for
from agentdesk.domain.dialing import center_today
from agentdesk.domain.order_form import OrderDraft
from agentdesk.domain.orders import DeliveryMethod, PaymentMethod, order_number
from agentdesk.domain.people import Role, User
from agentdesk.domain.pricing import OrderLineDraft
from agentdesk.domain.resident_id import check_digit
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import LOCAL_DB, open_workspace
from agentdesk.store.migrate import head_revision
from agentdesk.store.schema.catalogue import offers, products
from agentdesk.store.schema.orders import business_halls, delivery_rounds
from agentdesk.store.schema.people import users
from benchmarks.call_rows import sqlite_stamp, uuid7_at
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

BUILD_FORMAT = 1
"""Bump when the generated rows change, so cached databases are rebuilt."""

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # a Monday, 14:30 in Shanghai
COMMIT_GOAL = Goal(max_ratio=2.0)
FLOOR_NAME = "raw sqlite3: one row, BEGIN IMMEDIATE + COMMIT (WAL, synchronous=FULL)"
SEED = 2026
PER_DAY = 250  # orders a day, taken between 09:00 and 21:00
AGENTS = 40
CUSTOMERS = 20_000
CAPACITY = 200  # per round: two rounds a day
STEP = timedelta(minutes=7)  # the clock between two timed orders: about 205 a day
WARMUP = 20
_STAMP = "2026-05-01 00:00:00.000000"
RESIDENT_ID = "11010519900307123" + check_digit("11010519900307123")

# sku, name, name_en, kind, price (fen), real name
PRODUCTS = (
    ("P5G169", "5G 畅享套餐 169元", "5G Enjoy plan 169", "plan", 16900, True),
    ("P5G129", "5G 畅享套餐 129元", "5G Enjoy plan 129", "plan", 12900, True),
    ("HW-M60P", "华为 Mate 60 Pro", "Huawei Mate 60 Pro", "handset", 649900, False),
    ("XM-14", "小米 14", "Xiaomi 14", "handset", 399900, False),
    ("ADD-CARD", "加装副卡", "Extra SIM card", "addon", 1000, True),
    ("BB-1000", "千兆宽带（一年）", "Gigabit broadband (1 year)", "broadband", 120000, False),
    ("INS-SCREEN", "碎屏保障", "Screen protection", "policy", 9900, False),
)
OFFER_PRICE = 13520  # 20 % off the 169 plan
_FINAL = (("delivered", 90), ("failed", 4), ("refused", 3), ("cancelled", 3))






@dataclass(frozen=True, slots=True)
class Shop:
    """The ids the generated rows refer to."""

    agents: tuple[uuid.UUID, ...]
    customers: tuple[uuid.UUID, ...]
    products: dict[str, uuid.UUID]
    offer_id: uuid.UUID
    rounds: tuple[DeliveryRound, ...]
    hall_id: uuid.UUID


def _shop(rng: random.Random) -> Shop:
    made = datetime(2026, 1, 5, tzinfo=UTC)
    rounds = tuple(replace(r, id=uuid7_at(rng, made), capacity=CAPACITY) for r in DEFAULT_ROUNDS)
    return Shop(tuple(uuid7_at(rng, made) for _ in range(AGENTS)),
                tuple(uuid7_at(rng, made) for _ in range(CUSTOMERS)),
                {sku: uuid7_at(rng, made) for sku, *_ in PRODUCTS}, uuid7_at(rng, made), rounds,
                uuid7_at(rng, made))


def _reference_rows(directory: Path, shop: Shop) -> None:
    """Agents, the catalogue, the rounds and a hall, through the product's own types."""
    workspace = open_workspace(directory, FixedClock(NOW))
    base = {"site": "default", "version": 1, "updated_at": NOW, "deleted_at": None}
    try:
        with workspace.database.write() as conn:
            conn.execute(users.insert(), [base | {
                "id": agent, "username": f"agent{n:02d}", "display_name": f"坐席{n:02d}",
                "role": Role.AGENT.value, "team_id": None, "password_hash": "!",
                "active": True, "locale": "zh_CN"} for n, agent in enumerate(shop.agents)])
            conn.execute(products.insert(), [base | {
                "id": shop.products[sku], "sku": sku, "name": name, "name_en": name_en,
                "kind": kind, "price": Decimal(price) / 100, "description": "",
                "requires_real_name": real_name, "active": True}
                for sku, name, name_en, kind, price, real_name in PRODUCTS])
            conn.execute(offers.insert(), [base | {
                "id": shop.offer_id, "campaign_id": None, "product_id": shop.products["P5G169"],
                "name": "老用户升级 8 折", "name_en": "Upgrade 20% off",
                "price": Decimal(OFFER_PRICE) / 100, "valid_from": date(2026, 1, 1),
                "valid_until": date(2027, 12, 31), "eligibility": "在网满 12 个月的个人客户"}])
            conn.execute(delivery_rounds.insert(), [base | {
                "id": r.id, "name": r.name, "name_en": r.name_en, "orders_from": r.orders_from,
                "orders_until": r.orders_until, "handover_at": r.handover_at,
                "booking_from": r.booking_from, "booking_until": r.booking_until,
                "delivery_day_offset": r.delivery_day_offset, "capacity": r.capacity}
                for r in shop.rounds])
            conn.execute(business_halls.insert(), [base | {
                "id": shop.hall_id, "name": "朝阳门营业厅", "name_en": "Chaoyangmen hall",
                "address": "北京市朝阳区朝阳门外大街 8 号", "phone_e164": "+861065001234",
                "is_vip_room": False, "daily_capacity": None}])
    finally:
        workspace.close()


def _order_times(count: int) -> list[datetime]:
    """``count`` order times, PER_DAY a day from 09:00 to 21:00 Shanghai, the last before NOW."""
    shanghai = timedelta(hours=8)
    today = center_today(NOW)
    spacing = timedelta(hours=12) / PER_DAY
    times: list[datetime] = []
    day = today
    while len(times) < count:
        opening = datetime.combine(day, clock_time(9), UTC) - shanghai
        times.extend(t for t in (opening + k * spacing for k in range(PER_DAY - 1, -1, -1))
                     if t < NOW)
        day -= timedelta(days=1)
    return sorted(times[:count])


_SQL = {
    "customers": "INSERT INTO customers (id, site, version, updated_at, deleted_at, "
                 "customer_no, name, gender, city, language, tags, notes, created_at) "
                 "VALUES (?, 'default', 1, ?, NULL, ?, ?, 'unknown', '北京', 'zh', '', '', ?)",
    "customer_phones": "INSERT INTO customer_phones (id, site, version, updated_at, deleted_at, "
                       "customer_id, e164, tail_key, kind, label, is_primary) "
                       "VALUES (?, 'default', 1, ?, NULL, ?, ?, ?, 'mobile', '', 1)",
    "orders": "INSERT INTO orders (id, site, version, updated_at, deleted_at, order_no, "
              "customer_id, call_id, campaign_id, agent_id, status, total, delivery_method, "
              "payment_method, delivery_address, contact_e164, hall_id, round_id, round_date, "
              "created_at, gross, discount, approved_by, approval_note, preferred_time, "
              "real_name, resident_id, notes, handover_at, delivery_date) VALUES "
              "(?, 'default', 1, ?, NULL, ?, ?, NULL, NULL, ?, 'confirmed', ?, ?, ?, ?, ?, ?, "
              "?, ?, ?, ?, ?, NULL, '', 'any', ?, ?, '', ?, ?)",
    "order_lines": "INSERT INTO order_lines (id, site, version, updated_at, deleted_at, "
                   "order_id, product_id, offer_id, quantity, unit_price, discount, "
                   "line_total, options) VALUES (?, 'default', 1, ?, NULL, ?, ?, ?, ?, ?, ?, "
                   "?, '')",
    "order_events": "INSERT INTO order_events (id, site, version, updated_at, deleted_at, "
                    "order_id, status, at, source, user_id, reporter, reason, collected, "
                    "reschedule_date, callback_id) VALUES (?, 'default', 1, ?, NULL, ?, ?, ?, "
                    "?, ?, ?, ?, ?, NULL, NULL)",
}
_REASONS = {"failed": "客户不在家", "refused": "客户拒收", "cancelled": "客户取消"}


def _rows(rng: random.Random, shop: Shop, count: int) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every generated row, table by table in the order the foreign keys need."""
    for n, customer in enumerate(shop.customers):
        e164 = f"+86138{n:08d}"
        yield "customers", (customer.hex, _STAMP, f"C{n + 1:08d}", f"客户{n}", _STAMP)
        yield "customer_phones", (uuid7_at(rng, NOW).hex, _STAMP, customer.hex, e164,
                                  e164[1:][::-1])
    calendar = DeliveryCalendar()
    prices = {sku: price for sku, _, _, _, price, _ in PRODUCTS} | {"P5G169": OFFER_PRICE}
    skus = [sku for sku, *_ in PRODUCTS]
    for taken in _order_times(count):
        order_id = uuid7_at(rng, taken)
        slot = slot_for(taken, shop.rounds, calendar)
        agent = rng.choice(shop.agents).hex
        basket = rng.sample(skus, rng.choice((1, 1, 2, 2, 3)))
        total = 0
        for sku in basket:
            quantity = 1 if sku != "ADD-CARD" else rng.choice((1, 2))
            line_total = prices[sku] * quantity
            total += line_total
            yield "order_lines", (uuid7_at(rng, taken).hex, sqlite_stamp(taken), order_id.hex,
                                  shop.products[sku].hex,
                                  shop.offer_id.hex if sku == "P5G169" else None, quantity,
                                  prices[sku], 0, line_total)
        pickup = rng.random() < 0.15
        real_name = any(sku in ("P5G169", "P5G129", "ADD-CARD") for sku in basket)
        yield "orders", (
            order_id.hex, sqlite_stamp(taken), order_number(order_id, center_today(taken)),
            rng.choice(shop.customers).hex, agent, total,
            "hall_pickup" if pickup else "home_delivery",
            "pay_at_hall" if pickup else "cash_on_delivery",
            "" if pickup else f"北京市朝阳区建国路 {rng.randrange(1, 300)} 号",
            f"+86139{rng.randrange(10**8):08d}", shop.hall_id.hex if pickup else None,
            slot.round.id.hex if slot.round.id else None, slot.handover_date.isoformat(),
            sqlite_stamp(taken), total, 0, "张三" if real_name else "",
            RESIDENT_ID if real_name else "", sqlite_stamp(slot.handover),
            slot.delivery_date.isoformat())
        history = [("confirmed", taken, "capture", agent, "", None)]
        final = rng.choices([s for s, _ in _FINAL], [w for _, w in _FINAL])[0]
        if final == "cancelled":
            cancelled = taken + timedelta(minutes=rng.randrange(10, 120))
            if cancelled < min(NOW, slot.handover):
                history.append(("cancelled", cancelled, "cancel", agent, _REASONS[final], None))
        elif slot.handover <= NOW:
            history.append(("dispatched", slot.handover, "dispatch", None, "", None))
            reported = datetime.combine(slot.delivery_date, clock_time(7), UTC) + timedelta(
                minutes=rng.randrange(0, 600))
            if reported <= NOW:
                history.append((final, reported, "result", None, _REASONS.get(final, ""),
                                total if final == "delivered" else None))
        for status, at, source, user, reason, collected in history:
            yield "order_events", (uuid7_at(rng, at).hex, sqlite_stamp(at), order_id.hex, status,
                                   sqlite_stamp(at), source, user, "刘师傅" if source == "result"
                                   else "", reason, collected)


def build(directory: Path, count: int) -> Shop:
    """Make a workspace in ``directory`` holding ``count`` orders; return what they refer to."""
    rng = random.Random(SEED)
    shop = _shop(rng)
    _reference_rows(directory, shop)
    conn = sqlite3.connect(directory / LOCAL_DB, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        batches: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _SQL}
        for table, values in _rows(rng, shop, count):
            batches[table].append(values)
        for table, sql in _SQL.items():  # parents first
            conn.executemany(sql, batches[table])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return shop


@dataclass(frozen=True, slots=True)
class OrderDatabase:
    """A built workspace of orders: where, how big, how long it took, and whether cached."""

    directory: Path
    orders: int
    agent_id: uuid.UUID
    customer_ids: tuple[uuid.UUID, ...]
    build_ms: float
    cached: bool


def ensure_database(cache_dir: Path, count: int) -> OrderDatabase:
    """Return the cached workspace of ``count`` orders, building it if needed."""
    directory = cache_dir / f"orders-{count}-rev{head_revision()}-fmt{BUILD_FORMAT}"
    meta = directory / "build.json"
    cached = meta.exists() and (directory / LOCAL_DB).exists()
    if not cached:
        partial = directory.with_name(directory.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        shop = build(partial, count)
        (partial / "build.json").write_text(json.dumps({
            "orders": count, "agent_id": str(shop.agents[0]),
            "customer_ids": [str(c) for c in shop.customers[:500]],
            "build_ms": (time.perf_counter() - started) * 1000,
        }) + "\n", encoding="utf-8")
        shutil.rmtree(directory, ignore_errors=True)
        os.replace(partial, directory)
    recorded = json.loads(meta.read_text(encoding="utf-8"))
    return OrderDatabase(directory, int(recorded["orders"]), uuid.UUID(recorded["agent_id"]),
                         tuple(uuid.UUID(c) for c in recorded["customer_ids"]),
                         float(recorded["build_ms"]), cached)


# ---------------------------------------------------------------------- the commit
@dataclass(frozen=True, slots=True)
class CommitFigures:
    """Timings of captured orders and of bare commits, and what they ran on."""

    service: Samples
    floor: Samples
    raw: Samples
    database: OrderDatabase
    in_window: tuple[int, int]  # orders in the promise window at the first and last capture


def _draft(customer_id: uuid.UUID) -> OrderDraft:
    """A 2-line home delivery: the discounted plan (real name) and a handset."""
    return OrderDraft(
        customer_id, [OrderLineDraft("P5G169", "5G 畅享套餐 169元", Decimal("135.20"), 1),
                      OrderLineDraft("HW-M60P", "华为 Mate 60 Pro", Decimal("6499.00"), 1,
                                     Decimal("50.00"), "256GB 黑")],
        DeliveryMethod.HOME_DELIVERY, PaymentMethod.CASH_ON_DELIVERY,
        address="北京市朝阳区建国路 88 号 2 单元 1201", contact_phone="13812345678",
        real_name="张三", resident_id=RESIDENT_ID)


def _in_window(path: Path, moment: datetime) -> int:
    """Orders whose handover day is in the 9 days the capture's promise looks at."""
    day = center_today(moment)
    with sqlite3.connect(path) as conn:
        found: int = conn.execute(
            "SELECT count(*) FROM orders WHERE round_date BETWEEN ? AND ?",
            (day.isoformat(), (day + timedelta(days=9)).isoformat())).fetchone()[0]
    return found


def floor_commits(path: Path, count: int) -> Samples:
    """Time ``count`` one-row commits into a fresh table of a new database at ``path``."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE commits (id TEXT PRIMARY KEY, row TEXT)")
        row = json.dumps({"order_no": "SO261123-7K3M9QX2", "total": "6584.20"})
        rng = random.Random(SEED)

        def commit(_: int) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO commits (id, row) VALUES (?, ?)",
                         (f"{rng.getrandbits(128):032x}", row))
            conn.execute("COMMIT")

        return time_each(commit, range(count), warmup=range(WARMUP))
    finally:
        conn.close()


_RAW_ORDER = (
    "INSERT INTO orders (id, site, version, updated_at, deleted_at, order_no, customer_id, "
    "call_id, campaign_id, agent_id, status, total, delivery_method, payment_method, "
    "delivery_address, contact_e164, hall_id, round_id, round_date, created_at, gross, "
    "discount, approved_by, approval_note, preferred_time, real_name, resident_id, notes, "
    "handover_at, delivery_date) VALUES (?, 'default', 1, ?, NULL, ?, ?, NULL, NULL, ?, "
    "'confirmed', 658420, 'home_delivery', 'cash_on_delivery', ?, '+8613812345678', NULL, ?, "
    "?, ?, 663420, 5000, NULL, '', 'any', '张三', ?, '', ?, ?)")
_RAW_LINE = (
    "INSERT INTO order_lines (id, site, version, updated_at, deleted_at, order_id, product_id, "
    "offer_id, quantity, unit_price, discount, line_total, options) VALUES "
    "(?, 'default', 1, ?, NULL, ?, ?, NULL, 1, ?, ?, ?, ?)")
_RAW_EVENT = (
    "INSERT INTO order_events (id, site, version, updated_at, deleted_at, order_id, status, at, "
    "source, user_id, reporter, reason, collected, reschedule_date, callback_id) VALUES "
    "(?, 'default', 1, ?, NULL, ?, 'confirmed', ?, 'capture', ?, '', '', NULL, NULL, NULL)")
_RAW_OUTBOX = (
    "INSERT INTO outbox (mutation_id, table_name, row_id, op, base_version, payload, "
    "base_payload, created_at) VALUES (?, ?, ?, 'upsert', NULL, ?, NULL, ?)")


# The length of capture's outbox payloads (JSON of every column of the row), in characters.
_PAYLOAD_SIZE = {"orders": 911, "order_lines": 386, "order_events": 419}


def _payload(table: str, row: tuple[Any, ...]) -> str:
    return json.dumps(row, ensure_ascii=False).ljust(_PAYLOAD_SIZE[table])


def raw_order_writes(directory: Path, built: OrderDatabase, count: int) -> Samples:
    """Time ``count`` commits of what capture writes, in raw ``sqlite3`` on a workspace copy.

    The order, its two lines, its first event and their four outbox rows (JSON payloads of
    the same size) go into the same tables and indexes in one ``BEGIN IMMEDIATE``
    transaction: the I/O every order must pay, without the service's checks and reads.
    """
    shutil.rmtree(directory, ignore_errors=True)
    shutil.copytree(built.directory, directory)
    conn = sqlite3.connect(directory / LOCAL_DB, isolation_level=None)
    try:
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                       "busy_timeout = 5000"):
            conn.execute(f"PRAGMA {pragma}")
        sku_ids = dict(conn.execute("SELECT sku, id FROM products").fetchall())
        round_id = conn.execute("SELECT id FROM delivery_rounds ORDER BY handover_at DESC"
                                ).fetchone()[0]
        rng = random.Random(SEED)

        def write(n: int) -> None:
            at = NOW + STEP * n
            stamp, ids = sqlite_stamp(at), [uuid7_at(rng, at).hex for _ in range(8)]
            order = (ids[0], stamp, f"SO261123-R{n:07d}", rng.choice(built.customer_ids).hex,
                     built.agent_id.hex, "北京市朝阳区建国路 88 号 2 单元 1201", round_id,
                     "2026-11-24", stamp, RESIDENT_ID, sqlite_stamp(at + timedelta(hours=3)),
                     "2026-11-25")
            lines = [(ids[1], stamp, ids[0], sku_ids["P5G169"], 13520, 0, 13520, ""),
                     (ids[2], stamp, ids[0], sku_ids["HW-M60P"], 649900, 5000, 644900,
                      "256GB 黑")]
            event = (ids[3], stamp, ids[0], stamp, built.agent_id.hex)
            queued = [(ids[4 + k], name, row[0], _payload(name, row), stamp)
                      for k, (name, row) in enumerate((("orders", order),
                                                       ("order_lines", lines[0]),
                                                       ("order_lines", lines[1]),
                                                       ("order_events", event)))]
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_RAW_ORDER, order)
            conn.executemany(_RAW_LINE, lines)
            conn.execute(_RAW_EVENT, event)
            conn.executemany(_RAW_OUTBOX, queued)
            conn.execute("COMMIT")

        return time_each(write, range(WARMUP, WARMUP + count), warmup=range(WARMUP))
    finally:
        conn.close()


def measure_commit(context: RunContext) -> CommitFigures:
    """Time ``OrderService.capture()`` of a 2-line order and the bare commit, side by side.

    Raises:
        AssertionError: an order was not stored in the round its clock time gives.
    """
    built = ensure_database(context.cache_dir, context.pick(quick=10_000, full=50_000))
    count = context.pick(quick=200, full=1_000)
    work = context.work_dir / "orders"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(built.directory, work)
    clock = FixedClock(NOW)
    workspace = open_workspace(work, clock)
    context.on_close(workspace.close)
    agent = User(built.agent_id, "agent00", "坐席00", Role.AGENT, None)
    service = workspace.orders_for(agent)
    rng = random.Random(SEED)
    moments = [NOW + STEP * n for n in range(WARMUP + count)]
    first = _in_window(work / LOCAL_DB, moments[WARMUP])

    def capture(moment: datetime) -> None:
        clock.at = moment
        saved = service.capture(_draft(rng.choice(built.customer_ids)))
        assert saved.created_at == moment, (saved.created_at, moment)

    timed = time_each(capture, moments[WARMUP:], warmup=moments[:WARMUP])
    last = _in_window(work / LOCAL_DB, moments[-1])
    floor = floor_commits(context.work_dir / "floor.db", count)
    raw = raw_order_writes(context.work_dir / "orders-raw", built, count)
    return CommitFigures(timed, floor, raw, built, (first, last))


def _commit(context: RunContext) -> CommitFigures:
    return context.shared("order_commit", lambda: measure_commit(context))


def _commit_figure(name: str, p: int, goal: Goal | None) -> None:
    """Register ``name``: the ``p``-th percentile of a captured order, in milliseconds."""

    def measure_figure(context: RunContext) -> Result:
        figures = _commit(context)
        note = ""
        if goal:
            low, high = figures.in_window
            note = (f"{len(figures.service):,} orders on {figures.database.orders:,}, "
                    f"{low:,}-{high:,} in the promise window")
        return Result(name, figures.service.percentile_ms(p), MS,
                      floor=figures.floor.percentile_ms(p), floor_name=FLOOR_NAME, goal=goal,
                      note=note)

    scenario(name, MS)(measure_figure)


_commit_figure("order.commit_p99", 99, COMMIT_GOAL)
_commit_figure("order.commit_p50", 50, None)


def _raw_figure(name: str, p: int) -> None:
    """Register ``name``: the ``p``-th percentile of the same rows written by raw sqlite3."""

    def measure_figure(context: RunContext) -> Result:
        figures = _commit(context)
        return Result(name, figures.raw.percentile_ms(p), MS,
                      floor=figures.floor.percentile_ms(p), floor_name=FLOOR_NAME)

    scenario(name, MS)(measure_figure)


_raw_figure("order.raw_write_p99", 99)
_raw_figure("order.raw_write_p50", 50)


@scenario("order.db_build", MS)
def order_db_build(context: RunContext) -> Result:
    database = _commit(context).database
    note = f"{database.orders:,} orders" + (", cached" if database.cached else "")
    return Result("order.db_build", database.build_ms, MS, note=note)
