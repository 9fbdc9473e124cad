from __future__ import annotations

import threading
import uuid

import pytest

import agentdesk.telephony as telephony
from agentdesk.domain.errors import KnownError
from agentdesk.domain.telephony import CallSnapshot, CallState, EndReason, Phone
from agentdesk.telephony import (
    DEFAULT_BACKEND,
    BadPhoneOptionsError,
    PhoneSetup,
    UnknownBackendError,
    backend_names,
    create_phone,
    register_backend,
)
from agentdesk.telephony.scheduling import ThreadScheduler
from agentdesk.telephony.simulated import Outcome, SimulatedOdds, SimulatedPhone
from tests.helpers.manual_scheduler import ManualClock, ManualScheduler

ALWAYS_BUSY = {"answer": "0", "busy": "1", "no_answer": "0", "failed": "0", "dial_seconds": "2"}


@pytest.fixture
def own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let a test register backends without leaving them behind."""
    monkeypatch.setattr(telephony, "_backends", dict(telephony._backends))


@pytest.fixture
def setup() -> PhoneSetup:
    clock = ManualClock()
    return PhoneSetup(ManualScheduler(clock), clock, ALWAYS_BUSY)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[CallSnapshot] = []
        self.connected = threading.Event()

    def call_changed(self, call: CallSnapshot) -> None:
        self.calls.append(call)
        if call.state is CallState.CONNECTED:
            self.connected.set()

    def digits_sent(self, call_id: uuid.UUID, digits: str) -> None:
        raise AssertionError("no digits expected")


def test_the_simulated_phone_is_built_in_and_the_default() -> None:
    assert DEFAULT_BACKEND == "simulated"
    assert DEFAULT_BACKEND in backend_names()


def test_create_phone_builds_the_simulated_phone_from_options(setup: PhoneSetup) -> None:
    phone = create_phone("simulated", setup)
    assert isinstance(phone, SimulatedPhone) and phone.name == "simulated"
    assert phone.odds.busy == 1.0 and phone.odds.dial_seconds == 2.0
    events = Recorder()
    phone.set_listener(events)
    phone.dial("+8613800138000")
    assert isinstance(setup.scheduler, ManualScheduler)
    setup.scheduler.advance(2.0)
    assert [call.state for call in events.calls] == [CallState.DIALING, CallState.ENDED]
    assert events.calls[-1].end_reason is EndReason.BUSY


def test_the_seed_makes_a_run_repeatable() -> None:
    def outcomes(seed: int) -> list[EndReason | None]:
        clock = ManualClock()
        scheduler = ManualScheduler(clock)
        phone = create_phone("simulated", PhoneSetup(
            scheduler, clock, {"no_answer_seconds": "1", "ring_seconds": "0.5"}, seed=seed))
        events = Recorder()
        phone.set_listener(events)
        for _ in range(40):
            phone.dial("+8613800138000")
            scheduler.advance(3.0)
            phone.hang_up()
        return [call.end_reason for call in events.calls if call.state is CallState.ENDED]

    first = outcomes(5)
    assert first == outcomes(5)
    assert len(set(first)) == 4  # answered (then hung up), busy, no answer, failed


def test_generated_callers_come_from_the_setup() -> None:
    clock = ManualClock()
    scheduler = ManualScheduler(clock)
    phone = create_phone("simulated", PhoneSetup(
        scheduler, clock, {"inbound_every_seconds": "5"}, callers=lambda: "+8613900139000",
        seed=1))
    events = Recorder()
    phone.set_listener(events)
    phone.set_available(True)
    while not events.calls:
        scheduler.advance(1.0)
    assert events.calls[0].remote == "+8613900139000"


def test_an_unknown_backend_is_a_known_error_naming_the_choices(setup: PhoneSetup) -> None:
    with pytest.raises(UnknownBackendError) as caught:
        create_phone("sip-trunk", setup)
    error = caught.value
    assert isinstance(error, KnownError) and error.code == "unknown_phone_backend"
    assert error.params["name"] == "sip-trunk" and "simulated" in error.params["known"]
    assert "sip-trunk" in str(error) and "simulated" in str(error)


def test_bad_options_surface_from_create_phone(setup: PhoneSetup) -> None:
    bad = PhoneSetup(setup.scheduler, setup.clock, {"ring_seconds": "8-2"})
    with pytest.raises(BadPhoneOptionsError) as caught:
        create_phone("simulated", bad)
    assert isinstance(caught.value, KnownError)
    assert caught.value.code == "bad_phone_options"
    assert caught.value.params["option"] == "ring_seconds"


@pytest.mark.usefixtures("own_registry")
def test_a_custom_backend_registers_and_replaces(setup: PhoneSetup) -> None:
    built: list[PhoneSetup] = []

    def first(given: PhoneSetup) -> Phone:
        built.append(given)
        return SimulatedPhone(given.scheduler, given.clock)

    def second(given: PhoneSetup) -> Phone:
        return SimulatedPhone(given.scheduler, given.clock, SimulatedOdds(dial_seconds=9.0))

    before = backend_names()
    register_backend("cti", first)
    assert backend_names() == sorted([*before, "cti"])
    phone = create_phone("cti", setup)
    assert isinstance(phone, SimulatedPhone) and built == [setup]

    register_backend("cti", second)
    replaced = create_phone("cti", setup)
    assert isinstance(replaced, SimulatedPhone) and replaced.odds.dial_seconds == 9.0
    assert built == [setup] and backend_names() == sorted([*before, "cti"])


@pytest.mark.usefixtures("own_registry")
@pytest.mark.parametrize("name", ["", " sip", "sip "])
def test_a_backend_needs_a_plain_name(name: str) -> None:
    before = backend_names()
    with pytest.raises(ValueError, match="name"):
        register_backend(name, lambda given: SimulatedPhone(given.scheduler, given.clock))
    assert backend_names() == before


def test_thread_scheduler_runs_cancels_and_closes() -> None:
    """The one test on real threads; it waits on events, well under a second in all."""
    called_off: list[str] = []
    scheduler = ThreadScheduler()
    scheduler.call_later(0.05, lambda: called_off.append("cancelled")).cancel()
    done = threading.Event()
    scheduler.call_later(0.1, done.set)

    closing = ThreadScheduler()
    closing.call_later(0.05, lambda: called_off.append("closed"))
    assert closing.pending == 1
    closing.close()
    assert closing.pending == 0
    closing.call_later(0.0, lambda: called_off.append("after close"))
    assert closing.pending == 0

    # A simulated call end to end, its timers on threads.
    phone = SimulatedPhone(scheduler, ManualClock(), SimulatedOdds(
        dial_seconds=0.0, ring_seconds=(0.01, 0.01)))
    events = Recorder()
    phone.set_listener(events)
    phone.queue_outcome(Outcome.ANSWER)
    phone.dial("+8613800138000")

    assert done.wait(timeout=1.0)
    assert events.connected.wait(timeout=1.0)
    phone.close()
    assert [call.state for call in events.calls] == [
        CallState.DIALING, CallState.RINGING, CallState.CONNECTED, CallState.ENDED]
    assert called_off == [] and scheduler.pending == 0
    scheduler.close()
