"""The server side of sync: applying pushed mutations, the change sequence, pulling pages.

Workstations reach the server database directly over SQLAlchemy; the code in this module is
what runs inside the server transactions, whichever workstation opens them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine

from agentdesk.domain.ids import new_id
from agentdesk.store.schema import SYNCED_TABLES, TableKind, metadata
from agentdesk.store.schema.base import DEFAULT_SITE, synced_columns
from agentdesk.store.schema.contacts import contacts, customers
from agentdesk.store.schema.sync import (
    applied_mutations,
    change_log,
    sync_conflicts,
    sync_meta,
    sync_sequencer,
    workstations,
)
from agentdesk.sync.bulk import among, chunks, insert_rows
from agentdesk.sync.codec import BadPayload, decode_partial, decode_row, synced_table_names
from agentdesk.sync.connection import retrying, unavailable_as_known
from agentdesk.sync.merge import FieldConflict, merge
from agentdesk.sync.protocol import (
    PROTOCOL_VERSION,
    Mutation,
    MutationResult,
    Outcome,
    Page,
    ProtocolMismatch,
    ServerInfo,
    compatible,
)

PROTOCOL_KEY = "protocol"
PURGED_KEY = "purged_through."  # + scope: the highest sequence number of a purged tombstone
_ANSWERED_PG = sa.text(
    "SELECT a.mutation_id, a.outcome, a.reason FROM unnest(:ids) AS m(id) "
    "CROSS JOIN LATERAL (SELECT mutation_id, outcome, reason FROM applied_mutations "
    "WHERE workstation_id = :workstation_id AND mutation_id = m.id LIMIT 1) AS a"
).bindparams(sa.bindparam("ids", type_=postgresql.ARRAY(sa.Uuid()))).columns(
    mutation_id=sa.Uuid(), outcome=sa.String(), reason=sa.String())
_ORDER = {name: index for index, name in enumerate(synced_table_names())}


def server_now(conn: Connection) -> datetime:
    """Return the server database's clock (UTC); a SQLite server file uses this machine's."""
    name = conn.dialect.name
    if name == "postgresql":
        value = conn.exec_driver_sql("SELECT now()").scalar_one()
        return value.astimezone(UTC)
    if name in ("mysql", "mariadb"):
        value = conn.exec_driver_sql("SELECT UTC_TIMESTAMP(6)").scalar_one()
        return value.replace(tzinfo=UTC)
    return datetime.now(UTC)


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


@dataclass
class _Batch:
    """What one push transaction writes, gathered before anything is written."""

    results: dict[uuid.UUID, MutationResult] = field(default_factory=dict)
    inserts: dict[str, dict[uuid.UUID, dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(dict))
    updates: dict[str, dict[uuid.UUID, dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(dict))
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def absorb(self, other: _Batch) -> None:
        """Take over what ``other`` decided and wrote (one mutation in careful mode)."""
        self.results.update(other.results)
        for name, rows in other.inserts.items():
            self.inserts[name].update(rows)
        for name, rows in other.updates.items():
            for row_id, row in rows.items():
                if row_id not in self.inserts[name]:
                    self.updates[name][row_id] = row
                else:
                    self.inserts[name][row_id] = row
        self.conflicts.extend(other.conflicts)

    def written(self) -> list[tuple[str, str, uuid.UUID]]:
        """Return (scope, table, row id) of every written row, parents first."""
        out: list[tuple[str, str, uuid.UUID]] = []
        for name in sorted(set(self.inserts) | set(self.updates), key=_ORDER.__getitem__):
            for source in (self.inserts[name], self.updates[name]):
                out.extend((row["site"], name, row_id) for row_id, row in source.items())
        out.extend((c["site"], "sync_conflicts", c["id"]) for c in self.conflicts)
        return out


class ServerStore:
    """The server database as the sync engine uses it.

    Args:
        engine: From :func:`agentdesk.sync.connection.server_engine`.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._locking = self.dialect != "sqlite"  # SQLite serializes writers itself

    def dispose(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    # ------------------------------------------------------------------ handshake
    def handshake(self, protocol: int = PROTOCOL_VERSION) -> ServerInfo:
        """Check that this server accepts ``protocol``; return its versions and clock.

        Raises:
            ProtocolMismatch: the server schema is missing, too old or too new.
            ServerUnavailable: the server cannot be reached.
        """
        def work() -> ServerInfo:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table("sync_meta"):
                    raise ProtocolMismatch(
                        "The server database has no AgentDesk schema yet: run "
                        "agentdesk-admin init-server", server_protocol=0)
                value = conn.execute(
                    sa.select(sync_meta.c.value).where(sync_meta.c.key == PROTOCOL_KEY)
                ).scalar()
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                now = server_now(conn)
            server_protocol = int(value or 0)
            if not compatible(server_protocol, protocol):
                raise ProtocolMismatch(
                    f"The server speaks sync protocol {server_protocol}, this workstation "
                    f"{protocol}: upgrade the older side", server_protocol=server_protocol,
                    protocol=protocol)
            return ServerInfo(server_protocol, str(revision or ""), now)

        return retrying(work)

    # ------------------------------------------------------------------ push
    def push(
        self,
        workstation_id: str,
        mutations: Sequence[Mutation],
        *,
        protocol: int = PROTOCOL_VERSION,
        schema_revision: str = "",
        app_version: str = "",
    ) -> list[MutationResult]:
        """Apply a batch of mutations in one server transaction; return one result each.

        A mutation seen before (same workstation and mutation id) gets its first answer
        again and changes nothing. Malformed or refused mutations are rejected one by one;
        a constraint failure, or a value the server database cannot store, re-runs the batch
        mutation by mutation so only the failing one is rejected. A lost connection raises
        ServerUnavailable: the workstation keeps its outbox and pushes the same batch again.
        """
        if not mutations:
            return []
        if not compatible(PROTOCOL_VERSION, protocol):
            raise ProtocolMismatch(f"Sync protocol {protocol} is not accepted",
                                   protocol=protocol)
        meta = {"workstation_id": workstation_id[:36], "protocol": protocol,
                "schema_revision": schema_revision[:32], "app_version": app_version[:32]}

        def fast() -> list[MutationResult]:
            with self.engine.begin() as conn:
                return self._push(conn, meta, mutations, careful=False)

        def careful() -> list[MutationResult]:
            with self.engine.begin() as conn:
                return self._push(conn, meta, mutations, careful=True)

        try:
            return retrying(fast)
        except (sa.exc.IntegrityError, sa.exc.DataError):  # e.g. MariaDB TEXT over 64 KB
            return retrying(careful)

    def _push(
        self, conn: Connection, meta: Mapping[str, Any], mutations: Sequence[Mutation],
        *, careful: bool,
    ) -> list[MutationResult]:
        workstation_id = meta["workstation_id"]
        now = server_now(conn)
        done = self._answered(conn, workstation_id, [m.mutation_id for m in mutations])
        fresh = [m for m in mutations if m.mutation_id not in done]
        batch = _Batch()
        if careful:
            for mutation in fresh:
                single = _Batch()
                try:
                    with conn.begin_nested():
                        self._fold(conn, single, [mutation], workstation_id, now)
                        self._write(conn, single)
                except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
                    reason = f"refused by the server database: {str(exc.orig).splitlines()[0]}"
                    batch.results[mutation.mutation_id] = MutationResult(
                        mutation.mutation_id, Outcome.REJECTED, reason[:480])
                    continue
                batch.absorb(single)
        else:
            self._fold(conn, batch, fresh, workstation_id, now)
            self._write(conn, batch)
        if batch.results:
            insert_rows(conn, applied_mutations, [
                {"workstation_id": workstation_id, "mutation_id": r.mutation_id,
                 "outcome": r.outcome.value, "reason": r.reason[:500],
                 "protocol": meta["protocol"], "applied_at": now}
                for r in batch.results.values()
            ])
        self._seen(conn, meta, now, push=True)
        self._log_changes(conn, batch.written())  # last: the sequencer lock is held briefly
        answers = {**done, **batch.results}
        return [answers[m.mutation_id] for m in mutations]

    def _answered(
        self, conn: Connection, workstation_id: str, ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, MutationResult]:
        answers: dict[uuid.UUID, MutationResult] = {}
        wanted = list(dict.fromkeys(ids))
        if conn.dialect.name == "postgresql":
            # One primary-key probe per id, whatever the planner believes about the table's
            # size (its statistics lag behind a bulk upload into a new server).
            found: Iterable[Any] = conn.execute(
                _ANSWERED_PG, {"ids": wanted, "workstation_id": workstation_id})
        else:
            found = (row for part in chunks(wanted) for row in conn.execute(
                sa.select(applied_mutations.c.mutation_id, applied_mutations.c.outcome,
                          applied_mutations.c.reason)
                .where(applied_mutations.c.workstation_id == workstation_id,
                       applied_mutations.c.mutation_id.in_(part))))
        for row in found:
            answers[row.mutation_id] = MutationResult(row.mutation_id, Outcome(row.outcome),
                                                      row.reason)
        return answers

    def _current_rows(
        self, conn: Connection, table_name: str, ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        table = metadata.tables[table_name]
        columns = synced_columns(table)
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for condition in among(conn, table.c.id, sorted(set(ids))):
            query = sa.select(*columns).where(condition)
            if self._locking and SYNCED_TABLES[table_name] is TableKind.SHARED:
                query = query.with_for_update()
            for row in conn.execute(query):
                found[row.id] = dict(row._mapping)
        return found

    def _fold(
        self, conn: Connection, batch: _Batch, mutations: Sequence[Mutation],
        workstation_id: str, now: datetime,
    ) -> None:
        """Decide every mutation against the server's rows, in order, without writing."""
        decoded: list[tuple[Mutation, dict[str, Any], dict[str, Any] | None]] = []
        for mutation in mutations:
            try:
                row = decode_row(mutation.table_name, mutation.payload)
                if row["id"] != mutation.row_id:
                    raise BadPayload("the row id does not match the mutation")
                base = decode_partial(mutation.table_name, mutation.base_payload)
            except BadPayload as exc:
                batch.results[mutation.mutation_id] = MutationResult(
                    mutation.mutation_id, Outcome.REJECTED, f"malformed change: {exc}"[:480])
                continue
            decoded.append((mutation, row, base))
        wanted: dict[str, list[uuid.UUID]] = defaultdict(list)
        for mutation, row, _base in decoded:
            wanted[mutation.table_name].append(row["id"])
        state: dict[str, dict[uuid.UUID, dict[str, Any]]] = {
            name: self._current_rows(conn, name, ids) for name, ids in wanted.items()
        }
        renumber = _CustomerNumbers(conn, [r for m, r, _b in decoded
                                          if m.table_name == "customers"])
        leases = _LeaseCheck(conn, [r for m, r, _b in decoded if m.table_name == "calls"])
        for mutation, row, base in decoded:
            name = mutation.table_name
            current = state[name].get(row["id"])
            result = merge(SYNCED_TABLES[name], current, row, op=mutation.op,
                           base_version=mutation.base_version, base_values=base, now=now)
            conflicts = list(result.conflicts)
            stored = result.row
            if stored is not None and current is None and name == "customers":
                stored, renumbered = renumber.settle(stored)
                conflicts.extend(renumbered)
            if stored is not None and current is None and name == "calls":
                conflicts.extend(leases.check(stored))
            batch.results[mutation.mutation_id] = MutationResult(
                mutation.mutation_id, Outcome.MERGED if conflicts else result.outcome,
                result.reason)
            for conflict in conflicts:
                batch.conflicts.append(_conflict_row(name, row, conflict, workstation_id,
                                                     mutation.mutation_id, now))
            if stored is None:
                continue
            state[name][row["id"]] = stored
            if current is None or row["id"] in batch.inserts[name]:
                batch.inserts[name][row["id"]] = stored
            else:
                batch.updates[name][row["id"]] = stored

    def _write(self, conn: Connection, batch: _Batch) -> None:
        for name in sorted(set(batch.inserts) | set(batch.updates), key=_ORDER.__getitem__):
            table = metadata.tables[name]
            if batch.inserts[name]:
                insert_rows(conn, table, list(batch.inserts[name].values()))
            if batch.updates[name]:
                names = [c.name for c in synced_columns(table) if c.name != "id"]
                statement = (
                    table.update()
                    .where(table.c.id == sa.bindparam("_id"))
                    .values({n: sa.bindparam(n) for n in names})
                )
                conn.execute(statement, [{**{n: r[n] for n in names}, "_id": r["id"]}
                                         for r in batch.updates[name].values()])
        if batch.conflicts:
            conn.execute(sync_conflicts.insert(), batch.conflicts)

    def _log_changes(self, conn: Connection, written: Sequence[tuple[str, str, uuid.UUID]]) -> None:
        """Number the written rows from the scope's sequencer row, locked until commit.

        Called last in the transaction: the lock is held only for the commit, and the
        numbers are handed out in commit order, so a pull never sees seq N+1 before N.
        """
        by_scope: dict[str, list[tuple[str, uuid.UUID]]] = defaultdict(list)
        for scope, name, row_id in written:
            by_scope[scope].append((name, row_id))
        for scope in sorted(by_scope):
            entries = by_scope[scope]
            last = self._take_numbers(conn, scope, len(entries))
            insert_rows(conn, change_log, [
                {"scope": scope, "seq": last - len(entries) + 1 + index, "table_name": name,
                 "row_id": row_id}
                for index, (name, row_id) in enumerate(entries)
            ])

    def _take_numbers(self, conn: Connection, scope: str, count: int) -> int:
        """Reserve ``count`` sequence numbers of ``scope``; return the last one."""
        query = sa.select(sync_sequencer.c.last_seq).where(sync_sequencer.c.scope == scope)
        if self._locking:
            query = query.with_for_update()
        last = conn.execute(query).scalar()
        if last is None:
            with conn.begin_nested():  # a new site: its sequencer row starts at zero
                conn.execute(sync_sequencer.insert().values(scope=scope, last_seq=0))
            last = conn.execute(query).scalar_one()
        conn.execute(sync_sequencer.update().where(sync_sequencer.c.scope == scope)
                     .values(last_seq=last + count))
        return int(last) + count

    def _seen(self, conn: Connection, meta: Mapping[str, Any], now: datetime, *,
              push: bool) -> None:
        column = "last_push_at" if push else "last_pull_at"
        values = {"protocol": meta["protocol"], "schema_revision": meta["schema_revision"],
                  "app_version": meta["app_version"], column: now}
        updated = conn.execute(workstations.update()
                               .where(workstations.c.workstation_id == meta["workstation_id"])
                               .values(values))
        if updated.rowcount == 0:
            with conn.begin_nested():
                conn.execute(workstations.insert().values(
                    workstation_id=meta["workstation_id"], **values))

    # ------------------------------------------------------------------ pull
    def pull(self, scope: str, cursor: int, limit: int = 2000) -> Page:
        """Return the rows changed after ``cursor`` in ``scope``, at most ``limit`` changes."""
        def work() -> Page:
            with self.engine.connect().execution_options(agentdesk_write=False) as conn, \
                    conn.begin():
                purged = conn.execute(
                    sa.select(sync_meta.c.value).where(sync_meta.c.key == PURGED_KEY + scope)
                ).scalar()
                if 0 < cursor < int(purged or 0):  # it may have missed a purged tombstone
                    return Page(cursor=cursor, resync=True)
                entries = conn.execute(
                    sa.select(change_log.c.seq, change_log.c.table_name, change_log.c.row_id)
                    .where(change_log.c.scope == scope, change_log.c.seq > cursor)
                    .order_by(change_log.c.seq).limit(limit)
                ).all()
                if not entries:
                    return Page(cursor=cursor)
                wanted: dict[str, list[uuid.UUID]] = defaultdict(list)
                for entry in entries:
                    if entry.table_name in SYNCED_TABLES:  # newer servers may know more
                        wanted[entry.table_name].append(entry.row_id)
                rows: dict[str, list[dict[str, Any]]] = {}
                for name in sorted(wanted, key=_ORDER.__getitem__):
                    table = metadata.tables[name]
                    columns = synced_columns(table)
                    found: list[dict[str, Any]] = []
                    for condition in among(conn, table.c.id,
                                           list(dict.fromkeys(wanted[name]))):
                        found.extend(dict(r._mapping) for r in conn.execute(
                            sa.select(*columns).where(condition)))
                    rows[name] = found
                return Page(rows=rows, cursor=int(entries[-1].seq),
                            more=len(entries) == limit)

        return retrying(work)

    def head(self, scope: str) -> int:
        """Return the newest sequence number of ``scope`` (0 if none)."""
        def work() -> int:
            with self.engine.connect() as conn:
                value = conn.execute(sa.select(sync_sequencer.c.last_seq)
                                     .where(sync_sequencer.c.scope == scope)).scalar()
            return int(value or 0)

        return retrying(work)

    def note_pull(self, workstation_id: str, *, protocol: int = PROTOCOL_VERSION,
                  schema_revision: str = "", app_version: str = "") -> None:
        """Record that a workstation pulled (for the supervisors' workstation list)."""
        meta = {"workstation_id": workstation_id[:36], "protocol": protocol,
                "schema_revision": schema_revision[:32], "app_version": app_version[:32]}

        def work() -> None:
            with self.engine.begin() as conn:
                self._seen(conn, meta, server_now(conn), push=False)

        retrying(work)

    # ------------------------------------------------------------------ administration
    def log_untracked_rows(self) -> int:
        """Give every synced row that has no change-log entry one (rows written by tools).

        Returns the number of rows logged.
        """
        with unavailable_as_known(), self.engine.begin() as conn:
            written: list[tuple[str, str, uuid.UUID]] = []
            for name in synced_table_names():
                table = metadata.tables[name]
                logged = sa.select(change_log.c.row_id).where(change_log.c.table_name == name)
                written.extend(
                    (row.site, name, row.id) for row in conn.execute(
                        sa.select(table.c.site, table.c.id).where(table.c.id.not_in(logged))
                        .order_by(table.c.id))
                )
            self._log_changes(conn, written)
            return len(written)

    def log_rows(self, conn: Connection, written: Sequence[tuple[str, str, uuid.UUID]]) -> None:
        """Log rows an administrative tool wrote in ``conn``'s transaction, parents first.

        Args:
            conn: The transaction that wrote the rows; the sequencer lock is taken last.
            written: (scope, table, row id) of each row.
        """
        self._log_changes(conn, sorted(written, key=lambda w: _ORDER.get(w[1], len(_ORDER))))


class _CustomerNumbers:
    """Gives a customer created offline a new number if another workstation took it first."""

    def __init__(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        self._conn = conn
        numbers = [r["customer_no"] for r in rows]
        self._taken: dict[str, uuid.UUID] = {}
        for part in chunks(numbers):
            for row in conn.execute(sa.select(customers.c.customer_no, customers.c.id)
                                    .where(customers.c.customer_no.in_(part))):
                self._taken[row.customer_no] = row.id
        self._next: int | None = None

    def settle(self, row: dict[str, Any]) -> tuple[dict[str, Any], list[FieldConflict]]:
        number = row["customer_no"]
        owner = self._taken.get(number)
        if owner is None or owner == row["id"]:
            self._taken[number] = row["id"]
            return row, []
        if self._next is None:
            highest = self._conn.execute(sa.select(sa.func.max(customers.c.customer_no))).scalar()
            self._next = int(highest[1:]) + 1 if highest and highest[1:].isdigit() else 1
        fresh = f"C{self._next:08d}"
        while fresh in self._taken:
            self._next += 1
            fresh = f"C{self._next:08d}"
        self._next += 1
        self._taken[fresh] = row["id"]
        renumbered = {**row, "customer_no": fresh, "version": row["version"] + 1}
        return renumbered, [FieldConflict("customer_no", fresh, number)]


class _LeaseCheck:
    """Flags a call result whose lease token is older than the contact's latest grant."""

    def __init__(self, conn: Connection, calls: Iterable[Mapping[str, Any]]) -> None:
        ids = sorted({c["contact_id"] for c in calls if c.get("contact_id") is not None
                      and c.get("lease_token") is not None})
        self._leases: dict[uuid.UUID, tuple[int, uuid.UUID | None]] = {}
        for part in chunks(ids):
            for row in conn.execute(
                sa.select(contacts.c.id, contacts.c.lease_token, contacts.c.lease_agent_id)
                .where(contacts.c.id.in_(part))
            ):
                self._leases[row.id] = (int(row.lease_token), row.lease_agent_id)

    def check(self, call: Mapping[str, Any]) -> list[FieldConflict]:
        held = self._leases.get(call.get("contact_id"))  # type: ignore[arg-type]
        token = call.get("lease_token")
        if held is None or token is None:
            return []
        latest, holder = held
        if token < latest or (token == latest and holder not in (None, call["agent_id"])):
            return [FieldConflict("lease_token", latest, token)]
        return []


def _conflict_row(
    table_name: str, row: Mapping[str, Any], conflict: FieldConflict, workstation_id: str,
    mutation_id: uuid.UUID, now: datetime,
) -> dict[str, Any]:
    if conflict.field == "lease_token":
        kind = "double_contact"
    elif conflict.field == "customer_no" and table_name == "customers":
        kind = "renumbered"
    else:
        kind = "field"
    return {
        "id": new_id(), "site": row.get("site") or DEFAULT_SITE, "version": 1,
        "updated_at": now, "deleted_at": None, "table_name": table_name, "row_id": row["id"],
        "kind": kind, "field": conflict.field[:64], "kept_value": _value_text(conflict.kept),
        "lost_value": _value_text(conflict.lost), "workstation_id": workstation_id,
        "mutation_id": mutation_id, "detected_at": now, "resolved_at": None,
    }
