"""Order capture: the order form's details, order status history, days without delivery.

- ``orders``: gross and discount beside the total, the supervisor who approved a discount
  beyond the agent's authority and why, the preferred delivery time, the real-name holder
  (name and resident ID), notes for the courier or hall, and the promise made on the call:
  the round's handover time and the delivery date. No foreign keys, so SQLite adds the
  columns without copying the table.
- ``order_lines.options``: the options chosen on a line (colour, storage...).
- ``order_events``: every status an order goes through (taken, dispatched, delivered,
  failed, refused, rescheduled, cancelled) with who reported it, why, the cash collected and
  the day a delivery was moved to. It replaces ``dispatches``, which held only results.
- ``delivery_closures``: weekdays and dates without handover or delivery.
- Indexes for the capacity checks: orders by round and day and by hall and delivery day,
  events by status and reschedule day.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-29 09:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

import agentdesk.store.schema.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_UTC = agentdesk.store.schema.base.UTCDateTime
_EMPTY = sa.text("''")


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", _UTC(), nullable=False),
        sa.Column("deleted_at", _UTC(), nullable=True),
    ]


def upgrade() -> None:
    """Add the columns and tables; carry the recorded results over into the history."""
    op.add_column("orders", sa.Column("gross", sa.BigInteger(), nullable=False,
                                      server_default=sa.text("0")))
    op.add_column("orders", sa.Column("discount", sa.BigInteger(), nullable=False,
                                      server_default=sa.text("0")))
    op.add_column("orders", sa.Column("approved_by", sa.Uuid(), nullable=True))
    op.add_column("orders", sa.Column("approval_note", sa.String(200), nullable=False,
                                      server_default=_EMPTY))
    op.add_column("orders", sa.Column("preferred_time", sa.String(16), nullable=False,
                                      server_default=sa.text("'any'")))
    op.add_column("orders", sa.Column("real_name", sa.String(30), nullable=False,
                                      server_default=_EMPTY))
    op.add_column("orders", sa.Column("resident_id", sa.String(18), nullable=False,
                                      server_default=_EMPTY))
    op.add_column("orders", sa.Column("notes", sa.String(500), nullable=False,
                                      server_default=_EMPTY))
    op.add_column("orders", sa.Column("handover_at", _UTC(), nullable=True))
    op.add_column("orders", sa.Column("delivery_date", sa.Date(), nullable=True))
    op.create_index("ix_orders_round_date", "orders", ["round_date", "round_id"])
    op.create_index("ix_orders_hall_delivery", "orders", ["hall_id", "delivery_date"])
    op.add_column("order_lines", sa.Column("options", sa.String(100), nullable=False,
                                           server_default=_EMPTY))

    op.create_table(
        "order_events",
        *_synced_columns(),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("at", _UTC(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("reporter", sa.String(length=100), server_default=_EMPTY, nullable=False),
        sa.Column("reason", sa.String(length=500), server_default=_EMPTY, nullable=False),
        sa.Column("collected", sa.BigInteger(), nullable=True),
        sa.Column("reschedule_date", sa.Date(), nullable=True),
        sa.Column("callback_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_order_events_order_id_orders")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_order_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_events")),
    )
    op.create_index("ix_order_events_order_at", "order_events", ["order_id", "at"])
    op.create_index(op.f("ix_order_events_order_id"), "order_events", ["order_id"])
    op.create_index("ix_order_events_status_reschedule", "order_events",
                    ["status", "reschedule_date"])
    op.create_index(op.f("ix_order_events_user_id"), "order_events", ["user_id"])

    op.create_table(
        "delivery_closures",
        *_synced_columns(),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), server_default=_EMPTY, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_closures")),
    )

    bind = op.get_bind()
    orders = sa.table("orders", sa.column("id", sa.Uuid()), sa.column("site", sa.String),
                      sa.column("status", sa.String), sa.column("created_at", _UTC()),
                      sa.column("agent_id", sa.Uuid()), sa.column("updated_at", _UTC()))
    # Every existing order gets its first event (its id is the order's, and a derived event's
    # is derived from it, so every copy of a database migrates to the same rows); the totals
    # were the gross before discounts were recorded apart.
    bind.execute(sa.text("UPDATE orders SET gross = total"))
    dispatches = sa.table("dispatches", sa.column("order_id", sa.Uuid()),
                          sa.column("result", sa.String), sa.column("reason", sa.String),
                          sa.column("reported_at", _UTC()), sa.column("reported_by", sa.String),
                          sa.column("id", sa.Uuid()), sa.column("site", sa.String))
    events = sa.table("order_events", *(sa.column(c.name, c.type) for c in _synced_columns()),
                      sa.column("order_id", sa.Uuid()), sa.column("status", sa.String),
                      sa.column("at", _UTC()), sa.column("source", sa.String),
                      sa.column("user_id", sa.Uuid()), sa.column("reporter", sa.String),
                      sa.column("reason", sa.String))
    for row in bind.execute(sa.select(orders)).all():
        bind.execute(events.insert().values(
            id=row.id, site=row.site, version=1, updated_at=row.created_at, deleted_at=None,
            order_id=row.id, status="confirmed", at=row.created_at, source="capture",
            user_id=row.agent_id, reporter="", reason=""))
    for row in bind.execute(sa.select(dispatches)).all():
        bind.execute(events.insert().values(
            id=row.id, site=row.site, version=1, updated_at=row.reported_at, deleted_at=None,
            order_id=row.order_id, status=row.result, at=row.reported_at, source="result",
            user_id=None, reporter=row.reported_by, reason=row.reason))
    reported = sa.select(dispatches.c.order_id)
    for row in bind.execute(sa.select(orders).where(
            orders.c.status.in_(("dispatched", "cancelled")), orders.c.id.not_in(reported))):
        bind.execute(events.insert().values(
            id=uuid.uuid5(row.id, "status"), site=row.site, version=1,
            updated_at=row.updated_at, deleted_at=None, order_id=row.id, status=row.status, at=row.updated_at,
            source="migration", user_id=None, reporter="", reason=""))
    # Dropping the table drops its indexes; MariaDB refuses to drop an index a foreign key
    # needs on its own.
    op.drop_table("dispatches")
    config = op.get_context().config
    if config is None or config.attributes.get("role") != "workstation":
        _log_events()


def _log_events() -> None:
    """On the server, give the history rows made here change-log entries, per site.

    Workstations that already hold the orders derive the same rows (same ids) when they
    migrate; one set up later receives them with its first pull.
    """
    conn = op.get_bind()
    change_log = sa.table("change_log", sa.column("scope"), sa.column("seq"),
                          sa.column("table_name"), sa.column("row_id"))
    sequencer = sa.table("sync_sequencer", sa.column("scope"), sa.column("last_seq"))
    events = sa.table("order_events", sa.column("id"), sa.column("site"))
    for (site,) in conn.execute(sa.select(events.c.site).distinct()).all():
        last = conn.execute(sa.select(sequencer.c.last_seq).where(
            sequencer.c.scope == site)).scalar()
        if last is None:
            conn.execute(sequencer.insert().values(scope=site, last_seq=0))
            last = 0
        number = sa.func.row_number().over(order_by=events.c.id)
        conn.execute(change_log.insert().from_select(
            ["scope", "seq", "table_name", "row_id"],
            sa.select(events.c.site, (number + int(last)).label("seq"),
                      sa.literal("order_events", sa.String(64)).label("table_name"),
                      events.c.id).where(events.c.site == site)))
        count = conn.execute(sa.select(sa.func.count()).select_from(events).where(
            events.c.site == site)).scalar_one()
        conn.execute(sequencer.update().where(sequencer.c.scope == site).values(
            last_seq=int(last) + int(count)))


def downgrade() -> None:
    """Drop them again; delivery results go back to ``dispatches``."""
    op.create_table(
        "dispatches",
        *_synced_columns(),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("hall_id", sa.Uuid(), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), server_default=_EMPTY, nullable=False),
        sa.Column("reported_at", _UTC(), nullable=False),
        sa.Column("reported_by", sa.String(length=100), server_default=_EMPTY, nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["business_halls.id"],
                                name=op.f("fk_dispatches_hall_id_business_halls")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_dispatches_order_id_orders")),
        sa.ForeignKeyConstraint(["round_id"], ["delivery_rounds.id"],
                                name=op.f("fk_dispatches_round_id_delivery_rounds")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatches")),
    )
    op.create_index(op.f("ix_dispatches_hall_id"), "dispatches", ["hall_id"])
    op.create_index(op.f("ix_dispatches_order_id"), "dispatches", ["order_id"])
    op.create_index(op.f("ix_dispatches_round_id"), "dispatches", ["round_id"])
    bind = op.get_bind()
    bind.execute(sa.text(
        "INSERT INTO dispatches (id, site, version, updated_at, deleted_at, order_id, result,"
        " reason, reported_at, reported_by) SELECT id, site, version, updated_at, deleted_at,"
        " order_id, status, reason, at, reporter FROM order_events"
        " WHERE source IN ('result', 'import')"))
    op.drop_table("delivery_closures")
    op.drop_table("order_events")  # with its indexes (MariaDB refuses a foreign key's alone)
    op.drop_column("order_lines", "options")
    op.drop_index("ix_orders_hall_delivery", table_name="orders")
    op.drop_index("ix_orders_round_date", table_name="orders")
    for name in ("delivery_date", "handover_at", "notes", "resident_id", "real_name",
                 "preferred_time", "approval_note", "approved_by", "discount", "gross"):
        op.drop_column("orders", name)
