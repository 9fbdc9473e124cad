"""The call script during a call, on the keyboard: number keys, required steps, actions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from agentdesk.domain.customers import Customer
from agentdesk.domain.people import User
from agentdesk.domain.telephony import CallState
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.work import callbacks, calls, dispositions
from agentdesk.telephony.simulated import Outcome, SimulatedPhone
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import add_customer, add_user
from tests.helpers.phones import use_simulated_phones
from tests.helpers.scripts import add_article, add_script

INBOUND_SCRIPT = {
    "start": "greeting", "objections": [],
    "steps": {
        "greeting": {"title": "问候", "title_en": "Greeting", "text": "您好，{customer.name}",
                     "answers": [{"label": "咨询", "label_en": "Enquiry", "next": "close"}]},
        "close": {"title": "结束", "title_en": "Close", "text": "再见", "answers": [
            {"label": "结束", "label_en": "End", "action": "disposition:INQUIRY"}]},
    },
}


@dataclass
class Desk:
    window: MainWindow
    workspace: Workspace
    user: User
    center: CallCenter
    customers: list[Customer]
    phones: list[SimulatedPhone]
    script_id: Any

    def rows(self, table: sa.Table, *where: Any) -> list[Any]:
        with self.workspace.database.read() as conn:
            return list(conn.execute(sa.select(table).where(*where)))


@pytest.fixture
def desk(qtbot: QtBot, workspace: Workspace, clock: FixedClock, runner: TaskRunner,
         tmp_path: Path) -> Iterator[Desk]:
    user = add_user(workspace)
    people = [add_customer(workspace, user, name=name, phones=[phone])
              for name, phone in (("王小明", "13800138000"), ("李娜", "13900139001"))]
    center = add_call_center(workspace, clock.now(), people)
    add_article(workspace, clock.now())
    script_id = add_script(workspace, center.outbound_id, clock.now())
    window = MainWindow(runner, tmp_path / "ui-state.ini", clock=clock)
    phones = use_simulated_phones(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.calls.controller.campaigns_changed, timeout=5000):
        window.set_session(workspace, user)
    window.show()
    qtbot.waitExposed(window)
    yield Desk(window, workspace, user, center, people, phones, script_id)
    window.set_session(None, None)


def key(qtbot: QtBot, desk: Desk, code: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or desk.window, code, modifier)


def text_of(desk: Desk, name: str) -> str:
    label = desk.window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def back_to_script(qtbot: QtBot, desk: Desk) -> None:
    """Ctrl+G, as the agent does after a popup or another panel took the keys."""
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window, timeout=2000)
    key(qtbot, desk, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)


def close_order_form(qtbot: QtBot, desk: Desk) -> None:
    """The script's order step opened the order form: close it (Esc) and go back (Ctrl+G)."""
    orders = desk.window.orders
    qtbot.waitUntil(lambda: orders.dialog is not None, timeout=3000)
    assert orders.dialog is not None
    orders.dialog.reject()
    qtbot.waitUntil(lambda: orders.dialog is None, timeout=3000)
    back_to_script(qtbot, desk)


def answered_call_with_script(qtbot: QtBot, desk: Desk) -> None:
    """Ready, next contact, dial; the customer answers and the script is on screen."""
    window = desk.window
    controller = window.calls.controller
    key(qtbot, desk, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignals([controller.preview_ready, window.customers.record_loaded],
                           timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F2)
    desk.phones[-1].queue_outcome(Outcome.ANSWER)
    with qtbot.waitSignal(window.scripts.script_shown, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: controller.call is not None
                    and controller.call.state is CallState.CONNECTED, timeout=5000)
    panel = window.scripts.panel
    qtbot.waitUntil(lambda: "王小明" in panel.text.toPlainText(), timeout=5000)


def test_a_sale_walked_by_number_keys_through_the_required_steps(
        qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    panel = window.scripts.panel
    controller = window.calls.controller
    assert "starts with the call" in text_of(desk, "scriptNote") + panel.text.toPlainText() \
        or panel.walk is None
    answered_call_with_script(qtbot, desk)

    # The greeting is rendered with the customer's and the agent's names.
    assert text_of(desk, "scriptStepTitle") == "Greeting"
    text = panel.text.toPlainText()
    assert "王小明" in text and "中国示例通信" in text and "{" not in text
    first = window.findChild(QPushButton, "scriptAnswer_1")
    assert first is not None
    assert first.text().startswith("1  Speaking")

    key(qtbot, desk, Qt.Key.Key_1)  # Speaking -> identity (required)
    assert panel.walk is not None
    assert panel.walk.current.id == "identity"
    assert window.findChild(QLabel, "scriptRequired").isVisible()
    key(qtbot, desk, Qt.Key.Key_1)  # Verified -> offer
    assert "✓" in text_of(desk, "scriptBreadcrumb")

    # Wants it: the order form is asked for, and the script goes on to the read-back.
    with qtbot.waitSignal(window.scripts.order_requested, timeout=2000) as order:
        key(qtbot, desk, Qt.Key.Key_1)
    assert order.args[0] is controller.call
    assert panel.walk.current.id == "order_readback"
    close_order_form(qtbot, desk)  # this test takes no order (tests/gui/test_order_form.py)
    assert "[order.items?]" in panel.text.toPlainText()  # no order yet: a visible marker
    key(qtbot, desk, Qt.Key.Key_1)  # Confirms -> close
    key(qtbot, desk, Qt.Key.Key_1)  # End call: Sale chosen for wrap-up
    assert "Sale" in text_of(desk, "scriptNote")

    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    sale_button = window.findChild(QPushButton, "disposition_SALE")
    assert sale_button.isChecked()
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    (call,) = desk.rows(calls)
    assert call.script_id == desk.script_id
    path = json.loads(call.script_path)
    assert [entry["step"] for entry in path] == [
        "greeting", "identity", "offer", "order_readback", "close_sale"]
    assert all(entry.get("answer") == 0 for entry in path)
    (disposition,) = desk.rows(dispositions)
    assert disposition.disposition_code_id == desk.center.codes["outbound:SALE"]
    assert panel.walk is None  # cleared for the next call


def test_a_sale_is_refused_until_the_required_steps_are_passed(
        qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    panel, wrap_up = window.scripts.panel, window.calls.panel.wrap_up
    controller = window.calls.controller
    answered_call_with_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_1)  # Speaking -> identity, not answered
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    key(qtbot, desk, Qt.Key.Key_F4)  # the fourth code: Sale
    qtbot.waitUntil(lambda: wrap_up.error.isVisible(), timeout=5000)
    message = wrap_up.error.text()
    assert "Identity check" in message and "Order read-back" in message
    assert desk.rows(calls) == []  # nothing stored, nothing lost: notes and choice kept
    assert controller.wrapping is not None

    # In wrap-up the agent goes through the steps (Ctrl+G gives the keys back).
    key(qtbot, desk, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, desk, Qt.Key.Key_1)  # verified
    key(qtbot, desk, Qt.Key.Key_1)  # wants it: the order form opens
    close_order_form(qtbot, desk)
    for _ in range(2):  # confirms, end call
        key(qtbot, desk, Qt.Key.Key_1)
    assert panel.walk is not None
    assert panel.walk.current.id == "close_sale"
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (call,) = desk.rows(calls)
    assert "order_readback" in call.script_path


def test_a_callback_booked_from_a_step_and_an_objection_with_back(
        qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    panel, wrap_up = window.scripts.panel, window.calls.panel.wrap_up
    controller = window.calls.controller
    answered_call_with_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_1)  # Speaking
    key(qtbot, desk, Qt.Key.Key_1)  # Verified -> offer

    # 0 opens the objections; the article answer opens the knowledge base and returns.
    key(qtbot, desk, Qt.Key.Key_0)
    qtbot.waitUntil(lambda: panel.objection_menu.isVisible(), timeout=2000)
    qtbot.keyClick(panel.objection_menu, Qt.Key.Key_1)
    assert panel.walk is not None
    assert panel.walk.current.id == "obj_price"
    back_to_script(qtbot, desk)
    with qtbot.waitSignal(window.knowledge.panel.article_shown, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_2)
    assert panel.walk.current.id == "offer"
    back_to_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_Backspace)  # undo the article answer: back in the objection
    assert panel.walk.current.id == "obj_price"
    key(qtbot, desk, Qt.Key.Key_Backspace)  # and the objection itself
    assert panel.walk.current.id == "offer"

    # Will think -> callback step; "Time agreed" asks for the time during the call.
    key(qtbot, desk, Qt.Key.Key_2)
    assert panel.walk.current.id == "callback"
    key(qtbot, desk, Qt.Key.Key_1)
    assert wrap_up.callback_box.isVisible()
    assert wrap_up.callback_when.hasFocus()
    assert panel.walk.current.id == "close_callback"
    due = wrap_up.planned_callback_time()
    qtbot.waitUntil(lambda: due in panel.text.toPlainText(), timeout=2000)
    back_to_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_1)  # End call: Callback chosen
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    assert window.findChild(QPushButton, "disposition_CALLBACK").isChecked()
    assert wrap_up.planned_callback_time() == due  # the time picked during the call stays
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (booked,) = desk.rows(callbacks)
    assert booked.status == "pending"
    (call,) = desk.rows(calls)
    steps = [entry["step"] for entry in json.loads(call.script_path)]
    assert steps == ["greeting", "identity", "offer", "callback", "close_callback"]


def test_a_version_published_during_the_call_does_not_change_it(
        qtbot: QtBot, desk: Desk, clock: FixedClock) -> None:
    window = desk.window
    answered_call_with_script(qtbot, desk)
    newer = add_script(desk.workspace, desk.center.outbound_id, clock.now(), number=2)
    key(qtbot, desk, Qt.Key.Key_1)
    controller = window.calls.controller
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F3)  # Not interested
    (call,) = desk.rows(calls)
    assert call.script_id == desk.script_id != newer


def test_a_callback_time_agreed_on_the_call_is_the_one_booked(
        qtbot: QtBot, desk: Desk) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDate, QDateTime, QTime

    window = desk.window
    panel, wrap_up = window.scripts.panel, window.calls.panel.wrap_up
    controller = window.calls.controller
    answered_call_with_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_2)  # Not a good time -> callback step
    key(qtbot, desk, Qt.Key.Key_1)  # Time agreed: the picker opens
    assert wrap_up.callback_when.hasFocus()
    # The customer asks for tomorrow afternoon; the agent types it into the picker.
    wrap_up.callback_when.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(16, 45)))
    qtbot.waitUntil(lambda: "2026-11-24 16:45" in panel.text.toPlainText(), timeout=2000)
    back_to_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_1)  # End call: Callback
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    key(qtbot, desk, Qt.Key.Key_F5)  # the Callback key again: the agreed time stays
    assert wrap_up.planned_callback_time() == "2026-11-24 16:45"
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (booked,) = desk.rows(callbacks)
    assert booked.due_at == datetime(2026, 11, 24, 16, 45, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_going_back_takes_the_scripts_disposition_with_it(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    panel = window.scripts.panel
    controller = window.calls.controller
    answered_call_with_script(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_1)  # Speaking
    key(qtbot, desk, Qt.Key.Key_2)  # Not verified: Not interested chosen
    assert "Not interested" in text_of(desk, "scriptNote")
    call = controller.call
    assert call is not None
    assert call.script_disposition is not None
    key(qtbot, desk, Qt.Key.Key_Backspace)
    assert call.script_disposition is None
    assert not window.findChild(QLabel, "scriptNote").isVisible()
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    assert not any(b.isChecked() for b in window.calls.panel.wrap_up._buttons)
    assert panel.walk is not None


def test_the_keys_stay_with_the_text_field_while_a_call_rings(
        qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    panel = window.scripts.panel
    controller = window.calls.controller
    inbound = add_script(desk.workspace, desk.center.inbound_id, desk.workspace.clock.now(),
                         direction="inbound", body=INBOUND_SCRIPT, name="热线")
    key(qtbot, desk, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    search = window.customers.search.field
    search.setFocus()
    with qtbot.waitSignal(window.scripts.script_shown, timeout=5000):
        controller.ring_in("+8613900139001")
    assert controller.call is not None
    assert controller.call.state is CallState.RINGING
    qtbot.keyClicks(search, "139")  # the agent goes on typing: the digits are the field's
    assert search.text().endswith("139")
    assert panel.walk is not None
    assert panel.walk.path == []
    key(qtbot, desk, Qt.Key.Key_F3)  # answer: now the keys are the script's
    qtbot.waitUntil(lambda: controller.call is not None and controller.call.answered,
                    timeout=5000)
    key(qtbot, desk, Qt.Key.Key_1)
    assert [e.step for e in panel.walk.path] == ["greeting"]
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F1)  # Enquiry
    (call,) = desk.rows(calls)
    assert call.script_id == inbound
