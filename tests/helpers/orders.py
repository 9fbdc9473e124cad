"""A small catalogue for order tests: products, an offer, the two default rounds, two halls."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from agentdesk.domain.delivery import DEFAULT_ROUNDS
from agentdesk.domain.ids import new_id
from agentdesk.domain.resident_id import check_digit
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.catalogue import offers, products
from agentdesk.store.schema.orders import business_halls, delivery_closures, delivery_rounds

#: A valid resident ID: Beijing Chaoyang, born 1990-03-07, male.
RESIDENT_ID = "11010519900307123" + check_digit("11010519900307123")
#: Someone born 2010-05-01: under age for a contract.
MINOR_ID = "31010420100501002" + check_digit("31010420100501002")

PRODUCTS = (
    # sku, name, name_en, kind, price, real name
    ("P5G169", "5G 畅享套餐 169元", "5G Enjoy plan 169", "plan", "169.00", True),
    ("HW-M60P", "华为 Mate 60 Pro", "Huawei Mate 60 Pro", "handset", "6499.00", False),
    ("ADD-CARD", "加装副卡", "Extra SIM card", "addon", "10.00", True),
    ("BB-1000", "千兆宽带（一年）", "Gigabit broadband (1 year)", "broadband", "1200.00", False),
    ("INS-SCREEN", "碎屏保障", "Screen protection", "policy", "99.00", False),
)


@dataclass(frozen=True)
class Catalogue:
    """Ids of what :func:`add_catalogue` made."""

    products: dict[str, uuid.UUID]
    offer_id: uuid.UUID
    rounds: dict[str, uuid.UUID]  # "evening" (17:30) and "noon" (11:30)
    hall_id: uuid.UUID
    vip_room_id: uuid.UUID


def _synced(now: datetime) -> dict[str, Any]:
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None}


def add_catalogue(ws: Workspace, now: datetime, *, campaign_id: uuid.UUID | None = None,
                  capacity: int = 120, vip_capacity: int | None = 2,
                  closed: tuple[date, ...] = ()) -> Catalogue:
    """Add the products, a 20 % offer on the 169 plan, the default rounds and two halls."""
    ids: dict[str, uuid.UUID] = {}
    rounds: dict[str, uuid.UUID] = {}
    with ws.database.write() as conn:
        for sku, name, name_en, kind, price, real_name in PRODUCTS:
            row = {**_synced(now), "sku": sku, "name": name, "name_en": name_en, "kind": kind,
                   "price": Decimal(price), "description": "", "requires_real_name": real_name,
                   "active": True}
            conn.execute(products.insert(), row)
            ids[sku] = row["id"]
        offer = {**_synced(now), "campaign_id": campaign_id, "product_id": ids["P5G169"],
                 "name": "老用户升级 8 折", "name_en": "Upgrade 20% off",
                 "price": Decimal("135.20"), "valid_from": now.date() - timedelta(days=30),
                 "valid_until": now.date() + timedelta(days=60),
                 "eligibility": "在网满 12 个月的个人客户"}
        conn.execute(offers.insert(), offer)
        for key, round_ in zip(("evening", "noon"), DEFAULT_ROUNDS, strict=True):
            row = {**_synced(now), "name": round_.name, "name_en": round_.name_en,
                   "orders_from": round_.orders_from, "orders_until": round_.orders_until,
                   "handover_at": round_.handover_at, "booking_from": round_.booking_from,
                   "booking_until": round_.booking_until,
                   "delivery_day_offset": round_.delivery_day_offset, "capacity": capacity}
            conn.execute(delivery_rounds.insert(), row)
            rounds[key] = row["id"]
        hall = {**_synced(now), "name": "朝阳门营业厅", "name_en": "Chaoyangmen hall",
                "address": "北京市朝阳区朝阳门外大街 8 号", "phone_e164": "+861065001234",
                "is_vip_room": False, "daily_capacity": None}
        vip = {**_synced(now), "name": "国贸 VIP 室", "name_en": "Guomao VIP room",
               "address": "北京市朝阳区建国门外大街 1 号 3 层", "phone_e164": "+861065005678",
               "is_vip_room": True, "daily_capacity": vip_capacity}
        conn.execute(business_halls.insert(), [hall, vip])
        for day in closed:
            conn.execute(delivery_closures.insert(), {**_synced(now), "day": day, "weekday": None,
                                                      "name": "节假日"})
    return Catalogue(ids, offer["id"], rounds, hall["id"], vip["id"])
