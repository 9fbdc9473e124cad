"""The outbox: every local write of a synced row queues its mutation in the same transaction."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.ids import new_id
from agentdesk.store.schema import SYNCED_TABLES
from agentdesk.store.schema.base import synced_columns
from agentdesk.store.schema.local import outbox

# Columns every write changes; they are never merged field by field.
ROW_META = frozenset({"id", "site", "version", "updated_at"})


def _json_default(value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot serialize {type(value).__name__}")


def encode_row(row: Mapping[str, Any]) -> str:
    """Return a row as JSON: UUIDs, dates and Decimals as strings, keys sorted."""
    return json.dumps(dict(row), default=_json_default, ensure_ascii=False, sort_keys=True)


def queue_mutation(
    conn: Connection,
    table: sa.Table,
    row: Mapping[str, Any],
    *,
    base_version: int | None,
    now: datetime,
    op: str = "upsert",
    before: Mapping[str, Any] | None = None,
    together: frozenset[str] = frozenset(),
) -> uuid.UUID:
    """Append one mutation of a synced row to the outbox, in the caller's transaction.

    Args:
        conn: A connection inside the write transaction that wrote the row.
        table: The synced table written.
        row: The row as written (all columns), including ``id`` and ``version``.
        base_version: The version the writer started from; None for a new row.
        now: Workstation time of the write (informational only; never orders anything).
        op: ``upsert`` or ``delete``.
        before: The row as it was before the write; its changed fields go with the
            mutation so the server can merge field by field.
        together: Fields that only make sense together (a question's status, answer and
            article): when one of them changed, all go as changed, so the server keeps
            either all of this write's values or, on a conflict, logs and takes them all.

    Returns:
        The mutation id, which makes a replayed push a no-op on the server.
    """
    if table.name not in SYNCED_TABLES:
        raise ValueError(f"{table.name} is not a synced table")
    mutation_id = new_id()
    names = [column.name for column in synced_columns(table)]
    base = None
    if before is not None:
        changed = {name for name in names if name not in ROW_META and before[name] != row[name]}
        if changed & together:
            changed |= together & set(names)
        base = encode_row({name: before[name] for name in names if name in changed})
    conn.execute(
        outbox.insert(),  # parameters apart: SQLAlchemy reuses the compiled statement
        {
            "mutation_id": mutation_id,
            "table_name": table.name,
            "row_id": row["id"],
            "op": op,
            "base_version": base_version,
            "payload": encode_row({name: row[name] for name in names}),
            "base_payload": base,
            "created_at": now,
        },
    )
    return mutation_id


def outbox_depth(conn: Connection) -> tuple[int, datetime | None]:
    """Return how many mutations wait to be pushed, and when the oldest was written."""
    count, oldest = conn.execute(
        sa.select(sa.func.count(), sa.func.min(outbox.c.created_at))
    ).one()
    return int(count), oldest
