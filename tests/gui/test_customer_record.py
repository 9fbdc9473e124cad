from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from agentdesk.store.schema.contacts import customers
from agentdesk.store.schema.local import outbox
from agentdesk.ui.customers.editor import CustomerEditor
from tests.gui.conftest import Console
from tests.helpers.factories import count
from tests.helpers.keyboard import type_text


def search(qtbot: QtBot, console: Console, text: str) -> None:
    qtbot.keyClick(console.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = console.window.customers.search.field
    assert field.hasFocus()
    type_text(qtbot, field, text)
    with qtbot.waitSignal(console.window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def editor(qtbot: QtBot, console: Console) -> CustomerEditor:
    found = console.window.findChild(CustomerEditor, "customerEditor")
    assert isinstance(found, CustomerEditor)
    found.activateWindow()  # a window manager does this; the offscreen platform does not
    qtbot.waitUntil(found.isActiveWindow)
    return found


def test_find_a_customer_by_a_typed_number_and_see_the_record(
    qtbot: QtBot, console: Console
) -> None:
    view = console.window.customers.record_view
    assert view.empty_hint.isVisible()
    search(qtbot, console, "+86 138-0013-8000")
    assert view.name.text() == "王小明"
    assert "C00000001" in view.subtitle.text()
    assert "138 0013 8000" in view.phones.text() and "010 6552 9988" in view.phones.text()
    assert "朝阳区建国路88号" in view.addresses.text()
    assert view.tags.text() == "#VIP"
    assert view.tabs.tabText(0) == "Calls (2)"
    assert view.contacts_model.rowCount() == 2
    assert view.contacts_model.index(0, 5).data() == "Sale"
    assert view.orders_model.index(0, 3).data() == "¥5,668.00"


def test_results_list_and_arrow_keys(qtbot: QtBot, console: Console) -> None:
    panel = console.window.customers
    qtbot.keyClick(console.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, panel.search.field, "小明")
    qtbot.waitUntil(lambda: panel.search.model.rowCount() == 2, timeout=5000)
    assert panel.search.summary.text() == "2 customers found"
    qtbot.keyClick(panel.search.field, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.record_loaded, timeout=5000):
        qtbot.keyClick(panel.search.field, Qt.Key.Key_Return)
    assert panel.record_view.name.text() == "王小明"


def test_nothing_found_says_so(qtbot: QtBot, console: Console) -> None:
    panel = console.window.customers
    qtbot.keyClick(console.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, panel.search.field, "13500135000")
    qtbot.waitUntil(lambda: panel.search.summary.text() != "", timeout=5000)
    assert "No customer found" in panel.search.summary.text()


def test_edit_a_customer_with_the_keyboard(qtbot: QtBot, console: Console) -> None:
    search(qtbot, console, "8000")
    qtbot.keyClick(console.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = editor(qtbot, console)
    form.name.selectAll()
    type_text(qtbot, form.name, "王晓明")
    form.tags.selectAll()
    type_text(qtbot, form.tags, "VIP，宽带用户")
    with qtbot.waitSignal(console.window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    view = console.window.customers.record_view
    assert view.name.text() == "王晓明"
    assert view.tags.text() == "#VIP  #宽带用户"
    stored = console.workspace.customer_repository.get(console.wang.id)
    assert (stored.name, stored.version) == ("王晓明", 2)


def test_invalid_input_is_explained_and_nothing_typed_is_lost(
    qtbot: QtBot, console: Console
) -> None:
    search(qtbot, console, "8000")
    before = (count(console.workspace, customers), count(console.workspace, outbox))
    qtbot.keyClick(console.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = editor(qtbot, console)
    form.name.clear()
    type_text(qtbot, form.notes, "客户说周五再联系 <b>不要</b>")
    phone = form.findChild(type(form.name), "editPhone1")
    phone.selectAll()
    type_text(qtbot, phone, "12345")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.banner.isVisible(), timeout=5000)
    assert form.isVisible()
    assert form.banner.text() == "Some fields need attention."
    assert form.name_error.text() == "Required."
    errors = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert "Not a valid phone number." in errors
    assert form.notes.toPlainText().endswith("客户说周五再联系 <b>不要</b>")
    assert phone.text() == "12345"
    assert (count(console.workspace, customers), count(console.workspace, outbox)) == before


def test_someone_elses_save_first_keeps_the_form(qtbot: QtBot, console: Console) -> None:
    search(qtbot, console, "8000")
    qtbot.keyClick(console.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = editor(qtbot, console)
    other = console.workspace.customers_for(console.user)
    current = console.workspace.customer_repository.get(console.wang.id)
    from agentdesk.domain.customers import CustomerDraft, PhoneDraft

    other.save(current.id, current.version, CustomerDraft("王先生", phones=[
        PhoneDraft(p.e164, p.label, p.is_primary, p.id) for p in current.phones]))
    form.city.setText("深圳")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.banner.isVisible(), timeout=5000)
    assert "Someone else saved this customer" in form.banner.text()
    assert form.city.text() == "深圳"
    assert console.workspace.customer_repository.get(console.wang.id).name == "王先生"
    # A second Save is the agent's choice to replace the other change with theirs.
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=5000)
    qtbot.wait(100)  # the form takes the stored version as its new base in the background
    with qtbot.waitSignal(console.window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = console.workspace.customer_repository.get(console.wang.id)
    assert (stored.name, stored.city) == ("王小明", "深圳")


def test_new_customer_with_ctrl_n(qtbot: QtBot, console: Console) -> None:
    qtbot.keyClick(console.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = editor(qtbot, console)
    assert form.windowTitle() == "New customer"
    type_text(qtbot, form.name, "赵敏")
    type_text(qtbot, form.findChild(type(form.name), "editPhone0"), "186 1234 5678")
    with qtbot.waitSignal(console.window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert console.window.customers.record_view.name.text() == "赵敏"
    assert "C00000004" in console.window.customers.record_view.subtitle.text()


def test_markup_in_customer_data_is_shown_as_typed(qtbot: QtBot, console: Console) -> None:
    from tests.helpers.factories import add_customer

    add_customer(console.workspace, console.user, name="<b>粗体</b> & <i>x</i>",
                 phones=["13300133000"])
    search(qtbot, console, "13300133000")
    label = console.window.customers.record_view.name
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>粗体</b> & <i>x</i>"


def test_trainers_cannot_edit(qtbot: QtBot, console: Console) -> None:
    from agentdesk.domain.people import Role
    from tests.helpers.factories import add_user

    trainer = add_user(console.workspace, "trainer01", Role.TRAINER)
    console.window.set_session(console.workspace, trainer)
    assert not console.window.console_actions.new_customer.isEnabled()
    search(qtbot, console, "8000")
    assert not console.window.console_actions.edit_customer.isEnabled()
    assert not console.window.customers.record_view.edit_button.isEnabled()


def test_storage_failure_while_opening_is_shown(
    qtbot: QtBot, console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agentdesk.domain.errors import StorageError

    def broken(_customer_id: object) -> object:
        raise StorageError("The disk is full", code="disk_full")

    monkeypatch.setattr(console.workspace.customer_repository, "get", broken)
    panel = console.window.customers
    panel.open_customer(console.wang.id)
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    box = panel.findChild(QMessageBox, "errorBox")
    assert "The disk is full" in box.text()
    box.close()
    QApplication.processEvents()


def test_panel_layout_is_remembered(qtbot: QtBot, console: Console, tmp_path: Path) -> None:
    from agentdesk.ui.main_window import MainWindow

    window = console.window
    window.customer_dock.setFloating(True)
    window.resize(780, 600)  # within the 800x800 off-screen display
    window.save_layout()
    again = MainWindow(console.runner, tmp_path / "ui-state.ini")
    qtbot.addWidget(again)
    assert again.customer_dock.isFloating()
    assert again.size().width() == 780
    again.console_actions.reset_layout.trigger()
    assert not again.customer_dock.isFloating()


def test_status_bar_shows_unsynced_changes(qtbot: QtBot, console: Console) -> None:
    from datetime import timedelta

    area = console.window.sync_area
    qtbot.waitUntil(lambda: area.outbox.text() != "", timeout=5000)
    assert area.server.text() == "Working locally (no server configured)"
    assert area.last_sync.text() == "Never synced"
    queued = count(console.workspace, outbox)
    area.refresh()
    qtbot.waitUntil(lambda: area.outbox.text()
                    == f"{queued} changes waiting to sync · oldest 0 seconds", timeout=5000)
    console.workspace.clock.at += timedelta(minutes=3)  # type: ignore[attr-defined]
    area.refresh()
    qtbot.waitUntil(lambda: area.outbox.text().endswith("oldest 3 minutes"), timeout=5000)


def test_editing_keeps_address_labels(qtbot: QtBot, console: Console) -> None:
    from agentdesk.domain.customers import AddressDraft, CustomerDraft, PhoneDraft

    current = console.workspace.customer_repository.get(console.wang.id)
    a = current.addresses[0]
    console.workspace.customers_for(console.user).save(current.id, current.version, CustomerDraft(
        current.name, city=current.city, tags=current.tags,
        phones=[PhoneDraft(p.e164, p.label, p.is_primary, p.id) for p in current.phones],
        addresses=[AddressDraft(a.province, a.city, a.district, a.street, a.postal_code, "公司",
                                True, a.id)]))
    search(qtbot, console, "8000")
    before = count(console.workspace, outbox)
    qtbot.keyClick(console.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = editor(qtbot, console)
    form.city.setText("天津")
    with qtbot.waitSignal(console.window.customers.record_loaded, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = console.workspace.customer_repository.get(console.wang.id)
    assert stored.addresses[0].label == "公司"
    assert count(console.workspace, outbox) == before + 1  # the customer row only


def test_a_failed_search_clears_old_results(
    qtbot: QtBot, console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agentdesk.domain.errors import StorageError

    panel = console.window.customers
    panel.search.search_now("王芳")
    qtbot.waitUntil(lambda: panel.record_view.name.text() == "王芳", timeout=5000)

    def busy(_query: object, _limit: int) -> object:
        raise StorageError("busy", code="busy")

    monkeypatch.setattr(console.workspace.customer_repository, "search", busy)
    panel.search.field.setFocus()
    panel.search.field.selectAll()
    type_text(qtbot, panel.search.field, "13900139000")
    qtbot.waitUntil(lambda: "busy in another program" in panel.search.summary.text(),
                    timeout=5000)
    assert panel.search.model.rowCount() == 0
    with qtbot.assertNotEmitted(panel.search.customer_chosen):
        qtbot.keyClick(panel.search.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not panel.search._searching, timeout=5000)
