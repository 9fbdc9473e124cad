"""Writing generated calls and their dispositions into a benchmark database in batches."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

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
