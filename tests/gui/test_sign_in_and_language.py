from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agentdesk.domain.people import User
from agentdesk.services.workspace import Workspace
from agentdesk.ui.i18n import LanguageSwitcher
from agentdesk.ui.login_dialog import LoginDialog
from agentdesk.ui.tasks import TaskRunner
from tests.gui.conftest import Console
from tests.helpers.factories import PASSWORD, add_user
from tests.helpers.keyboard import type_text


def login(qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> LoginDialog:
    dialog = LoginDialog(workspace.auth.sign_in, runner, "agent01")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_sign_in_with_the_keyboard(qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> None:
    add_user(workspace)
    dialog = login(qtbot, workspace, runner)
    assert dialog.password.hasFocus()  # the last username is filled in
    type_text(qtbot, dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as signed:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    user = signed.args[0]
    assert isinstance(user, User) and user.username == "agent01"


def test_wrong_passwords_are_counted_then_locked(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    add_user(workspace)
    dialog = login(qtbot, workspace, runner)
    texts = []
    for _ in range(5):
        type_text(qtbot, dialog.password, "wrong")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and dialog.error.isVisible(),
                        timeout=10_000)
        texts.append(dialog.error.text())
        assert dialog.password.text() == ""
        dialog.error.hide()
    assert texts[0] == ("Wrong username or password. 4 more attempts before the account "
                        "is locked.")
    assert texts[3] == ("Wrong username or password. 1 more attempt before the account "
                        "is locked.")
    assert texts[4].startswith("Too many failed sign-ins. The account is locked until ")
    assert dialog.isVisible()


def test_language_switches_live(qtbot: QtBot, console: Console) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switcher = LanguageSwitcher(app)
    window = console.window
    window.customers.search.search_now("王")
    qtbot.waitUntil(lambda: window.customers.search.summary.text() == "2 customers found",
                    timeout=5000)
    window.customers.search.search_now("13800138000")
    qtbot.waitUntil(lambda: window.customers.record_view.name.text() == "王小明", timeout=5000)
    try:
        assert switcher.switch("zh_CN")
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)", timeout=5000)
        assert window.customer_dock.windowTitle() == "客户资料"
        assert window.customers.record_view.tabs.tabText(0) == "通话 (2)"
        assert window.customers.search.model.headerData(
            0, Qt.Orientation.Horizontal) == "姓名"
        assert window.customers.record_view.contacts_model.index(0, 5).data() == "成交"
        assert window.customers.record_view.orders_model.index(0, 5).data() == "已确认"
        assert window.console_actions.find_customer.text() == "查找客户(&F)"
    finally:
        switcher.switch("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5000)
    assert window.customers.record_view.tabs.tabText(0) == "Calls (2)"
