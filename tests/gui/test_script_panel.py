"""The call script beside the call, walked as an agent walks it: number keys, 0, Backspace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agentdesk.domain.script_walk import ScriptWalk
from agentdesk.domain.scripts import ActionKind, ScriptAction, script_from_data
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.scripts.panel import AnswerButton, ScriptPanel

ALT = Qt.KeyboardModifier.AltModifier
TITLE = "5G 套餐升级外呼流程 · v3"


def script_data() -> dict[str, Any]:
    """Greeting → identity (required) → offer → read-back (required, sale); two objections."""
    return {
        "start": "greet", "objections": ["too_expensive", "no_time"],
        "values": {"operator.name": "中国移动"},
        "steps": {
            "greet": {"title": "开场问候", "title_en": "Greeting",
                      "text": "您好，请问是{customer.name}吗？我是{operator.name}的{agent.name}。",
                      "text_en": "Hello, am I speaking with {customer.name}? "
                                 "This is {agent.name} from {operator.name}.",
                      "answers": [
                          {"label": "是本人", "label_en": "Speaking", "next": "identity"},
                          {"label": "打错了", "label_en": "Wrong number",
                           "action": "disposition:WRONG"}]},
            "identity": {"title": "身份核验", "title_en": "Identity check", "required": True,
                         "text": "请说一下身份证号码的后四位。",
                         "text_en": "Please tell me the last four digits of your ID.",
                         "answers": [{"label": "核验通过", "label_en": "Verified",
                                      "next": "offer"}]},
            "offer": {"title": "介绍套餐", "title_en": "Present the offer",
                      "text": "现在办理{offer.name}，每月{offer.price}，"
                              "有效期至{offer.valid_until}。",
                      "text_en": "Upgrade to {offer.name} for {offer.price} a month, "
                                 "valid until {offer.valid_until}. {Not a variable}",
                      "answers": [
                          {"label": "同意办理", "label_en": "Agrees", "action": "order",
                           "next": "readback"},
                          {"label": "想了解资费", "label_en": "Asks about fees",
                           "action": "article:fees"},
                          {"label": "需要考虑", "label_en": "Wants to think",
                           "action": "callback"}]},
            "readback": {"title": "复述确认", "title_en": "Read-back", "required": True,
                         "text": "跟您确认：{offer.name}。", "text_en": "",
                         "answers": [{"label": "确认", "label_en": "Confirmed",
                                      "action": "disposition:SALE"}]},
            "too_expensive": {"title": "太贵了", "title_en": "Too expensive",
                              "text": "每天不到两块钱。", "text_en": "Less than 2 yuan a day.",
                              "answers": [{"label": "接受", "label_en": "Accepts"},
                                          {"label": "仍然拒绝", "label_en": "Still no",
                                           "action": "disposition:NOSALE"}]},
            "no_time": {"title": "没时间", "title_en": "No time", "text": "只占用您一分钟。",
                        "text_en": "", "answers": [{"label": "继续", "label_en": "Go on"}]},
        },
    }


@dataclass
class Desk:
    host: QMainWindow
    panel: ScriptPanel
    field: QLineEdit
    elsewhere: QPushButton

    @property
    def walk(self) -> ScriptWalk:
        walk = self.panel.walk
        assert walk is not None
        return walk

    def answer(self, number: int) -> AnswerButton:
        button = self.panel.findChild(AnswerButton, f"scriptAnswer_{number}")
        assert isinstance(button, AnswerButton)
        return button

    def answers(self) -> list[str]:
        return [self.answer(n).text() for n in range(1, 10)
                if self.panel.findChild(AnswerButton, f"scriptAnswer_{n}") is not None
                and self.answer(n).isVisible()]


@pytest.fixture
def desk(qtbot: QtBot) -> Iterator[Desk]:
    """The panel in a window beside a text field; the focus is on a button, not in the field."""
    host = QMainWindow()
    central = QWidget(host)
    field = QLineEdit(central)
    elsewhere = QPushButton("Hold", central)
    panel = ScriptPanel(host, central)
    layout = QVBoxLayout(central)
    for widget in (field, elsewhere, panel):
        layout.addWidget(widget)
    host.setCentralWidget(central)
    host.resize(480, 760)
    qtbot.addWidget(host)
    panel.show_walk(ScriptWalk(script_from_data(script_data())),
                    {"customer.name": "王小明", "agent.name": "李娜",
                     "offer.name": "5G 畅享 199"}, title=TITLE)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    yield Desk(host, panel, field, elsewhere)
    panel.show_walk(None, {})


def press(qtbot: QtBot, desk: Desk, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or desk.host, key, modifier)


def choose(qtbot: QtBot, desk: Desk, key: Qt.Key) -> None:
    with qtbot.waitSignal(desk.panel.moved, timeout=2000):
        press(qtbot, desk, key)


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText().replace("\xa0", " ")


def label(desk: Desk, name: str) -> QLabel:
    found = desk.panel.findChild(QLabel, name)
    assert isinstance(found, QLabel)
    return found


def step_text(desk: Desk) -> str:
    return desk.panel.text.toPlainText()


def test_number_keys_walk_the_script_and_mark_passed_required_steps(
    qtbot: QtBot, desk: Desk
) -> None:
    panel = desk.panel
    assert panel.objectName() == "scriptPanel"
    assert label(desk, "scriptTitle").text() == TITLE
    assert label(desk, "scriptStepTitle").text() == "Greeting"
    assert step_text(desk) == "Hello, am I speaking with 王小明? This is 李娜 from 中国移动."
    assert desk.answers() == ["1  Speaking", "2  Wrong number"]
    assert desk.answer(1).hint.full_text == "→ Identity check"
    assert desk.answer(2).hint.full_text == "■ Disposition: WRONG"
    assert not label(desk, "scriptRequired").isVisible()
    assert plain(label(desk, "scriptBreadcrumb").text()) == "Greeting"
    assert "王小明</span>" in panel.text.toHtml()  # values stand out

    choose(qtbot, desk, Qt.Key.Key_1)
    assert desk.walk.current.id == "identity"
    assert label(desk, "scriptStepTitle").text() == "Identity check"
    assert label(desk, "scriptRequired").isVisible()
    assert label(desk, "scriptRequired").text() == "Required"
    assert plain(label(desk, "scriptBreadcrumb").text()) == "Greeting › Identity check"

    choose(qtbot, desk, Qt.Key.Key_1)
    assert desk.walk.current.id == "offer"
    assert not label(desk, "scriptRequired").isVisible()
    assert plain(label(desk, "scriptBreadcrumb").text()) == (
        "Greeting › ✓ Identity check › Present the offer")
    assert "<b" in label(desk, "scriptBreadcrumb").text()  # the current step is bold
    assert desk.elsewhere.hasFocus()

    with qtbot.waitSignal(desk.panel.moved, timeout=2000):
        qtbot.mouseClick(desk.answer(1), Qt.MouseButton.LeftButton)  # clicking works too
    assert desk.walk.current.id == "readback"
    assert label(desk, "scriptRequired").isVisible()
    assert desk.elsewhere.hasFocus()  # a click does not take the focus away


# A popup menu grabs the keyboard; the offscreen platform cannot, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_key_0_opens_the_objections_and_an_answer_without_next_returns(
    qtbot: QtBot, desk: Desk
) -> None:
    panel = desk.panel
    choose(qtbot, desk, Qt.Key.Key_1)
    choose(qtbot, desk, Qt.Key.Key_1)
    objections = panel.findChild(QWidget, "scriptObjections")
    assert objections is not None and objections.isVisible()
    assert [b.text() for b in objections.findChildren(QPushButton)] == [
        "Too expensive", "No time"]
    assert not label(desk, "scriptObjectionHint").isVisible()

    press(qtbot, desk, Qt.Key.Key_0)
    menu = panel.objection_menu
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == ["&1  Too expensive", "&2  No time"]
    with qtbot.waitSignal(panel.moved, timeout=2000):
        qtbot.keyClick(menu, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert desk.walk.current.id == "too_expensive" and desk.walk.in_objection
    assert label(desk, "scriptStepTitle").text() == "Too expensive"
    assert label(desk, "scriptObjectionHint").isVisible()
    assert label(desk, "scriptObjectionHint").text() == (
        "Objection — an answer without a next step returns to Present the offer")
    assert desk.answer(1).hint.full_text == "↩ Present the offer"
    assert "Too expensive" in plain(label(desk, "scriptBreadcrumb").text())
    assert "<i>" in label(desk, "scriptBreadcrumb").text()

    choose(qtbot, desk, Qt.Key.Key_1)
    assert desk.walk.current.id == "offer" and not desk.walk.in_objection
    assert not label(desk, "scriptObjectionHint").isVisible()

    press(qtbot, desk, Qt.Key.Key_0)
    qtbot.waitUntil(menu.isVisible)
    with qtbot.waitSignal(panel.moved, timeout=2000):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert desk.walk.current.id == "no_time"

    no_time = objections.findChildren(QPushButton)[1]
    assert no_time.isChecked()
    with qtbot.waitSignal(panel.moved, timeout=2000):
        qtbot.mouseClick(objections.findChildren(QPushButton)[0], Qt.MouseButton.LeftButton)
    assert desk.walk.current.id == "too_expensive"
    assert label(desk, "scriptObjectionHint").text().endswith("returns to No time")
    crumbs = plain(label(desk, "scriptBreadcrumb").text())
    assert len(desk.walk.visited) == 7 and crumbs.count("›") == 5  # the start is elided
    assert crumbs.startswith("… › Present the offer") and crumbs.endswith("› Too expensive")


def test_backspace_and_alt_left_go_back(qtbot: QtBot, desk: Desk) -> None:
    back = desk.panel.findChild(QPushButton, "scriptBack")
    assert isinstance(back, QPushButton)
    assert not back.isEnabled()
    with qtbot.assertNotEmitted(desk.panel.moved):
        press(qtbot, desk, Qt.Key.Key_Backspace)
    choose(qtbot, desk, Qt.Key.Key_1)
    choose(qtbot, desk, Qt.Key.Key_1)
    assert back.isEnabled()

    choose(qtbot, desk, Qt.Key.Key_Backspace)
    assert desk.walk.current.id == "identity"
    assert label(desk, "scriptRequired").isVisible()  # not passed any more
    choose(qtbot, desk, Qt.Key.Key_1)
    with qtbot.waitSignal(desk.panel.moved, timeout=2000):
        press(qtbot, desk, Qt.Key.Key_Left, ALT)
    assert desk.walk.current.id == "identity"
    with qtbot.waitSignal(desk.panel.moved, timeout=2000):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert desk.walk.current.id == "greet" and desk.walk.path == []
    assert not back.isEnabled()


def test_answers_trigger_their_actions(qtbot: QtBot, desk: Desk) -> None:
    panel = desk.panel
    events: list[object] = []
    panel.moved.connect(lambda: events.append("moved"))
    panel.action_triggered.connect(events.append)
    choose(qtbot, desk, Qt.Key.Key_1)
    choose(qtbot, desk, Qt.Key.Key_1)
    assert [desk.answer(n).hint.full_text for n in (1, 2, 3)] == [
        "→ Read-back · Order form", "Article: fees", "Book a callback"]
    events.clear()

    for key, expected in ((Qt.Key.Key_2, ScriptAction(ActionKind.ARTICLE, "fees")),
                          (Qt.Key.Key_3, ScriptAction(ActionKind.CALLBACK))):
        with qtbot.waitSignal(panel.action_triggered, timeout=2000) as triggered:
            press(qtbot, desk, key)
        assert triggered.args == [expected]
        assert desk.walk.current.id == "offer"  # an answer without a next step stays
    assert events == ["moved", ScriptAction(ActionKind.ARTICLE, "fees"),
                      "moved", ScriptAction(ActionKind.CALLBACK)]

    with qtbot.waitSignal(panel.action_triggered, timeout=2000) as triggered:
        press(qtbot, desk, Qt.Key.Key_1)
    assert triggered.args == [ScriptAction(ActionKind.ORDER)]
    assert desk.walk.current.id == "readback"

    panel.set_action_text(lambda action: f"{action.value} (成交)")
    assert desk.answer(1).hint.full_text == "■ SALE (成交)"
    with qtbot.waitSignal(panel.action_triggered, timeout=2000) as triggered:
        press(qtbot, desk, Qt.Key.Key_1)
    assert triggered.args == [ScriptAction(ActionKind.DISPOSITION, "SALE")]
    assert desk.walk.current.id == "readback" and "readback" in desk.walk.passed
    assert not label(desk, "scriptRequired").isVisible()
    assert plain(label(desk, "scriptBreadcrumb").text()).endswith("› ✓ Read-back")

    panel.set_note("Disposition Sale chosen: hang up (F4), then Ctrl+Enter.")
    assert label(desk, "scriptNote").isVisible()
    panel.set_enabled_walk(False)  # the disposition is stored
    assert step_text(desk) == "跟您确认：5G 畅享 199。"  # still readable (no English text)
    assert not desk.answer(1).isEnabled()
    with qtbot.assertNotEmitted(panel.moved), qtbot.assertNotEmitted(panel.action_triggered):
        press(qtbot, desk, Qt.Key.Key_1)
        press(qtbot, desk, Qt.Key.Key_Backspace)
        press(qtbot, desk, Qt.Key.Key_0)
    assert not panel.objection_menu.isVisible()
    panel.set_note("")
    assert not label(desk, "scriptNote").isVisible()
    panel.set_enabled_walk(True)
    choose(qtbot, desk, Qt.Key.Key_Backspace)


def test_keys_typed_into_a_text_field_stay_there(qtbot: QtBot, desk: Desk) -> None:
    desk.field.setFocus()
    qtbot.waitUntil(desk.field.hasFocus)
    with qtbot.assertNotEmitted(desk.panel.moved):
        for key in (Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_2):
            press(qtbot, desk, key)
        press(qtbot, desk, Qt.Key.Key_Backspace)
    assert desk.field.text() == "10"
    assert desk.walk.current.id == "greet"
    assert not desk.panel.objection_menu.isVisible()


def test_values_are_shown_as_text_whatever_they_hold(qtbot: QtBot, desk: Desk) -> None:
    panel = desk.panel
    choose(qtbot, desk, Qt.Key.Key_1)
    choose(qtbot, desk, Qt.Key.Key_1)
    assert "[offer.price?]" in step_text(desk) and "[offer.valid_until?]" in step_text(desk)
    assert "#c62828" in panel.text.toHtml()  # missing values are marked in red
    assert "{offer.price}" not in step_text(desk)
    assert "{Not a variable}" in step_text(desk)  # braces that name no variable are text

    panel.set_values({"offer.name": "<img src=http://example.com/x.png>",
                      "offer.price": "</table><b>¥0</b>{customer.name}",
                      "offer.valid_until": "\x00\u202e" + "x" * 100_000})
    text = step_text(desk)
    assert "Upgrade to <img src=http://example.com/x.png> for </table><b>¥0</b>" in text
    assert "{customer.name} a month" in text  # a value is never filled in again
    assert "x" * 150 in text and "x" * 201 not in text and "\u202e" not in text
    html = panel.text.toHtml()
    assert "<img" not in html and "</table><b>" not in html
    assert "&lt;img src=" in html
    assert "[offer.price?]" not in text

    panel.set_values({})
    assert "[offer.name?]" in step_text(desk)
    panel.show_walk(desk.walk, {}, title="<b>v3</b>")
    assert label(desk, "scriptTitle").text() == "<b>v3</b>"


def test_the_language_switch_shows_the_other_texts(
    qtbot: QtBot, desk: Desk, english: LanguageSwitcher
) -> None:
    choose(qtbot, desk, Qt.Key.Key_1)
    try:
        assert english.switch("zh_CN")
        qtbot.waitUntil(lambda: label(desk, "scriptStepTitle").text() == "身份核验",
                        timeout=5000)
        assert step_text(desk) == "请说一下身份证号码的后四位。"
        assert desk.answers() == ["1  核验通过"]
        assert desk.answer(1).hint.full_text == "→ 介绍套餐"
        assert plain(label(desk, "scriptBreadcrumb").text()) == "开场问候 › 身份核验"
    finally:
        english.switch("en")
    qtbot.waitUntil(lambda: label(desk, "scriptStepTitle").text() == "Identity check",
                    timeout=5000)
    assert desk.answers() == ["1  Verified"]


def test_without_a_walk_the_panel_says_so_and_keys_do_nothing(
    qtbot: QtBot, desk: Desk
) -> None:
    panel = desk.panel
    panel.show_walk(None, {"customer.name": "王小明"})
    assert panel.walk is None
    assert step_text(desk) == "The script starts with the call."
    assert not label(desk, "scriptStepTitle").isVisible()
    assert desk.answers() == []
    assert not any(action.isEnabled() for action in panel.key_actions)
    with qtbot.assertNotEmitted(panel.moved):
        for key in (Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_Backspace):
            press(qtbot, desk, key)
        panel.choose(0)
        panel.raise_objection("too_expensive")
        panel.back()
    assert not panel.objection_menu.isVisible()
    panel.set_empty_text("No script for this campaign.")
    assert step_text(desk) == "No script for this campaign."


def test_a_script_without_objections_and_nine_answers(qtbot: QtBot, desk: Desk) -> None:
    data = {"start": "survey", "steps": {"survey": {
        "title": "调查", "title_en": "Survey", "text": "哪一项？", "text_en": "Which one?",
        "answers": [{"label": f"选项 {n}", "label_en": f"Option {n} & more",
                     "action": "disposition:DONE"} for n in range(1, 10)]}}}
    desk.panel.show_walk(ScriptWalk(script_from_data(data)), {})
    objections = desk.panel.findChild(QWidget, "scriptObjections")
    assert objections is not None and not objections.isVisible()
    assert not label(desk, "scriptTitle").isVisible()
    assert desk.answer(9).text() == "9  Option 9 && more"
    with qtbot.assertNotEmitted(desk.panel.moved):
        press(qtbot, desk, Qt.Key.Key_0)
    assert not desk.panel.objection_menu.isVisible()
    with qtbot.waitSignal(desk.panel.action_triggered, timeout=2000):
        qtbot.mouseClick(desk.answer(9), Qt.MouseButton.LeftButton)
    assert desk.walk.path[-1].answer == 8
