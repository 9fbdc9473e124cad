"""Tables that only a workstation uses: the outbox, sync state, rejections, sign-in attempts.

They exist in the server schema too (one migration history serves both) and stay empty there.
"""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import UTCDateTime, metadata

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("mutation_id", sa.Uuid(), nullable=False, unique=True),
    sa.Column("table_name", sa.String(64), nullable=False),
    sa.Column("row_id", sa.Uuid(), nullable=False),
    sa.Column("op", sa.String(8), nullable=False),  # upsert | delete
    sa.Column("base_version", sa.Integer(), nullable=True),
    sa.Column("payload", sa.Text(), nullable=False),  # JSON of the row as written
    # JSON of the values the writer changed, as they were before: the server merges by field.
    sa.Column("base_payload", sa.Text(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
)

rejected = sa.Table(
    "rejected",
    metadata,
    sa.Column("mutation_id", sa.Uuid(), primary_key=True),
    sa.Column("table_name", sa.String(64), nullable=False),
    sa.Column("row_id", sa.Uuid(), nullable=False),
    sa.Column("payload", sa.Text(), nullable=False),
    sa.Column("reason", sa.String(500), nullable=False),
    sa.Column("rejected_at", UTCDateTime(), nullable=False),
)

sync_state = sa.Table(
    "sync_state",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
)

# Rows seen during a full resync; what a resync did not see was purged on the server.
resync_seen = sa.Table(
    "resync_seen",
    metadata,
    sa.Column("table_name", sa.String(64), primary_key=True),
    sa.Column("row_id", sa.Uuid(), primary_key=True),
)

login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer(), nullable=False),
    sa.Column("locked_until", UTCDateTime(), nullable=True),
)
