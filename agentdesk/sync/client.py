"""The workstation side of sync: push the outbox, pull the server's changes, keep leases.

One round = push every queued mutation (batch by batch, each acknowledged before its outbox
entries are deleted), then pull pages after the cursor (each page and the new cursor in ONE
local transaction). Everything here runs on worker threads or in the admin CLI, never on the
GUI thread.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from agentdesk import __version__
from agentdesk.domain.ports import Clock
from agentdesk.store import kb_index
from agentdesk.store.database import Database
from agentdesk.store.migrate import HEAD_REVISION
from agentdesk.store.schema import metadata
from agentdesk.store.schema.base import DEFAULT_SITE, synced_columns
from agentdesk.store.schema.contacts import contacts
from agentdesk.store.schema.knowledge import kb_articles
from agentdesk.store.schema.local import outbox, rejected, resync_seen
from agentdesk.store.sync_state import LAST_SYNC_AT, read_value, write_value
from agentdesk.sync import leases as server_leases
from agentdesk.sync.bulk import chunks
from agentdesk.sync.codec import synced_table_names
from agentdesk.sync.protocol import PROTOCOL_VERSION, Lease, Mutation, Outcome, Page
from agentdesk.sync.server import ServerStore

CURSOR_KEY = "pull_cursor."  # + scope
RESYNC_KEY = "resync_in_progress"
PUSH_BATCH = 500
PULL_PAGE = 2000


@dataclass(frozen=True, slots=True)
class RoundProgress:
    """How far a round got, for a progress bar: pulled rows and the server's head."""

    phase: str  # push | pull
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class RoundReport:
    """What one sync round moved.

    Attributes:
        pushed: Mutations the server acknowledged (applied or merged).
        merged: Of those, mutations merged over newer server changes (see the conflict log).
        rejected: Mutations refused for good, now in the local ``rejected`` list.
        pulled: Rows received from the server.
        cursor: The pull cursor after the round.
        resynced: True if the round did a full resynchronization.
        seconds: Duration of the round.
    """

    pushed: int = 0
    merged: int = 0
    rejected: int = 0
    pulled: int = 0
    cursor: int = 0
    resynced: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as a JSON-ready dict."""
        return {"pushed": self.pushed, "merged": self.merged, "rejected": self.rejected,
                "pulled": self.pulled, "cursor": self.cursor, "resynced": self.resynced,
                "seconds": round(self.seconds, 3)}


Progress = Callable[[RoundProgress], None]


class SyncClient:
    """Syncs one workstation database with the server.

    Args:
        local: The workstation database.
        server: The server database.
        workstation_id: This workstation's id (settings), part of every mutation's identity.
        clock: Workstation clock; used only to show when the last sync happened.
        site: The call center whose rows this workstation keeps.
    """

    def __init__(
        self,
        local: Database,
        server: ServerStore,
        *,
        workstation_id: str,
        clock: Clock,
        site: str = DEFAULT_SITE,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
    ) -> None:
        self.local = local
        self.server = server
        self.workstation_id = workstation_id
        self.site = site
        self._clock = clock
        self._push_batch = push_batch
        self._pull_page = pull_page
        self._round_lock = threading.Lock()
        self._shaken = False

    # ------------------------------------------------------------------ round
    def run_round(self, progress: Progress | None = None) -> RoundReport:
        """Push everything queued, then pull everything new; one round at a time.

        Raises:
            ServerUnavailable: the server cannot be reached (nothing is lost; retry later).
            ProtocolMismatch: this workstation or the server must be upgraded.
            StorageError: the local database failed.
        """
        with self._round_lock:
            started = time.perf_counter()
            if not self._shaken:
                self.server.handshake()
                self._shaken = True
            pushed, merged, refused = self.push_all(progress)
            pulled, resynced = self.pull_all(progress)
            with self.local.write() as conn:
                write_value(conn, LAST_SYNC_AT, self._clock.now().isoformat())
                cursor = int(read_value(conn, CURSOR_KEY + self.site) or 0)
            return RoundReport(pushed=pushed, merged=merged, rejected=refused, pulled=pulled,
                               cursor=cursor, resynced=resynced,
                               seconds=time.perf_counter() - started)

    # ------------------------------------------------------------------ push
    def push_all(self, progress: Progress | None = None) -> tuple[int, int, int]:
        """Push the outbox batch by batch; return (acknowledged, merged, rejected)."""
        pushed = merged = refused = 0
        total = 0
        if progress:  # the count only sizes the progress bar
            with self.local.read() as conn:
                total = int(conn.execute(sa.select(sa.func.count()).select_from(outbox))
                            .scalar_one())
        after = 0
        while True:
            with self.local.read() as conn:
                rows = conn.execute(
                    sa.select(outbox).where(outbox.c.seq > after)
                    .order_by(outbox.c.seq).limit(self._push_batch)
                ).all()
            if not rows:
                break
            batch = [Mutation(r.mutation_id, r.table_name, r.row_id, r.op, r.base_version,
                              r.payload, r.base_payload) for r in rows]
            results = self.server.push(self.workstation_id, batch, protocol=PROTOCOL_VERSION,
                                       schema_revision=HEAD_REVISION, app_version=__version__)
            now = self._clock.now()
            by_id = {r.mutation_id: r for r in rows}
            with self.local.write() as conn:
                refusals = [
                    {"mutation_id": r.mutation_id, "table_name": by_id[r.mutation_id].table_name,
                     "row_id": by_id[r.mutation_id].row_id,
                     "payload": by_id[r.mutation_id].payload, "reason": r.reason[:500],
                     "rejected_at": now}
                    for r in results if r.outcome is Outcome.REJECTED
                ]
                if refusals:
                    known = set(conn.execute(sa.select(rejected.c.mutation_id).where(
                        rejected.c.mutation_id.in_([r["mutation_id"] for r in refusals])
                    )).scalars())
                    fresh = [r for r in refusals if r["mutation_id"] not in known]
                    if fresh:
                        conn.execute(rejected.insert(), fresh)
                for part in chunks([r.mutation_id for r in results]):
                    conn.execute(outbox.delete().where(outbox.c.mutation_id.in_(part)))
            refused += sum(r.outcome is Outcome.REJECTED for r in results)
            merged += sum(r.outcome is Outcome.MERGED for r in results)
            pushed += sum(r.outcome is not Outcome.REJECTED for r in results)
            after = rows[-1].seq
            if progress:
                progress(RoundProgress("push", pushed + refused, max(total, pushed + refused)))
        return pushed, merged, refused

    # ------------------------------------------------------------------ pull
    def cursor(self) -> int:
        """Return the pull cursor: the last change sequence number applied here."""
        with self.local.read() as conn:
            return int(read_value(conn, CURSOR_KEY + self.site) or 0)

    def pull_all(self, progress: Progress | None = None) -> tuple[int, bool]:
        """Pull pages until caught up; return (rows received, whether a resync happened)."""
        pulled = 0
        resynced = False
        with self.local.read() as conn:
            resyncing = read_value(conn, RESYNC_KEY) == "1"
            cursor = int(read_value(conn, CURSOR_KEY + self.site) or 0)
        head = self.server.head(self.site) if progress else 0
        while True:
            page = self.server.pull(self.site, cursor, self._pull_page)
            if page.resync:
                self._start_resync()
                resyncing = resynced = True
                cursor = 0
                continue
            if page.rows or page.cursor != cursor or resyncing:  # else nothing to write
                self.apply_page(page, cursor, record_seen=resyncing)
            pulled += page.row_count
            cursor = page.cursor
            if progress and head:
                progress(RoundProgress("pull", min(cursor, head), head))
            if not page.more:
                break
        if resyncing:
            self._finish_resync()
            resynced = True
        if pulled:
            self.server.note_pull(self.workstation_id, schema_revision=HEAD_REVISION,
                                  app_version=__version__)
        return pulled, resynced

    def apply_page(self, page: Page, expected_cursor: int, *, record_seen: bool = False) -> None:
        """Apply one page and move the cursor, in one local transaction.

        Rows with a change still in the outbox are skipped: the server's answer to that
        change comes in a later page. Older versions never replace newer ones, so applying
        a page twice changes nothing.
        """
        with self.local.write() as conn:
            stored = int(read_value(conn, CURSOR_KEY + self.site) or 0)
            if stored != expected_cursor:
                return  # another round applied it already
            pending: set[tuple[str, uuid.UUID]] = set()
            if conn.execute(sa.select(outbox.c.seq).limit(1)).first() is not None:
                pending = {(r.table_name, r.row_id) for r in conn.execute(
                    sa.select(outbox.c.table_name, outbox.c.row_id))}
            for name, rows in page.rows.items():
                fresh = [r for r in rows if (name, r["id"]) not in pending]
                if fresh:
                    _make_way(conn, metadata.tables[name], fresh)
                    _upsert(conn, metadata.tables[name], fresh)
                    if name == kb_articles.name:
                        kb_index.refresh(conn, [r["id"] for r in fresh])
                if record_seen and rows:
                    conn.execute(
                        sqlite_insert(resync_seen).on_conflict_do_nothing(),
                        [{"table_name": name, "row_id": r["id"]} for r in rows],
                    )
            if page.cursor != stored:
                write_value(conn, CURSOR_KEY + self.site, str(page.cursor))

    def _start_resync(self) -> None:
        with self.local.write() as conn:
            conn.execute(resync_seen.delete())
            write_value(conn, RESYNC_KEY, "1")
            write_value(conn, CURSOR_KEY + self.site, "0")

    def _finish_resync(self) -> None:
        """Delete what the full pull did not bring back: rows purged on the server."""
        with self.local.write() as conn:
            pending = {(r.table_name, r.row_id) for r in conn.execute(
                sa.select(outbox.c.table_name, outbox.c.row_id))}
            for name in reversed(synced_table_names()):
                table = metadata.tables[name]
                seen = sa.select(resync_seen.c.row_id).where(resync_seen.c.table_name == name)
                gone = [row_id for row_id in conn.execute(
                    sa.select(table.c.id).where(table.c.id.not_in(seen))).scalars()
                    if (name, row_id) not in pending]
                for part in chunks(gone):
                    conn.execute(table.delete().where(table.c.id.in_(part)))
                if name == kb_articles.name:
                    kb_index.refresh(conn, gone)
            conn.execute(resync_seen.delete())
            write_value(conn, RESYNC_KEY, "0")

    # ------------------------------------------------------------------ leases
    def lease_contacts(
        self, agent_id: uuid.UUID, call_list_ids: Sequence[uuid.UUID], count: int
    ) -> list[Lease]:
        """Lease up to ``count`` contacts on the server and keep them in the local batch."""
        granted = server_leases.grant(self.server, agent_id, call_list_ids, count)
        self._keep(agent_id, granted)
        return granted

    def held_leases(self, agent_id: uuid.UUID, now: datetime | None = None) -> list[Lease]:
        """Return the leases of the local batch (expired ones included unless ``now``)."""
        with self.local.read() as conn:
            query = sa.select(contacts.c.id, contacts.c.lease_token, contacts.c.lease_expires_at
                              ).where(contacts.c.lease_agent_id == agent_id)
            if now is not None:
                query = query.where(contacts.c.lease_expires_at > now)
            return [Lease(r.id, int(r.lease_token), r.lease_expires_at)
                    for r in conn.execute(query)]

    def renew_leases(self, agent_id: uuid.UUID) -> list[Lease]:
        """Heartbeat: extend the local batch's leases; forget those the server took back."""
        held = self.held_leases(agent_id)
        kept = server_leases.renew(self.server, agent_id, held)
        lost = {lease.contact_id for lease in held} - {lease.contact_id for lease in kept}
        self._keep(agent_id, kept)
        self._forget(lost)
        return kept

    def release_leases(self, agent_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
        """Give contacts back to the pool (done with them, or signing out)."""
        wanted = set(contact_ids)
        held = [lease for lease in self.held_leases(agent_id) if lease.contact_id in wanted]
        released = server_leases.release(self.server, agent_id, held)
        self._forget(wanted)
        return released

    def _keep(self, agent_id: uuid.UUID, granted: Sequence[Lease]) -> None:
        if not granted:
            return
        with self.local.write() as conn:
            conn.execute(
                contacts.update().where(contacts.c.id == sa.bindparam("_id")).values(
                    lease_agent_id=agent_id, lease_token=sa.bindparam("_token"),
                    lease_expires_at=sa.bindparam("_expires")),
                [{"_id": g.contact_id, "_token": g.token, "_expires": g.expires_at}
                 for g in granted],
            )

    def _forget(self, contact_ids: set[uuid.UUID]) -> None:
        if not contact_ids:
            return
        with self.local.write() as conn:
            for part in chunks(sorted(contact_ids)):
                conn.execute(contacts.update().where(contacts.c.id.in_(part))
                             .values(lease_agent_id=None, lease_expires_at=None))


def _make_way(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Move local rows off the unique values (customer_no...) the server gave to ``rows``.

    A number taken offline may belong to another row on the server (which renumbered this
    workstation's row, or will when it is pushed). The local row keeps a placeholder until
    its own server version arrives; without it the page could never be applied. The
    placeholder starts with "!", which sorts before digits and letters, so the next local
    number (the highest plus one) is never taken from it.
    """
    unique_columns = [next(iter(c.columns)) for c in (*table.constraints, *table.indexes)
                      if isinstance(c, sa.UniqueConstraint | sa.Index)
                      and (isinstance(c, sa.UniqueConstraint) or c.unique) and len(c.columns) == 1]
    for column in unique_columns:
        wanted = {r[column.name]: r["id"] for r in rows if r[column.name] is not None}
        for part in chunks(sorted(wanted)):
            for row_id, value in conn.execute(
                    sa.select(table.c.id, column).where(column.in_(part))).all():
                if wanted[value] != row_id:
                    width = getattr(column.type, "length", None) or 32
                    conn.execute(table.update().where(table.c.id == row_id)
                                 .values({column.name: "!" + row_id.hex[-(width - 1):]}))


def _upsert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, or replace the stored ones whose version is not newer."""
    names = [c.name for c in synced_columns(table) if c.name != "id"]
    statement = sqlite_insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: statement.excluded[name] for name in names},
        where=table.c.version <= statement.excluded.version,
    )
    conn.execute(statement, rows)
