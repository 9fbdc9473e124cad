"""The call on the line as the console tracks it, and the disposition an unanswered one suggests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from agentdesk.domain.calls import (
    CallbackRequest,
    CallDirection,
    DispositionCategory,
    FinishedCall,
)
from agentdesk.domain.telephony import CallSnapshot, CallState, EndReason

if TYPE_CHECKING:
    from agentdesk.domain.script_walk import ScriptWalk
    from agentdesk.services.dialing_views import (
        CampaignSetup,
        ContactPreview,
        DispositionOption,
        PendingCallback,
    )
    from agentdesk.services.screen_pop import ScreenPop

# Disposition codes chosen for an unanswered outbound call, by how it ended.
_UNANSWERED_CODES = {
    EndReason.BUSY: ("BUSY",),
    EndReason.NO_ANSWER: ("NO_ANSWER",),
    EndReason.FAILED: ("POWER_OFF", "EMPTY_NUMBER"),
    EndReason.AGENT_HANGUP: ("NO_ANSWER",),
}


@dataclass
class LiveCall:
    """The call the agent is on, from dialing (or ringing in) to its disposition.

    Attributes:
        direction: Outbound or inbound.
        e164: The number dialled or the caller id.
        campaign: The campaign the call counts for.
        snapshot: The phone's latest report; None while the number is being checked.
        preview: The call-list contact dialled (outbound preview).
        callback: The callback being worked, if any.
        pop: The screen pop of an inbound call, once looked up.
        customer_id: The customer talked to, when known.
        customer_name: Their name, for the call bar.
        consent: The answer to the recording-consent question.
        zone: The customer's time zone (callback picker), once known.
        form_offered: The new-customer form was opened for this unknown caller.
        script_id: The script version the call follows (kept even if a newer one is
            published during the call).
        walk: The call's way through that script.
        script_disposition: The disposition an answer of the script chose, for wrap-up.
        orders: The orders saved on the call (number by id); they get the call's id.
    """

    direction: CallDirection
    e164: str
    campaign: CampaignSetup | None
    snapshot: CallSnapshot | None = None
    preview: ContactPreview | None = None
    callback: PendingCallback | None = None
    pop: ScreenPop | None = None
    customer_id: uuid.UUID | None = None
    customer_name: str = ""
    consent: bool | None = None
    zone: str = ""
    form_offered: bool = False
    script_id: uuid.UUID | None = None
    walk: ScriptWalk | None = None
    script_disposition: DispositionOption | None = None
    orders: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def state(self) -> CallState | None:
        """The line state, None before the phone reported."""
        return self.snapshot.state if self.snapshot else None

    @property
    def answered(self) -> bool:
        """Whether anybody was talked to."""
        return self.snapshot is not None and self.snapshot.answered_at is not None


def suggested_disposition(call: LiveCall) -> DispositionOption | None:
    """Return the script's chosen disposition, else the one an unanswered call suggests."""
    campaign, snapshot = call.campaign, call.snapshot
    if call.script_disposition is not None and call.answered:
        return call.script_disposition
    if campaign is None or snapshot is None or call.answered or snapshot.end_reason is None:
        return None
    for code in _UNANSWERED_CODES.get(snapshot.end_reason, ()):
        for option in campaign.dispositions:
            if option.code == code:
                return option
    for option in campaign.dispositions:
        if option.category is DispositionCategory.NO_CONTACT:
            return option
    return None


def finished_call(call: LiveCall, agent_id: uuid.UUID, option: DispositionOption, notes: str,
                  callback: CallbackRequest | None, now: datetime) -> FinishedCall:
    """Return what wrap-up stores for ``call`` (which the phone has reported on)."""
    from agentdesk.domain.script_walk import walk_path

    snapshot = call.snapshot
    assert snapshot is not None
    return FinishedCall(
        direction=call.direction, agent_id=agent_id,
        campaign_id=call.campaign.id if call.campaign else None, e164=call.e164,
        started_at=snapshot.started_at, answered_at=snapshot.answered_at,
        ended_at=snapshot.ended_at or now,
        end_reason=(snapshot.end_reason or EndReason.AGENT_HANGUP).value,
        disposition_code_id=option.id, notes=notes,
        contact_id=call.preview.contact_id if call.preview else None,
        customer_id=call.customer_id, recording_consent=call.consent, callback=callback,
        callback_id=call.callback.id if call.callback else None,
        # Only a call somebody answered followed its script (the funnel counts those).
        script_id=call.script_id if call.walk is not None and call.answered else None,
        script_path=tuple(walk_path(call.walk)) if call.walk is not None and call.answered
        else (),
        order_ids=tuple(call.orders),
    )
