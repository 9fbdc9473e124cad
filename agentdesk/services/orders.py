"""Taking orders on a call: the catalogue, prices within authority, the delivery promise.

The service is the authority on what an order costs and when it arrives: prices come from
the catalogue (the form's figures are only shown), discounts are checked against the agent's
tier, and a discount beyond it needs a supervisor who signs in on the agent's screen through
:meth:`OrderService.approve_discount`. An order is saved in one local transaction and syncs
like every other result.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.engine import Connection

from agentdesk.domain.delivery import (
    DeliveryCalendar,
    DeliveryRound,
    RoundSlot,
    booked_in,
    next_slots,
)
from agentdesk.domain.dialing import center_today
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.order_form import (
    DiscountApproval,
    OrderDraft,
    RoundFullError,
    check_order,
)
from agentdesk.domain.orders import (
    CatalogueItem,
    DeliveryMethod,
    Hall,
    SavedOrder,
    order_number,
)
from agentdesk.domain.people import Capability, User
from agentdesk.domain.ports import Clock
from agentdesk.domain.pricing import (
    DEFAULT_MAX_QUANTITY,
    DEFAULT_TIERS,
    Authority,
    AuthorityTiers,
    OrderLineDraft,
    OrderTotals,
    check_lines,
    discount_authority,
    price_order,
)
from agentdesk.services.auth import AuthService
from agentdesk.services.dispatch_files import word
from agentdesk.store import orders as store
from agentdesk.store.database import Database
from agentdesk.store.schema.base import DEFAULT_SITE

#: How many handovers ahead the form offers.
SLOTS_OFFERED = 6


@dataclass(frozen=True, slots=True)
class OrderSetup:
    """What the order form needs, read once when it opens."""

    items: tuple[CatalogueItem, ...]
    halls: tuple[Hall, ...]
    rounds: tuple[DeliveryRound, ...]
    calendar: DeliveryCalendar
    tiers: AuthorityTiers
    max_quantity: int

    def item(self, sku: str) -> CatalogueItem | None:
        """Return the catalogue item with code ``sku``, None if there is none."""
        return next((i for i in self.items if i.sku == sku), None)


@dataclass(frozen=True, slots=True)
class SlotChoice:
    """A handover the agent may promise, with its load."""

    slot: RoundSlot
    booked: int

    @property
    def full(self) -> bool:
        """True when the round has no room left."""
        return self.booked >= self.slot.round.capacity


@dataclass(frozen=True, slots=True)
class Promise:
    """When an order taken now would arrive, and what else the agent can offer.

    Attributes:
        choices: The next handovers, first the one the order goes with by the cut-off rules.
        hall_booked: Pick-ups the chosen hall hands out on each choice's delivery date.
        hall_capacity: The hall's daily capacity (None: no limit, or no hall chosen).
    """

    choices: tuple[SlotChoice, ...]
    hall_booked: tuple[int, ...] = ()
    hall_capacity: int | None = None

    def has_room(self, index: int) -> bool:
        """True when choice ``index`` has room in the round and at the hall."""
        if self.choices[index].full:
            return False
        if self.hall_capacity is None or not self.hall_booked:
            return True
        return self.hall_booked[index] < self.hall_capacity

    def first_with_room(self) -> int | None:
        """Index of the first choice with room, None if every one is full."""
        return next((i for i in range(len(self.choices)) if self.has_room(i)), None)


class OrderService:
    """Order capture for one signed-in user.

    Args:
        database: The workstation's database.
        clock: The clock.
        user: Who takes the orders.
        auth: Sign-in, to check a supervisor's password for an approval.
        tiers: The discount authority tiers.
        site: The site new orders belong to.
    """

    def __init__(self, database: Database, clock: Clock, user: User, auth: AuthService | None,
                 *, tiers: AuthorityTiers = DEFAULT_TIERS, site: str = DEFAULT_SITE) -> None:
        self._database = database
        self._clock = clock
        self._user = user
        self._auth = auth
        self._tiers = tiers
        self._site = site
        self._approvals: set[DiscountApproval] = set()

    @property
    def user(self) -> User:
        """Who takes the orders."""
        return self._user

    # ------------------------------------------------------------------ the form
    def setup(self, campaign_id: uuid.UUID | None) -> OrderSetup:
        """Return the catalogue with today's offers, the halls and the rounds."""
        today = center_today(self._clock.now())
        with self._database.read() as conn:
            items = store.catalogue(conn, today=today, campaign_id=campaign_id)
            halls = store.halls(conn)
            rounds, calendar = store.delivery_setup(conn)
        return OrderSetup(tuple(items), tuple(halls), tuple(rounds), calendar, self._tiers,
                          DEFAULT_MAX_QUANTITY)

    def customer_defaults(self, customer_id: uuid.UUID) -> tuple[str, list[str], str]:
        """Return the customer's name, addresses (default first) and main number (E.164)."""
        with self._database.read() as conn:
            return store.customer_defaults(conn, customer_id)

    def promise(self, setup: OrderSetup, hall_id: uuid.UUID | None = None,
                count: int = SLOTS_OFFERED) -> Promise:
        """Return the handovers an order taken now can go with, and how full they are."""
        if not setup.rounds:
            return Promise(())
        now = self._clock.now()
        slots = _slots(now, setup.rounds, setup.calendar, count)
        with self._database.read() as conn:
            booked = store.booked_slots(conn, slots[0].handover_date, slots[-1].handover_date,
                                        setup.rounds, setup.calendar)
            hall = next((h for h in setup.halls if h.id == hall_id), None)
            hall_booked: tuple[int, ...] = ()
            if hall is not None and hall.daily_capacity is not None:
                hall_booked = tuple(store.hall_bookings(conn, hall.id, s.delivery_date)
                                    for s in slots)
        choices = tuple(SlotChoice(s, booked_in(booked, s)) for s in slots)
        return Promise(choices, hall_booked,
                       None if hall is None else hall.daily_capacity)

    def authority(self, lines: Sequence[OrderLineDraft]) -> Authority:
        """Who may grant the discount on ``lines`` (valid lines only)."""
        totals = OrderTotals.from_lines(lines)
        return discount_authority(totals.gross, totals.discount, self._tiers)

    def totals(self, lines: Sequence[OrderLineDraft],
               approval: DiscountApproval | None = None) -> OrderTotals:
        """Return the order's totals, checking lines and discount authority.

        Raises:
            ValidationError: See :func:`agentdesk.domain.pricing.price_order`.
        """
        gross_and_discount = OrderTotals.from_lines(lines)
        return price_order(lines, self._tiers, approved_by_supervisor=self._approved(
            approval, gross_and_discount.gross, gross_and_discount.discount))

    def _approved(self, approval: DiscountApproval | None, gross: Decimal,
                  discount: Decimal) -> bool:
        """True for an approval this service issued, for exactly this gross and discount."""
        return approval is not None and approval in self._approvals \
            and approval.covers(gross, discount)

    def approve_discount(self, username: str, password: str, totals: OrderTotals,
                         note: str = "") -> DiscountApproval:
        """Check a supervisor's credentials on the agent's screen and return the approval.

        The approval covers ``totals``' discount on ``totals``' gross only: a changed order
        needs a new one.

        Raises:
            AuthenticationError: Wrong credentials, locked or disabled (as for sign-in).
            KnownError: ``cannot_approve`` when the account may not approve discounts, or
                ``self_approval`` when it is the agent's own.
        """
        if self._auth is None:
            raise KnownError("No one can approve discounts here", code="cannot_approve")
        supervisor = self._auth.sign_in(username, password)
        if not supervisor.can(Capability.APPROVE_DISCOUNTS):
            raise KnownError(f"{supervisor.username} may not approve discounts",
                             code="cannot_approve", name=supervisor.display_name)
        if supervisor.id == self._user.id:
            raise KnownError("A discount needs someone else's approval", code="self_approval")
        approval = DiscountApproval(supervisor.id, totals.gross, totals.discount, note)
        self._approvals.add(approval)
        return approval

    # ------------------------------------------------------------------ saving
    def capture(self, draft: OrderDraft) -> SavedOrder:
        """Check, price and save an order; return it as stored.

        The unit prices are the catalogue's (today's offer where there is one), whatever the
        form showed. The order goes with the round the agent chose, else with the first
        handover by the cut-off rules. A supervisor's approval is used up by the order it
        was given for.

        Raises:
            ValidationError: ``customer`` or ``call`` ``unknown`` (not on this workstation);
                ``total`` ``changed`` when the prices no longer give the quoted total;
                lines (``lines[i].product_code`` ``unknown``), prices, discount
                authority (``needs_approval``, ``too_high``) or the details of
                :func:`agentdesk.domain.order_form.check_order`; ``round`` ``unknown`` or
                ``past`` for a round the form no longer offers.
            RoundFullError: The round (or the hall on that day) is full; ``params`` name the
                next handover with room (``round``, ``handover``, ``delivery_date``...).
        """
        now = self._clock.now()
        today = center_today(now)
        skus = {str(line.product_code).strip() for line in draft.lines}
        with self._database.write() as conn:
            customer_name = store.customer_name(conn, draft.customer_id)
            if customer_name is None:
                raise ValidationError({"customer": "unknown"})
            if draft.call_id is not None and not store.call_exists(conn, draft.call_id):
                raise ValidationError({"call": "unknown"})
            items = {i.sku: i for i in store.catalogue(conn, today=today,
                                                       campaign_id=draft.campaign_id, skus=skus)}
            lines, problems = [], {}
            for index, line in enumerate(draft.lines):
                item = items.get(str(line.product_code).strip())
                if item is None:
                    problems[f"lines[{index}].product_code"] = "unknown"
                    continue
                lines.append(OrderLineDraft(item.sku, item.name, item.price, line.quantity,
                                            line.discount, line.options))
            if problems:
                raise ValidationError(problems)
            unpriced = OrderTotals.from_lines(check_lines(lines))
            approved = self._approved(draft.approval, unpriced.gross, unpriced.discount)
            totals = price_order(lines, self._tiers, approved_by_supervisor=approved)
            if draft.quoted_total is not None and draft.quoted_total != totals.total:
                raise ValidationError({"total": "changed"})
            halls = store.halls(conn)
            details = check_order(
                draft, today=today, hall_ids=frozenset(h.id for h in halls),
                needs_real_name=any(items[line.product_code].requires_real_name
                                    for line in lines))
            rounds, calendar = store.delivery_setup(conn)
            if not rounds:
                raise KnownError("No dispatch rounds are set up", code="no_rounds")
            slot = self._chosen_slot(conn, draft, rounds, calendar, now, halls)
            order_id = new_id()
            hall = next((h for h in halls if h.id == draft.hall_id), None) \
                if draft.delivery_method is DeliveryMethod.HALL_PICKUP else None
            new = store.NewOrder(
                id=order_id, order_no=order_number(order_id, today), site=self._site,
                customer_id=draft.customer_id, agent_id=self._user.id, call_id=draft.call_id,
                campaign_id=draft.campaign_id,
                lines=[store.NewLine(items[line.product_code], line.quantity, line.unit_price,
                                     line.discount, line.line_total, line.options)
                       for line in lines],
                gross=totals.gross, discount=totals.discount, total=totals.total,
                approved_by=draft.approval.supervisor_id if approved and draft.approval
                and totals.discount else None,
                approval_note=details.approval_note if approved else "",
                delivery_method=draft.delivery_method, payment_method=draft.payment_method,
                address=details.address, contact_e164=details.contact_e164,
                preferred_time=details.preferred_time.value,
                hall_id=None if hall is None else hall.id,
                slot=slot, real_name=details.real_name, resident_id=details.resident_id,
                notes=details.notes, created_at=now)
            store.save_order(conn, new)
        saved = store.saved_order(new, customer_name=customer_name, hall=hall,
                                  agent_name=self._user.display_name)
        if approved and draft.approval is not None:
            self._approvals.discard(draft.approval)  # one approval, one order
        return saved

    def _chosen_slot(self, conn: Connection, draft: OrderDraft,
                     rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar,
                     now: datetime, halls: Sequence[Hall]) -> RoundSlot:
        slots = _slots(now, rounds, calendar, SLOTS_OFFERED * 3)
        if draft.round_id is None:
            chosen = slots[0]  # the first handover by the cut-off rules
        else:
            found = [s for s in slots if s.round.id == draft.round_id
                     and s.handover_date == draft.round_date]
            if not found:
                known = any(r.id == draft.round_id for r in rounds)
                raise ValidationError({"round": "past" if known else "unknown"})
            chosen = found[0]
        booked = store.booked_slots(conn, slots[0].handover_date, slots[-1].handover_date,
                                    rounds, calendar)
        hall = next((h for h in halls if h.id == draft.hall_id), None)
        pickup = draft.delivery_method is DeliveryMethod.HALL_PICKUP and hall is not None

        def has_room(slot: RoundSlot) -> bool:
            if booked_in(booked, slot) >= slot.round.capacity:
                return False
            if pickup and hall is not None and hall.daily_capacity is not None:
                return store.hall_bookings(conn, hall.id, slot.delivery_date) < \
                    hall.daily_capacity
            return True

        if has_room(chosen):
            return chosen
        later = next((s for s in slots if s.handover > chosen.handover and has_room(s)), None)
        params = {} if later is None else later.promise_params()
        raise RoundFullError(f"{chosen.round.name_en} on {chosen.handover_date} is full",
                             full_round=chosen.round.name, full_round_en=chosen.round.name_en,
                             full_date=chosen.handover_date.isoformat(),
                             hall_full=pickup and booked_in(booked, chosen) <
                             chosen.round.capacity,
                             next_round_id=None if later is None else str(later.round.id),
                             next_round_date=None if later is None
                             else later.handover_date.isoformat(), **params)

    # ------------------------------------------------------------------ reading
    def order(self, order_no: str) -> SavedOrder:
        """Return an order with its history.

        Raises:
            NotFoundError: ``order_not_found``.
        """
        with self._database.read() as conn:
            return store.load_order(conn, order_no=order_no.strip()[:40])

    def order_values(self, order: SavedOrder, language: str = "zh") -> dict[str, str]:
        """Return the ``order.*`` values a call script shows once an order is saved.

        ``order.no``, ``order.items``, ``order.total``, ``order.delivery`` (the delivery or
        pick-up day), ``order.address`` (the address, or the hall and its address),
        ``order.payment`` and ``order.round``; Chinese unless ``language`` starts with "en".
        """
        english = language.startswith("en")
        words = "en" if english else "zh_CN"
        items = ("; ".join(f"{line.name_en or line.name} ×{line.quantity}"
                           for line in order.lines) if english else order.items)
        values = {"order.no": order.order_no, "order.items": items,
                  "order.total": f"¥{order.total:,.2f}",
                  "order.payment": word(order.payment_method.value, words)}
        if order.delivery_date is not None:
            values["order.delivery"] = order.delivery_date.isoformat()
        if order.hall is not None:
            name = order.hall.name_en if english and order.hall.name_en else order.hall.name
            values["order.address"] = f"{name} ({order.hall.address})" if english \
                else f"{name}（{order.hall.address}）"
        elif order.address:
            values["order.address"] = order.address
        if order.round_name:
            values["order.round"] = order.round_name_en if english and order.round_name_en \
                else order.round_name
        return values


def _slots(now: datetime, rounds: Sequence[DeliveryRound], calendar: DeliveryCalendar,
           count: int) -> list[RoundSlot]:
    """The next handovers, first the one the cut-off rules give an order taken ``now``.

    Raises:
        KnownError: ``no_round`` when the configured rounds leave this time of day uncovered.
    """
    try:
        return next_slots(now, rounds, calendar, count)
    except ValueError as error:
        raise KnownError(str(error), code="no_round") from error
