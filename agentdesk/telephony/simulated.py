"""A phone that plays the line by fixed odds, for demos, training and tests.

Outbound calls get busy, fail, go unanswered or are answered after a few rings; inbound calls
arrive at random while the agent is available. ``queue_outcome`` forces what the next dial
does, so a trainer (or a test) can stage a busy line or an answered call on purpose.
"""

from __future__ import annotations

import itertools
import math
import random
import re
import threading
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from agentdesk.domain.calls import CallDirection
from agentdesk.domain.ports import Clock
from agentdesk.domain.telephony import (
    DTMF_DIGITS,
    CallSnapshot,
    CallState,
    Cancellable,
    EndReason,
    PhoneError,
    PhoneListener,
    Scheduler,
)
from agentdesk.telephony import BadPhoneOptionsError

#: The longest delay an option may ask for: a day. Real timers cannot take much more.
MAX_SECONDS = 86_400.0

_MAX_OPTION_LENGTH = 64
_NUMBER = r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_RE = re.compile(_NUMBER, re.ASCII)
_RANGE_RE = re.compile(rf"({_NUMBER})\s*(?:-\s*({_NUMBER}))?", re.ASCII)
_OFF = frozenset({"off", "none", "no"})


class Outcome(StrEnum):
    """What an outbound call will do once the number is set up."""

    ANSWER = "answer"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SimulatedOdds:
    """How the simulated line behaves.

    The four outcome weights are normalized on creation, so they read as probabilities.
    Every value is checked; a bad one raises :class:`BadPhoneOptionsError`.

    Attributes:
        answer: Weight of an answered outbound call.
        busy: Weight of a busy line.
        no_answer: Weight of a call that rings until the phone gives up.
        failed: Weight of a network or number failure.
        dial_seconds: Setup time from dialing to ringing (or busy, or failed).
        ring_seconds: Range of ring times before an answer.
        no_answer_seconds: Ring time before an unanswered call is given up.
        customer_hangup_seconds: Range of talk times after which the customer hangs up;
            None leaves ending the call to the agent.
        inbound_every_seconds: Mean gap between generated inbound calls while the agent is
            available and the line is free; None generates none.
        inbound_ring_seconds: Ring time before an unanswered inbound caller hangs up.
    """

    answer: float = 0.45
    busy: float = 0.15
    no_answer: float = 0.3
    failed: float = 0.1
    dial_seconds: float = 1.0
    ring_seconds: tuple[float, float] = (2.0, 8.0)
    no_answer_seconds: float = 25.0
    customer_hangup_seconds: tuple[float, float] | None = None
    inbound_every_seconds: float | None = None
    inbound_ring_seconds: float = 30.0

    def __post_init__(self) -> None:
        weights = {outcome: _checked(outcome.value, getattr(self, outcome.value), None)
                   for outcome in Outcome}
        largest = max(weights.values())
        if largest == 0:
            raise BadPhoneOptionsError("answer", "the outcome weights are all zero")
        scaled = {outcome: weight / largest for outcome, weight in weights.items()}
        total = sum(scaled.values())
        for outcome, weight in scaled.items():
            object.__setattr__(self, outcome.value, weight / total)
        _checked("dial_seconds", self.dial_seconds)
        _checked("no_answer_seconds", self.no_answer_seconds)
        _checked("inbound_ring_seconds", self.inbound_ring_seconds)
        _checked_range("ring_seconds", self.ring_seconds)
        if self.customer_hangup_seconds is not None:
            _checked_range("customer_hangup_seconds", self.customer_hangup_seconds)
        if self.inbound_every_seconds is not None:
            _checked("inbound_every_seconds", self.inbound_every_seconds)
            if self.inbound_every_seconds == 0:
                raise BadPhoneOptionsError("inbound_every_seconds",
                                           "must be more than zero (or 'off')")

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> SimulatedOdds:
        """Read odds from configuration strings; keys left out keep their defaults.

        Weights and times are decimal numbers (``"0.45"``, ``"1.5"``, ``"2e1"``); ranges are
        ``"MIN-MAX"`` or one number; ``customer_hangup_seconds`` and
        ``inbound_every_seconds`` may be ``"off"``. For example
        ``{"answer": "1", "ring_seconds": "0.1-0.2", "inbound_every_seconds": "off"}``.

        Args:
            options: Option names and their values.

        Returns:
            The odds.

        Raises:
            BadPhoneOptionsError: An unknown key, or a value that is not a usable number
                (negative, not finite, too large, a range whose minimum exceeds its
                maximum, all weights zero).
        """
        values: dict[str, object] = {}
        for key, text in options.items():
            parse = _PARSERS.get(key)
            if parse is None:
                known = ", ".join(_PARSERS)
                raise BadPhoneOptionsError(str(key)[:_MAX_OPTION_LENGTH],
                                           f"not an option of the simulated phone (known: {known})")
            values[key] = parse(key, text)
        return cls(**values)  # type: ignore[arg-type]  # each parser returns its field's type

    def probability(self, outcome: Outcome) -> float:
        """Return the chance of ``outcome`` on a dial with no queued outcome."""
        return float(getattr(self, outcome.value))

    def draw(self, rng: random.Random) -> Outcome:
        """Pick an outcome by the odds.

        Args:
            rng: The source of randomness.

        Returns:
            The outcome; never one whose weight is zero.
        """
        possible = [outcome for outcome in Outcome if self.probability(outcome) > 0]
        roll = rng.random()
        for outcome in possible:
            roll -= self.probability(outcome)
            if roll < 0:
                return outcome
        return possible[-1]


def _checked(option: str, value: float, limit: float | None = MAX_SECONDS) -> float:
    """Return ``value`` if it is a finite, non-negative number up to ``limit``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadPhoneOptionsError(option, "must be a number")
    if not math.isfinite(value):
        raise BadPhoneOptionsError(option, "must be a finite number")
    if value < 0:
        raise BadPhoneOptionsError(option, "must not be negative")
    if limit is not None and value > limit:
        raise BadPhoneOptionsError(option, f"must be at most {limit:g}")
    return float(value)


def _checked_range(option: str, value: tuple[float, float]) -> None:
    """Check a (minimum, maximum) pair of seconds."""
    if not isinstance(value, tuple) or len(value) != 2:
        raise BadPhoneOptionsError(option, "must be a range of two numbers")
    low, high = (_checked(option, part) for part in value)
    if low > high:
        raise BadPhoneOptionsError(option, "the minimum is larger than the maximum")


def _text(option: str, text: str) -> str:
    if not isinstance(text, str):
        raise BadPhoneOptionsError(option, "must be given as text")
    if len(text) > _MAX_OPTION_LENGTH:
        raise BadPhoneOptionsError(option, "is too long to be a number")
    return text.strip()


def _parse_number(option: str, text: str) -> float:
    stripped = _text(option, text)
    if not _NUMBER_RE.fullmatch(stripped):
        raise BadPhoneOptionsError(option, f"{stripped!r} is not a decimal number")
    return float(stripped)


def _parse_range(option: str, text: str) -> tuple[float, float]:
    stripped = _text(option, text)
    match = _RANGE_RE.fullmatch(stripped)
    if match is None:
        raise BadPhoneOptionsError(option, f"{stripped!r} is not a number or a range MIN-MAX")
    low = float(match[1])
    return low, float(match[2]) if match[2] is not None else low


def _parse_optional_number(option: str, text: str) -> float | None:
    if _text(option, text).lower() in _OFF:
        return None
    return _parse_number(option, text)


def _parse_optional_range(option: str, text: str) -> tuple[float, float] | None:
    if _text(option, text).lower() in _OFF:
        return None
    return _parse_range(option, text)


_PARSERS: dict[str, Callable[[str, str], object]] = {
    "answer": _parse_number,
    "busy": _parse_number,
    "no_answer": _parse_number,
    "failed": _parse_number,
    "dial_seconds": _parse_number,
    "ring_seconds": _parse_range,
    "no_answer_seconds": _parse_number,
    "customer_hangup_seconds": _parse_optional_range,
    "inbound_every_seconds": _parse_optional_number,
    "inbound_ring_seconds": _parse_number,
}

_Event = CallSnapshot | tuple[uuid.UUID, str]
_ACTIVE = frozenset({CallState.CONNECTED, CallState.HELD})


class SimulatedPhone:
    """A :class:`~agentdesk.domain.telephony.Phone` whose line is played by the odds.

    One call at a time. All state sits behind one lock; the listener is called outside it,
    in the order the changes happened, and may call back into the phone. Timers run on
    ``scheduler`` (any thread); a timer left over from an ended call never touches a later
    one. The scheduler must not run a callback from inside ``call_later``.

    Args:
        scheduler: Runs the line's timers.
        clock: Stamps call times.
        odds: How the line behaves; the defaults when None.
        rng: The source of randomness (seed it for repeatable runs).
        callers: Gives the caller id of each generated inbound call; random mobile numbers
            when None.
    """

    name = "simulated"

    def __init__(
        self,
        scheduler: Scheduler,
        clock: Clock,
        odds: SimulatedOdds | None = None,
        *,
        rng: random.Random | None = None,
        callers: Callable[[], str] | None = None,
    ) -> None:
        self._scheduler = scheduler
        self._clock = clock
        self._odds = odds if odds is not None else SimulatedOdds()
        self._rng = rng if rng is not None else random.Random()
        self._callers = callers
        self._lock = threading.Lock()
        self._delivering = threading.RLock()
        self._events: deque[_Event] = deque()
        self._listener: PhoneListener | None = None
        self._call: CallSnapshot | None = None
        self._outcome = Outcome.ANSWER
        self._queued: deque[Outcome] = deque()
        self._tokens = itertools.count(1)
        self._timer: Cancellable | None = None
        self._timer_token = 0
        self._arrival: Cancellable | None = None
        self._arrival_token = 0
        self._available = False
        self._closed = False

    @property
    def odds(self) -> SimulatedOdds:
        """How the line behaves."""
        return self._odds

    @property
    def call(self) -> CallSnapshot | None:
        """The active call as last reported, or None when the line is free."""
        with self._lock:
            return self._call

    # ------------------------------------------------------------------ the Phone port

    def set_listener(self, listener: PhoneListener | None) -> None:
        """Send events to ``listener`` from now on (None drops them)."""
        with self._lock:
            self._listener = listener

    def dial(self, e164: str) -> uuid.UUID:
        """Place an outbound call; it reports DIALING at once.

        Raises:
            PhoneError: The line is busy, the phone is closed, or ``e164`` is empty.
        """
        if not e164:
            raise PhoneError("No number to dial")
        with self._lock:
            self._check_line_free()
            self._outcome = self._queued.popleft() if self._queued else self._odds.draw(self._rng)
            call = self._start(CallDirection.OUTBOUND, e164, CallState.DIALING)
            self._schedule(self._odds.dial_seconds, self._set_up)
        self._deliver()
        return call.call_id

    def answer(self) -> None:
        """Answer the ringing inbound call.

        Raises:
            PhoneError: No inbound call is ringing.
        """
        with self._lock:
            call = self._call
            if (call is None or call.direction is not CallDirection.INBOUND
                    or call.state is not CallState.RINGING):
                raise PhoneError("No inbound call is ringing")
            self._connect()
        self._deliver()

    def hang_up(self) -> None:
        """End the call; a ringing inbound call is rejected. Does nothing on a free line.

        A free line is not an error: the other side may have hung up a moment earlier.
        """
        with self._lock:
            call = self._call
            if call is None:
                return
            if call.direction is CallDirection.INBOUND and call.state is CallState.RINGING:
                self._end(EndReason.REJECTED)
            else:
                self._end(EndReason.AGENT_HANGUP)
        self._deliver()

    def hold(self, on: bool) -> None:
        """Put the connected call on hold, or take it off; no event if nothing changes.

        Raises:
            PhoneError: No call is connected or held.
        """
        with self._lock:
            call = self._talking("hold")
            state = CallState.HELD if on else CallState.CONNECTED
            if call.state is not state:
                self._publish(replace(call, state=state))
        self._deliver()

    def mute(self, on: bool) -> None:
        """Mute or unmute the agent on the connected or held call.

        Raises:
            PhoneError: No call is connected or held.
        """
        with self._lock:
            call = self._talking("mute")
            if call.muted is not on:
                self._publish(replace(call, muted=on))
        self._deliver()

    def transfer(self, e164: str) -> None:
        """Hand the connected or held call to ``e164``; it ends TRANSFERRED for the agent.

        Raises:
            PhoneError: No call is connected or held, or ``e164`` is empty.
        """
        if not e164:
            raise PhoneError("No number to transfer to")
        with self._lock:
            self._talking("transfer")
            self._end(EndReason.TRANSFERRED, transferred_to=e164)
        self._deliver()

    def send_digits(self, digits: str) -> None:
        """Send DTMF digits on the connected call.

        Raises:
            PhoneError: No call is connected, or ``digits`` is empty or holds a character
                that is not a DTMF digit (0-9, *, #, A-D).
        """
        if not digits or not DTMF_DIGITS.issuperset(digits):
            raise PhoneError(f"Not DTMF digits: {digits[:40]!r}")
        with self._lock:
            call = self._call
            if call is None or call.state is not CallState.CONNECTED:
                raise PhoneError("Digits need a connected call")
            self._events.append((call.call_id, digits))
        self._deliver()

    def set_available(self, available: bool) -> None:
        """Offer generated inbound calls while ``available`` (and the line is free)."""
        with self._lock:
            self._available = available and not self._closed
            if self._available:
                self._plan_arrival()
            else:
                self._cancel_arrival()

    def close(self) -> None:
        """Stop every timer and end the active call as an agent hang-up; idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._available = False
            self._queued.clear()
            self._cancel_arrival()
            if self._call is not None:
                self._end(EndReason.AGENT_HANGUP)
        self._deliver()

    # ------------------------------------------------------------------ training controls

    def queue_outcome(self, outcome: Outcome) -> None:
        """Make a coming dial end as ``outcome``; queued outcomes are used first in, first out."""
        with self._lock:
            self._queued.append(outcome)

    def ring_in(self, caller: str) -> uuid.UUID:
        """Offer an inbound call from ``caller`` now; it rings until answered or abandoned.

        Raises:
            PhoneError: The line is busy or the phone is closed.
        """
        with self._lock:
            self._check_line_free()
            call = self._ring_in(caller)
        self._deliver()
        return call.call_id

    # ------------------------------------------------------------------ the line (lock held)

    def _check_line_free(self) -> None:
        if self._closed:
            raise PhoneError("The phone is closed")
        if self._call is not None:
            raise PhoneError(f"A call is already {self._call.state.value}")

    def _talking(self, what: str) -> CallSnapshot:
        call = self._call
        if call is None or call.state not in _ACTIVE:
            raise PhoneError(f"Cannot {what}: no call is connected")
        return call

    def _publish(self, call: CallSnapshot) -> None:
        self._call = call
        self._events.append(call)

    def _start(self, direction: CallDirection, remote: str, state: CallState) -> CallSnapshot:
        self._cancel_arrival()
        call = CallSnapshot(call_id=uuid.uuid4(), direction=direction, remote=remote,
                            state=state, muted=False, started_at=self._clock.now())
        self._publish(call)
        return call

    def _ring_in(self, caller: str) -> CallSnapshot:
        call = self._start(CallDirection.INBOUND, caller, CallState.RINGING)
        self._schedule(self._odds.inbound_ring_seconds, lambda: self._end(EndReason.ABANDONED))
        return call

    def _set_up(self) -> None:
        """The number is set up: busy, failed, or ringing at the customer."""
        if self._outcome is Outcome.BUSY:
            self._end(EndReason.BUSY)
        elif self._outcome is Outcome.FAILED:
            self._end(EndReason.FAILED)
        else:
            assert self._call is not None  # a timer runs only for the active call
            self._publish(replace(self._call, state=CallState.RINGING))
            if self._outcome is Outcome.ANSWER:
                self._schedule(self._rng.uniform(*self._odds.ring_seconds), self._connect)
            else:
                self._schedule(self._odds.no_answer_seconds,
                               lambda: self._end(EndReason.NO_ANSWER))

    def _connect(self) -> None:
        assert self._call is not None  # callers checked the call
        self._cancel_timer()
        self._publish(replace(self._call, state=CallState.CONNECTED,
                              answered_at=self._clock.now()))
        talk = self._odds.customer_hangup_seconds
        if talk is not None:
            self._schedule(self._rng.uniform(*talk), lambda: self._end(EndReason.CUSTOMER_HANGUP))

    def _end(self, reason: EndReason, transferred_to: str = "") -> None:
        assert self._call is not None  # callers checked the call
        self._cancel_timer()
        self._events.append(replace(self._call, state=CallState.ENDED, ended_at=self._clock.now(),
                                    end_reason=reason, transferred_to=transferred_to))
        self._call = None
        self._plan_arrival()

    def _schedule(self, seconds: float, step: Callable[[], None]) -> None:
        """Replace the call's timer with one that runs ``step`` after ``seconds``."""
        self._cancel_timer()
        token = next(self._tokens)
        self._timer_token = token
        self._timer = self._scheduler.call_later(seconds, lambda: self._on_timer(token, step))

    def _cancel_timer(self) -> None:
        timer, self._timer, self._timer_token = self._timer, None, 0
        if timer is not None:
            timer.cancel()

    def _plan_arrival(self) -> None:
        """Schedule the next generated inbound call if one may come and none is due."""
        mean = self._odds.inbound_every_seconds
        if self._arrival is not None or mean is None or not self._can_offer():
            return
        token = next(self._tokens)
        self._arrival_token = token
        gap = self._rng.expovariate(1 / mean)
        self._arrival = self._scheduler.call_later(gap, lambda: self._on_arrival(token))

    def _cancel_arrival(self) -> None:
        arrival, self._arrival, self._arrival_token = self._arrival, None, 0
        if arrival is not None:
            arrival.cancel()

    def _can_offer(self) -> bool:
        return self._available and not self._closed and self._call is None

    def _random_caller(self) -> str:
        return f"+861{self._rng.choice('3456789')}{self._rng.randrange(10**9):09d}"

    # ------------------------------------------------------------------ timer callbacks

    def _on_timer(self, token: int, step: Callable[[], None]) -> None:
        with self._lock:
            if token != self._timer_token or self._call is None:
                return  # the call it belonged to has moved on
            self._timer, self._timer_token = None, 0
            step()
        self._deliver()

    def _on_arrival(self, token: int) -> None:
        with self._lock:
            if token != self._arrival_token:
                return
            self._arrival, self._arrival_token = None, 0
            if not self._can_offer():
                return
            callers = self._callers
            caller = self._random_caller() if callers is None else ""
        if callers is not None:
            caller = callers()  # outside the lock: it is the caller's code
        with self._lock:
            # If the line was taken meanwhile, the call that took it plans the next arrival.
            if self._can_offer() and self._arrival is None:
                self._ring_in(caller)
        self._deliver()

    # ------------------------------------------------------------------ events

    def _deliver(self) -> None:
        """Hand queued events to the listener, outside the state lock, in order."""
        with self._delivering:
            while True:
                with self._lock:
                    if not self._events:
                        return
                    event = self._events.popleft()
                    listener = self._listener
                if listener is None:
                    continue
                if isinstance(event, CallSnapshot):
                    listener.call_changed(event)
                else:
                    listener.digits_sent(*event)
