"""The script editor's draft as models: its steps, one step's answers, values and problems.

The editor keeps the draft as plain data (the shape of ``script_to_data``); these models
show that data and the few helpers here change it (new ids, renames, the preview's script).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from agentdesk.domain.scripts import Answer, Script, ScriptAction, Step, parse_action
from agentdesk.ui.models.rows import Column, RowsModel

_Index = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = "#c62828"
PROBLEM_MARK = "●"


@dataclass(frozen=True, slots=True)
class ScriptIssue:
    """One problem on the editor's list.

    Attributes:
        step: The step to jump to ("" for the whole script).
        field: The part of the form concerned: ``title``, ``text``, ``answers``,
            ``values``, ``start``... ("" when none).
        text: What to tell the author.
    """

    step: str
    field: str
    text: str


# ------------------------------------------------------------------ the data

def new_step_id(data: Mapping[str, Any], stem: str = "step") -> str:
    """Return an id no step of ``data`` has: ``step_1``, ``step_2``..."""
    steps = data.get("steps") or {}
    number = 1
    while f"{stem}_{number}" in steps:
        number += 1
    return f"{stem}_{number}"


def insert_step(data: dict[str, Any], step_id: str, step: dict[str, Any],
                after: str | None) -> None:
    """Add ``step`` under ``step_id`` after the step ``after`` (None: at the end)."""
    steps = data["steps"]
    if after is None or after not in steps:
        steps[step_id] = step
        return
    ordered = {}
    for key, value in steps.items():
        ordered[key] = value
        if key == after:
            ordered[step_id] = step
    data["steps"] = ordered


def blank_step(title: str) -> dict[str, Any]:
    """Return a new step's data: ``title``, everything else empty."""
    return {"title": title, "title_en": "", "text": "", "text_en": "", "required": False,
            "answers": []}


def remove_step(data: dict[str, Any], step_id: str) -> None:
    """Remove a step (and its place in the objection list); answers to it are kept."""
    data["steps"].pop(step_id, None)
    data["objections"] = [o for o in data.get("objections") or [] if o != step_id]


def toggle_objection(data: dict[str, Any], step_id: str) -> None:
    """Put a step in the objection library, or take it out."""
    objections = list(data.get("objections") or [])
    data["objections"] = ([o for o in objections if o != step_id] if step_id in objections
                          else [*objections, step_id])


def rename_step(data: dict[str, Any], old: str, new: str) -> None:
    """Give step ``old`` the id ``new``: answers, the start and objections follow it."""
    data["steps"] = {new if key == old else key: value for key, value in data["steps"].items()}
    for step in data["steps"].values():
        for answer in step.get("answers") or []:
            if answer.get("next") == old:
                answer["next"] = new
    if data.get("start") == old:
        data["start"] = new
    data["objections"] = [new if o == old else o for o in data.get("objections") or []]


def steps_leading_to(data: Mapping[str, Any], step_id: str) -> list[str]:
    """Return the other steps with an answer leading to ``step_id``, in order."""
    return [key for key, step in (data.get("steps") or {}).items() if key != step_id and any(
        answer.get("next") == step_id for answer in step.get("answers") or [])]


def answer_action(answer: Mapping[str, Any]) -> ScriptAction | None:
    """Return an answer's action, None when it has none or it does not parse."""
    text = answer.get("action")
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return parse_action(text)
    except ValueError:
        return None


def preview_script(data: Mapping[str, Any], start: str) -> Script | None:
    """Return the script as far as it goes, starting at ``start``, for the preview.

    Unlike ``script_from_data`` it never refuses: an empty text or a half-typed action
    still shows. None when ``start`` is not a step.
    """
    steps = {}
    for key, raw in (data.get("steps") or {}).items():
        answers = tuple(Answer(str(a.get("label") or ""), str(a.get("label_en") or ""),
                               a.get("next") or None, answer_action(a))
                        for a in raw.get("answers") or [])
        steps[key] = Step(key, str(raw.get("title") or ""), str(raw.get("title_en") or ""),
                          str(raw.get("text") or ""), str(raw.get("text_en") or ""),
                          bool(raw.get("required")), answers)
    if start not in steps:
        return None
    objections = tuple(o for o in data.get("objections") or [] if o in steps)
    values = {k: v for k, v in (data.get("values") or {}).items() if isinstance(v, str)}
    return Script(start, steps, objections, values)


# ------------------------------------------------------------------ models

class StepHeaders(QObject):
    """Translated column headers of the step and answer tables."""

    def step(self) -> str:  # noqa: D102
        return self.tr("Step")

    def title(self) -> str:  # noqa: D102
        return self.tr("Title")

    def marks(self) -> str:  # noqa: D102
        return self.tr("Marks")

    def label(self) -> str:  # noqa: D102
        return self.tr("Label")

    def label_en(self) -> str:  # noqa: D102
        return self.tr("English label")

    def next(self) -> str:  # noqa: D102
        return self.tr("Next step")

    def action(self) -> str:  # noqa: D102
        return self.tr("Action")

    def problem(self) -> str:  # noqa: D102
        return self.tr("Problem")


class StepsModel(QAbstractTableModel):
    """The draft's steps in order: a red mark for problems, the id, the title, badges.

    Args:
        title: How a step is named (its title in the UI's language).
        badges: The badges of a step ("Start · Required").
    """

    def __init__(self, title: Callable[[Mapping[str, Any], str], str],
                 badges: Callable[[Mapping[str, Any], str], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = StepHeaders(self)
        self._title = title
        self._badges = badges
        self._data: Mapping[str, Any] = {}
        self._ids: list[str] = []
        self._problems: Mapping[str, Sequence[str]] = {}

    def set_draft(self, data: Mapping[str, Any]) -> None:
        """Show the steps of ``data`` (kept by reference: call :meth:`refresh` on edits)."""
        self.beginResetModel()
        self._data = data
        self._ids = list(data.get("steps") or {})
        self.endResetModel()

    def refresh(self) -> None:
        """Show the data's current steps (added, removed, renamed or edited)."""
        ids = list(self._data.get("steps") or {})
        if len(ids) != len(self._ids):
            self.set_draft(self._data)
            return
        self._ids = ids
        if ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, 3))

    def set_problems(self, problems: Mapping[str, Sequence[str]]) -> None:
        """Mark the steps with problems; ``problems`` maps a step id to its problem texts."""
        self._problems = problems
        self.refresh()

    def step_id(self, row: int) -> str:
        """Return the id of the step at ``row``."""
        return self._ids[row]

    def row_of(self, step_id: str | None) -> int:
        """Return the row of ``step_id``, or -1."""
        return self._ids.index(step_id) if step_id in self._ids else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of steps."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of columns: mark, id, title, badges."""
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows."""
        if not index.isValid():
            return None
        step_id = self._ids[index.row()]
        problems = self._problems.get(step_id, ())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return PROBLEM_MARK if problems else ""
            if column == 1:
                return step_id
            if column == 2:
                return self._title(self._data, step_id)
            return self._badges(self._data, step_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((f"{step_id} · {self._title(self._data, step_id)}", *problems))
        if role == Qt.ItemDataRole.ForegroundRole and problems and column < 2:
            return QColor(PROBLEM_COLOUR)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column header."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("", self._headers.step(), self._headers.title(), self._headers.marks())[section]

    def retranslate(self) -> None:
        """Tell views that headers and badges changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.refresh()


class AnswersModel(QAbstractTableModel):
    """One step's answers: label, English label, next step, action (edited beside it).

    Args:
        describe: How an answer's action is shown.
    """

    def __init__(self, describe: Callable[[Mapping[str, Any]], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = StepHeaders(self)
        self._describe = describe
        self._answers: list[dict[str, Any]] = []

    def set_answers(self, answers: list[dict[str, Any]]) -> None:
        """Show ``answers`` (a step's list, kept by reference)."""
        self.beginResetModel()
        self._answers = answers
        self.endResetModel()

    def refresh(self) -> None:
        """Show the list's current content (answers added, removed or moved)."""
        self.set_answers(self._answers)

    def row_changed(self, row: int) -> None:
        """Show the answer at ``row`` again after an edit."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of answers."""
        return 0 if parent.isValid() else len(self._answers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of columns."""
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        answer = self._answers[index.row()]
        column = index.column()
        if column == 3:
            return self._describe(answer)
        text = answer.get(("label", "label_en", "next")[column]) or ""
        return " ".join(str(text).split())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column header, or the answer's key (1-9) down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        headers = self._headers
        return (headers.label(), headers.label_en(), headers.next(), headers.action())[section]

    def retranslate(self) -> None:
        """Tell views that headers and action names changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.refresh()


class ValuesModel(QAbstractTableModel):
    """The script's own values, name -> text, edited in place (F2 or typing)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: dict[str, Any] = {"values": {}}
        self._names: list[str] = []

    def set_draft(self, data: dict[str, Any]) -> None:
        """Show and edit ``data["values"]`` (kept by reference)."""
        self.beginResetModel()
        self._data = data
        data["values"] = dict(data.get("values") or {})
        self._names = list(data["values"])
        self.endResetModel()

    def add(self, name: str) -> int:
        """Add a value ``name`` (empty text); return its row."""
        row = len(self._names)
        self.beginInsertRows(QModelIndex(), row, row)
        self._data["values"][name] = ""
        self._names.append(name)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        """Remove the value at ``row``."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._data["values"][self._names.pop(row)]
        self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of values."""
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of columns: name and text."""
        return 0 if parent.isValid() else 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Every cell is editable."""
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a value's name or text."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.EditRole):
            return None
        name = self._names[index.row()]
        return name if index.column() == 0 else self._data["values"][name]

    def setData(self, index: _Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename a value (refused when the name is taken) or change its text."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text, row = str(value), index.row()
        name = self._names[row]
        if index.column() == 1:
            self._data["values"][name] = text
        elif text != name:
            if not text.strip() or text in self._data["values"]:
                return False
            self._data["values"] = {text if key == name else key: item
                                    for key, item in self._data["values"].items()}
            self._names[row] = text
        self.dataChanged.emit(index, index)
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column header."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Name") if section == 0 else self.tr("Text")

    def retranslate(self) -> None:
        """Tell views that the headers changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)


def problems_model(parent: QObject | None = None) -> RowsModel[ScriptIssue]:
    """Return the model of the problems list: one problem per row."""
    headers = StepHeaders(parent)
    return RowsModel([Column(headers.problem, lambda issue: issue.text,
                             tooltip=lambda issue: issue.text)], parent)
