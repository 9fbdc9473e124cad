"""The script editor's step form: a step's id, titles and texts, above its answers."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.scripts import CONSOLE_VARIABLES, STEP_ID_RE
from agentdesk.services.scripts import ScriptCampaign
from agentdesk.ui.knowledge.article_form import error_label
from agentdesk.ui.models.script_steps import rename_step
from agentdesk.ui.scripts.answers_editor import AnswersEditor
from agentdesk.ui.scripts.editor_parts import shortcut


class StepForm(QWidget):
    """Edits one step of the draft's data in place: its id, texts, answers and actions.

    Renaming a step renames it everywhere (answers, the start, the objection list). The
    answers are edited by :attr:`answers_editor`, whose fields the form lays out and shows
    as its own.

    Signals:
        changed(): the data changed.
        renamed(str, str): a step's old and new id.
    """

    changed = Signal()
    renamed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptStepForm")
        self._data: dict[str, Any] = {"steps": {}}
        self._step_id: str | None = None
        self._filling = False
        self._read_only = False
        self._last_text: QPlainTextEdit | None = None
        self.captions: dict[str, QLabel] = {}
        self.step_id = self._line("stepId", "id")
        self.id_error = error_label(self)
        self.title = self._line("stepTitle", "title")
        self.title_en = self._line("stepTitleEn", "title_en")
        self.required = QCheckBox(self)
        self.text = self._text("stepText", "text")
        self.text_en = self._text("stepTextEn", "text_en")
        self.variables = QToolButton(self)
        self.variables.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.variable_menu = QMenu(self.variables)
        self.variable_menu.setObjectName("variableMenu")
        self.variable_menu.aboutToShow.connect(self._fill_variables)
        self.variables.setMenu(self.variable_menu)
        self.answers_editor = AnswersEditor(self)
        answers = self.answers_editor
        self.answers, self.answers_model = answers.answers, answers.answers_model
        self.label, self.label_en = answers.label, answers.label_en
        self.next_step, self.action_kind, self.code = (answers.next_step, answers.action_kind,
                                                       answers.code)
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.show_step(None)

    def _line(self, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        self.captions[caption] = QLabel(self)
        self.captions[caption].setBuddy(edit)
        return edit

    def _text(self, name: str, caption: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self)
        self.captions[caption] = QLabel(self)
        self.captions[caption].setBuddy(edit)
        return edit

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.captions["id"], 0, 0)
        grid.addWidget(self.step_id, 0, 1)
        grid.addWidget(self.required, 0, 2, 1, 2)
        grid.addWidget(self.id_error, 1, 1, 1, 3)
        grid.addWidget(self.captions["title"], 2, 0)
        grid.addWidget(self.title, 2, 1)
        grid.addWidget(self.captions["title_en"], 2, 2)
        grid.addWidget(self.title_en, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        text_head = QHBoxLayout()
        text_head.addWidget(self.captions["text"], 1)
        text_head.addWidget(self.variables)
        self.text.setMinimumHeight(70)
        self.text_en.setMinimumHeight(50)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(grid)
        layout.addLayout(text_head)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.captions["text_en"])
        layout.addWidget(self.text_en, 2)
        layout.addLayout(self.answers_editor.head)
        layout.addWidget(self.answers, 3)
        layout.addLayout(self.answers_editor.detail)

    def _connect(self) -> None:
        self.step_id.textEdited.connect(self._id_edited)
        for name, edit in (("title", self.title), ("title_en", self.title_en)):
            edit.textEdited.connect(partial(self._set, name))
        for name, text in (("text", self.text), ("text_en", self.text_en)):
            text.textChanged.connect(partial(self._text_changed, name, text))
        self.required.toggled.connect(lambda on: self._set("required", on))
        self.answers_editor.changed.connect(self.changed)
        self._keys = [shortcut(self, "Ctrl+Shift+I", self.pop_variables,
                               Qt.ShortcutContext.WidgetWithChildrenShortcut)]

    # ------------------------------------------------------------------ showing
    def set_draft(self, data: dict[str, Any], campaign: ScriptCampaign | None) -> None:
        """Edit ``data`` (kept by reference) of a script of ``campaign``."""
        self._data = data
        self.answers_editor.set_draft(data, campaign)
        self.show_step(None)

    @property
    def current_step(self) -> str | None:
        """The id of the step in the form."""
        return self._step_id

    def _step(self) -> dict[str, Any] | None:
        steps = self._data.get("steps") or {}
        return steps.get(self._step_id) if self._step_id is not None else None

    def show_step(self, step_id: str | None) -> None:
        """Put step ``step_id`` in the form (None empties it)."""
        self._step_id = step_id if step_id in (self._data.get("steps") or {}) else None
        step = self._step() or {}
        self._filling = True
        self.step_id.setText(self._step_id or "")
        self.id_error.hide()
        self.title.setText(str(step.get("title") or ""))
        self.title_en.setText(str(step.get("title_en") or ""))
        self.required.setChecked(bool(step.get("required")))
        self.text.setPlainText(str(step.get("text") or ""))
        self.text_en.setPlainText(str(step.get("text_en") or ""))
        self._filling = False
        self.answers_editor.show_step(self._step())
        self._update_enabled()

    def refresh_targets(self) -> None:
        """List the draft's steps as answers' next steps (after adds, removals, renames)."""
        self.answers_editor.refresh_targets()

    def set_read_only(self, on: bool) -> None:
        """Show a published version: everything readable, nothing editable."""
        self._read_only = on
        self.answers_editor.set_read_only(on)
        self._update_enabled()

    def focus_field(self, field: str, answer: int = -1) -> None:
        """Put the cursor in ``field`` (``title``, ``text``, ``answers``...)."""
        widget = {"title": self.title, "title_en": self.title_en, "text": self.text,
                  "text_en": self.text_en, "answers": self.answers, "id": self.step_id
                  }.get(field, self.title)
        if answer >= 0:
            self.answers_editor.select(answer)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ the step
    def _set(self, name: str, value: object) -> None:
        step = self._step()
        if self._filling or step is None or step.get(name) == value:
            return
        step[name] = value
        self.changed.emit()

    def _text_changed(self, name: str, edit: QPlainTextEdit) -> None:
        if not self._filling:
            self._set(name, edit.toPlainText())

    def _id_edited(self, text: str) -> None:
        old = self._step_id
        if old is None or text == old:
            self.id_error.hide()
            return
        if not STEP_ID_RE.fullmatch(text):
            self.id_error.setText(self.tr("An id is 1-64 letters, digits, '_' and '-', "
                                          "without spaces."))
        elif text in self._data["steps"]:
            self.id_error.setText(self.tr("Another step has this id."))
        else:
            self.id_error.hide()
            rename_step(self._data, old, text)
            self._step_id = text
            self.refresh_targets()
            self.renamed.emit(old, text)
            self.changed.emit()
            return
        self.id_error.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Remember the text field the cursor was in last, for "Insert variable"."""
        if event.type() == QEvent.Type.FocusIn and watched in (self.text, self.text_en):
            self._last_text = self.text_en if watched is self.text_en else self.text
        return super().eventFilter(watched, event)

    def pop_variables(self) -> None:
        """Open the variable menu at the cursor of the text being written (Ctrl+Shift+I)."""
        edit = self._last_text or self.text
        if self._read_only or self._step() is None:
            return
        edit.setFocus()
        self.variable_menu.popup(edit.viewport().mapToGlobal(edit.cursorRect().bottomLeft()))

    def _fill_variables(self) -> None:
        self.variable_menu.clear()
        own = sorted(str(name) for name in self._data.get("values") or {})
        for names in (own, sorted(CONSOLE_VARIABLES - set(own))):
            if names and not self.variable_menu.isEmpty():
                self.variable_menu.addSeparator()
            for name in names:
                entry = self.variable_menu.addAction("{" + name + "}")
                entry.triggered.connect(partial(self.insert_variable, name))

    def insert_variable(self, name: str) -> None:
        """Insert ``{name}`` at the cursor of the text being written."""
        edit = self._last_text or self.text
        if not self._read_only and self._step() is not None:
            edit.insertPlainText("{" + name + "}")
            edit.setFocus()

    def _update_enabled(self) -> None:
        editable = self._step() is not None and not self._read_only
        for edit in (self.step_id, self.title, self.title_en):
            edit.setReadOnly(not editable)
        for text in (self.text, self.text_en):
            text.setReadOnly(not editable)
        for widget in (self.required, self.variables):
            widget.setEnabled(editable)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        captions = {
            "id": self.tr("I&d"), "title": self.tr("&Title"),
            "title_en": self.tr("Title (En&glish)"), "text": self.tr("Te&xt"),
            "text_en": self.tr("Text (Engl&ish)"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.required.setText(self.tr("&Required (compliance step)"))
        self.required.setToolTip(self.tr("Agents must pass this step before a sale is "
                                         "recorded: a statement, consent or read-back."))
        self.variables.setText(self.tr("Insert &variable"))
        self.variables.setToolTip(self.tr("Insert a variable at the cursor (Ctrl+Shift+I)"))
        self.step_id.setToolTip(self.tr("The step's key: answers lead to it. Renaming it "
                                        "renames it everywhere."))
        self.answers_editor.retranslate_ui()
