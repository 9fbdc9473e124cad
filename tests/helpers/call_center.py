"""A small call center for workflow tests: two campaigns with dispositions, a list, contacts."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from agentdesk.domain.customers import Customer
from agentdesk.domain.ids import new_id
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts

OUTBOUND_CODES = (
    ("NO_ANSWER", "无人接听", "No answer", "no_contact", 120),
    ("BUSY", "占线", "Busy", "no_contact", 30),
    ("NOT_INTERESTED", "不感兴趣", "Not interested", "contact", None),
    ("SALE", "成功办理", "Sale", "sale", None),
    ("CALLBACK", "预约回访", "Callback arranged", "callback", None),
    ("DNC", "要求免打扰", "Do not call", "dnc", None),
    ("WRONG_NUMBER", "号码错误", "Wrong person", "wrong_number", None),
)
INBOUND_CODES = (
    ("INQUIRY", "业务咨询", "Enquiry", "contact", None),
    ("SALE", "办理成功", "Sale", "sale", None),
    ("CALLBACK", "预约回电", "Callback arranged", "callback", None),
)


@dataclass(frozen=True)
class CallCenter:
    """Ids of what :func:`add_call_center` made."""

    outbound_id: uuid.UUID
    inbound_id: uuid.UUID
    list_id: uuid.UUID
    codes: dict[str, uuid.UUID]
    contact_ids: list[uuid.UUID]


def _synced(now: datetime) -> dict[str, Any]:
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None}


def add_call_center(ws: Workspace, now: datetime, customers: Sequence[Customer]) -> CallCenter:
    """Add an outbound campaign (09:00-21:00) listing ``customers`` and an inbound line.

    Contacts are new, in the order given, the first with the highest priority.
    """
    codes: dict[str, uuid.UUID] = {}
    with ws.database.write() as conn:
        ids = {}
        for direction, code, name, name_en, wrapup, source in (
            ("outbound", "OB", "5G 套餐升级", "5G plan upgrade", 30, OUTBOUND_CODES),
            ("inbound", "IB", "客户服务热线", "Customer service line", 45, INBOUND_CODES),
        ):
            row = {**_synced(now), "code": code, "name": name, "name_en": name_en,
                   "direction": direction, "status": "running", "wrapup_seconds": wrapup,
                   "max_attempts": 3, "calling_from": time(9), "calling_until": time(21)}
            conn.execute(campaigns.insert(), row)
            ids[direction] = row["id"]
            for order, (code_name, label, label_en, category, retry) in enumerate(source):
                code_row = {**_synced(now), "campaign_id": row["id"], "code": code_name,
                            "label": label, "label_en": label_en, "category": category,
                            "retry_minutes": retry, "sort_order": order}
                conn.execute(disposition_codes.insert(), code_row)
                codes[f"{direction}:{code_name}"] = code_row["id"]
        the_list = {**_synced(now), "campaign_id": ids["outbound"], "name": "测试名单",
                    "source": "test", "imported_at": now, "row_count": len(customers)}
        conn.execute(call_lists.insert(), the_list)
        contact_ids = []
        for n, customer in enumerate(customers):
            contact = {**_synced(now), "call_list_id": the_list["id"],
                       "customer_id": customer.id, "e164": customer.phones[0].e164,
                       "status": "new", "priority": 10 - n, "attempts": 0,
                       "next_attempt_at": None, "time_zone": "Asia/Shanghai"}
            conn.execute(contacts.insert(), contact)
            contact_ids.append(contact["id"])
    return CallCenter(ids["outbound"], ids["inbound"], the_list["id"], codes, contact_ids)
