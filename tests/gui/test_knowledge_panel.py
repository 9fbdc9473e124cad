"""The knowledge base beside the call, driven by keys: search, read, copy, ask, follow links."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from agentdesk.domain.ids import new_id
from agentdesk.domain.kb_text import Snippet
from agentdesk.domain.knowledge import ArticleDraft, ArticleKind, SearchHit
from agentdesk.domain.people import Role, User
from agentdesk.domain.telephony import CallState
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.knowledge import escalation_rules
from agentdesk.telephony.simulated import Outcome, SimulatedPhone
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.knowledge.ask_dialog import AskDialog
from agentdesk.ui.knowledge.panel import KnowledgePanel
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.call_center import add_call_center
from tests.helpers.factories import add_customer, add_user
from tests.helpers.keyboard import type_text
from tests.helpers.phones import use_simulated_phones

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
HOSTILE = ('"NEAR(* AND', "*", 'title:^ NEAR/3 ""', "\\'; DROP TABLE kb --")
PLAN_ANSWER = "套餐变更次月 1 日生效，当月仍按原套餐计费。"
ARTICLES = (
    ArticleDraft(slug="data-overage", title="流量超出怎么收费", category="账单",
                 body="超出套餐的流量按 3 元/GB 计费。"),
    ArticleDraft(slug="plan-change", title="如何变更套餐", category="套餐", answer=PLAN_ANSWER,
                 body="## 说明\n客户可在营业厅或电话办理。\n\n转网问题见 "
                      "[携号转网失败](article:porting-failure)。\n\n<b>不是粗体</b>"),
    ArticleDraft(slug="plan-change.en", title="How to change a plan", language="en",
                 answer="A plan change takes effect on the 1st of next month.",
                 body="Customers change plans in a hall or by phone."),
    ArticleDraft(slug="porting-failure", title="升级规则：携号转网失败",
                 kind=ArticleKind.ESCALATION, category="升级",
                 body="携号转网失败时按升级规则处理。\n\n记录客户诉求后升级。"),
)


@dataclass
class Desk:
    window: MainWindow
    workspace: Workspace
    user: User
    phones: list[SimulatedPhone]

    @property
    def panel(self) -> KnowledgePanel:
        return self.window.knowledge.panel


def add_knowledge(workspace: Workspace, now: Any) -> dict[str, uuid.UUID]:
    """Articles written by a trainer, and the OLA rule of the porting escalation."""
    trainer = add_user(workspace, "trainer01", Role.TRAINER)
    saved = workspace.knowledge_for(trainer).save_articles(
        ARTICLES, translation_of={"plan-change.en": "plan-change"})
    ids = {draft.slug: article_id for draft, article_id in zip(ARTICLES, saved.ids, strict=True)}
    with workspace.database.write() as conn:
        conn.execute(escalation_rules.insert(), {
            "id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None, "topic": "porting_failure", "title": "携号转网失败",
            "title_en": "Number porting failed", "department": "携号转网支撑组",
            "department_en": "Porting support", "domain": "technical",
            "required_info": "携入号码\n原运营商", "required_info_en": "Number\nOld operator",
            "first_questions": "是否已获取授权码？",
            "first_questions_en": "Did you get the authorisation code?",
            "front_line_answers": "授权码 4 天内有效",
            "front_line_answers_en": "The code is valid for 4 days",
            "steps": "核对授权码\n提交转网工单", "steps_en": "Check the code\nOpen a porting case",
            "response_minutes": 480, "informs_customer": "支撑组回电",
            "informs_customer_en": "Porting support calls back",
            "leader_escalation_minutes": 1440, "article_id": ids["porting-failure"]})
    return ids


@pytest.fixture
def desk(qtbot: QtBot, workspace: Workspace, clock: FixedClock, runner: TaskRunner,
         tmp_path: Path) -> Iterator[Desk]:
    user = add_user(workspace)
    people = [add_customer(workspace, user, name="王小明", phones=["13800138000"])]
    add_call_center(workspace, clock.now(), people)
    add_knowledge(workspace, clock.now())
    window = MainWindow(runner, tmp_path / "ui-state.ini", clock=clock)
    phones = use_simulated_phones(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.calls.controller.campaigns_changed, timeout=5000):
        window.set_session(workspace, user)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield Desk(window, workspace, user, phones)
    window.set_session(None, None)


def press(qtbot: QtBot, desk: Desk, code: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or desk.window, code, modifier)


def search(qtbot: QtBot, desk: Desk, text: str) -> None:
    """Ctrl+K from wherever the agent is, then type ``text`` and wait for its results."""
    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    assert desk.panel.field.hasFocus()
    with qtbot.waitSignal(desk.panel.results_shown, timeout=5000):
        type_text(qtbot, desk.panel.field, text)


def open_selected(qtbot: QtBot, desk: Desk) -> None:
    with qtbot.waitSignal(desk.panel.article_shown, timeout=5000):
        press(qtbot, desk, Qt.Key.Key_Return)


def body_text(desk: Desk) -> str:
    return desk.panel.article.body.toPlainText()


def test_ctrl_k_searches_as_the_agent_types_and_enter_opens(qtbot: QtBot, desk: Desk) -> None:
    window, panel = desk.window, desk.panel
    assert not window.knowledge.dock.isVisible()  # until the agent asks for it
    customer_field = window.customers.search.field
    customer_field.setFocus()
    qtbot.waitUntil(customer_field.hasFocus)
    panel.field.setText("旧的查询")

    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    assert window.knowledge.dock.isVisible()
    assert panel.field.hasFocus() and panel.field.selectedText() == "旧的查询"
    with qtbot.waitSignal(panel.results_shown, timeout=5000) as shown:
        type_text(qtbot, panel.field, "套餐")
    assert shown.args == [2]
    assert panel.summary.text().startswith("2 article")
    first = panel.model.index(0)
    assert "套餐" in first.data()  # the title that contains the words ranks first
    assert first.data() == "如何变更套餐"
    assert "如何变更套餐" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.results.grab().width() > 0  # the delegate paints the marked title

    open_selected(qtbot, desk)
    assert panel.article.title.text() == "如何变更套餐"
    assert "Read in English" in panel.article.translation_button.text()
    assert PLAN_ANSWER in body_text(desk)
    assert "<b>不是粗体</b>" in body_text(desk)  # markup in an article is shown as written
    assert panel.field.hasFocus()

    press(qtbot, desk, Qt.Key.Key_Down)
    open_selected(qtbot, desk)
    assert panel.article.title.text() == "流量超出怎么收费"

    press(qtbot, desk, Qt.Key.Key_Escape)  # back to where the agent was
    assert customer_field.hasFocus() and panel.field.text() == "套餐"
    panel.field.setFocus()  # clicked into: Esc has nowhere to go back to, so it clears
    qtbot.waitUntil(panel.field.hasFocus)
    press(qtbot, desk, Qt.Key.Key_Escape)
    assert panel.field.text() == "" and panel.model.rowCount() == 0
    customer_field.setFocus()

    # No call: the answer goes to the clipboard, and the status bar says so.
    press(qtbot, desk, Qt.Key.Key_C, CTRL_SHIFT)
    assert QApplication.clipboard().text() == "超出套餐的流量按 3 元/GB 计费。"
    assert "clipboard" in window.statusBar().currentMessage()


def test_an_escalation_article_shows_its_ola_in_the_ui_language(
    qtbot: QtBot, desk: Desk, english: LanguageSwitcher
) -> None:
    search(qtbot, desk, "携号转网")
    open_selected(qtbot, desk)
    assert desk.panel.article.title.text() == "升级规则：携号转网失败"
    text = body_text(desk)
    for line in ("Owner: Porting support (technical domain)", "Response time: 8 h",
                 "Tells the customer: Porting support calls back",
                 "Leader escalation: if still open 24 h after opening", "Steps",
                 "Check the code", "Open a porting case", "Did you get the authorisation code?",
                 "携号转网失败时按升级规则处理。"):
        assert line in text
    assert text.index("Check the code") < text.index("Open a porting case")

    try:
        assert english.switch("zh_CN")
        qtbot.waitUntil(lambda: "携号转网支撑组" in body_text(desk), timeout=5000)
        assert "核对授权码" in body_text(desk) and "Porting support" not in body_text(desk)
    finally:
        english.switch("en")
    qtbot.waitUntil(lambda: "Porting support" in body_text(desk), timeout=5000)


def test_ctrl_shift_c_puts_the_answer_into_the_notes_of_the_live_call(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    controller, notes = window.calls.controller, window.calls.panel.wrap_up.notes
    press(qtbot, desk, Qt.Key.Key_R, CTRL_SHIFT)  # ready
    with qtbot.waitSignals([controller.preview_ready, window.customers.record_loaded],
                           timeout=5000):
        press(qtbot, desk, Qt.Key.Key_F2)
    desk.phones[-1].queue_outcome(Outcome.ANSWER)
    press(qtbot, desk, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: controller.call is not None
                    and controller.call.state is CallState.CONNECTED, timeout=5000)
    press(qtbot, desk, Qt.Key.Key_N, CTRL_SHIFT)
    type_text(qtbot, notes, "客户想换套餐")

    search(qtbot, desk, "套餐")
    open_selected(qtbot, desk)
    press(qtbot, desk, Qt.Key.Key_C, CTRL_SHIFT)
    assert notes.toPlainText() == f"客户想换套餐\n{PLAN_ANSWER}"
    assert window.statusBar().currentMessage() == "Added to the call notes."

    # In wrap-up the selected text of the article is what goes in.
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        press(qtbot, desk, Qt.Key.Key_F4)
    body = desk.panel.article.body
    found = body.find("客户可在营业厅或电话办理")
    assert found
    press(qtbot, desk, Qt.Key.Key_C, CTRL_SHIFT)
    assert notes.toPlainText().endswith(f"{PLAN_ANSWER}\n客户可在营业厅或电话办理")


def test_ctrl_shift_q_then_enter_asks_the_trainers(qtbot: QtBot, desk: Desk) -> None:
    search(qtbot, desk, "携号转网 授权码过期")
    press(qtbot, desk, Qt.Key.Key_Q, CTRL_SHIFT)
    dialog = desk.window.knowledge._dialogs["ask"]
    assert isinstance(dialog, AskDialog)
    qtbot.waitUntil(dialog.question.hasFocus)
    assert dialog.question.textCursor().selectedText() == "携号转网 授权码过期"
    with qtbot.waitSignal(dialog.sent, timeout=5000):
        press(qtbot, desk, Qt.Key.Key_Return)
    service = desk.window.knowledge.service
    assert service is not None
    (question,) = service.my_questions()
    assert question.text == "携号转网 授权码过期" and question.asked_by == desk.user.id
    assert desk.window.statusBar().currentMessage().startswith("Question sent to the trainers")


def test_an_empty_question_is_refused_in_the_dialog(qtbot: QtBot, desk: Desk) -> None:
    press(qtbot, desk, Qt.Key.Key_Q, CTRL_SHIFT)
    dialog = desk.window.knowledge._dialogs["ask"]
    assert isinstance(dialog, AskDialog)
    qtbot.waitUntil(dialog.question.hasFocus)
    press(qtbot, desk, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Type your question first."
    press(qtbot, desk, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_find_nothing_and_raise_nothing(
    qtbot: QtBot, desk: Desk, typed: str
) -> None:
    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    with qtbot.waitSignal(desk.panel.results_shown, timeout=5000) as shown:
        qtbot.keyClicks(desk.panel.field, typed)
    assert shown.args == [0]
    assert desk.panel.summary.text().startswith("No articles match “")
    assert desk.window.statusBar().currentMessage() == ""


def test_a_huge_paste_finds_nothing_and_raises_nothing(qtbot: QtBot, desk: Desk) -> None:
    QApplication.clipboard().setText("NEAR(* AND \"" + "ǅ𠀀x" * 70_000)
    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    with qtbot.waitSignal(desk.panel.results_shown, timeout=5000) as shown:
        press(qtbot, desk, Qt.Key.Key_V, CTRL)
    assert shown.args == [0] and desk.panel.model.rowCount() == 0
    assert len(desk.panel.field.text()) <= 500


def test_article_links_and_script_steps_open_articles(qtbot: QtBot, desk: Desk) -> None:
    panel, knowledge = desk.panel, desk.window.knowledge
    with qtbot.waitSignal(panel.article_shown, timeout=5000):
        knowledge.open_article("plan-change")  # a script step; the UI speaks English
    assert panel.article.title.text() == "How to change a plan"
    with qtbot.waitSignal(panel.article_shown, timeout=5000):
        panel.article.translation_button.click()
    assert panel.article.title.text() == "如何变更套餐"

    body = panel.article.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Tab)  # Tab moves to the link in the article
    assert body.textCursor().selectedText() == "携号转网失败"
    with qtbot.waitSignal(panel.article_shown, timeout=5000):
        qtbot.keyClick(body, Qt.Key.Key_Return)
    assert panel.article.title.text() == "升级规则：携号转网失败"

    with qtbot.assertNotEmitted(panel.article_shown, wait=200):
        knowledge.open_article("no-such-article")
    qtbot.waitUntil(lambda: desk.window.statusBar().currentMessage()
                    == "That article is not available.", timeout=5000)


class ClaimsCtrlK(QObject):
    """A text field on a Linux desktop: Ctrl+K deletes to the end of the line."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_K and event.modifiers() == CTRL:
                event.accept()
                return True
        return False


def test_ctrl_k_wins_over_a_field_that_claims_the_key(qtbot: QtBot, desk: Desk) -> None:
    field = desk.window.customers.search.field
    claim = ClaimsCtrlK(field)
    field.installEventFilter(claim)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    assert desk.panel.field.hasFocus()


class SlowFirstSearch:
    """Answers the query "first" only when released, any other at once."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if text == "first":
            self.release.wait(5)
        return [SearchHit(uuid.uuid4(), text, Snippet(text, ()), Snippet("", ()),
                          ArticleKind.FAQ, "", "zh", True)]


def test_only_the_latest_query_is_shown(qtbot: QtBot) -> None:
    pool = QThreadPool()  # its own workers: the first search holds one on purpose
    pool.setMaxThreadCount(4)
    runner = TaskRunner(pool=pool)
    panel = KnowledgePanel(runner)
    qtbot.addWidget(panel)
    service = SlowFirstSearch()
    panel.set_service(service)  # type: ignore[arg-type]
    panel.search_now("first")
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        panel.search_now("second")
    with qtbot.assertNotEmitted(panel.results_shown, wait=200):
        service.release.set()
        assert pool.waitForDone(5000)
    assert [panel.model.hit_at(n).slug for n in range(panel.model.rowCount())] == ["second"]


def test_my_questions_opens_once_and_closes_at_sign_out(qtbot: QtBot, desk: Desk) -> None:
    from agentdesk.ui.knowledge.questions import MyQuestionsDialog

    knowledge = desk.window.knowledge
    desk.window.console_actions.kb_my_questions.trigger()
    dialog = knowledge._dialogs["my_questions"]
    assert isinstance(dialog, MyQuestionsDialog) and dialog.isVisible()
    desk.window.console_actions.kb_my_questions.trigger()
    assert knowledge._dialogs["my_questions"] is dialog
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        desk.window.set_session(None, None)


def test_trainers_get_the_queue_and_the_articles(
    qtbot: QtBot, desk: Desk, workspace: Workspace
) -> None:
    from agentdesk.ui.knowledge.editor import ArticleEditorDialog
    from agentdesk.ui.knowledge.questions import QuestionQueueDialog

    actions, knowledge = desk.window.console_actions, desk.window.knowledge
    assert not actions.kb_question_queue.isVisible() and not actions.kb_articles.isVisible()
    trainer = workspace.auth.sign_in("trainer01", "correct horse")
    with qtbot.waitSignal(desk.window.calls.controller.state_recorded, timeout=5000):
        desk.window.set_session(workspace, trainer)
    assert actions.kb_question_queue.isVisible() and actions.kb_articles.isEnabled()
    actions.kb_question_queue.trigger()
    assert isinstance(knowledge._dialogs["question_queue"], QuestionQueueDialog)
    actions.kb_articles.trigger()
    assert isinstance(knowledge._dialogs["articles"], ArticleEditorDialog)
    desk.window.set_session(None, None)
    assert not desk.panel.isEnabled() and not actions.kb_search.isEnabled()
    assert knowledge._dialogs == {}


def test_the_knowledge_panel_is_in_the_menus(desk: Desk) -> None:
    window = desk.window
    assert window.knowledge_menu.title() == "&Knowledge"
    texts = [a.text() for a in window.knowledge_menu.actions() if a.isVisible()]
    assert "&Search" in texts and "&Ask trainers…" in texts and "&My questions…" in texts
    assert window.knowledge.dock.toggleViewAction() in window.view_menu.actions()
    assert isinstance(window.knowledge.dock.widget(), QWidget)
