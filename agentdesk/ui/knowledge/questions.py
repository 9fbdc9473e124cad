"""The FAQ loop: an agent's questions and what became of them, and the trainers' queue."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import (
    KnownError,
    NotFoundError,
    StaleRecordError,
    ValidationError,
)
from agentdesk.domain.knowledge import (
    ANSWER_MAX,
    TITLE_MAX,
    ArticleDraft,
    ArticleKind,
    ArticleView,
    Question,
    QuestionStatus,
    slug_from,
)
from agentdesk.ui.knowledge.article_form import ERROR_STYLE, error_label
from agentdesk.ui.knowledge.editor import ArticleEditorDialog
from agentdesk.ui.knowledge.words import KnowledgeWords
from agentdesk.ui.labels import Labels
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.questions import my_questions_model, question_queue_model
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.knowledge import KnowledgeService
    from agentdesk.ui.models.questions import QuestionsModel


def _table(parent: QWidget, name: str, model: QuestionsModel,
           stretch: tuple[int, ...]) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:  # the texts share the width; the short columns fit theirs
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def article_draft_for(question: Question, answer: str) -> ArticleDraft:
    """Return the FAQ article a question and its typed answer start as."""
    title = " ".join(question.text.split())[:TITLE_MAX]
    fallback = f"faq-{question.asked_at:%Y%m%d}-{question.id.hex[-4:]}"
    language = "en" if question.text.isascii() else "zh"
    return ArticleDraft(slug=slug_from(title, fallback), title=title, body=answer.strip(),
                        answer=answer.strip()[:ANSWER_MAX], kind=ArticleKind.FAQ,
                        language=language)


def _still_open(service: KnowledgeService, question: Question) -> None:
    """Raise ``StaleRecordError`` if another trainer handled ``question`` (on a worker).

    Asks for the question itself: the queue lists only part of the questions.
    """
    try:
        current = service.question(question.id)
    except NotFoundError:
        raise StaleRecordError("The question no longer exists") from None
    if current.version != question.version:
        raise StaleRecordError("The question was handled by another trainer")


class _QuestionsDialog(QDialog):
    """What both question dialogs share: a table read on a worker, a status line, F5.

    Signals:
        loaded(): the questions were read and are on screen.
    """

    loaded = Signal()

    def __init__(self, service: KnowledgeService, runner: TaskRunner,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._messages = Messages(self)
        self._words = KnowledgeWords(self)
        self.status = _plain_label(self)
        self.status.setObjectName("questionsStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reload_button = QPushButton(self)
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in self.buttons.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reload)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)

    def _attach(self, table: QTableView, model: QuestionsModel) -> None:
        self.table = table
        self.model = model
        table.selectionModel().selectionChanged.connect(self._selection_changed)

    def selected(self) -> Question | None:
        """Return the question selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def reload(self) -> None:
        """Read the questions again on a worker thread (F5); the selection is kept."""
        self._runner.run(self._read(), self._show_rows, self._show_error, owner=self)

    def _read(self) -> Callable[[], list[Question]]:
        """Return the service call that reads the questions (run on a worker)."""
        raise NotImplementedError

    def _show_rows(self, questions: list[Question]) -> None:
        current = self.selected()
        old_row = self.table.currentIndex().row()
        self.model.set_rows(questions)
        row = self.model.row_of(current.id if current else None)
        if row < 0 and questions:
            row = min(max(old_row, 0), len(questions) - 1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed(QItemSelection(), QItemSelection())
        self.loaded.emit()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        raise NotImplementedError

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if problem else "")
        self.status.setText(text)

    def _show_error(self, error: KnownError) -> None:
        self._say(self._messages.error(error), problem=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Read the list again (F5)"))
        self.model.retranslate()


class MyQuestionsDialog(_QuestionsDialog):
    """The agent's questions to the trainers, newest first, with their answers.

    Enter on a question published as an article shows the article's title and answer.

    Signals:
        loaded(): the list was read and is on screen.
        article_shown(object): the :class:`ArticleView` of a published question is shown.
    """

    article_shown = Signal(object)

    def __init__(self, service: KnowledgeService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(service, runner, parent)
        self.setObjectName("myQuestionsDialog")
        self.hint = _plain_label(self)
        model = my_questions_model(self._words, self)
        self._attach(_table(self, "myQuestionsTable", model, (1, 3)), model)
        self.table.activated.connect(self._activated)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("questionDetail")
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self.retranslate_ui()
        self.reload()

    def _read(self) -> Callable[[], list[Question]]:
        return self._service.my_questions

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        question = self.selected()
        self.detail.setPlainText("" if question is None else self._describe(question))

    def _describe(self, question: Question) -> str:
        asked = self.tr("You asked on %1:").replace("%1", Labels.when(question.asked_at))
        parts = [asked, question.text, ""]
        by = question.answered_by_name
        when = Labels.when(question.answered_at) if question.answered_at else ""
        if question.status is QuestionStatus.OPEN:
            parts.append(self.tr("No trainer has answered yet."))
        elif question.status is QuestionStatus.DECLINED:
            parts += [self.tr("Declined by %1 on %2. The reason:").replace("%1", by)
                      .replace("%2", when), question.answer]
        elif question.status is QuestionStatus.PUBLISHED:
            parts += [self.tr("%1 published the answer as an article on %2. Press Enter to "
                              "read it.").replace("%1", by).replace("%2", when),
                      question.answer]
        else:
            parts += [self.tr("%1 answered on %2:").replace("%1", by).replace("%2", when),
                      question.answer]
        return "\n".join(parts)

    def _activated(self, index: QModelIndex) -> None:
        question = self.model.row_at(index.row())
        if question.status is not QuestionStatus.PUBLISHED or question.article_id is None:
            return
        service, article_id = self._service, question.article_id

        def shown(view: ArticleView) -> None:
            if self.selected() != question:
                return
            draft = view.article.draft
            self.detail.setPlainText("\n".join((
                self._describe(question), "", self.tr("Article: %1").replace("%1", draft.title),
                "", draft.answer or draft.body)))
            self.article_shown.emit(view)

        self._runner.run(lambda: service.article(article_id), shown, self._show_error,
                         owner=self)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("My questions"))
        self.hint.setText(self.tr("Questions you sent to the trainers, newest first. Press "
                                  "Enter on one published as an article to read it."))
        self._selection_changed(QItemSelection(), QItemSelection())
        super().retranslate_ui()


class QuestionQueueDialog(_QuestionsDialog):
    """The trainers' queue: answer an agent's question, decline it, or publish an article.

    What a trainer types for a question is kept while they look at another one.

    Signals:
        loaded(): the queue was read and is on screen.
        handled(object): a question was answered or declined (the :class:`Question`), or
            published (the :class:`ArticleView`).
    """

    handled = Signal(object)

    def __init__(self, service: KnowledgeService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(service, runner, parent)
        self.setObjectName("questionQueueDialog")
        self._typed: dict[uuid.UUID, str] = {}
        self._shown: Question | None = None
        self._busy = False
        self.show_handled = QCheckBox(self)
        self.show_handled.toggled.connect(lambda _: self.reload())
        model = question_queue_model(self._words, self)
        self._attach(_table(self, "questionQueueTable", model, (3,)), model)
        detail = QWidget(self)
        self.question_text = _plain_label(detail)
        self.question_text.setObjectName("queueQuestion")
        self.question_text.setStyleSheet("font-weight: bold;")
        self.asked = _plain_label(detail)
        self.answer_caption = QLabel(detail)
        self.answer_text = QPlainTextEdit(detail)
        self.answer_text.setObjectName("queueAnswer")
        self.answer_text.setTabChangesFocus(True)
        self.answer_caption.setBuddy(self.answer_text)
        self.table.activated.connect(lambda _: self.answer_text.setFocus())
        self.answer_error = error_label(detail)
        self.answer_button = QPushButton(detail)
        self.decline_button = QPushButton(detail)
        self.publish_button = QPushButton(detail)
        actions = QHBoxLayout()
        for button, keys, slot in (
            (self.answer_button, ("Ctrl+Return", "Ctrl+Enter"), self.answer),
            (self.decline_button, ("Ctrl+D",), self.decline),
            (self.publish_button, ("Ctrl+P",), self.publish),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
            actions.addWidget(button)
        actions.addStretch(1)
        detail_box = QVBoxLayout(detail)
        detail_box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.question_text, self.asked, self.answer_caption):
            detail_box.addWidget(widget)
        detail_box.addWidget(self.answer_text, 1)
        detail_box.addWidget(self.answer_error)
        detail_box.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([240, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_handled)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(860, 640)
        self.retranslate_ui()
        self.reload()

    def _read(self) -> Callable[[], list[Question]]:
        service, include_done = self._service, self.show_handled.isChecked()
        return lambda: service.question_queue(include_done=include_done)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        previous = self._shown
        if previous is not None and previous.status is QuestionStatus.OPEN:
            self._typed[previous.id] = self.answer_text.toPlainText()
        else:
            previous = None
        question = self._shown = self.selected()
        is_open = question is not None and question.status is QuestionStatus.OPEN
        self.answer_error.hide()
        self._enable_actions()
        self.answer_text.setReadOnly(not is_open)
        self._show_question(question)
        if question is None:
            self.answer_text.clear()
        elif is_open:
            if previous is None or previous.id != question.id:  # else: reloaded, kept as is
                self.answer_text.setPlainText(self._typed.get(question.id, ""))
        else:
            self.answer_text.setPlainText(question.answer)

    def _enable_actions(self) -> None:
        question = self._shown
        is_open = question is not None and question.status is QuestionStatus.OPEN
        for button in (self.answer_button, self.decline_button, self.publish_button):
            button.setEnabled(is_open and not self._busy)

    def _show_question(self, question: Question | None) -> None:
        if question is None:
            self.question_text.setText(self.tr("No question is waiting.")
                                       if self.model.rowCount() == 0 else "")
            self.asked.setText("")
            return
        self.question_text.setText(question.text)
        asked = self.tr("Asked by %1 on %2").replace("%1", question.asked_by_name) \
            .replace("%2", Labels.when(question.asked_at))
        if question.status is not QuestionStatus.OPEN:
            asked += " · " + self._words.question_status(question.status)
            if question.answered_by_name:
                asked += " · " + question.answered_by_name
        self.asked.setText(asked)

    # ------------------------------------------------------------------ actions
    def _open_question(self) -> tuple[Question, str] | None:
        question = self.selected()
        if question is None or question.status is not QuestionStatus.OPEN or self._busy:
            return None
        return question, self.answer_text.toPlainText()

    def _problem(self, text: str) -> None:
        self.answer_error.setText(text)
        self.answer_error.show()
        self.answer_text.setFocus()

    def answer(self) -> None:
        """Send the typed answer to the agent (Ctrl+Enter)."""
        chosen = self._open_question()
        if chosen is None:
            return
        if not chosen[1].strip():
            self._problem(self.tr("Type the answer first."))
            return
        self._answer(*chosen, decline=False)

    def decline(self) -> None:
        """Decline the question; the typed text is the reason the agent sees (Ctrl+D)."""
        chosen = self._open_question()
        if chosen is None:
            return
        if not chosen[1].strip():
            self._problem(self.tr("Type the reason for declining, so the agent knows why."))
            return
        self._answer(*chosen, decline=True)

    def _answer(self, question: Question, text: str, *, decline: bool) -> None:
        service = self._service
        self._set_busy(True)

        def done(updated: Question) -> None:
            self._typed.pop(question.id, None)
            if self._shown is not None and self._shown.id == question.id:
                self.answer_text.clear()  # another question's text is being typed otherwise
            self._say(self.tr("Declined. The agent sees your reason in My questions.")
                      if decline else
                      self.tr("Answered. The agent sees your answer in My questions."))
            self.handled.emit(updated)
            self.reload()

        self._runner.run(lambda: service.answer_question(question, text, decline=decline),
                         done, self._failed, owner=self, finished=lambda: self._set_busy(False))

    def publish(self) -> None:
        """Open the article editor prefilled with the question and the answer (Ctrl+P)."""
        chosen = self._open_question()
        if chosen is None:
            return
        question, text = chosen
        service = self._service

        def write(draft: ArticleDraft) -> ArticleView:  # on a worker
            _still_open(service, question)
            return service.publish_question(question, draft)

        editor = ArticleEditorDialog(service, self._runner, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.prefill(article_draft_for(question, text), publish=write)
        editor.saved.connect(lambda view: self._published(question, view))
        editor.failed.connect(lambda error: self._publish_failed(editor, error))
        editor.open()

    def _published(self, question: Question, view: ArticleView) -> None:
        self._typed.pop(question.id, None)
        self._say(self.tr("Published as the article “%1”. The agent is told in My questions.")
                  .replace("%1", view.article.title))
        self.handled.emit(view)
        self.reload()

    def _publish_failed(self, editor: ArticleEditorDialog, error: object) -> None:
        if isinstance(error, StaleRecordError):
            editor.done(QDialog.DialogCode.Rejected)
            self._failed(error)

    def _failed(self, error: KnownError) -> None:
        if isinstance(error, ValidationError):
            self._problem(self._messages.problem(next(iter(error.problems.values()), "")))
        elif isinstance(error, StaleRecordError):
            self._say(self.tr("Another trainer handled this question meanwhile. The queue "
                              "has been reloaded."), problem=True)
            self.reload()
        else:
            self._show_error(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable_actions()  # the text being typed is left as it is

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Questions from agents"))
        self.show_handled.setText(self.tr("Show &handled questions"))
        self.answer_caption.setText(self.tr("Your &text: the answer, or the reason for "
                                            "declining"))
        self.answer_button.setText(self.tr("&Answer"))
        self.answer_button.setToolTip(self.tr("Send the answer to the agent (Ctrl+Enter)"))
        self.decline_button.setText(self.tr("&Decline"))
        self.decline_button.setToolTip(self.tr("Decline, with the text as the reason "
                                               "(Ctrl+D)"))
        self.publish_button.setText(self.tr("&Publish as article…"))
        self.publish_button.setToolTip(self.tr("Write a published article from the question "
                                               "and the answer (Ctrl+P)"))
        self._show_question(self.selected())
        super().retranslate_ui()
