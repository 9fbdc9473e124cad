from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import StaleRecordError
from agentdesk.domain.knowledge import ArticleStatus
from agentdesk.domain.people import Role, User
from agentdesk.domain.script_versions import ScriptNotPublishable
from agentdesk.domain.scripts import script_from_data
from agentdesk.services.clock import FixedClock
from agentdesk.services.scripts import ScriptService
from agentdesk.services.workspace import Workspace
from agentdesk.store.call_results import record_finished_call
from agentdesk.ui.scripts.editor import ScriptEditor
from agentdesk.ui.scripts.new_script import NewScriptDialog
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import add_user
from tests.helpers.keyboard import type_text
from tests.helpers.scripts import SALES_SCRIPT, add_article, add_script

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
OUTBOUND = CampaignDirection.OUTBOUND
MARKUP = '<b>Bold</b><img src="/etc/pw">'


@dataclass
class Desk:
    workspace: Workspace
    center: CallCenter
    developer: User
    service: ScriptService
    runner: TaskRunner
    clock: FixedClock


@pytest.fixture
def desk(workspace: Workspace, clock: FixedClock, runner: TaskRunner) -> Desk:
    developer = add_user(workspace, "dev", Role.SCRIPT_DEVELOPER)
    center = add_call_center(workspace, clock.now(), [])
    add_article(workspace, clock.now())
    return Desk(workspace, center, developer, workspace.scripts_for(developer), runner, clock)


def open_editor(qtbot: QtBot, desk: Desk) -> ScriptEditor:
    editor = ScriptEditor(desk.runner, desk.service)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.listed, timeout=5000):
        editor.reload()
        editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # a window manager does this; the offscreen platform does not
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def reactivate(qtbot: QtBot, editor: ScriptEditor) -> None:
    """Activate the editor again once a dialog or menu closes (a window manager's part)."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)


def open_version(qtbot: QtBot, desk: Desk, editor: ScriptEditor, number: int) -> None:
    """Open version ``number`` from the list with the keyboard; wait until it is checked."""
    qtbot.keyClick(editor, Qt.Key.Key_1, CTRL)
    assert editor.versions.hasFocus()
    model = editor.versions_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).version.number == number)
    editor.versions.setCurrentIndex(model.index(row, 1))
    with qtbot.waitSignal(editor.opened, timeout=5000):
        qtbot.keyClick(editor.versions, Qt.Key.Key_Return)
    settle(qtbot, desk.runner)


def settle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until the campaign's context is read (the draft is checked again with it)."""
    qtbot.waitUntil(lambda: runner.running == 0, timeout=5000)


def problems(editor: ScriptEditor) -> list[str]:
    model = editor.problems_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def box(qtbot: QtBot, parent: QWidget, name: str) -> QMessageBox:
    def visible() -> list[QMessageBox]:
        return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]

    qtbot.waitUntil(lambda: len(visible()) == 1, timeout=5000)
    return visible()[0]


def click(qtbot: QtBot, message: QMessageBox, text: str) -> None:
    """Click a message box's button, then give the editor the focus back."""
    button = next(b for b in message.findChildren(QPushButton) if b.text() == text)
    window = message.parentWidget().window()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if window.isVisible():
        window.activateWindow()  # a window manager's part once the box closes
        qtbot.waitUntil(window.isActiveWindow)


def go_to_step(qtbot: QtBot, editor: ScriptEditor, step_id: str) -> None:
    """Select a step in the list with the keyboard (Ctrl+2, Ctrl+Home, Down...)."""
    qtbot.keyClick(editor, Qt.Key.Key_2, CTRL)
    assert editor.steps.hasFocus()
    qtbot.keyClick(editor.steps, Qt.Key.Key_Home, CTRL)
    for _ in range(editor.steps_model.row_of(step_id)):
        qtbot.keyClick(editor.steps, Qt.Key.Key_Down)
    assert editor.form.current_step == step_id


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def add_answer(qtbot: QtBot, editor: ScriptEditor, label: str, label_en: str) -> None:
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    assert form.label.hasFocus()
    type_text(qtbot, form.label, label)
    qtbot.keyClick(form.label, Qt.Key.Key_Tab)
    assert form.label_en.hasFocus()
    type_text(qtbot, form.label_en, label_en)
    qtbot.keyClick(form.label_en, Qt.Key.Key_Tab)
    assert form.next_step.hasFocus()


def choose(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Pick a combo box entry by typing its first letters, as a keyboard user does."""
    assert combo.hasFocus()
    qtbot.keyClicks(combo, text)


def publish(qtbot: QtBot, editor: ScriptEditor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL | SHIFT)
    click(qtbot, box(qtbot, editor, "publishBox"), "&Publish")


@dataclass
class Hold:
    """A service call held on its worker: ``started`` once it runs, it goes on at ``release``."""

    started: threading.Event
    release: threading.Event


def hold(monkeypatch: pytest.MonkeyPatch, service: ScriptService, name: str) -> Hold:
    """Make ``service.name`` wait on its worker until the test releases it."""
    held = Hold(threading.Event(), threading.Event())
    real: Callable[..., Any] = getattr(service, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        held.started.set()
        held.release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, waiting)
    return held


def assert_frozen(qtbot: QtBot, editor: ScriptEditor, title: str) -> None:
    """While a publish runs nothing can be typed, saved or published, and keys do nothing."""
    form = editor.form
    assert editor.writer.busy
    for edit in (form.step_id, form.title, form.title_en, form.text, form.text_en,
                 editor.name, editor.note):
        assert edit.isReadOnly(), edit.objectName()
        # an input method no longer writes in it (a read-only field turns it off)
        assert not edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert not form.answers_editor.add_answer.isEnabled()
    assert not editor.add_step.isEnabled()
    assert not editor.save_button.isEnabled() and not editor.publish_button.isEnabled()
    assert editor.state.text() == "Publishing…"
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, " x")
    qtbot.keyClick(editor, Qt.Key.Key_X, ALT)
    type_text(qtbot, form.text, "x")
    with qtbot.assertNotEmitted(editor.saved), qtbot.assertNotEmitted(editor.failed):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL | SHIFT)
    assert form.title.text() == title and not editor.is_dirty()
    assert not [b for b in editor.findChildren(QMessageBox, "publishBox") if b.isVisible()]


# ---------------------------------------------------------------------- writing

def test_a_developer_writes_a_script_from_scratch_with_the_keyboard_and_publishes_it(
    qtbot: QtBot, desk: Desk
) -> None:
    editor = open_editor(qtbot, desk)
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_N, CTRL)
    dialog = editor.findChild(NewScriptDialog)
    assert isinstance(dialog, NewScriptDialog)
    qtbot.waitUntil(dialog.campaign.hasFocus)
    assert dialog.campaign.currentText() == "IB Customer service line"
    qtbot.keyClick(dialog.campaign, Qt.Key.Key_Down)
    assert dialog.campaign.currentText() == "OB 5G plan upgrade"
    assert dialog.direction.currentText() == "Outbound"
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
    replace_text(qtbot, dialog.name, "5G upgrade calls")
    with qtbot.waitSignal(editor.opened, timeout=5000) as opened:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    reactivate(qtbot, editor)
    version = opened.args[0].version
    assert (version.number, version.draft, version.name) == (1, True, "5G upgrade calls")
    assert editor.heading.text() == "OB 5G plan upgrade · Outbound · v1 · Draft"
    assert form.current_step == "greeting" and form.title.hasFocus()
    assert problems(editor) == []

    # A new step: its empty text keeps the draft from loading, so it cannot be saved.
    with qtbot.waitSignal(editor.checked, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_N, CTRL | SHIFT)
    assert form.current_step == "step_1" and form.title.hasFocus()
    assert "Step “New step” needs its text: what the agent says." in problems(editor)
    assert not editor.save_button.isEnabled() and not editor.publish_button.isEnabled()
    replace_text(qtbot, form.title, "推荐")
    qtbot.keyClick(editor, Qt.Key.Key_G, ALT)
    type_text(qtbot, form.title_en, "Offer")
    qtbot.keyClick(editor, Qt.Key.Key_X, ALT)
    assert form.text.hasFocus()
    with qtbot.waitSignal(editor.checked, timeout=5000):
        type_text(qtbot, form.text, "为您推荐{offer.colour}")
    assert problems(editor) == [
        "Step “Offer” can never be reached from the start.",
        "Step “Offer” has no answers: add at least one.",
        "Unknown variable {offer.colour} in step “Offer”.",
    ]
    assert editor.steps_model.index(1, 0).data() == "●"
    assert editor.save_button.isEnabled() and not editor.publish_button.isEnabled()
    assert "[offer.colour?]" in editor.preview.text.toPlainText()

    # The variable menu puts a known variable at the cursor.
    for _ in "{offer.colour}":
        qtbot.keyClick(form.text, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.text, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(form.variable_menu.isVisible)
    entry = next(a for a in form.variable_menu.actions() if a.text() == "{offer.name}")
    with qtbot.waitSignal(editor.checked, timeout=5000):
        entry.trigger()
        form.variable_menu.close()
    reactivate(qtbot, editor)
    assert form.text.hasFocus()
    assert form.text.toPlainText() == "为您推荐{offer.name}"
    assert not any("Unknown variable" in p for p in problems(editor))

    add_answer(qtbot, editor, "要办理", "Wants it")
    qtbot.keyClick(form.next_step, Qt.Key.Key_Tab)
    choose(qtbot, form.action_kind, "D")
    assert form.action_kind.currentText() == "Disposition" and form.code.isVisible()
    qtbot.keyClick(form.action_kind, Qt.Key.Key_Tab)
    choose(qtbot, form.code, "SA")
    assert form.code.currentText() == "SALE — Sale"
    with qtbot.waitSignal(editor.checked, timeout=5000):
        add_answer(qtbot, editor, "再考虑", "Will think")
    assert "Step “Offer”: answer “Will think” neither leads to a step nor triggers an action." \
        in problems(editor)
    with qtbot.waitSignal(editor.checked, timeout=5000):
        choose(qtbot, form.next_step, "greeting")
    assert not any("neither leads" in p for p in problems(editor))
    assert form.answers_model.index(1, 2).data() == "greeting"

    go_to_step(qtbot, editor, "greeting")
    with qtbot.waitSignal(editor.checked, timeout=5000):
        add_answer(qtbot, editor, "本人", "Speaking")
        qtbot.keyClick(form.next_step, Qt.Key.Key_End)  # the last step, "step_1 — Offer"
    assert problems(editor) == []
    assert editor.publish_button.isEnabled()
    assert [form.answers_model.index(r, 0).data() for r in range(2)] == ["结束通话", "本人"]

    qtbot.keyClick(editor, Qt.Key.Key_O, ALT)
    type_text(qtbot, editor.note, "First version")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert editor.state.text() == "Saved as draft version 1."
    assert not editor.is_dirty()
    with qtbot.waitSignal(editor.published, timeout=5000), \
            qtbot.waitSignal(editor.listed, timeout=5000):
        publish(qtbot, editor)
    assert editor.state.text() == "Published version 1. Calls started from now on follow it."
    assert form.title.isReadOnly() and editor.edit_button.isVisible()

    stored = desk.service.for_call(desk.center.outbound_id, OUTBOUND)
    assert stored is not None
    assert (stored.version.number, stored.version.change_note) == (1, "First version")
    script = stored.script
    assert list(script.steps) == ["greeting", "step_1"]
    assert script.steps["step_1"].text == "为您推荐{offer.name}"
    assert [(a.label_en, a.next, str(a.action)) for a in script.steps["step_1"].answers] == [
        ("Wants it", None, "disposition:SALE"), ("Will think", "greeting", "None")]
    assert script.steps["greeting"].answers[1].next == "step_1"


def test_editing_a_published_version_makes_a_new_draft_and_calls_keep_theirs(
    qtbot: QtBot, desk: Desk
) -> None:
    published = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now())
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    form = editor.form
    assert form.title.isReadOnly() and form.text.isReadOnly()
    assert not editor.save_button.isEnabled() and not editor.add_step.isEnabled()
    assert editor.edit_button.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    assert form.answers_model.rowCount() == 3  # read-only: nothing added

    with qtbot.waitSignal(editor.opened, timeout=5000) as opened, \
            qtbot.waitSignal(editor.listed, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_E, CTRL)
    draft = opened.args[0].version
    assert (draft.number, draft.draft) == (2, True)
    assert not form.title.isReadOnly() and not editor.edit_button.isVisible()
    assert form.title.hasFocus() and form.current_step == "greeting"
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, "（新）")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    states = [editor.versions_model.index(r, 4).data() for r in range(2)]
    assert states[0] == "Draft" and states[1].startswith("Published ")
    assert [editor.versions_model.index(r, 3).data() for r in range(2)] == ["v2", "v1"]

    assert desk.service.load(published).script == script_from_data(SALES_SCRIPT)
    current = desk.service.for_call(desk.center.outbound_id, OUTBOUND)
    assert current is not None and current.version.id == published
    assert desk.service.load(draft.id).script.steps["greeting"].title == "开场（新）"


def test_publish_waits_for_the_problems_and_shows_a_refusal(
    qtbot: QtBot, desk: Desk
) -> None:
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(), published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    assert problems(editor) == [] and editor.publish_button.isEnabled()
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_X, ALT)
    qtbot.keyClick(form.text, Qt.Key.Key_End, CTRL)
    with qtbot.waitSignal(editor.checked, timeout=5000):
        type_text(qtbot, form.text, "{offer.colour}")
    assert problems(editor) == ["Unknown variable {offer.colour} in step “Greeting”."]
    assert not editor.publish_button.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL | SHIFT)
    assert not [b for b in editor.findChildren(QMessageBox, "publishBox") if b.isVisible()]
    with qtbot.waitSignal(editor.checked, timeout=5000):
        for _ in "{offer.colour}":
            qtbot.keyClick(form.text, Qt.Key.Key_Backspace)
    assert problems(editor) == [] and editor.publish_button.isEnabled()

    # Meanwhile a trainer archives the article the objection links: the service refuses.
    trainer = desk.workspace.knowledge_for(add_user(desk.workspace, "trainer1", Role.TRAINER))
    article = trainer.article_by_slug("too_expensive").article
    trainer.save_article(dataclasses.replace(article.draft, status=ArticleStatus.ARCHIVED),
                         article_id=article.id, base_version=article.version)
    with qtbot.waitSignal(editor.failed, timeout=5000) as failed:
        publish(qtbot, editor)
    assert isinstance(failed.args[0], ScriptNotPublishable)
    assert problems(editor) == [
        "Step “Objection: too expensive”: no published article has the key too_expensive."]
    assert editor.banner.isVisible()
    assert editor.banner.text().startswith("The script cannot be published yet")
    assert not editor.publish_button.isEnabled()
    assert desk.service.for_call(desk.center.outbound_id, OUTBOUND) is None


def test_the_draft_cannot_be_typed_in_or_saved_while_it_is_published(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(),
                          published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, "（终）")
    held = hold(monkeypatch, desk.service, "publish")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        publish(qtbot, editor)
    qtbot.waitUntil(held.started.is_set, timeout=5000)
    assert desk.runner.running == 1  # the save reported back; the publish runs

    assert_frozen(qtbot, editor, "开场（终）")
    with qtbot.waitSignal(editor.published, timeout=5000) as published:
        held.release.set()
    version = published.args[0].version
    assert (version.id, version.draft) == (draft_id, False)
    settle(qtbot, desk.runner)
    assert not editor.writer.busy
    assert form.title.text() == "开场（终）" and form.title.isReadOnly()
    assert editor.edit_button.isVisible() and editor.edit_button.isEnabled()
    assert editor.state.text() == "Published version 1. Calls started from now on follow it."
    stored = desk.service.for_call(desk.center.outbound_id, OUTBOUND)
    assert stored is not None and stored.script.steps["greeting"].title == "开场（终）"


def test_a_refused_publish_gives_the_draft_back_as_it_was(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(), published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, "!")
    held = hold(monkeypatch, desk.service, "publish")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        publish(qtbot, editor)
    qtbot.waitUntil(held.started.is_set, timeout=5000)
    assert_frozen(qtbot, editor, "开场!")

    # Meanwhile a trainer archives the article the objection links: the service refuses.
    trainer = desk.workspace.knowledge_for(add_user(desk.workspace, "trainer1", Role.TRAINER))
    article = trainer.article_by_slug("too_expensive").article
    trainer.save_article(dataclasses.replace(article.draft, status=ArticleStatus.ARCHIVED),
                         article_id=article.id, base_version=article.version)
    with qtbot.waitSignal(editor.failed, timeout=5000) as failed:
        held.release.set()
    assert isinstance(failed.args[0], ScriptNotPublishable)
    settle(qtbot, desk.runner)
    assert not editor.writer.busy and editor.banner.isVisible()
    assert form.title.text() == "开场!" and editor.heading.text().endswith("Draft")
    assert not form.title.isReadOnly() and not editor.note.isReadOnly()
    assert editor.save_button.isEnabled() and editor.add_step.isEnabled()
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, "!")
    assert form.title.text() == "开场!!" and editor.is_dirty()
    assert desk.service.for_call(desk.center.outbound_id, OUTBOUND) is None


def test_a_draft_saved_meanwhile_is_not_overwritten_silently(
    qtbot: QtBot, desk: Desk
) -> None:
    draft_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(),
                          published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    supervisor = desk.workspace.scripts_for(add_user(desk.workspace, "sup", Role.SUPERVISOR))
    theirs = supervisor.load(draft_id)
    supervisor.save_draft(draft_id, theirs.version.row_version, "Their name", theirs.script,
                          "their note")

    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    type_text(qtbot, form.title, " mine")
    with qtbot.waitSignal(editor.failed, timeout=5000) as failed:
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert isinstance(failed.args[0], StaleRecordError)
    assert editor.banner.text() == ("Someone else saved this draft while you were editing "
                                    "it. Your changes are still here.")
    assert form.title.text() == "开场 mine" and editor.is_dirty()
    click(qtbot, box(qtbot, editor, "staleBox"), "&Keep mine")
    qtbot.waitUntil(lambda: desk.runner.running == 0, timeout=5000)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    stored = desk.service.load(draft_id)
    assert stored.script.steps["greeting"].title == "开场 mine"
    assert stored.version.name == "5G 升级外呼"


def test_reloading_theirs_after_a_stale_save_shows_their_draft(
    qtbot: QtBot, desk: Desk
) -> None:
    draft_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(),
                          published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    theirs = desk.service.load(draft_id)
    desk.service.save_draft(draft_id, theirs.version.row_version, "Their name",
                            theirs.script, "")
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    type_text(qtbot, editor.form.title, "x")
    with qtbot.waitSignal(editor.failed, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    with qtbot.waitSignal(editor.opened, timeout=5000):
        click(qtbot, box(qtbot, editor, "staleBox"), "&Reload theirs")
    assert editor.name.text() == "Their name" and not editor.is_dirty()


def test_renaming_a_step_renames_it_everywhere(qtbot: QtBot, desk: Desk) -> None:
    draft_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(),
                          published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    form = editor.form
    go_to_step(qtbot, editor, "offer")
    qtbot.keyClick(editor, Qt.Key.Key_D, ALT)
    assert form.step_id.hasFocus()
    replace_text(qtbot, form.step_id, "greeting")
    assert form.id_error.isVisible() and form.id_error.text() == "Another step has this id."
    shown = form.current_step  # renamed as "greeting" was typed, up to "greetin"
    for wrong in ("a.b", "开场", "-offer", "offer 2", "x" * 65):
        QApplication.clipboard().setText(wrong)
        qtbot.keyClick(form.step_id, Qt.Key.Key_A, CTRL)
        with qtbot.assertNotEmitted(form.renamed):
            qtbot.keyClick(form.step_id, Qt.Key.Key_V, CTRL)
        assert form.step_id.text() == wrong
        assert form.id_error.isVisible(), wrong
        assert form.id_error.text() == ("An id is 1-64 letters, digits, '_' and '-', "
                                        "without spaces.")
        assert form.current_step == shown and editor.steps_model.row_of(shown) == 2
        assert editor.steps_model.row_of(wrong) == -1
    with qtbot.waitSignal(editor.checked, timeout=5000):
        replace_text(qtbot, form.step_id, "pitch2")
    assert not form.id_error.isVisible()
    assert editor.steps_model.index(2, 1).data() == "pitch2"
    assert problems(editor) == []
    assert editor.preview.walk is not None and editor.preview.walk.path == []  # digits typed

    go_to_step(qtbot, editor, "greeting")
    qtbot.keyClick(editor, Qt.Key.Key_D, ALT)
    with qtbot.waitSignal(editor.checked, timeout=5000):
        replace_text(qtbot, form.step_id, "hello")
    assert editor.steps_model.index(0, 3).data() == "Start"
    assert problems(editor) == []
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    script = desk.service.load(draft_id).script
    assert script.start == "hello"
    assert list(script.steps)[:3] == ["hello", "identity", "pitch2"]
    assert script.steps["identity"].answers[0].next == "pitch2"
    assert script.steps["order_readback"].answers[1].next == "pitch2"


def test_removing_a_step_others_lead_to_asks_first(qtbot: QtBot, desk: Desk) -> None:
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(), published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    go_to_step(qtbot, editor, "callback")
    qtbot.keyClick(editor.steps, Qt.Key.Key_Delete)
    remove = box(qtbot, editor, "removeStepBox")
    assert "Answers of “Greeting”、“Offer” lead to “Book a callback”." in remove.text()
    with qtbot.waitSignal(editor.checked, timeout=5000):
        click(qtbot, remove, "&Remove")
    assert editor.steps_model.row_of("callback") == -1
    assert problems(editor) == [
        "Step “Greeting”: answer “Not a good time” leads to a step that does not exist "
        "(callback).",
        "Step “Offer”: answer “Will think” leads to a step that does not exist (callback).",
        "Step “Close: callback” can never be reached from the start.",
    ]
    editor.problems.setFocus()
    editor.problems.setCurrentIndex(editor.problems_model.index(1, 0))
    qtbot.keyClick(editor.problems, Qt.Key.Key_Return)
    assert editor.form.current_step == "offer" and editor.form.answers.hasFocus()


def test_unsaved_changes_are_not_lost_by_switching_or_closing(
    qtbot: QtBot, desk: Desk
) -> None:
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now())
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(), number=2,
               published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(editor.form.title, Qt.Key.Key_End)
    type_text(qtbot, editor.form.title, "!")
    qtbot.keyClick(editor, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(editor.versions, Qt.Key.Key_Down)
    qtbot.keyClick(editor.versions, Qt.Key.Key_Return)
    click(qtbot, box(qtbot, editor, "discardBox"), "Cancel")
    assert editor.form.title.text() == "开场!" and editor.heading.text().endswith("Draft")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    discard = box(qtbot, editor, "discardBox")
    assert editor.isVisible()
    with qtbot.waitSignal(editor.rejected, timeout=5000):
        click(qtbot, discard, "Discard")


# ---------------------------------------------------------------------- hostile input

def test_long_pasted_text_and_markup_stay_plain_text(qtbot: QtBot, desk: Desk) -> None:
    draft_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(),
                          published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    form = editor.form
    qtbot.keyClick(editor, Qt.Key.Key_G, ALT)  # the English title: the UI is in English
    with qtbot.waitSignal(editor.checked, timeout=5000):
        replace_text(qtbot, form.title_en, MARKUP)
    preview = editor.preview
    assert preview.step_title.text() == MARKUP
    assert preview.step_title.textFormat() == Qt.TextFormat.PlainText
    assert editor.steps_model.index(0, 2).data() == MARKUP

    long_text = "很长的话术" * 20_000
    QApplication.clipboard().setText(long_text + "<script>alert(1)</script>")
    qtbot.keyClick(editor, Qt.Key.Key_I, ALT)
    assert form.text_en.hasFocus()
    qtbot.keyClick(form.text_en, Qt.Key.Key_A, CTRL)
    with qtbot.waitSignal(editor.checked, timeout=5000):
        qtbot.keyClick(form.text_en, Qt.Key.Key_V, CTRL)
    assert len(form.text_en.toPlainText()) == 100_000 + len("<script>alert(1)</script>")
    # Too long for a step (4,000 characters): said beside the step, the text is kept.
    assert any("too long" in text for text in problems(editor))
    assert not editor.save_button.isEnabled()

    fitting = "很长的话术" * 700 + "<script>alert(1)</script>"
    with qtbot.waitSignal(editor.checked, timeout=5000):
        replace_text(qtbot, form.text_en, fitting)
    assert preview.text.toPlainText().endswith("<script>alert(1)</script>")
    assert problems(editor) == []
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    greeting = desk.service.load(draft_id).script.steps["greeting"]
    assert greeting.text_en == fitting
    assert greeting.title_en == MARKUP


def test_the_preview_walks_with_its_own_number_keys(qtbot: QtBot, desk: Desk) -> None:
    add_script(desk.workspace, desk.center.outbound_id, desk.clock.now(), published=False)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    preview = editor.preview
    assert "王小明" in preview.text.toPlainText()
    assert "dev 名字" in preview.text.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_5, CTRL)
    qtbot.keyClick(preview.text, Qt.Key.Key_1)
    assert preview.walk is not None and preview.walk.current.id == "identity"
    assert editor.form.current_step == "greeting"  # the form stays where it was


# ---------------------------------------------------------------------- the funnel

def record_call(desk: Desk, script_id: uuid.UUID, code: str,
                path: list[tuple[str, int]], minutes: int) -> None:
    started = desk.clock.now() - timedelta(minutes=minutes)
    record_finished_call(desk.workspace.database, FinishedCall(
        direction=CallDirection.OUTBOUND, agent_id=desk.developer.id,
        campaign_id=desk.center.outbound_id, e164="", started_at=started,
        answered_at=started + timedelta(seconds=5), ended_at=started + timedelta(minutes=2),
        end_reason="agent_hangup", disposition_code_id=desk.center.codes[f"outbound:{code}"],
        script_id=script_id,
        script_path=tuple({"step": step, "answer": answer} for step, answer in path)),
        now=desk.clock.now())


def test_the_funnel_shows_how_far_the_calls_of_a_version_got(
    qtbot: QtBot, desk: Desk
) -> None:
    script_id = add_script(desk.workspace, desk.center.outbound_id, desk.clock.now())
    record_call(desk, script_id, "SALE", [("greeting", 0), ("identity", 0), ("offer", 0),
                                          ("order_readback", 0), ("close_sale", 0)], 30)
    record_call(desk, script_id, "NOT_INTERESTED",
                [("greeting", 0), ("identity", 0), ("offer", 2)], 20)
    record_call(desk, script_id, "NO_ANSWER", [("greeting", 2)], 10)
    editor = open_editor(qtbot, desk)
    open_version(qtbot, desk, editor, 1)
    funnel = editor.funnel
    bar = editor.tabs.tabBar()
    with qtbot.waitSignal(funnel.loaded, timeout=5000):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert funnel.summary.text() == "3 calls followed this version: 1 sale, 33.3 % conversion."
    steps = funnel.steps_model
    assert [steps.index(0, c).data() for c in range(5)] == ["Greeting", "3", "1", "33.3 %",
                                                            "100.0 %"]
    assert [steps.index(2, c).data() for c in range(4)] == ["Offer", "2", "1", "50.0 %"]
    losses = funnel.losses_model
    assert [[losses.index(r, c).data() for c in range(5)] for r in range(2)] == [
        ["Greeting", "Hung up", "1", "1", "100.0 %"],
        ["Offer", "Not interested", "1", "1", "100.0 %"]]
