"""Sync as the console and the admin CLI use it: rounds, online state, conflicts, rejections."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from agentdesk.domain.errors import KnownError
from agentdesk.domain.ports import Clock
from agentdesk.store.database import Database
from agentdesk.store.schema.local import rejected
from agentdesk.store.schema.sync import sync_conflicts
from agentdesk.store.sync_state import LAST_SYNC_AT, read_value
from agentdesk.sync.client import Progress, RoundProgress, RoundReport, SyncClient
from agentdesk.sync.connection import display_url, server_engine
from agentdesk.sync.protocol import Lease, ServerUnavailable
from agentdesk.sync.server import ServerStore

__all__ = ["Conflict", "Progress", "Rejection", "RoundProgress", "RoundReport", "SyncService",
           "read_conflicts"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A change the server refused for good, kept on the workstation for someone to see."""

    mutation_id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    reason: str
    rejected_at: datetime


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field both sides changed, a renumbered customer, or a possible double contact."""

    table_name: str
    row_id: uuid.UUID
    kind: str
    field: str
    kept_value: str
    lost_value: str
    workstation_id: str
    detected_at: datetime


class SyncService:
    """Runs sync rounds for one workstation and remembers whether the server answered.

    Args:
        local: The workstation database.
        server_url: The server database URL (``demo:PATH`` for the demo).
        workstation_id: From the settings.
        clock: Workstation clock.
        password: The server password, if the URL has none.
    """

    def __init__(
        self,
        local: Database,
        server_url: str,
        *,
        workstation_id: str,
        clock: Clock,
        password: str | None = None,
    ) -> None:
        self.server_url = server_url
        self.display_url = display_url(server_url)
        self._local = local
        self._server = ServerStore(server_engine(server_url, password=password))
        self.client = SyncClient(local, self._server, workstation_id=workstation_id,
                                 clock=clock)
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._last_error = ""

    @property
    def online(self) -> bool | None:
        """True after a round reached the server, False after one failed, None before any."""
        with self._lock:
            return self._online

    @property
    def last_error(self) -> str:
        """Why the last round failed ("" if it did not)."""
        with self._lock:
            return self._last_error

    def run_round(self, progress: Progress | None = None) -> RoundReport:
        """Run one round; remember whether the server answered.

        Raises:
            KnownError: the server is unreachable or incompatible, or the disk failed.
        """
        try:
            report = self.client.run_round(progress)
        except KnownError as error:
            with self._lock:
                self._online = not isinstance(error, ServerUnavailable)
                self._last_error = str(error)
            log.info("Sync round failed: %s", error)
            raise
        with self._lock:
            self._online = True
            self._last_error = ""
        return report

    def first_sync_needed(self) -> bool:
        """Return True if this workstation never completed a sync round (a new workstation)."""
        with self._local.read() as conn:
            return read_value(conn, LAST_SYNC_AT) is None

    def lease_contacts(self, agent_id: uuid.UUID, call_list_ids: Sequence[uuid.UUID],
                       count: int) -> list[Lease]:
        """Lease contacts for ``agent_id`` into the local batch.

        Raises:
            ServerUnavailable: the server cannot be reached (the batch is unchanged).
        """
        return self.client.lease_contacts(agent_id, call_list_ids, count)

    def held_leases(self, agent_id: uuid.UUID, now: datetime | None = None) -> list[Lease]:
        """Return the leases of the local batch (only those still running at ``now``)."""
        return self.client.held_leases(agent_id, now)

    def renew_leases(self, agent_id: uuid.UUID) -> list[Lease]:
        """Extend the batch's leases on the server; return those still held.

        Raises:
            ServerUnavailable: the server cannot be reached (the batch is unchanged).
        """
        return self.client.renew_leases(agent_id)

    def release_leases(self, agent_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
        """Give contacts of the batch back to the pool; return how many the server took back.

        Raises:
            ServerUnavailable: the server cannot be reached (the batch is unchanged).
        """
        return self.client.release_leases(agent_id, contact_ids)

    def rejections(self, limit: int = 200) -> list[Rejection]:
        """Return the changes the server refused, newest first."""
        with self._local.read() as conn:
            return [Rejection(r.mutation_id, r.table_name, r.row_id, r.reason, r.rejected_at)
                    for r in conn.execute(sa.select(rejected)
                                          .order_by(rejected.c.rejected_at.desc()).limit(limit))]

    def conflicts(self, limit: int = 200) -> list[Conflict]:
        """Return the unresolved conflicts pulled from the server, newest first."""
        return read_conflicts(self._local, limit)

    def close(self) -> None:
        """Close the server connections."""
        self._server.dispose()


def read_conflicts(local: Database, limit: int = 200) -> list[Conflict]:
    """Return the unresolved conflicts a workstation holds, newest first."""
    with local.read() as conn:
        rows = conn.execute(
            sa.select(sync_conflicts).where(sync_conflicts.c.resolved_at.is_(None),
                                            sync_conflicts.c.deleted_at.is_(None))
            .order_by(sync_conflicts.c.detected_at.desc()).limit(limit))
        return [Conflict(r.table_name, r.row_id, r.kind, r.field, r.kept_value, r.lost_value,
                         r.workstation_id, r.detected_at) for r in rows]
