"""Build realistic rows quickly for tests, through the same repositories the product uses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from agentdesk.domain.customers import (
    AddressDraft,
    Customer,
    CustomerDraft,
    PhoneDraft,
    validate_customer,
)
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import Role, User
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.catalogue import campaigns, disposition_codes, products
from agentdesk.store.schema.orders import order_lines, orders
from agentdesk.store.schema.work import calls, dispositions

PASSWORD = "correct horse"


def add_user(ws: Workspace, username: str = "agent01", role: Role = Role.AGENT) -> User:
    return ws.auth.add_user(username, f"{username} 名字", role, PASSWORD)


def add_customer(
    ws: Workspace,
    user: User,
    name: str = "王小明",
    phones: Sequence[str] = ("138 0013 8000",),
    city: str = "北京",
    tags: Sequence[str] = ("VIP",),
    address: bool = True,
) -> Customer:
    draft = CustomerDraft(
        name=name,
        city=city,
        tags=tags,
        phones=[PhoneDraft(p, is_primary=i == 0) for i, p in enumerate(phones)],
        addresses=[AddressDraft("北京市", "北京市", "朝阳区", "建国路88号", "100022")]
        if address else [],
    )
    return ws.customer_repository.save(None, None, validate_customer(draft), user.id)


def _synced(now: datetime) -> dict[str, Any]:
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None}


def add_history(ws: Workspace, customer: Customer, agent: User, now: datetime) -> None:
    """Give ``customer`` two calls (one sale) and an order of two lines."""
    with ws.database.write() as conn:
        campaign = {**_synced(now), "code": "5G", "name": "5G 套餐升级", "name_en": "5G upgrade",
                    "direction": "outbound", "status": "running", "wrapup_seconds": 30,
                    "max_attempts": 5}
        conn.execute(campaigns.insert(), campaign)
        sale = {**_synced(now), "campaign_id": campaign["id"], "code": "SALE", "label": "成交",
                "label_en": "Sale", "category": "sale", "sort_order": 1}
        busy = {**_synced(now), "campaign_id": campaign["id"], "code": "BUSY", "label": "占线",
                "label_en": "Busy", "category": "no_contact", "retry_minutes": 30,
                "sort_order": 2}
        conn.execute(disposition_codes.insert(), [sale, busy])
        for minutes, code, talk in ((90, busy, 0), (60, sale, 245)):
            call = {**_synced(now), "campaign_id": campaign["id"], "customer_id": customer.id,
                    "agent_id": agent.id, "direction": "outbound",
                    "e164": customer.phones[0].e164,
                    "started_at": now - timedelta(minutes=minutes), "talk_seconds": talk}
            conn.execute(calls.insert(), call)
            conn.execute(dispositions.insert(), {
                **_synced(now), "call_id": call["id"], "disposition_code_id": code["id"],
                "agent_id": agent.id, "notes": f"{code['label']} 备注", "at": now})
        plan = {**_synced(now), "sku": "P169", "name": "5G畅享169元套餐",
                "name_en": "5G Enjoy 169", "kind": "plan", "price": Decimal("169.00")}
        phone = {**_synced(now), "sku": "H1", "name": "华为 Mate 70", "name_en": "Huawei Mate 70",
                 "kind": "handset", "price": Decimal("5499.00")}
        conn.execute(products.insert(), [plan, phone])
        order = {**_synced(now), "order_no": "SO202611230001", "customer_id": customer.id,
                 "agent_id": agent.id, "status": "confirmed", "total": Decimal("5668.00"),
                 "delivery_method": "home_delivery", "payment_method": "cash_on_delivery",
                 "created_at": now - timedelta(minutes=55)}
        conn.execute(orders.insert(), order)
        conn.execute(order_lines.insert(), [
            {**_synced(now), "order_id": order["id"], "product_id": p["id"], "quantity": 1,
             "unit_price": p["price"], "discount": Decimal("0"), "line_total": p["price"]}
            for p in (plan, phone)
        ])


def count(ws: Workspace, table: sa.Table) -> int:
    with ws.database.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
