"""An order being taken on a demo call, and the delivery desk, for screenshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from agentdesk.domain.resident_id import check_digit
from agentdesk.ui.scripts.scene import ScriptScene

if TYPE_CHECKING:
    from agentdesk.ui.main_window import MainWindow
    from agentdesk.ui.orders.form import OrderDialog

#: What the demo customer orders: the upgraded plan and a handset.
PRODUCTS = ("P5G169", "HW-M60P")
#: A made-up holder's number (Shanghai Xuhui, born 1986-04-12) with its check character.
HOLDER_ID = "31010419860412203" + check_digit("31010419860412203")
SETTLE_MS = 500


class OrderScene:
    """A call walked into its script, then the order form filled in; ``done`` gets the form."""

    def __init__(self, window: MainWindow, done: Callable[[QWidget], None]) -> None:
        self._window = window
        self._done = done
        self._script = ScriptScene(window.calls, window.scripts, self._open)

    def play(self) -> None:
        """Start once the console is ready."""
        self._script.play()

    def _open(self) -> None:
        orders = self._window.orders
        controller = self._window.calls.controller
        orders.open_form(controller.call)
        dialog = orders.dialog
        if dialog is None:
            self._done(self._window)
            return
        self._wait(dialog)

    def _wait(self, dialog: OrderDialog) -> None:
        if dialog.setup is None:
            QTimer.singleShot(100, lambda: self._wait(dialog))
            return
        lines = dialog.lines
        for sku in PRODUCTS:
            index = next((i for i in range(lines.product.count())
                          if f"· {sku} ·" in lines.product.itemText(i)), -1)
            if index >= 0:
                lines.product.setCurrentIndex(index)
                if sku == "HW-M60P":
                    lines.options.setText("512GB 雅川青")
                lines.add_line()
        dialog.resident_id.setText(HOLDER_ID)
        dialog.notes.setPlainText("工作日白天家中无人，请先电话联系")
        QTimer.singleShot(SETTLE_MS, lambda: self._done(dialog))


class DeskScene:
    """The delivery desk with the next handover selected; ``done`` gets the desk window."""

    def __init__(self, window: MainWindow, done: Callable[[QWidget], None]) -> None:
        self._window = window
        self._done = done

    def play(self) -> None:
        """Open the desk once the console is ready; capture once its sheet is on screen."""
        self._window.orders.show_desk()
        desk = self._window.orders.desk
        if desk is None:
            self._done(self._window)
            return
        desk.sheet_shown.connect(lambda _sheet: QTimer.singleShot(
            SETTLE_MS, lambda: self._done(desk)))
