"""The call guide beside the call: the step to say, its answers on keys 1-9, objections on 0."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.script_walk import ScriptWalk
from agentdesk.domain.scripts import ActionKind, Answer, ScriptAction, render
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.knowledge.markdown import SafeBrowser
from agentdesk.ui.scripts.words import (
    ANSWER_STYLE,
    BADGE_STYLE,
    GREY,
    HINT_COLOURS,
    OBJECTION_STYLE,
    ScriptWords,
    answer_label,
    breadcrumb_html,
    clean,
    escaped,
    mnemonic_free,
    return_step,
    short_title,
    step_html,
    step_text,
    step_title,
)

ANSWER_KEYS = 9
OBJECTION_COLUMNS = 2


class HintLabel(QLabel):
    """A one-line label that shortens its text with "…" to the width it is given."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.full_text = ""

    def show_text(self, text: str) -> None:
        """Show ``text``, shortened to fit."""
        self.full_text = text
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Shorten the text again for the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.width()
        text = self.full_text
        if width > 20:
            text = QFontMetrics(self.font()).elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.setText(text)


class AnswerButton(QPushButton):
    """An answer: "1  Speaking", with where it goes at its right end."""

    def __init__(self, number: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"scriptAnswer_{number}")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was
        self.setAutoDefault(False)
        self.hint = HintLabel(self)
        self.hint.setObjectName(f"scriptAnswerHint_{number}")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The label may be clipped in a narrow dock; it never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 10, 0)
        layout.addStretch(3)
        layout.addWidget(self.hint, 2)

    def show_answer(self, label: str, hint: str, kind: ActionKind | None) -> None:
        """Show ``label`` with ``hint`` under it, coloured by what the answer does."""
        self.setText(label)
        self.setToolTip(f"{label.replace('&&', '&')}\n{hint}".strip())
        colour = HINT_COLOURS.get(kind, GREY) if kind is not None else GREY
        bold = "bold" if kind is ActionKind.DISPOSITION else "normal"
        self.hint.setStyleSheet(f"color: {colour}; font-weight: {bold}; font-size: 9pt;")
        self.hint.ensurePolished()  # the font the style sheet sets, for shortening
        self.hint.show_text(hint)
        edge = HINT_COLOURS[ActionKind.DISPOSITION] if kind is ActionKind.DISPOSITION else "#c9ced6"
        self.setStyleSheet(ANSWER_STYLE.format(edge=edge))


class ScriptPanel(QWidget):
    """The call script (沟通流程) during a call: one step at a time, walked by keys.

    Keys 1-9 choose the current step's answers, 0 opens the objection list, Backspace and
    Alt+Left go back. They are window-wide actions of ``host``, so they work wherever the
    focus is, except in text fields, which keep the keys they type.

    Signals:
        action_triggered(object): a ScriptAction an answer triggered (order, callback,
            disposition, article).
        moved(): the walk changed (answer, objection, back).
    """

    action_triggered = Signal(object)
    moved = Signal()

    def __init__(self, host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPanel")
        self._words = ScriptWords(self)
        self._walk: ScriptWalk | None = None
        self._values: dict[str, str] = {}
        self._title = ""
        self._empty_text = ""
        self._answering = True
        self._describe: Callable[[ScriptAction], str] = self._words.action
        self._answer_buttons: list[AnswerButton] = []
        self._objection_buttons: list[QPushButton] = []

        self.title = self._label("scriptTitle", f"color: {GREY}; font-size: 9pt;")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("scriptBack")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.breadcrumb = self._label("scriptBreadcrumb", f"color: {GREY};", rich=True)
        self.rule = QFrame(self)
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setStyleSheet("color: #dadce0;")
        self.step_title = self._label("scriptStepTitle", "color: #202124;")
        font = QFont(self.step_title.font())
        font.setPointSizeF(max(15.0, font.pointSizeF() * 1.45))
        font.setBold(True)
        self.step_title.setFont(font)
        self.required = self._label("scriptRequired", BADGE_STYLE)
        self.required.setWordWrap(False)
        self.objection_hint = self._label("scriptObjectionHint",
                                          "color: #a3510c; font-style: italic;")
        self.text = SafeBrowser(self)
        self.text.setObjectName("scriptStepText")
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.text.setMinimumHeight(130)
        self.text.setStyleSheet("QTextBrowser { border: 1px solid #e3e5e8; border-radius: 5px;"
                                " background: #fffdf6; color: #202124; padding: 4px; }")
        text_font = QFont(self.text.font())
        text_font.setPointSizeF(max(16.0, text_font.pointSizeF() * 1.6))
        self.text.setFont(text_font)
        self.answers = QWidget(self)
        self.answers.setObjectName("scriptAnswers")
        self._answer_layout = QVBoxLayout(self.answers)
        self._answer_layout.setContentsMargins(0, 0, 0, 0)
        self._answer_layout.setSpacing(5)
        self.note = self._label("scriptNote", "color: #1565c0; font-weight: bold;")
        self.note.hide()
        self.objections = QWidget(self)
        self.objections.setObjectName("scriptObjections")
        self.objections_caption = self._label("scriptObjectionsCaption", f"color: {GREY};")
        self._objection_grid = QGridLayout()
        self._objection_grid.setContentsMargins(0, 0, 0, 0)
        self._objection_grid.setSpacing(4)
        objection_box = QVBoxLayout(self.objections)
        objection_box.setContentsMargins(0, 4, 0, 0)
        objection_box.setSpacing(3)
        objection_box.addWidget(self.objections_caption)
        objection_box.addLayout(self._objection_grid)
        self.objection_menu = QMenu(self)
        self.objection_menu.setObjectName("scriptObjectionMenu")

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.back_button)
        step_head = QHBoxLayout()
        step_head.addWidget(self.step_title, 1)
        step_head.addWidget(self.required, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.rule)
        layout.addLayout(step_head)
        for widget in (self.objection_hint, self.text, self.answers, self.note, self.objections):
            layout.addWidget(widget, 1 if widget is self.text else 0)

        self._answer_keys = [self._key(host, str(n), partial(self.choose, n - 1))
                             for n in range(1, ANSWER_KEYS + 1)]
        self.objection_key = self._key(host, "0", self.open_objections)
        self.back_key = self._key(host, "Backspace", self.back)
        self.back_key.setShortcuts([QKeySequence("Backspace"), QKeySequence("Alt+Left")])
        self.retranslate_ui()

    def _label(self, name: str, style: str, *, rich: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    def _key(self, host: QWidget, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(host)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        action.triggered.connect(slot)
        host.addAction(action)
        return action

    # ------------------------------------------------------------------ API
    @property
    def walk(self) -> ScriptWalk | None:
        """The call's walk through its script, if a script is on screen."""
        return self._walk

    @property
    def key_actions(self) -> tuple[QAction, ...]:
        """The actions added to the host: answers 1-9, objections (0) and back."""
        return (*self._answer_keys, self.objection_key, self.back_key)

    def show_walk(self, walk: ScriptWalk | None, values: Mapping[str, str], *,
                  title: str = "") -> None:
        """Show ``walk`` (None: the empty state) with the call's variable ``values``."""
        self._walk = walk
        self._values = dict(values)
        self._title = title
        self._build_objections()
        self._render()

    def set_values(self, values: Mapping[str, str]) -> None:
        """Fill the step's variables from new ``values`` (customer loaded, time chosen)."""
        self._values = dict(values)
        self._render()

    def set_empty_text(self, text: str) -> None:
        """Say ``text`` while there is no walk ("": the default)."""
        self._empty_text = text
        self._render()

    def set_note(self, text: str) -> None:
        """Show a hint under the answers ("" hides it)."""
        self.note.setText(clean(text))
        self.note.setVisible(bool(text.strip()))

    def set_action_text(self, describe: Callable[[ScriptAction], str]) -> None:
        """Describe answers' actions on their buttons with ``describe``."""
        self._describe = describe
        self._render()

    def set_enabled_walk(self, on: bool) -> None:
        """Allow answering, objections and back (False keeps the step readable only)."""
        self._answering = on
        self._render()

    def choose(self, index: int) -> None:
        """Choose answer ``index`` of the current step, as key ``index + 1`` does."""
        walk = self._walk
        if walk is None or not self._answering or not 0 <= index < len(walk.current.answers):
            return
        action = walk.choose(index)
        self._render()
        self.moved.emit()
        if action is not None:
            self.action_triggered.emit(action)

    def raise_objection(self, step_id: str) -> None:
        """Jump to the objection step ``step_id``; its answers lead back."""
        walk = self._walk
        if (walk is None or not self._answering or step_id not in walk.script.objections
                or step_id not in walk.script.steps):
            return
        walk.raise_objection(step_id)
        self._render()
        self.moved.emit()

    def back(self) -> None:
        """Undo the last answer or objection."""
        if self._walk is None or not self._answering or not self._walk.back():
            return
        self._render()
        self.moved.emit()

    def open_objections(self) -> None:
        """Pop up the objection list (key 0): a digit or Enter raises one."""
        walk = self._walk
        if walk is None or not self._answering or not self._objection_ids():
            return
        menu = self.objection_menu
        menu.clear()
        language = ui_language()
        for n, step_id in enumerate(self._objection_ids(), start=1):
            title = mnemonic_free(step_title(walk.script.steps[step_id], language))
            entry = menu.addAction(f"&{n}  {title}" if n <= ANSWER_KEYS else f"    {title}")
            entry.triggered.connect(partial(self.raise_objection, step_id))
        anchor = self.objections if self.objections.isVisible() else self.text
        menu.popup(anchor.mapToGlobal(QPoint(0, 0)))
        menu.setActiveAction(menu.actions()[0])

    # ------------------------------------------------------------------ display
    def _objection_ids(self) -> list[str]:
        walk = self._walk
        if walk is None:
            return []
        return [o for o in dict.fromkeys(walk.script.objections) if o in walk.script.steps]

    def _build_objections(self) -> None:
        for button in self._objection_buttons:
            button.deleteLater()
        self._objection_buttons = []
        for n, step_id in enumerate(self._objection_ids()):
            button = QPushButton(self.objections)
            button.setObjectName(f"scriptObjection_{n + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(False)
            button.setCheckable(True)
            button.setStyleSheet(OBJECTION_STYLE)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(partial(self.raise_objection, step_id))
            self._objection_grid.addWidget(button, n // OBJECTION_COLUMNS,
                                           n % OBJECTION_COLUMNS)
            self._objection_buttons.append(button)

    def _render(self) -> None:
        walk = self._walk
        for widget in (self.breadcrumb, self.rule, self.step_title, self.answers):
            widget.setVisible(walk is not None)
        self.title.setText(clean(self._title))
        self.title.setVisible(bool(self._title.strip()))
        if walk is None:
            empty = self._empty_text or self.tr("The script starts with the call.")
            self.text.setHtml(f'<p style="color:{GREY};">{escaped(empty)}</p>')
            self.required.hide()
            self.objection_hint.hide()
            self.objections.hide()
            self._show_answers(walk, [])
            self._update_keys()
            return
        language = ui_language()
        step = walk.current
        self.breadcrumb.setText(breadcrumb_html(walk, language))
        self.step_title.setText(clean(step_title(step, language)))
        self.required.setVisible(step.required and step.id not in walk.passed)
        back_to = return_step(walk) if walk.in_objection else None
        if back_to is not None and back_to in walk.script.steps:
            self.objection_hint.setText(self.tr(
                "Objection — an answer without a next step returns to %1").replace(
                "%1", clean(step_title(walk.script.steps[back_to], language))))
        self.objection_hint.setVisible(back_to is not None)
        rendered = render(step_text(step, language), {**walk.script.values, **self._values})
        self.text.setHtml(f'<p style="line-height:135%;">{step_html(rendered)}</p>')
        self._show_answers(walk, list(step.answers))
        for button, step_id in zip(self._objection_buttons, self._objection_ids(), strict=False):
            title = step_title(walk.script.steps[step_id], language)
            button.setText(mnemonic_free(short_title(title)))
            button.setToolTip(clean(title))
            button.setChecked(step_id == step.id)
        self.objections.setVisible(bool(self._objection_buttons))
        self._update_keys()

    def _show_answers(self, walk: ScriptWalk | None, answers: list[Answer]) -> None:
        while len(self._answer_buttons) < len(answers):
            button = AnswerButton(len(self._answer_buttons) + 1, self.answers)
            button.clicked.connect(partial(self.choose, len(self._answer_buttons)))
            self._answer_layout.addWidget(button)
            self._answer_buttons.append(button)
        language = ui_language()
        for n, button in enumerate(self._answer_buttons):
            if walk is None or n >= len(answers):
                button.hide()
                continue
            answer = answers[n]
            key = f"{n + 1}  " if n < ANSWER_KEYS else ""
            label = mnemonic_free(answer_label(answer, language))
            button.show_answer(f"{key}{label}", self._hint(walk, answer),
                               answer.action.kind if answer.action is not None else None)
            button.show()

    def _hint(self, walk: ScriptWalk, answer: Answer) -> str:
        steps = walk.script.steps
        back_to = return_step(walk) if walk.in_objection and not answer.ends_call else None
        parts = []
        if answer.next is not None and answer.next in steps:
            parts.append("→ " + clean(short_title(step_title(steps[answer.next],
                                                             ui_language()))))
        if answer.action is not None:
            marker = "■ " if answer.ends_call else ""
            parts.append(marker + clean(self._describe(answer.action)))
        if answer.next is None and back_to is not None and back_to in steps:
            parts.append("↩ " + clean(step_title(steps[back_to], ui_language())))
        return " · ".join(parts)

    def _update_keys(self) -> None:
        walk = self._walk
        live = walk is not None and self._answering
        count = len(walk.current.answers) if walk is not None and live else 0
        for n, action in enumerate(self._answer_keys):
            action.setEnabled(n < count)
        for button in (*self._answer_buttons, *self._objection_buttons):
            button.setEnabled(live)
        self.objection_key.setEnabled(live and bool(self._objection_buttons))
        can_go_back = walk is not None and live and bool(walk.path)
        self.back_key.setEnabled(can_go_back)
        self.back_button.setEnabled(can_go_back)
        self.back_button.setVisible(walk is not None)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language, the step's texts included."""
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Go back one step (Backspace, Alt+Left)"))
        self.required.setText(self.tr("Required"))
        self.required.setToolTip(self.tr("A compliance step: say it before a sale is recorded"))
        self.objections_caption.setText(self.tr("Objections (key 0)"))
        self.objection_menu.setTitle(self.tr("Objections"))
        for n, action in enumerate(self._answer_keys, start=1):
            action.setText(self.tr("Script answer %1").replace("%1", str(n)))
        self.objection_key.setText(self.tr("Script objections"))
        self.back_key.setText(self.tr("Script: back one step"))
        self._render()
