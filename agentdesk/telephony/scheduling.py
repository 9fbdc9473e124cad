"""A phone scheduler on plain threads, for headless runs such as the load simulator."""

from __future__ import annotations

import threading
from collections.abc import Callable


class _ThreadTimer:
    """One callback on its own daemon timer thread."""

    def __init__(self, owner: ThreadScheduler, seconds: float, fn: Callable[[], None]) -> None:
        self._owner = owner
        self._fn = fn
        self._timer = threading.Timer(max(0.0, seconds), self._run)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        """Do not run the callback (no effect if it already ran)."""
        self._timer.cancel()
        self._owner._forget(self)

    def _run(self) -> None:
        if self._owner._forget(self):
            self._fn()


class ThreadScheduler:
    """A :class:`~agentdesk.domain.telephony.Scheduler` running each callback on a timer thread.

    Callbacks run on their own daemon threads, so they may run at the same time as each other
    and as the caller; the phone must be thread-safe (the simulated phone is). After
    :meth:`close` nothing scheduled runs and new callbacks are ignored.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timers: set[_ThreadTimer] = set()
        self._closed = False

    @property
    def pending(self) -> int:
        """How many callbacks are scheduled and have neither run nor been cancelled."""
        with self._lock:
            return len(self._timers)

    def call_later(self, seconds: float, fn: Callable[[], None]) -> _ThreadTimer:
        """Run ``fn`` on a daemon thread after ``seconds``.

        Args:
            seconds: The delay; a negative one counts as zero.
            fn: The callback.

        Returns:
            A handle whose ``cancel`` calls the callback off.
        """
        timer = _ThreadTimer(self, seconds, fn)
        with self._lock:
            if self._closed:
                return timer  # never started
            self._timers.add(timer)
        timer.start()
        return timer

    def close(self) -> None:
        """Cancel every pending callback; later ones are ignored. Idempotent."""
        with self._lock:
            self._closed = True
            timers, self._timers = self._timers, set()
        for timer in timers:
            timer.cancel()

    def _forget(self, timer: _ThreadTimer) -> bool:
        """Stop tracking ``timer``; return whether it was still pending."""
        with self._lock:
            if timer in self._timers:
                self._timers.discard(timer)
                return True
            return False
