"""Tables of the sync protocol: the change sequence, applied mutations, conflicts, workstations.

They live in the server database; workstations carry them empty (one migration history), except
``sync_conflicts``, which the server writes and every workstation pulls so supervisors see it.
"""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import TableKind, UTCDateTime, metadata, synced_table, text

sync_meta = sa.Table(
    "sync_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

# One row per scope (a site's rows). Writers lock it as the last step of their transaction and
# take the next numbers, so change_log.seq grows in commit order and a pull never skips a row.
sync_sequencer = sa.Table(
    "sync_sequencer",
    metadata,
    sa.Column("scope", sa.String(32), primary_key=True),
    sa.Column("last_seq", sa.BigInteger(), nullable=False),
)

change_log = sa.Table(
    "change_log",
    metadata,
    sa.Column("scope", sa.String(32), primary_key=True),
    sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("table_name", sa.String(64), nullable=False),
    sa.Column("row_id", sa.Uuid(), nullable=False),
)

applied_mutations = sa.Table(
    "applied_mutations",
    metadata,
    sa.Column("workstation_id", sa.String(36), primary_key=True),
    sa.Column("mutation_id", sa.Uuid(), primary_key=True),
    sa.Column("outcome", sa.String(16), nullable=False),  # applied | merged | rejected
    sa.Column("reason", sa.String(500), nullable=False, default=""),
    sa.Column("protocol", sa.Integer(), nullable=False),
    sa.Column("applied_at", UTCDateTime(), nullable=False),
)

workstations = sa.Table(
    "workstations",
    metadata,
    sa.Column("workstation_id", sa.String(36), primary_key=True),
    sa.Column("protocol", sa.Integer(), nullable=False),
    sa.Column("schema_revision", sa.String(32), nullable=False),
    sa.Column("app_version", sa.String(32), nullable=False),
    sa.Column("last_push_at", UTCDateTime(), nullable=True),
    sa.Column("last_pull_at", UTCDateTime(), nullable=True),
)

sync_conflicts = synced_table(
    "sync_conflicts",
    TableKind.REFERENCE,
    sa.Column("table_name", sa.String(64), nullable=False),
    sa.Column("row_id", sa.Uuid(), nullable=False, index=True),
    # field: both sides changed one field; double_contact: a result with a stale lease token;
    # renumbered: a number taken offline was already used and the server gave a new one.
    sa.Column("kind", sa.String(24), nullable=False),
    text("field", 64),
    sa.Column("kept_value", sa.Text(), nullable=False, default=""),
    sa.Column("lost_value", sa.Text(), nullable=False, default=""),
    sa.Column("workstation_id", sa.String(36), nullable=False, index=True),
    sa.Column("mutation_id", sa.Uuid(), nullable=False),
    sa.Column("detected_at", UTCDateTime(), nullable=False),
    sa.Column("resolved_at", UTCDateTime(), nullable=True),
)

# What only the server database fills; a workstation made as a copy of it empties them.
SERVER_ONLY_TABLES = (change_log, sync_sequencer, applied_mutations, workstations)
