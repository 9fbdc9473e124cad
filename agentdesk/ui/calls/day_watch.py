"""Reads the agent's callbacks and today's figures now and then, and spots callbacks falling due."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.calls import CallServices
    from agentdesk.services.dialing_views import PendingCallback

CALLBACK_POLL_MS = 30_000
MY_DAY_POLL_MS = 60_000
CALLBACK_LOOKAHEAD = timedelta(minutes=5)  # "due soon" shows in the list ahead of time


class DayWatch(QObject):
    """Polls callbacks (every 30 s) and the my-day figures (every minute) off the GUI thread.

    Signals:
        callbacks_changed(object, object): due (or due within five minutes) and upcoming
            callbacks.
        callbacks_due(object): callbacks that became due since the last read (for the alert).
        my_day_changed(object): fresh :class:`MyDay` figures.
        failed(object): a KnownError while reading callbacks.
    """

    callbacks_changed = Signal(object, object)
    callbacks_due = Signal(object)
    my_day_changed = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._services: CallServices | None = None
        self._alerted: set[uuid.UUID] = set()
        self._callback_timer = QTimer(self)
        self._callback_timer.setInterval(CALLBACK_POLL_MS)
        self._callback_timer.timeout.connect(self.refresh_callbacks)
        self._my_day_timer = QTimer(self)
        self._my_day_timer.setInterval(MY_DAY_POLL_MS)
        self._my_day_timer.timeout.connect(self.refresh_my_day)

    def start(self, services: CallServices) -> None:
        """Watch ``services``' agent: read both now, then on the timers."""
        self._services = services
        self._alerted.clear()
        self.refresh()
        self._callback_timer.start()
        self._my_day_timer.start()

    def stop(self) -> None:
        """Stop watching (sign-out)."""
        self._callback_timer.stop()
        self._my_day_timer.stop()
        self._services = None
        self._alerted.clear()

    def refresh(self) -> None:
        """Read both now (after a call was stored)."""
        self.refresh_callbacks()
        self.refresh_my_day()

    def refresh_callbacks(self) -> None:
        """Read due and upcoming callbacks; alert about newly due ones."""
        services = self._services
        if services is None:
            return

        def read() -> tuple[list[PendingCallback], list[PendingCallback]]:
            due = services.dialing.due_callbacks(CALLBACK_LOOKAHEAD)
            return due, services.dialing.upcoming_callbacks()

        self._runner.run(read, self._got_callbacks, self.failed.emit, owner=self)

    def _got_callbacks(self, lists: tuple[list[PendingCallback], list[PendingCallback]]) -> None:
        if self._services is None:
            return
        due, upcoming = lists
        self.callbacks_changed.emit(due, upcoming)
        now = self._clock.now()
        fresh = [c for c in due if c.id not in self._alerted and c.due_at <= now]
        self._alerted.update(c.id for c in fresh)
        if fresh:
            self.callbacks_due.emit(fresh)

    def refresh_my_day(self) -> None:
        """Read today's figures for the strip (a failure keeps the last figures)."""
        services = self._services
        if services is not None:
            self._runner.run(services.my_day.today, self.my_day_changed.emit,
                             lambda _error: None, owner=self)
