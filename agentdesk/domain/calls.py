"""Calls and their results: directions, disposition categories, agent states, contact history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CallDirection(StrEnum):
    """Who placed the call."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"


class DispositionCategory(StrEnum):
    """What a disposition code (小结) means for reporting and for dialing rules."""

    NO_CONTACT = "no_contact"
    CONTACT = "contact"
    SALE = "sale"
    CALLBACK = "callback"
    DNC = "dnc"
    WRONG_NUMBER = "wrong_number"


class AgentStateKind(StrEnum):
    """An agent's availability, recorded as events for the supervisor's view."""

    LOGGED_OUT = "logged_out"
    READY = "ready"
    NOT_READY = "not_ready"
    ON_CALL = "on_call"
    WRAP_UP = "wrap_up"


class ContactStatus(StrEnum):
    """Where a row of a call list stands."""

    NEW = "new"
    RETRY = "retry"
    CALLBACK = "callback"
    DONE = "done"
    DNC = "dnc"
    INVALID = "invalid"


class CallbackScope(StrEnum):
    """Whether a callback belongs to one agent or to anyone in the team."""

    PERSONAL = "personal"
    TEAM = "team"


class CallbackStatus(StrEnum):
    """Where a scheduled callback stands."""

    PENDING = "pending"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class ContactHistoryItem:
    """One call with a customer, as the record panel lists it.

    Attributes:
        call_id: Row id of the call.
        started_at: When the call began (UTC).
        direction: Outbound or inbound.
        e164: Number called or calling.
        agent_name: Who handled it.
        campaign_name: Campaign of the call, if any; campaign_name_en its English name.
        talk_seconds: Seconds connected; 0 when nobody answered.
        disposition_label: The disposition's label in Chinese and English.
        disposition_category: Its category.
        notes: Wrap-up notes.
    """

    call_id: uuid.UUID
    started_at: datetime
    direction: CallDirection
    e164: str
    agent_name: str
    campaign_name: str
    campaign_name_en: str
    talk_seconds: int
    disposition_label: str
    disposition_label_en: str
    disposition_category: DispositionCategory | None
    notes: str


@dataclass(frozen=True, slots=True)
class CallbackRequest:
    """A callback the agent books in wrap-up.

    Attributes:
        due_at: When to call back (UTC; the agent picks it in the customer's local time).
        scope: Only this agent, or anyone in the team.
        notes: What the customer asked for.
    """

    due_at: datetime
    scope: CallbackScope
    notes: str = ""


@dataclass(frozen=True, slots=True)
class FinishedCall:
    """A call that ended, with what the agent recorded in wrap-up; stored in one transaction.

    Attributes:
        direction: Outbound or inbound.
        agent_id: Who handled it.
        campaign_id: The campaign it belongs to (inbound: the service line's campaign).
        e164: The number dialled or the caller id ("" when withheld).
        started_at: When dialing started or the call arrived (UTC).
        answered_at: When it connected, None if never.
        ended_at: When it ended.
        end_reason: An :class:`~agentdesk.domain.telephony.EndReason` value.
        disposition_code_id: The disposition chosen.
        notes: Wrap-up notes.
        contact_id: The call-list contact dialled (outbound preview), if any.
        customer_id: The customer talked to, if known.
        recording_consent: The answer to the consent question; None if not asked.
        callback: A callback booked in wrap-up, if any.
        callback_id: The pending callback this call worked, if any (it becomes done).
        script_id: The script version the call followed, if any.
        script_path: Its path (see :func:`agentdesk.domain.scripts.walk_path`).
        order_ids: Orders taken on the call (saved when confirmed); they get the call's id.
    """

    direction: CallDirection
    agent_id: uuid.UUID
    campaign_id: uuid.UUID | None
    e164: str
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime
    end_reason: str
    disposition_code_id: uuid.UUID
    notes: str = ""
    contact_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    recording_consent: bool | None = None
    callback: CallbackRequest | None = None
    callback_id: uuid.UUID | None = None
    script_id: uuid.UUID | None = None
    script_path: tuple[dict[str, object], ...] = ()
    order_ids: tuple[uuid.UUID, ...] = ()
