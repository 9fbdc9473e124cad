from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from agentdesk.domain.agent_states import AgentState, NotReadyReason, logged_out
from agentdesk.domain.calls import AgentStateKind
from agentdesk.domain.errors import NotFoundError
from agentdesk.domain.people import Role, User
from agentdesk.services.agent_states import AgentStateService
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store import agent_states as store
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.people import agent_state_events
from tests.helpers.factories import add_user

DAY_START = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # 2026-11-23 00:00 in Shanghai
DAY_END = DAY_START + timedelta(days=1)


def events(ws: Workspace, agent: User | None = None) -> list[tuple[str, str, datetime]]:
    query = sa.select(agent_state_events).order_by(agent_state_events.c.at,
                                                   agent_state_events.c.id)
    if agent is not None:
        query = query.where(agent_state_events.c.agent_id == agent.id)
    with ws.database.read() as conn:
        return [(r.state, r.reason, r.at) for r in conn.execute(query)]


def queued_events(ws: Workspace) -> list[dict[str, object]]:
    with ws.database.read() as conn:
        return [json.loads(r.payload) for r in conn.execute(
            sa.select(outbox).where(outbox.c.table_name == "agent_state_events")
            .order_by(outbox.c.seq))]


def at(hours: float) -> datetime:
    """Return the moment ``hours`` after local midnight of the test day."""
    return DAY_START + timedelta(hours=hours)


def test_a_state_change_and_its_outbox_entry_commit_together(
    workspace: Workspace, clock: FixedClock
) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    state = logged_out(at(8)).signed_in(at(8.5)).pause(NotReadyReason.TRAINING, at(9))
    service.record(state)
    assert events(workspace) == [("not_ready", "training", at(9))]
    (payload,) = queued_events(workspace)
    assert payload["agent_id"] == str(agent.id)
    assert payload["state"] == "not_ready"
    assert payload["reason"] == "training"
    assert datetime.fromisoformat(str(payload["at"])) == at(9)
    assert datetime.fromisoformat(str(payload["updated_at"])) == clock.now()
    assert payload["version"] == 1


def test_nothing_is_written_when_the_outbox_entry_fails(
    workspace: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)

    def broken(*_args: object, **_kwargs: object) -> uuid.UUID:
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(store, "queue_mutation", broken)
    with pytest.raises(RuntimeError, match="outbox unavailable"):
        service.record(AgentState(AgentStateKind.READY, "", at(9)))
    assert events(workspace) == []


def test_an_unknown_agent_is_refused_and_nothing_is_written(
    workspace: Workspace, clock: FixedClock
) -> None:
    stranger = User(uuid.uuid4(), "ghost", "Ghost", Role.AGENT, None)
    with pytest.raises(NotFoundError):
        AgentStateService(workspace.database, clock, stranger).record(
            AgentState(AgentStateKind.READY, "", at(9)))
    assert events(workspace) == []
    assert queued_events(workspace) == []


def test_a_repeated_state_is_recorded_once(workspace: Workspace, clock: FixedClock) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    ready = logged_out(at(8)).signed_in(at(8)).ready(at(8.25))
    service.record(ready)
    service.record(ready)  # a refresh
    service.record(AgentState(AgentStateKind.READY, "", at(8.5)))  # same state, later
    service.record(ready.pause(NotReadyReason.BREAK, at(10)))
    service.record(ready.pause(NotReadyReason.LUNCH, at(10.25)))  # another reason: recorded
    service.record(ready.pause(NotReadyReason.LUNCH, at(10.5)))
    service.record(ready.ready(at(11)))  # ready again after a pause: recorded
    assert events(workspace) == [
        ("ready", "", at(8.25)),
        ("not_ready", "break", at(10)),
        ("not_ready", "lunch", at(10.25)),
        ("ready", "", at(11)),
    ]
    assert len(queued_events(workspace)) == 4


def test_repeats_are_judged_per_agent(workspace: Workspace, clock: FixedClock) -> None:
    first, second = add_user(workspace, "agent01"), add_user(workspace, "agent02")
    ready = AgentState(AgentStateKind.READY, "", at(9))
    AgentStateService(workspace.database, clock, first).record(ready)
    AgentStateService(workspace.database, clock, second).record(ready)
    assert events(workspace, first) == [("ready", "", at(9))]
    assert events(workspace, second) == [("ready", "", at(9))]


def test_the_last_recorded_state_survives_a_restart(
    workspace: Workspace, clock: FixedClock
) -> None:
    agent, other = add_user(workspace, "agent01"), add_user(workspace, "agent02")
    service = AgentStateService(workspace.database, clock, agent)
    assert service.last_recorded() is None
    state = logged_out(at(8)).signed_in(at(8))
    service.record(state)
    state = state.ready(at(8.5)).call_started(at(9))
    service.record(state)
    state = state.pause(NotReadyReason.MEETING, at(9.1))  # pending: not a state of its own
    service.record(state)
    AgentStateService(workspace.database, clock, other).record(
        AgentState(AgentStateKind.WRAP_UP, "", at(12)))

    restarted = AgentStateService(workspace.database, clock, agent)
    assert restarted.last_recorded() == AgentState(AgentStateKind.ON_CALL, "", at(9))
    assert len(events(workspace, agent)) == 2


def test_the_latest_of_two_events_at_one_instant_is_the_one_recorded_last(
    workspace: Workspace, clock: FixedClock
) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    service.record(AgentState(AgentStateKind.ON_CALL, "", at(9)))
    service.record(AgentState(AgentStateKind.WRAP_UP, "", at(9)))
    assert service.last_recorded() == AgentState(AgentStateKind.WRAP_UP, "", at(9))


def test_a_deleted_event_is_not_the_last_state(workspace: Workspace, clock: FixedClock) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    service.record(AgentState(AgentStateKind.READY, "", at(9)))
    service.record(AgentState(AgentStateKind.NOT_READY, "break", at(10)))
    with workspace.database.write() as conn:
        conn.execute(agent_state_events.update()
                     .where(agent_state_events.c.state == "not_ready")
                     .values(deleted_at=clock.now()))
    assert service.last_recorded() == AgentState(AgentStateKind.READY, "", at(9))
    # Ready again is a repeat of the live last state.
    service.record(AgentState(AgentStateKind.READY, "", at(11)))
    assert len(events(workspace)) == 2


def test_time_in_states_adds_up_the_day_with_the_open_state_counting_to_now(
    workspace: Workspace, clock: FixedClock
) -> None:
    clock.at = at(14.5)
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    state = logged_out(at(8.5)).signed_in(at(8.5))
    service.record(state)  # not ready (signed in) 08:30-08:45
    state = state.ready(at(8.75))
    service.record(state)  # ready 08:45-09:00
    state = state.call_started(at(9))
    service.record(state)  # on call 09:00-09:10
    state = state.call_ended(at(9) + timedelta(minutes=10))
    service.record(state)  # wrap-up 09:10-09:10:30
    state = state.disposed(at(9) + timedelta(minutes=10, seconds=30))
    service.record(state)  # ready 09:10:30-12:00
    state = state.pause(NotReadyReason.LUNCH, at(12))
    service.record(state)  # lunch 12:00-13:00
    state = state.ready(at(13))
    service.record(state)  # ready 13:00-now (14:30)

    spent = service.time_in_states(DAY_START, DAY_END)
    assert spent == {
        AgentStateKind.LOGGED_OUT: 0,
        AgentStateKind.NOT_READY: 15 * 60 + 3600,
        AgentStateKind.READY: 15 * 60 + (3600 * 3 - 630) + 5400,
        AgentStateKind.ON_CALL: 600,
        AgentStateKind.WRAP_UP: 30,
    }
    assert sum(spent.values()) == (clock.now() - at(8.5)).total_seconds()


def test_time_in_states_of_a_past_day_stops_at_its_end(
    workspace: Workspace, clock: FixedClock
) -> None:
    clock.at = at(24 + 10)  # the next morning
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    service.record(AgentState(AgentStateKind.READY, "", at(17)))
    service.record(AgentState(AgentStateKind.LOGGED_OUT, "", at(18)))
    service.record(AgentState(AgentStateKind.NOT_READY, "signed_in", at(24 + 8)))  # next day

    spent = service.time_in_states(DAY_START, DAY_END)
    assert spent[AgentStateKind.READY] == 3600
    assert spent[AgentStateKind.LOGGED_OUT] == 6 * 3600  # 18:00 to midnight
    assert spent[AgentStateKind.NOT_READY] == 0


def test_a_state_entered_before_the_day_counts_from_midnight(
    workspace: Workspace, clock: FixedClock
) -> None:
    clock.at = at(2)
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    service.record(AgentState(AgentStateKind.READY, "", at(-20)))  # yesterday
    service.record(AgentState(AgentStateKind.NOT_READY, "break", at(-1)))  # 23:00 yesterday
    service.record(AgentState(AgentStateKind.READY, "", at(1.5)))

    spent = service.time_in_states(DAY_START, DAY_END)
    assert spent[AgentStateKind.NOT_READY] == 90 * 60
    assert spent[AgentStateKind.READY] == 30 * 60
    assert sum(spent.values()) == 2 * 3600


def test_time_in_states_is_zero_without_events_or_before_the_day_begins(
    workspace: Workspace, clock: FixedClock
) -> None:
    agent = add_user(workspace)
    service = AgentStateService(workspace.database, clock, agent)
    assert service.time_in_states(DAY_START, DAY_END) == dict.fromkeys(AgentStateKind, 0)
    service.record(AgentState(AgentStateKind.READY, "", at(9)))
    tomorrow = (DAY_START + timedelta(days=1), DAY_END + timedelta(days=1))
    assert service.time_in_states(*tomorrow) == dict.fromkeys(AgentStateKind, 0)


def test_time_in_states_counts_whole_seconds_of_the_agent_alone(
    workspace: Workspace, clock: FixedClock
) -> None:
    clock.at = at(9) + timedelta(seconds=10, microseconds=900_000)
    agent, other = add_user(workspace, "agent01"), add_user(workspace, "agent02")
    service = AgentStateService(workspace.database, clock, agent)
    service.record(AgentState(AgentStateKind.ON_CALL, "", at(9) + timedelta(microseconds=500)))
    AgentStateService(workspace.database, clock, other).record(
        AgentState(AgentStateKind.WRAP_UP, "", at(9) + timedelta(seconds=5)))
    spent = service.time_in_states(DAY_START, DAY_END)
    assert spent[AgentStateKind.ON_CALL] == 10
    assert spent[AgentStateKind.WRAP_UP] == 0
