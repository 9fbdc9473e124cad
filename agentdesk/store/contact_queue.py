"""Which contact to call next: the dialing rules as SQL, an agent's leased batch, local grants.

The same rules run in three places. The server grant (``sync.leases``) and the local grant
(:func:`grant_local`, for a workstation that has no server) take contacts in SQL: due
callbacks first (the longest overdue first; another agent's personal callback never), then
by priority and the longest due; never a number on the do-not-call list or a contact whose
attempts are used up, and only in time zones where calling hours are open. The zones are
read from an index a zone at a time and judged in Python (:mod:`agentdesk.domain.dialing`),
so the SQL is a plain ``IN`` list every backend runs alike; with every zone open there is no
filter. Each list is read in its index's order and only as far as needed.

:func:`pick_first` then chooses from the agent's leased batch with the exact rules, so a
do-not-call entry or a closed window that arrived after the lease is honoured. It is the
hot path of the console's "next contact" and runs its SQL on the driver (:class:`DriverQuery`).

A contact with no time zone of its own is judged by its number (libphonenumber) in the
batch; the SQL of the grants, which cannot parse numbers, takes it to be in the center's
zone.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import ContactStatus
from agentdesk.domain.dialing import (
    ContactState,
    DialRules,
    Ineligible,
    contact_time_zone,
    dial_order,
    ineligibility,
    open_zones,
)
from agentdesk.store.list_rules import (
    ListRules,
    ZoneFilter,
    list_rules,
    list_zones,
    zone_filters,
    zone_key,
)
from agentdesk.store.schema.base import UTCDateTime
from agentdesk.store.schema.contacts import contacts, dnc_entries

CALLABLE_STATUSES = (ContactStatus.NEW.value, ContactStatus.RETRY.value,
                     ContactStatus.CALLBACK.value)
DEFAULT_TTL = timedelta(minutes=15)
#: Reasons that never pass with time: such a contact is given back instead of kept.
FINISHED = frozenset({Ineligible.NOT_CALLABLE, Ineligible.DNC, Ineligible.MAX_ATTEMPTS})


# ---------------------------------------------------------------------- rules as SQL
class LeaseTest(StrEnum):
    """How a grant's SQL tells that a contact is free."""

    SERVER_CLOCK = "server_clock"  # PostgreSQL: now() in SQL, in the grant-order index's form
    BOUND = "bound"  # the time is a parameter, ``:now``
    IGNORED = "ignored"  # leases do not matter (what is left to call at all)


def dnc_listed(e164: sa.ColumnElement[Any], now: Any) -> sa.Exists:
    """Return ``EXISTS`` an active do-not-call entry for the number ``e164``."""
    return sa.exists().where(
        dnc_entries.c.e164 == e164,
        dnc_entries.c.deleted_at.is_(None),
        sa.or_(dnc_entries.c.expires_at.is_(None), dnc_entries.c.expires_at > now),
    )


@dataclass(frozen=True, slots=True)
class GrantConditions:
    """WHERE clauses of the two parts of a grant.

    Callbacks go in :data:`CALLBACK_ORDER`, first calls in :data:`GRANT_ORDER`.

    Their parameters come from :func:`grant_parameters`.

    Attributes:
        callbacks: Due callbacks this agent may take.
        first_calls: New contacts and due retries with attempts left.
        now: The time they compare with (a parameter or the server's clock).
    """

    callbacks: sa.ColumnElement[bool]
    first_calls: sa.ColumnElement[bool]
    now: sa.ColumnElement[Any]


_LEASE_ORDER_PREDICATE = sa.text(
    "contacts.status IN (" + ", ".join(f"'{status}'" for status in CALLABLE_STATUSES) + ")")
#: Order of the first calls: priority, then the longest due.
GRANT_ORDER: tuple[sa.ColumnElement[Any], ...] = (
    contacts.c.priority.desc(), contacts.c.next_attempt_at, contacts.c.id)
#: Order of due callbacks: the longest overdue first.
CALLBACK_ORDER: tuple[sa.ColumnElement[Any], ...] = (
    contacts.c.next_attempt_at, contacts.c.id)
#: Never leased, for the expression of PostgreSQL's grant-order index. Inline, not a bound
#: parameter, so the index can match it.
NEVER_LEASED: sa.ColumnElement[Any] = sa.literal_column("TIMESTAMP '1970-01-01 00:00:00'")


@functools.lru_cache(maxsize=256)
def grant_conditions(zoned: tuple[bool, ...], lease_test: LeaseTest) -> GrantConditions:
    """Return the grant's conditions for rule groups with (True) or without a zone filter.

    Built once per shape: the lists, limits, zones, agent and time are parameters, so a
    grant costs no statement building and hits SQLAlchemy's compiled cache.
    """
    if lease_test is LeaseTest.SERVER_CLOCK:
        now: sa.ColumnElement[Any] = sa.func.timezone("UTC", sa.func.now())
        unleased = sa.func.coalesce(contacts.c.lease_expires_at, NEVER_LEASED) <= now
    else:
        now = sa.bindparam("now", type_=UTCDateTime())
        unleased = (sa.true() if lease_test is LeaseTest.IGNORED else sa.or_(
            contacts.c.lease_expires_at.is_(None), contacts.c.lease_expires_at <= now))
    callable_now = [contacts.c.deleted_at.is_(None), unleased, ~dnc_listed(contacts.c.e164, now)]

    def lists(first_calls: bool) -> sa.ColumnElement[bool]:
        each: list[sa.ColumnElement[bool]] = []
        for index, has_zones in enumerate(zoned):
            parts: list[sa.ColumnElement[bool]] = [
                contacts.c.call_list_id.in_(sa.bindparam(f"lists_{index}", expanding=True))]
            if first_calls:
                parts.append(contacts.c.attempts < sa.bindparam(f"max_{index}", type_=sa.Integer()))
            if has_zones:
                parts.append(contacts.c.time_zone.in_(
                    sa.bindparam(f"zones_{index}", expanding=True)))
            each.append(sa.and_(*parts))
        return each[0] if len(each) == 1 else sa.or_(*each)

    agent = sa.bindparam("agent", type_=sa.Uuid())
    # Due callbacks: read from ix_contacts_due in due order (a range, no sort), so a list
    # with thousands of them costs no more than one with a few.
    callbacks = sa.and_(
        contacts.c.status == ContactStatus.CALLBACK.value, contacts.c.next_attempt_at <= now,
        lists(False), *callable_now,
        sa.or_(contacts.c.callback_agent_id.is_(None), contacts.c.callback_agent_id == agent),
    )
    # The grant-order index's own predicate, with literal values: SQLite uses a partial
    # index only for a query that repeats its WHERE terms as written. A callback without a
    # time (none is written so) is called like a new contact.
    first_calls = sa.and_(
        _LEASE_ORDER_PREDICATE,
        sa.or_(contacts.c.status != ContactStatus.CALLBACK.value,
               contacts.c.next_attempt_at.is_(None)),
        sa.or_(contacts.c.next_attempt_at.is_(None), contacts.c.next_attempt_at <= now),
        lists(True), *callable_now,
    )
    return GrantConditions(callbacks, first_calls, now)


def grant_parameters(filters: Sequence[ZoneFilter], agent_id: uuid.UUID,
                     now: datetime | None = None) -> dict[str, Any]:
    """Return the parameters of :func:`grant_conditions` for ``filters``."""
    values: dict[str, Any] = {"agent": agent_id}
    if now is not None:
        values["now"] = now
    for index, item in enumerate(filters):
        values[f"lists_{index}"] = list(item.lists.call_list_ids)
        values[f"max_{index}"] = item.lists.rules.max_attempts
        if item.zones is not None:
            values[f"zones_{index}"] = sorted(item.zones)
    return values


def shape_of(filters: Sequence[ZoneFilter]) -> tuple[bool, ...]:
    """Return the shape :func:`grant_conditions` is built for."""
    return tuple(item.zones is not None for item in filters)


# ---------------------------------------------------------------------- local grant
@dataclass(frozen=True, slots=True)
class LocalLease:
    """A lease granted on the workstation: contact, token and expiry."""

    contact_id: uuid.UUID
    token: int
    expires_at: datetime


def grant_local(conn: Connection, agent_id: uuid.UUID, call_list_ids: Sequence[uuid.UUID],
                count: int, now: datetime, *, ttl: timedelta = DEFAULT_TTL) -> list[LocalLease]:
    """Lease up to ``count`` contacts to ``agent_id`` on this database, by the server's rules.

    For a workstation without a server: its own database is the only one, so the leases
    live in its ``contacts`` rows. Call inside a write transaction.
    """
    if count <= 0 or not call_list_ids:
        return []
    filters = zone_filters(conn, list_rules(conn, call_list_ids), now)
    chosen: list[Any] = []
    for part in GrantPart:
        wanted = count - len(chosen)
        if wanted > 0:
            chosen.extend(candidates(conn, filters, agent_id, now, part, wanted))
    if not chosen:
        return []
    expires = now + ttl
    conn.execute(
        contacts.update().where(contacts.c.id == sa.bindparam("_id")).values(
            lease_agent_id=agent_id, lease_token=sa.bindparam("_token"),
            lease_expires_at=expires),
        [{"_id": row.id, "_token": int(row.lease_token) + 1} for row in chosen],
    )
    return [LocalLease(row.id, int(row.lease_token) + 1, expires) for row in chosen]


class GrantPart(StrEnum):
    """The two parts of a grant, in the order they are filled."""

    CALLBACKS = "callbacks"
    FIRST_CALLS = "first_calls"


_INDEX_OF = {GrantPart.CALLBACKS: "ix_contacts_due",
             GrantPart.FIRST_CALLS: "ix_contacts_lease_order"}


@functools.lru_cache(maxsize=64)
def candidate_query(zoned: bool, part: GrantPart) -> sa.Select[Any]:
    """Return the free contacts of one list (``lists_0``) for ``part``, best first.

    One list at a time, so the part's index hands the rows over in order and the query
    stops after ``:limit`` of them. SQLite is told the index: with statistics it may
    otherwise prefer a plan that sorts every due contact.
    """
    where = grant_conditions((zoned,), LeaseTest.BOUND)
    first = part is GrantPart.FIRST_CALLS
    query = (sa.select(contacts.c.id, contacts.c.lease_token, contacts.c.priority,
                       contacts.c.next_attempt_at)
             .where(where.first_calls if first else where.callbacks)
             .order_by(*(GRANT_ORDER if first else CALLBACK_ORDER))
             .limit(sa.bindparam("limit", type_=sa.Integer())))
    return query.with_hint(contacts, f"INDEXED BY {_INDEX_OF[part]}", "sqlite")


def candidates(conn: Connection, filters: Sequence[ZoneFilter], agent_id: uuid.UUID,
               now: datetime, part: GrantPart, limit: int) -> list[Any]:
    """Return the best ``limit`` free contacts of ``part`` over every list of ``filters``.

    Each list is read in index order and the lists' best are merged here: the best of the
    union is among the best of each list.
    """
    found: list[Any] = []
    for item in filters:
        query = candidate_query(item.zones is not None, part)
        values = {**grant_parameters([item], agent_id, now), "limit": limit}
        for list_id in item.lists.call_list_ids:
            found.extend(conn.execute(query, {**values, "lists_0": [list_id]}).all())
    if part is GrantPart.CALLBACKS:
        found.sort(key=lambda r: (r.next_attempt_at, r.id))
    else:
        found.sort(key=lambda r: (-r.priority, r.next_attempt_at is not None,
                                  r.next_attempt_at or now, r.id))
    return found[:limit]


def forget_leases(conn: Connection, contact_ids: Iterable[uuid.UUID]) -> None:
    """Drop contacts from the local batch (their token stays, so it keeps growing)."""
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), 500):
        conn.execute(contacts.update().where(contacts.c.id.in_(ids[start:start + 500]))
                     .values(lease_agent_id=None, lease_expires_at=None))


# ---------------------------------------------------------------------- the leased batch
@dataclass(frozen=True, slots=True)
class QueuedContact:
    """A contact of an agent's leased batch, as the rules see it.

    Attributes:
        id: Contact id.
        call_list_id: Its list.
        customer_id: Whom it is about.
        e164: The number on the list.
        status: Where it stands.
        priority: Higher first.
        attempts: Calls made.
        next_attempt_at: When it is due.
        last_disposition: Code of the last call's disposition.
        zone: The time zone it is called in.
        callback_agent_id: Owner of its personal callback.
        lease_token: The token of this agent's lease.
        dnc: Whether its number is on the active do-not-call list.
    """

    id: uuid.UUID
    call_list_id: uuid.UUID
    customer_id: uuid.UUID
    e164: str
    status: ContactStatus
    priority: int
    attempts: int
    next_attempt_at: datetime | None
    last_disposition: str
    zone: str
    callback_agent_id: uuid.UUID | None
    lease_token: int
    dnc: bool

    @property
    def state(self) -> ContactState:
        """The contact as :func:`agentdesk.domain.dialing.ineligibility` takes it."""
        return ContactState(self.status, self.attempts, self.next_attempt_at,
                            self.callback_agent_id, self.zone)


def _queued(row: Sequence[Any]) -> QueuedContact:
    """A contact from a raw row of :data:`_BATCH` (SQLite storage forms)."""
    (id_, list_id, customer_id, e164, status, priority, attempts, due, last, zone, owner,
     token, dnc) = row
    return QueuedContact(
        id=uuid.UUID(id_), call_list_id=uuid.UUID(list_id), customer_id=uuid.UUID(customer_id),
        e164=e164, status=_status(status), priority=int(priority), attempts=int(attempts),
        next_attempt_at=None if due is None else datetime.fromisoformat(due).replace(tzinfo=UTC),
        last_disposition=last, zone=contact_time_zone(zone, e164),
        callback_agent_id=None if owner is None else uuid.UUID(owner), lease_token=int(token),
        dnc=bool(dnc))


def _status(value: str) -> ContactStatus:
    try:
        return ContactStatus(value)
    except ValueError:
        return ContactStatus.INVALID  # a status this version does not know is not dialled


class DriverQuery:
    """A fixed SELECT compiled once for SQLite and run on the driver's connection directly.

    For the statements of the next-contact path, where SQLAlchemy's work per execution
    costs several times the query. It runs on the caller's connection, in its transaction.
    Parameters are given in SQLAlchemy's SQLite storage forms (UUIDs as 32 hex digits, UTC
    times as naive ISO text, see :func:`stored_time`); rows come back in those forms too.
    """

    def __init__(self, statement: sa.Select[Any]) -> None:
        compiled = statement.compile(dialect=sqlite_dialect())
        self._sql = str(compiled)
        self._names = tuple(compiled.positiontup or ())
        self._fixed = dict(compiled.params)

    @property
    def sql(self) -> str:
        """The statement as SQLite runs it."""
        return self._sql

    def rows(self, conn: Connection, **values: Any) -> Iterator[Sequence[Any]]:
        """Run the query in ``conn``'s transaction and yield its rows, as stored."""
        merged = {**self._fixed, **values}
        driver = conn.connection.driver_connection
        assert driver is not None
        yield from driver.execute(self._sql, tuple(merged[name] for name in self._names))


def stored_time(moment: datetime) -> str:
    """Return ``moment`` as :class:`UTCDateTime` stores it on SQLite (naive UTC text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


_NOW = sa.bindparam("now", type_=UTCDateTime())
_DUE_CALLBACK = sa.and_(contacts.c.status == ContactStatus.CALLBACK.value,
                       contacts.c.next_attempt_at.is_not(None),
                       contacts.c.next_attempt_at <= _NOW)
_CONTACT = (contacts.c.id, contacts.c.call_list_id, contacts.c.customer_id, contacts.c.e164,
            contacts.c.status, contacts.c.priority, contacts.c.attempts,
            contacts.c.next_attempt_at, contacts.c.last_disposition, contacts.c.time_zone,
            contacts.c.callback_agent_id, contacts.c.lease_token,
            dnc_listed(contacts.c.e164, _NOW))
# An agent's whole batch (a few rows; those of other lists are skipped in Python) in the
# order of agentdesk.domain.dialing.dial_order (SQLite puts NULL first).
_BATCH = DriverQuery(sa.select(*_CONTACT).where(
    contacts.c.lease_agent_id == sa.bindparam("agent"), contacts.c.lease_expires_at > _NOW,
    contacts.c.deleted_at.is_(None),
).order_by(
    sa.case((_DUE_CALLBACK, 0), else_=1), sa.case((_DUE_CALLBACK, 0), else_=-contacts.c.priority),
    contacts.c.next_attempt_at, contacts.c.id))
_ONE_CONTACT = DriverQuery(sa.select(*_CONTACT).where(
    contacts.c.id == sa.bindparam("contact"), contacts.c.deleted_at.is_(None)))


def _batch_rows(conn: Connection, agent_id: uuid.UUID, now: datetime
                ) -> Iterator[Sequence[Any]]:
    return _BATCH.rows(conn, agent=agent_id.hex, now=stored_time(now))


def leased_batch(conn: Connection, agent_id: uuid.UUID, call_list_ids: Sequence[uuid.UUID],
                 now: datetime) -> list[QueuedContact]:
    """Return the contacts of ``call_list_ids`` leased to ``agent_id`` and not expired."""
    wanted = {list_id.hex for list_id in call_list_ids}
    return [_queued(row) for row in _batch_rows(conn, agent_id, now) if row[1] in wanted]


def load_contact(conn: Connection, contact_id: uuid.UUID, now: datetime
                 ) -> QueuedContact | None:
    """Return one contact as the rules see it (leased or not), or None."""
    for row in _ONE_CONTACT.rows(conn, contact=contact_id.hex, now=stored_time(now)):
        return _queued(row)
    return None


@dataclass(frozen=True, slots=True)
class Pick:
    """What the batch offers now.

    Attributes:
        contact: The contact to call next, if any.
        opens_at: When the first contact held back by calling hours may be called.
        finished: Contacts that can never be called again (given back to the pool).
    """

    contact: QueuedContact | None
    opens_at: datetime | None = None
    finished: tuple[uuid.UUID, ...] = field(default_factory=tuple)


def pick(batch: Sequence[QueuedContact], rules: dict[uuid.UUID, DialRules],
         agent_id: uuid.UUID, now: datetime) -> Pick:
    """Choose the next contact of ``batch`` by the rules (``rules`` by call list)."""
    best: QueuedContact | None = None
    best_key: tuple[bool, int, datetime, uuid.UUID] | None = None
    opens_at: datetime | None = None
    finished: list[uuid.UUID] = []
    for contact in batch:
        list_rules_ = rules.get(contact.call_list_id)
        if list_rules_ is None:
            continue
        reason = ineligibility(contact.state, list_rules_, agent_id=agent_id, now=now,
                               dnc=contact.dnc)
        if reason is None:
            key = dial_order(contact.state, contact.priority, contact.id, now)
            if best_key is None or key < best_key:
                best, best_key = contact, key
        elif reason in FINISHED:
            finished.append(contact.id)
        elif reason is Ineligible.OUTSIDE_HOURS and list_rules_.window is not None:
            opening = list_rules_.window.next_opening(now, contact.zone)
            opens_at = opening if opens_at is None else min(opens_at, opening)
    return Pick(best, opens_at, tuple(finished))


def pick_first(conn: Connection, agent_id: uuid.UUID, rules: dict[uuid.UUID, DialRules],
               now: datetime) -> Pick:
    """Like :func:`pick` on :func:`leased_batch`, reading only as far as the chosen contact.

    The batch comes in dialing order, so the first contact the rules allow is the best;
    what comes after it is not even converted. ``finished`` and ``opens_at`` then cover the
    contacts read before it (all of them when none is chosen).
    """
    if not rules:
        return Pick(None)
    opens_at: datetime | None = None
    finished: list[uuid.UUID] = []
    by_hex = {list_id.hex: list_rules_ for list_id, list_rules_ in rules.items()}
    for row in _batch_rows(conn, agent_id, now):
        list_rules_ = by_hex.get(row[1])
        if list_rules_ is None:
            continue  # leased for another campaign
        contact = _queued(row)
        reason = ineligibility(contact.state, list_rules_, agent_id=agent_id, now=now,
                               dnc=contact.dnc)
        if reason is None:
            return Pick(contact, opens_at, tuple(finished))
        if reason in FINISHED:
            finished.append(contact.id)
        elif reason is Ineligible.OUTSIDE_HOURS and list_rules_.window is not None:
            opening = list_rules_.window.next_opening(now, contact.zone)
            opens_at = opening if opens_at is None else min(opens_at, opening)
    return Pick(None, opens_at, tuple(finished))


# ---------------------------------------------------------------------- nothing to call
def first_opening(conn: Connection, groups: Sequence[ListRules], agent_id: uuid.UUID,
                  now: datetime) -> datetime | None:
    """Return when contacts held back only by calling hours may first be called, or None.

    Looks at the whole lists on this database (leases aside): None means there is nothing
    left to call in closed zones either.
    """
    earliest: datetime | None = None
    where = grant_conditions((True,), LeaseTest.IGNORED)
    waiting = sa.select(sa.or_(sa.exists().where(where.callbacks),
                               sa.exists().where(where.first_calls)))
    for group in groups:
        window = group.rules.window
        if window is None:
            continue
        stored = {zone for list_id in group.call_list_ids for zone in list_zones(conn, list_id)}
        keys = {name: zone_key(name) for name in stored}
        opened = open_zones(window, set(keys.values()), now)
        for name in sorted(name for name, key in keys.items() if key not in opened):
            values = grant_parameters([ZoneFilter(group, frozenset({name}))], agent_id, now)
            if conn.execute(waiting, values).scalar():
                opening = window.next_opening(now, keys[name])
                earliest = opening if earliest is None else min(earliest, opening)
    return earliest
