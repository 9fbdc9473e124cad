"""Scripts, knowledge articles, escalation rules (the OLA) and customer cases."""

from __future__ import annotations

import sqlalchemy as sa

from agentdesk.store.schema.base import TableKind, UTCDateTime, ref, synced_table, text

scripts = synced_table(
    "scripts",
    TableKind.REFERENCE,
    ref("campaigns", nullable=False),
    text("name", 100),
    sa.Column("direction", sa.String(16), nullable=False),
    sa.Column("script_version", sa.Integer(), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),  # JSON: steps, answers, actions
    # None while the version is a draft; a published version is never changed again.
    sa.Column("published_at", UTCDateTime(), nullable=True),
    text("change_note", 500),
    sa.UniqueConstraint("campaign_id", "direction", "script_version",
                        name="uq_scripts_campaign_direction_version"),
)

kb_articles = synced_table(
    "kb_articles",
    TableKind.REFERENCE,
    # Stable key: links (article:<slug>), imports and script steps find the article by it.
    sa.Column("slug", sa.String(100), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),  # Markdown
    # The short answer an agent reads out or copies into the call notes.
    sa.Column("answer", sa.Text(), nullable=False, default=""),
    sa.Column("kind", sa.String(16), nullable=False),
    text("category", 64),
    text("tags", 500),  # tab-separated
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("article_version", sa.Integer(), nullable=False, default=1),
    text("products", 500),  # tab-separated product codes
    ref("products"),
    sa.Column("translation_of", sa.Uuid(), nullable=True),
    sa.Index("uq_kb_articles_slug", "slug", unique=True),
)

escalation_rules = synced_table(
    "escalation_rules",
    TableKind.REFERENCE,
    sa.Column("topic", sa.String(64), nullable=False, unique=True),
    text("title", 200),
    text("title_en", 200),
    text("department", 100),
    text("department_en", 100),
    text("domain", 32),  # business, product or technical
    # Lists, one entry per line, in Chinese and in English.
    sa.Column("required_info", sa.Text(), nullable=False, default=""),
    sa.Column("required_info_en", sa.Text(), nullable=False, default=""),
    sa.Column("first_questions", sa.Text(), nullable=False, default=""),
    sa.Column("first_questions_en", sa.Text(), nullable=False, default=""),
    sa.Column("front_line_answers", sa.Text(), nullable=False, default=""),
    sa.Column("front_line_answers_en", sa.Text(), nullable=False, default=""),
    sa.Column("steps", sa.Text(), nullable=False, default=""),
    sa.Column("steps_en", sa.Text(), nullable=False, default=""),
    sa.Column("response_minutes", sa.Integer(), nullable=False),
    text("informs_customer", 100),
    text("informs_customer_en", 200),
    sa.Column("leader_escalation_minutes", sa.Integer(), nullable=True),
    ref("kb_articles", "article_id"),
)

kb_questions = synced_table(
    "kb_questions",
    TableKind.SHARED,
    sa.Column("text", sa.Text(), nullable=False),
    ref("users", "asked_by", nullable=False),
    sa.Column("asked_at", UTCDateTime(), nullable=False),
    ref("calls"),
    sa.Column("status", sa.String(16), nullable=False),  # open, answered, published, declined
    sa.Column("answer", sa.Text(), nullable=False, default=""),
    ref("users", "answered_by"),
    sa.Column("answered_at", UTCDateTime(), nullable=True),
    ref("kb_articles", "article_id"),
    sa.Index("ix_kb_questions_status_asked", "status", "asked_at"),
)

cases = synced_table(
    "cases",
    TableKind.SHARED,
    sa.Column("case_no", sa.String(24), nullable=False, unique=True),
    ref("customers", nullable=False),
    ref("calls"),
    ref("escalation_rules", "rule_id"),
    sa.Column("status", sa.String(16), nullable=False),
    text("summary", 300),
    sa.Column("description", sa.Text(), nullable=False, default=""),
    ref("users", "opened_by", nullable=False),
    sa.Column("opened_at", UTCDateTime(), nullable=False),
    sa.Column("due_at", UTCDateTime(), nullable=True),
)

case_events = synced_table(
    "case_events",
    TableKind.FACT,
    ref("cases", nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("note", sa.Text(), nullable=False, default=""),
    ref("users", "actor_id", nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
)
