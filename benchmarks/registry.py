"""The scenarios a run can measure: registered by name from the modules in ``scenarios/``."""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.results import Result

T = TypeVar("T")

CACHE_DIR = Path(__file__).resolve().parent / ".cache"


class SharedStepFailed(RuntimeError):
    """A measurement shared by several scenarios raised when an earlier scenario ran it."""


class _Failed:
    """A shared step that raised, and what it raised."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


@dataclass
class RunContext:
    """What every scenario of one run shares.

    Scenarios that come from one measurement (the p50 and p99 of the same calls, first paint
    and ready of the same launches) ask :meth:`shared` for it, so it runs once per run.

    Attributes:
        quick: Smaller data and fewer repetitions.
        cache_dir: Where data worth keeping between runs goes (git-ignored).
        work_dir: A scratch directory removed when the run ends.
    """

    quick: bool
    cache_dir: Path
    work_dir: Path
    _shared: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _cleanup: contextlib.ExitStack = field(
        default_factory=contextlib.ExitStack, init=False, repr=False
    )

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """Return the value ``make()`` gave for ``key`` earlier in this run, or make it now.

        Raises:
            SharedStepFailed: ``make`` raised for an earlier caller; it does not run again.
        """
        if key not in self._shared:
            try:
                self._shared[key] = make()
            except Exception as exc:
                self._shared[key] = _Failed(exc)
                raise
        value = self._shared[key]
        if isinstance(value, _Failed):
            first_line = (str(value.error).splitlines() or [""])[0]
            raise SharedStepFailed(f"{key} failed earlier in this run: "
                                   f"{type(value.error).__name__}: {first_line}")
        return value

    def on_close(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` when the run ends (last registered, first run)."""
        self._cleanup.callback(callback)

    def close(self) -> None:
        """Run every callback given to :meth:`on_close`."""
        self._cleanup.close()

    def pick(self, quick: T, full: T) -> T:
        """Return ``quick`` in a quick run, ``full`` otherwise."""
        return quick if self.quick else full


@dataclass(frozen=True, slots=True)
class Scenario:
    """One named figure and the function that measures it.

    Attributes:
        name: Dotted name, area first, e.g. ``screen_pop.p99``.
        unit: Unit of the figure, used for the row of a crash.
        measure: Returns the result for a run context.
    """

    name: str
    unit: str
    measure: Callable[[RunContext], Result]


_SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, unit: str) -> Callable[
    [Callable[[RunContext], Result]], Callable[[RunContext], Result]
]:
    """Register the decorated function as the scenario ``name``.

    Raises:
        ValueError: a scenario of that name is already registered.
    """

    def register(measure: Callable[[RunContext], Result]) -> Callable[[RunContext], Result]:
        if name in _SCENARIOS:
            raise ValueError(f"scenario {name} is registered twice")
        _SCENARIOS[name] = Scenario(name, unit, measure)
        return measure

    return register


def load_scenarios() -> list[Scenario]:
    """Import every module of ``benchmarks.scenarios``; return all scenarios in order."""
    package = importlib.import_module("benchmarks.scenarios")
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return list(_SCENARIOS.values())


def select(scenarios: Iterable[Scenario], prefixes: Iterable[str]) -> list[Scenario]:
    """Return the scenarios whose name starts with one of ``prefixes`` (all when none given).

    Raises:
        LookupError: a prefix matches no scenario; the message lists the names there are.
    """
    available = list(scenarios)
    wanted = list(prefixes)
    if not wanted:
        return available
    unknown = [p for p in wanted if not any(s.name.startswith(p) for s in available)]
    if unknown:
        names = ", ".join(s.name for s in available)
        raise LookupError(f"no scenario starts with {', '.join(unknown)}; there are: {names}")
    return [s for s in available if any(s.name.startswith(p) for p in wanted)]
