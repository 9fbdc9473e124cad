"""Dialing rules: the owner of a personal callback on its contact, and indexes for next-contact.

- ``contacts.callback_agent_id`` (synced): the agent a personal callback waits for; leases
  give such a contact to nobody else. Contacts waiting for a pending personal callback get
  its agent, on the server and on every workstation alike (the same rows give the same
  values, so no change needs to be sent).
- ``ix_contacts_call_list_zone``: the time zones of a list, read one at a time, so a grant
  knows in which zones calling hours are open without reading the list.
- ``ix_contacts_lease_agent``: an agent's leased batch (partial where the backend allows).
- On SQLite (workstations and a SQLite server) the grant-order index PostgreSQL got in 0004,
  without its expression: local grants and the demo server read it in grant order.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LEASE_ORDER = "ix_contacts_lease_order"


def upgrade() -> None:
    """Add the column, fill it from pending personal callbacks, create the indexes."""
    dialect = op.get_bind().dialect.name
    op.add_column("contacts", sa.Column("callback_agent_id", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE contacts SET callback_agent_id = ("
        "SELECT cb.agent_id FROM callbacks cb WHERE cb.contact_id = contacts.id "
        "AND cb.status = 'pending' AND cb.scope = 'personal' AND cb.deleted_at IS NULL "
        "ORDER BY cb.due_at DESC, cb.id DESC LIMIT 1) "
        "WHERE status = 'callback' AND deleted_at IS NULL"
    )
    op.create_index("ix_contacts_call_list_zone", "contacts", ["call_list_id", "time_zone"])
    where = sa.text("lease_agent_id IS NOT NULL")
    op.create_index("ix_contacts_lease_agent", "contacts", ["lease_agent_id"],
                    sqlite_where=where, postgresql_where=where)
    if dialect == "sqlite":
        op.execute(
            f"CREATE INDEX {LEASE_ORDER} ON contacts (call_list_id, priority DESC, "
            "next_attempt_at, id) "
            "WHERE deleted_at IS NULL AND status IN ('new', 'retry', 'callback')"
        )


def downgrade() -> None:
    """Drop them again."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP INDEX IF EXISTS {LEASE_ORDER}")
    op.drop_index("ix_contacts_lease_agent", table_name="contacts")
    op.drop_index("ix_contacts_call_list_zone", table_name="contacts")
    # A plain ALTER TABLE (SQLite >= 3.35): rebuilding the table would trip the foreign keys
    # of the calls and callbacks that point at its rows.
    op.drop_column("contacts", "callback_agent_id")
