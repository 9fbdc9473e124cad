"""The trainers' list of articles: title, kind and status."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from agentdesk.domain.knowledge import Article
from agentdesk.ui.models.rows import Column, RowsModel

if TYPE_CHECKING:
    from agentdesk.ui.knowledge.words import KnowledgeWords


class ArticleHeaders(QObject):
    """Translated column headers of the article list."""

    def title(self) -> str:  # noqa: D102
        return self.tr("Title")

    def status(self) -> str:  # noqa: D102
        return self.tr("Status")

    def kind(self) -> str:  # noqa: D102
        return self.tr("Kind")


class ArticlesModel(RowsModel[Article]):
    """Articles, newest first; the slug and language are the title's tooltip."""

    def __init__(self, words: KnowledgeWords, parent: QObject | None = None) -> None:
        headers = ArticleHeaders(parent)
        super().__init__([
            Column(headers.title, lambda a: a.title,
                   tooltip=lambda a: f"{a.slug} · {words.language(a.draft.language)}"),
            Column(headers.kind, lambda a: words.kind(a.draft.kind)),
            Column(headers.status, lambda a: words.status(a.draft.status)),
        ], parent)

    def row_of(self, article_id: uuid.UUID | None) -> int:
        """Return the row showing ``article_id``, or -1."""
        for row in range(self.rowCount()):
            if self.row_at(row).id == article_id:
                return row
        return -1
