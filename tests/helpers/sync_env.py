"""A server database and workstations around it, for sync tests: real stores, real sync."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from agentdesk.domain.ids import new_id
from agentdesk.services.clock import FixedClock
from agentdesk.store import migrate
from agentdesk.store.database import Database
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema import metadata
from agentdesk.sync.client import SyncClient
from agentdesk.sync.connection import server_engine
from agentdesk.sync.server import ServerStore


def init_server(url: str) -> ServerStore:
    """Create the schema on the server database at ``url`` and return its store."""
    engine = server_engine(url)
    if engine.dialect.name == "sqlite":
        migrate.upgrade(engine, role=migrate.SERVER)
    else:
        migrate.upgrade(engine)
    return ServerStore(engine)


@dataclass
class Station:
    """One workstation: its database and its sync client."""

    name: str
    database: Database
    client: SyncClient
    clock: FixedClock

    def write(self, table: str, row: dict[str, Any], *, op: str = "upsert") -> dict[str, Any]:
        """Write ``row`` (a full row) to the local table and queue it, like a repository."""
        t = metadata.tables[table]
        with self.database.write() as conn:
            old = conn.execute(sa.select(t).where(t.c.id == row["id"])).first()
            before = old._asdict() if old is not None else None
            if before is None:
                conn.execute(t.insert().values(row))
            else:
                conn.execute(t.update().where(t.c.id == row["id"]).values(row))
            queue_mutation(conn, t, {**(before or {}), **row},
                           base_version=None if before is None else before["version"],
                           now=self.clock.now(), op=op, before=before)
        return row

    def edit(self, table: str, row_id: uuid.UUID, **changes: Any) -> dict[str, Any]:
        """Change some fields of a stored row, bumping its version, and queue it."""
        t = metadata.tables[table]
        with self.database.read() as conn:
            current = conn.execute(sa.select(t).where(t.c.id == row_id)).one()._asdict()
        return self.write(table, {**current, **changes, "version": current["version"] + 1,
                                  "updated_at": self.clock.now()})

    def row(self, table: str, row_id: uuid.UUID) -> dict[str, Any] | None:
        """Return the stored row, or None."""
        t = metadata.tables[table]
        with self.database.read() as conn:
            found = conn.execute(sa.select(t).where(t.c.id == row_id)).first()
        return None if found is None else found._asdict()


@contextmanager
def station(directory: Path, server: ServerStore, now: datetime, name: str = "ws-1"
            ) -> Iterator[Station]:
    """Yield a fresh workstation database in ``directory`` syncing with ``server``."""
    database = Database.open(directory / f"{name}.db")
    migrate.upgrade_local(database)
    clock = FixedClock(now)
    client = SyncClient(database, server, workstation_id=name, clock=clock)
    try:
        yield Station(name, database, client, clock)
    finally:
        database.close()


def meta(now: datetime, **values: Any) -> dict[str, Any]:
    """Return the synced-row columns of a new row, plus ``values``."""
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None, **values}
