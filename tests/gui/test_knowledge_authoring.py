from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from agentdesk.domain.errors import StaleRecordError
from agentdesk.domain.knowledge import ArticleDraft, ArticleStatus, QuestionStatus
from agentdesk.domain.people import Role
from agentdesk.services.knowledge import KnowledgeService
from agentdesk.services.workspace import Workspace
from agentdesk.ui.knowledge.editor import ArticleEditorDialog
from agentdesk.ui.knowledge.questions import MyQuestionsDialog, QuestionQueueDialog
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.factories import add_user
from tests.helpers.keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Team:
    agent: KnowledgeService
    trainer: KnowledgeService
    other_trainer: KnowledgeService
    runner: TaskRunner


@pytest.fixture
def team(workspace: Workspace, runner: TaskRunner) -> Team:
    return Team(
        agent=workspace.knowledge_for(add_user(workspace, "agent01", Role.AGENT)),
        trainer=workspace.knowledge_for(add_user(workspace, "trainer1", Role.TRAINER)),
        other_trainer=workspace.knowledge_for(add_user(workspace, "trainer2", Role.TRAINER)),
        runner=runner,
    )


def shown(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # a window manager does this; the offscreen platform does not
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.fixture
def editor(qtbot: QtBot, team: Team) -> ArticleEditorDialog:
    dialog = ArticleEditorDialog(team.trainer, team.runner)
    with qtbot.waitSignal(dialog.listed, timeout=5000):
        shown(qtbot, dialog)
    return dialog


def box(qtbot: QtBot, parent: QWidget, name: str) -> QMessageBox:
    def visible() -> list[QMessageBox]:
        return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]

    qtbot.waitUntil(lambda: len(visible()) == 1, timeout=5000)
    return visible()[0]


def click(qtbot: QtBot, message: QMessageBox, text: str) -> None:
    button = next(b for b in message.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_lines(qtbot: QtBot, widget: QWidget, text: str) -> None:
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_text(qtbot, widget, line)


def save(qtbot: QtBot, editor: ArticleEditorDialog) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)


def add_article(service: KnowledgeService, slug: str, title: str) -> None:
    service.save_article(ArticleDraft(slug=slug, title=title, body=f"{title} body"))


def hold(monkeypatch: pytest.MonkeyPatch, service: KnowledgeService,
         name: str) -> threading.Event:
    """Make ``service.name`` wait on a worker until the returned event is set."""
    gate = threading.Event()
    real: Callable[..., Any] = getattr(service, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, held)
    return gate


# ---------------------------------------------------------------------- the editor

def test_a_trainer_writes_an_article_with_keys_and_agents_find_it(
    qtbot: QtBot, team: Team, editor: ArticleEditorDialog
) -> None:
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_N, CTRL)
    assert form.title.hasFocus()
    type_text(qtbot, form.title, "Porting your number")
    assert form.slug.text() == "porting-your-number"
    qtbot.keyClick(editor, Qt.Key.Key_G, ALT)
    type_text(qtbot, form.tags, "携号转网, porting")
    qtbot.keyClick(editor, Qt.Key.Key_A, ALT)
    assert form.status.hasFocus()
    qtbot.keyClick(form.status, Qt.Key.Key_Down)
    assert form.status.currentText() == "Published"
    qtbot.keyClick(editor, Qt.Key.Key_B, ALT)
    type_lines(qtbot, form.body, "## Steps\n\nSend **CXXZ** to 10086.")
    qtbot.waitUntil(lambda: "Send CXXZ to 10086." in form.preview.toPlainText(), timeout=5000)
    assert "Porting your number" in form.preview.toPlainText()
    assert editor.is_dirty()

    with qtbot.waitSignal(editor.saved, timeout=5000) as saved, \
            qtbot.waitSignal(editor.listed, timeout=5000):
        save(qtbot, editor)
    article = saved.args[0]
    assert article.draft.tags == ("携号转网", "porting")
    assert editor.state.text() == "Saved."
    assert not editor.is_dirty()
    assert editor.model.index(0, 0).data() == "Porting your number"
    assert editor.model.index(0, 2).data() == "Published"
    assert [hit.slug for hit in team.agent.search("携号转网")] == ["porting-your-number"]


def test_an_empty_title_is_shown_beside_the_field_and_the_body_is_kept(
    qtbot: QtBot, team: Team, editor: ArticleEditorDialog
) -> None:
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_B, ALT)
    type_text(qtbot, form.body, "没有标题的正文")
    with qtbot.waitSignal(editor.failed, timeout=5000):
        save(qtbot, editor)
    assert form.errors["title"].isVisible() and form.errors["title"].text() == "Required."
    assert form.banner.text() == "Some fields need attention."
    assert form.title.hasFocus()
    assert form.body.toPlainText() == "没有标题的正文"
    assert editor.isVisible()
    assert team.trainer.list_articles() == []


def test_a_taken_slug_is_refused_and_the_other_article_stays(
    qtbot: QtBot, team: Team, editor: ArticleEditorDialog
) -> None:
    add_article(team.trainer, "porting", "Number porting")
    form = editor.form
    type_text(qtbot, form.title, "Porting")
    assert form.slug.text() == "porting"
    type_text(qtbot, form.answer, "Send CXXZ to 10086.")
    with qtbot.waitSignal(editor.failed, timeout=5000):
        save(qtbot, editor)
    assert form.errors["slug"].isVisible() and form.errors["slug"].text() == "Already taken."
    assert form.slug.hasFocus()
    assert [a.title for a in team.trainer.list_articles()] == ["Number porting"]

    form.slug.selectAll()
    type_text(qtbot, form.slug, "porting-2")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        save(qtbot, editor)
    assert not form.errors["slug"].isVisible()
    assert len(team.trainer.list_articles()) == 2


def test_find_an_article_and_open_it_with_the_keyboard(
    qtbot: QtBot, team: Team, runner: TaskRunner
) -> None:
    add_article(team.trainer, "first", "First article")
    add_article(team.trainer, "second", "Second article")
    editor = ArticleEditorDialog(team.trainer, runner)
    with qtbot.waitSignal(editor.listed, timeout=5000):
        shown(qtbot, editor)
    assert editor.model.rowCount() == 2
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    assert editor.filter.hasFocus()
    with qtbot.waitSignal(editor.listed, timeout=5000):
        type_text(qtbot, editor.filter, "second")
    assert editor.model.rowCount() == 1
    qtbot.keyClick(editor.filter, Qt.Key.Key_Return)
    assert editor.table.hasFocus()
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    assert editor.form.title.text() == "Second article"
    assert editor.form.slug.text() == "second"

    editor.status_filter.setFocus()
    with qtbot.waitSignal(editor.listed, timeout=5000):
        qtbot.keyClick(editor.status_filter, Qt.Key.Key_Down)  # drafts only
    assert editor.model.rowCount() == 0


def test_unsaved_changes_are_not_lost_by_switching_or_closing(
    qtbot: QtBot, team: Team, runner: TaskRunner
) -> None:
    add_article(team.trainer, "first", "First article")
    add_article(team.trainer, "second", "Second article")
    first = team.trainer.article_by_slug("first").article
    editor = ArticleEditorDialog(team.trainer, runner, article_id=first.id)
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        shown(qtbot, editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 2, timeout=5000)
    qtbot.keyClick(editor.form.body, Qt.Key.Key_End, CTRL)
    type_text(qtbot, editor.form.body, " more")

    second_row = editor.model.row_of(team.trainer.article_by_slug("second").article.id)
    rect = editor.table.visualRect(editor.model.index(second_row, 0))
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(qtbot, box(qtbot, editor, "discardBox"), "Cancel")
    assert editor.form.title.text() == "First article"
    assert editor.form.body.toPlainText() == "First article body more"

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    discard = box(qtbot, editor, "discardBox")
    assert editor.isVisible()
    with qtbot.waitSignal(editor.rejected, timeout=5000):
        click(qtbot, discard, "Discard")
    assert team.trainer.article(first.id).article.draft.body == "First article body"


def test_a_save_over_someone_elses_offers_their_version(
    qtbot: QtBot, team: Team, runner: TaskRunner
) -> None:
    add_article(team.trainer, "porting", "Porting")
    article = team.trainer.article_by_slug("porting").article
    editor = ArticleEditorDialog(team.trainer, runner, article_id=article.id)
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        shown(qtbot, editor)
    team.other_trainer.save_article(
        ArticleDraft(slug="porting", title="Porting (theirs)", body="Theirs"),
        article_id=article.id, base_version=article.version)
    qtbot.keyClick(editor.form.body, Qt.Key.Key_End, CTRL)
    type_text(qtbot, editor.form.body, " mine")
    with qtbot.waitSignal(editor.failed, timeout=5000) as failed:
        save(qtbot, editor)
    assert isinstance(failed.args[0], StaleRecordError)
    assert "Someone else saved this article" in editor.form.banner.text()
    assert editor.form.body.toPlainText() == "Porting body mine"
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        click(qtbot, box(qtbot, editor, "staleBox"), "&Reload theirs")
    assert editor.form.title.text() == "Porting (theirs)"
    assert not editor.is_dirty()


def test_text_typed_while_saving_is_kept_and_stays_unsaved(
    qtbot: QtBot, team: Team, editor: ArticleEditorDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = editor.form
    type_text(qtbot, form.title, "Porting")
    qtbot.keyClick(editor, Qt.Key.Key_B, ALT)
    type_text(qtbot, form.body, "Send CXXZ.")
    gate = hold(monkeypatch, team.trainer, "save_article")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        save(qtbot, editor)
        type_text(qtbot, form.body, " Then bring your ID.")
        gate.set()
    assert saved.args[0].draft.body == "Send CXXZ."
    assert editor.state.text() == "Saved."
    assert form.body.toPlainText() == "Send CXXZ. Then bring your ID."
    assert editor.is_dirty()

    type_text(qtbot, form.body, "!")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        save(qtbot, editor)
    assert not editor.is_dirty()
    [article] = team.trainer.list_articles()
    assert article.draft.body == "Send CXXZ. Then bring your ID.!"
    assert article.draft.slug == "porting"


# ---------------------------------------------------------------------- the FAQ loop

def open_queue(qtbot: QtBot, team: Team) -> QuestionQueueDialog:
    queue = QuestionQueueDialog(team.trainer, team.runner)
    with qtbot.waitSignal(queue.loaded, timeout=5000):
        shown(qtbot, queue)
    return queue


def open_my_questions(qtbot: QtBot, team: Team) -> MyQuestionsDialog:
    mine = MyQuestionsDialog(team.agent, team.runner)
    with qtbot.waitSignal(mine.loaded, timeout=5000):
        shown(qtbot, mine)
    return mine


def test_a_trainer_answers_an_agents_question_with_ctrl_enter(qtbot: QtBot, team: Team) -> None:
    team.agent.ask("客户问国际漫游怎么开通？")
    queue = open_queue(qtbot, team)
    assert queue.model.rowCount() == 1
    assert queue.question_text.text() == "客户问国际漫游怎么开通？"
    assert "agent01 名字" in queue.asked.text()
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert queue.answer_text.hasFocus()
    type_text(qtbot, queue.answer_text, "发送 KTMY 到 10086 即可开通。")
    with qtbot.waitSignal(queue.handled, timeout=5000), \
            qtbot.waitSignal(queue.loaded, timeout=5000):
        qtbot.keyClick(queue.answer_text, Qt.Key.Key_Return, CTRL)
    assert queue.status.text() == "Answered. The agent sees your answer in My questions."
    assert queue.model.rowCount() == 0
    assert queue.question_text.text() == "No question is waiting."

    with qtbot.waitSignal(queue.loaded, timeout=5000):
        qtbot.keyClick(queue, Qt.Key.Key_H, ALT)
    assert queue.model.index(0, 2).data() == "Answered"
    assert queue.answer_text.isReadOnly() and not queue.answer_button.isEnabled()

    mine = open_my_questions(qtbot, team)
    assert mine.model.index(0, 2).data() == "Answered"
    assert mine.model.index(0, 3).data() == "发送 KTMY 到 10086 即可开通。"
    assert mine.model.index(0, 4).data() == "trainer1 名字"
    assert "发送 KTMY 到 10086 即可开通。" in mine.detail.toPlainText()


def test_declining_needs_a_reason(qtbot: QtBot, team: Team) -> None:
    team.agent.ask("Can I give a discount?")
    queue = open_queue(qtbot, team)
    qtbot.keyClick(queue, Qt.Key.Key_D, CTRL)
    assert queue.answer_error.isVisible()
    assert queue.answer_error.text() == "Type the reason for declining, so the agent knows why."
    assert queue.answer_text.hasFocus()
    type_text(qtbot, queue.answer_text, "Ask your supervisor.")
    with qtbot.waitSignal(queue.handled, timeout=5000):
        qtbot.keyClick(queue, Qt.Key.Key_D, CTRL)
    mine = open_my_questions(qtbot, team)
    assert mine.model.index(0, 2).data() == "Declined"
    assert "Ask your supervisor." in mine.detail.toPlainText()


def test_publishing_an_answer_makes_a_published_article(qtbot: QtBot, team: Team) -> None:
    team.agent.ask("How do I port my number to us?")
    queue = open_queue(qtbot, team)
    type_text(qtbot, queue.answer_text, "Send CXXZ to 10086, then bring your ID.")
    qtbot.keyClick(queue, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: queue.findChild(ArticleEditorDialog) is not None, timeout=5000)
    editor = queue.findChild(ArticleEditorDialog)
    assert isinstance(editor, ArticleEditorDialog)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    form = editor.form
    assert form.title.text() == "How do I port my number to us?"
    assert form.slug.text() == "how-do-i-port-my-number-to-us"
    assert form.body.toPlainText() == "Send CXXZ to 10086, then bring your ID."
    assert form.answer.toPlainText() == "Send CXXZ to 10086, then bring your ID."
    assert form.status.currentText() == "Published" and not form.status.isEnabled()
    assert not editor.left.isVisible()
    assert editor.save_button.text() == "&Publish"

    with qtbot.waitSignal(queue.handled, timeout=5000) as handled, \
            qtbot.waitSignal(queue.loaded, timeout=5000):
        save(qtbot, editor)
    view = handled.args[0]
    assert view.article.draft.status is ArticleStatus.PUBLISHED
    assert "Published as the article" in queue.status.text()
    assert queue.model.rowCount() == 0
    assert [h.slug for h in team.agent.search("port number")] == ["how-do-i-port-my-number-to-us"]

    mine = open_my_questions(qtbot, team)
    assert mine.model.index(0, 2).data() == "Published as an article"
    mine.table.setFocus()
    with qtbot.waitSignal(mine.article_shown, timeout=5000):
        qtbot.keyClick(mine.table, Qt.Key.Key_Return)
    assert "Article: How do I port my number to us?" in mine.detail.toPlainText()


def test_a_question_another_trainer_answered_is_not_answered_twice(
    qtbot: QtBot, team: Team
) -> None:
    team.agent.ask("携号转网要多久？")
    queue = open_queue(qtbot, team)
    question = team.other_trainer.question_queue()[0]
    team.other_trainer.answer_question(question, "一般 24 小时。")
    type_text(qtbot, queue.answer_text, "三天。")
    with qtbot.waitSignal(queue.loaded, timeout=5000):
        qtbot.keyClick(queue.answer_text, Qt.Key.Key_Return, CTRL)
    assert queue.status.text() == ("Another trainer handled this question meanwhile. "
                                   "The queue has been reloaded.")
    assert queue.model.rowCount() == 0
    mine = team.agent.my_questions()
    assert mine[0].status is QuestionStatus.ANSWERED and mine[0].answer == "一般 24 小时。"


def test_publishing_a_question_another_trainer_answered_is_refused(
    qtbot: QtBot, team: Team
) -> None:
    team.agent.ask("Is 5G free?")
    queue = open_queue(qtbot, team)
    type_text(qtbot, queue.answer_text, "No.")
    qtbot.keyClick(queue, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: queue.findChild(ArticleEditorDialog) is not None, timeout=5000)
    editor = queue.findChild(ArticleEditorDialog)
    assert isinstance(editor, ArticleEditorDialog)
    team.other_trainer.answer_question(team.other_trainer.question_queue()[0], "Not free.")
    with qtbot.waitSignal(queue.loaded, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert queue.status.text().startswith("Another trainer handled this question")
    assert team.agent.search("5G free") == []


def test_answering_one_question_keeps_what_is_typed_for_the_next(
    qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.agent.ask("Is roaming free?")
    team.agent.ask("How do I port my number?")
    queue = open_queue(qtbot, team)
    first = queue.selected()
    assert first is not None
    type_text(qtbot, queue.answer_text, "No, 10 yuan a day.")
    gate = hold(monkeypatch, team.trainer, "answer_question")
    with qtbot.waitSignal(queue.handled, timeout=5000), \
            qtbot.waitSignal(queue.loaded, timeout=5000):
        qtbot.keyClick(queue.answer_text, Qt.Key.Key_Return, CTRL)
        queue.table.setFocus()
        qtbot.keyClick(queue.table, Qt.Key.Key_Down)
        second = queue.selected()
        assert second is not None and second.id != first.id
        assert queue.answer_text.toPlainText() == ""
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
        type_text(qtbot, queue.answer_text, "Send CXXZ")
        gate.set()
    assert queue.status.text() == "Answered. The agent sees your answer in My questions."
    assert queue.model.rowCount() == 1 and queue.selected() == second
    assert queue.answer_text.toPlainText() == "Send CXXZ"
    assert queue.answer_text.hasFocus()
    type_text(qtbot, queue.answer_text, " to 10086.")
    assert queue.answer_text.toPlainText() == "Send CXXZ to 10086."
    with qtbot.waitSignal(queue.handled, timeout=5000):
        qtbot.keyClick(queue.answer_text, Qt.Key.Key_Return, CTRL)
    answers = {q.text: q.answer for q in team.agent.my_questions()}
    assert answers == {first.text: "No, 10 yuan a day.", second.text: "Send CXXZ to 10086."}


def open_publisher(qtbot: QtBot, queue: QuestionQueueDialog) -> ArticleEditorDialog:
    qtbot.keyClick(queue, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: queue.findChild(ArticleEditorDialog) is not None, timeout=5000)
    editor = queue.findChild(ArticleEditorDialog)
    assert isinstance(editor, ArticleEditorDialog)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_list_shortcuts_do_nothing_while_publishing(qtbot: QtBot, team: Team) -> None:
    team.agent.ask("Is 5G free?")
    queue = open_queue(qtbot, team)
    type_text(qtbot, queue.answer_text, "No.")
    editor = open_publisher(qtbot, queue)
    qtbot.waitUntil(lambda: team.runner.running == 0, timeout=5000)  # its first listing
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_F5)
    assert team.runner.running == 0
    assert not editor.filter.hasFocus()
    assert form.title.text() == "Is 5G free?"
    assert form.answer.toPlainText() == "No."
    assert form.status.currentText() == "Published"

    with qtbot.waitSignal(queue.handled, timeout=5000) as handled:
        save(qtbot, editor)
    assert handled.args[0].article.draft.title == "Is 5G free?"


def test_a_question_the_queue_no_longer_lists_can_still_be_published(
    qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.agent.ask("Is 5G free?")
    queue = open_queue(qtbot, team)
    question = queue.selected()
    assert question is not None
    type_text(qtbot, queue.answer_text, "No.")
    editor = open_publisher(qtbot, queue)
    listed = team.trainer.question_queue

    def cut_off(**kwargs: Any) -> list[Any]:  # a long queue lists only part of it
        return [q for q in listed(**kwargs) if q.id != question.id]

    monkeypatch.setattr(team.trainer, "question_queue", cut_off)
    with qtbot.waitSignal(queue.handled, timeout=5000), \
            qtbot.waitSignal(queue.loaded, timeout=5000):
        save(qtbot, editor)
    assert queue.status.text().startswith("Published as the article")
    [mine] = team.agent.my_questions()
    assert mine.status is QuestionStatus.PUBLISHED
    assert [h.slug for h in team.agent.search("5G free")] == ["is-5g-free"]
