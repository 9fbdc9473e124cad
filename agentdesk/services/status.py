"""What the status bar tells about this workstation: outbox depth, age, last sync, rejections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from agentdesk.domain.ports import Clock
from agentdesk.store.database import Database
from agentdesk.store.outbox import outbox_depth
from agentdesk.store.schema.local import rejected
from agentdesk.store.sync_state import LAST_SYNC_AT, read_value


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """The workstation's sync figures at one moment.

    Attributes:
        server_url: The server database, "" when the workstation works alone.
        outbox_depth: Local changes not yet on the server.
        oldest_unpushed: Age of the oldest of them, None when the outbox is empty.
        last_sync_at: When a sync round last completed, None if never.
        rejected: Changes the server refused for good, kept for the user to see.
    """

    server_url: str
    outbox_depth: int
    oldest_unpushed: timedelta | None
    last_sync_at: datetime | None
    rejected: int


class WorkstationStatus:
    """Reads the figures of :class:`StatusSnapshot` from the local database."""

    def __init__(self, database: Database, clock: Clock, server_url: str) -> None:
        self._db = database
        self._clock = clock
        self._server_url = server_url

    def snapshot(self) -> StatusSnapshot:
        """Return the current figures."""
        with self._db.read() as conn:
            depth, oldest = outbox_depth(conn)
            rejected_count = conn.execute(sa.select(sa.func.count()).select_from(rejected)).scalar()
            last = read_value(conn, LAST_SYNC_AT)
        now = self._clock.now()
        return StatusSnapshot(
            server_url=self._server_url,
            outbox_depth=depth,
            oldest_unpushed=None if oldest is None else max(now - oldest, timedelta(0)),
            last_sync_at=datetime.fromisoformat(last) if last else None,
            rejected=int(rejected_count or 0),
        )
