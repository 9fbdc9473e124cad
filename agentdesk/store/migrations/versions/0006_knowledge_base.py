"""Knowledge base: article keys and answers, the OLA in English, agents' questions.

- ``kb_articles.slug``: the article's stable key (links ``article:<slug>``, imports, script
  steps), unique. Existing articles get ``a-<id in hex>``: the server and every workstation
  compute the same value from the same row, so no change needs to be sent.
- ``kb_articles.answer`` (the short answer an agent copies into the call notes) and
  ``kb_articles.products`` (product codes).
- ``escalation_rules``: the department, who tells the customer and the four lists in
  English beside the Chinese ones.
- ``kb_questions``: questions agents meet on calls, answered by trainers (shared rows).

The search index of a workstation is not part of the schema: it is derived from the
articles and rebuilt whenever it is missing or was made by another analyzer version
(``agentdesk.store.kb_index``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-15 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentdesk.store.schema.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_UTC = agentdesk.store.schema.base.UTCDateTime
_EMPTY = sa.text("''")
_RULE_TEXTS = ("required_info_en", "first_questions_en", "front_line_answers_en", "steps_en")


def upgrade() -> None:
    """Add the columns, key the existing articles, create the questions table."""
    op.add_column("kb_articles", sa.Column("slug", sa.String(100), nullable=False,
                                           server_default=_EMPTY))
    op.add_column("kb_articles", sa.Column("answer", sa.Text(), nullable=False,
                                           server_default=_EMPTY))
    op.add_column("kb_articles", sa.Column("products", sa.String(500), nullable=False,
                                           server_default=_EMPTY))
    bind = op.get_bind()
    articles = sa.table("kb_articles", sa.column("id", sa.Uuid()), sa.column("slug", sa.String))
    for (article_id,) in bind.execute(sa.select(articles.c.id)).all():
        bind.execute(articles.update().where(articles.c.id == article_id)
                     .values(slug=f"a-{article_id.hex}"))
    op.create_index("uq_kb_articles_slug", "kb_articles", ["slug"], unique=True)

    op.add_column("escalation_rules", sa.Column("department_en", sa.String(100),
                                                nullable=False, server_default=_EMPTY))
    op.add_column("escalation_rules", sa.Column("informs_customer_en", sa.String(200),
                                                nullable=False, server_default=_EMPTY))
    for name in _RULE_TEXTS:
        op.add_column("escalation_rules", sa.Column(name, sa.Text(), nullable=False,
                                                    server_default=_EMPTY))

    op.create_table(
        "kb_questions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", _UTC(), nullable=False),
        sa.Column("deleted_at", _UTC(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("asked_by", sa.Uuid(), nullable=False),
        sa.Column("asked_at", _UTC(), nullable=False),
        sa.Column("call_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Uuid(), nullable=True),
        sa.Column("answered_at", _UTC(), nullable=True),
        sa.Column("article_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["asked_by"], ["users.id"],
                                name=op.f("fk_kb_questions_asked_by_users")),
        sa.ForeignKeyConstraint(["answered_by"], ["users.id"],
                                name=op.f("fk_kb_questions_answered_by_users")),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"],
                                name=op.f("fk_kb_questions_call_id_calls")),
        sa.ForeignKeyConstraint(["article_id"], ["kb_articles.id"],
                                name=op.f("fk_kb_questions_article_id_kb_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_questions")),
    )
    for column in ("asked_by", "call_id", "answered_by", "article_id"):
        op.create_index(op.f(f"ix_kb_questions_{column}"), "kb_questions", [column])
    op.create_index("ix_kb_questions_status_asked", "kb_questions", ["status", "asked_at"])


# The workstation's search index (agentdesk.store.kb_index) and its bookkeeping: an
# earlier revision would leave them stale, so a downgrade drops them and the next start at
# this revision rebuilds them.
_INDEX_TABLES = ("kb_title_ix", "kb_body_ix", "kb_ix_docs")
_INDEX_KEYS = ("kb_index_analyzer", "kb_index_layout")


def downgrade() -> None:
    """Drop them again (and the workstation's search index)."""
    if op.get_bind().dialect.name == "sqlite":
        for name in _INDEX_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {name}")
        keys = ", ".join(f"'{key}'" for key in _INDEX_KEYS)
        op.execute(f"DELETE FROM sync_state WHERE key IN ({keys})")
    op.drop_table("kb_questions")
    for name in (*_RULE_TEXTS, "informs_customer_en", "department_en"):
        op.drop_column("escalation_rules", name)
    op.drop_index("uq_kb_articles_slug", table_name="kb_articles")
    for name in ("products", "answer", "slug"):
        op.drop_column("kb_articles", name)
