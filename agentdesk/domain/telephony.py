"""The phone as the console sees it: call states, end reasons, events, and the ``Phone`` port.

A backend (the simulated phone, a SIP or CTI client) implements :class:`Phone` and reports
what happens through a :class:`PhoneListener`; the listener may be called from any thread.
Backends know nothing about customers, campaigns or dispositions: they move calls.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from agentdesk.domain.calls import CallDirection


class CallState(StrEnum):
    """Where one call stands on the line."""

    DIALING = "dialing"  # outbound: the number is being set up
    RINGING = "ringing"  # outbound: ringing at the customer; inbound: ringing at the agent
    CONNECTED = "connected"
    HELD = "held"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a call ended; stored on the call as ``end_reason``."""

    AGENT_HANGUP = "agent_hangup"
    CUSTOMER_HANGUP = "customer_hangup"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    FAILED = "failed"  # network or number problem (空号, unreachable)
    TRANSFERRED = "transferred"
    REJECTED = "rejected"  # an inbound call the agent did not take
    ABANDONED = "abandoned"  # the inbound caller hung up before it was answered


#: End reasons that mean nobody was talked to.
UNANSWERED = frozenset({EndReason.BUSY, EndReason.NO_ANSWER, EndReason.FAILED,
                        EndReason.REJECTED, EndReason.ABANDONED})


@dataclass(frozen=True, slots=True)
class CallSnapshot:
    """One call as the phone reports it after each change.

    Attributes:
        call_id: The phone's own id for the call (not the stored call's id).
        direction: Outbound or inbound.
        remote: The other party's number (E.164 where the backend knows it; caller id).
        state: Where the call stands now.
        muted: The agent's microphone is muted.
        started_at: When dialing started or the inbound call arrived (UTC).
        answered_at: When the call connected, None until then.
        ended_at: When it ended, None until then.
        end_reason: Why it ended, None until then.
        transferred_to: The number a transferred call went to.
    """

    call_id: uuid.UUID
    direction: CallDirection
    remote: str
    state: CallState
    muted: bool
    started_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end_reason: EndReason | None = None
    transferred_to: str = ""


class PhoneListener(Protocol):
    """Receives what a phone reports; may be called on any thread."""

    def call_changed(self, call: CallSnapshot) -> None:
        """A call changed state (including the first report of a new call and its end)."""
        ...

    def digits_sent(self, call_id: uuid.UUID, digits: str) -> None:
        """DTMF digits went down the line of ``call_id``."""
        ...


class PhoneError(Exception):
    """An operation the phone cannot do in the call's present state.

    Usually a race rather than a bug: the customer may hang up a moment before the agent's
    hold, mute or transfer reaches the phone. Callers treat it as "too late" and carry on.
    """


class Phone(Protocol):
    """What the console asks of a phone backend.

    Every method returns at once; the outcome arrives later as listener events. Methods that
    act on "the call" act on the phone's single active call (an agent has one line).
    """

    name: str

    def set_listener(self, listener: PhoneListener | None) -> None:
        """Send events to ``listener`` from now on."""
        ...

    def dial(self, e164: str) -> uuid.UUID:
        """Place an outbound call; return the phone's call id."""
        ...

    def answer(self) -> None:
        """Answer the ringing inbound call."""
        ...

    def hang_up(self) -> None:
        """End the call (or reject a ringing inbound call)."""
        ...

    def hold(self, on: bool) -> None:
        """Put the connected call on hold, or take it off hold."""
        ...

    def mute(self, on: bool) -> None:
        """Mute or unmute the agent's microphone."""
        ...

    def transfer(self, e164: str) -> None:
        """Hand the connected call to ``e164`` (blind transfer); the call ends for the agent."""
        ...

    def send_digits(self, digits: str) -> None:
        """Send DTMF digits (0-9, *, #, A-D) on the connected call."""
        ...

    def set_available(self, available: bool) -> None:
        """Tell the backend whether the agent can take inbound calls now (Ready)."""
        ...

    def close(self) -> None:
        """End any call and stop generating events."""
        ...


class Cancellable(Protocol):
    """A scheduled callback that can be called off."""

    def cancel(self) -> None:
        """Do not run the callback (no effect if it already ran)."""
        ...


class Scheduler(Protocol):
    """Runs a function after a delay: a Qt timer in the console, a thread in the simulator."""

    def call_later(self, seconds: float, fn: Callable[[], None]) -> Cancellable:
        """Run ``fn`` once after ``seconds``; never before returning (backends hold locks)."""
        ...


DTMF_DIGITS = frozenset("0123456789*#ABCD")
