"""One customer record in one statement: the screen pop's path, kept as short as SQLite allows.

The phones and addresses come back as JSON arrays next to the customer's columns, so showing a
caller is one statement. The caller-id lookup, the hottest read of the console, runs that
statement (compiled once by SQLAlchemy) straight on the sqlite3 connection of the open
transaction and converts the few typed values itself; ``benchmarks/`` measures it against a
raw sqlite3 query (goal: p99 under 1 ms on a million customers), and a test checks that it
reads exactly what the SQLAlchemy path reads.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from agentdesk.domain.customers import Address, Customer, CustomerPhone, Gender
from agentdesk.domain.phones import PhoneKind
from agentdesk.store.schema.base import split_tags
from agentdesk.store.schema.contacts import customer_addresses, customer_phones, customers


def _children_json(table: sa.Table, *columns: sa.ColumnElement[Any]) -> sa.ScalarSelect[Any]:
    # SQLite cannot correlate a derived table, so the rows are sorted after parsing.
    return (
        sa.select(sa.func.json_group_array(sa.func.json_array(*columns)))
        .where(table.c.customer_id == customers.c.id, table.c.deleted_at.is_(None))
        .scalar_subquery()
    )


_RECORD = sa.select(
    customers.c.id, customers.c.customer_no, customers.c.name, customers.c.version,
    customers.c.gender, customers.c.city, customers.c.language, customers.c.tags,
    customers.c.notes, customers.c.created_at, customers.c.updated_at,
    _children_json(
        customer_phones, customer_phones.c.id, customer_phones.c.e164, customer_phones.c.kind,
        customer_phones.c.label, customer_phones.c.is_primary,
    ).label("phones"),
    _children_json(
        customer_addresses, customer_addresses.c.id, customer_addresses.c.province,
        customer_addresses.c.city, customer_addresses.c.district, customer_addresses.c.street,
        customer_addresses.c.postal_code, customer_addresses.c.label,
        customer_addresses.c.is_default,
    ).label("addresses"),
).where(customers.c.deleted_at.is_(None))

owners = customers.alias("owners")
BY_ID = _RECORD.where(customers.c.id == sa.bindparam("customer_id"))
BY_PHONE = _RECORD.where(
    customers.c.id == (
        sa.select(customer_phones.c.customer_id)
        .join(owners, owners.c.id == customer_phones.c.customer_id)
        .where(
            customer_phones.c.e164 == sa.bindparam("e164"),
            customer_phones.c.deleted_at.is_(None),
            owners.c.deleted_at.is_(None),
        )
        .order_by(customer_phones.c.is_primary.desc())
        .limit(1)
        .scalar_subquery()
    )
)


_BY_PHONE_COMPILED = BY_PHONE.compile(dialect=sqlite.dialect())
_BY_PHONE_SQL = str(_BY_PHONE_COMPILED)
# Positional "?" parameters: the number, and the fixed values (LIMIT) compiled with it.
_BY_PHONE_PARAMS = tuple(
    (name, _BY_PHONE_COMPILED.params[name]) for name in _BY_PHONE_COMPILED.positiontup or ()
)


def _by_phone_params(e164: str) -> tuple[Any, ...]:
    return tuple(e164 if name == "e164" else value for name, value in _BY_PHONE_PARAMS)


class _RawRecord(NamedTuple):
    id: uuid.UUID
    customer_no: str
    name: str
    version: int
    gender: str
    city: str
    language: str
    tags: str
    notes: str
    created_at: datetime
    updated_at: datetime
    phones: str
    addresses: str


def _utc(stored: str) -> datetime:
    # SQLAlchemy's SQLite DateTime format ("2026-11-23 06:30:00.000000"), naive UTC.
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _uuid(value: str) -> uuid.UUID:
    return uuid.UUID(hex=value)


def record_from_row(row: Any) -> Customer:
    """Build the :class:`Customer` from a row of :data:`BY_ID` or :data:`BY_PHONE`."""
    phones = sorted(
        (CustomerPhone(_uuid(p[0]), p[1], PhoneKind(p[2]), p[3], bool(p[4]))
         for p in json.loads(row.phones or "[]")),
        key=lambda p: (not p.is_primary, p.id),
    )
    addresses = sorted(
        (Address(_uuid(a[0]), a[1], a[2], a[3], a[4], a[5], a[6], bool(a[7]))
         for a in json.loads(row.addresses or "[]")),
        key=lambda a: (not a.is_default, a.id),
    )
    return Customer(
        id=row.id,
        customer_no=row.customer_no,
        name=row.name,
        version=row.version,
        gender=Gender(row.gender),
        city=row.city,
        language=row.language,
        tags=split_tags(row.tags),
        notes=row.notes,
        phones=tuple(phones),
        addresses=tuple(addresses),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def load_by_id(conn: Connection, customer_id: uuid.UUID) -> Customer | None:
    """Return the live customer with this id, or None."""
    row = conn.execute(BY_ID, {"customer_id": customer_id}).first()
    return None if row is None else record_from_row(row)


def load_by_phone(conn: Connection, e164: str) -> Customer | None:
    """Return the live customer owning ``e164`` (its primary owner first), or None.

    ``conn`` must be a SQLite connection inside a transaction (the workstation database).
    """
    driver = conn.connection.driver_connection
    cursor = driver.execute(_BY_PHONE_SQL, _by_phone_params(e164))  # type: ignore[union-attr]
    try:
        raw = cursor.fetchone()
    finally:
        cursor.close()
    if raw is None:
        return None
    (id_hex, number, name, version, gender, city, language, tags, notes, created, updated,
     phones, addresses) = raw
    return record_from_row(_RawRecord(
        _uuid(id_hex), number, name, version, gender, city, language, tags, notes,
        _utc(created), _utc(updated), phones, addresses,
    ))
