"""Taking an order on a call with the keyboard only, from the script's order step to the sheet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from agentdesk.domain.customers import Customer
from agentdesk.domain.people import Role, User
from agentdesk.domain.telephony import CallState
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.orders import order_events, order_lines, orders
from agentdesk.store.schema.work import calls
from agentdesk.telephony.simulated import Outcome, SimulatedPhone
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.orders.form import READ_BACK, SAVED, OrderDialog
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import PASSWORD, add_customer, add_user
from tests.helpers.orders import MINOR_ID, RESIDENT_ID, Catalogue, add_catalogue
from tests.helpers.phones import use_simulated_phones
from tests.helpers.scripts import add_script

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Desk:
    window: MainWindow
    workspace: Workspace
    user: User
    center: CallCenter
    catalogue: Catalogue
    customers: list[Customer]
    phones: list[SimulatedPhone]

    def rows(self, table: sa.Table, *where: Any) -> list[Any]:
        with self.workspace.database.read() as conn:
            return list(conn.execute(sa.select(table).where(*where)))


@pytest.fixture
def desk(qtbot: QtBot, workspace: Workspace, clock: FixedClock, runner: TaskRunner,
         tmp_path: Path) -> Iterator[Desk]:
    user = add_user(workspace)
    people = [add_customer(workspace, user, name="王小明", phones=["13800138000"])]
    center = add_call_center(workspace, clock.now(), people)
    add_script(workspace, center.outbound_id, clock.now())
    catalogue = add_catalogue(workspace, clock.now(), campaign_id=center.outbound_id)
    window = MainWindow(runner, tmp_path / "ui-state.ini", clock=clock)
    phones = use_simulated_phones(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.calls.controller.campaigns_changed, timeout=5000):
        window.set_session(workspace, user)
    window.show()
    qtbot.waitExposed(window)
    yield Desk(window, workspace, user, center, catalogue, people, phones)
    window.set_session(None, None)


def press(qtbot: QtBot, code: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, code, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def answered_call_at_the_offer(qtbot: QtBot, desk: Desk) -> None:
    window, controller = desk.window, desk.window.calls.controller
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignals([controller.preview_ready, window.customers.record_loaded],
                           timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F2)
    desk.phones[-1].queue_outcome(Outcome.ANSWER)
    with qtbot.waitSignal(window.scripts.script_shown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: controller.call is not None
                    and controller.call.state is CallState.CONNECTED, timeout=5000)
    panel = window.scripts.panel
    qtbot.waitUntil(lambda: "王小明" in panel.text.toPlainText(), timeout=5000)
    press(qtbot, Qt.Key.Key_1)  # Speaking -> identity
    press(qtbot, Qt.Key.Key_1)  # Verified -> offer
    assert panel.walk is not None and panel.walk.current.id == "offer"


def open_form_from_script(qtbot: QtBot, desk: Desk) -> OrderDialog:
    """Key 1 on the offer ("Wants it"): the script asks for the order form."""
    press(qtbot, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: desk.window.orders.dialog is not None, timeout=3000)
    dialog = desk.window.orders.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.next_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    return dialog


def add_line(qtbot: QtBot, dialog: OrderDialog, search: str) -> None:
    """Type part of a product's name, Enter (to the quantity), Enter (adds the line)."""
    before = len(dialog.lines.model.lines)
    type_text(qtbot, search)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert len(dialog.lines.model.lines) == before + 1


def test_an_order_taken_from_the_script_step_with_keys_only_reaches_the_dispatch_sheet(
        qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    window = desk.window
    answered_call_at_the_offer(qtbot, desk)
    dialog = open_form_from_script(qtbot, desk)
    assert dialog.lines.product.hasFocus() or dialog.lines.product.isAncestorOf(
        QApplication.focusWidget())

    add_line(qtbot, dialog, "169")  # the plan at its offer price
    add_line(qtbot, dialog, "Mate")
    assert "¥6,634.20" in dialog.totals.text()  # 135.20 + 6,499.00
    assert dialog.real_name_box.isVisible()  # the plan is registered in the holder's name
    assert dialog.address.currentText() == "北京市朝阳区建国路88号"  # the customer's address
    assert dialog.contact.text() == "138 0013 8000"
    assert "delivered on 2026-11-24" in dialog.promise_label.text()

    # Alt+I goes to the resident ID (the holder's name is the customer's).
    press(qtbot, Qt.Key.Key_I, ALT)
    type_text(qtbot, RESIDENT_ID)
    assert "110105********" in dialog.id_check.text()

    press(qtbot, Qt.Key.Key_Return, CTRL)  # read-back
    assert dialog.pages.currentIndex() == READ_BACK
    summary = dialog.read_back.text.toPlainText()
    assert "¥6,634.20" in summary and "2026-11-24" in summary and "110105" in summary
    assert desk.rows(orders) == []  # nothing saved before the customer confirmed

    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_Return, CTRL)  # the customer confirmed: save
    order = saved.args[0]
    assert dialog.pages.currentIndex() == SAVED
    assert order.order_no in dialog.findChild(QLabel, "orderSaved").text()
    (row,) = desk.rows(orders)  # shown as saved only after the commit
    assert row.order_no == order.order_no and str(row.total) == "6634.20"
    assert len(desk.rows(order_lines)) == 2
    assert [e.status for e in desk.rows(order_events)] == ["confirmed"]
    press(qtbot, Qt.Key.Key_Return)  # close
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    # Back in the script: the read-back step now says what was ordered.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    panel = window.scripts.panel
    assert panel.walk is not None and panel.walk.current.id == "order_readback"
    qtbot.waitUntil(lambda: "华为 Mate 60 Pro" in panel.text.toPlainText()
                    or "Huawei Mate 60 Pro" in panel.text.toPlainText(), timeout=3000)
    press(qtbot, Qt.Key.Key_1)  # confirms
    press(qtbot, Qt.Key.Key_1)  # end call: Sale
    controller = window.calls.controller
    with qtbot.waitSignal(controller.wrap_up_started, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F4)
    with qtbot.waitSignal(controller.wrap_up_finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    (call,) = desk.rows(calls)
    (row,) = desk.rows(orders)
    assert row.call_id == call.id and row.version == 2  # linked when the call was stored

    # The delivery desk's sheet for the order's round lists it, in CSV and in the PDF.
    supervisor = add_user(desk.workspace, "sup01", Role.SUPERVISOR)
    service = desk.workspace.dispatch_for(supervisor)
    sheet = service.sheet(desk.catalogue.rounds["evening"], row.round_date, None)
    assert [line.order_no for line in sheet.lines] == [order.order_no]
    from agentdesk.services.dispatch_files import write_sheet_csv
    from agentdesk.ui.orders.dispatch_pdf import write_sheet_pdf

    csv_path, pdf_path = tmp_path / "sheet.csv", tmp_path / "sheet.pdf"
    write_sheet_csv(sheet, csv_path, "zh_CN")
    assert order.order_no in csv_path.read_text("utf-8-sig")
    assert write_sheet_pdf(sheet, pdf_path, "zh_CN") >= 1
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    assert order.order_no in "".join(text.split())  # a narrow cell may wrap the number
    bitmap = page.render(scale=1.5)
    from PySide6.QtGui import QImage

    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_BGRA8888 if bitmap.n_channels == 4
                   else QImage.Format.Format_BGR888)
    assert image.save(str(tmp_path / "sheet-page1.png"))
    pdf.close()


def test_bad_details_are_named_and_nothing_typed_is_lost(qtbot: QtBot, desk: Desk) -> None:
    answered_call_at_the_offer(qtbot, desk)
    dialog = open_form_from_script(qtbot, desk)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # nothing ordered yet
    assert "Add at least one product." in dialog.problems.text()
    assert dialog.pages.currentIndex() != READ_BACK

    add_line(qtbot, dialog, "169")
    dialog.address.setEditText("中山路")  # too short to be found, no number
    press(qtbot, Qt.Key.Key_I, ALT)
    type_text(qtbot, MINOR_ID)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    text = dialog.problems.text()
    assert "too short" in text and "under 18" in text
    assert dialog.pages.currentIndex() != READ_BACK
    assert len(dialog.lines.model.lines) == 1 and dialog.resident_id.text() == MINOR_ID
    assert desk.rows(orders) == []


def test_a_discount_beyond_the_agents_authority_needs_a_supervisors_sign_in(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    add_user(desk.workspace, "sup01", Role.SUPERVISOR)
    answered_call_at_the_offer(qtbot, desk)
    dialog = open_form_from_script(qtbot, desk)
    type_text(qtbot, "Mate")
    press(qtbot, Qt.Key.Key_Return)  # to the quantity
    press(qtbot, Qt.Key.Key_Tab)  # options
    press(qtbot, Qt.Key.Key_Tab)  # discount
    type_text(qtbot, "300")  # 4.6 %, but over the agent's ¥50
    press(qtbot, Qt.Key.Key_Return)
    assert len(dialog.lines.model.lines) == 1
    assert "supervisor must approve" in dialog.authority.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert "supervisor must approve" in dialog.problems.text()
    assert dialog.approve_button.isVisible()

    # The supervisor signs in on the agent's screen; a wrong password is refused first.
    press(qtbot, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    approval = dialog.approval_dialog
    assert approval is not None
    qtbot.waitExposed(approval)
    approval.username.setText("sup01")
    approval.password.setText("wrong")
    approval.note.setText("老客户挽留")
    approval.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "Wrong username or password" in approval.problem.text(),
                    timeout=5000)
    assert dialog.approval is None
    approval.password.setText(PASSWORD)
    with qtbot.waitSignal(approval.accepted, timeout=5000):
        approval.buttons.accepted.emit()
    assert dialog.approval is not None
    assert "Approved by a supervisor" in dialog.authority.text()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.pages.currentIndex() == READ_BACK, dialog.problems.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert str(saved.args[0].discount) == "300.00"
    (row,) = desk.rows(orders)
    assert row.approved_by is not None and row.approval_note == "老客户挽留"


def test_the_order_form_without_a_customer_says_what_to_do(qtbot: QtBot, desk: Desk) -> None:
    messages: list[str] = []
    desk.window.orders.message.connect(messages.append)
    qtbot.keyClick(desk.window, Qt.Key.Key_O, CTRL)
    assert desk.window.orders.dialog is None
    assert messages and "customer" in messages[0]



def test_alt_keys_choose_the_delivery_on_the_form_and_the_read_back_is_what_is_saved(
        qtbot: QtBot, desk: Desk) -> None:
    answered_call_at_the_offer(qtbot, desk)
    dialog = open_form_from_script(qtbot, desk)
    add_line(qtbot, dialog, "Mate")
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)  # pick-up: the hall list appears
    assert dialog.pickup.isChecked() and dialog.hall.isVisibleTo(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_H, ALT)  # back to home delivery
    assert dialog.home.isChecked()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.pages.currentIndex() == READ_BACK
    assert "Delivered to: 北京市朝阳区建国路88号" in dialog.read_back.text.toPlainText()
    # On the read-back the form's keys do nothing: what is saved is what was read out.
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)
    assert dialog.home.isChecked()
    dialog.pickup.setChecked(True)  # even a change behind the read-back is not saved
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert saved.args[0].delivery_method.value == "home_delivery"
    assert saved.args[0].address == "北京市朝阳区建国路88号"
