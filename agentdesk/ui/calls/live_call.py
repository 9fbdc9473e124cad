"""The call on the line as the console tracks it, and the disposition an unanswered one suggests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from agentdesk.domain.calls import CallDirection, DispositionCategory
from agentdesk.domain.telephony import CallSnapshot, CallState, EndReason

if TYPE_CHECKING:
    from agentdesk.services.dialing import (
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

    @property
    def state(self) -> CallState | None:
        """The line state, None before the phone reported."""
        return self.snapshot.state if self.snapshot else None

    @property
    def answered(self) -> bool:
        """Whether anybody was talked to."""
        return self.snapshot is not None and self.snapshot.answered_at is not None


def suggested_disposition(call: LiveCall) -> DispositionOption | None:
    """Return the campaign's disposition matching how an unanswered call ended, if any."""
    campaign, snapshot = call.campaign, call.snapshot
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
