"""Orders in the console: the order form of a call or of the open customer, the delivery desk."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from agentdesk.domain.dialing import center_today
from agentdesk.domain.orders import SavedOrder
from agentdesk.domain.people import Capability, User
from agentdesk.services.orders import OrderService
from agentdesk.ui.calls.live_call import LiveCall
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.labels import Labels
from agentdesk.ui.orders.form import OrderDialog
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.customers.panel import CustomerPanel
    from agentdesk.ui.orders.desk import DeliveryDesk


class OrderArea(QObject):
    """Opens the order form (Ctrl+O, or the script's order step) and the delivery desk.

    An order taken on a call is remembered on the call, so its disposition links it, and its
    ``order.*`` values reach the call script.

    Signals:
        order_saved(object): a :class:`SavedOrder` committed on this workstation.
        message(str): a status-bar message.
    """

    order_saved = Signal(object)
    message = Signal(str)

    def __init__(self, window: QMainWindow, runner: TaskRunner, labels: Labels,
                 calls: CallArea, customers: CustomerPanel, clock: Clock) -> None:
        super().__init__(window)
        self._window, self._runner, self._labels = window, runner, labels
        self._calls, self._customers, self._clock = calls, customers, clock
        self.service: OrderService | None = None
        self._workspace: Workspace | None = None
        self._user: User | None = None
        self.dialog: OrderDialog | None = None
        self.desk: DeliveryDesk | None = None
        self.take_order = QAction(window)
        self.take_order.setShortcut("Ctrl+O")
        self.take_order.triggered.connect(lambda: self.open_form(None))
        self.delivery_desk = QAction(window)
        self.delivery_desk.setShortcut("Ctrl+Shift+D")
        self.delivery_desk.triggered.connect(self.show_desk)
        window.addAction(self.take_order)
        window.addAction(self.delivery_desk)
        self.retranslate_ui()
        self._update_actions()

    def fill_menu(self, menu: QMenu) -> None:
        """Put the order actions into a menu."""
        menu.addAction(self.take_order)
        menu.addAction(self.delivery_desk)

    def start(self, workspace: Workspace, user: User) -> None:
        """Take orders as ``user``."""
        self._workspace, self._user = workspace, user
        self.service = workspace.orders_for(user)
        self._update_actions()

    def stop(self) -> None:
        """Nobody is signed in: close the form and the desk."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.discard()
        if self.desk is not None:
            self.desk.close()
            self.desk.deleteLater()
        self.dialog = self.desk = None
        self.service = None
        self._workspace = self._user = None
        self._update_actions()

    def _update_actions(self) -> None:
        user = self._user
        self.take_order.setEnabled(bool(user and user.can(Capability.CALL_CUSTOMERS)))
        self.delivery_desk.setEnabled(user is not None and self._workspace is not None)

    # ------------------------------------------------------------------ the form
    def _current_call(self) -> LiveCall | None:
        controller = self._calls.controller
        return controller.call or controller.wrapping

    def open_form(self, call: object) -> None:
        """Open the order form for ``call`` (a :class:`LiveCall`), else the current one.

        Without a call the order is for the customer open in the record panel.
        """
        service = self.service
        if service is None or not self.take_order.isEnabled():
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        live = call if isinstance(call, LiveCall) else self._current_call()
        customer_id: uuid.UUID | None = live.customer_id if live is not None else None
        if customer_id is None and live is None:
            shown = self._customers.current
            customer_id = shown.id if shown is not None else None
        if customer_id is None:
            self.message.emit(self.tr("Open or add the customer's record first (Ctrl+F, "
                                      "Ctrl+N): an order needs a customer."))
            return
        campaign_id = live.campaign.id if live is not None and live.campaign else None
        phone = live.e164 if live is not None else ""
        dialog = OrderDialog(service, self._runner, self._labels, customer_id=customer_id,
                             campaign_id=campaign_id, phone=phone,
                             today=center_today(self._clock.now()), parent=self._window)
        dialog.saved.connect(lambda order: self._saved(live, order))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.show()

    def _closed(self, dialog: OrderDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, call: LiveCall | None, order: SavedOrder) -> None:
        if call is not None:
            call.orders[order.id] = order.order_no
        self.message.emit(self.tr("Order %1 saved: total %2.").replace(
            "%1", order.order_no).replace("%2", self._labels.money(order.total)))
        self.order_saved.emit(order)

    def values_of(self, order: SavedOrder) -> dict[str, str]:
        """The ``order.*`` values of a saved order for the call script."""
        if self.service is None:
            return {}
        return self.service.order_values(order, ui_language())

    # ------------------------------------------------------------------ the desk
    def show_desk(self) -> None:
        """Ctrl+Shift+D: the delivery desk (loads, dispatch sheets, results)."""
        workspace, user = self._workspace, self._user
        if workspace is None or user is None:
            return
        if self.desk is None:
            from agentdesk.ui.orders.desk import DeliveryDesk

            self.desk = DeliveryDesk(workspace.dispatch_for(user), self._runner,
                                     _ui_language_code, self._window, clock=self._clock)
        self.desk.show()
        self.desk.raise_()
        self.desk.activateWindow()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self.take_order.setText(self.tr("Ta&ke order…"))
        self.delivery_desk.setText(self.tr("Deli&very desk…"))


def _ui_language_code() -> str:
    return "zh_CN" if ui_language() == "zh" else "en"
