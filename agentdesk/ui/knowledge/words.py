"""Translated names of article kinds, article statuses and question statuses."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.domain.knowledge import ArticleKind, ArticleStatus, QuestionStatus


class KnowledgeWords(QObject):
    """Words for the knowledge base's values, looked up at display time (language switch)."""

    def kind(self, kind: ArticleKind) -> str:
        """Return what an article is for, e.g. "FAQ"."""
        return {
            ArticleKind.FAQ: self.tr("FAQ"),
            ArticleKind.PRODUCT: self.tr("Product"),
            ArticleKind.OBJECTION: self.tr("Objection handling"),
            ArticleKind.ESCALATION: self.tr("Escalation"),
            ArticleKind.POLICY: self.tr("Policy"),
        }[kind]

    def status(self, status: ArticleStatus) -> str:
        """Return an article's status."""
        return {
            ArticleStatus.DRAFT: self.tr("Draft"),
            ArticleStatus.PUBLISHED: self.tr("Published"),
            ArticleStatus.ARCHIVED: self.tr("Archived"),
        }[status]

    def question_status(self, status: QuestionStatus) -> str:
        """Return what became of a question an agent sent."""
        return {
            QuestionStatus.OPEN: self.tr("Open"),
            QuestionStatus.ANSWERED: self.tr("Answered"),
            QuestionStatus.PUBLISHED: self.tr("Published as an article"),
            QuestionStatus.DECLINED: self.tr("Declined"),
        }[status]

    def language(self, language: str) -> str:
        """Return the name of an article's language (``zh`` or ``en``)."""
        return self.tr("English") if language == "en" else self.tr("Chinese")
