"""Orders and their lines, business halls, delivery rounds and dispatches."""

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
    sa.Index("ix_orders_customer_created", "customer_id", "created_at"),
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
)

dispatches = synced_table(
    "dispatches",
    TableKind.FACT,
    ref("orders", nullable=False),
    ref("delivery_rounds", "round_id"),
    ref("business_halls", "hall_id"),
    sa.Column("result", sa.String(16), nullable=False),
    text("reason", 500),
    sa.Column("reported_at", UTCDateTime(), nullable=False),
    text("reported_by", 100),
)
