"""Lease grants on PostgreSQL: a partial index in the grant's order, leased rows skippable.

Without it every grant sorts the whole call list under FOR UPDATE. The index holds the due
contacts of each list by priority, next attempt and id, with the lease expiry as an
expression, so a grant reads the first free rows and stops. PostgreSQL only: MariaDB grants
read candidates before locking them instead, and a SQLite server serializes grants anyway.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME = "ix_contacts_lease_order"


def upgrade() -> None:
    """Create the grant-order index on PostgreSQL."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE INDEX {NAME} ON contacts (call_list_id, priority DESC, next_attempt_at, id, "
        "(COALESCE(lease_expires_at, TIMESTAMP '1970-01-01 00:00:00'))) "
        "WHERE deleted_at IS NULL AND status IN ('new', 'retry', 'callback')"
    )


def downgrade() -> None:
    """Drop it."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {NAME}")
