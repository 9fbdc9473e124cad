"""Data batches of the outbound campaign, their contacts, and the do-not-call list."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from agentdesk.domain.calls import ContactStatus
from agentdesk.services.demo.catalogue import Catalogue
from agentdesk.services.demo.context import TIME_ZONE_NAME, DemoContext, local, synced
from agentdesk.services.demo.customers import CustomerBook, DemoCustomer
from agentdesk.store.schema.catalogue import call_lists
from agentdesk.store.schema.contacts import contacts, dnc_entries

HISTORY_DAYS = 14
_DNC_REASONS = (
    ("客户来电要求不再接收营销电话", "customer_request", None),
    ("工信部骚扰电话投诉名单", "regulator", None),
    ("客户投诉后登记免打扰", "complaint", 730),
)


@dataclass(slots=True)
class DemoContact:
    """A row of a call list, updated as the history simulation calls it.

    Attributes:
        id: Row id.
        batch: 0 for the main list, 1 for the bought list.
        customer: Whom the row is about.
        e164: The number on the list (not always the customer's own).
        priority: Higher is called first.
        answer_rate: Chance that a dial is answered.
        wrong_person: The number reaches someone else.
        out_of_service: The number is not in service (空号).
        available_from: When the row was imported.
    """

    id: uuid.UUID
    batch: int
    customer: DemoCustomer
    e164: str
    priority: int
    answer_rate: float
    wrong_person: bool
    out_of_service: bool
    available_from: datetime
    status: ContactStatus = ContactStatus.NEW
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_disposition: str = ""
    updated_at: datetime | None = None
    callback_agent: uuid.UUID | None = None  # owner of a pending personal callback


@dataclass
class CallLists:
    """The two data batches and the do-not-call list.

    Attributes:
        list_ids: Row ids of the main list and of the bought list.
        contacts: Every contact of both batches, main list first.
        dnc: Numbers on the do-not-call list.
        dnc_rows: DNC rows to insert (the simulation adds those agents register).
    """

    list_ids: tuple[uuid.UUID, ...]
    contacts: list[DemoContact]
    dnc: set[str]
    dnc_rows: list[dict[str, Any]] = field(default_factory=list)


def create_call_lists(ctx: DemoContext, catalogue: Catalogue, book: CustomerBook) -> CallLists:
    """Insert the two call lists and prepare their contacts and the DNC list.

    The main list holds about 80% of the customers; the bought list, imported a week into the
    fortnight, is small and of worse quality (more wrong and dead numbers).
    """
    rng = ctx.rng("lists")
    ids = ctx.ids("lists")
    people = list(book.customers)
    start = ctx.today - timedelta(days=HISTORY_DAYS)

    dnc: set[str] = set()
    dnc_rows: list[dict[str, Any]] = []
    for customer in rng.sample(people, round(len(people) * 0.01)):
        dnc_rows.append(_dnc_row(ctx, rng, ids.at, customer.primary))
        dnc.add(customer.primary)
    for _ in range(max(3, len(people) // 500)):
        number = book.numbers.mobile()
        dnc_rows.append(_dnc_row(ctx, rng, ids.at, number))
        dnc.add(number)

    rng.shuffle(people)
    main_size = round(len(people) * 0.8)
    main, rest = people[:main_size], people[main_size:]
    bought = rest[: max(1, round(len(people) * 0.06))]
    imported = (local(start - timedelta(days=2), time(16, 30)),
                local(start + timedelta(days=6), time(10, 15)))
    made: list[DemoContact] = []
    rows: list[dict[str, Any]] = []
    list_ids: list[uuid.UUID] = []
    for batch, (members, name, source, wrong, dead, answer) in enumerate((
        (main, "5G 升级名单（存量客户）", "CRM 存量客户筛选：在网 12 个月以上、月消费低于 129 元",
         0.03, 0.02, (0.35, 0.60)),
        (bought, "外购名单 B-07", "第三方数据供应商 B（外购）", 0.20, 0.10, (0.20, 0.45)),
    )):
        list_id = ids.at(imported[batch])
        accepted = 0
        rejected = round(len(members) * rng.uniform(0.003, 0.01))
        if batch == 1:
            rejected += round(len(members) * 0.12)  # rows already on the main list
        for customer in members:
            if customer.primary in dnc:
                rejected += 1
                continue
            roll = rng.random()
            is_wrong, is_dead = roll < wrong, wrong <= roll < wrong + dead
            number = book.numbers.mobile() if is_wrong or is_dead else customer.primary
            priority = (5 + 3 * ("VIP" in customer.tags) + ("老客户" in customer.tags)
                        - 2 * ("投诉历史" in customer.tags))
            made.append(DemoContact(
                ids.at(imported[batch]), batch, customer, number, priority,
                rng.uniform(*answer), is_wrong, is_dead, imported[batch],
                updated_at=imported[batch]))
            accepted += 1
        rows.append({**synced(list_id, imported[batch]), "campaign_id": catalogue.outbound.id,
                     "name": name, "source": source, "imported_at": imported[batch],
                     "row_count": accepted, "rejected_count": rejected})
        list_ids.append(list_id)
    ctx.insert(call_lists, rows)
    return CallLists(tuple(list_ids), made, dnc, dnc_rows)


def _dnc_row(ctx: DemoContext, rng: random.Random, new_id: Callable[[datetime], uuid.UUID],
             e164: str) -> dict[str, Any]:
    added = ctx.now - timedelta(days=rng.uniform(20, 700))
    reason, source, lifetime = rng.choice(_DNC_REASONS)
    expires = None if lifetime is None else added + timedelta(days=lifetime)
    return {**synced(new_id(added), added), "e164": e164, "reason": reason, "source": source,
            "expires_at": expires}


def write_contacts(ctx: DemoContext, lists: CallLists) -> None:
    """Insert the contacts as the simulation left them, and the do-not-call list."""
    ctx.insert(dnc_entries, lists.dnc_rows)
    ctx.insert(contacts, [
        {**synced(c.id, c.updated_at or c.available_from), "call_list_id": lists.list_ids[c.batch],
         "customer_id": c.customer.id, "e164": c.e164, "status": c.status.value,
         "priority": c.priority, "attempts": c.attempts, "next_attempt_at": c.next_attempt_at,
         "last_disposition": c.last_disposition, "time_zone": TIME_ZONE_NAME,
         "callback_agent_id": c.callback_agent}
        for c in lists.contacts
    ])
