"""Call scripts: the path a call took through its script, drafts with a change note.

- ``calls.script_id``: the script version the call followed (indexed, for the funnel);
  ``calls.script_path``: the steps visited and answers chosen (JSON). Both empty for
  calls made before scripts were recorded. No foreign key, so SQLite adds the columns
  without copying the table.
- ``scripts.change_note``: what a version changed, written by its author.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-22 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the columns and the index."""
    op.add_column("calls", sa.Column("script_id", sa.Uuid(), nullable=True))
    op.add_column("calls", sa.Column("script_path", sa.Text(), nullable=True))
    op.create_index(op.f("ix_calls_script_id"), "calls", ["script_id"])
    op.add_column("scripts", sa.Column("change_note", sa.String(500), nullable=False,
                                       server_default=sa.text("''")))


def downgrade() -> None:
    """Drop them again."""
    op.drop_column("scripts", "change_note")
    op.drop_index(op.f("ix_calls_script_id"), table_name="calls")
    op.drop_column("calls", "script_path")
    op.drop_column("calls", "script_id")
