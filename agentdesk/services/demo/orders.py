"""Orders from the simulated sales: the order form's lines, totals and details.

Each sale becomes one order the way the order form would take it: lines priced with the
campaign's offers, the delivery promise of the round it goes out with (or a pick-up day at a
business hall), the customer's preferred time, notes, and the real-name holder for products
that must be registered in a name. :mod:`agentdesk.services.demo.deliveries` plays out what
happens to the order afterwards as ``order_events``.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from agentdesk.domain.customers import Gender
from agentdesk.domain.order_form import MIN_CONTRACT_AGE, PreferredTime
from agentdesk.domain.orders import DeliveryMethod, PaymentMethod, ProductKind, money, order_number
from agentdesk.domain.resident_id import check_digit
from agentdesk.services.demo.catalogue import Catalogue, Hall
from agentdesk.services.demo.context import SHANGHAI, DemoContext, synced
from agentdesk.services.demo.customers import DemoCustomer
from agentdesk.services.demo.deliveries import DeliveryDesk, Placed
from agentdesk.services.demo.history import Sale
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.contacts import customers
from agentdesk.store.schema.orders import order_events, order_lines, orders

_PLANS = (("P5G129", 45), ("P5G169", 35), ("P5G239", 12), ("P5G079", 8))
_HANDSETS = (("HW-M60P", 30), ("HW-NOVA12", 25), ("XM-14", 20), ("IP-15", 15), ("OPPO-R11", 10))
_ADDONS = (("ADD-FLOW10", 50), ("ADD-VIDEO", 30), ("ADD-CARD", 20))
#: Holders' ages when they first order a contract product: (youngest, oldest), weight.
_AGES = (((MIN_CONTRACT_AGE, 24), 12), ((25, 34), 30), ((35, 44), 25), ((45, 54), 18),
         ((55, 70), 15))
_STUDENT_AGES = (MIN_CONTRACT_AGE, 23)
NOTE_SHARE = 0.12  # orders with a note for the courier or the hall
OPTIONS_SHARE = 0.6  # handset lines where the agent recorded the colour
HOME_REGION_SHARE = 0.8  # holders whose number was issued where they live now


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


class OrderDesk:
    """Turns sales into orders the way the order form would, and plays out their delivery.

    Args:
        ctx: The generation run.
        catalogue: Products, offers, rounds, halls and the delivery calendar.
    """

    def __init__(self, ctx: DemoContext, catalogue: Catalogue) -> None:
        self._ctx = ctx
        self._rng = ctx.rng("orders")
        self._ids = ctx.ids("orders")
        self._catalogue = catalogue
        self.delivery = DeliveryDesk(ctx, catalogue, self._ids)
        form = load("orders")
        self._times = tuple((PreferredTime(t), w) for t, w in form["preferred_times"])
        self._courier_notes: list[str] = form["courier_notes"]
        self._hall_notes: list[str] = form["hall_notes"]
        self._options: dict[str, list[Any]] = form["handset_options"]
        self._regions: dict[str, dict[str, str]] = form["region_codes"]
        self._genders: dict[uuid.UUID, str] | None = None
        self._holders: dict[uuid.UUID, tuple[str, str]] = {}
        self.orders: list[dict[str, Any]] = []
        self.lines: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def take(self, sales: list[Sale]) -> None:
        """Create an order for every sale, numbered as the order form numbers them."""
        for sale in sorted(sales, key=lambda s: s.at):
            self._order(sale)

    def write(self) -> None:
        """Insert orders, their lines and their status histories."""
        self._ctx.insert(orders, self.orders)
        self._ctx.insert(order_lines, self.lines)
        self._ctx.insert(order_events, self.events)

    # ------------------------------------------------------------------ the order form
    def _basket(self, sale: Sale) -> list[tuple[str, int]]:
        rng = self._rng
        inbound = sale.campaign.code != self._catalogue.outbound.code
        roll = rng.random() + (0.25 if inbound else 0.0)
        if roll < 0.50:
            basket = [(_pick(rng, _PLANS), 1)]
            if rng.random() < 0.15:
                basket.append(("ADD-CARD", rng.choice((1, 1, 2))))
        elif roll < 0.63:
            basket = [("PFAM199", 1), ("ADD-FTTR", 1)]
        elif roll < 0.76:
            basket = [("BB-1000" if rng.random() < 0.7 else "BB-300", 1)]
        elif roll < 0.88:
            handset = _pick(rng, _HANDSETS)
            plan = "P5G239" if handset in ("HW-M60P", "IP-15") and rng.random() < 0.4 else "P5G169"
            basket = [(plan, 1), (handset, 1)]
            if rng.random() < 0.4:
                basket.append(("INS-SCREEN", 1))
        else:
            basket = [(_pick(rng, _ADDONS), 1)]
        if rng.random() < 0.2 and all(sku != "ADD-VIDEO" for sku, _ in basket):
            basket.append(("ADD-VIDEO", 1))
        return basket

    def _order(self, sale: Sale) -> None:
        catalogue, rng = self._catalogue, self._rng
        created = sale.at
        order_id = self._ids.at(created)
        day = created.astimezone(SHANGHAI).date()
        order_no = order_number(order_id, day)
        gross = discount = Decimal(0)
        real_name_needed = False
        basket = self._basket(sale)
        free_fttr = any(sku == "PFAM199" for sku, _ in basket)
        for sku, quantity in basket:
            product = catalogue.products[sku]
            real_name_needed |= bool(product.source["requires_real_name"])
            offer = catalogue.offer_on(day, sku)
            # As the order form prices it: an offer sets the unit price (the agent's own
            # discounts are rare and small, so the demo gives none).
            unit = product.price
            if offer is not None and offer.price < unit:
                unit = offer.price
            if sku == "ADD-FTTR" and free_fttr:
                offer = catalogue.offers.get("OF-FAM")
                unit = Decimal(0)
            off = money(Decimal(0))
            line_gross = money(unit * quantity)
            gross += line_gross
            discount += off
            self.lines.append({
                **synced(self._ids.at(created), created), "order_id": order_id,
                "product_id": product.id, "offer_id": None if offer is None else offer.id,
                "quantity": quantity, "unit_price": money(unit), "discount": off,
                "line_total": line_gross - off, "options": self._options_for(product.kind, sku),
            })
        hall = self._hall_for(sale)
        preferred = PreferredTime.ANY if hall else _pick_time(rng, self._times)
        notes = ""
        if rng.random() < NOTE_SHARE:
            notes = rng.choice(self._hall_notes if hall else self._courier_notes)
        real_name = resident_id = ""
        if real_name_needed:
            real_name, resident_id = self._holder(sale.customer, day)
        total = gross - discount
        desk = self.delivery
        # Pick-ups travel to the hall with the round too, ready from its delivery date.
        slot = desk.slot(created)
        pickup_day = max(desk.pickup_day(created), slot.delivery_date) if hall else None
        history = desk.history(Placed(order_id, created, sale.agent.user_id, total, preferred,
                                      None if hall else slot, hall, pickup_day))
        self.events.extend(history)
        self.orders.append({
            **synced(order_id, created), "order_no": order_no, "customer_id": sale.customer.id,
            "call_id": sale.call_id, "campaign_id": sale.campaign.id,
            "agent_id": sale.agent.user_id, "status": history[-1]["status"], "total": total,
            "delivery_method": (DeliveryMethod.HALL_PICKUP if hall else
                                DeliveryMethod.HOME_DELIVERY).value,
            "payment_method": (PaymentMethod.PAY_AT_HALL if hall else
                               PaymentMethod.CASH_ON_DELIVERY).value,
            "delivery_address": "" if hall else sale.customer.address,
            "contact_e164": sale.e164, "hall_id": hall.id if hall else None,
            "round_id": slot.round.id, "round_date": slot.handover_date, "created_at": created,
            "gross": gross, "discount": discount, "approved_by": None, "approval_note": "",
            "preferred_time": preferred.value, "real_name": real_name,
            "resident_id": resident_id, "notes": notes,
            "handover_at": slot.handover, "delivery_date": slot.delivery_date,
        })

    def _options_for(self, kind: ProductKind, sku: str) -> str:
        if kind is not ProductKind.HANDSET or sku not in self._options:
            return ""
        if self._rng.random() >= OPTIONS_SHARE:
            return ""
        storage, colours = self._options[sku]
        return f"{storage} {self._rng.choice(colours)}"

    def _hall_for(self, sale: Sale) -> Hall | None:
        city = sale.customer.city["name"]
        halls = [h for h in self._catalogue.halls if h.city == city]
        if not halls:
            return None
        vip = sale.customer.vip
        if self._rng.random() >= (0.7 if vip else 0.25):
            return None
        rooms = [h for h in halls if h.vip == vip] or [h for h in halls if not h.vip]
        return self._rng.choice(rooms) if rooms else None

    # ------------------------------------------------------------------ real name
    def _holder(self, customer: DemoCustomer, day: date) -> tuple[str, str]:
        """Return the customer's name and resident ID number, the same on every order."""
        held = self._holders.get(customer.id)
        if held is None:
            held = (customer.name, self._resident_id(customer, day))
            self._holders[customer.id] = held
        return held

    def _gender(self, customer_id: uuid.UUID) -> Gender:
        if self._genders is None:
            rows = self._ctx.conn.execute(sa.select(customers.c.id, customers.c.gender))
            self._genders = {row.id: row.gender for row in rows}
        return Gender(self._genders.get(customer_id, Gender.UNKNOWN.value))

    def _resident_id(self, customer: DemoCustomer, day: date) -> str:
        """Return a valid number for an adult born where they live (mostly), of their gender."""
        rng = self._rng
        if "学生" in customer.tags:
            youngest, oldest = _STUDENT_AGES
        else:
            youngest, oldest = rng.choices([a for a, _ in _AGES], [w for _, w in _AGES])[0]
        age = rng.randint(youngest, oldest)
        # Born between age + 1 years and age years before the day: exactly ``age`` on it.
        birthday = date(day.year - age, day.month, min(day.day, 28))
        birth = birthday - timedelta(days=rng.randrange(1, 365))
        districts = self._regions.get(customer.city["name"], {})
        region = next((code for name, code in districts.items() if name in customer.address),
                      None)
        if region is None or rng.random() >= HOME_REGION_SHARE:
            region = rng.choice([c for codes in self._regions.values() for c in codes.values()])
        gender = self._gender(customer.id)
        digits = "13579" if gender is Gender.MALE else "02468" if gender is Gender.FEMALE \
            else "0123456789"
        first_17 = f"{region}{birth:%Y%m%d}{rng.randrange(100):02d}{rng.choice(digits)}"
        return first_17 + check_digit(first_17)


def _pick_time(rng: random.Random,
               weighted: tuple[tuple[PreferredTime, int], ...]) -> PreferredTime:
    return rng.choices([t for t, _ in weighted], [w for _, w in weighted])[0]
