"""The answers of one script step: their table and the editor of the selected answer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from agentdesk.domain.scripts import ActionKind
from agentdesk.services.scripts import ScriptCampaign
from agentdesk.ui.models.script_steps import AnswersModel, answer_action
from agentdesk.ui.scripts.editor_parts import shortcut, table_view
from agentdesk.ui.scripts.editor_words import EditorWords, step_name

ANSWER_LIMIT = 9  # keys 1-9 choose them in a call
KINDS: tuple[ActionKind | None, ...] = (None, ActionKind.ORDER, ActionKind.CALLBACK,
                                        ActionKind.DISPOSITION, ActionKind.ARTICLE)


class AnswersEditor(QObject):
    """Edits a step's answers in the draft's data: their order, labels, next steps, actions.

    The widgets are children of ``parent`` (the step form), which lays out :attr:`head`
    (the caption and buttons), the :attr:`answers` table and :attr:`detail` (the fields of
    the selected answer) among its own fields.

    Args:
        parent: The step form.

    Signals:
        changed(): an answer was added, removed, moved or edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._words = EditorWords(self)
        self._data: dict[str, Any] = {"steps": {}}
        self._campaign: ScriptCampaign | None = None
        self._step: dict[str, Any] | None = None
        self._filling = False
        self._read_only = False
        self.captions: dict[str, QLabel] = {}
        self.answers_model = AnswersModel(self._describe, self)
        self.answers = table_view(parent, "stepAnswers", self.answers_model)
        self.add_answer = QPushButton(parent)
        self.remove_answer = QPushButton(parent)
        self.up = QPushButton("↑", parent)
        self.down = QPushButton("↓", parent)
        self.label = self._line(parent, "answerLabel", "label")
        self.label_en = self._line(parent, "answerLabelEn", "label_en")
        self.next_step = QComboBox(parent)
        self.next_step.setObjectName("answerNext")
        self.action_kind = QComboBox(parent)
        self.action_kind.setObjectName("answerAction")
        for kind in KINDS:
            self.action_kind.addItem("", kind.value if kind else "")
        self.code = QComboBox(parent)
        self.code.setObjectName("answerCode")
        self.slug = QLineEdit(parent)
        self.slug.setObjectName("answerSlug")
        for name in ("next", "action", "answers"):
            self.captions[name] = QLabel(parent)
        self._lay_out()
        self._connect()

    def _line(self, parent: QWidget, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        self.captions[caption] = QLabel(parent)
        self.captions[caption].setBuddy(edit)
        return edit

    def _lay_out(self) -> None:
        self.head = QHBoxLayout()
        self.head.addWidget(self.captions["answers"], 1)
        for button in (self.add_answer, self.remove_answer, self.up, self.down):
            button.setAutoDefault(False)
            self.head.addWidget(button)
        self.captions["answers"].setBuddy(self.answers)
        self.captions["next"].setBuddy(self.next_step)
        self.captions["action"].setBuddy(self.action_kind)
        self.detail = detail = QGridLayout()
        detail.addWidget(self.captions["label"], 0, 0)
        detail.addWidget(self.label, 0, 1)
        detail.addWidget(self.captions["label_en"], 0, 2)
        detail.addWidget(self.label_en, 0, 3)
        detail.addWidget(self.captions["next"], 1, 0)
        detail.addWidget(self.next_step, 1, 1, 1, 3)
        detail.addWidget(self.captions["action"], 2, 0)
        detail.addWidget(self.action_kind, 2, 1)
        detail.addWidget(self.code, 2, 2, 1, 2)
        detail.addWidget(self.slug, 2, 2, 1, 2)
        detail.setColumnStretch(1, 1)
        detail.setColumnStretch(3, 1)
        self.answers.setMinimumHeight(110)

    def _connect(self) -> None:
        for name, edit in (("label", self.label), ("label_en", self.label_en)):
            edit.textEdited.connect(partial(self._set_answer, name))
        self.next_step.currentIndexChanged.connect(
            lambda _: self._set_answer("next", self.next_step.currentData() or None))
        self.action_kind.currentIndexChanged.connect(lambda _: self._action_edited())
        self.code.currentIndexChanged.connect(lambda _: self._action_edited())
        self.slug.textEdited.connect(lambda _: self._action_edited())
        self.answers.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_answer(current.row()))
        self.add_answer.clicked.connect(self.add)
        self.remove_answer.clicked.connect(self.remove)
        self.up.clicked.connect(partial(self.move_answer, -1))
        self.down.clicked.connect(partial(self.move_answer, 1))
        self._keys = [
            shortcut(self.answers, "Delete", self.remove),
            shortcut(self.answers, "Alt+Up", partial(self.move_answer, -1)),
            shortcut(self.answers, "Alt+Down", partial(self.move_answer, 1)),
        ]

    # ------------------------------------------------------------------ showing
    def set_draft(self, data: dict[str, Any], campaign: ScriptCampaign | None) -> None:
        """Take the answers' next steps from ``data``, their outcomes from ``campaign``."""
        self._data, self._campaign = data, campaign

    def show_step(self, step: dict[str, Any] | None) -> None:
        """Show the answers of ``step`` (a step of the draft's data, None for none)."""
        self._step = step
        self.answers_model.set_answers(step.setdefault("answers", []) if step else [])
        self.refresh_targets()
        self.select(0)

    def refresh_targets(self) -> None:
        """List the draft's steps as answers' next steps (after adds, removals, renames)."""
        self._filling = True
        self.next_step.clear()
        self.next_step.addItem(self.tr("(none)"), "")
        for step_id in self._data.get("steps") or {}:
            self.next_step.addItem(f"{step_id} — {step_name(self._data, step_id)}", step_id)
        self._filling = False
        self.answers_model.refresh()
        self.select(max(0, self.answers.currentIndex().row()))

    def set_read_only(self, on: bool) -> None:
        """Show a published version's answers: readable, not editable."""
        self._read_only = on
        self._update_enabled()

    def select(self, row: int) -> None:
        """Make answer ``row`` (the last one when past the end) the one edited."""
        count = self.answers_model.rowCount()
        row = min(row, count - 1)
        if row >= 0:
            self.answers.selectionModel().setCurrentIndex(
                self.answers_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_answer(row)

    def _answers(self) -> list[dict[str, Any]]:
        step = self._step
        return step.setdefault("answers", []) if step is not None else []

    def _row(self) -> int:
        row = self.answers.currentIndex().row()
        return row if 0 <= row < len(self._answers()) else -1

    def _show_answer(self, row: int) -> None:
        answers = self._answers()
        answer = answers[row] if 0 <= row < len(answers) else {}
        action = answer_action(answer)
        self._filling = True
        self.label.setText(str(answer.get("label") or ""))
        self.label_en.setText(str(answer.get("label_en") or ""))
        self.next_step.setCurrentIndex(max(0, self.next_step.findData(answer.get("next") or "")))
        kind = action.kind if action is not None else None
        self.action_kind.setCurrentIndex(KINDS.index(kind))
        self._fill_codes(action.value if kind is ActionKind.DISPOSITION and action else "")
        self.slug.setText(action.value if kind is ActionKind.ARTICLE and action else "")
        self._filling = False
        self._update_enabled()

    def _fill_codes(self, code: str) -> None:
        self.code.clear()
        codes = [known for known, *_ in self._campaign.dispositions] if self._campaign else []
        for known in codes if code in codes or not code else [*codes, code]:
            self.code.addItem(self._words.disposition(known, self._campaign), known)
        self.code.setCurrentIndex(max(0, self.code.findData(code)))

    def _describe(self, answer: Mapping[str, Any]) -> str:
        return self._words.action(answer_action(answer), self._campaign)

    # ------------------------------------------------------------------ editing
    def _set_answer(self, name: str, value: object) -> None:
        row = self._row()
        if self._filling or row < 0 or self._answers()[row].get(name) == value:
            return
        self._answers()[row][name] = value
        self.answers_model.row_changed(row)
        self.changed.emit()

    def _action_edited(self) -> None:
        if self._filling:
            return
        value = self.action_kind.currentData()
        if value == ActionKind.DISPOSITION.value:
            value = f"disposition:{self.code.currentData() or ''}"
        elif value == ActionKind.ARTICLE.value:
            value = f"article:{self.slug.text().strip()}"
        self._set_answer("action", value or None)
        self._update_enabled()

    def add(self) -> None:
        """Add an answer under the current one and put the cursor in its label."""
        if self._read_only or self._step is None or len(self._answers()) >= ANSWER_LIMIT:
            return
        row = self._row() + 1 if self._row() >= 0 else len(self._answers())
        self._answers().insert(row, {"label": "", "label_en": "", "next": None, "action": None})
        self.answers_model.refresh()
        self.select(row)
        self.changed.emit()
        self.label.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def remove(self) -> None:
        """Remove the current answer."""
        row = self._row()
        if self._read_only or row < 0:
            return
        del self._answers()[row]
        self.answers_model.refresh()
        self.select(max(0, row - 1) if row >= len(self._answers()) else row)
        self.changed.emit()

    def move_answer(self, by: int) -> None:
        """Move the current answer up (-1) or down (1): it changes its number key."""
        row, answers = self._row(), self._answers()
        if self._read_only or row < 0 or not 0 <= row + by < len(answers):
            return
        answers[row], answers[row + by] = answers[row + by], answers[row]
        self.answers_model.refresh()
        self.select(row + by)
        self.changed.emit()

    def _update_enabled(self) -> None:
        editable = self._step is not None and not self._read_only
        has_answer = editable and self._row() >= 0
        for button in (self.remove_answer, self.up, self.down, self.next_step,
                       self.action_kind):
            button.setEnabled(has_answer)
        for edit in (self.label, self.label_en, self.slug):
            edit.setReadOnly(not has_answer)
        kind = self.action_kind.currentData()
        self.code.setVisible(kind == ActionKind.DISPOSITION.value)
        self.code.setEnabled(has_answer)
        self.slug.setVisible(kind == ActionKind.ARTICLE.value)
        self.add_answer.setEnabled(editable and len(self._answers()) < ANSWER_LIMIT)

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        captions = {
            "answers": self.tr("&Answers"), "label": self.tr("&Label"),
            "label_en": self.tr("Label (Englis&h)"), "next": self.tr("&Next step"),
            "action": self.tr("A&ction"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.add_answer.setText(self.tr("Add answer"))
        self.add_answer.setToolTip(self.tr("Add an answer (Ctrl+Shift+A); at most 9, on "
                                           "keys 1-9"))
        self.remove_answer.setText(self.tr("Remove"))
        self.remove_answer.setToolTip(self.tr("Remove the answer (Delete in the list)"))
        self.up.setToolTip(self.tr("Move the answer up (Alt+Up)"))
        self.down.setToolTip(self.tr("Move the answer down (Alt+Down)"))
        self.slug.setPlaceholderText(self.tr("Article key, e.g. porting"))
        for index, kind in enumerate(KINDS):
            self.action_kind.setItemText(index, self._words.kind(kind))
        if self.next_step.count():
            self.next_step.setItemText(0, self.tr("(none)"))
        self.answers_model.retranslate()
