"""Demo customers with their phones and addresses, spread over mainland cities."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from agentdesk.domain.phones import PhoneKind
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.demo.identities import NameMaker, NumberMaker, tail_key
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.base import TAG_SEPARATOR
from agentdesk.store.schema.contacts import customer_addresses, customer_phones, customers

FIRST_CUSTOMER_NO = 10001
_TAGS = (("宽带用户", 0.30), ("5G用户", 0.18), ("价格敏感", 0.15), ("家庭用户", 0.12),
         ("VIP", 0.05), ("投诉历史", 0.04), ("学生", 0.03))
_NOTES = (
    "客户希望晚上 7 点后联系。", "客户表示工作日白天不方便接听。", "客户对流量需求大，常看视频。",
    "客户家中老人使用副卡。", "上次宽带装机延期，已致歉并处理。", "客户偏好营业厅办理业务。",
    "客户为个体经营户，通话较多。", "客户计划年内换手机。",
)
_SECOND_MOBILE_LABELS = ("工作", "备用", "家人")
_FIXED_LABELS = ("家庭固话", "办公电话")


@dataclass(slots=True)
class DemoCustomer:
    """A generated customer, as later parts of the generator need it.

    Attributes:
        id: Row id.
        name: Full name.
        language: ``zh`` or ``en``.
        city: The city's source entry.
        tags: Tags, e.g. ``VIP``.
        primary: The primary (mobile) number in E.164.
        address: The default address on one line.
        created_at: When the customer joined.
    """

    id: uuid.UUID
    name: str
    language: str
    city: dict[str, Any]
    tags: tuple[str, ...]
    primary: str
    address: str
    created_at: datetime

    @property
    def vip(self) -> bool:
        """Whether the customer is a VIP (served in the VIP room)."""
        return "VIP" in self.tags


@dataclass(frozen=True, slots=True)
class CustomerBook:
    """All demo customers and the number source that keeps new numbers unique."""

    customers: tuple[DemoCustomer, ...]
    numbers: NumberMaker


def create_customers(ctx: DemoContext, count: int) -> CustomerBook:
    """Insert ``count`` customers with 1-3 phones and 1-2 addresses each."""
    rng = ctx.rng("customers")
    ids = ctx.ids("customers")
    names = NameMaker(ctx.rng("names"))
    numbers = NumberMaker(ctx.rng("numbers"))
    city_data = load("cities")
    cities: list[dict[str, Any]] = city_data["cities"]
    city_weights = list(itertools.accumulate(c["weight"] for c in cities))
    compounds: list[str] = city_data["compounds"]
    horizon = int(timedelta(days=8 * 365).total_seconds())
    latest = ctx.now - timedelta(days=20)
    joined = sorted(latest - timedelta(seconds=rng.randrange(horizon)) for _ in range(count))

    customer_rows: list[dict[str, Any]] = []
    phone_rows: list[dict[str, Any]] = []
    address_rows: list[dict[str, Any]] = []
    made: list[DemoCustomer] = []
    for index, created in enumerate(joined):
        customer_id = ids.at(created)
        person = names.person()
        city = rng.choices(cities, cum_weights=city_weights)[0]
        years = (ctx.now - created).days / 365
        tags = [tag for tag, share in _TAGS if rng.random() < share]
        if years > 3 and rng.random() < 0.7:
            tags.insert(0, "老客户")
        notes = rng.choice(_NOTES) if rng.random() < 0.08 else ""
        customer_rows.append({
            **synced(customer_id, created), "customer_no": f"C{FIRST_CUSTOMER_NO + index:08d}",
            "name": person.name, "gender": person.gender.value, "city": city["name"],
            "language": person.language, "tags": TAG_SEPARATOR.join(tags), "notes": notes,
            "created_at": created,
        })

        phones = [(numbers.mobile(), PhoneKind.MOBILE, "本人")]
        extra = rng.random()
        for _ in range(2 if extra < 0.10 else 1 if extra < 0.45 else 0):
            if rng.random() < 0.6:
                label = rng.choice(_SECOND_MOBILE_LABELS)
                phones.append((numbers.mobile(), PhoneKind.MOBILE, label))
            else:
                phones.append((numbers.fixed(city), PhoneKind.FIXED, rng.choice(_FIXED_LABELS)))
        for position, (e164, kind, label) in enumerate(phones):
            phone_rows.append({
                **synced(ids.at(created), created), "customer_id": customer_id, "e164": e164,
                "tail_key": tail_key(e164), "kind": kind.value, "label": label,
                "is_primary": position == 0,
            })

        districts = city["districts"]
        home = rng.choice(districts)
        places = [(home, "家")]
        if rng.random() < 0.3:
            places.append((rng.choice(districts), "公司"))
        one_line = ""
        for position, (district, label) in enumerate(places):
            street = f"{rng.choice(district['streets'])}{rng.randrange(1, 300)}号"
            if label == "家" and rng.random() < 0.7:
                building, unit = rng.randrange(1, 30), rng.randrange(1, 5)
                room = f"{rng.randrange(1, 28)}{rng.randrange(1, 5):02d}"
                street += f"{rng.choice(compounds)}{building}栋{unit}单元{room}室"
            elif label == "公司":
                street += f"{rng.randrange(2, 30)}层"
            if position == 0:
                one_line = city["province"] + ("" if city["province"] == city["name"]
                                               else city["name"]) + district["name"] + street
            address_rows.append({
                **synced(ids.at(created), created), "customer_id": customer_id,
                "province": city["province"], "city": city["name"],
                "district": district["name"], "street": street,
                "postal_code": district["postal"], "label": label, "is_default": position == 0,
            })
        made.append(DemoCustomer(customer_id, person.name, person.language, city, tuple(tags),
                                 phones[0][0], one_line, created))

    ctx.insert(customers, customer_rows)
    ctx.insert(customer_phones, phone_rows)
    ctx.insert(customer_addresses, address_rows)
    return CustomerBook(tuple(made), numbers)
