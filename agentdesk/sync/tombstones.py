"""Purging old tombstones from the server, and telling workstations that missed them to resync.

A deleted row stays as a tombstone (``deleted_at``) for N days so every workstation learns of
the delete. After that it is removed; a workstation whose pull cursor is older than the newest
purged change then resynchronizes everything (after pushing its outbox), so it cannot keep a
row the server no longer has.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from agentdesk.store.schema import metadata
from agentdesk.store.schema.sync import change_log, sync_meta
from agentdesk.sync.bulk import chunks
from agentdesk.sync.codec import synced_table_names
from agentdesk.sync.connection import unavailable_as_known
from agentdesk.sync.server import PURGED_KEY, ServerStore, server_now

DEFAULT_KEEP = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge removed.

    Attributes:
        removed: Rows removed, per table.
        kept_referenced: Tombstones still referenced by live rows, kept for now.
        horizons: Per scope, the newest purged change sequence number.
    """

    removed: dict[str, int] = field(default_factory=dict)
    kept_referenced: int = 0
    horizons: dict[str, int] = field(default_factory=dict)


def purge_tombstones(server: ServerStore, keep: timedelta = DEFAULT_KEEP) -> PurgeReport:
    """Remove tombstones older than ``keep`` (server clock); children before parents."""
    removed: dict[str, int] = {}
    purged: dict[str, list[uuid.UUID]] = defaultdict(list)
    kept = 0
    with unavailable_as_known(), server.engine.begin() as conn:
        cutoff = server_now(conn) - keep
        for name in reversed(synced_table_names()):
            table = metadata.tables[name]
            ids = list(conn.execute(sa.select(table.c.id).where(
                table.c.deleted_at.is_not(None), table.c.deleted_at < cutoff)).scalars())
            for row_id in ids:
                try:
                    with conn.begin_nested():
                        conn.execute(table.delete().where(table.c.id == row_id))
                except sa.exc.IntegrityError:
                    kept += 1  # a live row still points at it
                    continue
                purged[name].append(row_id)
            if purged[name]:
                removed[name] = len(purged[name])
        horizons: dict[str, int] = {}
        for name, ids in purged.items():
            for part in chunks(ids):
                for scope, seq in conn.execute(
                    sa.select(change_log.c.scope, sa.func.max(change_log.c.seq))
                    .where(change_log.c.table_name == name, change_log.c.row_id.in_(part))
                    .group_by(change_log.c.scope)
                ):
                    horizons[scope] = max(horizons.get(scope, 0), int(seq))
        for scope, seq in horizons.items():
            key = PURGED_KEY + scope
            old = conn.execute(sa.select(sync_meta.c.value).where(sync_meta.c.key == key)).scalar()
            if old is None:
                conn.execute(sync_meta.insert().values(key=key, value=str(seq)))
            elif int(old) < seq:
                conn.execute(sync_meta.update().where(sync_meta.c.key == key)
                             .values(value=str(seq)))
    return PurgeReport(removed, kept, horizons)
