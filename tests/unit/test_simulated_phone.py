from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.calls import CallDirection
from agentdesk.domain.telephony import UNANSWERED, CallSnapshot, CallState, EndReason, PhoneError
from agentdesk.telephony import BadPhoneOptionsError
from agentdesk.telephony.simulated import Outcome, SimulatedOdds, SimulatedPhone
from tests.helpers.manual_scheduler import START, ManualClock, ManualScheduler

# Fixed times, so each step of a call lands at a known moment.
ODDS = SimulatedOdds(dial_seconds=1.0, ring_seconds=(3.0, 3.0), no_answer_seconds=20.0,
                     inbound_ring_seconds=30.0)


class Recorder:
    """A phone listener that keeps what it heard."""

    def __init__(self) -> None:
        self.calls: list[CallSnapshot] = []
        self.digits: list[tuple[uuid.UUID, str]] = []

    def call_changed(self, call: CallSnapshot) -> None:
        self.calls.append(call)

    def digits_sent(self, call_id: uuid.UUID, digits: str) -> None:
        self.digits.append((call_id, digits))

    @property
    def states(self) -> list[CallState]:
        return [call.state for call in self.calls]

    @property
    def last(self) -> CallSnapshot:
        return self.calls[-1]


class Line:
    """A simulated phone on a manual clock, with a recording listener."""

    def __init__(self, odds: SimulatedOdds = ODDS, *, seed: int = 7,
                 callers: Callable[[], str] | None = None) -> None:
        self.clock = ManualClock()
        self.scheduler = ManualScheduler(self.clock)
        self.phone = SimulatedPhone(self.scheduler, self.clock, odds, rng=random.Random(seed),
                                    callers=callers)
        self.events = Recorder()
        self.phone.set_listener(self.events)

    def advance(self, seconds: float) -> None:
        self.scheduler.advance(seconds)

    def at(self, seconds: float) -> datetime:
        return START + timedelta(seconds=seconds)

    def connected_call(self) -> uuid.UUID:
        self.phone.queue_outcome(Outcome.ANSWER)
        call_id = self.phone.dial("+8613800138000")
        self.advance(4.0)
        assert self.events.last.state is CallState.CONNECTED
        return call_id


@pytest.fixture
def line() -> Line:
    return Line()


# ---------------------------------------------------------------- outbound


def test_an_answered_call_dials_rings_and_connects_on_time(line: Line) -> None:
    line.phone.queue_outcome(Outcome.ANSWER)
    call_id = line.phone.dial("+8613800138000")

    first = line.events.last
    assert (first.call_id, first.state, first.direction) == (
        call_id, CallState.DIALING, CallDirection.OUTBOUND)
    assert first.remote == "+8613800138000" and first.started_at == line.at(0)
    assert first.answered_at is None and not first.muted

    line.advance(0.999)
    assert line.events.states == [CallState.DIALING]
    line.advance(0.001)
    assert line.events.states == [CallState.DIALING, CallState.RINGING]
    line.advance(2.999)
    assert line.events.last.state is CallState.RINGING
    line.advance(0.001)
    connected = line.events.last
    assert connected.state is CallState.CONNECTED
    assert connected.answered_at == line.at(4.0) and connected.started_at == line.at(0)
    assert line.phone.call == connected
    assert {call.call_id for call in line.events.calls} == {call_id}


@pytest.mark.parametrize(("outcome", "reason"),
                         [(Outcome.BUSY, EndReason.BUSY), (Outcome.FAILED, EndReason.FAILED)])
def test_busy_and_failed_end_after_setup_without_ringing(
    line: Line, outcome: Outcome, reason: EndReason
) -> None:
    line.phone.queue_outcome(outcome)
    line.phone.dial("+8613800138000")
    line.advance(1.0)

    assert line.events.states == [CallState.DIALING, CallState.ENDED]
    ended = line.events.last
    assert ended.end_reason is reason and reason in UNANSWERED
    assert ended.answered_at is None and ended.ended_at == line.at(1.0)
    assert line.phone.call is None and line.scheduler.pending == 0


def test_an_unanswered_call_rings_until_the_phone_gives_up(line: Line) -> None:
    line.phone.queue_outcome(Outcome.NO_ANSWER)
    line.phone.dial("+8613800138000")
    line.advance(20.999)
    assert line.events.states == [CallState.DIALING, CallState.RINGING]
    line.advance(0.001)
    ended = line.events.last
    assert (ended.state, ended.end_reason) == (CallState.ENDED, EndReason.NO_ANSWER)
    assert ended.answered_at is None and ended.ended_at == line.at(21.0)


def test_the_customer_hangs_up_after_the_talk_time_even_on_hold() -> None:
    line = Line(SimulatedOdds(dial_seconds=1.0, ring_seconds=(3.0, 3.0),
                              customer_hangup_seconds=(60.0, 60.0)))
    line.connected_call()
    line.phone.hold(True)
    line.advance(59.0)
    assert line.events.last.state is CallState.HELD
    line.advance(1.0)
    ended = line.events.last
    assert ended.end_reason is EndReason.CUSTOMER_HANGUP and ended.ended_at == line.at(64.0)


def test_queued_outcomes_come_first_in_first_out_then_the_odds() -> None:
    line = Line(SimulatedOdds(answer=1, busy=0, no_answer=0, failed=0, dial_seconds=1.0,
                              ring_seconds=(1.0, 1.0)))
    line.phone.queue_outcome(Outcome.BUSY)
    line.phone.queue_outcome(Outcome.FAILED)
    ends = []
    for _ in range(3):
        line.phone.dial("+8613800138000")
        line.advance(2.0)
        line.phone.hang_up()
        ends.append(line.events.last.end_reason)
    assert ends == [EndReason.BUSY, EndReason.FAILED, EndReason.AGENT_HANGUP]


def test_outcomes_follow_the_odds_over_many_dials() -> None:
    odds = SimulatedOdds(answer=0.45, busy=0.15, no_answer=0.3, failed=0.1, dial_seconds=0.5,
                         ring_seconds=(0.1, 0.4), no_answer_seconds=1.0)
    line = Line(odds, seed=20261123)
    seen: Counter[str] = Counter()
    dials = 4000
    for _ in range(dials):
        line.phone.dial("+8613800138000")
        line.advance(1.5)
        last = line.events.last
        if last.state is CallState.CONNECTED:
            seen["answer"] += 1
            line.phone.hang_up()
        else:
            assert last.end_reason is not None
            seen[last.end_reason.value] += 1
    assert sum(seen.values()) == dials
    for outcome in Outcome:
        assert seen[outcome.value] / dials == pytest.approx(odds.probability(outcome), abs=0.03)


def test_a_zero_weight_outcome_never_happens() -> None:
    line = Line(SimulatedOdds(answer=0, busy=1, no_answer=0, failed=3, dial_seconds=0.0))
    for _ in range(200):
        line.phone.dial("+8613800138000")
        line.advance(0.0)
    reasons = {call.end_reason for call in line.events.calls if call.state is CallState.ENDED}
    assert reasons == {EndReason.BUSY, EndReason.FAILED}


class HighestRoll(random.Random):
    def random(self) -> float:
        return 1 - 2**-53


def test_rounding_never_picks_a_zero_weight_outcome() -> None:
    # These probabilities add up to a hair under the highest roll.
    odds = SimulatedOdds(answer=0.1, busy=0.2, no_answer=0.7, failed=0)
    assert odds.draw(HighestRoll()) is Outcome.NO_ANSWER


# ---------------------------------------------------------------- hanging up


@pytest.mark.parametrize(("outcome", "after", "state"), [
    (Outcome.ANSWER, 0.5, CallState.DIALING),
    (Outcome.ANSWER, 2.0, CallState.RINGING),
    (Outcome.NO_ANSWER, 5.0, CallState.RINGING),
])
def test_hanging_up_before_the_answer_ends_it_unanswered(
    line: Line, outcome: Outcome, after: float, state: CallState
) -> None:
    line.phone.queue_outcome(outcome)
    line.phone.dial("+8613800138000")
    line.advance(after)
    assert line.events.last.state is state
    line.phone.hang_up()

    ended = line.events.last
    assert (ended.state, ended.end_reason) == (CallState.ENDED, EndReason.AGENT_HANGUP)
    assert ended.answered_at is None and ended.ended_at == line.at(after)
    assert line.scheduler.pending == 0
    line.advance(100.0)
    assert line.events.last is ended


@pytest.mark.parametrize("held", [False, True])
def test_hanging_up_a_talking_call(line: Line, held: bool) -> None:
    line.connected_call()
    if held:
        line.phone.hold(True)
    line.advance(30.0)
    line.phone.hang_up()
    ended = line.events.last
    assert ended.end_reason is EndReason.AGENT_HANGUP
    assert ended.answered_at == line.at(4.0) and ended.ended_at == line.at(34.0)
    assert line.phone.call is None


def test_hanging_up_a_free_line_does_nothing(line: Line) -> None:
    line.phone.hang_up()
    assert line.events.calls == []


# ---------------------------------------------------------------- in the call


def test_hold_and_resume(line: Line) -> None:
    line.connected_call()
    line.phone.hold(True)
    assert line.events.last.state is CallState.HELD
    line.phone.hold(True)  # already held: nothing to report
    line.phone.hold(False)
    assert line.events.states[-3:] == [CallState.CONNECTED, CallState.HELD, CallState.CONNECTED]


def test_mute_is_reported_and_carried_into_later_snapshots(line: Line) -> None:
    line.connected_call()
    line.phone.mute(True)
    muted = line.events.last
    assert muted.muted and muted.state is CallState.CONNECTED
    line.phone.mute(True)
    line.phone.hold(True)
    held = line.events.last
    assert held.muted and held.state is CallState.HELD
    line.phone.mute(False)
    assert not line.events.last.muted
    assert len(line.events.calls) == 6  # dialing, ringing, connected, muted, held, unmuted
    line.phone.mute(True)
    line.phone.hang_up()
    line.connected_call()
    assert not line.events.last.muted  # a new call starts unmuted


def test_digits_go_down_a_connected_line(line: Line) -> None:
    call_id = line.connected_call()
    line.phone.send_digits("0123456789*#ABCD")
    assert line.events.digits == [(call_id, "0123456789*#ABCD")]
    for bad in ("", "12x", "a", "1 2", "１"):
        with pytest.raises(PhoneError):
            line.phone.send_digits(bad)
    line.phone.hold(True)
    with pytest.raises(PhoneError):
        line.phone.send_digits("1")
    assert len(line.events.digits) == 1


@pytest.mark.parametrize("held", [False, True])
def test_transfer_ends_the_call_for_the_agent(line: Line, held: bool) -> None:
    line.connected_call()
    if held:
        line.phone.hold(True)
    line.phone.transfer("+861065529988")
    ended = line.events.last
    assert (ended.state, ended.end_reason) == (CallState.ENDED, EndReason.TRANSFERRED)
    assert ended.transferred_to == "+861065529988" and ended.answered_at == line.at(4.0)
    assert line.phone.call is None


@pytest.mark.parametrize("operation", [
    lambda phone: phone.hold(True),
    lambda phone: phone.hold(False),
    lambda phone: phone.mute(True),
    lambda phone: phone.send_digits("1"),
    lambda phone: phone.transfer("+861065529988"),
    lambda phone: phone.answer(),
    lambda phone: phone.dial("+8613900139000"),
    lambda phone: phone.ring_in("+8613900139000"),
])
@pytest.mark.parametrize("after", [0.0, 2.0])  # dialing, ringing
def test_operations_that_make_no_sense_before_the_answer_are_refused(
    line: Line, operation: Callable[[SimulatedPhone], object], after: float
) -> None:
    line.phone.queue_outcome(Outcome.ANSWER)
    line.phone.dial("+8613800138000")
    line.advance(after)
    heard = list(line.events.calls)
    with pytest.raises(PhoneError):
        operation(line.phone)
    assert line.events.calls == heard


@pytest.mark.parametrize("operation", [
    lambda phone: phone.hold(True),
    lambda phone: phone.mute(True),
    lambda phone: phone.send_digits("1"),
    lambda phone: phone.transfer("+861065529988"),
    lambda phone: phone.answer(),
    lambda phone: phone.dial(""),
])
def test_operations_on_a_free_line_are_refused(
    line: Line, operation: Callable[[SimulatedPhone], object]
) -> None:
    with pytest.raises(PhoneError):
        operation(line.phone)
    assert line.events.calls == []


def test_transfer_needs_a_number(line: Line) -> None:
    line.connected_call()
    with pytest.raises(PhoneError):
        line.phone.transfer("")
    assert line.events.last.state is CallState.CONNECTED


# ---------------------------------------------------------------- inbound


def test_an_inbound_call_rings_and_is_answered(line: Line) -> None:
    call_id = line.phone.ring_in("+8613900139000")
    ringing = line.events.last
    assert (ringing.call_id, ringing.direction, ringing.state, ringing.remote) == (
        call_id, CallDirection.INBOUND, CallState.RINGING, "+8613900139000")
    line.advance(5.0)
    line.phone.answer()
    connected = line.events.last
    assert connected.state is CallState.CONNECTED and connected.answered_at == line.at(5.0)
    line.advance(100.0)  # the abandon timer is gone
    assert line.events.last is connected
    with pytest.raises(PhoneError):
        line.phone.answer()


def test_hanging_up_a_ringing_inbound_call_rejects_it(line: Line) -> None:
    line.phone.ring_in("+8613900139000")
    line.phone.hang_up()
    ended = line.events.last
    assert ended.end_reason is EndReason.REJECTED and ended.answered_at is None
    assert line.scheduler.pending == 0


def test_an_unanswered_inbound_caller_gives_up(line: Line) -> None:
    line.phone.ring_in("+8613900139000")
    line.advance(29.0)
    assert line.events.last.state is CallState.RINGING
    line.advance(1.0)
    ended = line.events.last
    assert ended.end_reason is EndReason.ABANDONED and ended.ended_at == line.at(30.0)


def test_an_outbound_ringing_call_cannot_be_answered_by_the_agent(line: Line) -> None:
    line.phone.queue_outcome(Outcome.NO_ANSWER)
    line.phone.dial("+8613800138000")
    line.advance(2.0)
    with pytest.raises(PhoneError):
        line.phone.answer()


def _inbound_odds(every: float = 10.0, ring: float = 30.0) -> SimulatedOdds:
    return SimulatedOdds(dial_seconds=1.0, ring_seconds=(3.0, 3.0), inbound_every_seconds=every,
                         inbound_ring_seconds=ring)


def test_inbound_calls_are_generated_only_while_available() -> None:
    callers = iter(["+8613900139001", "+8613900139002"])
    line = Line(_inbound_odds(), callers=lambda: next(callers))
    line.advance(10_000.0)
    assert line.events.calls == [] and line.scheduler.pending == 0

    line.phone.set_available(True)
    assert line.scheduler.pending == 1
    while not line.events.calls:
        line.advance(1.0)
    first = line.events.last
    assert (first.direction, first.state, first.remote) == (
        CallDirection.INBOUND, CallState.RINGING, "+8613900139001")
    assert line.scheduler.pending == 1  # only the abandon timer: no arrival while busy

    line.phone.answer()
    line.phone.hang_up()
    assert line.scheduler.pending == 1  # the next arrival
    line.phone.set_available(False)
    assert line.scheduler.pending == 0
    line.advance(10_000.0)
    assert len({call.call_id for call in line.events.calls}) == 1


def test_dialing_out_holds_back_generated_calls_until_the_line_is_free() -> None:
    line = Line(_inbound_odds(every=1.0))
    line.phone.set_available(True)
    line.phone.queue_outcome(Outcome.ANSWER)
    line.phone.dial("+8613800138000")
    assert line.scheduler.pending == 1  # the dial set-up; the arrival is called off
    line.advance(1_000.0)
    assert {call.direction for call in line.events.calls} == {CallDirection.OUTBOUND}
    line.phone.hang_up()
    while line.events.last.direction is CallDirection.OUTBOUND:
        line.advance(1.0)
    generated = line.events.last
    assert generated.state is CallState.RINGING
    assert generated.remote.startswith("+861") and len(generated.remote) == 14
    assert generated.remote[1:].isdigit()


def test_generated_calls_arrive_at_the_configured_mean_rate() -> None:
    # Each arrival rings 1 s before it is abandoned, then the next gap (mean 9 s) starts.
    line = Line(_inbound_odds(every=9.0, ring=1.0), seed=11)
    line.phone.set_available(True)
    line.advance(100_000.0)
    arrivals = sum(call.state is CallState.RINGING for call in line.events.calls)
    assert arrivals == pytest.approx(10_000, rel=0.05)
    assert all(call.end_reason in (None, EndReason.ABANDONED) for call in line.events.calls)


def test_ring_in_is_refused_while_a_call_is_active(line: Line) -> None:
    line.phone.ring_in("+8613900139000")
    with pytest.raises(PhoneError):
        line.phone.ring_in("+8613900139001")
    with pytest.raises(PhoneError):
        line.phone.dial("+8613800138000")
    assert len(line.events.calls) == 1


# ---------------------------------------------------------------- timers and threads


class LeakyScheduler:
    """A scheduler whose cancel comes too late: every timer fires (as on a busy thread)."""

    def __init__(self, clock: ManualClock) -> None:
        self.manual = ManualScheduler(clock)

    def call_later(self, seconds: float, fn: Callable[[], None]) -> _NoCancel:
        self.manual.call_later(seconds, fn)
        return _NoCancel()

    def advance(self, seconds: float) -> None:
        self.manual.advance(seconds)


class _NoCancel:
    def cancel(self) -> None:
        pass


def test_timers_of_an_ended_call_never_touch_a_later_call() -> None:
    clock = ManualClock()
    scheduler = LeakyScheduler(clock)
    phone = SimulatedPhone(scheduler, clock, _inbound_odds(ring=5.0), rng=random.Random(1))
    events = Recorder()
    phone.set_listener(events)

    phone.ring_in("+8613900139000")  # abandon timer due at 5 s
    phone.hang_up()
    phone.queue_outcome(Outcome.ANSWER)
    first = phone.dial("+8613800138000")  # set-up due at 1 s, answer at 4 s
    scheduler.advance(0.5)
    phone.hang_up()
    phone.queue_outcome(Outcome.NO_ANSWER)
    second = phone.dial("+8613800138001")  # set-up due at 1.5 s, gives up at 26.5 s
    scheduler.advance(30.0)

    later = [call for call in events.calls if call.call_id == second]
    assert [call.state for call in later] == [CallState.DIALING, CallState.RINGING,
                                             CallState.ENDED]
    assert later[-1].end_reason is EndReason.NO_ANSWER
    assert later[-1].ended_at == START + timedelta(seconds=26.5)
    assert [call.state for call in events.calls if call.call_id == first] == [
        CallState.DIALING, CallState.ENDED]


def test_a_listener_may_act_on_the_phone_and_events_stay_in_order(line: Line) -> None:
    class HangUpOnAnswer(Recorder):
        def call_changed(self, call: CallSnapshot) -> None:
            super().call_changed(call)
            if call.state is CallState.CONNECTED:
                line.phone.hang_up()

    listener = HangUpOnAnswer()
    line.phone.set_listener(listener)
    line.phone.queue_outcome(Outcome.ANSWER)
    line.phone.dial("+8613800138000")
    line.advance(10.0)
    assert listener.states == [CallState.DIALING, CallState.RINGING, CallState.CONNECTED,
                               CallState.ENDED]
    assert listener.last.end_reason is EndReason.AGENT_HANGUP


def test_without_a_listener_events_are_dropped(line: Line) -> None:
    line.phone.set_listener(None)
    line.phone.ring_in("+8613900139000")
    line.phone.set_listener(line.events)
    line.phone.hang_up()
    assert line.events.states == [CallState.ENDED]


def test_close_ends_the_call_and_stops_everything() -> None:
    line = Line(_inbound_odds())
    line.phone.set_available(True)
    line.connected_call()
    line.phone.close()
    assert line.events.last.end_reason is EndReason.AGENT_HANGUP
    assert line.scheduler.pending == 0
    line.phone.close()
    line.phone.set_available(True)
    assert line.scheduler.pending == 0
    with pytest.raises(PhoneError):
        line.phone.dial("+8613800138000")
    with pytest.raises(PhoneError):
        line.phone.ring_in("+8613900139000")
    line.advance(10_000.0)
    assert len({call.call_id for call in line.events.calls}) == 1


def test_the_manual_scheduler_runs_due_callbacks_in_time_order() -> None:
    clock = ManualClock()
    scheduler = ManualScheduler(clock)
    ran: list[tuple[str, float]] = []

    def note(name: str) -> Callable[[], None]:
        return lambda: ran.append((name, (clock.now() - START).total_seconds()))

    scheduler.call_later(2.0, note("b"))
    def a_then_a2() -> None:
        note("a")()
        scheduler.call_later(0.5, note("a2"))

    scheduler.call_later(1.0, a_then_a2)
    scheduler.call_later(2.0, note("c"))
    scheduler.call_later(9.0, note("late")).cancel()
    scheduler.call_later(5.0, note("d"))
    assert scheduler.pending == 4
    scheduler.advance(3.0)
    assert ran == [("a", 1.0), ("a2", 1.5), ("b", 2.0), ("c", 2.0)]
    assert clock.now() == START + timedelta(seconds=3) and scheduler.pending == 1
    scheduler.advance(10.0)
    assert ran[-1] == ("d", 5.0) and scheduler.pending == 0
    with pytest.raises(ValueError, match="forward"):
        scheduler.advance(-1.0)


# ---------------------------------------------------------------- odds and options


def test_weights_are_normalized() -> None:
    odds = SimulatedOdds(answer=2, busy=2, no_answer=0, failed=0)
    assert (odds.answer, odds.busy, odds.no_answer, odds.failed) == (0.5, 0.5, 0.0, 0.0)
    default = SimulatedOdds()
    assert sum(default.probability(outcome) for outcome in Outcome) == pytest.approx(1.0)
    assert default.probability(Outcome.ANSWER) == pytest.approx(0.45)
    huge = SimulatedOdds(answer=1e308, busy=1e308, no_answer=0, failed=0)
    assert huge.answer == pytest.approx(0.5)


def test_options_are_read_from_configuration_strings() -> None:
    odds = SimulatedOdds.from_options({
        "answer": "1", "busy": "0", "no_answer": " 0 ", "failed": "0.0",
        "dial_seconds": "1.5", "ring_seconds": "0.1-0.2", "no_answer_seconds": "2e1",
        "customer_hangup_seconds": "30 - 90", "inbound_every_seconds": "off",
        "inbound_ring_seconds": ".5",
    })
    assert odds == SimulatedOdds(answer=1.0, busy=0.0, no_answer=0.0, failed=0.0,
                                 dial_seconds=1.5, ring_seconds=(0.1, 0.2),
                                 no_answer_seconds=20.0, customer_hangup_seconds=(30.0, 90.0),
                                 inbound_every_seconds=None, inbound_ring_seconds=0.5)
    assert SimulatedOdds.from_options({}) == SimulatedOdds()
    one = SimulatedOdds.from_options({"ring_seconds": "3", "inbound_every_seconds": "45",
                                      "customer_hangup_seconds": "None"})
    assert one.ring_seconds == (3.0, 3.0) and one.inbound_every_seconds == 45.0
    assert one.customer_hangup_seconds is None


@pytest.mark.parametrize(("options", "option", "words"), [
    ({"anwser": "1"}, "anwser", "not an option"),
    ({"answer": "lots"}, "answer", "not a decimal number"),
    ({"answer": ""}, "answer", "not a decimal number"),
    ({"busy": "-1"}, "busy", "negative"),
    ({"dial_seconds": "nan"}, "dial_seconds", "not a decimal number"),
    ({"dial_seconds": "inf"}, "dial_seconds", "not a decimal number"),
    ({"dial_seconds": "1e999"}, "dial_seconds", "finite"),
    ({"dial_seconds": "1_000"}, "dial_seconds", "not a decimal number"),
    ({"no_answer_seconds": "1e9"}, "no_answer_seconds", "at most"),
    ({"inbound_ring_seconds": "off"}, "inbound_ring_seconds", "not a decimal number"),
    ({"answer": "0", "busy": "0", "no_answer": "0", "failed": "0"}, "answer", "all zero"),
    ({"ring_seconds": "8-2"}, "ring_seconds", "minimum is larger"),
    ({"ring_seconds": "1-2-3"}, "ring_seconds", "range"),
    ({"ring_seconds": "1--2"}, "ring_seconds", "negative"),
    ({"customer_hangup_seconds": "-5-10"}, "customer_hangup_seconds", "negative"),
    ({"inbound_every_seconds": "0"}, "inbound_every_seconds", "more than zero"),
    ({"failed": "1" * 1_000_000}, "failed", "too long"),
    ({"ring_seconds": "1-" * 500_000}, "ring_seconds", "too long"),
])
def test_bad_options_are_refused_with_the_option_named(
    options: dict[str, str], option: str, words: str
) -> None:
    with pytest.raises(BadPhoneOptionsError) as caught:
        SimulatedOdds.from_options(options)
    error = caught.value
    assert error.code == "bad_phone_options" and error.params["option"] == option
    assert words in str(error) and repr(option) in str(error)
    assert len(str(error)) < 400


OPTION_NAMES = ["answer", "busy", "no_answer", "failed", "dial_seconds", "ring_seconds",
                "no_answer_seconds", "customer_hangup_seconds", "inbound_every_seconds",
                "inbound_ring_seconds"]


@given(st.dictionaries(st.sampled_from(OPTION_NAMES) | st.text(max_size=20),
                       st.text(max_size=80) | st.from_regex(r"\s*-?[0-9.eE+-]{1,12}\s*",
                                                            fullmatch=True)))
def test_any_text_gives_odds_or_a_clear_error(options: dict[str, str]) -> None:
    refused: BadPhoneOptionsError | None = None
    try:
        odds = SimulatedOdds.from_options(options)
    except BadPhoneOptionsError as error:
        refused = error
    if refused is not None:
        assert refused.params["option"] in options
        return
    assert sum(odds.probability(outcome) for outcome in Outcome) == pytest.approx(1.0)
    assert 0 <= odds.dial_seconds <= 86_400


@given(st.floats(min_value=0, max_value=86_400), st.floats(min_value=0, max_value=86_400))
def test_numbers_written_by_python_read_back_exactly(low: float, high: float) -> None:
    low, high = sorted((low, high))
    odds = SimulatedOdds.from_options({"dial_seconds": repr(high),
                                       "ring_seconds": f"{low!r}-{high!r}"})
    assert odds.dial_seconds == high and odds.ring_seconds == (low, high)
