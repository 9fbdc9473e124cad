"""Stores the agent's state changes as events, one after another, in the order they happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from agentdesk.domain.errors import KnownError
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.agent_states import AgentState
    from agentdesk.services.calls import CallServices


class StateEventWriter(QObject):
    """Queues state events and writes them through the task runner, never two at a time.

    Each event travels with the services of the agent it belongs to, so an event still queued
    at sign-out is stored for that agent, never for the next one.

    Signals:
        recorded(object): the :class:`AgentState` whose event is stored.
        failed(object): a KnownError storing one (the next ones are still written).
    """

    recorded = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._queue: list[tuple[CallServices, AgentState]] = []
        self._writing = False

    def write(self, services: CallServices, state: AgentState) -> None:
        """Store ``state`` for ``services``' agent after the events queued before it."""
        self._queue.append((services, state))
        self._next()

    def _next(self) -> None:
        if self._writing or not self._queue:
            return
        services, state = self._queue.pop(0)
        self._writing = True

        def done(_result: object = None) -> None:
            if not shiboken6.isValid(self):
                return  # the console closed; the event itself is stored
            self._writing = False
            self.recorded.emit(state)
            self._next()

        def failed(error: KnownError) -> None:
            if shiboken6.isValid(self):
                self.failed.emit(error)
            done()

        self._runner.run(lambda: services.states.record(state), done, failed)
