"""Customers with their phones and addresses, call-list contacts and the do-not-call list."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import TableKind, UTCDateTime, ref, synced_table, text

customers = synced_table(
    "customers",
    TableKind.SHARED,
    sa.Column("customer_no", sa.String(16), nullable=False, unique=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(8), nullable=False, default="unknown"),
    text("city", 200),
    sa.Column("language", sa.String(8), nullable=False, default="zh"),
    text("tags", 1000),  # tab-separated
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Index("ix_customers_name", "name"),
)

customer_phones = synced_table(
    "customer_phones",
    TableKind.SHARED,
    ref("customers", nullable=False, ondelete="CASCADE"),
    sa.Column("e164", sa.String(20), nullable=False, index=True),
    # The digits reversed, so "numbers ending in 1234" is an indexed prefix search.
    sa.Column("tail_key", sa.String(20), nullable=False, index=True, server_default=""),
    sa.Column("kind", sa.String(8), nullable=False),
    text("label", 32),
    sa.Column("is_primary", sa.Boolean(), nullable=False, default=False),
)

customer_addresses = synced_table(
    "customer_addresses",
    TableKind.SHARED,
    ref("customers", nullable=False, ondelete="CASCADE"),
    text("province", 200),
    text("city", 200),
    text("district", 200),
    text("street", 200),
    text("postal_code", 6),
    text("label", 32),
    sa.Column("is_default", sa.Boolean(), nullable=False, default=False),
)

contacts = synced_table(
    "contacts",
    TableKind.SHARED,
    ref("call_lists", nullable=False),
    ref("customers", nullable=False),
    sa.Column("e164", sa.String(20), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("priority", sa.Integer(), nullable=False, default=0),
    sa.Column("attempts", sa.Integer(), nullable=False, default=0),
    sa.Column("next_attempt_at", UTCDateTime(), nullable=True),
    text("last_disposition", 32),
    text("time_zone", 64),
    # The agent whose personal callback the contact is waiting for; null for a team callback
    # (and for anything but a callback).
    sa.Column("callback_agent_id", sa.Uuid(), nullable=True),
    # The lease: on the server who holds the contact and until when (server clock), with a
    # fencing token that grows with each grant; on a workstation, its own leased batch.
    # Never carried by sync (``info``): each side keeps its own.
    sa.Column("lease_agent_id", sa.Uuid(), nullable=True, info={"synced": False}),
    sa.Column("lease_token", sa.BigInteger(), nullable=False, default=0,
              server_default=sa.text("0"), info={"synced": False}),
    sa.Column("lease_expires_at", UTCDateTime(), nullable=True, info={"synced": False}),
    sa.Index("ix_contacts_due", "call_list_id", "status", "next_attempt_at"),
    # The time zones of a list, read a zone at a time (a loose index scan) by lease grants.
    sa.Index("ix_contacts_call_list_zone", "call_list_id", "time_zone"),
    # An agent's leased batch; only leased rows are indexed where the backend can say so.
    sa.Index("ix_contacts_lease_agent", "lease_agent_id",
             sqlite_where=sa.text("lease_agent_id IS NOT NULL"),
             postgresql_where=sa.text("lease_agent_id IS NOT NULL")),
)

# The callable contacts of a list in grant order (migrations 0004 and 0005). PostgreSQL adds
# the lease expiry as an expression; MariaDB has none (see sync.leases).
sa.Index("ix_contacts_lease_order", contacts.c.call_list_id, contacts.c.priority.desc(),
         contacts.c.next_attempt_at, contacts.c.id,
         sqlite_where=sa.text("deleted_at IS NULL AND status IN ('new', 'retry', 'callback')"))

# Facts, not reference data: a customer who says "do not call me" on a call is listed from the
# workstation (in the same transaction as the call); administrators list numbers on the server.
dnc_entries = synced_table(
    "dnc_entries",
    TableKind.FACT,
    sa.Column("e164", sa.String(20), nullable=False, index=True),
    text("reason", 200),
    text("source", 64),
    sa.Column("expires_at", UTCDateTime(), nullable=True),
)
