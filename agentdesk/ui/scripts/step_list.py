"""The script editor's step list: the draft's steps in order, added, removed and marked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from agentdesk.ui.models.script_steps import (
    StepsModel,
    blank_step,
    insert_step,
    new_step_id,
    remove_step,
    steps_leading_to,
    toggle_objection,
)
from agentdesk.ui.scripts.editor_parts import select_row, shortcut, table_view
from agentdesk.ui.scripts.editor_words import fill, step_name


class StepList(QWidget):
    """The draft's steps in order, with the buttons that add, remove and mark them.

    A row shows a red mark when its step has problems, then its id, title and badges
    (start, required, objection). The list edits the draft's data in place, and only while
    :meth:`set_editable` allows it.

    Signals:
        current_changed(): another step, or none, became the current one.
        steps_changed(): a step was added or removed: answers may lead to it, or nowhere.
        edited(): steps were added, removed, or marked as the start or as objections.
        added(): a new step became the current one.
    """

    current_changed = Signal()
    steps_changed = Signal()
    edited = Signal()
    added = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: dict[str, Any] = {"steps": {}}
        self._editable = False
        self.caption = QLabel(self)
        self.steps_model = StepsModel(step_name, self._badges, self)
        self.steps = table_view(self, "scriptSteps", self.steps_model, 2)
        self.add_step, self.remove_step = QPushButton(self), QPushButton(self)
        self.start_button, self.objection_button = QPushButton(self), QPushButton(self)
        buttons = QGridLayout()
        for n, button in enumerate((self.add_step, self.remove_step, self.start_button,
                                    self.objection_button)):
            buttons.addWidget(button, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.steps.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit())
        for button, slot in ((self.add_step, self.add_new_step),
                             (self.remove_step, self.remove_current_step),
                             (self.start_button, self.set_start),
                             (self.objection_button, self.toggle_objection)):
            button.clicked.connect(slot)
        shortcut(self.steps, "Insert", self.add_new_step)
        shortcut(self.steps, "Delete", self.remove_current_step)
        self.retranslate_ui()

    def set_draft(self, data: dict[str, Any]) -> None:
        """Show the steps of ``data`` (kept by reference), with the start step current."""
        self._data = data
        self.steps_model.set_draft(data)
        select_row(self.steps, self.steps_model.row_of(data.get("start")))

    def set_editable(self, on: bool) -> None:
        """Allow changing the steps, or not (a published version, a write running)."""
        self._editable = on
        has_step = on and self.current_step() is not None
        self.add_step.setEnabled(on)
        for button in (self.remove_step, self.start_button, self.objection_button):
            button.setEnabled(has_step)

    def current_step(self) -> str | None:
        """Return the id of the current step (None when there is none)."""
        row = self.steps.currentIndex().row()
        return self.steps_model.step_id(row) if 0 <= row < self.steps_model.rowCount() else None

    def select(self, step_id: str) -> None:
        """Make step ``step_id`` the current one."""
        select_row(self.steps, self.steps_model.row_of(step_id))

    def add_new_step(self) -> None:
        """Add a step after the current one and make it the current one."""
        if not self._editable:
            return
        step_id = new_step_id(self._data)
        insert_step(self._data, step_id, blank_step(self.tr("New step")), self.current_step())
        if not self._data.get("start"):
            self._data["start"] = step_id
        self.steps_model.set_draft(self._data)
        self.steps_changed.emit()
        self.select(step_id)
        self.edited.emit()
        self.added.emit()

    def remove_current_step(self) -> None:
        """Remove the current step, asking first when other steps lead to it."""
        step_id = self.current_step()
        if not self._editable or step_id is None:
            return
        leading = steps_leading_to(self._data, step_id)
        if not leading:
            self._remove(step_id)
            return
        names = "、".join(f"“{step_name(self._data, s)}”" for s in leading)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove step"), fill(self.tr(
            "Answers of %1 lead to “%2”. Remove the step anyway? Those answers then lead "
            "nowhere until you change them."), names, step_name(self._data, step_id)),
            QMessageBox.StandardButton.Cancel, self.window())
        box.setObjectName("removeStepBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._remove(step_id) if button is remove
                                  else None)
        box.open()

    def _remove(self, step_id: str) -> None:
        row = self.steps_model.row_of(step_id)
        remove_step(self._data, step_id)
        self.steps_model.set_draft(self._data)
        self.steps_changed.emit()
        select_row(self.steps, min(row, self.steps_model.rowCount() - 1))
        self.current_changed.emit()
        self.edited.emit()

    def set_start(self) -> None:
        """Make the current step the one calls start with."""
        step_id = self.current_step()
        if self._editable and step_id is not None:
            self._data["start"] = step_id
            self.edited.emit()

    def toggle_objection(self) -> None:
        """Put the current step in the objection library, or take it out."""
        step_id = self.current_step()
        if self._editable and step_id is not None:
            toggle_objection(self._data, step_id)
            self.edited.emit()

    def _badges(self, data: Mapping[str, Any], step_id: str) -> str:
        step = data["steps"].get(step_id) or {}
        marks = [(data.get("start") == step_id, self.tr("Start")),
                 (bool(step.get("required")), self.tr("Required")),
                 (step_id in (data.get("objections") or []), self.tr("Objection"))]
        return " · ".join(text for on, text in marks if on)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.caption.setText(self.tr("Steps"))
        self.caption.setToolTip("Ctrl+2")
        self.add_step.setText(self.tr("Add step"))
        self.add_step.setToolTip(self.tr("Add a step after this one (Ctrl+Shift+N, Insert)"))
        self.remove_step.setText(self.tr("Remove step"))
        self.remove_step.setToolTip(self.tr("Remove the step (Delete in the list)"))
        self.start_button.setText(self.tr("Set as start"))
        self.start_button.setToolTip(self.tr("Calls start with this step (Ctrl+Shift+T)"))
        self.objection_button.setText(self.tr("Objection on/off"))
        self.objection_button.setToolTip(self.tr(
            "Put the step in the objection library, reachable from any step, or take it "
            "out (Ctrl+Shift+O)"))
        self.steps_model.retranslate()
