"""Sync protocol: change sequence, applied mutations, conflicts, workstations, contact leases.

On a server database every row already there gets a change-log entry, so a workstation that
syncs for the first time pulls it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 07:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentdesk.store.schema.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_UTC = agentdesk.store.schema.base.UTCDateTime

# The synced tables at this revision, parents before children.
_SYNCED = (
    "teams", "users", "campaigns", "products", "offers", "disposition_codes", "targets",
    "call_lists", "business_halls", "delivery_rounds", "customers", "customer_phones",
    "customer_addresses", "contacts", "dnc_entries", "calls", "dispositions", "callbacks",
    "agent_state_events", "orders", "order_lines", "dispatches", "scripts", "kb_articles",
    "escalation_rules", "cases", "case_events",
)


def upgrade() -> None:
    """Create the sync tables, add the lease columns, and log every existing row."""
    op.create_table(
        "applied_mutations",
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("protocol", sa.Integer(), nullable=False),
        sa.Column("applied_at", _UTC(), nullable=False),
        sa.PrimaryKeyConstraint("workstation_id", "mutation_id", name=op.f("pk_applied_mutations")),
    )
    op.create_table(
        "change_log",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "seq", name=op.f("pk_change_log")),
    )
    op.create_table(
        "resync_seen",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_resync_seen")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", _UTC(), nullable=False),
        sa.Column("deleted_at", _UTC(), nullable=True),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("field", sa.String(length=64), server_default=sa.text("''"), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("lost_value", sa.Text(), nullable=False),
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("detected_at", _UTC(), nullable=False),
        sa.Column("resolved_at", _UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_workstation_id"), ["workstation_id"], unique=False
        )
    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_meta")),
    )
    op.create_table(
        "sync_sequencer",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_sync_sequencer")),
    )
    op.create_table(
        "workstations",
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("protocol", sa.Integer(), nullable=False),
        sa.Column("schema_revision", sa.String(length=32), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("last_push_at", _UTC(), nullable=True),
        sa.Column("last_pull_at", _UTC(), nullable=True),
        sa.PrimaryKeyConstraint("workstation_id", name=op.f("pk_workstations")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_agent_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column("lease_token", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(sa.Column("lease_expires_at", _UTC(), nullable=True))
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_payload", sa.Text(), nullable=True))
    _microsecond_timestamps()
    op.bulk_insert(
        sa.table("sync_meta", sa.column("key"), sa.column("value")),
        [{"key": "protocol", "value": "1"}],
    )
    config = op.get_context().config
    if config is None or config.attributes.get("role") != "workstation":
        _log_existing_rows()


def _microsecond_timestamps() -> None:
    """On MariaDB/MySQL, widen every DATETIME to DATETIME(6): sync compares exact times."""
    conn = op.get_bind()
    if conn.dialect.name not in ("mysql", "mariadb"):
        return
    inspector = sa.inspect(conn)
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            if str(column["type"]).upper() == "DATETIME":
                null = "NULL" if column["nullable"] else "NOT NULL"
                conn.exec_driver_sql(
                    f"ALTER TABLE `{table}` MODIFY `{column['name']}` DATETIME(6) {null}"
                )


def _log_existing_rows() -> None:
    """Give every existing synced row a change-log entry, per site, in table order."""
    conn = op.get_bind()
    change_log = sa.table(
        "change_log", sa.column("scope"), sa.column("seq"), sa.column("table_name"),
        sa.column("row_id"),
    )
    sequencer = sa.table("sync_sequencer", sa.column("scope"), sa.column("last_seq"))
    last: dict[str, int] = {}
    for name in _SYNCED:
        table = sa.table(name, sa.column("id"), sa.column("site"))
        sites = [row[0] for row in conn.execute(sa.select(table.c.site).distinct())]
        for site in sites:
            start = last.get(site, 0)
            number = sa.func.row_number().over(order_by=table.c.id)
            conn.execute(
                change_log.insert().from_select(
                    ["scope", "seq", "table_name", "row_id"],
                    sa.select(
                        table.c.site, (number + start).label("seq"),
                        sa.literal(name, sa.String(64)).label("table_name"), table.c.id,
                    ).where(table.c.site == site),
                )
            )
            count = conn.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.site == site)
            ).scalar_one()
            last[site] = start + int(count)
    last.setdefault("default", 0)
    conn.execute(sequencer.insert(), [{"scope": s, "last_seq": n} for s, n in last.items()])


def downgrade() -> None:
    """Drop the sync tables and the lease columns."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("base_payload")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("lease_expires_at")
        batch_op.drop_column("lease_token")
        batch_op.drop_column("lease_agent_id")
    op.drop_table("workstations")
    op.drop_table("sync_sequencer")
    op.drop_table("sync_meta")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_workstation_id"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))
    op.drop_table("sync_conflicts")
    op.drop_table("resync_seen")
    op.drop_table("change_log")
    op.drop_table("applied_mutations")
