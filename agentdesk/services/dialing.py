"""Outbound preview dialing for one agent: next contact, dial checks, call results, callbacks."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import (
    CallbackScope,
    CallbackStatus,
    ContactStatus,
    DispositionCategory,
    FinishedCall,
)
from agentdesk.domain.campaigns import CampaignDirection, CampaignStatus
from agentdesk.domain.dialing import (
    DialRules,
    calling_window,
    center_today,
    contact_time_zone,
    local_time,
    window_is_open,
)
from agentdesk.domain.errors import NotFoundError
from agentdesk.domain.people import User
from agentdesk.domain.phones import InvalidPhoneError, mask_phone, normalize_phone, parse_phone
from agentdesk.domain.ports import Clock
from agentdesk.services.dialing_views import (
    CampaignSetup,
    ContactPreview,
    DialRefused,
    DispositionOption,
    NothingToCall,
    NothingToCallReason,
    NumberChoice,
    PendingCallback,
)
from agentdesk.services.sync import SyncService
from agentdesk.store.call_results import (
    customer_zone,
    number_is_dnc,
    record_finished_call,
)
from agentdesk.store.contact_queue import (
    DriverQuery,
    QueuedContact,
    dnc_listed,
    first_opening,
    forget_leases,
    grant_local,
    leased_batch,
    load_contact,
    pick,
    pick_first,
    stored_time,
)
from agentdesk.store.database import Database
from agentdesk.store.list_rules import ListRules
from agentdesk.store.schema.base import UTCDateTime
from agentdesk.store.schema.catalogue import call_lists, campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customer_phones, customers
from agentdesk.store.schema.work import callbacks
from agentdesk.sync.protocol import ProtocolMismatch, ServerUnavailable

BATCH_SIZE = 10
#: Leases closer than this to their end are renewed when the batch is topped up.
RENEW_BEFORE = timedelta(minutes=5)
_SERVER_DOWN = (ServerUnavailable, ProtocolMismatch)


@dataclass(frozen=True, slots=True)
class _Known:
    """A campaign as read: what :class:`_Campaign` is made from on each call."""

    setup: CampaignSetup
    status: str
    starts_on: date | None
    ends_on: date | None
    groups: tuple[ListRules, ...]


@dataclass(frozen=True, slots=True)
class _Campaign:
    setup: CampaignSetup
    running: bool
    groups: tuple[ListRules, ...]

    @property
    def rules(self) -> dict[uuid.UUID, DialRules]:
        return {list_id: g.rules for g in self.groups for list_id in g.call_list_ids}

    @property
    def list_ids(self) -> list[uuid.UUID]:
        return [list_id for g in self.groups for list_id in g.call_list_ids]


class DialingService:
    """One agent's outbound work: the leased batch, previews, dial checks, results, callbacks.

    Contacts come from a small batch leased to the agent and kept in the local database, so
    the agent keeps calling while the server is away. With a server (``sync``) the batch is
    leased there; a workstation without one grants from its own database by the same rules.

    Args:
        database: The workstation database.
        clock: The time.
        agent: Who is signed in.
        sync: Sync with the server; None when the workstation works alone.
        batch_size: Contacts to hold at a time.
    """

    def __init__(self, database: Database, clock: Clock, agent: User, sync: SyncService | None,
                 *, batch_size: int = BATCH_SIZE) -> None:
        self._db = database
        self._clock = clock
        self._agent = agent
        self._sync = sync
        self._batch_size = batch_size
        self._lock = threading.Lock()  # one refill or pick at a time: the batch stays its size
        self._campaigns: dict[uuid.UUID, tuple[tuple[Any, ...], _Known]] = {}

    # ------------------------------------------------------------------ campaigns
    def campaigns(self) -> list[CampaignSetup]:
        """Return the running campaigns, outbound first, then by code."""
        today = center_today(self._clock.now())
        with self._db.read() as conn:
            rows = conn.execute(sa.select(campaigns).where(
                campaigns.c.deleted_at.is_(None),
                campaigns.c.status == CampaignStatus.RUNNING.value)).all()
            running = [r for r in rows if _in_dates(r, today)]
            options = _dispositions(conn, [r.id for r in running])
        setups = [_setup(r, options.get(r.id, ())) for r in running]
        return sorted(setups, key=lambda s: (s.direction is not CampaignDirection.OUTBOUND,
                                             s.code))

    def _campaign(self, conn: Connection, campaign_id: uuid.UUID, now: datetime) -> _Campaign:
        """Return a campaign with its dispositions and lists.

        Kept between calls and read again only when its stamp (versions, times and counts of
        the campaign, its codes and its lists) changed, as every pulled change does.
        """
        stamp = next(_CAMPAIGN_STAMP.rows(conn, campaign=campaign_id.hex), None)
        if stamp is None:
            raise NotFoundError("No such campaign", id=str(campaign_id))
        cached = self._campaigns.get(campaign_id)
        if cached is None or cached[0] != tuple(stamp):
            rows = conn.execute(_CAMPAIGN_AND_LISTS, {"campaign": campaign_id}).all()
            if not rows:
                raise NotFoundError("No such campaign", id=str(campaign_id))
            row = rows[0]
            setup = _setup(row, _dispositions(conn, [row.id]).get(row.id, ()))
            lists = tuple(sorted(r.list_id for r in rows if r.list_id is not None))
            rules = DialRules(setup.max_attempts, calling_window(setup.calling_from,
                                                                 setup.calling_until))
            groups = (ListRules(lists, rules),) if lists else ()
            cached = (tuple(stamp), _Known(setup, row.status, row.starts_on, row.ends_on,
                                           groups))
            self._campaigns[campaign_id] = cached
        known = cached[1]
        running = (known.status == CampaignStatus.RUNNING.value
                   and known.setup.direction is CampaignDirection.OUTBOUND
                   and _in_dates(known, center_today(now)))
        return _Campaign(known.setup, running, known.groups)

    # ------------------------------------------------------------------ next contact
    def next_contact(self, campaign_id: uuid.UUID) -> ContactPreview | NothingToCall:
        """Return the best contact of the leased batch to call now, topping the batch up.

        Never raises for "nothing to call": that is a :class:`NothingToCall` saying why.

        Raises:
            NotFoundError: no such campaign.
        """
        with self._lock:
            now = self._clock.now()
            with self._db.read() as conn:
                campaign = self._campaign(conn, campaign_id, now)
                if not campaign.running:
                    return NothingToCall(NothingToCallReason.CAMPAIGN_NOT_RUNNING)
                choice = pick_first(conn, self._agent.id, campaign.rules, now)
                if choice.contact is not None:
                    return self._preview(conn, campaign.setup, choice.contact, now)
            self._forget(choice.finished)
            added, reachable = self._top_up(campaign, now)
            if added:
                with self._db.read() as conn:
                    again = pick_first(conn, self._agent.id, campaign.rules, now)
                    if again.contact is not None:
                        return self._preview(conn, campaign.setup, again.contact, now)
            if choice.opens_at is not None:
                return NothingToCall(NothingToCallReason.OUTSIDE_HOURS, choice.opens_at)
            if not reachable:
                return NothingToCall(NothingToCallReason.OFFLINE)
            with self._db.read() as conn:
                opens_at = first_opening(conn, campaign.groups, self._agent.id, now)
            if opens_at is not None:
                return NothingToCall(NothingToCallReason.OUTSIDE_HOURS, opens_at)
            return NothingToCall(NothingToCallReason.NO_CONTACTS)

    def refill(self, campaign_id: uuid.UUID) -> int:
        """Top the leased batch up to its size; return how many leases were added.

        An unreachable server adds none and raises nothing.

        Raises:
            NotFoundError: no such campaign.
        """
        with self._lock:
            now = self._clock.now()
            with self._db.read() as conn:
                campaign = self._campaign(conn, campaign_id, now)
            if not campaign.running:
                return 0
            return self._top_up(campaign, now)[0]

    def _top_up(self, campaign: _Campaign, now: datetime) -> tuple[int, bool]:
        """Lease what the batch lacks; return (leases added, whether the source answered)."""
        with self._db.read() as conn:
            batch = leased_batch(conn, self._agent.id, campaign.list_ids, now)
        choice = pick(batch, campaign.rules, self._agent.id, now)
        self._forget(choice.finished)
        wanted = self._batch_size - (len(batch) - len(choice.finished))
        if wanted <= 0 or not campaign.list_ids:
            return 0, True
        if self._sync is None:
            with self._db.write() as conn:
                granted = grant_local(conn, self._agent.id, campaign.list_ids, wanted, now)
            return len(granted), True
        try:
            if batch and self._ending_soon(now):
                self._sync.renew_leases(self._agent.id)
            return len(self._sync.lease_contacts(self._agent.id, campaign.list_ids, wanted)), True
        except _SERVER_DOWN:
            return 0, False

    def _ending_soon(self, now: datetime) -> bool:
        assert self._sync is not None
        return any(lease.expires_at - now < RENEW_BEFORE
                   for lease in self._sync.held_leases(self._agent.id, now))

    def _forget(self, contact_ids: Sequence[uuid.UUID]) -> None:
        """Drop contacts that can never be called from the batch (the server lease lapses)."""
        if contact_ids:
            with self._db.write() as conn:
                forget_leases(conn, contact_ids)

    def release_all(self) -> None:
        """Give the whole leased batch back (signing out); offline, just forget it here."""
        with self._lock:
            with self._db.read() as conn:
                held = list(conn.execute(sa.select(contacts.c.id).where(
                    contacts.c.lease_agent_id == self._agent.id)).scalars())
            if not held:
                return
            if self._sync is not None:
                try:
                    self._sync.release_leases(self._agent.id, held)
                    return
                except _SERVER_DOWN:
                    pass
            self._forget(held)

    # ------------------------------------------------------------------ previews
    def _preview(self, conn: Connection, setup: CampaignSetup, contact: QueuedContact,
                 now: datetime, callback: PendingCallback | None = None) -> ContactPreview:
        # (name, customer_no, e164, kind, label, dnc) per number of the customer
        rows = list(_CUSTOMER_AND_PHONES.rows(conn, customer=contact.customer_id.hex,
                                              now=stored_time(now)))
        phones = [r for r in rows if r[2] is not None]
        own = next((r for r in phones if r[2] == contact.e164), None)
        choices = [NumberChoice(contact.e164, own[3] if own else _kind_of(contact.e164),
                                own[4] if own else "", True, contact.dnc)]
        choices += [NumberChoice(r[2], r[3], r[4], False, bool(r[5]))
                    for r in phones if r[2] != contact.e164]
        if callback is None and contact.status is ContactStatus.CALLBACK:
            found = conn.execute(_CONTACT_CALLBACK, {"contact": contact.id}).first()
            callback = None if found is None else _pending(found)
        return ContactPreview(
            contact_id=contact.id, customer_id=contact.customer_id,
            customer_name=rows[0][0] if rows else "",
            customer_no=rows[0][1] if rows else "", campaign=setup,
            numbers=tuple(choices), status=contact.status, attempts=contact.attempts,
            priority=contact.priority, last_disposition=contact.last_disposition,
            time_zone=contact.zone, local_now=local_time(now, contact.zone), callback=callback,
        )

    # ------------------------------------------------------------------ dialing
    def check_dial(self, e164: str, campaign_id: uuid.UUID | None,
                   customer_id: uuid.UUID | None = None) -> str:
        """Return the E.164 form of a number the agent may dial now.

        Calling hours are judged in the customer's zone (their list row's, as the pick and the
        callback check do) when ``customer_id`` is given, else in the number's zone.

        Raises:
            DialRefused: an invalid number, a number on the do-not-call list, or outside the
                campaign's calling hours in the number's time zone.
            NotFoundError: no such campaign.
        """
        try:
            number = normalize_phone(e164)
        except InvalidPhoneError as exc:
            raise DialRefused("Not a valid phone number", reason="invalid_number",
                              e164=mask_phone(e164[:64])) from exc
        now = self._clock.now()
        with self._db.read() as conn:
            if number_is_dnc(conn, {number}, now):
                raise DialRefused(f"{mask_phone(number)} is on the do-not-call list",
                                  reason="dnc", e164=number)
            if campaign_id is None:
                return number
            row = conn.execute(sa.select(campaigns.c.calling_from, campaigns.c.calling_until)
                               .where(campaigns.c.id == campaign_id)).first()
            zone = customer_zone(conn, customer_id, number)
        if row is None:
            raise NotFoundError("No such campaign", id=str(campaign_id))
        window = calling_window(row.calling_from, row.calling_until)
        if not window_is_open(window, now, zone):
            raise DialRefused(f"Outside calling hours for {mask_phone(number)}",
                              reason="outside_hours", e164=number)
        return number

    def record(self, call: FinishedCall) -> uuid.UUID:
        """Store a finished call with everything its disposition implies; return its id.

        See :func:`agentdesk.store.call_results.record_finished_call`: one local
        transaction, all of it queued for the server.

        Raises:
            ValidationError: a disposition of another campaign, a callback in the past,
                outside calling hours or to a do-not-call number, notes too long.
        """
        return record_finished_call(self._db, call, now=self._clock.now())

    # ------------------------------------------------------------------ callbacks
    def due_callbacks(self, within: timedelta = timedelta(0)) -> list[PendingCallback]:
        """Return this agent's and their team's pending callbacks due by now + ``within``."""
        until = self._clock.now() + within
        with self._db.read() as conn:
            rows = conn.execute(_CALLBACKS.where(
                self._mine(), callbacks.c.due_at <= until).order_by(callbacks.c.due_at)).all()
        return [_pending(r) for r in rows]

    def upcoming_callbacks(self, limit: int = 50) -> list[PendingCallback]:
        """Return the pending callbacks not yet due, soonest first."""
        now = self._clock.now()
        with self._db.read() as conn:
            rows = conn.execute(_CALLBACKS.where(
                self._mine(), callbacks.c.due_at > now)
                .order_by(callbacks.c.due_at).limit(limit)).all()
        return [_pending(r) for r in rows]

    def _mine(self) -> sa.ColumnElement[bool]:
        personal = sa.and_(callbacks.c.scope == CallbackScope.PERSONAL.value,
                           callbacks.c.agent_id == self._agent.id)
        mine = personal if self._agent.team_id is None else sa.or_(personal, sa.and_(
            callbacks.c.scope == CallbackScope.TEAM.value,
            callbacks.c.team_id == self._agent.team_id))
        return sa.and_(callbacks.c.status == CallbackStatus.PENDING.value, mine)

    def start_callback(self, callback_id: uuid.UUID) -> ContactPreview | PendingCallback:
        """Return what to show for a due callback: its contact's preview, or the callback.

        Raises:
            NotFoundError: no such pending callback.
            DialRefused: its number is on the do-not-call list, or calling hours are closed
                where the customer lives.
        """
        now = self._clock.now()
        with self._db.read() as conn:
            row = conn.execute(_CALLBACKS.where(
                callbacks.c.id == callback_id,
                callbacks.c.status == CallbackStatus.PENDING.value)).first()
            if row is None:
                raise NotFoundError("No such pending callback", id=str(callback_id))
            callback = _pending(row)
            if number_is_dnc(conn, {callback.e164}, now):
                raise DialRefused(f"{mask_phone(callback.e164)} is on the do-not-call list",
                                  reason="dnc", e164=callback.e164)
            if callback.contact_id is None or callback.campaign_id is None:
                return callback
            contact = load_contact(conn, callback.contact_id, now)
            campaign = self._campaign(conn, callback.campaign_id, now)
            rules = campaign.rules.get(contact.call_list_id) if contact is not None else None
            if contact is None or rules is None:
                return callback
            if not window_is_open(rules.window, now, contact.zone):
                raise DialRefused(f"Outside calling hours for {mask_phone(contact.e164)}",
                                  reason="outside_hours", e164=contact.e164)
            return self._preview(conn, campaign.setup, contact, now, callback)

    def calling_zone(self, customer_id: uuid.UUID, e164: str) -> str:
        """Return the time zone a customer is called in (for the callback time picker)."""
        with self._db.read() as conn:
            return customer_zone(conn, customer_id, e164)


# ---------------------------------------------------------------------- helpers
def _in_dates(row: Any, today: date) -> bool:
    return ((row.starts_on is None or row.starts_on <= today)
            and (row.ends_on is None or today <= row.ends_on))


def _dispositions(conn: Connection, campaign_ids: Sequence[uuid.UUID]
                  ) -> dict[uuid.UUID, tuple[DispositionOption, ...]]:
    if not campaign_ids:
        return {}
    found: dict[uuid.UUID, list[DispositionOption]] = {}
    for row in conn.execute(_DISPOSITIONS, {"campaigns": list(campaign_ids)}):
        try:
            category = DispositionCategory(row.category)
        except ValueError:
            continue  # a category this version does not know cannot be offered
        found.setdefault(row.campaign_id, []).append(DispositionOption(
            row.id, row.code, row.label, row.label_en, category, row.retry_minutes))
    return {key: tuple(value) for key, value in found.items()}


def _setup(row: Any, options: Sequence[DispositionOption]) -> CampaignSetup:
    try:
        direction = CampaignDirection(row.direction)
    except ValueError:
        direction = CampaignDirection.OUTBOUND
    return CampaignSetup(row.id, row.code, row.name, row.name_en, direction,
                         int(row.wrapup_seconds), int(row.max_attempts), row.calling_from,
                         row.calling_until, tuple(options))


def _kind_of(e164: str) -> str:
    try:
        return parse_phone(e164).kind.value
    except InvalidPhoneError:
        return "other"


def _callback_query() -> sa.Select[Any]:
    """Callbacks with their customer, contact number and zone, and the contact's campaign."""
    primary = (sa.select(customer_phones.c.e164)
               .where(customer_phones.c.customer_id == callbacks.c.customer_id,
                      customer_phones.c.deleted_at.is_(None))
               .order_by(customer_phones.c.is_primary.desc(), customer_phones.c.id)
               .limit(1).scalar_subquery())
    return (
        sa.select(callbacks.c.id, callbacks.c.customer_id, customers.c.name.label("customer"),
                  callbacks.c.contact_id, call_lists.c.campaign_id, contacts.c.e164,
                  contacts.c.time_zone, primary.label("primary_e164"), callbacks.c.due_at,
                  callbacks.c.scope, callbacks.c.agent_id, callbacks.c.notes)
        .select_from(callbacks.join(customers, customers.c.id == callbacks.c.customer_id)
                     .outerjoin(contacts, contacts.c.id == callbacks.c.contact_id)
                     .outerjoin(call_lists, call_lists.c.id == contacts.c.call_list_id))
        .where(callbacks.c.deleted_at.is_(None))
    )


def _pending(row: Any) -> PendingCallback:
    e164 = row.e164 or row.primary_e164 or ""
    try:
        scope = CallbackScope(row.scope)
    except ValueError:
        scope = CallbackScope.TEAM
    return PendingCallback(
        id=row.id, customer_id=row.customer_id, customer_name=row.customer,
        contact_id=row.contact_id, campaign_id=row.campaign_id, e164=e164,
        due_at=row.due_at, scope=scope, agent_id=row.agent_id, notes=row.notes,
        time_zone=contact_time_zone(row.time_zone or "", e164))


# Statements built once, with parameters: the hot path pays no statement building.
_CALLBACKS = _callback_query()
_CONTACT_CALLBACK = _CALLBACKS.where(
    callbacks.c.contact_id == sa.bindparam("contact", type_=sa.Uuid()),
    callbacks.c.status == CallbackStatus.PENDING.value).order_by(callbacks.c.due_at).limit(1)
_CAMPAIGN = sa.bindparam("campaign", type_=sa.Uuid())
# What changes with any change to a campaign, its codes or its lists (every pulled change
# brings a new version), compared as stored.
_CAMPAIGN_STAMP = DriverQuery(sa.select(
    campaigns.c.version, campaigns.c.updated_at,
    *(sa.select(aggregate).where(table.c.campaign_id == campaigns.c.id).scalar_subquery()
      for table in (call_lists, disposition_codes)
      for aggregate in (sa.func.count(), sa.func.max(table.c.updated_at),
                        sa.func.sum(table.c.version))),
).where(campaigns.c.id == _CAMPAIGN, campaigns.c.deleted_at.is_(None)))
_CAMPAIGN_AND_LISTS = (
    sa.select(campaigns, call_lists.c.id.label("list_id"))
    .select_from(campaigns.outerjoin(call_lists, sa.and_(
        call_lists.c.campaign_id == campaigns.c.id, call_lists.c.deleted_at.is_(None))))
    .where(campaigns.c.id == _CAMPAIGN, campaigns.c.deleted_at.is_(None))
)
_DISPOSITIONS = (
    sa.select(disposition_codes)
    .where(disposition_codes.c.campaign_id.in_(sa.bindparam("campaigns", expanding=True)),
           disposition_codes.c.deleted_at.is_(None))
    .order_by(disposition_codes.c.sort_order, disposition_codes.c.code)
)
_CUSTOMER_AND_PHONES = DriverQuery(
    sa.select(customers.c.name, customers.c.customer_no, customer_phones.c.e164,
              customer_phones.c.kind, customer_phones.c.label,
              dnc_listed(customer_phones.c.e164,
                         sa.bindparam("now", type_=UTCDateTime())).label("dnc"))
    .select_from(customers.outerjoin(customer_phones, sa.and_(
        customer_phones.c.customer_id == customers.c.id,
        customer_phones.c.deleted_at.is_(None))))
    .where(customers.c.id == sa.bindparam("customer"))
    .order_by(customer_phones.c.is_primary.desc(), customer_phones.c.id)
)
