"""Translated names of agent states, pause reasons, call states and disposition categories."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.domain.agent_states import AgentState, NotReadyReason
from agentdesk.domain.calls import AgentStateKind, CallbackScope, ContactStatus, DispositionCategory
from agentdesk.domain.telephony import CallState, EndReason


class CallWords(QObject):
    """Words for the call workflow's values, looked up at display time (language switch)."""

    def state(self, state: AgentState) -> str:
        """Return an agent state as the call bar shows it, e.g. "Not ready · Lunch"."""
        names = {
            AgentStateKind.LOGGED_OUT: self.tr("Signed out"),
            AgentStateKind.READY: self.tr("Ready"),
            AgentStateKind.NOT_READY: self.tr("Not ready"),
            AgentStateKind.ON_CALL: self.tr("On call"),
            AgentStateKind.WRAP_UP: self.tr("Wrap-up"),
        }
        text = names[state.kind]
        if state.kind is AgentStateKind.NOT_READY and state.reason:
            try:
                text += " · " + self.reason(NotReadyReason(state.reason))
            except ValueError:
                text += " · " + state.reason
        if state.pending_pause is not None:
            text += " → " + self.reason(state.pending_pause)
        return text

    def reason(self, reason: NotReadyReason) -> str:
        """Return the name of a not-ready reason."""
        return {
            NotReadyReason.SIGNED_IN: self.tr("Just signed in"),
            NotReadyReason.BREAK: self.tr("Break"),
            NotReadyReason.LUNCH: self.tr("Lunch"),
            NotReadyReason.TRAINING: self.tr("Training"),
            NotReadyReason.MEETING: self.tr("Meeting"),
            NotReadyReason.COACHING: self.tr("Coaching"),
            NotReadyReason.PAPERWORK: self.tr("Follow-up work"),
            NotReadyReason.SYSTEM_ISSUE: self.tr("System problem"),
        }[reason]

    def call_state(self, state: CallState | None, inbound: bool) -> str:
        """Return the line state of a call."""
        if state is None:
            return self.tr("Checking the number…")
        return {
            CallState.DIALING: self.tr("Dialling…"),
            CallState.RINGING: self.tr("Incoming call") if inbound else self.tr("Ringing…"),
            CallState.CONNECTED: self.tr("Connected"),
            CallState.HELD: self.tr("On hold"),
            CallState.ENDED: self.tr("Ended"),
        }[state]

    def end_reason(self, reason: EndReason | None) -> str:
        """Return why a call ended."""
        if reason is None:
            return ""
        return {
            EndReason.AGENT_HANGUP: self.tr("You hung up"),
            EndReason.CUSTOMER_HANGUP: self.tr("The customer hung up"),
            EndReason.BUSY: self.tr("Busy"),
            EndReason.NO_ANSWER: self.tr("No answer"),
            EndReason.FAILED: self.tr("Could not connect"),
            EndReason.TRANSFERRED: self.tr("Transferred"),
            EndReason.REJECTED: self.tr("Rejected"),
            EndReason.ABANDONED: self.tr("The caller hung up"),
        }[reason]

    def category(self, category: DispositionCategory) -> str:
        """Return the name of a disposition category."""
        return {
            DispositionCategory.NO_CONTACT: self.tr("No contact"),
            DispositionCategory.CONTACT: self.tr("Contact"),
            DispositionCategory.SALE: self.tr("Sale"),
            DispositionCategory.CALLBACK: self.tr("Callback"),
            DispositionCategory.DNC: self.tr("Do not call"),
            DispositionCategory.WRONG_NUMBER: self.tr("Wrong number"),
        }[category]

    def contact_status(self, status: ContactStatus) -> str:
        """Return the name of a call-list contact's status."""
        return {
            ContactStatus.NEW: self.tr("Not called yet"),
            ContactStatus.RETRY: self.tr("Retry"),
            ContactStatus.CALLBACK: self.tr("Callback due"),
            ContactStatus.DONE: self.tr("Done"),
            ContactStatus.DNC: self.tr("Do not call"),
            ContactStatus.INVALID: self.tr("Invalid number"),
        }[status]

    def scope(self, scope: CallbackScope) -> str:
        """Return whose a callback is."""
        return self.tr("Mine") if scope is CallbackScope.PERSONAL else self.tr("Team")


def clock_text(seconds: float) -> str:
    """Return a duration as ``m:ss`` or ``h:mm:ss``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

