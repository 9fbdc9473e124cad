"""Contact leases on the server: one agent per contact at a time, with a fencing token.

A grant locks the candidate rows with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL, MariaDB >= 10.6),
so concurrent agents never wait for each other and never get the same contact; a SQLite server
file serializes grants with its IMMEDIATE transactions. Expiry times come from the server's
clock. Each grant increments the contact's token; a result carrying an older token is still
accepted (see ``server._LeaseCheck``) and flagged as a possible double contact.

Grants apply the dialing rules (``store.contact_queue``): due callbacks first (personal ones
only to their agent), then priority and the longest due; attempts left, no number on the
do-not-call list, and only zones whose calling hours are open, judged on the server's clock.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.store.contact_queue import (
    CALLABLE_STATUSES,
    CALLBACK_ORDER,
    DEFAULT_TTL,
    GRANT_ORDER,
    GrantPart,
    LeaseTest,
    candidates,
    grant_conditions,
    grant_parameters,
    shape_of,
)
from agentdesk.store.list_rules import ZoneFilter, group_rules, rules_query, zone_filters
from agentdesk.store.schema.contacts import contacts
from agentdesk.sync.bulk import chunks
from agentdesk.sync.connection import retrying
from agentdesk.sync.protocol import Lease
from agentdesk.sync.server import ServerStore, server_now

__all__ = ["CANDIDATES", "DEFAULT_TTL", "LEASABLE", "grant", "release", "renew"]

LEASABLE = CALLABLE_STATUSES
CANDIDATES = 8  # MariaDB reads this many times the wanted contacts before locking any


def _filters(conn: Connection, call_list_ids: Sequence[uuid.UUID]
             ) -> tuple[list[ZoneFilter], datetime]:
    """Read the lists' campaign rules and judge their zones; return them and the server time.

    On PostgreSQL and MariaDB the server's clock comes with the rules, in the same round
    trip; a SQLite server file uses this machine's.
    """
    query = rules_query(call_list_ids)
    clock = {"postgresql": sa.func.now(), "mysql": sa.func.utc_timestamp(6),
             "mariadb": sa.func.utc_timestamp(6)}.get(conn.dialect.name)
    if clock is None:
        now = server_now(conn)
        rows = conn.execute(query).all()
    else:
        rows = conn.execute(query.add_columns(clock.label("server_now"))).all()
        if not rows:
            return [], datetime.now(UTC)
        stamp = rows[0].server_now
        now = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return zone_filters(conn, group_rules(rows), now), now


@functools.lru_cache(maxsize=256)
def _pg_statement(zoned: tuple[bool, ...], ttl: timedelta) -> sa.Update:
    """PostgreSQL's grant: choose, lock and lease in one statement (built once per shape)."""
    where = grant_conditions(zoned, LeaseTest.SERVER_CLOCK)
    count = sa.bindparam("count", type_=sa.Integer())
    callbacks = (sa.select(contacts.c.id).where(where.callbacks)
                 .order_by(*CALLBACK_ORDER).limit(count)
                 .with_for_update(skip_locked=True).cte("callbacks"))
    # The first calls fill what the callbacks leave, so no row is locked for nothing.
    room = count - sa.select(sa.func.count()).select_from(callbacks).scalar_subquery()
    first_calls = (sa.select(contacts.c.id).where(where.first_calls)
                   .order_by(*GRANT_ORDER).limit(room)
                   .with_for_update(skip_locked=True).cte("first_calls"))
    # A limit the planner can read tells it how few rows come: it then updates them by
    # primary key instead of hashing the whole table.
    chosen = sa.union_all(sa.select(callbacks.c.id), sa.select(first_calls.c.id)) \
        .limit(count).cte("chosen")
    return (
        contacts.update().where(contacts.c.id == chosen.c.id)
        .values(lease_agent_id=sa.bindparam("agent", type_=sa.Uuid()),
                lease_token=contacts.c.lease_token + 1,
                lease_expires_at=where.now + ttl)
        .returning(contacts.c.id, contacts.c.lease_token, contacts.c.lease_expires_at)
    )


@functools.lru_cache(maxsize=256)
def _locking(zoned: tuple[bool, ...], part: GrantPart) -> sa.Select[Any]:
    """Lock the still-free contacts among ``:ids``, best first (MariaDB, SKIP LOCKED)."""
    where = grant_conditions(zoned, LeaseTest.BOUND)
    first = part is GrantPart.FIRST_CALLS
    return (sa.select(contacts.c.id, contacts.c.lease_token)
            .where(where.first_calls if first else where.callbacks,
                   contacts.c.id.in_(sa.bindparam("ids", expanding=True)))
            .order_by(*(GRANT_ORDER if first else CALLBACK_ORDER))
            .limit(sa.bindparam("limit", type_=sa.Integer()))
            .with_for_update(skip_locked=True))


def grant(
    server: ServerStore,
    agent_id: uuid.UUID,
    call_list_ids: Sequence[uuid.UUID],
    count: int,
    *,
    ttl: timedelta = DEFAULT_TTL,
) -> list[Lease]:
    """Lease up to ``count`` contacts of ``call_list_ids`` that ``agent_id`` may call now.

    Due callbacks come first, then contacts by priority and the longest due; a contact
    whose lease expired returns to the pool. Returns the leases granted (possibly none).
    """
    if count <= 0 or not call_list_ids:
        return []

    def one_statement() -> list[Lease]:
        """PostgreSQL: the rules and the clock, then one statement, on the server's clock."""
        with server.engine.begin() as conn:
            filters, _now = _filters(conn, call_list_ids)
            if not filters:
                return []
            values = {**grant_parameters(filters, agent_id), "count": count}
            return [Lease(row.id, int(row.lease_token), row.lease_expires_at)
                    for row in conn.execute(_pg_statement(shape_of(filters), ttl), values)]

    def work() -> list[Lease]:
        with server.engine.begin() as conn:
            filters, now = _filters(conn, call_list_ids)
            chosen: list[Any] = []
            for part in GrantPart:
                wanted = count - len(chosen)
                if wanted <= 0:
                    break
                if server.dialect == "sqlite":
                    chosen.extend(candidates(conn, filters, agent_id, now, part, wanted))
                    continue
                # InnoDB locks every row a locking scan reads: first find candidates without
                # locks, then lock only those by primary key, checking again that they are
                # still free (a locking read sees the latest committed row).
                found = [row.id for row in candidates(conn, filters, agent_id, now, part,
                                                      wanted * CANDIDATES)]
                if found:
                    values = {**grant_parameters(filters, agent_id, now), "limit": wanted,
                              "ids": found}
                    chosen.extend(conn.execute(_locking(shape_of(filters), part), values).all())
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
