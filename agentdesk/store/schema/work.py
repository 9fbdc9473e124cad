"""The work agents do: calls, dispositions, callbacks (append-only facts and shared records)."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import TableKind, UTCDateTime, ref, synced_table, text

calls = synced_table(
    "calls",
    TableKind.FACT,
    ref("campaigns"),
    ref("contacts"),
    ref("customers"),
    ref("users", "agent_id", nullable=False),
    sa.Column("direction", sa.String(16), nullable=False),
    sa.Column("e164", sa.String(20), nullable=False),
    sa.Column("started_at", UTCDateTime(), nullable=False),
    sa.Column("answered_at", UTCDateTime(), nullable=True),
    sa.Column("ended_at", UTCDateTime(), nullable=True),
    text("end_reason", 32),
    sa.Column("talk_seconds", sa.Integer(), nullable=False, default=0),
    sa.Column("recording_consent", sa.Boolean(), nullable=True),
    sa.Column("lease_token", sa.BigInteger(), nullable=True),
    # The script version the call followed and its path (JSON: the steps and answers).
    # No foreign key: the column was added to a table of millions of rows, which SQLite
    # would have to copy to add one; script versions are never deleted.
    sa.Column("script_id", sa.Uuid(), nullable=True, index=True),
    sa.Column("script_path", sa.Text(), nullable=True),
    sa.Index("ix_calls_customer_started", "customer_id", "started_at"),
    sa.Index("ix_calls_agent_started", "agent_id", "started_at"),
)

dispositions = synced_table(
    "dispositions",
    TableKind.FACT,
    ref("calls", nullable=False),
    ref("disposition_codes", nullable=False),
    ref("users", "agent_id", nullable=False),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    sa.Column("at", UTCDateTime(), nullable=False),
)

callbacks = synced_table(
    "callbacks",
    TableKind.SHARED,
    ref("contacts"),
    ref("customers", nullable=False),
    ref("users", "agent_id"),
    ref("teams"),
    sa.Column("due_at", UTCDateTime(), nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    text("notes", 2000),
    sa.Index("ix_callbacks_agent_due", "agent_id", "status", "due_at"),
)
