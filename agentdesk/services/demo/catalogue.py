"""Campaigns with their disposition codes, products, offers, halls, delivery set-up and targets."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from agentdesk.domain.calls import DispositionCategory
from agentdesk.domain.delivery import DeliveryCalendar
from agentdesk.domain.orders import ProductKind
from agentdesk.services.demo.context import DemoContext, local, parse_clock, synced
from agentdesk.services.demo.people import Staff
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.catalogue import (
    campaigns,
    disposition_codes,
    offers,
    products,
    targets,
)
from agentdesk.store.schema.orders import business_halls, delivery_closures, delivery_rounds


@dataclass(frozen=True, slots=True)
class DispositionCode:
    """A disposition code of one campaign."""

    id: uuid.UUID
    code: str
    category: DispositionCategory
    retry_minutes: int | None


@dataclass(frozen=True, slots=True)
class Campaign:
    """A campaign as the history simulation needs it."""

    id: uuid.UUID
    code: str
    name: str
    wrapup_seconds: int
    max_attempts: int
    codes: dict[str, DispositionCode]


@dataclass(frozen=True, slots=True)
class Product:
    """A catalogue item with its source description (for the knowledge base)."""

    id: uuid.UUID
    sku: str
    kind: ProductKind
    price: Decimal
    source: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Offer:
    """A campaign offer on one product."""

    id: uuid.UUID
    code: str
    product: Product
    price: Decimal
    valid_from: date
    valid_until: date
    source: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    """A dispatch round: which order times it takes, when it leaves, when it delivers."""

    id: uuid.UUID
    key: str
    orders_from: time
    orders_until: time
    handover_at: time
    day_offset: int
    capacity: int
    source: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Hall:
    """A business hall or VIP room where customers pick orders up."""

    id: uuid.UUID
    name: str
    city: str
    vip: bool
    source: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The reference data the rest of the demo refers to."""

    outbound: Campaign
    inbound: Campaign
    products: dict[str, Product]
    offers: dict[str, Offer]
    rounds: tuple[DeliveryRound, ...]
    halls: tuple[Hall, ...]
    calendar: DeliveryCalendar = DeliveryCalendar()

    def offer_on(self, day: date, sku: str) -> Offer | None:
        """Return the offer valid on ``day`` for product ``sku``, if any."""
        for offer in self.offers.values():
            if offer.product.sku == sku and offer.valid_from <= day <= offer.valid_until:
                return offer
        return None


def create_catalogue(ctx: DemoContext) -> Catalogue:
    """Insert campaigns, disposition codes, products, offers, halls and delivery rounds."""
    ids = ctx.ids("catalogue")
    created = ctx.now - timedelta(days=30)
    campaign_rows: list[dict[str, Any]] = []
    code_rows: list[dict[str, Any]] = []
    made: dict[str, Campaign] = {}
    for source in load("campaigns")["campaigns"]:
        campaign_id = ids.at(created)
        ends = source["ends_in_days"]
        campaign_rows.append({
            **synced(campaign_id, created), "code": source["code"], "name": source["name"],
            "name_en": source["name_en"], "direction": source["direction"],
            "status": source["status"],
            "starts_on": ctx.today + timedelta(days=source["starts_in_days"]),
            "ends_on": None if ends is None else ctx.today + timedelta(days=ends),
            "description": source["description"], "wrapup_seconds": source["wrapup_seconds"],
            "max_attempts": source["max_attempts"],
            "calling_from": parse_clock(source["calling_from"]),
            "calling_until": parse_clock(source["calling_until"]),
        })
        codes: dict[str, DispositionCode] = {}
        for order, (code, label, label_en, category, retry) in enumerate(source["dispositions"]):
            code_id = ids.at(created)
            codes[code] = DispositionCode(code_id, code, DispositionCategory(category), retry)
            code_rows.append({
                **synced(code_id, created), "campaign_id": campaign_id, "code": code,
                "label": label, "label_en": label_en, "category": category,
                "retry_minutes": retry, "sort_order": (order + 1) * 10,
            })
        made[source["direction"]] = Campaign(campaign_id, source["code"], source["name"],
                                             source["wrapup_seconds"], source["max_attempts"],
                                             codes)
    ctx.insert(campaigns, campaign_rows)

    catalogue_data = load("products")
    items: dict[str, Product] = {}
    for source in catalogue_data["products"]:
        items[source["sku"]] = Product(ids.at(created), source["sku"], ProductKind(source["kind"]),
                                       Decimal(source["price"]), source)
    ctx.insert(products, [
        {**synced(p.id, created), "sku": p.sku, "name": p.source["name"],
         "name_en": p.source["name_en"], "kind": p.kind.value, "price": p.price,
         "description": p.source["description"],
         "requires_real_name": p.source["requires_real_name"], "active": True}
        for p in items.values()
    ])
    deals: dict[str, Offer] = {}
    for source in catalogue_data["offers"]:
        deals[source["code"]] = Offer(
            ids.at(created), source["code"], items[source["sku"]], Decimal(source["price"]),
            ctx.today + timedelta(days=source["from_days"]),
            ctx.today + timedelta(days=source["until_days"]), source)
    ctx.insert(offers, [
        {**synced(o.id, created), "campaign_id": made["outbound"].id, "product_id": o.product.id,
         "name": o.source["name"], "name_en": o.source["name_en"], "price": o.price,
         "valid_from": o.valid_from, "valid_until": o.valid_until,
         "eligibility": o.source["eligibility"]}
        for o in deals.values()
    ])
    ctx.insert(disposition_codes, code_rows)
    rounds, halls, calendar = _delivery(ctx, ids.at, created)
    return Catalogue(made["outbound"], made["inbound"], items, deals, rounds, halls, calendar)


def _delivery(
    ctx: DemoContext, new_id: Callable[[datetime], uuid.UUID], created: datetime
) -> tuple[tuple[DeliveryRound, ...], tuple[Hall, ...], DeliveryCalendar]:
    data = load("delivery")
    halls = tuple(Hall(new_id(created), h["name"], h["city"], h["vip"], h) for h in data["halls"])
    ctx.insert(business_halls, [
        {**synced(h.id, created), "name": h.name, "name_en": h.source["name_en"],
         "address": h.source["address"], "phone_e164": h.source["phone"], "is_vip_room": h.vip,
         "daily_capacity": h.source["capacity"]}
        for h in halls
    ])
    rounds = tuple(
        DeliveryRound(new_id(created), r["key"], parse_clock(r["orders_from"]),
                      parse_clock(r["orders_until"]), parse_clock(r["handover_at"]),
                      r["delivery_day_offset"], r["capacity"], r)
        for r in data["rounds"]
    )
    ctx.insert(delivery_rounds, [
        {**synced(r.id, created), "name": r.source["name"], "name_en": r.source["name_en"],
         "orders_from": r.orders_from, "orders_until": r.orders_until,
         "handover_at": r.handover_at, "booking_from": parse_clock(r.source["booking_from"]),
         "booking_until": parse_clock(r.source["booking_until"]),
         "delivery_day_offset": r.day_offset, "capacity": r.capacity}
        for r in rounds
    ])
    closed = [(date.fromisoformat(c["day"]), c["name"]) for c in data["closures"]]
    ctx.insert(delivery_closures, [
        {**synced(new_id(created), created), "day": day, "weekday": None, "name": name}
        for day, name in closed
    ])
    return rounds, halls, DeliveryCalendar(holidays=frozenset(day for day, _ in closed))


def create_targets(ctx: DemoContext, staff: Staff, catalogue: Catalogue) -> None:
    """Insert this month's targets for every agent and team: calls, sales and revenue in fen."""
    ids = ctx.ids("targets")
    first = ctx.today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    created = local(first, time(8, 0)) - timedelta(days=1)
    working_days = sum(1 for n in range((last - first).days + 1)
                       if (first + timedelta(days=n)).weekday() < 5)
    rows: list[dict[str, Any]] = []

    def target(metric: str, value: int, team_id: uuid.UUID | None,
               agent_id: uuid.UUID | None) -> None:
        rows.append({**synced(ids.at(created), created), "campaign_id": catalogue.outbound.id,
                     "team_id": team_id, "agent_id": agent_id, "metric": metric,
                     "period_start": first, "period_end": last, "value": value})

    for team, team_id in enumerate(staff.team_ids):
        members = staff.team_members(team)
        team_totals = {"calls": 0, "sales": 0, "revenue_fen": 0}
        for agent in members:
            # Targets follow last month's level: stronger sellers get higher sales targets.
            calls = round(working_days * 85 / 5) * 5
            sales = max(8, round(working_days * 0.45 * min(agent.conversion, 1.4)))
            revenue = sales * 80_000  # an order averages about 800 CNY
            for metric, value in (("calls", calls), ("sales", sales), ("revenue_fen", revenue)):
                target(metric, value, None, agent.user_id)
                team_totals[metric] += value
        for metric, value in team_totals.items():
            target(metric, value, team_id, None)
    ctx.insert(targets, rows)
