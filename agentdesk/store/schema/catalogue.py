"""Campaigns, products and offers, dispositions and targets: reference data set up by managers."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import Money, TableKind, UTCDateTime, ref, synced_table, text

campaigns = synced_table(
    "campaigns",
    TableKind.REFERENCE,
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    text("name", 100),
    text("name_en", 100),
    sa.Column("direction", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("starts_on", sa.Date(), nullable=True),
    sa.Column("ends_on", sa.Date(), nullable=True),
    text("description", 2000),
    sa.Column("wrapup_seconds", sa.Integer(), nullable=False, default=30),
    sa.Column("max_attempts", sa.Integer(), nullable=False, default=5),
    sa.Column("calling_from", sa.Time(), nullable=True),
    sa.Column("calling_until", sa.Time(), nullable=True),
)

products = synced_table(
    "products",
    TableKind.REFERENCE,
    sa.Column("sku", sa.String(32), nullable=False, unique=True),
    text("name", 100),
    text("name_en", 100),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("price", Money(), nullable=False),
    text("description", 2000),
    sa.Column("requires_real_name", sa.Boolean(), nullable=False, default=False),
    sa.Column("active", sa.Boolean(), nullable=False, default=True),
)

offers = synced_table(
    "offers",
    TableKind.REFERENCE,
    ref("campaigns"),
    ref("products", nullable=False),
    text("name", 100),
    text("name_en", 100),
    sa.Column("price", Money(), nullable=False),
    sa.Column("valid_from", sa.Date(), nullable=True),
    sa.Column("valid_until", sa.Date(), nullable=True),
    text("eligibility", 500),
)

disposition_codes = synced_table(
    "disposition_codes",
    TableKind.REFERENCE,
    ref("campaigns", nullable=False),
    sa.Column("code", sa.String(32), nullable=False),
    text("label", 64),
    text("label_en", 64),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("retry_minutes", sa.Integer(), nullable=True),
    sa.Column("sort_order", sa.Integer(), nullable=False, default=0),
    sa.UniqueConstraint("campaign_id", "code", name="uq_disposition_codes_campaign_code"),
)

targets = synced_table(
    "targets",
    TableKind.REFERENCE,
    ref("campaigns"),
    ref("teams"),
    ref("users", "agent_id"),
    sa.Column("metric", sa.String(32), nullable=False),
    sa.Column("period_start", sa.Date(), nullable=False),
    sa.Column("period_end", sa.Date(), nullable=False),
    # Whole numbers in the metric's unit: counts, seconds, fen for revenue, basis points for rates.
    sa.Column("value", sa.BigInteger(), nullable=False),
)

call_lists = synced_table(
    "call_lists",
    TableKind.REFERENCE,
    ref("campaigns", nullable=False),
    text("name", 100),
    text("source", 100),
    sa.Column("imported_at", UTCDateTime(), nullable=False),
    sa.Column("row_count", sa.Integer(), nullable=False, default=0),
    sa.Column("rejected_count", sa.Integer(), nullable=False, default=0),
)
