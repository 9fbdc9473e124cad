"""Users, teams and the agent state events the supervisor's view is built from."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import TableKind, UTCDateTime, ref, synced_table, text

teams = synced_table(
    "teams",
    TableKind.REFERENCE,
    text("name", 100),
    sa.Column("supervisor_id", sa.Uuid(), nullable=True),
)

users = synced_table(
    "users",
    TableKind.REFERENCE,
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    text("display_name", 100),
    sa.Column("role", sa.String(16), nullable=False),
    ref("teams"),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("active", sa.Boolean(), nullable=False, default=True),
    text("locale", 16),
)

agent_state_events = synced_table(
    "agent_state_events",
    TableKind.FACT,
    ref("users", "agent_id", nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    text("reason", 32),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Index("ix_agent_state_events_agent_at", "agent_id", "at"),
)
