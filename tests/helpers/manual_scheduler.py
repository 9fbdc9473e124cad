"""A clock and a scheduler that move only when a test says so: timers without waiting."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

START = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


class ManualClock:
    """A clock that stands still until it is set or advanced.

    Args:
        at: The starting time (timezone-aware).
    """

    def __init__(self, at: datetime = START) -> None:
        self.set(at)

    def now(self) -> datetime:
        """Return the clock's time."""
        return self._at

    def set(self, at: datetime) -> None:
        """Move the clock to ``at`` (timezone-aware; kept in UTC)."""
        if at.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware time")
        self._at = at.astimezone(UTC)

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        self._at += timedelta(seconds=seconds)


@dataclass(eq=False)
class _Entry:
    due: datetime
    fn: Callable[[], None]
    cancelled: bool = field(default=False)

    def cancel(self) -> None:
        self.cancelled = True


class ManualScheduler:
    """Runs scheduled callbacks when :meth:`advance` moves its clock past their time.

    Args:
        clock: The clock to read and move; callbacks see it at their due time.
    """

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self._queue: list[tuple[datetime, int, _Entry]] = []
        self._order = itertools.count()

    @property
    def pending(self) -> int:
        """How many callbacks are scheduled and have neither run nor been cancelled."""
        return sum(not entry.cancelled for _, _, entry in self._queue)

    def call_later(self, seconds: float, fn: Callable[[], None]) -> _Entry:
        """Schedule ``fn`` ``seconds`` from the clock's time (negative counts as zero)."""
        entry = _Entry(self.clock.now() + timedelta(seconds=max(0.0, seconds)), fn)
        heapq.heappush(self._queue, (entry.due, next(self._order), entry))
        return entry

    def advance(self, seconds: float) -> None:
        """Move time forward, running due callbacks in time order (ties: first scheduled).

        A callback scheduled meanwhile runs too if it falls due within the span.
        """
        if seconds < 0:
            raise ValueError("time only moves forward")
        end = self.clock.now() + timedelta(seconds=seconds)
        while self._queue and self._queue[0][0] <= end:
            _, _, entry = heapq.heappop(self._queue)
            if entry.cancelled:
                continue
            entry.cancelled = True  # ran: a late cancel changes nothing
            self.clock.set(max(entry.due, self.clock.now()))
            entry.fn()
        self.clock.set(end)
