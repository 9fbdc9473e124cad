"""An agent's availability through the day, with the rules for moving between states.

States are recorded as events (``agent_state_events``) that feed the supervisor's view.
Going not ready always needs a reason. A call puts the agent on call; hanging up starts
wrap-up, which ends only when the call has its disposition. A pause asked for during a call
or wrap-up takes effect when wrap-up ends (the agent is not offered another call meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from agentdesk.domain.calls import AgentStateKind
from agentdesk.domain.errors import KnownError


class NotReadyReason(StrEnum):
    """Why an agent is not taking calls (reason codes, as in every ACD)."""

    SIGNED_IN = "signed_in"  # just signed in, not yet ready
    BREAK = "break"
    LUNCH = "lunch"
    TRAINING = "training"
    MEETING = "meeting"
    COACHING = "coaching"
    PAPERWORK = "paperwork"  # follow-up work away from the phone
    SYSTEM_ISSUE = "system_issue"  # headset, PC or network trouble


#: Reasons an agent picks when pausing (SIGNED_IN is set by the console itself).
PAUSE_REASONS = tuple(r for r in NotReadyReason if r is not NotReadyReason.SIGNED_IN)


class AgentStateError(KnownError):
    """A state change the rules do not allow now (e.g. Ready while a disposition is missing)."""

    code = "agent_state"


@dataclass(frozen=True, slots=True)
class AgentState:
    """Where an agent stands.

    Attributes:
        kind: Ready, not ready, on call, wrap-up or logged out.
        reason: The not-ready reason (empty otherwise).
        since: When this state began (UTC).
        pending_pause: A not-ready reason asked for during a call, applied after wrap-up.
    """

    kind: AgentStateKind
    reason: str
    since: datetime
    pending_pause: NotReadyReason | None = None

    @property
    def takes_calls(self) -> bool:
        """Whether inbound calls may be offered and the next contact taken."""
        return self.kind is AgentStateKind.READY and self.pending_pause is None

    def signed_in(self, at: datetime) -> AgentState:
        """Return the state after signing in: not ready until the agent says so."""
        if self.kind is not AgentStateKind.LOGGED_OUT:
            raise AgentStateError("already signed in", code="agent_state_signed_in")
        return AgentState(AgentStateKind.NOT_READY, NotReadyReason.SIGNED_IN.value, at)

    def ready(self, at: datetime) -> AgentState:
        """Return the state after the agent says Ready."""
        if self.kind in (AgentStateKind.ON_CALL, AgentStateKind.WRAP_UP):
            raise AgentStateError("finish the call first", code="agent_state_busy")
        if self.kind is AgentStateKind.LOGGED_OUT:
            raise AgentStateError("not signed in", code="agent_state_logged_out")
        return AgentState(AgentStateKind.READY, "", at)

    def pause(self, reason: NotReadyReason, at: datetime) -> AgentState:
        """Return the state after the agent asks to go not ready for ``reason``.

        During a call or wrap-up the pause is remembered and starts when wrap-up ends.
        """
        if self.kind is AgentStateKind.LOGGED_OUT:
            raise AgentStateError("not signed in", code="agent_state_logged_out")
        if self.kind in (AgentStateKind.ON_CALL, AgentStateKind.WRAP_UP):
            return replace(self, pending_pause=reason)
        return AgentState(AgentStateKind.NOT_READY, reason.value, at)

    def call_started(self, at: datetime) -> AgentState:
        """Return the state once the agent dials or answers."""
        if self.kind is AgentStateKind.WRAP_UP:
            raise AgentStateError("dispose the last call first", code="agent_state_wrap_up")
        if self.kind is AgentStateKind.LOGGED_OUT:
            raise AgentStateError("not signed in", code="agent_state_logged_out")
        if self.kind is AgentStateKind.ON_CALL:
            return self
        return AgentState(AgentStateKind.ON_CALL, "", at, self.pending_pause)

    def call_ended(self, at: datetime) -> AgentState:
        """Return the state when the line is free again: wrap-up until the disposition."""
        return AgentState(AgentStateKind.WRAP_UP, "", at, self.pending_pause)

    def disposed(self, at: datetime) -> AgentState:
        """Return the state after the disposition: ready, or the pause asked for meanwhile."""
        if self.pending_pause is not None:
            return AgentState(AgentStateKind.NOT_READY, self.pending_pause.value, at)
        return AgentState(AgentStateKind.READY, "", at)

    def signed_out(self, at: datetime) -> AgentState:
        """Return the state after signing out."""
        if self.kind in (AgentStateKind.ON_CALL, AgentStateKind.WRAP_UP):
            raise AgentStateError("finish the call first", code="agent_state_busy")
        return AgentState(AgentStateKind.LOGGED_OUT, "", at)


def logged_out(at: datetime) -> AgentState:
    """Return the state of an agent who has not signed in."""
    return AgentState(AgentStateKind.LOGGED_OUT, "", at)
