"""What a scenario measured, its goal and verdict, and how results are printed and saved."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MS = "ms"
PER_SECOND = "/s"


@dataclass(frozen=True, slots=True)
class Goal:
    """The bounds a figure must keep; every bound given must hold.

    Attributes:
        max_ratio: Highest allowed value / floor (for times).
        min_ratio: Lowest allowed value / floor (for rates).
        max_value: Highest allowed value, in the result's unit.
        min_value: Lowest allowed value, in the result's unit.
    """

    max_ratio: float | None = None
    min_ratio: float | None = None
    max_value: float | None = None
    min_value: float | None = None

    def met(self, value: float, ratio: float | None) -> bool:
        """Return True if ``value`` (and its ``ratio`` to the floor) keeps every bound."""
        checks = [
            self.max_value is None or value <= self.max_value,
            self.min_value is None or value >= self.min_value,
            self.max_ratio is None or (ratio is not None and ratio <= self.max_ratio),
            self.min_ratio is None or (ratio is not None and ratio >= self.min_ratio),
        ]
        return all(checks)

    def describe(self, unit: str) -> str:
        """Return the goal as the table shows it, e.g. ``<= 1.5x floor``."""
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x floor")
        if self.min_ratio is not None:
            parts.append(f">= {self.min_ratio:g}x floor")
        if self.max_value is not None:
            parts.append(f"<= {self.max_value:g} {unit}")
        if self.min_value is not None:
            parts.append(f">= {self.min_value:g} {unit}")
        return ", ".join(parts)

    def as_json(self) -> dict[str, float]:
        """Return the bounds that are set, keyed by field name."""
        fields = {"max_ratio": self.max_ratio, "min_ratio": self.min_ratio,
                  "max_value": self.max_value, "min_value": self.min_value}
        return {key: value for key, value in fields.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Result:
    """One figure of a run.

    Attributes:
        name: Scenario name, e.g. ``screen_pop.p99``.
        value: The measured figure; None when the scenario crashed.
        unit: ``ms`` for times, ``/s`` for rates.
        floor: The same figure for the simplest thing that could do the job, measured in the
            same run; None for informational figures.
        floor_name: What the floor is, e.g. ``raw sqlite3``.
        goal: The bounds the figure must keep; None for informational figures.
        note: A word for the verdict column, e.g. ``cached``.
        crashed: True when the scenario raised instead of measuring.
    """

    name: str
    value: float | None
    unit: str
    floor: float | None = None
    floor_name: str = ""
    goal: Goal | None = None
    note: str = ""
    crashed: bool = False

    @property
    def ratio(self) -> float | None:
        """``value / floor``, or None without both."""
        if self.value is None or self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    @property
    def verdict(self) -> str:
        """``ok``, ``over goal``, ``info`` (no goal) or ``crashed``."""
        if self.crashed or self.value is None:
            return "crashed"
        if self.goal is None:
            word = "info"
        else:
            word = "ok" if self.goal.met(self.value, self.ratio) else "over goal"
        return f"{word} ({self.note})" if self.note else word

    def as_json(self) -> dict[str, Any]:
        """Return the result as saved by ``--json``."""
        return {
            "name": self.name,
            "value": _rounded(self.value),
            "unit": self.unit,
            "floor": _rounded(self.floor),
            "ratio": _rounded(self.ratio),
            "goal": self.goal.as_json() if self.goal else None,
            "floor_name": self.floor_name or None,
        }


def crashed(name: str, unit: str) -> Result:
    """Return the result row of a scenario that raised."""
    return Result(name=name, value=None, unit=unit, crashed=True)


def _rounded(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.6g}")


def format_number(value: float | None) -> str:
    """Format a figure with about four significant digits; ``-`` for none."""
    if value is None:
        return "-"
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:.0f}"
    if magnitude >= 100:
        return f"{value:.1f}"
    if magnitude >= 10:
        return f"{value:.2f}"
    return f"{value:.3f}"


def render_table(results: Sequence[Result]) -> str:
    """Return ``results`` as an aligned text table."""
    header = ("name", "value", "unit", "floor", "ratio", "goal", "verdict")
    rows = [
        (
            r.name,
            format_number(r.value),
            r.unit,
            format_number(r.floor),
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
            r.goal.describe(r.unit) if r.goal else "-",
            r.verdict,
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    right = {1, 3, 4}

    def line(cells: Sequence[str]) -> str:
        padded = (c.rjust(w) if i in right else c.ljust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def write_json(results: Sequence[Result], path: Path) -> None:
    """Save ``results`` as a JSON list of objects (see :meth:`Result.as_json`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
