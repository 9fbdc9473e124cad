"""Recording the result of a call: the call, its disposition and the contact's new status.

All three rows and their outbox entries commit in one transaction, so a result is either
wholly on the workstation (and will reach the server) or not at all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from agentdesk.domain.calls import CallDirection, ContactStatus
from agentdesk.domain.ids import new_id
from agentdesk.store.database import Database
from agentdesk.store.outbox import queue_mutation
from agentdesk.store.schema.catalogue import disposition_codes
from agentdesk.store.schema.contacts import contacts
from agentdesk.store.schema.work import calls, dispositions


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
