"""Knowledge base use cases: search beside the call, articles, the FAQ loop and authoring."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from agentdesk.domain.errors import KnownError, NotFoundError, StaleRecordError
from agentdesk.domain.kb_text import highlight, parse_query, snippet
from agentdesk.domain.knowledge import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleView,
    EscalationRule,
    Question,
    QuestionStatus,
    SearchHit,
    clean_question,
    clean_text,
    validate_article,
)
from agentdesk.domain.people import Capability, User
from agentdesk.domain.ports import Clock
from agentdesk.services.sync import SyncService
from agentdesk.store import kb_index
from agentdesk.store import knowledge as store
from agentdesk.store.database import Database
from agentdesk.sync.knowledge import save_server_articles

SNIPPET_WIDTH = 90


class NotAllowedError(KnownError):
    """The signed-in user's role does not allow the action."""

    code = "not_allowed"


@dataclass(frozen=True, slots=True)
class SavedArticles:
    """What a save or an import did.

    Attributes:
        ids: The id of each article, in the order given.
        changed: How many were new or different.
        synced: False when a server exists but the pull that brings the articles to this
            workstation failed (they arrive with the next round).
        versions: The article version of each, in the order given.
    """

    ids: tuple[uuid.UUID, ...]
    changed: int
    synced: bool = True
    versions: tuple[int, ...] = ()


class KnowledgeService:
    """The knowledge base as one user sees it.

    Agents search and read published articles and send questions; trainers (the
    ``author_knowledge`` capability) also write articles and answer the questions. With a
    server, articles are written there (they are reference data) and pulled back at once;
    a workstation without a server keeps them in its own database.

    Args:
        database: The workstation database.
        clock: Time of questions and of articles written without a server.
        user: The signed-in user.
        sync: Sync with the server; None when the workstation works alone.
    """

    def __init__(self, database: Database, clock: Clock, user: User,
                 sync: SyncService | None = None) -> None:
        self._database = database
        self._clock = clock
        self._user = user
        self._sync = sync

    @property
    def can_author(self) -> bool:
        """True if the user may write articles and answer questions."""
        return self._user.can(Capability.AUTHOR_KNOWLEDGE)

    # ------------------------------------------------------------------ reading
    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Return published articles matching ``text``, best first; never raises on input."""
        query = parse_query(text)
        if query.empty:
            return []
        with self._database.read() as conn:
            matches = kb_index.search(conn, query, limit)
            articles = store.load_articles(conn, [m.article_id for m in matches])
        needles = query.needles
        hits = []
        for match in matches:
            article = articles.get(match.article_id)
            if article is None:
                continue
            draft = article.draft
            text_of_body = f"{draft.answer}\n{draft.body}" if draft.answer else draft.body
            hits.append(SearchHit(
                article_id=article.id, slug=draft.slug, title=highlight(draft.title, needles),
                snippet=snippet(_plain(text_of_body), needles, SNIPPET_WIDTH),
                kind=draft.kind, category=draft.category, language=draft.language,
                in_title=match.in_title))
        return hits

    def article(self, article_id: uuid.UUID) -> ArticleView:
        """Return an article with its OLA rule and translations.

        Raises:
            NotFoundError: it does not exist, or is not published and the user cannot author.
        """
        with self._database.read() as conn:
            article = store.load_article(conn, article_id)
            if article is None or not self._may_read(article):
                raise NotFoundError("No such article")
            return ArticleView(article, store.rule_for_article(conn, article),
                               tuple(store.translations(conn, article)))

    def article_by_slug(self, slug: str, language: str = "") -> ArticleView:
        """Return the article with ``slug`` (from a link), in ``language`` if translated.

        Raises:
            NotFoundError: no such article.
        """
        with self._database.read() as conn:
            article_id = store.find_slug(conn, slug)
        if article_id is None:
            raise NotFoundError("No such article", slug=slug)
        view = self.article(article_id)
        if language and view.article.draft.language != language:
            for other_language, other_id in view.translations:
                if other_language == language:
                    return self.article(other_id)
        return view

    def rules(self) -> list[EscalationRule]:
        """Return the OLA escalation rules."""
        with self._database.read() as conn:
            return store.list_rules(conn)

    def _may_read(self, article: Article) -> bool:
        return article.draft.status is ArticleStatus.PUBLISHED or self.can_author

    # ------------------------------------------------------------------ FAQ loop
    def ask(self, text: str, call_id: uuid.UUID | None = None) -> Question:
        """Send a question met on a call to the trainers.

        Raises:
            ValidationError: the question is empty or too long (``text``).
        """
        cleaned = clean_question(text)
        now = self._clock.now()
        with self._database.write() as conn:
            question_id = store.insert_question(conn, text=cleaned, asked_by=self._user.id,
                                                call_id=call_id, now=now)
            question = store.load_question(conn, question_id)
        assert question is not None
        return question

    def my_questions(self) -> list[Question]:
        """Return the user's own questions, newest first, with what became of them."""
        with self._database.read() as conn:
            return store.list_questions(conn, asked_by=self._user.id)

    def question_queue(self, *, include_done: bool = False) -> list[Question]:
        """Return the questions waiting for a trainer, longest waiting first.

        With ``include_done`` every question is listed, newest first.
        """
        self._require_author()
        with self._database.read() as conn:
            if include_done:
                return store.list_questions(conn)
            return store.list_questions(conn, statuses=(QuestionStatus.OPEN,),
                                        oldest_first=True, limit=5000)

    def question(self, question_id: uuid.UUID) -> Question:
        """Return one question as stored now (the agent's own, or any for a trainer).

        Raises:
            NotFoundError: no such question, or another agent's.
        """
        with self._database.read() as conn:
            found = store.load_question(conn, question_id)
        if found is None or (found.asked_by != self._user.id and not self.can_author):
            raise NotFoundError("No such question")
        return found

    def answer_question(self, question: Question, answer: str, *,
                        decline: bool = False) -> Question:
        """Answer a question (or decline it, with the reason as the answer).

        Raises:
            ValidationError: the answer is empty or too long.
            StaleRecordError: another trainer answered it meanwhile.
        """
        self._require_author()
        text = clean_question(answer)
        status = QuestionStatus.DECLINED if decline else QuestionStatus.ANSWERED
        return self._update_question(question, {"status": status.value, "answer": text})

    def publish_question(self, question: Question, draft: ArticleDraft) -> ArticleView:
        """Publish the answer to a question as an article and tell the agent.

        Raises:
            ValidationError: the article is incomplete, or its slug is taken.
            StaleRecordError: another trainer handled the question meanwhile.
        """
        self._require_author()
        published = validate_article(replace(draft, status=ArticleStatus.PUBLISHED))
        with self._database.read() as conn:
            current = store.load_question(conn, question.id)
        if current is None:
            raise NotFoundError("The question no longer exists")
        if current.version != question.version:
            raise StaleRecordError("The question was handled by someone else meanwhile")
        saved = self.save_articles([published], create_only=True)
        answer = published.answer or clean_text(published.body)[:2000]
        with self._database.read() as conn:
            here = store.load_article(conn, saved.ids[0]) is not None
        # Without the article here yet (its pull failed), the question cannot point at it;
        # the agent still learns it was published, with the answer.
        self._update_question(question, {"status": QuestionStatus.PUBLISHED.value,
                                         "answer": answer,
                                         "article_id": saved.ids[0] if here else None})
        if not here:
            return ArticleView(Article(saved.ids[0], published, saved.versions[0], None))
        return self.article(saved.ids[0])

    def _update_question(self, question: Question, changes: dict[str, object]) -> Question:
        now = self._clock.now()
        with self._database.write() as conn:
            store.update_question(conn, question.id, base_version=question.version, now=now,
                                  changes={**changes, "answered_by": self._user.id,
                                           "answered_at": now})
            updated = store.load_question(conn, question.id)
        assert updated is not None
        return updated

    # ------------------------------------------------------------------ authoring
    def list_articles(self, contains: str = "", status: ArticleStatus | None = None,
                      limit: int = 500) -> list[Article]:
        """Return articles for the trainers' list (drafts included), newest first."""
        self._require_author()
        with self._database.read() as conn:
            return store.list_articles(conn, contains=contains, status=status, limit=limit)

    def save_article(self, draft: ArticleDraft, *, article_id: uuid.UUID | None = None,
                     base_version: int | None = None) -> Article:
        """Validate and save one article; return it as stored.

        Raises:
            ValidationError: a field breaks a rule, or the slug is taken.
            StaleRecordError: someone saved the article since ``base_version``.
            ServerUnavailable: there is a server and it cannot be reached (nothing saved).
        """
        self._require_author()
        cleaned = validate_article(draft)
        saved = self.save_articles([cleaned], article_id=article_id, base_version=base_version,
                                   create_only=article_id is None)
        with self._database.read() as conn:
            article = store.load_article(conn, saved.ids[0])
        if article is None or article.version != saved.versions[0]:
            # Saved on the server; the pull that brings it here failed and comes later.
            return Article(saved.ids[0], cleaned, saved.versions[0], None)
        return article

    def save_articles(self, drafts: Sequence[ArticleDraft], *,
                      article_id: uuid.UUID | None = None, base_version: int | None = None,
                      translation_of: dict[str, str] | None = None,
                      create_only: bool = False) -> SavedArticles:
        """Save validated drafts (new, or replacing the article with the same slug) at once.

        ``article_id``/``base_version`` apply to a single draft being edited; with
        ``create_only`` a draft whose slug is taken is refused instead of replacing.
        """
        self._require_author()
        if article_id is not None and len(drafts) != 1:
            raise ValueError("an article id goes with exactly one draft")
        if self._sync is not None:
            results = save_server_articles(
                self._sync.client.server,
                [(draft, article_id, base_version) for draft in drafts],
                translation_of=translation_of, create_only=create_only)
            try:
                self._sync.run_round()
                synced = True
            except KnownError:
                synced = False
            return SavedArticles(tuple(r[0] for r in results), sum(r[1] for r in results),
                                 synced, tuple(r[2] for r in results))
        now = self._clock.now()
        with self._database.write() as conn:
            results = [store.write_article(conn, draft, now=now, article_id=article_id,
                                           base_version=base_version, create_only=create_only)
                       for draft in drafts]
            ids = {draft.slug: r[0] for draft, r in zip(drafts, results, strict=True)}
            touched = [r[0] for r in results if r[1]]
            touched += store.link_translations(conn, ids, translation_of or {}, now=now)
            kb_index.refresh(conn, touched)
        return SavedArticles(tuple(r[0] for r in results), sum(r[1] for r in results),
                             versions=tuple(r[2] for r in results))

    def _require_author(self) -> None:
        if not self.can_author:
            raise NotAllowedError("Only trainers may do this")


def _plain(markdown: str) -> str:
    """Markdown without the marks that would clutter a one-line snippet."""
    lines = []
    for line in markdown.splitlines():
        stripped = line.strip().lstrip("#>").strip()
        if stripped.startswith(("- ", "* ", "+ ")):
            stripped = stripped[2:]
        lines.append(stripped.replace("**", "").replace("`", ""))
    return " ".join(line for line in lines if line)
