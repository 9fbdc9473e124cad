"""Recording the result of a call: the call, its disposition and what follows from them.

Everything a result writes (the call, its disposition, the contact's new status, a booked
callback, a worked callback, a do-not-call entry) and the outbox entries commit in one
transaction, so a result is either wholly on the workstation (and will reach the server) or
not at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import (
    CallbackScope,
    CallbackStatus,
    CallDirection,
    ContactStatus,
    DispositionCategory,
    FinishedCall,
)
from agentdesk.domain.dialing import (
    CALLABLE,
    MAX_CALLBACK_NOTES,
    DialRules,
    after_disposition,
    calling_window,
    check_callback,
    clean_notes,
    contact_time_zone,
)
from agentdesk.domain.errors import ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.store.database import Database
from agentdesk.store.orders import link_orders_to_call
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.catalogue import campaigns, disposition_codes
from agentdesk.store.schema.contacts import contacts, customer_phones, dnc_entries
from agentdesk.store.schema.people import users
from agentdesk.store.schema.work import callbacks, calls, dispositions
from agentdesk.store.scripts import check_sale_gates, path_json

log = logging.getLogger(__name__)

DNC_REASON = "通话中客户要求不再接收营销电话"  # the customer asked on a call not to be called
DNC_SOURCE = "call"


@dataclass(frozen=True, slots=True)
class CallResult:
    """A finished outbound call to a leased contact.

    Attributes:
        contact_id: The call-list contact.
        agent_id: Who called.
        disposition_code_id: The disposition chosen in wrap-up.
        started_at: When dialing started.
        answered_at: When the customer answered, None if not.
        ended_at: When the call ended.
        end_reason: Why it ended (hangup, busy, no_answer...).
        status: The contact's status after the call.
        retry_after: Delay before the contact may be called again (retry, callback).
        notes: Wrap-up notes.
        recording_consent: The answer to the consent question, None if not asked.
    """

    contact_id: uuid.UUID
    agent_id: uuid.UUID
    disposition_code_id: uuid.UUID
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime
    end_reason: str
    status: ContactStatus
    retry_after: timedelta | None = None
    notes: str = ""
    recording_consent: bool | None = None


def record_call_result(database: Database, result: CallResult, *, campaign_id: uuid.UUID | None,
                       now: datetime) -> uuid.UUID:
    """Store a finished call, its disposition and the contact update; return the call id.

    The call carries the contact's lease token as held on this workstation, so the server
    can tell a result made under a stale lease (a possible double contact).
    """
    with database.write() as conn:
        contact = conn.execute(sa.select(contacts).where(contacts.c.id == result.contact_id)).one()
        call_id = new_id()
        talk = 0 if result.answered_at is None else int(
            (result.ended_at - result.answered_at).total_seconds())
        call = {
            "id": call_id, "site": contact.site, "version": 1, "updated_at": now,
            "deleted_at": None, "campaign_id": campaign_id, "contact_id": contact.id,
            "customer_id": contact.customer_id, "agent_id": result.agent_id,
            "direction": CallDirection.OUTBOUND.value, "e164": contact.e164,
            "started_at": result.started_at, "answered_at": result.answered_at,
            "ended_at": result.ended_at, "end_reason": result.end_reason[:32],
            "talk_seconds": talk, "recording_consent": result.recording_consent,
            "lease_token": contact.lease_token if contact.lease_agent_id == result.agent_id
            else None,
            "script_id": None, "script_path": None,
        }
        conn.execute(calls.insert().values(call))
        queue_mutation(conn, calls, call, base_version=None, now=now)
        disposition = {
            "id": new_id(), "site": contact.site, "version": 1, "updated_at": now,
            "deleted_at": None, "call_id": call_id,
            "disposition_code_id": result.disposition_code_id, "agent_id": result.agent_id,
            "notes": result.notes, "at": result.ended_at,
        }
        conn.execute(dispositions.insert().values(disposition))
        queue_mutation(conn, dispositions, disposition, base_version=None, now=now)
        code = conn.execute(sa.select(disposition_codes.c.code).where(
            disposition_codes.c.id == result.disposition_code_id)).scalar_one()
        before = contact._asdict()
        changes = {
            "last_disposition": code,
            "status": result.status.value, "attempts": contact.attempts + 1,
            "next_attempt_at": None if result.retry_after is None
            else result.ended_at + result.retry_after,
        }
        row = {**before, **changes, "version": contact.version + 1, "updated_at": now}
        conn.execute(contacts.update().where(contacts.c.id == contact.id).values(row))
        queue_mutation(conn, contacts, row, base_version=contact.version, now=now, before=before)
        return call_id


# ---------------------------------------------------------------------- a finished call
def _insert(conn: Connection, table: sa.Table, row: dict[str, Any], now: datetime) -> None:
    conn.execute(table.insert().values(row))
    queue_mutation(conn, table, row, base_version=None, now=now)


def _update(conn: Connection, table: sa.Table, current: Mapping[str, Any],
            changes: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    before = dict(current)
    row = {**before, **changes, "version": before["version"] + 1, "updated_at": now}
    conn.execute(table.update().where(table.c.id == before["id"]).values(row))
    queue_mutation(conn, table, row, base_version=before["version"], now=now, before=before)
    return row


def number_is_dnc(conn: Connection, numbers: set[str], now: datetime) -> bool:
    """Return True if one of ``numbers`` is on the active do-not-call list."""
    wanted = sorted(n for n in numbers if n)
    if not wanted:
        return False
    found = conn.execute(sa.select(dnc_entries.c.id).where(
        dnc_entries.c.e164.in_(wanted), dnc_entries.c.deleted_at.is_(None),
        sa.or_(dnc_entries.c.expires_at.is_(None), dnc_entries.c.expires_at > now)).limit(1))
    return found.first() is not None


def primary_phone(conn: Connection, customer_id: uuid.UUID) -> str:
    """Return a customer's primary number ("" if none)."""
    return conn.execute(
        sa.select(customer_phones.c.e164).where(customer_phones.c.customer_id == customer_id,
                                                customer_phones.c.deleted_at.is_(None))
        .order_by(customer_phones.c.is_primary.desc(), customer_phones.c.id).limit(1)
    ).scalar() or ""


def customer_zone(conn: Connection, customer_id: uuid.UUID | None, e164: str) -> str:
    """Return the zone a customer is called in: their list row's, else their number's."""
    stored = ""
    if customer_id is not None:
        stored = conn.execute(
            sa.select(contacts.c.time_zone).where(contacts.c.customer_id == customer_id,
                                                  contacts.c.deleted_at.is_(None),
                                                  contacts.c.time_zone != "")
            .order_by((contacts.c.e164 == e164).desc(), contacts.c.updated_at.desc()).limit(1)
        ).scalar() or ""
    return contact_time_zone(stored, e164)


def record_finished_call(database: Database, call: FinishedCall, *, now: datetime) -> uuid.UUID:
    """Store a finished call and everything its disposition implies; return the call id.

    In one transaction: the call (with this agent's lease token when it holds the contact),
    its disposition, the contact's new status by the dialing rules (an outbound call counts
    an attempt), a booked callback (the contact waits for it; a personal one names its
    agent), the worked callback done, a do-not-call entry for the number when the customer
    asked for one, and the contact dropped from the agent's batch when it is not callable
    now. Every synced row gets its outbox entry.

    Raises:
        RequiredStepsMissing: a sale while the script's required steps are not passed.
        ValidationError: ``disposition`` unknown or of another campaign; ``contact`` unknown;
            ``notes``/``callback_notes`` too long; a callback disposition without a
            ``callback_due``; a callback that is ``past``, ``outside_hours`` or to a
            ``dnc`` number; ``callback_customer`` unknown; ``callback_scope`` team without a
            team.
    """
    notes = clean_notes(call.notes)
    request = call.callback
    callback_notes = "" if request is None else clean_notes(
        request.notes, MAX_CALLBACK_NOTES, "callback_notes")
    with database.write() as conn:
        code = conn.execute(sa.select(disposition_codes).where(
            disposition_codes.c.id == call.disposition_code_id,
            disposition_codes.c.deleted_at.is_(None))).first()
        if code is None:
            raise ValidationError({"disposition": "unknown"})
        if call.campaign_id is not None and code.campaign_id != call.campaign_id:
            raise ValidationError({"disposition": "wrong_campaign"})
        campaign = conn.execute(sa.select(campaigns).where(
            campaigns.c.id == code.campaign_id)).one()
        rules = DialRules(int(campaign.max_attempts),
                          calling_window(campaign.calling_from, campaign.calling_until))
        category = DispositionCategory(code.category)
        contact = None
        if call.contact_id is not None:
            contact = conn.execute(sa.select(contacts).where(
                contacts.c.id == call.contact_id, contacts.c.deleted_at.is_(None))).first()
            if contact is None:
                raise ValidationError({"contact": "unknown"})
        customer_id = call.customer_id or (contact.customer_id if contact else None)
        e164 = call.e164 or (contact.e164 if contact else "")
        zone = (contact_time_zone(contact.time_zone, contact.e164) if contact is not None
                else customer_zone(conn, customer_id, e164))
        books_contact = contact is not None and category is DispositionCategory.CALLBACK
        if category is DispositionCategory.CALLBACK and request is None:
            raise ValidationError({"callback_due": "missing"})
        team_id = None
        if request is not None:
            if customer_id is None:
                raise ValidationError({"callback_customer": "unknown"})
            if request.scope is CallbackScope.TEAM:
                team_id = conn.execute(sa.select(users.c.team_id).where(
                    users.c.id == call.agent_id)).scalar()
                if team_id is None:
                    raise ValidationError({"callback_scope": "no_team"})
            target = (contact.e164 if books_contact and contact is not None
                      else primary_phone(conn, customer_id) or e164)
            dnc = category is DispositionCategory.DNC or number_is_dnc(conn, {e164, target}, now)
            check_callback(request.due_at, now=now, window=rules.window, zone=zone, dnc=dnc)
        if category is DispositionCategory.SALE and call.script_id is not None:
            check_sale_gates(conn, call.script_id, call.script_path, code.campaign_id)
        site = contact.site if contact is not None else campaign.site or DEFAULT_SITE

        call_id = new_id()
        talk = 0 if call.answered_at is None else max(
            0, int((call.ended_at - call.answered_at).total_seconds()))
        leased = contact is not None and contact.lease_agent_id == call.agent_id
        _insert(conn, calls, {
            "id": call_id, "site": site, "version": 1, "updated_at": now, "deleted_at": None,
            "campaign_id": code.campaign_id, "contact_id": call.contact_id,
            "customer_id": customer_id, "agent_id": call.agent_id,
            "direction": call.direction.value, "e164": call.e164[:20],
            "started_at": call.started_at, "answered_at": call.answered_at,
            "ended_at": call.ended_at, "end_reason": call.end_reason[:32],
            "talk_seconds": talk, "recording_consent": call.recording_consent,
            "lease_token": contact.lease_token if leased and contact is not None else None,
            "script_id": call.script_id,
            "script_path": path_json(list(call.script_path)) if call.script_id else None,
        }, now)
        _insert(conn, dispositions, {
            "id": new_id(), "site": site, "version": 1, "updated_at": now, "deleted_at": None,
            "call_id": call_id, "disposition_code_id": code.id, "agent_id": call.agent_id,
            "notes": notes, "at": call.ended_at,
        }, now)
        link_orders_to_call(conn, call.order_ids, call_id, customer_id, now)
        if contact is not None and call.direction is CallDirection.OUTBOUND:
            # Whatever waited for this contact has been worked by this call.
            for waiting in conn.execute(sa.select(callbacks).where(
                    callbacks.c.contact_id == contact.id,
                    callbacks.c.status == CallbackStatus.PENDING.value,
                    callbacks.c.deleted_at.is_(None))).all():
                _update(conn, callbacks, waiting._asdict(),
                        {"status": CallbackStatus.DONE.value}, now)
        if call.callback_id is not None:
            worked = conn.execute(sa.select(callbacks).where(
                callbacks.c.id == call.callback_id)).first()
            if worked is None:
                log.warning("The worked callback %s is not on this workstation", call.callback_id)
            elif worked.status == CallbackStatus.PENDING.value:
                _update(conn, callbacks, worked._asdict(),
                        {"status": CallbackStatus.DONE.value}, now)
        if request is not None:
            assert customer_id is not None
            personal = request.scope is CallbackScope.PERSONAL
            _insert(conn, callbacks, {
                "id": new_id(), "site": site, "version": 1, "updated_at": now,
                "deleted_at": None, "contact_id": contact.id if books_contact and contact
                else None, "customer_id": customer_id,
                "agent_id": call.agent_id if personal else None, "team_id": team_id,
                "due_at": request.due_at, "scope": request.scope.value,
                "status": CallbackStatus.PENDING.value, "notes": callback_notes,
            }, now)
        if category is DispositionCategory.DNC and e164 and not number_is_dnc(conn, {e164}, now):
            _insert(conn, dnc_entries, {
                "id": new_id(), "site": site, "version": 1, "updated_at": now,
                "deleted_at": None, "e164": e164[:20], "reason": DNC_REASON,
                "source": DNC_SOURCE, "expires_at": None,
            }, now)
        if contact is not None:
            outbound = call.direction is CallDirection.OUTBOUND
            attempts = int(contact.attempts) + (1 if outbound else 0)
            outcome = after_disposition(
                category, attempts=attempts, rules=rules, zone=zone, ended_at=call.ended_at,
                retry_minutes=code.retry_minutes,
                callback_due=request.due_at if request is not None else None)
            changes: dict[str, Any] = {
                "status": outcome.status.value, "next_attempt_at": outcome.next_attempt_at,
                "attempts": attempts, "last_disposition": code.code,
                "callback_agent_id": call.agent_id if books_contact and request is not None
                and request.scope is CallbackScope.PERSONAL else None,
            }
            callable_now = outcome.status in CALLABLE and (
                outcome.next_attempt_at is None or outcome.next_attempt_at <= now)
            if leased and not callable_now:
                changes.update(lease_agent_id=None, lease_expires_at=None)
            _update(conn, contacts, contact._asdict(), changes, now)
        return call_id

