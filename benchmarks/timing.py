"""Timing helpers: run a call many times and read percentiles from the sorted samples."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Samples:
    """Durations of repeated runs, sorted ascending, in seconds.

    Attributes:
        seconds: The durations, shortest first.
    """

    seconds: tuple[float, ...]

    @classmethod
    def of(cls, durations: Iterable[float]) -> Samples:
        """Return the samples of ``durations`` (seconds, any order).

        Raises:
            ValueError: there are no durations.
        """
        ordered = tuple(sorted(durations))
        if not ordered:
            raise ValueError("no samples")
        return cls(ordered)

    def __len__(self) -> int:
        return len(self.seconds)

    def percentile(self, p: float) -> float:
        """Return the ``p``-th percentile in seconds by the nearest-rank method.

        The p99 of 5,000 samples is the 4,950th shortest: 1 % of the runs took longer.
        """
        if not 0 < p <= 100:
            raise ValueError(f"percentile {p} is not in (0, 100]")
        rank = math.ceil(p / 100 * len(self.seconds))
        return self.seconds[rank - 1]

    def percentile_ms(self, p: float) -> float:
        """Return the ``p``-th percentile in milliseconds."""
        return self.percentile(p) * 1000

    @property
    def median_ms(self) -> float:
        """The median in milliseconds (mean of the middle two for an even count)."""
        return statistics.median(self.seconds) * 1000


def time_each(
    call: Callable[[T], object], inputs: Sequence[T], *, warmup: Sequence[T] = ()
) -> Samples:
    """Call ``call`` once per input and return how long each call took.

    The ``warmup`` inputs run first and are not timed. A garbage collection runs before the
    timed calls; the collector stays on while they run, as it does in the application.
    """
    for item in warmup:
        call(item)
    gc.collect()
    clock = time.perf_counter_ns
    durations = []
    for item in inputs:
        start = clock()
        call(item)
        durations.append(clock() - start)
    return Samples.of(d / 1e9 for d in durations)


def time_once(call: Callable[[], T]) -> tuple[T, float]:
    """Run ``call`` once; return its result and the time it took in milliseconds."""
    start = time.perf_counter()
    value = call()
    return value, (time.perf_counter() - start) * 1000
