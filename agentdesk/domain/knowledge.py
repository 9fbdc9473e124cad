"""The knowledge base: articles, agents' questions (the FAQ loop) and the OLA escalation guide."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.kb_text import Snippet


class ArticleKind(StrEnum):
    """What an article is for."""

    FAQ = "faq"
    PRODUCT = "product"
    OBJECTION = "objection"
    ESCALATION = "escalation"
    POLICY = "policy"


class ArticleStatus(StrEnum):
    """Agents see published articles only; trainers see them all."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


LANGUAGES = ("zh", "en")

TITLE_MAX = 200
SLUG_MAX = 100
CATEGORY_MAX = 64
TAG_MAX = 40
TAGS_MAX = 20
ANSWER_MAX = 2000
BODY_MAX = 200_000
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article as a trainer writes it or a file describes it (no id, no version yet).

    Attributes:
        slug: Stable key (``porting-in``), used by links (``kb:porting-in``), imports and
            script steps; lowercase letters, digits, ``.``, ``_`` and ``-``.
        title: Shown in results and above the article.
        body: Markdown. Raw HTML in it is shown as text, never interpreted.
        answer: The short answer an agent may read out or copy into the call notes.
        kind: What the article is for.
        category: Free grouping (``套餐``, ``Billing``).
        tags: Search keywords, indexed like the title.
        products: Product codes the article is about.
        language: ``zh`` or ``en``.
        status: Draft, published or archived.
    """

    slug: str
    title: str
    body: str
    answer: str = ""
    kind: ArticleKind = ArticleKind.FAQ
    category: str = ""
    tags: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    language: str = "zh"
    status: ArticleStatus = ArticleStatus.PUBLISHED


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article.

    Attributes:
        id: Row id.
        draft: Its content.
        version: The article's own version, raised by every saved edit.
        updated_at: When it was last saved.
    """

    id: uuid.UUID
    draft: ArticleDraft
    version: int
    updated_at: datetime | None = None

    @property
    def slug(self) -> str:
        """The article's stable key."""
        return self.draft.slug

    @property
    def title(self) -> str:
        """The article's title."""
        return self.draft.title


def clean_text(value: str) -> str:
    """Drop control characters (but keep tabs and line breaks) and normalize line ends."""
    return _CONTROL_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def slug_from(title: str, fallback: str) -> str:
    """Return a slug made of the ASCII words of ``title``, or ``fallback`` without any."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = "-".join(words)[:SLUG_MAX].strip("-")
    return slug or fallback


def validate_article(draft: ArticleDraft) -> ArticleDraft:
    """Return the draft cleaned (trimmed, control characters dropped), or raise.

    Raises:
        ValidationError: one problem code per field: ``required``, ``too_long``,
            ``invalid`` (slug characters, language), ``too_many`` (tags).
    """
    problems: dict[str, str] = {}
    slug = draft.slug.strip().lower()
    title = " ".join(clean_text(draft.title).split())
    body = clean_text(draft.body).strip("\n")
    answer = clean_text(draft.answer).strip()
    category = " ".join(clean_text(draft.category).split())
    tags = tuple(dict.fromkeys(t for t in (" ".join(clean_text(t).split()) for t in draft.tags)
                               if t))
    products = tuple(dict.fromkeys(p.strip() for p in draft.products if p.strip()))
    if not slug:
        problems["slug"] = "required"
    elif len(slug) > SLUG_MAX:
        problems["slug"] = "too_long"
    elif not _SLUG_RE.match(slug):
        problems["slug"] = "invalid"
    if not title:
        problems["title"] = "required"
    elif len(title) > TITLE_MAX:
        problems["title"] = "too_long"
    if not body and not answer:
        problems["body"] = "required"
    elif len(body) > BODY_MAX:
        problems["body"] = "too_long"
    if len(answer) > ANSWER_MAX:
        problems["answer"] = "too_long"
    if len(category) > CATEGORY_MAX:
        problems["category"] = "too_long"
    if len(tags) > TAGS_MAX:
        problems["tags"] = "too_many"
    elif any(len(t) > TAG_MAX or "\t" in t for t in tags):
        problems["tags"] = "too_long"
    if any(len(p) > TAG_MAX or "\t" in p for p in products) or len(products) > TAGS_MAX:
        problems["products"] = "invalid"
    if draft.language not in LANGUAGES:
        problems["language"] = "invalid"
    if problems:
        raise ValidationError(problems)
    return ArticleDraft(slug=slug, title=title, body=body, answer=answer, kind=draft.kind,
                        category=category, tags=tags, products=products,
                        language=draft.language, status=draft.status)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result as the agent sees it.

    Attributes:
        article_id: The article.
        slug: Its key.
        title: Its title, with the matches marked.
        snippet: The part of the body (or answer) around the first match.
        kind: What the article is for.
        category: Its grouping.
        language: Its language.
        in_title: True when the title (or a tag) matched, which ranks it higher.
    """

    article_id: uuid.UUID
    slug: str
    title: Snippet
    snippet: Snippet
    kind: ArticleKind
    category: str
    language: str
    in_title: bool


# ---------------------------------------------------------------------------- FAQ loop

class QuestionStatus(StrEnum):
    """What became of a question an agent met on a call."""

    OPEN = "open"
    ANSWERED = "answered"
    PUBLISHED = "published"
    DECLINED = "declined"


QUESTION_MAX = 1000


@dataclass(frozen=True, slots=True)
class Question:
    """A question an agent met on a call and sent to the trainers.

    Attributes:
        id: Row id.
        text: The question as the agent wrote it.
        asked_by: The agent.
        asked_by_name: The agent's display name.
        asked_at: When it was sent.
        call_id: The call it came up on, if any.
        status: Where it stands.
        answer: The trainer's answer (or the reason it was declined).
        answered_by_name: The trainer's display name.
        answered_at: When the trainer answered.
        article_id: The article it became, once published.
        version: The row version the trainer's edit starts from.
    """

    id: uuid.UUID
    text: str
    asked_by: uuid.UUID
    asked_by_name: str
    asked_at: datetime
    call_id: uuid.UUID | None
    status: QuestionStatus
    answer: str = ""
    answered_by_name: str = ""
    answered_at: datetime | None = None
    article_id: uuid.UUID | None = None
    version: int = 1


def clean_question(text: str) -> str:
    """Return the question trimmed, or raise ``ValidationError`` (``text``: required/too_long)."""
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise ValidationError({"text": "required"})
    if len(cleaned) > QUESTION_MAX:
        raise ValidationError({"text": "too_long"})
    return cleaned


# ------------------------------------------------------------------- escalation guide

class EscalationDomain(StrEnum):
    """The kind of problem the owning department handles."""

    BUSINESS = "business"
    PRODUCT = "product"
    TECHNICAL = "technical"


@dataclass(frozen=True, slots=True)
class EscalationRule:
    """The OLA for one topic: who owns a problem and how it travels.

    Texts are kept in Chinese and in English (the ``_en`` fields); the UI shows the
    language it speaks.

    Attributes:
        id: Row id.
        topic: Stable key (``billing_dispute``).
        title: Title.
        department: The single department that owns the problem.
        domain: Business, product or technical.
        required_info: What customer information the escalation must carry.
        first_questions: What the front line asks first.
        front_line_answers: What is not escalated but answered at the front line.
        steps: Escalation steps and their receivers, in order.
        response_minutes: The response service level.
        informs_customer: Who tells the customer the outcome.
        leader_escalation_minutes: When a leader escalation starts (minutes after opening
            without a resolution), if it does.
        article_id: The article of the topic.
    """

    id: uuid.UUID
    topic: str
    title: str
    title_en: str
    department: str
    department_en: str
    domain: EscalationDomain
    required_info: tuple[str, ...] = ()
    required_info_en: tuple[str, ...] = ()
    first_questions: tuple[str, ...] = ()
    first_questions_en: tuple[str, ...] = ()
    front_line_answers: tuple[str, ...] = ()
    front_line_answers_en: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    steps_en: tuple[str, ...] = ()
    response_minutes: int = 0
    informs_customer: str = ""
    informs_customer_en: str = ""
    leader_escalation_minutes: int | None = None
    article_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article with what is shown beside it.

    Attributes:
        article: The article.
        escalation: The OLA rule whose topic this article covers, if any.
        translations: The article's other languages: language -> article id.
    """

    article: Article
    escalation: EscalationRule | None = None
    translations: tuple[tuple[str, uuid.UUID], ...] = ()
