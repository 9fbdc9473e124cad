"""Contact leases on the server: one agent per contact at a time, with a fencing token.

A grant locks the candidate rows with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL, MariaDB >= 10.6),
so concurrent agents never wait for each other and never get the same contact; a SQLite server
file serializes grants with its IMMEDIATE transactions. Expiry times come from the server's
clock. Each grant increments the contact's token; a result carrying an older token is still
accepted (see ``server._LeaseCheck``) and flagged as a possible double contact.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from agentdesk.domain.calls import ContactStatus
from agentdesk.store.schema.contacts import contacts
from agentdesk.sync.bulk import chunks
from agentdesk.sync.connection import retrying
from agentdesk.sync.protocol import Lease
from agentdesk.sync.server import ServerStore, server_now

LEASABLE = (ContactStatus.NEW.value, ContactStatus.RETRY.value, ContactStatus.CALLBACK.value)
DEFAULT_TTL = timedelta(minutes=15)
CANDIDATES = 8  # MariaDB reads this many times the wanted contacts before locking any
# PostgreSQL only; inline, not a bound parameter, so an expression index can match it.
NEVER_LEASED: sa.ColumnElement[Any] = sa.literal_column("TIMESTAMP '1970-01-01 00:00:00'")


def grant(
    server: ServerStore,
    agent_id: uuid.UUID,
    call_list_ids: Sequence[uuid.UUID],
    count: int,
    *,
    ttl: timedelta = DEFAULT_TTL,
) -> list[Lease]:
    """Lease up to ``count`` due contacts of ``call_list_ids`` to ``agent_id``.

    Contacts are taken by priority, then the longest due; a contact whose lease expired
    returns to the pool. Returns the leases granted (possibly none).
    """
    if count <= 0 or not call_list_ids:
        return []

    def due(now: Any, unleased: sa.ColumnElement[bool]) -> sa.Select[Any]:
        return (
            sa.select(contacts.c.id, contacts.c.lease_token)
            .where(
                contacts.c.call_list_id.in_(list(call_list_ids)),
                contacts.c.status.in_(LEASABLE),
                contacts.c.deleted_at.is_(None),
                sa.or_(contacts.c.next_attempt_at.is_(None),
                       contacts.c.next_attempt_at <= now),
                unleased,
            )
            .order_by(contacts.c.priority.desc(), contacts.c.next_attempt_at,
                      contacts.c.id)
            .limit(count)
        )

    def one_statement() -> list[Lease]:
        """PostgreSQL: choose, lock and lease in one statement, on the server's clock."""
        now = sa.func.timezone("UTC", sa.func.now())
        # One comparison instead of "IS NULL OR <=", in a form an expression index can hold.
        unleased = sa.func.coalesce(contacts.c.lease_expires_at, NEVER_LEASED) <= now
        chosen = due(now, unleased).with_for_update(skip_locked=True).cte("chosen")
        statement = (
            contacts.update().where(contacts.c.id == chosen.c.id)
            .values(lease_agent_id=agent_id, lease_token=contacts.c.lease_token + 1,
                    lease_expires_at=now + ttl)
            .returning(contacts.c.id, contacts.c.lease_token, contacts.c.lease_expires_at)
        )
        with server.engine.begin() as conn:
            return [Lease(row.id, int(row.lease_token), row.lease_expires_at)
                    for row in conn.execute(statement)]

    def work() -> list[Lease]:
        with server.engine.begin() as conn:
            now = server_now(conn)
            unleased = sa.or_(contacts.c.lease_expires_at.is_(None),
                              contacts.c.lease_expires_at <= now)
            query = due(now, unleased)
            if server.dialect != "sqlite":
                # InnoDB locks every row a locking scan reads: first find candidates without
                # locks, then lock only those by primary key, checking again that they are
                # still free (a locking read sees the latest committed row).
                candidates = list(conn.execute(query.limit(count * CANDIDATES)).scalars())
                if not candidates:
                    return []
                query = due(now, unleased).where(contacts.c.id.in_(candidates)) \
                    .with_for_update(skip_locked=True)
            chosen = conn.execute(query).all()
            if not chosen:
                return []
            expires = now + ttl
            conn.execute(
                contacts.update().where(contacts.c.id == sa.bindparam("_id")).values(
                    lease_agent_id=sa.bindparam("_agent"),
                    lease_token=sa.bindparam("_token"),
                    lease_expires_at=sa.bindparam("_expires"),
                ),
                [{"_id": row.id, "_agent": agent_id, "_token": int(row.lease_token) + 1,
                  "_expires": expires} for row in chosen],
            )
            return [Lease(row.id, int(row.lease_token) + 1, expires) for row in chosen]

    return retrying(one_statement if server.dialect == "postgresql" else work)


def renew(
    server: ServerStore,
    agent_id: uuid.UUID,
    held: Sequence[Lease],
    *,
    ttl: timedelta = DEFAULT_TTL,
) -> list[Lease]:
    """Extend the leases ``agent_id`` still holds; return them (lost ones are left out).

    A lease is still held if its token is the contact's latest and it was not granted to
    someone else after expiring.
    """
    if not held:
        return []
    tokens = {lease.contact_id: lease.token for lease in held}

    def work() -> list[Lease]:
        with server.engine.begin() as conn:
            now = server_now(conn)
            expires = now + ttl
            kept: list[Lease] = []
            for part in chunks(sorted(tokens)):
                query = sa.select(contacts.c.id, contacts.c.lease_token,
                                  contacts.c.lease_agent_id).where(contacts.c.id.in_(part))
                if server.dialect != "sqlite":
                    query = query.with_for_update()
                for row in conn.execute(query):
                    if row.lease_agent_id == agent_id and int(row.lease_token) == tokens[row.id]:
                        kept.append(Lease(row.id, tokens[row.id], expires))
            if kept:
                conn.execute(
                    contacts.update().where(contacts.c.id == sa.bindparam("_id"))
                    .values(lease_expires_at=expires),
                    [{"_id": lease.contact_id} for lease in kept],
                )
            return kept

    return retrying(work)


def release(server: ServerStore, agent_id: uuid.UUID, held: Sequence[Lease]) -> int:
    """Give back leases (the token stays, so it keeps growing); return how many were held."""
    if not held:
        return 0

    def work() -> int:
        with server.engine.begin() as conn:
            result = conn.execute(
                contacts.update()
                .where(contacts.c.id == sa.bindparam("_id"),
                       contacts.c.lease_agent_id == agent_id,
                       contacts.c.lease_token == sa.bindparam("_token"))
                .values(lease_agent_id=None, lease_expires_at=None),
                [{"_id": lease.contact_id, "_token": lease.token} for lease in held],
            )
            return int(result.rowcount)

    return retrying(work)
