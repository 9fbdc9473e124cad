"""Small named values a workstation keeps about itself (last sync time, demo facts)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.store.schema.local import sync_state

LAST_SYNC_AT = "last_sync_at"
SHOWCASE_CUSTOMER = "demo.showcase_customer"


def read_value(conn: Connection, key: str) -> str | None:
    """Return the value stored under ``key``, or None."""
    value = conn.execute(sa.select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
    return None if value is None else str(value)


def write_value(conn: Connection, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing what was there."""
    conn.execute(sync_state.delete().where(sync_state.c.key == key))
    conn.execute(sync_state.insert().values(key=key, value=value))
