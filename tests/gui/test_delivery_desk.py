"""The delivery desk, driven by keys: loads, sheets, exports, hand-over, results by hand, files."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from agentdesk.domain.orders import OrderStatus
from agentdesk.domain.people import User
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.orders import delivery_rounds
from agentdesk.store.schema.work import callbacks
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.models.dispatch import FULL_COLOUR, OVER_COLOUR, PAST_COLOUR
from agentdesk.ui.orders.desk import DeliveryDesk
from agentdesk.ui.orders.desk_import import ImportSummaryDialog
from agentdesk.ui.orders.desk_results import ResultDialog
from agentdesk.ui.tasks import TaskRunner
from tests.helpers.dispatch import Deliveries, add_orders, write_results
from tests.helpers.keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def orders(workspace: Workspace) -> Deliveries:
    """Two home deliveries and a hall pick-up taken at 14:30: the 17:30 round of today."""
    return add_orders(workspace, 2, pickups=1)


def open_desk(qtbot: QtBot, workspace: Workspace, user: User, runner: TaskRunner,
              clock: FixedClock) -> DeliveryDesk:
    desk = DeliveryDesk(workspace.dispatch_for(user), runner, lambda: "en", clock=clock)
    qtbot.addWidget(desk)
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        desk.show()
    qtbot.waitExposed(desk)
    activate(qtbot, desk)
    return desk


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Activate a window (a window manager's part; the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def desk(qtbot: QtBot, workspace: Workspace, orders: Deliveries, runner: TaskRunner,
         clock: FixedClock) -> DeliveryDesk:
    return open_desk(qtbot, workspace, orders.supervisor, runner, clock)


def shown_orders(desk: DeliveryDesk) -> list[str]:
    return [line.order_no for line in desk.lines()]


def column_texts(desk: DeliveryDesk, column: int) -> list[str]:
    model = desk.lines_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def choose_first_order(qtbot: QtBot, desk: DeliveryDesk) -> None:
    qtbot.keyClick(desk, Qt.Key.Key_2, CTRL)
    assert desk.lines_view.hasFocus()
    qtbot.keyClick(desk.lines_view, Qt.Key.Key_Home, CTRL)
    assert desk.current_line() is not None


def result_dialog(qtbot: QtBot, desk: DeliveryDesk) -> ResultDialog:
    qtbot.waitUntil(lambda: desk.sheet_actions.result_dialog is not None
                    and desk.sheet_actions.result_dialog.isVisible())
    dialog = desk.sheet_actions.result_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    return dialog


def test_the_desk_shows_the_next_handover_with_its_load_and_sheet(
        desk: DeliveryDesk, orders: Deliveries) -> None:
    load = desk.current_load()
    assert load is not None
    assert f"{load.slot.handover:%Y-%m-%d %H:%M}" == "2026-11-23 17:30"  # NOW is 14:30 there
    row = desk.loads_view.currentIndex().row()
    cells = [desk.loads_model.index(row, column).data() for column in range(4)]
    assert cells == ["17:30 round", "Mon 11-23 17:30", "Tue 11-24", "3 / 120"]
    assert desk.loads_model.rowCount() > 6  # past days and the coming handovers
    assert shown_orders(desk) == [o.order_no for o in orders.orders[:2]]  # the team's sheet
    assert "17:30 round (next-day delivery)" in desk.heading.text()
    cash = orders.orders[0].total + orders.orders[1].total
    assert desk.summary.text().endswith(f"cash to collect ¥{cash:,.2f}")
    halls = desk.halls_model
    assert [halls.index(r, 0).data() for r in range(halls.rowCount())] == [
        "Chaoyangmen hall", "Guomao VIP room"]
    assert [halls.index(r, 1).data() for r in range(halls.rowCount())] == ["1", "0"]
    assert halls.index(0, 2).data() == "No limit"
    assert "Tue 11-24" in desk.halls_caption.text()


def test_choosing_a_handover_and_a_recipient_by_keys(
        qtbot: QtBot, desk: DeliveryDesk, orders: Deliveries) -> None:
    qtbot.keyClick(desk, Qt.Key.Key_1, CTRL)
    assert desk.loads_view.hasFocus()
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        qtbot.keyClick(desk.loads_view, Qt.Key.Key_Up)  # the 11:30 round before it: empty
    assert shown_orders(desk) == []
    assert not desk.csv_button.isEnabled() and not desk.hand_over_button.isEnabled()
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        qtbot.keyClick(desk.loads_view, Qt.Key.Key_Down)
    assert len(shown_orders(desk)) == 2

    qtbot.keyClick(desk, Qt.Key.Key_F, ALT)
    assert desk.sheet_for.hasFocus()
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        qtbot.keyClick(desk.sheet_for, Qt.Key.Key_Down)  # the first hall
    assert desk.sheet_for.currentText() == "Chaoyangmen hall"
    assert shown_orders(desk) == [orders.orders[2].order_no]
    assert column_texts(desk, 4) == ["Pick-up at the hall"]
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        qtbot.keyClick(desk.sheet_for, Qt.Key.Key_End)  # the whole round
    assert desk.sheet_for.currentText() == "Whole round"
    assert len(shown_orders(desk)) == 3


def test_full_and_overbooked_rounds_are_coloured(
        qtbot: QtBot, desk: DeliveryDesk, workspace: Workspace) -> None:
    def colour() -> object:
        index = desk.loads_view.currentIndex()
        brush = desk.loads_model.index(index.row(), 0).data(Qt.ItemDataRole.ForegroundRole)
        return None if brush is None else brush.color()

    assert colour() is None
    past = desk.loads_model.index(desk.loads_view.currentIndex().row() - 1, 0)
    assert past.data(Qt.ItemDataRole.ForegroundRole).color() == PAST_COLOUR  # 11:30 today
    for capacity, expected in ((3, FULL_COLOUR), (2, OVER_COLOUR)):
        with workspace.database.write() as conn:
            conn.execute(sa.update(delivery_rounds).values(capacity=capacity))
        with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
            qtbot.keyClick(desk, Qt.Key.Key_F5)
        assert colour() == expected


def test_export_csv_writes_the_sheet(
        qtbot: QtBot, desk: DeliveryDesk, orders: Deliveries, tmp_path: Path) -> None:
    asked: list[str] = []

    def save_path(_title: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / Path(suggested).name

    desk.choose_save_path = save_path
    with qtbot.waitSignal(desk.exported, timeout=5000) as written:
        qtbot.keyClick(desk, Qt.Key.Key_E, CTRL)

    assert Path(asked[0]).name == "dispatch-2026-11-23-1730-home.csv"
    text = Path(written.args[0]).read_text(encoding="utf-8-sig")
    assert text.startswith("No.,Order no.")  # the sheet is in the desk's language
    assert orders.orders[0].order_no in text and orders.orders[1].order_no in text
    assert "dispatch-2026-11-23-1730-home.csv" in desk.statusBar().currentMessage()


def test_export_pdf_writes_a_sheet_that_reads_back(
        qtbot: QtBot, desk: DeliveryDesk, orders: Deliveries, tmp_path: Path) -> None:
    desk.choose_save_path = lambda _title, _suggested, _filter: tmp_path / "sheet"
    with qtbot.waitSignal(desk.exported, timeout=20000) as written:
        qtbot.keyClick(desk, Qt.Key.Key_P, CTRL)

    assert written.args[0] == tmp_path / "sheet.pdf"  # the extension is added
    document = pdfium.PdfDocument(str(tmp_path / "sheet.pdf"))
    try:
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    assert orders.orders[0].order_no in "".join(text.split())  # a narrow cell may wrap it


def test_a_cancelled_file_dialog_writes_nothing(
        qtbot: QtBot, desk: DeliveryDesk) -> None:
    desk.choose_save_path = lambda *_args: None
    with qtbot.assertNotEmitted(desk.exported, wait=200):
        qtbot.keyClick(desk, Qt.Key.Key_E, CTRL)
    assert desk.csv_button.isEnabled()


def test_mark_handed_over_asks_then_dispatches_the_sheet(
        qtbot: QtBot, desk: DeliveryDesk) -> None:
    qtbot.keyClick(desk, Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in desk.findChildren(QMessageBox,
                                                                          "handOverBox")))
    box = next(b for b in desk.findChildren(QMessageBox, "handOverBox") if b.isVisible())
    assert "Hand 2 order" in box.text() and "the delivery team" in box.text()
    confirm = next(b for b in box.findChildren(QPushButton) if b.text() == "&Hand over")

    with qtbot.waitSignal(desk.handed_over, timeout=5000) as handed:
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert handed.args == [2]
    qtbot.waitUntil(lambda: column_texts(desk, 1) == ["Dispatched", "Dispatched"])
    assert not desk.hand_over_button.isEnabled()  # nothing left to hand over


def test_a_failed_delivery_books_a_callback_for_the_agent(
        qtbot: QtBot, desk: DeliveryDesk, orders: Deliveries, workspace: Workspace) -> None:
    choose_first_order(qtbot, desk)
    qtbot.keyClick(desk, Qt.Key.Key_R, CTRL)
    dialog = result_dialog(qtbot, desk)
    assert dialog.collected.text() == f"{orders.orders[0].total:.2f}"  # cash on delivery

    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.chosen.value == "failed"
    assert not dialog.collected.isEnabled() and not dialog.new_date.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    assert dialog.reason.hasFocus()
    type_text(qtbot, dialog.reason, "客户不在家")
    with qtbot.waitSignal(desk.result_saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert saved.args[0].callback_id is not None
    qtbot.waitUntil(lambda: column_texts(desk, 1)[0] == "Delivery failed")
    message = desk.statusBar().currentMessage()
    assert orders.orders[0].order_no in message
    assert "A callback was booked for agent01 名字" in message
    with workspace.database.read() as conn:
        agents = conn.execute(sa.select(callbacks.c.agent_id)).scalars().all()
    assert agents == [orders.agent.id]


def test_a_refused_result_without_a_reason_keeps_what_was_typed(
        qtbot: QtBot, desk: DeliveryDesk) -> None:
    choose_first_order(qtbot, desk)
    qtbot.keyClick(desk.lines_view, Qt.Key.Key_Return)  # Enter on an order enters its result
    dialog = result_dialog(qtbot, desk)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.keyClick(dialog, Qt.Key.Key_B, ALT)
    type_text(qtbot, dialog.reporter, "王建国")

    with qtbot.waitSignal(dialog.refused, timeout=5000):
        qtbot.keyClick(dialog.reporter, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.problems["reason"].isVisible()
    assert dialog.problems["reason"].text() == "A reason is required for this result."
    assert dialog.reporter.text() == "王建国" and dialog.chosen.value == "refused"
    assert dialog.reason.hasFocus()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Down)  # a usual reason
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: column_texts(desk, 1)[0] == "Refused")
    assert "No callback was needed" in desk.statusBar().currentMessage()
    activate(qtbot, desk)
    assert desk.current_line() is not None and not desk.result_button.isEnabled()
    qtbot.keyClick(desk, Qt.Key.Key_R, CTRL)  # a refused order is closed
    assert desk.sheet_actions.result_dialog is None
    assert "is closed (Refused)" in desk.statusBar().currentMessage()


def test_a_wrong_amount_is_shown_beside_its_field(
        qtbot: QtBot, desk: DeliveryDesk) -> None:
    choose_first_order(qtbot, desk)
    qtbot.keyClick(desk, Qt.Key.Key_R, CTRL)
    dialog = result_dialog(qtbot, desk)
    qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)
    dialog.collected.selectAll()
    type_text(qtbot, dialog.collected, "12")

    with qtbot.waitSignal(dialog.refused, timeout=5000):
        qtbot.keyClick(dialog.collected, Qt.Key.Key_Return)
    assert dialog.problems["collected"].text() == ("Cash on delivery: the amount collected must "
                                                   "be the order total.")
    type_text(qtbot, dialog.collected, "x")
    qtbot.keyClick(dialog.collected, Qt.Key.Key_Return)  # not an amount: refused at once
    assert dialog.problems["collected"].text() == "Enter an amount in yuan such as 1299.00."
    assert dialog.collected.text() == "12x"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_importing_results_shows_the_bad_line_and_saves_the_good(
        qtbot: QtBot, desk: DeliveryDesk, orders: Deliveries, tmp_path: Path,
        workspace: Workspace) -> None:
    first, second = orders.orders[0], orders.orders[1]
    path = write_results(tmp_path / "results.csv", f"{first.order_no},已送达,,,,王建国",
                         f"{second.order_no},拒收,,,,王建国")
    desk.choose_open_path = lambda _title, _filter: path
    qtbot.keyClick(desk, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: desk.sheet_actions.import_dialog is not None
                    and desk.sheet_actions.import_dialog.isVisible(), timeout=5000)
    dialog: ImportSummaryDialog | None = desk.sheet_actions.import_dialog
    assert dialog is not None
    activate(qtbot, dialog)

    problems = dialog.problems_model
    assert problems.rowCount() == 1
    assert problems.index(0, 0).data() == "3"
    assert problems.index(0, 1).data() == (f"Order {second.order_no}: A reason is "
                                           "required for this result.")
    assert "Save 1 result" in dialog.save_button.text()
    assert "results.csv" in dialog.summary.text()
    assert [o.status for o in (workspace.orders_for(orders.agent).order(first.order_no),)] == [
        OrderStatus.CONFIRMED]  # the dry run saved nothing

    with qtbot.waitSignal(desk.imported, timeout=5000) as imported:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert [r.order_no for r in imported.args[0].recorded] == [first.order_no]
    qtbot.waitUntil(lambda: column_texts(desk, 1) == ["Delivered", "Confirmed"])
    assert "1 result" in desk.statusBar().currentMessage()


def test_a_file_that_is_not_a_results_file_saves_nothing(
        qtbot: QtBot, desk: DeliveryDesk, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    desk.choose_open_path = lambda _title, _filter: path
    qtbot.keyClick(desk, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: desk.sheet_actions.import_dialog is not None
                    and desk.sheet_actions.import_dialog.isVisible(), timeout=5000)
    dialog = desk.sheet_actions.import_dialog
    assert dialog is not None

    assert not dialog.save_button.isEnabled()
    assert dialog.problems_model.index(0, 0).data() == "1"
    assert dialog.problems_model.index(0, 1).data().startswith("The first row is not a header")
    dialog.reject()


def test_an_agent_sees_the_desk_read_only(
        qtbot: QtBot, workspace: Workspace, orders: Deliveries, runner: TaskRunner,
        clock: FixedClock, tmp_path: Path) -> None:
    desk = open_desk(qtbot, workspace, orders.agent, runner, clock)
    choose_first_order(qtbot, desk)

    for button in (desk.hand_over_button, desk.result_button, desk.import_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Only supervisors (the delivery desk) can do this."
    assert desk.csv_button.isEnabled() and desk.pdf_button.isEnabled()
    desk.choose_open_path = lambda *_args: pytest.fail("the agent was asked for a file")
    for key in (Qt.Key.Key_H, Qt.Key.Key_R, Qt.Key.Key_I):
        qtbot.keyClick(desk, key, CTRL)
    qtbot.keyClick(desk.lines_view, Qt.Key.Key_Return)
    assert not [b for b in desk.findChildren(QMessageBox) if b.isVisible()]
    assert desk.sheet_actions.result_dialog is None
    assert set(column_texts(desk, 1)) == {"Confirmed"}


def test_names_follow_a_language_switch(
        qtbot: QtBot, workspace: Workspace, orders: Deliveries, runner: TaskRunner,
        clock: FixedClock, english: LanguageSwitcher) -> None:
    language = ["en"]
    desk = DeliveryDesk(workspace.dispatch_for(orders.supervisor), runner, lambda: language[0],
                        clock=clock)
    qtbot.addWidget(desk)
    with qtbot.waitSignal(desk.sheet_shown, timeout=5000):
        desk.show()
    row = desk.loads_view.currentIndex().row()
    assert desk.loads_model.index(row, 0).data() == "17:30 round"
    try:
        language[0] = "zh_CN"
        assert english.switch("zh_CN")
        assert desk.loads_model.index(row, 0).data() == "17:30 批次"
        qtbot.waitUntil(lambda: desk.sheet_for.itemText(1) == "朝阳门营业厅", timeout=5000)
        assert desk.heading.text().startswith("17:30 批次（次日送达）")
        assert column_texts(desk, 1) == ["已确认", "已确认"]
    finally:
        language[0] = "en"
        english.switch("en")
    qtbot.waitUntil(lambda: desk.sheet_for.itemText(1) == "Chaoyangmen hall", timeout=5000)
