"""What preview dialing shows the agent: campaigns, a contact's preview, callbacks, refusals."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum

from agentdesk.domain.calls import CallbackScope, ContactStatus, DispositionCategory
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import KnownError


@dataclass(frozen=True, slots=True)
class DispositionOption:
    """A disposition code the agent can choose in wrap-up."""

    id: uuid.UUID
    code: str
    label: str
    label_en: str
    category: DispositionCategory
    retry_minutes: int | None


@dataclass(frozen=True, slots=True)
class CampaignSetup:
    """A running campaign as the call workflow needs it; ``dispositions`` by sort order."""

    id: uuid.UUID
    code: str
    name: str
    name_en: str
    direction: CampaignDirection
    wrapup_seconds: int
    max_attempts: int
    calling_from: time | None
    calling_until: time | None
    dispositions: tuple[DispositionOption, ...]


@dataclass(frozen=True, slots=True)
class NumberChoice:
    """A number the agent may dial for a contact: the list row's first, then the customer's."""

    e164: str
    kind: str
    label: str
    on_list: bool
    dnc: bool


@dataclass(frozen=True, slots=True)
class PendingCallback:
    """A callback waiting to be made (``e164``: the contact's number, or the customer's)."""

    id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    contact_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    e164: str
    due_at: datetime
    scope: CallbackScope
    agent_id: uuid.UUID | None
    notes: str
    time_zone: str


@dataclass(frozen=True, slots=True)
class ContactPreview:
    """The next contact, shown before dialing; ``local_now`` is the customer's wall clock."""

    contact_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    customer_no: str
    campaign: CampaignSetup
    numbers: tuple[NumberChoice, ...]
    status: ContactStatus
    attempts: int
    priority: int
    last_disposition: str
    time_zone: str
    local_now: datetime
    callback: PendingCallback | None


class NothingToCallReason(StrEnum):
    """Why there is no contact to call now."""

    NO_CONTACTS = "no_contacts"
    OUTSIDE_HOURS = "outside_hours"
    OFFLINE = "offline"
    CAMPAIGN_NOT_RUNNING = "campaign_not_running"


@dataclass(frozen=True, slots=True)
class NothingToCall:
    """No contact now, and why; ``opens_at`` (UTC) when calling hours open next."""

    reason: NothingToCallReason
    opens_at: datetime | None = None


class DialRefused(KnownError):
    """A number that must not be dialled now; ``params``: ``reason`` and ``e164``.

    ``reason`` is ``dnc`` (on the do-not-call list), ``outside_hours`` (outside the
    campaign's calling hours where the number is) or ``invalid_number``.
    """

    code = "dial_refused"
