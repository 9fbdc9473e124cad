"""Customers on the workstation: search, the full record, history, and edits that queue for sync."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import CallDirection, ContactHistoryItem, DispositionCategory
from agentdesk.domain.customers import (
    Customer,
    CustomerQuery,
    CustomerSummary,
    QueryKind,
    ValidCustomer,
)
from agentdesk.domain.errors import NotFoundError, StaleRecordError
from agentdesk.domain.ids import new_id
from agentdesk.domain.orders import DeliveryMethod, OrderSummary
from agentdesk.domain.ports import Clock
from agentdesk.store.customer_record import load_by_id, load_by_phone
from agentdesk.store.database import Database
from agentdesk.store.orders import current_status, latest_status
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.base import TAG_SEPARATOR, split_tags
from agentdesk.store.schema.catalogue import campaigns, disposition_codes, products
from agentdesk.store.schema.contacts import customer_addresses, customer_phones, customers
from agentdesk.store.schema.orders import order_lines, orders
from agentdesk.store.schema.people import users
from agentdesk.store.schema.work import calls, dispositions

_MAX_CHAR = "\U0010ffff"


def tail_key(e164: str) -> str:
    """Return the reversed digits of a number: the key of the "ends in" index."""
    return e164.lstrip("+")[::-1]


def _primary_phone() -> sa.ScalarSelect[Any]:
    return (
        sa.select(customer_phones.c.e164)
        .where(
            customer_phones.c.customer_id == customers.c.id,
            customer_phones.c.deleted_at.is_(None),
        )
        .order_by(customer_phones.c.is_primary.desc(), customer_phones.c.id)
        .limit(1)
        .scalar_subquery()
    )


def _summary(row: Any) -> CustomerSummary:
    return CustomerSummary(
        id=row.id,
        customer_no=row.customer_no,
        name=row.name,
        primary_e164=row.primary_e164 or "",
        city=row.city,
        tags=split_tags(row.tags),
    )


class SqlCustomerRepository:
    """Implements :class:`agentdesk.domain.ports.CustomerRepository` on the local database.

    Args:
        database: The workstation database.
        clock: Source of ``updated_at`` and outbox times.
    """

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    # ------------------------------------------------------------------ reading
    def search(self, query: CustomerQuery, limit: int) -> Sequence[CustomerSummary]:
        """Return up to ``limit`` live customers matching ``query``, best match first."""
        base = sa.select(
            customers.c.id,
            customers.c.customer_no,
            customers.c.name,
            customers.c.city,
            customers.c.tags,
            _primary_phone().label("primary_e164"),
        ).where(customers.c.deleted_at.is_(None))
        with self._db.read() as conn:
            if query.kind is QueryKind.NAME:
                return self._search_name(conn, base, query.value, limit)
            condition: sa.ColumnElement[bool]
            if query.kind is QueryKind.PHONE:
                owners = self._phone_owners(customer_phones.c.e164 == query.value)
                condition = customers.c.id.in_(owners)
            elif query.kind is QueryKind.PHONE_TAIL:
                key = query.value[::-1]
                condition = customers.c.id.in_(
                    self._phone_owners(
                        customer_phones.c.tail_key >= key, customer_phones.c.tail_key < key + ":"
                    )
                )
            elif query.kind is QueryKind.CUSTOMER_NO:
                condition = customers.c.customer_no == query.value
            else:
                condition = customers.c.id == uuid.UUID(query.value)
            rows = conn.execute(base.where(condition).order_by(customers.c.name).limit(limit))
            return [_summary(r) for r in rows]

    @staticmethod
    def _phone_owners(*conditions: sa.ColumnElement[bool]) -> sa.Select[Any]:
        return sa.select(customer_phones.c.customer_id).where(
            customer_phones.c.deleted_at.is_(None), *conditions
        )

    @staticmethod
    def _search_name(
        conn: Connection, base: sa.Select[Any], text: str, limit: int
    ) -> list[CustomerSummary]:
        # Names starting with the text first (an index range), then names containing it.
        prefix = base.where(customers.c.name >= text, customers.c.name < text + _MAX_CHAR)
        found = [_summary(r) for r in conn.execute(prefix.order_by(customers.c.name).limit(limit))]
        if len(found) < limit:
            # Case-insensitive (ASCII, as SQLite's lower()) anywhere in the name.
            contains = base.where(
                sa.func.instr(sa.func.lower(customers.c.name), text.lower()) > 0,
                customers.c.id.not_in([c.id for c in found]),
            ).order_by(customers.c.name)
            found += [_summary(r) for r in conn.execute(contains.limit(limit - len(found)))]
        return found

    def get(self, customer_id: uuid.UUID) -> Customer:
        """Return the full record of a live customer.

        Raises:
            NotFoundError: there is no such customer, or it was deleted.
        """
        with self._db.read() as conn:
            return self._load(conn, customer_id)

    def find_by_phone(self, e164: str) -> Customer | None:
        """Return the customer owning ``e164`` (the screen pop), or None for an unknown number."""
        with self._db.read() as conn:
            return load_by_phone(conn, e164)

    @staticmethod
    def _load(conn: Connection, customer_id: uuid.UUID) -> Customer:
        customer = load_by_id(conn, customer_id)
        if customer is None:
            raise NotFoundError(f"No customer {customer_id}", id=str(customer_id))
        return customer

    def contact_history(self, customer_id: uuid.UUID, limit: int) -> Sequence[ContactHistoryItem]:
        """Return the customer's latest calls with agent, campaign and disposition, newest first."""
        query = (
            sa.select(
                calls.c.id, calls.c.started_at, calls.c.direction, calls.c.e164,
                calls.c.talk_seconds, users.c.display_name, campaigns.c.name.label("campaign"),
                campaigns.c.name_en.label("campaign_en"),
                disposition_codes.c.label, disposition_codes.c.label_en,
                disposition_codes.c.category, dispositions.c.notes,
            )
            .select_from(calls)
            .join(users, users.c.id == calls.c.agent_id)
            .outerjoin(campaigns, campaigns.c.id == calls.c.campaign_id)
            .outerjoin(dispositions, dispositions.c.call_id == calls.c.id)
            .outerjoin(
                disposition_codes,
                disposition_codes.c.id == dispositions.c.disposition_code_id,
            )
            .where(calls.c.customer_id == customer_id, calls.c.deleted_at.is_(None))
            .order_by(calls.c.started_at.desc(), dispositions.c.at.desc())
            .limit(limit)
        )
        with self._db.read() as conn:
            return [
                ContactHistoryItem(
                    call_id=r.id, started_at=r.started_at, direction=CallDirection(r.direction),
                    e164=r.e164, agent_name=r.display_name, campaign_name=r.campaign or "",
                    campaign_name_en=r.campaign_en or "",
                    talk_seconds=r.talk_seconds, disposition_label=r.label or "",
                    disposition_label_en=r.label_en or "",
                    disposition_category=DispositionCategory(r.category) if r.category else None,
                    notes=r.notes or "",
                )
                for r in conn.execute(query)
            ]

    def order_history(self, customer_id: uuid.UUID, limit: int) -> Sequence[OrderSummary]:
        """Return the customer's latest orders with their items, newest first."""
        items = (
            sa.select(
                sa.func.group_concat(
                    products.c.name + " ×" + sa.cast(order_lines.c.quantity, sa.String), "，"
                )
            )
            .select_from(order_lines)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id == orders.c.id, order_lines.c.deleted_at.is_(None))
            .scalar_subquery()
        )
        query = (
            sa.select(orders, users.c.display_name, items.label("items"))
            .join(users, users.c.id == orders.c.agent_id)
            .where(orders.c.customer_id == customer_id, orders.c.deleted_at.is_(None))
            .order_by(orders.c.created_at.desc())
            .limit(limit)
        )
        with self._db.read() as conn:
            rows = conn.execute(query).all()
            latest = latest_status(conn, (r.id for r in rows))  # the status is the history's
            return [
                OrderSummary(
                    id=r.id, order_no=r.order_no, created_at=r.created_at,
                    status=current_status(r, latest), total=r.total, items=r.items or "",
                    delivery_method=DeliveryMethod(r.delivery_method), agent_name=r.display_name,
                )
                for r in rows
            ]

    # ------------------------------------------------------------------ writing
    def save(
        self,
        customer_id: uuid.UUID | None,
        base_version: int | None,
        customer: ValidCustomer,
        actor_id: uuid.UUID,
    ) -> Customer:
        """Create or update a customer with its phones and addresses; queue every change.

        Raises:
            StaleRecordError: someone saved the customer since ``base_version`` was read.
            NotFoundError: the customer to update no longer exists.
        """
        now = self._clock.now()
        with self._db.write() as conn:
            if customer_id is None:
                customer_id = new_id()
                row = {
                    "id": customer_id, "site": "default", "version": 1, "updated_at": now,
                    "deleted_at": None, "customer_no": self._next_customer_no(conn),
                    "created_at": now, **self._fields(customer),
                }
                conn.execute(customers.insert().values(row))
                queue_mutation(conn, customers, row, base_version=None, now=now)
            else:
                current = conn.execute(
                    sa.select(customers).where(
                        customers.c.id == customer_id, customers.c.deleted_at.is_(None)
                    )
                ).first()
                if current is None:
                    raise NotFoundError(f"No customer {customer_id}", id=str(customer_id))
                if base_version is not None and current.version != base_version:
                    raise StaleRecordError(
                        "The customer was changed by someone else; reload it and edit again",
                        id=str(customer_id),
                    )
                fields = self._fields(customer)
                changed = any(getattr(current, key) != value for key, value in fields.items())
                # The customer's version covers its phones and addresses too, so a stale
                # form is refused whatever part of the record someone else changed.
                if self._save_children(conn, customer_id, customer, now) or changed:
                    row = {**current._asdict(), **fields,
                           "version": current.version + 1, "updated_at": now}
                    conn.execute(
                        customers.update().where(customers.c.id == customer_id).values(row)
                    )
                    queue_mutation(conn, customers, row, base_version=current.version, now=now,
                                   before=current._asdict())
                return self._load(conn, customer_id)
            self._save_children(conn, customer_id, customer, now)
            return self._load(conn, customer_id)

    @staticmethod
    def _fields(customer: ValidCustomer) -> dict[str, Any]:
        return {
            "name": customer.name, "gender": customer.gender.value, "city": customer.city,
            "language": customer.language, "tags": TAG_SEPARATOR.join(customer.tags),
            "notes": customer.notes,
        }

    @staticmethod
    def _next_customer_no(conn: Connection) -> str:
        highest = conn.execute(sa.select(sa.func.max(customers.c.customer_no))).scalar()
        number = int(highest[1:]) + 1 if highest and highest[1:].isdigit() else 1
        return f"C{number:08d}"

    def _save_children(
        self, conn: Connection, customer_id: uuid.UUID, customer: ValidCustomer, now: datetime
    ) -> bool:
        """Store the phones and addresses; return True if any row changed."""
        phone_rows = [
            {"e164": p.e164, "tail_key": tail_key(p.e164), "kind": p.kind.value,
             "label": p.label, "is_primary": p.is_primary, "_id": p.id}
            for p in customer.phones
        ]
        address_rows = [
            {"province": a.province, "city": a.city, "district": a.district, "street": a.street,
             "postal_code": a.postal_code, "label": a.label, "is_default": a.is_default,
             "_id": a.id}
            for a in customer.addresses
        ]
        phones_changed = _sync_children(conn, customer_phones, customer_id, phone_rows, now)
        addresses_changed = _sync_children(
            conn, customer_addresses, customer_id, address_rows, now
        )
        return phones_changed or addresses_changed


def _sync_children(
    conn: Connection,
    table: sa.Table,
    customer_id: uuid.UUID,
    wanted: list[dict[str, Any]],
    now: datetime,
) -> bool:
    """Make the live child rows of a customer equal ``wanted``; queue each real change.

    Rows keep their ids when the form sent them back; rows missing from ``wanted`` get a
    tombstone; unchanged rows are not written at all. Returns True if anything was written.
    """
    written = False
    existing = {
        r.id: r._asdict()
        for r in conn.execute(
            sa.select(table).where(table.c.customer_id == customer_id, table.c.deleted_at.is_(None))
        )
    }
    kept: set[uuid.UUID] = set()
    for values in wanted:
        row_id = values.pop("_id")
        old = existing.get(row_id) if row_id is not None else None
        if old is None:
            row = {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
                   "deleted_at": None, "customer_id": customer_id, **values}
            conn.execute(table.insert().values(row))
            queue_mutation(conn, table, row, base_version=None, now=now)
            written = True
            continue
        kept.add(old["id"])
        if all(old[key] == value for key, value in values.items()):
            continue
        row = {**old, **values, "version": old["version"] + 1, "updated_at": now}
        conn.execute(table.update().where(table.c.id == old["id"]).values(row))
        queue_mutation(conn, table, row, base_version=old["version"], now=now, before=old)
        written = True
    for row_id, old in existing.items():
        if row_id in kept:
            continue
        row = {**old, "version": old["version"] + 1, "updated_at": now, "deleted_at": now}
        conn.execute(table.update().where(table.c.id == row_id).values(row))
        queue_mutation(conn, table, row, base_version=old["version"], now=now, op="delete",
                       before=old)
        written = True
    return written


def busiest_customer_no(conn: Connection) -> str:
    """Return the number of the customer with the most orders, then calls ("" if none)."""
    order_count = (
        sa.select(sa.func.count()).where(orders.c.customer_id == customers.c.id)
        .scalar_subquery()
    )
    call_count = (
        sa.select(sa.func.count()).where(calls.c.customer_id == customers.c.id)
        .scalar_subquery()
    )
    return conn.execute(
        sa.select(customers.c.customer_no)
        .where(customers.c.deleted_at.is_(None))
        .order_by(order_count.desc(), call_count.desc(), customers.c.customer_no)
        .limit(1)
    ).scalar() or ""


def sample_phone_numbers(conn: Connection, count: int) -> list[str]:
    """Return up to ``count`` phone numbers of live customers (for simulated inbound calls)."""
    return list(conn.execute(
        sa.select(customer_phones.c.e164)
        .where(customer_phones.c.deleted_at.is_(None))
        .order_by(customer_phones.c.id)
        .limit(count)
    ).scalars())
