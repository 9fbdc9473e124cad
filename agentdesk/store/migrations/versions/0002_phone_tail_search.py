"""Phone tail search: index numbers by their reversed digits so "ends in 1234" is a prefix seek.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:20:41.572991
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    """Add ``customer_phones.tail_key`` and fill it for every stored number."""
    with op.batch_alter_table("customer_phones", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("tail_key", sa.String(length=20), nullable=False, server_default="")
        )
    conn = op.get_bind()
    phones = sa.table(
        "customer_phones", sa.column("id", sa.Uuid()), sa.column("e164"), sa.column("tail_key")
    )
    last = None
    while True:
        query = sa.select(phones.c.id, phones.c.e164).order_by(phones.c.id).limit(_BATCH)
        if last is not None:
            query = query.where(phones.c.id > last)
        rows = conn.execute(query).all()
        if not rows:
            break
        conn.execute(
            phones.update().where(phones.c.id == sa.bindparam("row_id")),
            [{"row_id": row.id, "tail_key": row.e164.lstrip("+")[::-1]} for row in rows],
        )
        last = rows[-1].id
    with op.batch_alter_table("customer_phones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_phones_tail_key"), ["tail_key"], unique=False)


def downgrade() -> None:
    """Drop the tail index and column."""
    with op.batch_alter_table("customer_phones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_phones_tail_key"))
        batch_op.drop_column("tail_key")
