"""Reading and writing knowledge articles, the OLA rules and agents' questions.

The statements are SQLAlchemy Core, so the same article write serves a workstation that
works alone (its database is the only one) and the server (``agentdesk.sync.knowledge``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from agentdesk.domain.errors import NotFoundError, StaleRecordError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.knowledge import (
    Article,
    ArticleDraft,
    ArticleKind,
    ArticleStatus,
    EscalationDomain,
    EscalationRule,
    Question,
    QuestionStatus,
)
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.base import DEFAULT_SITE, TAG_SEPARATOR, split_tags
from agentdesk.store.schema.knowledge import escalation_rules, kb_articles, kb_questions
from agentdesk.store.schema.people import users

# ---------------------------------------------------------------------------- articles

def _kind(value: str) -> ArticleKind:
    try:
        return ArticleKind(value)
    except ValueError:
        return ArticleKind.FAQ


def article_from_row(row: RowMapping) -> Article:
    """Return the article of a ``kb_articles`` row."""
    status = row["status"] if row["status"] in set(ArticleStatus) else ArticleStatus.DRAFT
    draft = ArticleDraft(
        slug=row["slug"], title=row["title"], body=row["body"], answer=row["answer"],
        kind=_kind(row["kind"]), category=row["category"], tags=split_tags(row["tags"]),
        products=split_tags(row["products"]), language=row["language"],
        status=ArticleStatus(status))
    return Article(row["id"], draft, int(row["article_version"]), row["updated_at"])


def load_article(conn: Connection, article_id: uuid.UUID) -> Article | None:
    """Return the article (deleted ones excluded), or None."""
    row = conn.execute(sa.select(kb_articles).where(
        kb_articles.c.id == article_id, kb_articles.c.deleted_at.is_(None))).mappings().first()
    return None if row is None else article_from_row(row)


def find_slug(conn: Connection, slug: str) -> uuid.UUID | None:
    """Return the id of the article with ``slug`` (deleted ones excluded), or None."""
    return conn.execute(sa.select(kb_articles.c.id).where(
        kb_articles.c.slug == slug.strip().lower(), kb_articles.c.deleted_at.is_(None))).scalar()


def load_articles(conn: Connection, article_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Article]:
    """Return the articles with these ids, by id."""
    wanted = list(article_ids)
    if not wanted:
        return {}
    rows = conn.execute(sa.select(kb_articles).where(kb_articles.c.id.in_(wanted))).mappings()
    return {row["id"]: article_from_row(row) for row in rows}


def translations(conn: Connection, article: Article) -> list[tuple[str, uuid.UUID]]:
    """Return (language, id) of the article's other languages, published or not."""
    original = conn.execute(sa.select(kb_articles.c.translation_of).where(
        kb_articles.c.id == article.id)).scalar() or article.id
    rows = conn.execute(sa.select(kb_articles.c.language, kb_articles.c.id).where(
        sa.or_(kb_articles.c.id == original, kb_articles.c.translation_of == original),
        kb_articles.c.id != article.id, kb_articles.c.deleted_at.is_(None),
        kb_articles.c.status == ArticleStatus.PUBLISHED.value))
    return [(language, article_id) for language, article_id in rows]


def list_articles(conn: Connection, *, contains: str = "", status: ArticleStatus | None = None,
                  limit: int = 500) -> list[Article]:
    """Return articles for the trainers' list, newest first, filtered by title or slug."""
    query = sa.select(kb_articles).where(kb_articles.c.deleted_at.is_(None))
    if contains.strip():
        pattern = "%" + contains.strip().replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        query = query.where(sa.or_(kb_articles.c.title.ilike(pattern, escape="\\"),
                                   kb_articles.c.slug.ilike(pattern, escape="\\")))
    if status is not None:
        query = query.where(kb_articles.c.status == status.value)
    query = query.order_by(kb_articles.c.updated_at.desc(), kb_articles.c.id).limit(limit)
    return [article_from_row(row) for row in conn.execute(query).mappings()]


def article_values(draft: ArticleDraft) -> dict[str, Any]:
    """Return the ``kb_articles`` columns that hold a draft's content."""
    return {
        "slug": draft.slug, "title": draft.title, "body": draft.body, "answer": draft.answer,
        "kind": draft.kind.value, "category": draft.category,
        "tags": TAG_SEPARATOR.join(draft.tags), "products": TAG_SEPARATOR.join(draft.products),
        "language": draft.language, "status": draft.status.value,
    }


def write_article(
    conn: Connection,
    draft: ArticleDraft,
    *,
    now: datetime,
    article_id: uuid.UUID | None = None,
    base_version: int | None = None,
    site: str = DEFAULT_SITE,
    create_only: bool = False,
) -> tuple[uuid.UUID, bool, int]:
    """Insert an article, or save a new version of the one with its id (or else its slug).

    Args:
        conn: A write transaction.
        draft: Validated content.
        now: Time of the write (the server's clock on a server).
        article_id: The article edited; None to find it by slug or create it.
        base_version: The article version the editor started from; a save over a newer
            one is refused.
        site: The call center the row belongs to.
        create_only: Without ``article_id``, refuse a slug that is taken instead of
            saving over its article (an editor creating an article; imports replace).

    Returns:
        The article id, whether anything changed, and the article's version now.

    Raises:
        ValidationError: ``slug``: ``taken`` by another article.
        StaleRecordError: the article was edited since ``base_version``.
        NotFoundError: there is no article ``article_id``.
    """
    by_slug = conn.execute(sa.select(kb_articles).where(
        kb_articles.c.slug == draft.slug)).mappings().first()
    if article_id is None:
        if create_only and by_slug is not None:
            raise ValidationError({"slug": "taken"})
        current = by_slug
    else:
        current = conn.execute(sa.select(kb_articles).where(
            kb_articles.c.id == article_id)).mappings().first()
        if current is None:
            raise NotFoundError("The article no longer exists")
        if by_slug is not None and by_slug["id"] != article_id:
            raise ValidationError({"slug": "taken"})
    values = article_values(draft)
    if current is None:
        new = new_id()
        try:
            conn.execute(kb_articles.insert().values(
                id=new, site=site, version=1, updated_at=now, deleted_at=None,
                article_version=1, product_id=None, translation_of=None, **values))
        except sa.exc.IntegrityError as exc:  # taken meanwhile; the transaction is lost
            raise ValidationError({"slug": "taken"}) from exc
        return new, True, 1
    if base_version is not None and int(current["article_version"]) != base_version:
        raise StaleRecordError("The article was changed by someone else meanwhile")
    if current["deleted_at"] is None and all(current[k] == v for k, v in values.items()):
        return current["id"], False, int(current["article_version"])
    # The version the row was read at guards the write: a save that commits in between
    # (another trainer, read without a lock) makes this one stale instead of lost.
    result = conn.execute(kb_articles.update().where(
        kb_articles.c.id == current["id"],
        kb_articles.c.article_version == current["article_version"],
    ).values(version=current["version"] + 1, updated_at=now, deleted_at=None,
             article_version=current["article_version"] + 1, **values))
    if result.rowcount != 1:
        raise StaleRecordError("The article was changed by someone else meanwhile")
    return current["id"], True, int(current["article_version"]) + 1


def link_translation(conn: Connection, article_id: uuid.UUID, original: uuid.UUID, *,
                     now: datetime) -> bool:
    """Record that ``article_id`` translates ``original``; return True if that is new."""
    if article_id == original:
        return False
    result = conn.execute(kb_articles.update().where(
        kb_articles.c.id == article_id,
        sa.or_(kb_articles.c.translation_of.is_(None), kb_articles.c.translation_of != original),
    ).values(translation_of=original, version=kb_articles.c.version + 1, updated_at=now))
    return bool(result.rowcount)


def link_translations(conn: Connection, saved: Mapping[str, uuid.UUID],
                      translation_of: Mapping[str, str], *, now: datetime) -> list[uuid.UUID]:
    """Link translations (slug -> original slug) among ``saved`` or already stored articles.

    Returns:
        The ids of the translations whose link is new.
    """
    linked = []
    for slug, original in translation_of.items():
        article_id = saved.get(slug) or find_slug(conn, slug)
        original_id = saved.get(original) or find_slug(conn, original)
        if article_id is not None and original_id is not None and link_translation(
                conn, article_id, original_id, now=now):
            linked.append(article_id)
    return linked


# ---------------------------------------------------------------------- escalation rules

def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def rule_from_row(row: RowMapping) -> EscalationRule:
    """Return the escalation rule of an ``escalation_rules`` row."""
    domain = row["domain"] if row["domain"] in set(EscalationDomain) else "business"
    return EscalationRule(
        id=row["id"], topic=row["topic"], title=row["title"], title_en=row["title_en"],
        department=row["department"], department_en=row["department_en"],
        domain=EscalationDomain(domain),
        required_info=_lines(row["required_info"]),
        required_info_en=_lines(row["required_info_en"]),
        first_questions=_lines(row["first_questions"]),
        first_questions_en=_lines(row["first_questions_en"]),
        front_line_answers=_lines(row["front_line_answers"]),
        front_line_answers_en=_lines(row["front_line_answers_en"]),
        steps=_lines(row["steps"]), steps_en=_lines(row["steps_en"]),
        response_minutes=int(row["response_minutes"]),
        informs_customer=row["informs_customer"],
        informs_customer_en=row["informs_customer_en"],
        leader_escalation_minutes=row["leader_escalation_minutes"],
        article_id=row["article_id"])


def rule_for_article(conn: Connection, article: Article) -> EscalationRule | None:
    """Return the OLA rule of the article's topic (or of the article it translates)."""
    original = conn.execute(sa.select(kb_articles.c.translation_of).where(
        kb_articles.c.id == article.id)).scalar()
    ids = [article.id] if original is None else [article.id, original]
    row = conn.execute(sa.select(escalation_rules).where(
        escalation_rules.c.article_id.in_(ids), escalation_rules.c.deleted_at.is_(None))
        .order_by(escalation_rules.c.topic).limit(1)).mappings().first()
    return None if row is None else rule_from_row(row)


def list_rules(conn: Connection) -> list[EscalationRule]:
    """Return every escalation rule, by topic."""
    rows = conn.execute(sa.select(escalation_rules).where(
        escalation_rules.c.deleted_at.is_(None)).order_by(escalation_rules.c.topic)).mappings()
    return [rule_from_row(row) for row in rows]


# ------------------------------------------------------------------------- questions

# What a trainer decided about a question: merged as one (see ``queue_mutation``).
QUESTION_OUTCOME = frozenset({"status", "answer", "answered_by", "answered_at", "article_id"})

_asker = users.alias("asker")
_trainer = users.alias("trainer")


def _questions_query() -> sa.Select[Any]:
    return (sa.select(kb_questions, _asker.c.display_name.label("asker_name"),
                      sa.func.coalesce(_trainer.c.display_name, "").label("trainer_name"))
            .join(_asker, _asker.c.id == kb_questions.c.asked_by)
            .outerjoin(_trainer, _trainer.c.id == kb_questions.c.answered_by)
            .where(kb_questions.c.deleted_at.is_(None)))


def _question(row: RowMapping) -> Question:
    status = row["status"] if row["status"] in set(QuestionStatus) else QuestionStatus.OPEN
    return Question(
        id=row["id"], text=row["text"], asked_by=row["asked_by"],
        asked_by_name=row["asker_name"], asked_at=row["asked_at"], call_id=row["call_id"],
        status=QuestionStatus(status), answer=row["answer"],
        answered_by_name=row["trainer_name"], answered_at=row["answered_at"],
        article_id=row["article_id"], version=int(row["version"]))


def list_questions(conn: Connection, *, asked_by: uuid.UUID | None = None,
                   statuses: Iterable[QuestionStatus] = (), limit: int = 500,
                   oldest_first: bool = False) -> list[Question]:
    """Return questions, newest (or oldest) first: one agent's, or by status."""
    query = _questions_query()
    if asked_by is not None:
        query = query.where(kb_questions.c.asked_by == asked_by)
    wanted = [status.value for status in statuses]
    if wanted:
        query = query.where(kb_questions.c.status.in_(wanted))
    if oldest_first:
        query = query.order_by(kb_questions.c.asked_at, kb_questions.c.id)
    else:
        query = query.order_by(kb_questions.c.asked_at.desc(), kb_questions.c.id.desc())
    query = query.limit(limit)
    return [_question(row) for row in conn.execute(query).mappings()]


def load_question(conn: Connection, question_id: uuid.UUID) -> Question | None:
    """Return one question, or None."""
    row = conn.execute(_questions_query().where(kb_questions.c.id == question_id)
                       ).mappings().first()
    return None if row is None else _question(row)


def insert_question(conn: Connection, *, text: str, asked_by: uuid.UUID,
                    call_id: uuid.UUID | None, now: datetime) -> uuid.UUID:
    """Store a new question and queue it for the server."""
    question_id = new_id()
    row = {"id": question_id, "site": DEFAULT_SITE, "version": 1, "updated_at": now,
           "deleted_at": None, "text": text, "asked_by": asked_by, "asked_at": now,
           "call_id": call_id, "status": QuestionStatus.OPEN.value, "answer": "",
           "answered_by": None, "answered_at": None, "article_id": None}
    conn.execute(kb_questions.insert().values(row))
    queue_mutation(conn, kb_questions, row, base_version=None, now=now)
    return question_id


def update_question(conn: Connection, question_id: uuid.UUID, *, base_version: int,
                    changes: Mapping[str, Any], now: datetime) -> None:
    """Change a question (the trainer's answer) and queue the change for the server.

    Raises:
        NotFoundError: the question was deleted.
        StaleRecordError: it changed since ``base_version`` (another trainer answered it).
    """
    current = conn.execute(sa.select(kb_questions).where(
        kb_questions.c.id == question_id, kb_questions.c.deleted_at.is_(None))).mappings().first()
    if current is None:
        raise NotFoundError("The question no longer exists")
    if int(current["version"]) != base_version:
        raise StaleRecordError("The question was answered by someone else meanwhile")
    before = dict(current)
    row = {**before, **changes, "version": before["version"] + 1, "updated_at": now}
    conn.execute(kb_questions.update().where(kb_questions.c.id == question_id).values(row))
    queue_mutation(conn, kb_questions, row, base_version=base_version, now=now, before=before,
                   together=QUESTION_OUTCOME)
