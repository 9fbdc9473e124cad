"""Orders from the simulated sales, their lines, delivery rounds and the dispatch results."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from agentdesk.domain.orders import DeliveryMethod, OrderStatus, PaymentMethod, money
from agentdesk.services.demo.catalogue import Catalogue, DeliveryRound, Hall
from agentdesk.services.demo.context import SHANGHAI, DemoContext, local, synced
from agentdesk.services.demo.history import Sale
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.orders import dispatches, order_lines, orders

_PLANS = (("P5G129", 45), ("P5G169", 35), ("P5G239", 12), ("P5G079", 8))
_HANDSETS = (("HW-M60P", 30), ("HW-NOVA12", 25), ("XM-14", 20), ("IP-15", 15), ("OPPO-R11", 10))
_ADDONS = (("ADD-FLOW10", 50), ("ADD-VIDEO", 30), ("ADD-CARD", 20))
_FINAL = ((OrderStatus.DELIVERED, 84), (OrderStatus.FAILED, 6), (OrderStatus.REFUSED, 4),
          (OrderStatus.RESCHEDULED, 3), (OrderStatus.CANCELLED, 3))

def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


class OrderDesk:
    """Turns sales into orders the way the order form would, and plays out their delivery.

    Args:
        ctx: The generation run.
        catalogue: Products, offers, rounds and halls.
    """

    def __init__(self, ctx: DemoContext, catalogue: Catalogue) -> None:
        self._ctx = ctx
        self._rng = ctx.rng("orders")
        self._ids = ctx.ids("orders")
        self._catalogue = catalogue
        delivery = load("delivery")
        self._couriers: list[str] = delivery["couriers"]
        self._reasons: dict[OrderStatus, list[str]] = {
            OrderStatus.FAILED: delivery["failed_reasons"],
            OrderStatus.REFUSED: delivery["refused_reasons"],
            OrderStatus.RESCHEDULED: delivery["rescheduled_reasons"],
        }
        self.orders: list[dict[str, Any]] = []
        self.lines: list[dict[str, Any]] = []
        self.dispatches: list[dict[str, Any]] = []

    def take(self, sales: list[Sale]) -> None:
        """Create an order for every sale, numbered per day in the order they were taken."""
        per_day: dict[date, int] = defaultdict(int)
        for sale in sorted(sales, key=lambda s: s.at):
            day = sale.at.astimezone(SHANGHAI).date()
            per_day[day] += 1
            self._order(sale, f"SO{day:%Y%m%d}{per_day[day]:04d}")

    def write(self) -> None:
        """Insert orders, order lines and dispatches."""
        self._ctx.insert(orders, self.orders)
        self._ctx.insert(order_lines, self.lines)
        self._ctx.insert(dispatches, self.dispatches)

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

    def _order(self, sale: Sale, order_no: str) -> None:
        catalogue = self._catalogue
        created = sale.at
        order_id = self._ids.at(created)
        day = created.astimezone(SHANGHAI).date()
        total = Decimal(0)
        line_rows = []
        basket = self._basket(sale)
        free_fttr = any(sku == "PFAM199" for sku, _ in basket)
        for sku, quantity in basket:
            product = catalogue.products[sku]
            offer = catalogue.offer_on(day, sku)
            unit = product.price
            discount = Decimal(0)
            if offer is not None and offer.price < unit:
                discount = (unit - offer.price) * quantity
            if sku == "ADD-FTTR" and free_fttr:
                offer = catalogue.offers.get("OF-FAM")
                discount = unit * quantity
            line_total = money(unit * quantity - discount)
            total += line_total
            line_rows.append({
                **synced(self._ids.at(created), created), "order_id": order_id,
                "product_id": product.id, "offer_id": None if offer is None else offer.id,
                "quantity": quantity, "unit_price": money(unit), "discount": money(discount),
                "line_total": line_total,
            })
        hall = self._hall_for(sale)
        status, round_, round_date, dispatch = self._fulfil(sale, order_id, hall)
        updated = dispatch["reported_at"] if dispatch else created
        self.orders.append({
            **synced(order_id, updated), "order_no": order_no, "customer_id": sale.customer.id,
            "call_id": sale.call_id, "campaign_id": sale.campaign.id,
            "agent_id": sale.agent.user_id, "status": status.value, "total": money(total),
            "delivery_method": (DeliveryMethod.HALL_PICKUP if hall else
                                DeliveryMethod.HOME_DELIVERY).value,
            "payment_method": (PaymentMethod.PAY_AT_HALL if hall else
                               PaymentMethod.CASH_ON_DELIVERY).value,
            "delivery_address": "" if hall else sale.customer.address,
            "contact_e164": sale.e164, "hall_id": hall.id if hall else None,
            "round_id": round_.id if round_ else None, "round_date": round_date,
            "created_at": created,
        })
        self.lines.extend(line_rows)
        if dispatch:
            self.dispatches.append(dispatch)

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

    # ------------------------------------------------------------------ delivery
    def round_for(self, created: datetime) -> tuple[DeliveryRound, date]:
        """Return the round an order taken at ``created`` goes out with, and its handover date.

        A round's window may wrap past midnight (17:00-11:00): orders after its start go out
        the next day.
        """
        moment = created.astimezone(SHANGHAI)
        for round_ in self._catalogue.rounds:
            start, until = round_.orders_from, round_.orders_until
            now = moment.time()
            if start < until and start <= now < until:
                return round_, moment.date()
            if start > until and (now >= start or now < until):
                later = now >= start
                return round_, moment.date() + timedelta(days=1 if later else 0)
        raise ValueError(f"No delivery round takes orders at {moment:%H:%M}")

    def _fulfil(self, sale: Sale, order_id: Any, hall: Hall | None) -> tuple[
            OrderStatus, DeliveryRound | None, date | None, dict[str, Any] | None]:
        rng, now = self._rng, self._ctx.now
        created = sale.at
        if rng.random() < 0.02:
            return OrderStatus.CANCELLED, None, None, None
        if hall is not None:
            served = local(created.astimezone(SHANGHAI).date() + timedelta(days=rng.randint(1, 3)),
                           time(rng.randrange(10, 18), rng.randrange(60)))
            if served > now:
                return OrderStatus.CONFIRMED, None, None, None
            status = OrderStatus.DELIVERED if rng.random() < 0.92 else OrderStatus.FAILED
            reason = ("客户到厅办理并付款" if status is OrderStatus.DELIVERED
                      else "客户逾期未到厅自提")
            return status, None, None, self._dispatch(order_id, None, hall, status, reason,
                                                      served, hall.name)
        round_, handover_date = self.round_for(created)
        if local(handover_date, round_.handover_at) > now:
            return OrderStatus.CONFIRMED, round_, handover_date, None
        delivery_day = handover_date + timedelta(days=round_.day_offset)
        first_hour = 13 if round_.day_offset == 0 else 9
        delivered = local(delivery_day, time(first_hour)) + timedelta(
            minutes=rng.randrange(0, (19 - first_hour) * 60))
        reported = delivered + timedelta(minutes=rng.randrange(10, 90))
        if reported > now:
            return OrderStatus.DISPATCHED, round_, handover_date, None
        status = rng.choices([s for s, _ in _FINAL], [w for _, w in _FINAL])[0]
        if status is OrderStatus.CANCELLED:
            return status, round_, handover_date, None
        reasons = self._reasons.get(status)
        reason = rng.choice(reasons) if reasons else "已签收，回执已收回"
        return status, round_, handover_date, self._dispatch(
            order_id, round_, None, status, reason, reported, rng.choice(self._couriers))

    def _dispatch(self, order_id: Any, round_: DeliveryRound | None, hall: Hall | None,
                  status: OrderStatus, reason: str, reported: datetime,
                  reporter: str) -> dict[str, Any]:
        return {**synced(self._ids.at(reported), reported), "order_id": order_id,
                "round_id": round_.id if round_ else None, "hall_id": hall.id if hall else None,
                "result": status.value, "reason": reason, "reported_at": reported,
                "reported_by": reporter}
