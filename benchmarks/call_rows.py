"""Generated rows for benchmark databases: ids, timestamps, calls with their dispositions."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

BATCH = 50_000


def insert_calls(conn: sqlite3.Connection,
                 rows: Iterable[tuple[tuple[object, ...], Sequence[tuple[object, ...]]]],
                 call_sql: str, disposition_sql: str, batch: int = BATCH) -> None:
    """Insert each (call row, its disposition rows) with ``executemany`` every ``batch`` calls."""
    calls: list[tuple[object, ...]] = []
    dispositions: list[tuple[object, ...]] = []
    for call, disposed in rows:
        calls.append(call)
        dispositions.extend(disposed)
        if len(calls) >= batch:
            conn.executemany(call_sql, calls)
            conn.executemany(disposition_sql, dispositions)
            calls, dispositions = [], []
    conn.executemany(call_sql, calls)
    conn.executemany(disposition_sql, dispositions)


def sqlite_stamp(moment: datetime) -> str:
    """Return ``moment`` in SQLAlchemy's SQLite DateTime format, as naive UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def uuid7_at(rng: random.Random, at: datetime) -> uuid.UUID:
    """Return an id with the layout of ``agentdesk.domain.ids.new_id`` for the time ``at``.

    48-bit milliseconds, version 7, variant 10: rows made at nearby times sit near each other
    in every index on their ids, and ids made later sort later. Random bits from ``rng``.
    """
    millis = int(at.timestamp() * 1000)
    return uuid.UUID(int=(millis << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64)
                     | (0b10 << 62) | rng.getrandbits(62))
