"""A large customer database for the customer scenarios, built fast and cached between runs.

The schema comes from the product's own migrations; the rows go in with raw ``sqlite3`` in
big transactions, in the storage format SQLAlchemy uses on SQLite (UUIDs as 32 hex digits,
naive UTC timestamps as text). Secondary indexes are dropped while loading and re-created
with their own SQL afterwards, which leaves the schema exactly as the migrations made it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from agentdesk.domain.phones import normalize_phone
from agentdesk.services.workspace import LOCAL_DB
from agentdesk.store.database import Database
from agentdesk.store.migrate import head_revision, upgrade_local

BUILD_FORMAT = 1
"""Bump when the generated rows change, so cached databases are rebuilt."""

CHUNK = 50_000
MOBILE_PREFIXES = ("138", "139", "150", "186", "135", "188", "158", "177",
                   "131", "159", "182", "199", "166", "147", "152", "187")
_SPREAD = 48_271  # odd and not a multiple of 5: i -> i * _SPREAD mod 10**8 is a bijection
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
             "冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
_GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬建国志"
          "海波晨宇浩然子涵欣怡梓轩思雨俊杰佳琪雅婷文博")
_CITIES = ("北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆",
           "天津", "苏州", "长沙", "郑州", "青岛", "沈阳", "宁波", "东莞", "无锡", "合肥")
_STAMP = "2026-01-15 08:30:00.000000"
_TABLES = ("customers", "customer_phones")


def phone_of(index: int) -> str:
    """Return the E.164 mobile number of customer ``index`` (0-based); unique per index."""
    prefix = MOBILE_PREFIXES[index % len(MOBILE_PREFIXES)]
    return f"+86{prefix}{(index * _SPREAD + 12_345) % 100_000_000:08d}"


def name_of(index: int) -> str:
    """Return the name of customer ``index``: a surname and one or two given characters."""
    h = (index * 0x9E3779B1) & 0xFFFFFFFF
    name = _SURNAMES[h % len(_SURNAMES)] + _GIVEN[(h >> 8) % len(_GIVEN)]
    if h & 0x10000:
        name += _GIVEN[(h >> 17) % len(_GIVEN)]
    return name


def customer_no_of(index: int) -> str:
    """Return the customer number of customer ``index``."""
    return f"C{index + 1:08d}"


def _uuid_hex(table: int, index: int) -> str:
    # UUIDv7 layout (48-bit milliseconds, version 7, variant 10), ascending with ``index``
    # like ids made by agentdesk.domain.ids.new_id one after another.
    millis = 0x019B_C000_0000 + table * 0x1_0000_0000 + index // 4096
    value = (millis << 80) | (0x7 << 76) | ((index % 4096) << 64) | (0b10 << 62) | index
    return f"{value:032x}"


def customer_id_of(index: int) -> str:
    """Return the stored id (32 hex digits) of customer ``index``."""
    return _uuid_hex(0, index)


def _customer_rows(start: int, stop: int) -> Iterator[tuple[object, ...]]:
    for i in range(start, stop):
        yield (customer_id_of(i), "default", 1, _STAMP, None, customer_no_of(i), name_of(i),
               "unknown", _CITIES[i % len(_CITIES)], "zh", "", "", _STAMP)


def _phone_rows(start: int, stop: int) -> Iterator[tuple[object, ...]]:
    for i in range(start, stop):
        e164 = phone_of(i)
        yield (_uuid_hex(1, i), "default", 1, _STAMP, None, customer_id_of(i), e164,
               e164[1:][::-1], "mobile", "", 1)


@dataclass(frozen=True, slots=True)
class CustomerDatabase:
    """A built customer database.

    Attributes:
        directory: A workspace directory holding the database as ``agentdesk.db``.
        customers: How many customers it holds (each with one mobile number).
        build_ms: How long building it took.
        cached: True when an earlier run built it.
    """

    directory: Path
    customers: int
    build_ms: float
    cached: bool

    @property
    def path(self) -> Path:
        """The database file."""
        return self.directory / LOCAL_DB


def cache_key(customers: int) -> str:
    """Return the cache directory name for ``customers`` rows at the current schema."""
    return f"customers-{customers}-rev{head_revision()}-fmt{BUILD_FORMAT}"


def ensure_customer_database(cache_dir: Path, customers: int) -> CustomerDatabase:
    """Return the cached database of ``customers`` customers, building it if needed."""
    directory = cache_dir / cache_key(customers)
    meta = directory / "build.json"
    if meta.exists() and (directory / LOCAL_DB).exists():
        recorded = json.loads(meta.read_text(encoding="utf-8"))
        return CustomerDatabase(directory, customers, float(recorded["build_ms"]), cached=True)
    partial = directory.with_name(directory.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    build(partial / LOCAL_DB, customers)
    build_ms = (time.perf_counter() - started) * 1000
    (partial / "build.json").write_text(
        json.dumps({"customers": customers, "build_ms": build_ms, "revision": head_revision(),
                    "format": BUILD_FORMAT}) + "\n", encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(partial, directory)
    return CustomerDatabase(directory, customers, build_ms, cached=False)


def build(path: Path, customers: int) -> None:
    """Create ``path`` with the product's migrations and fill it with ``customers`` rows.

    Raises:
        ValueError: a generated number is not one the product accepts.
    """
    for index in range(0, customers, max(customers // 97, 1)):
        if normalize_phone(phone_of(index)[3:]) != phone_of(index):
            raise ValueError(f"generated number {phone_of(index)} does not normalize to itself")
    database = Database.open(path)
    try:
        upgrade_local(database)
    finally:
        database.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        _fill(conn, customers)
    finally:
        conn.close()


def _fill(conn: sqlite3.Connection, customers: int) -> None:
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    placeholders = ", ".join(["?"] * len(_TABLES))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({placeholders})", _TABLES).fetchall()
    conn.execute("BEGIN")
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    customer_sql = (
        "INSERT INTO customers (id, site, version, updated_at, deleted_at, customer_no, name, "
        "gender, city, language, tags, notes, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    phone_sql = (
        "INSERT INTO customer_phones (id, site, version, updated_at, deleted_at, customer_id, "
        "e164, tail_key, kind, label, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    for start in range(0, customers, CHUNK):
        stop = min(start + CHUNK, customers)
        conn.executemany(customer_sql, _customer_rows(start, stop))
        conn.executemany(phone_sql, _phone_rows(start, stop))
        print(f"    {stop:,} / {customers:,} customers", file=sys.stderr, flush=True)
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
