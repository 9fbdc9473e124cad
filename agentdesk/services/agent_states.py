"""The agent's own state log: record each change, resume it after a restart, total the day."""

from __future__ import annotations

from datetime import datetime, timedelta

from agentdesk.domain.agent_states import AgentState
from agentdesk.domain.calls import AgentStateKind
from agentdesk.domain.people import User
from agentdesk.domain.ports import Clock
from agentdesk.store.agent_states import SqlAgentStateLog, StateEvent
from agentdesk.store.database import Database


class AgentStateService:
    """Records the signed-in agent's states as events and reads them back.

    The events feed the supervisor's live view (through sync) and the agent's own strip of
    time per state.

    Args:
        database: The workstation database.
        clock: The workstation clock.
        agent: The signed-in agent.
    """

    def __init__(self, database: Database, clock: Clock, agent: User) -> None:
        self._log = SqlAgentStateLog(database)
        self._clock = clock
        self._agent = agent

    def record(self, state: AgentState) -> None:
        """Record that the agent entered ``state`` at ``state.since``.

        A state with the same kind and reason as the last recorded one is not recorded
        again, so repeated calls (a refresh, a restart) leave one event. A pending pause is
        not recorded: it becomes an event when it takes effect.

        Raises:
            NotFoundError: the agent is not a user of this workstation; nothing was written.
        """
        event = StateEvent(state.kind, state.reason, state.since)
        self._log.append(self._agent.id, event, now=self._clock.now())

    def last_recorded(self) -> AgentState | None:
        """Return the agent's latest recorded state (to show after a restart), or None."""
        event = self._log.latest(self._agent.id)
        return None if event is None else AgentState(event.kind, event.reason, event.at)

    def time_in_states(
        self, day_start_utc: datetime, day_end_utc: datetime
    ) -> dict[AgentStateKind, int]:
        """Return the whole seconds spent in each state within ``[day_start_utc, day_end_utc)``.

        Each state lasts until the next event; the state the agent is still in counts up to
        now (or to the end of the window, whichever comes first). A state entered before the
        window counts from its start. Time before the first known event is not counted.

        Returns:
            Seconds for every :class:`AgentStateKind`, 0 for states not seen in the window.
        """
        end = min(self._clock.now(), day_end_utc)
        events = self._log.between(self._agent.id, day_start_utc, day_end_utc)
        spent = dict.fromkeys(AgentStateKind, timedelta(0))
        for index, event in enumerate(events):
            begin = max(event.at, day_start_utc)
            finish = end if index + 1 == len(events) else min(events[index + 1].at, end)
            if finish > begin:
                spent[event.kind] += finish - begin
        return {kind: int(total.total_seconds()) for kind, total in spent.items()}
