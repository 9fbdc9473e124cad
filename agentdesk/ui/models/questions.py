"""Tables of agents' questions: the agent's own list and the trainers' queue."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from agentdesk.domain.knowledge import Question
from agentdesk.ui.labels import Labels
from agentdesk.ui.models.rows import Column, RowsModel

if TYPE_CHECKING:
    from agentdesk.ui.knowledge.words import KnowledgeWords

TEXT_WIDTH = 80


class QuestionHeaders(QObject):
    """Translated column headers of the question tables."""

    def asked(self) -> str:  # noqa: D102
        return self.tr("Asked")

    def agent(self) -> str:  # noqa: D102
        return self.tr("Agent")

    def question(self) -> str:  # noqa: D102
        return self.tr("Question")

    def status(self) -> str:  # noqa: D102
        return self.tr("Status")

    def answer(self) -> str:  # noqa: D102
        return self.tr("Answer")

    def answered_by(self) -> str:  # noqa: D102
        return self.tr("Answered by")


def short(text: str, width: int = TEXT_WIDTH) -> str:
    """Return ``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


class QuestionsModel(RowsModel[Question]):
    """Questions, one per row; ``row_of`` finds a question again after a reload."""

    def row_of(self, question_id: uuid.UUID | None) -> int:
        """Return the row showing ``question_id``, or -1."""
        for row in range(self.rowCount()):
            if self.row_at(row).id == question_id:
                return row
        return -1


def my_questions_model(words: KnowledgeWords, parent: QObject | None = None) -> QuestionsModel:
    """Return the model of the agent's own questions: what became of each one."""
    headers = QuestionHeaders(parent)
    return QuestionsModel([
        Column(headers.asked, lambda q: Labels.when(q.asked_at)),
        Column(headers.question, lambda q: short(q.text), tooltip=lambda q: q.text),
        Column(headers.status, lambda q: words.question_status(q.status)),
        Column(headers.answer, lambda q: short(q.answer), tooltip=lambda q: q.answer),
        Column(headers.answered_by, lambda q: q.answered_by_name),
    ], parent)


def question_queue_model(words: KnowledgeWords, parent: QObject | None = None) -> QuestionsModel:
    """Return the model of the trainers' queue: who asked what, and where it stands."""
    headers = QuestionHeaders(parent)
    return QuestionsModel([
        Column(headers.asked, lambda q: Labels.when(q.asked_at)),
        Column(headers.agent, lambda q: q.asked_by_name),
        Column(headers.status, lambda q: words.question_status(q.status)),
        Column(headers.question, lambda q: short(q.text), tooltip=lambda q: q.text),
    ], parent)
