"""Call scripts (沟通流程): steps, answers and actions as data, checked without Qt.

A script is a graph: each step has text for the agent to say (with variables such as
``{customer.name}``) and answers; an answer leads to another step, triggers an action, or
both. A call ends in a disposition, so every step reachable from the start must be able to
reach an answer that sets one: :func:`check_script` refuses a script where it cannot. A
call's walk through a script is in :mod:`agentdesk.domain.script_walk`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from agentdesk.domain.errors import ValidationError


class ActionKind(StrEnum):
    """What an answer can make the console do."""

    ORDER = "order"
    CALLBACK = "callback"
    DISPOSITION = "disposition"
    ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class ScriptAction:
    """An action an answer triggers, e.g. ``disposition:SALE`` or ``article:porting``.

    Attributes:
        kind: What to do.
        value: Its argument: the disposition code or the article slug ("" for the others).
    """

    kind: ActionKind
    value: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.value}" if self.value else self.kind.value


_WITH_VALUE = frozenset({ActionKind.DISPOSITION, ActionKind.ARTICLE})


def parse_action(text: str) -> ScriptAction:
    """Parse ``order``, ``callback``, ``disposition:CODE`` or ``article:SLUG``.

    Raises:
        ValueError: anything else.
    """
    kind_text, _, value = text.strip().partition(":")
    try:
        kind = ActionKind(kind_text)
    except ValueError:
        raise ValueError(f"unknown action {text[:40]!r}") from None
    if (kind in _WITH_VALUE) != bool(value.strip()):
        raise ValueError(f"action {text[:40]!r} needs {'a' if kind in _WITH_VALUE else 'no'} value")
    return ScriptAction(kind, value.strip())


@dataclass(frozen=True, slots=True)
class Answer:
    """A button under a step.

    Attributes:
        label: Chinese label.
        label_en: English label.
        next: The step it leads to, if any.
        action: What it triggers, if anything.
    """

    label: str
    label_en: str
    next: str | None = None
    action: ScriptAction | None = None

    @property
    def ends_call(self) -> bool:
        """True if choosing it sets the call's disposition."""
        return self.action is not None and self.action.kind is ActionKind.DISPOSITION


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a script.

    Attributes:
        id: Key within the script.
        title: Chinese title.
        title_en: English title.
        text: What the agent says, in Chinese, with variables in braces.
        text_en: The same in English.
        required: A compliance step (statement, consent, read-back) that must be passed
            before a sale can be recorded.
        answers: The answers, in order (number keys 1-9 choose them).
    """

    id: str
    title: str
    title_en: str
    text: str
    text_en: str
    required: bool = False
    answers: tuple[Answer, ...] = ()


@dataclass(frozen=True, slots=True)
class Script:
    """A script's body.

    Attributes:
        start: The first step.
        steps: The steps by id.
        objections: Steps of the objection library, reachable from any step.
        values: The script's own variables (e.g. ``operator.name``), name -> text; the
            console's values (customer, agent, offer...) take precedence.
    """

    start: str
    steps: Mapping[str, Step]
    objections: tuple[str, ...] = ()
    values: Mapping[str, str] = field(default_factory=dict)


MAX_TITLE = 100  # step titles and answer labels
MAX_TEXT = 4000  # what the agent says on one step
MAX_STEPS = 500
MAX_ANSWERS = 9  # one per number key
MAX_OBJECTIONS = 50
STEP_ID_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,63}")


def _text(raw: Mapping[str, Any], key: str, where: str, problems: dict[str, str],
          *, required: bool = True, limit: int = MAX_TITLE) -> str:
    value = raw.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems[f"{where}.{key}"] = "not_text"
        return ""
    if required and not value.strip():
        problems[f"{where}.{key}"] = "required"
    elif len(value) > limit:
        problems[f"{where}.{key}"] = "too_long"
    return value


def script_from_data(data: Any) -> Script:
    """Build a script from its stored or imported form (a mapping from JSON or YAML).

    Raises:
        ValidationError: one problem per path, e.g. ``steps.greeting.answers[1].action``:
            ``invalid``; nothing is partly built.
    """
    problems: dict[str, str] = {}
    if not isinstance(data, Mapping):
        raise ValidationError({"script": "not_a_mapping"})
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, Mapping) or not raw_steps:
        raise ValidationError({"steps": "required"})
    if len(raw_steps) > MAX_STEPS:
        raise ValidationError({"steps": "too_many"})
    steps: dict[str, Step] = {}
    for step_id, raw in raw_steps.items():
        where = f"steps.{str(step_id)[:64]}"
        if not isinstance(step_id, str) or not STEP_ID_RE.fullmatch(step_id):
            problems[where] = "invalid_id"
            continue
        if not isinstance(raw, Mapping):
            problems[where] = "not_a_mapping"
            continue
        answers = []
        raw_answers = raw.get("answers")
        if raw_answers is None:
            raw_answers = []
        if not isinstance(raw_answers, list):
            problems[f"{where}.answers"] = "not_a_list"
            raw_answers = []
        elif len(raw_answers) > MAX_ANSWERS:
            problems[f"{where}.answers"] = "too_many"
            raw_answers = []
        for index, raw_answer in enumerate(raw_answers):
            place = f"{where}.answers[{index}]"
            if not isinstance(raw_answer, Mapping):
                problems[place] = "not_a_mapping"
                continue
            target = raw_answer.get("next")
            if target is not None and not isinstance(target, str):
                problems[f"{place}.next"] = "invalid"
                target = None
            action = None
            if raw_answer.get("action") not in (None, ""):
                try:
                    action = parse_action(str(raw_answer["action"]))
                except ValueError:
                    problems[f"{place}.action"] = "invalid"
            answers.append(Answer(_text(raw_answer, "label", place, problems),
                                  _text(raw_answer, "label_en", place, problems, required=False),
                                  target, action))
        required = raw.get("required", False)
        if required is None:
            required = False
        if not isinstance(required, bool):
            problems[f"{where}.required"] = "not_boolean"
            required = False
        steps[step_id] = Step(
            id=step_id, title=_text(raw, "title", where, problems),
            title_en=_text(raw, "title_en", where, problems, required=False),
            text=_text(raw, "text", where, problems, limit=MAX_TEXT),
            text_en=_text(raw, "text_en", where, problems, required=False, limit=MAX_TEXT),
            required=required, answers=tuple(answers))
    start = data.get("start")
    if not isinstance(start, str) or not start:
        problems["start"] = "required"
        start = ""
    objections = data.get("objections") or []
    if not isinstance(objections, list) or not all(isinstance(o, str) for o in objections):
        problems["objections"] = "invalid"
        objections = []
    elif len(objections) > MAX_OBJECTIONS:
        problems["objections"] = "too_many"
        objections = []
    values = data.get("values") or {}
    if not isinstance(values, Mapping):
        problems["values"] = "not_a_mapping"
        values = {}
    for name, value in values.items():
        if not isinstance(name, str) or not VARIABLE_NAME_RE.fullmatch(name):
            problems[f"values.{str(name)[:40]}"] = "invalid_name"
        elif not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
            problems[f"values.{name}"] = "invalid"
    if problems:
        raise ValidationError(problems)
    return Script(start, steps, tuple(objections), dict(values))


def script_to_data(script: Script) -> dict[str, Any]:
    """Return the script in its stored form (the inverse of :func:`script_from_data`)."""
    return {
        "start": script.start,
        "objections": list(script.objections),
        "values": dict(script.values),
        "steps": {step.id: {
            "title": step.title, "title_en": step.title_en, "text": step.text,
            "text_en": step.text_en, "required": step.required,
            "answers": [{"label": a.label, "label_en": a.label_en, "next": a.next,
                         "action": None if a.action is None else str(a.action)}
                        for a in step.answers],
        } for step in script.steps.values()},
    }


# ------------------------------------------------------------------------- variables

VARIABLE_RE = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)\}")
VARIABLE_NAME_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
MAX_VALUE_CHARS = 200

# What the console fills for every call (see services.scripts.call_values); a script may
# define more of its own in ``values``.
CONSOLE_VARIABLES = frozenset({
    "customer.name", "customer.no", "customer.city", "customer.address", "customer.tenure",
    "agent.name", "agent.no", "campaign.name", "offer.name", "offer.price",
    "offer.valid_until", "callback.due", "order.no", "order.items", "order.total",
    "order.delivery", "order.address", "order.payment", "order.round", "today",
})


class Piece(StrEnum):
    """What a piece of rendered text is, so the view can show each its own way."""

    TEXT = "text"
    VALUE = "value"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Rendered:
    """A step's text with its variables filled in.

    Attributes:
        pieces: (kind, text) in order; a MISSING piece holds the variable's name, for the
            view to mark visibly (never the raw braces).
    """

    pieces: tuple[tuple[Piece, str], ...]

    @property
    def plain(self) -> str:
        """The text as one string, missing values shown as ``[name?]``."""
        return "".join(f"[{text}?]" if kind is Piece.MISSING else text
                       for kind, text in self.pieces)

    @property
    def missing(self) -> tuple[str, ...]:
        """The names of variables without a value."""
        return tuple(text for kind, text in self.pieces if kind is Piece.MISSING)


def variables_in(text: str) -> tuple[str, ...]:
    """Return the variable names a text uses, in order, once each."""
    return tuple(dict.fromkeys(VARIABLE_RE.findall(text)))


def render(text: str, values: Mapping[str, object]) -> Rendered:
    """Fill ``{name}`` variables from ``values``; never raises.

    Values are text, cut at :data:`MAX_VALUE_CHARS`; whatever they hold (markup, braces)
    stays text and is never filled in again. Braces that do not name a variable are text.
    """
    pieces: list[tuple[Piece, str]] = []
    position = 0
    for match in VARIABLE_RE.finditer(text):
        if match.start() > position:
            pieces.append((Piece.TEXT, text[position:match.start()]))
        name = match.group(1)
        value = values.get(name)
        shown = "" if value is None else str(value)
        if not shown.strip():
            pieces.append((Piece.MISSING, name))
        else:
            if len(shown) > MAX_VALUE_CHARS:
                shown = shown[:MAX_VALUE_CHARS - 1] + "…"
            pieces.append((Piece.VALUE, shown))
        position = match.end()
    if position < len(text):
        pieces.append((Piece.TEXT, text[position:]))
    return Rendered(tuple(pieces))


# -------------------------------------------------------------------------- checking

@dataclass(frozen=True, slots=True)
class ScriptProblem:
    """Something that keeps a script from being published.

    Attributes:
        step: The step concerned ("" for the whole script).
        code: ``missing_start``, ``missing_objection``, ``unknown_step``,
            ``unreachable``, ``no_answers`` (a step without answers), ``dead_end`` (an
            answer that neither leads to a step nor does anything, outside the objection
            library, where such an answer goes back), ``no_way_out`` (no disposition can
            be reached from here: a dead end or a cycle without an exit),
            ``unknown_variable``, ``unknown_disposition``, ``unknown_article``, ``no_answers``.
        detail: The name, code or step the problem is about.
    """

    step: str
    code: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ScriptContext:
    """What a script may refer to; None means "not checked".

    Attributes:
        variables: Variable names the console fills.
        dispositions: Disposition codes of the campaign.
        articles: Article slugs.
    """

    variables: frozenset[str] | None = None
    dispositions: frozenset[str] | None = None
    articles: frozenset[str] | None = None


def reachable(script: Script, start: str | None = None, *, objections: bool = True) -> set[str]:
    """Return the steps reachable from ``start`` (the script's start) by answers.

    The objection library can be raised from any step, so with ``objections`` its steps
    (and what they lead to) count as reachable.
    """
    todo = [start or script.start, *(script.objections if objections else ())]
    seen: set[str] = set()
    while todo:
        step_id = todo.pop()
        if step_id in seen or step_id not in script.steps:
            continue
        seen.add(step_id)
        todo.extend(a.next for a in script.steps[step_id].answers if a.next)
    return seen


def returning_steps(script: Script) -> set[str]:
    """Steps only the objection library leads to (not the main flow from the start).

    There an answer without a next step goes back to the step the objection was raised
    from, so it is a way on, not a dead end. An answer leading into the main flow leaves
    the objection for good (see :class:`ScriptWalk`).
    """
    region: set[str] = set()
    for objection in script.objections:
        if objection in script.steps:
            region |= reachable(Script(objection, script.steps), objections=False)
    main = reachable(script, objections=False) if script.start in script.steps else set()
    return region - main


def _returns(answer: Answer) -> bool:
    return answer.next is None and not answer.ends_call


def _can_finish(script: Script) -> set[str]:
    """Steps from which an answer that sets a disposition can be reached.

    An objection step's answer that goes back counts as a way to finish: the main flow
    it returns to is checked on its own.
    """
    returning = returning_steps(script)
    finishing = {s.id for s in script.steps.values()
                 if any(a.ends_call or (s.id in returning and _returns(a)) for a in s.answers)}
    changed = True
    while changed:
        changed = False
        for step in script.steps.values():
            if step.id not in finishing and any(
                    a.next in finishing for a in step.answers if a.next):
                finishing.add(step.id)
                changed = True
    return finishing


def check_script(script: Script, context: ScriptContext = ScriptContext()) -> list[ScriptProblem]:
    """Return every reason the script cannot be published (empty: it can)."""
    problems: list[ScriptProblem] = []
    if script.start not in script.steps:
        problems.append(ScriptProblem("", "missing_start", script.start))
    problems += [ScriptProblem("", "missing_objection", o)
                 for o in script.objections if o not in script.steps]
    live = reachable(script) if script.start in script.steps else set()
    finishing = _can_finish(script)
    returning = returning_steps(script)
    for step in script.steps.values():
        if step.id not in live:
            problems.append(ScriptProblem(step.id, "unreachable"))
        if not step.answers:
            problems.append(ScriptProblem(step.id, "no_answers"))
        elif step.id in live and step.id not in finishing:
            problems.append(ScriptProblem(step.id, "no_way_out"))
        for answer in step.answers:
            if answer.next is not None and answer.next not in script.steps:
                problems.append(ScriptProblem(step.id, "unknown_step", answer.next))
            if answer.next is None and answer.action is None and step.id not in returning:
                problems.append(ScriptProblem(step.id, "dead_end", answer.label))
            problems += _action_problems(step.id, answer.action, context)
        if context.variables is not None:
            known = context.variables | script.values.keys()
            for text in (step.text, step.text_en):
                problems += [ScriptProblem(step.id, "unknown_variable", name)
                             for name in variables_in(text) if name not in known]
    return list(dict.fromkeys(problems))


def _action_problems(step_id: str, action: ScriptAction | None,
                     context: ScriptContext) -> list[ScriptProblem]:
    if action is None:
        return []
    if (action.kind is ActionKind.DISPOSITION and context.dispositions is not None
            and action.value not in context.dispositions):
        return [ScriptProblem(step_id, "unknown_disposition", action.value)]
    if (action.kind is ActionKind.ARTICLE and context.articles is not None
            and action.value not in context.articles):
        return [ScriptProblem(step_id, "unknown_article", action.value)]
    return []


def selling_steps(script: Script, sale_codes: Collection[str]) -> set[str]:
    """Steps from which an answer setting one of ``sale_codes`` can still be reached."""
    selling = {s.id for s in script.steps.values()
               if any(a.ends_call and a.action is not None and a.action.value in sale_codes
                      for a in s.answers)}
    changed = True
    while changed:
        changed = False
        for step in script.steps.values():
            if step.id not in selling and any(a.next in selling for a in step.answers
                                              if a.next):
                selling.add(step.id)
                changed = True
    return selling


def passing_answers(script: Script, sale_codes: Collection[str]) -> set[tuple[str, int]]:
    """Answers that pass the step they are on: they set a sale or keep one reachable.

    "Not the holder" on an identity check, or "declines" on recording consent, leaves the
    step but does not pass it: no sale may follow from there.
    """
    selling = selling_steps(script, sale_codes)
    passing = set()
    for step in script.steps.values():
        for index, answer in enumerate(step.answers):
            sells = answer.ends_call and answer.action is not None \
                and answer.action.value in sale_codes
            if sells or (answer.next is not None and answer.next in selling):
                passing.add((step.id, index))
    return passing


def sale_gates(script: Script, sale_codes: Collection[str]) -> tuple[str, ...]:
    """Return the required steps every way to a sale passes (they gate recording it).

    A sale is an answer setting one of ``sale_codes``. A required step gates it when, in
    the main flow (objections aside), no such answer can be reached from the start without
    passing the step; a required step holding such an answer gates it too.
    """
    selling = {s.id for s in script.steps.values()
               if any(a.ends_call and a.action is not None and a.action.value in sale_codes
                      for a in s.answers)}
    if not selling:
        return ()
    gates = []
    for step in script.steps.values():
        if not step.required:
            continue
        without = Script(script.start, {k: v for k, v in script.steps.items() if k != step.id})
        if step.id in selling or step.id == script.start or not (
                selling & reachable(without, objections=False)):
            gates.append(step.id)
    return tuple(gates)


def step_ids(script: Script) -> Iterable[str]:
    """Return the step ids in the script's own order."""
    return script.steps.keys()
