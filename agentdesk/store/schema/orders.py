"""Orders, their lines and status history, business halls, delivery rounds and closures."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import Money, TableKind, UTCDateTime, ref, synced_table, text

business_halls = synced_table(
    "business_halls",
    TableKind.REFERENCE,
    text("name", 100),
    text("name_en", 100),
    text("address", 300),
    sa.Column("phone_e164", sa.String(20), nullable=True),
    sa.Column("is_vip_room", sa.Boolean(), nullable=False, default=False),
    sa.Column("daily_capacity", sa.Integer(), nullable=True),
)

delivery_rounds = synced_table(
    "delivery_rounds",
    TableKind.REFERENCE,
    text("name", 64),
    text("name_en", 64),
    # Orders taken in [orders_from, orders_until) go to the delivery team at handover_at and
    # are delivered delivery_day_offset days later; the window may wrap past midnight.
    sa.Column("orders_from", sa.Time(), nullable=False),
    sa.Column("orders_until", sa.Time(), nullable=False),
    sa.Column("handover_at", sa.Time(), nullable=False),
    sa.Column("booking_from", sa.Time(), nullable=False),
    sa.Column("booking_until", sa.Time(), nullable=False),
    sa.Column("delivery_day_offset", sa.Integer(), nullable=False),
    sa.Column("capacity", sa.Integer(), nullable=False),
)

orders = synced_table(
    "orders",
    TableKind.FACT,
    sa.Column("order_no", sa.String(24), nullable=False, unique=True),
    ref("customers", nullable=False),
    ref("calls"),
    ref("campaigns"),
    ref("users", "agent_id", nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("total", Money(), nullable=False),
    sa.Column("delivery_method", sa.String(16), nullable=False),
    sa.Column("payment_method", sa.String(24), nullable=False),
    text("delivery_address", 900),
    sa.Column("contact_e164", sa.String(20), nullable=True),
    ref("business_halls", "hall_id"),
    ref("delivery_rounds", "round_id"),
    sa.Column("round_date", sa.Date(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    # Added with the order form (no foreign keys: SQLite adds them without copying the table).
    sa.Column("gross", Money(), nullable=False, server_default=sa.text("0")),
    sa.Column("discount", Money(), nullable=False, server_default=sa.text("0")),
    sa.Column("approved_by", sa.Uuid(), nullable=True),  # the supervisor; users.id
    text("approval_note", 200),
    sa.Column("preferred_time", sa.String(16), nullable=False, server_default=sa.text("'any'")),
    text("real_name", 30),
    text("resident_id", 18),
    text("notes", 500),
    sa.Column("handover_at", UTCDateTime(), nullable=True),  # promised on the call
    sa.Column("delivery_date", sa.Date(), nullable=True),
    sa.Index("ix_orders_customer_created", "customer_id", "created_at"),
    sa.Index("ix_orders_round_date", "round_date", "round_id"),
    sa.Index("ix_orders_hall_delivery", "hall_id", "delivery_date"),
)

order_lines = synced_table(
    "order_lines",
    TableKind.FACT,
    ref("orders", nullable=False, ondelete="CASCADE"),
    ref("products", nullable=False),
    ref("offers"),
    sa.Column("quantity", sa.Integer(), nullable=False),
    sa.Column("unit_price", Money(), nullable=False),
    sa.Column("discount", Money(), nullable=False),
    sa.Column("line_total", Money(), nullable=False),
    text("options", 100),
)

order_events = synced_table(
    "order_events",
    TableKind.FACT,
    ref("orders", nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    # capture, dispatch, result, import, cancel, migration
    sa.Column("source", sa.String(16), nullable=False),
    ref("users"),
    text("reporter", 100),
    text("reason", 500),
    sa.Column("collected", Money(), nullable=True),
    sa.Column("reschedule_date", sa.Date(), nullable=True),
    sa.Column("callback_id", sa.Uuid(), nullable=True),  # the follow-up callback it booked
    sa.Index("ix_order_events_order_at", "order_id", "at"),
    sa.Index("ix_order_events_status_reschedule", "status", "reschedule_date"),
)

delivery_closures = synced_table(
    "delivery_closures",
    TableKind.REFERENCE,
    sa.Column("day", sa.Date(), nullable=True),  # a date without handover or delivery...
    sa.Column("weekday", sa.Integer(), nullable=True),  # ...or a weekday, 0 = Monday
    text("name", 100),
)
