"""Run service calls off the GUI thread and hear back on it (the one door for changes)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from agentdesk.domain.errors import KnownError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits ``done`` and the slot runs on the GUI thread.

    Signals:
        done(bool, object): succeeded?, and the value or the exception.
    """

    done = Signal(bool, object)

    def __init__(self, deliver: Callable[[_Relay, bool, object], None]) -> None:
        super().__init__()
        self._deliver_to = deliver
        self.done.connect(self._deliver)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self._deliver_to(self, ok, value)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure must reach the GUI thread
            self._relay.done.emit(False, exc)
        else:
            self._relay.done.emit(True, result)


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the GUI thread.

    A :class:`KnownError` goes to the task's ``failure`` callback (or is emitted as
    ``known_error`` when the task has none); anything else is a bug, emitted as ``bug``.

    Signals:
        busy_changed(bool): True while at least one task runs.
        known_error(object): a KnownError no task handled.
        bug(object): an unexpected exception from a task.
    """

    busy_changed = Signal(bool)
    known_error = Signal(object)
    bug = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._pending: dict[_Relay, tuple[QObject | None, Callable[[Any], Any] | None,
                                          Callable[[KnownError], Any] | None,
                                          Callable[[], Any] | None]] = {}

    @property
    def running(self) -> int:
        """How many tasks have not reported back yet."""
        return len(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        success: Callable[[Any], Any] | None = None,
        failure: Callable[[KnownError], Any] | None = None,
        owner: QObject | None = None,
        finished: Callable[[], Any] | None = None,
    ) -> None:
        """Run ``fn`` on a worker thread; call ``success`` or ``failure`` on this thread.

        Args:
            fn: The work; it must not touch widgets.
            success: Receives the return value.
            failure: Receives a KnownError raised by ``fn``.
            owner: The widget the callbacks update; if it has been deleted by the time the
                work is done, the callbacks are skipped (a bug is still reported).
            finished: Called after ``success`` or ``failure``, and after a bug.
        """
        relay = _Relay(self._deliver)
        self._pending[relay] = (owner, success, failure, finished)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def _deliver(self, relay: _Relay, ok: bool, value: object) -> None:
        owner, success, failure, finished = self._pending.pop(relay, (None, None, None, None))
        relay.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)
        if not ok and not isinstance(value, KnownError):
            exc = value if isinstance(value, BaseException) else None
            log.error("Background task failed", exc_info=exc)
            self.bug.emit(value)
        if owner is not None and not shiboken6.isValid(owner):
            return
        try:
            if ok:
                if success is not None:
                    success(value)
            elif isinstance(value, KnownError):
                if failure is not None:
                    failure(value)
                else:
                    self.known_error.emit(value)
        finally:
            if finished is not None:
                finished()

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used at shutdown); return False on timeout."""
        return self._pool.waitForDone(msecs)
