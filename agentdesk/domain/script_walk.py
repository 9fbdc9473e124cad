"""A call's way through its script: answers, objections, back, the path stored with the call."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from agentdesk.domain.scripts import (
    STEP_ID_RE,
    Script,
    ScriptAction,
    Step,
    passing_answers,
    reachable,
    sale_gates,
)


class ScriptError(Exception):
    """A walk asked for something the script does not have (a bug in the caller)."""


MAX_PATH = 500  # entries stored with a call; a longer walk keeps its last ones


@dataclass(frozen=True, slots=True)
class PathEntry:
    """One move of a walk: an answer chosen on a step, or an objection raised from it.

    Attributes:
        step: The step the move was made on.
        answer: Index of the answer chosen (-1 when an objection was raised).
        objection: The objection step raised ("" for an answer).
    """

    step: str
    answer: int = -1
    objection: str = ""


@dataclass
class ScriptWalk:
    """One call's way through a script: the current step, the path, back navigation.

    The state is a function of the path: back navigation drops the last move and replays
    the rest, so objections raised and left are undone exactly.

    Attributes:
        script: The script (the version the call started with).
        path: The moves made, in order.
        sale_codes: The campaign's sale disposition codes: a required step counts as
            passed only by an answer that keeps a sale possible (see
            :func:`passing_answers`); without them any answer passes it.
    """

    script: Script
    path: list[PathEntry] = field(default_factory=list)
    sale_codes: frozenset[str] = frozenset()
    _current: str = ""
    _returns: list[str] = field(default_factory=list)
    _main: frozenset[str] = frozenset()
    _passing: frozenset[tuple[str, int]] | None = None

    def __post_init__(self) -> None:
        if self.script.start not in self.script.steps:
            raise ScriptError(f"no start step {self.script.start!r}")
        self._main = frozenset(reachable(self.script, objections=False))
        if self.sale_codes:
            self._passing = frozenset(passing_answers(self.script, self.sale_codes))
        moves, self.path = self.path, []
        self._current = self.script.start
        for move in moves:
            if move.objection or move.answer >= 0:
                self._apply(move)

    @property
    def current(self) -> Step:
        """The step on screen."""
        return self.script.steps[self._current]

    @property
    def visited(self) -> tuple[str, ...]:
        """Steps seen so far, the current one last (the breadcrumb)."""
        return (*(entry.step for entry in self.path), self._current)

    @property
    def passed(self) -> frozenset[str]:
        """Steps passed by an answer (with sale codes: one that keeps a sale possible)."""
        passing = self._passing
        return frozenset(entry.step for entry in self.path if entry.answer >= 0 and (
            passing is None or (entry.step, entry.answer) in passing))

    @property
    def in_objection(self) -> bool:
        """True while an objection raised from the main flow has not been left."""
        return bool(self._returns)

    def choose(self, index: int) -> ScriptAction | None:
        """Choose answer ``index`` of the current step; return the action it triggers.

        The walk moves to the answer's next step; an answer without one (an action that
        ends the call) leaves the walk where it is. Choosing in an objection step with
        no next step goes back to where the objection was raised.

        Raises:
            ScriptError: no such answer.
        """
        answers = self.current.answers
        if not 0 <= index < len(answers):
            raise ScriptError(f"step {self._current!r} has no answer {index + 1}")
        return self._apply(PathEntry(self._current, index))

    def raise_objection(self, step_id: str) -> None:
        """Jump to a step of the objection library; its way back is remembered.

        Raises:
            ScriptError: ``step_id`` is not in the objection library.
        """
        if step_id not in self.script.objections or step_id not in self.script.steps:
            raise ScriptError(f"{step_id!r} is not an objection step")
        self._apply(PathEntry(self._current, -1, step_id))

    def _apply(self, move: PathEntry) -> ScriptAction | None:
        if move.objection:
            self.path.append(move)
            self._returns.append(self._current)
            self._current = move.objection
            return None
        answer = self.current.answers[move.answer]
        self.path.append(move)
        if answer.next is not None and answer.next in self.script.steps:
            if answer.next in self._main:
                self._returns.clear()  # back in the main flow: the objection is over
            self._current = answer.next
        elif self._returns and not answer.ends_call:
            self._current = self._returns.pop()
        return answer.action

    def back(self) -> bool:
        """Undo the last move (an answer or an objection raised); False at the start."""
        if not self.path:
            return False
        moves = self.path[:-1]
        self.path, self._returns, self._current = [], [], self.script.start
        for move in moves:
            self._apply(move)
        return True

    def sale_blockers(self, sale_codes: Collection[str]) -> tuple[str, ...]:
        """Required steps that gate a sale and are not passed yet (empty: it may be stored).

        Asked after the answer that sets the sale was chosen, so a required step holding
        that answer counts as passed.
        """
        passed = passed_steps(self.path, self.script, sale_codes)
        return tuple(step for step in sale_gates(self.script, sale_codes) if step not in passed)


def walk_path(walk: ScriptWalk) -> list[dict[str, object]]:
    """Return the path for storing with the call, ending with the step it ended on.

    Each move is ``{"step", "answer"}`` or ``{"step", "objection"}``; the last entry is
    ``{"step"}`` alone when the call ended on a step it had not answered. At most
    :data:`MAX_PATH` entries are kept (the last ones).
    """
    entries: list[dict[str, object]] = [
        {"step": e.step, "objection": e.objection} if e.objection
        else {"step": e.step, "answer": e.answer} for e in walk.path]
    last = walk.path[-1] if walk.path else None
    if last is None or last.objection or last.step != walk.current.id:
        entries.append({"step": walk.current.id})
    return entries[-MAX_PATH:]


@functools.lru_cache(maxsize=4096)
def _is_step_id(text: str) -> bool:
    """Whether ``text`` is a step id (paths repeat a script's few ids: checked once each)."""
    return STEP_ID_RE.fullmatch(text) is not None


def path_from_data(data: Any) -> list[PathEntry]:
    """Read a stored path back (its last :data:`MAX_PATH` entries), never raising.

    Entries that are not well formed are skipped.
    """
    if not isinstance(data, list):
        return []
    entries = []
    for item in data[-MAX_PATH:]:
        # dict from json.loads in practice: checked by type first, Mapping is slow to test
        if not (type(item) is dict or isinstance(item, Mapping)):
            continue
        step = item.get("step")
        if type(step) is not str or not _is_step_id(step):
            continue
        answer, objection = item.get("answer"), item.get("objection")
        if type(objection) is str and _is_step_id(objection):
            entries.append(PathEntry(step, -1, objection))
        elif type(answer) is int and answer >= 0:
            entries.append(PathEntry(step, answer))
        elif "answer" not in item and "objection" not in item:
            entries.append(PathEntry(step))
    return entries


def passed_steps(entries: Iterable[PathEntry], script: Script,
                 sale_codes: Collection[str]) -> frozenset[str]:
    """Steps a path passed: left by an answer that keeps a sale possible."""
    passing = passing_answers(script, sale_codes)
    return frozenset(e.step for e in entries if e.answer >= 0 and (e.step, e.answer) in passing)
