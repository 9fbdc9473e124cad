"""Statements over many rows at once: IN lists in chunks, id arrays, COPY on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

CHUNK = 500  # ids per IN (...) list
COPY_MIN = 50  # rows from which PostgreSQL inserts go through COPY


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """Yield ``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def among(conn: Connection, column: sa.ColumnElement[Any], values: Sequence[Any]
          ) -> Iterator[sa.ColumnElement[bool]]:
    """Yield conditions ``column IN (...)`` that together cover ``values``.

    On PostgreSQL one condition with the values as a single array parameter: a short
    statement that psycopg and the planner handle in the same time whatever the count. Other
    backends get IN lists of at most :data:`CHUNK` values.
    """
    if conn.dialect.name == "postgresql":
        array = postgresql.ARRAY(column.type)
        yield column == sa.any_(sa.bindparam(None, list(values), type_=array))
        return
    for part in chunks(values):
        yield column.in_(part)


def insert_rows(conn: Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (the same keys in each) in ``conn``'s transaction.

    On PostgreSQL (psycopg) a batch of at least :data:`COPY_MIN` rows goes through ``COPY
    ... FROM STDIN``: one statement instead of one per row. Values pass through the columns'
    bind processing (UTC timestamps made naive, amounts to fen) as in an INSERT, and a
    failure comes out as the SQLAlchemy error an INSERT would raise (IntegrityError...), so
    :meth:`ServerStore.push` still falls back to rejecting mutations one by one.
    """
    if not rows:
        return
    if conn.dialect.driver != "psycopg" or len(rows) < COPY_MIN:
        conn.execute(table.insert(), list(rows))
        return
    names = list(rows[0])
    processors = [table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                  for name in names]
    plain = all(p is None for p in processors)
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None
    import psycopg

    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                if plain:
                    copy.write_row([row[name] for name in names])
                else:
                    copy.write_row([value if p is None or value is None else p(value)
                                    for p, value in zip(processors, (row[n] for n in names),
                                                        strict=True)])
    except psycopg.Error as exc:  # as SQLAlchemy would raise it: IntegrityError, DataError...
        raise sa.exc.DBAPIError.instance(statement, None, exc, psycopg.Error) from exc
