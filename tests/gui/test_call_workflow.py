"""The agent's day on the keyboard: ready, next contact, dial, talk, dispose; inbound calls."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from agentdesk.domain.agent_states import NotReadyReason
from agentdesk.domain.calls import AgentStateKind
from agentdesk.domain.customers import Customer
from agentdesk.domain.people import User
from agentdesk.domain.telephony import CallState
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.contacts import contacts
from agentdesk.store.schema.people import agent_state_events
from agentdesk.store.schema.work import callbacks, calls, dispositions
from agentdesk.telephony.simulated import Outcome, SimulatedPhone
from agentdesk.ui.calls.controller import LiveCall
from agentdesk.ui.customers.editor import CustomerEditor
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import add_customer, add_user
from tests.helpers.keyboard import type_text
from tests.helpers.phones import use_simulated_phones


@dataclass
class Desk:
    window: MainWindow
    workspace: Workspace
    user: User
    center: CallCenter
    customers: list[Customer]
    phones: list[SimulatedPhone]

    @property
    def phone(self) -> SimulatedPhone:
        return self.phones[-1]

    def rows(self, table: sa.Table, *where: Any) -> list[Any]:
        with self.workspace.database.read() as conn:
            return list(conn.execute(sa.select(table).where(*where)))


@pytest.fixture
def desk(qtbot: QtBot, workspace: Workspace, clock: FixedClock, runner: TaskRunner,
         tmp_path: Path) -> Iterator[Desk]:
    user = add_user(workspace)
    people = [add_customer(workspace, user, name=name, phones=[phone])
              for name, phone in (("王小明", "13800138000"), ("李娜", "13900139001"),
                                  ("张伟", "13700137002"))]
    center = add_call_center(workspace, clock.now(), people)
    window = MainWindow(runner, tmp_path / "ui-state.ini", clock=clock)
    phones = use_simulated_phones(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.calls.controller.campaigns_changed, timeout=5000):
        window.set_session(workspace, user)
    window.show()
    qtbot.waitExposed(window)
    yield Desk(window, workspace, user, center, people, phones)
    window.set_session(None, None)


def key(qtbot: QtBot, desk: Desk, code: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or desk.window
    qtbot.keyClick(target, code, modifier)


def wait_line(qtbot: QtBot, desk: Desk, state: CallState) -> None:
    controller = desk.window.calls.controller

    def reached() -> bool:
        call = controller.call
        return call is not None and call.state is state

    qtbot.waitUntil(reached, timeout=5000)


def get_ready(qtbot: QtBot, desk: Desk) -> None:
    key(qtbot, desk, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert desk.window.calls.controller.state.kind is AgentStateKind.READY
    assert desk.window.calls.bar.state_chip.text() == "Ready"


def next_contact(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    with qtbot.waitSignals([window.calls.controller.preview_ready,
                            window.customers.record_loaded], timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F2)


def test_outbound_calls_by_keys_only(qtbot: QtBot, desk: Desk) -> None:
    window, calls_ui = desk.window, desk.window.calls
    controller, bar, panel = calls_ui.controller, calls_ui.bar, calls_ui.panel
    assert bar.state_chip.text() == "Not ready · Just signed in"

    key(qtbot, desk, Qt.Key.Key_F2)  # not ready yet: refused with a message
    assert "Get ready first" in window.statusBar().currentMessage()
    get_ready(qtbot, desk)

    # 1. The best contact pops before dialing: record, preview and number.
    next_contact(qtbot, desk)
    wang = desk.customers[0]
    assert window.customers.record_view.name.text() == "王小明"
    assert panel.customer.text().startswith("王小明")
    assert "Attempt 1 of 3" in panel.details.text()
    assert bar.number.text() == "+8613800138000"
    assert not panel.wrap_up.wrapping

    # 2. F3 dials; the customer answers; consent; notes while talking; F4 hangs up.
    desk.phone.queue_outcome(Outcome.ANSWER)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    assert bar.call_status.text() == "Connected"
    assert "王小明" in bar.caller.text()
    assert controller.state.kind is AgentStateKind.ON_CALL
    assert not window.console_actions.next_contact.isEnabled()
    key(qtbot, desk, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert panel.consent_label.text() == "Recording consent: yes"
    key(qtbot, desk, Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.wrap_up.notes.hasFocus()
    type_text(qtbot, panel.wrap_up.notes, "客户同意升级 169 套餐")
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)

    # 3. Wrap-up: the disposition is required; F4 (the fourth code, SALE) stores it.
    assert controller.state.kind is AgentStateKind.WRAP_UP
    assert bar.state_chip.text() == "Wrap-up"
    assert not window.console_actions.next_contact.isEnabled()
    assert panel.wrap_up.buttons_box.isEnabled()
    assert [b.text() for b in panel.wrap_up._buttons[:4]] == [
        "F1  No answer", "F2  Busy", "F3  Not interested", "F4  Sale"]
    assert "left" in panel.wrap_up.countdown.text()
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    assert controller.state.kind is AgentStateKind.READY
    assert window.console_actions.next_contact.isEnabled()
    assert window.console_actions.shortcuts.shortcut().toString() == "F1"  # F-keys restored

    (call,) = desk.rows(calls)
    assert call.direction == "outbound" and call.e164 == "+8613800138000"
    assert call.customer_id == wang.id and call.contact_id == desk.center.contact_ids[0]
    assert call.answered_at is not None and call.recording_consent is True
    assert call.end_reason == "agent_hangup"
    (disposition,) = desk.rows(dispositions)
    assert disposition.disposition_code_id == desk.center.codes["outbound:SALE"]
    assert disposition.notes == "客户同意升级 169 套餐"
    (contact,) = desk.rows(contacts, contacts.c.id == desk.center.contact_ids[0])
    assert contact.status == "done" and contact.attempts == 1
    qtbot.waitUntil(lambda: [r.state for r in desk.rows(agent_state_events)] == [
        "not_ready", "ready", "on_call", "wrap_up", "ready"], timeout=5000)

    # 4. Next contact; nobody answers; the suggested disposition is stored with Ctrl+Enter.
    next_contact(qtbot, desk)
    assert panel.customer.text().startswith("李娜")
    desk.phone.queue_outcome(Outcome.NO_ANSWER)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F3)
    assert panel.wrap_up._buttons[0].isChecked()  # No answer, suggested
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (retry,) = desk.rows(contacts, contacts.c.id == desk.center.contact_ids[1])
    assert retry.status == "retry" and retry.next_attempt_at is not None

    # 5. Third contact books a callback in the customer's local time (F5 = Callback).
    next_contact(qtbot, desk)
    assert panel.customer.text().startswith("张伟")
    desk.phone.queue_outcome(Outcome.ANSWER)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    key(qtbot, desk, Qt.Key.Key_F5)
    assert panel.wrap_up.callback_box.isVisible()
    assert panel.wrap_up.callback_when.hasFocus()
    assert "Asia/Shanghai" in panel.wrap_up.callback_zone.text()
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (booked,) = desk.rows(callbacks)
    assert booked.scope == "personal" and booked.agent_id == desk.user.id
    assert booked.customer_id == desk.customers[2].id and booked.status == "pending"
    local = booked.due_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert (local.hour, local.minute) == (15, 30)  # 14:30 now: an hour later, on the quarter
    (later,) = desk.rows(contacts, contacts.c.id == desk.center.contact_ids[2])
    assert later.status == "callback" and later.next_attempt_at == booked.due_at
    qtbot.waitUntil(lambda: calls_ui.callbacks.model.rowCount() == 1, timeout=5000)

    # 6. Nothing left to call now: a message, not an error.
    with qtbot.waitSignal(controller.nothing_to_call, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F2)
    assert panel.hint.text().startswith("Nothing to call")
    assert len(desk.rows(calls)) == 3
    assert calls_ui.my_day.figures["calls"].text().startswith("Calls 3")


def ring_in(qtbot: QtBot, desk: Desk, number: str) -> None:
    key(qtbot, desk, Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.window.findChild(QInputDialog, "ringInDialog")
    assert isinstance(dialog, QInputDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = QApplication.focusWidget()
    assert isinstance(field, QWidget)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, field, number)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_line(qtbot, desk, CallState.RINGING)
    desk.window.activateWindow()  # a window manager does this when the dialog closes
    qtbot.waitUntil(desk.window.isActiveWindow)


def test_inbound_calls_pop_the_caller_or_a_prefilled_new_customer_form(
    qtbot: QtBot, desk: Desk
) -> None:
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)

    # A known caller, typed the way a phone may deliver it: the record pops while ringing.
    with qtbot.waitSignal(window.customers.record_loaded, timeout=5000):
        ring_in(qtbot, desk, "0086 139-0013-9001")
    assert window.customers.record_view.name.text() == "李娜"
    assert window.calls.bar.call_status.text() == "Incoming call"
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F1)  # Enquiry, the inbound campaign's first code
    (call,) = desk.rows(calls)
    assert call.direction == "inbound" and call.e164 == "+8613900139001"
    assert call.customer_id == desk.customers[1].id and call.campaign_id == desk.center.inbound_id
    (disposition,) = desk.rows(dispositions)
    assert disposition.disposition_code_id == desk.center.codes["inbound:INQUIRY"]

    # An unknown caller: answering opens the new-customer form with the number filled in.
    assert controller.state.kind is AgentStateKind.READY
    ring_in(qtbot, desk, "13612345678")
    key(qtbot, desk, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.findChild(CustomerEditor, "customerEditor") is not None,
                    timeout=5000)
    editor = window.findChild(CustomerEditor, "customerEditor")
    assert isinstance(editor, CustomerEditor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.draft().phones[0].text.replace(" ", "").endswith("13612345678")
    type_text(qtbot, editor.name, "赵六")
    with qtbot.waitSignal(window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    live = controller.call
    assert isinstance(live, LiveCall) and live.customer_name == "赵六"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F2)  # Sale
    new_call = desk.rows(calls, calls.c.e164 == "+8613612345678")[0]
    assert new_call.customer_id == live.customer_id and new_call.customer_id is not None


def test_going_not_ready_needs_a_reason_and_waits_for_the_call_to_end(
    qtbot: QtBot, desk: Desk
) -> None:
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)
    next_contact(qtbot, desk)
    desk.phone.queue_outcome(Outcome.ANSWER)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    key(qtbot, desk, Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(QWidget, "pauseDialog")
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_2)  # Lunch
    assert controller.state.kind is AgentStateKind.ON_CALL
    assert window.calls.bar.state_chip.text() == "On call → Lunch"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F3)  # Not interested
    assert controller.state.kind is AgentStateKind.NOT_READY
    assert window.calls.bar.state_chip.text() == "Not ready · Lunch"
    assert window.console_actions.ready.isEnabled()
    qtbot.waitUntil(lambda: [(r.state, r.reason) for r in desk.rows(agent_state_events)][-1]
                    == ("not_ready", "lunch"), timeout=5000)


def test_hold_mute_tones_and_transfer_from_the_keyboard(qtbot: QtBot, desk: Desk) -> None:
    window, controller, bar = desk.window, desk.window.calls.controller, desk.window.calls.bar
    get_ready(qtbot, desk)
    next_contact(qtbot, desk)
    desk.phone.queue_outcome(Outcome.ANSWER)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)

    key(qtbot, desk, Qt.Key.Key_F6)
    wait_line(qtbot, desk, CallState.HELD)
    assert bar.call_status.text() == "On hold"
    assert window.console_actions.hold.isChecked()
    key(qtbot, desk, Qt.Key.Key_F6)
    wait_line(qtbot, desk, CallState.CONNECTED)
    key(qtbot, desk, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bar.call_status.text() == "Connected · Muted", timeout=5000)
    key(qtbot, desk, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bar.call_status.text() == "Connected", timeout=5000)

    # Digits typed in the number field during the call go down the line as tones.
    sent: list[str] = []
    window.calls.controller.bridge.digits_sent.connect(lambda _id, digits: sent.append(digits))
    key(qtbot, desk, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert bar.number.hasFocus()
    qtbot.keyClick(bar.number, Qt.Key.Key_End)
    qtbot.keyClicks(bar.number, "1#")
    qtbot.waitUntil(lambda: sent == ["1", "#"], timeout=5000)

    # F8 asks where to; the call ends for the agent as transferred and needs a disposition.
    key(qtbot, desk, Qt.Key.Key_F8)
    dialog = window.findChild(QInputDialog, "transferDialog")
    assert isinstance(dialog, QInputDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = QApplication.focusWidget()
    assert isinstance(field, QWidget)
    type_text(qtbot, field, "010 6552 9988")
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000) as started:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    snapshot = started.args[0].snapshot
    assert snapshot.end_reason == "transferred" and snapshot.transferred_to == "+861065529988"


def test_a_number_on_the_dnc_list_is_not_dialled(qtbot: QtBot, desk: Desk, clock: FixedClock
                                                  ) -> None:
    from agentdesk.store.schema.contacts import dnc_entries

    with desk.workspace.database.write() as conn:
        conn.execute(dnc_entries.insert(), {
            "id": uuid.uuid4(), "site": "default", "version": 1,
            "updated_at": clock.now(), "deleted_at": None, "e164": "+8613512345678",
            "reason": "客户要求", "source": "call", "expires_at": None})
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)
    key(qtbot, desk, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.calls.bar.number, "135 1234 5678")
    qtbot.keyClick(window.calls.bar.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "do-not-call" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert controller.call is None and desk.phone.call is None
    assert controller.state.kind is AgentStateKind.READY
    assert desk.rows(calls) == []


def test_an_unanswered_inbound_call_is_reported_as_missed(qtbot: QtBot, desk: Desk) -> None:
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)
    ring_in(qtbot, desk, "13800138000")
    qtbot.waitUntil(lambda: controller.call is None, timeout=45_000)
    assert "Missed call from 138 0013 8000" in window.statusBar().currentMessage()
    assert controller.state.kind is AgentStateKind.READY and controller.wrapping is None
    assert desk.rows(calls) == []


def test_no_sign_out_or_quit_before_the_disposition(qtbot: QtBot, desk: Desk) -> None:
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)
    next_contact(qtbot, desk)
    desk.phone.queue_outcome(Outcome.ANSWER)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    window.console_actions.sign_out.trigger()
    assert window.user is not None and controller.wrapping is not None
    assert window.statusBar().currentMessage().startswith("Finish the call")
    assert not window.close()  # Ctrl+Q waits for the disposition too
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F3)
    assert len(desk.rows(calls)) == 1


def test_a_pause_chosen_while_a_call_rings_in_starts_after_that_call(
    qtbot: QtBot, desk: Desk
) -> None:
    window, controller = desk.window, desk.window.calls.controller
    get_ready(qtbot, desk)
    ring_in(qtbot, desk, "13800138000")
    controller.pause(NotReadyReason.TRAINING)
    key(qtbot, desk, Qt.Key.Key_F3)
    wait_line(qtbot, desk, CallState.CONNECTED)
    assert window.calls.bar.state_chip.text() == "On call → Training"
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        key(qtbot, desk, Qt.Key.Key_F1)
    assert (controller.state.kind, controller.state.reason) == (AgentStateKind.NOT_READY,
                                                                "training")


def test_the_new_customer_form_opens_once_per_unknown_caller(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    get_ready(qtbot, desk)
    ring_in(qtbot, desk, "13612345678")
    key(qtbot, desk, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: len(window.findChildren(CustomerEditor)) == 1, timeout=5000)
    for _ in range(2):  # hold and resume, mute and unmute: each reports "connected" again
        desk.phone.hold(True)
        desk.phone.hold(False)
        desk.phone.mute(True)
        desk.phone.mute(False)
    qtbot.wait(50)
    assert len(window.findChildren(CustomerEditor)) == 1


def test_the_preview_survives_a_missed_inbound_call(qtbot: QtBot, desk: Desk) -> None:
    controller, panel = desk.window.calls.controller, desk.window.calls.panel
    get_ready(qtbot, desk)
    next_contact(qtbot, desk)
    ring_in(qtbot, desk, "13900139001")
    key(qtbot, desk, Qt.Key.Key_F4)  # rejected
    qtbot.waitUntil(lambda: controller.call is None, timeout=5000)
    assert controller.preview is not None and panel.customer.text().startswith("王小明")
    desk.phone.queue_outcome(Outcome.NO_ANSWER)
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000) as started:
        key(qtbot, desk, Qt.Key.Key_F3)
    assert started.args[0].preview.contact_id == desk.center.contact_ids[0]
