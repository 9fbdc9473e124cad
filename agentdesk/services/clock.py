"""The wall clock, behind the :class:`agentdesk.domain.ports.Clock` port."""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    """The workstation's clock, in UTC."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware UTC."""
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what it is told; for tests, demos and benchmarks.

    Args:
        at: The time to report (timezone-aware).
    """

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        """Return the set time."""
        return self.at
