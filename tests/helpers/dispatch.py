"""Orders on a dispatch sheet: a catalogue, an agent, a supervisor and orders taken now."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from agentdesk.domain.order_form import OrderDraft
from agentdesk.domain.orders import DeliveryMethod, PaymentMethod, SavedOrder
from agentdesk.domain.people import Role, User
from agentdesk.domain.pricing import OrderLineDraft
from agentdesk.services.workspace import Workspace
from tests.helpers.factories import add_customer, add_user
from tests.helpers.orders import RESIDENT_ID, Catalogue, add_catalogue

#: Names of the customers of :func:`add_orders`, in order.
NAMES = ("王小明", "李娜", "张伟", "刘洋", "陈静", "杨帆")


@dataclass
class Deliveries:
    """What :func:`add_orders` made."""

    catalogue: Catalogue
    agent: User
    supervisor: User
    orders: list[SavedOrder]


def add_orders(ws: Workspace, count: int = 2, *, pickups: int = 0) -> Deliveries:
    """Add the catalogue, ``agent01``, ``sup01`` and orders taken now by the agent.

    The first ``count`` orders are home deliveries paid cash on delivery (the 5G plan, every
    other one with a handset too); then ``pickups`` orders picked up at the Chaoyangmen hall.
    """
    now = ws.clock.now()
    catalogue = add_catalogue(ws, now)
    agent = add_user(ws, "agent01")
    supervisor = add_user(ws, "sup01", Role.SUPERVISOR)
    service = ws.orders_for(agent)
    orders = []
    for index in range(count + pickups):
        pickup = index >= count
        phone = f"1381234{5670 + index}"
        customer = add_customer(ws, agent, name=NAMES[index % len(NAMES)], phones=[phone])
        lines = [OrderLineDraft("P5G169", "", Decimal(0), 1)]
        if index % 2 == 0:
            lines.append(OrderLineDraft("HW-M60P", "", Decimal(0), 1))
        orders.append(service.capture(OrderDraft(
            customer.id, lines,
            DeliveryMethod.HALL_PICKUP if pickup else DeliveryMethod.HOME_DELIVERY,
            PaymentMethod.PAY_AT_HALL if pickup else PaymentMethod.CASH_ON_DELIVERY,
            address="" if pickup else f"北京市朝阳区建国路 {80 + index} 号 2 单元 1201",
            hall_id=catalogue.hall_id if pickup else None, contact_phone=phone,
            real_name=NAMES[index % len(NAMES)], resident_id=RESIDENT_ID)))
    return Deliveries(catalogue, agent, supervisor, orders)


def write_results(path: Path, *rows: str) -> Path:
    """Write a results file: the Chinese header row, then ``rows`` (CSV lines)."""
    path.write_text("\n".join(["订单号,配送结果,原因,实收金额,改期日期,配送员", *rows]) + "\n",
                    encoding="utf-8")
    return path
