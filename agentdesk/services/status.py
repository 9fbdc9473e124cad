"""What the status bar tells about this workstation: outbox depth, age, last sync, rejections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from agentdesk.domain.ports import Clock
from agentdesk.store.database import Database
from agentdesk.store.outbox import outbox_depth
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.local import rejected
from agentdesk.store.schema.sync import sync_conflicts
from agentdesk.store.sync_state import LAST_SYNC_AT, read_value
from agentdesk.sync.client import CURSOR_KEY


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """The workstation's sync figures at one moment.

    Attributes:
        server_url: The server database, "" when the workstation works alone.
        outbox_depth: Local changes not yet on the server.
        oldest_unpushed: Age of the oldest of them, None when the outbox is empty.
        last_sync_at: When a sync round last completed, None if never.
        rejected: Changes the server refused for good, kept for the user to see.
        conflicts: Unresolved conflicts in the log pulled from the server.
        online: True if the last sync round reached the server, False if it failed,
            None before the first round or without a server.
        cursor: The last change sequence number pulled.
    """

    server_url: str
    outbox_depth: int
    oldest_unpushed: timedelta | None
    last_sync_at: datetime | None
    rejected: int
    conflicts: int = 0
    online: bool | None = None
    cursor: int = 0


class WorkstationStatus:
    """Reads the figures of :class:`StatusSnapshot` from the local database."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        server_url: str,
        *,
        online: Callable[[], bool | None] | None = None,
    ) -> None:
        self._db = database
        self._clock = clock
        self._server_url = server_url
        self._online = online

    def snapshot(self) -> StatusSnapshot:
        """Return the current figures."""
        with self._db.read() as conn:
            depth, oldest = outbox_depth(conn)
            rejected_count = conn.execute(sa.select(sa.func.count()).select_from(rejected)).scalar()
            last = read_value(conn, LAST_SYNC_AT)
            conflicts = conn.execute(
                sa.select(sa.func.count()).select_from(sync_conflicts)
                .where(sync_conflicts.c.resolved_at.is_(None),
                       sync_conflicts.c.deleted_at.is_(None))).scalar()
            cursor = read_value(conn, CURSOR_KEY + DEFAULT_SITE)
        now = self._clock.now()
        return StatusSnapshot(
            server_url=self._server_url,
            outbox_depth=depth,
            oldest_unpushed=None if oldest is None else max(now - oldest, timedelta(0)),
            last_sync_at=datetime.fromisoformat(last) if last else None,
            rejected=int(rejected_count or 0),
            conflicts=int(conflicts or 0),
            online=self._online() if self._online else None,
            cursor=int(cursor or 0),
        )
