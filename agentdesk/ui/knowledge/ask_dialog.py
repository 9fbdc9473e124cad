"""A small dialog to send the trainers a question met on a call: type, press Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.knowledge import QUESTION_MAX, Question
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner

ERROR_STYLE = "color: #c62828;"


class AskDialog(QDialog):
    """Sends one question; Enter (or Ctrl+Enter) sends, Shift+Enter starts a new line.

    The dialog stays open with the reason when the question cannot be stored.

    Signals:
        sent(object): the stored :class:`Question`.
    """

    sent = Signal(object)

    def __init__(self, ask: Callable[[str], Question], runner: TaskRunner, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbAskDialog")
        self._ask = ask
        self._runner = runner
        self._messages = Messages(self)
        self._sending = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.question = QPlainTextEdit(self)
        self.question.setObjectName("kbQuestion")
        self.question.setTabChangesFocus(True)
        self.question.setPlainText(text.strip()[:QUESTION_MAX])
        self.question.selectAll()
        self.question.installEventFilter(self)
        self.intro.setBuddy(self.question)
        self.hint = QLabel(self)
        self.hint.setObjectName("kbAskHint")
        self.hint.setStyleSheet("color: #5f6368;")
        self.error = QLabel(self)
        self.error.setObjectName("kbAskError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("kbSend")
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 220)
        self.retranslate_ui()

    def send(self) -> None:
        """Store the question in the background; close once it is stored."""
        text = self.question.toPlainText().strip()
        if self._sending:
            return
        if not text:
            self._show_error(self.tr("Type your question first."))
            return
        self._sending = True
        self.send_button.setEnabled(False)
        self.error.hide()
        ask = self._ask
        self._runner.run(lambda: ask(text), self._sent, self._failed, owner=self)

    def _sent(self, question: Question) -> None:
        self._sending = False
        self.sent.emit(question)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self._sending = False
        self.send_button.setEnabled(True)
        problem = error.problems.get("text") if isinstance(error, ValidationError) else None
        if problem == "required":
            self._show_error(self.tr("Type your question first."))
        elif problem == "too_long":
            self._show_error(self.tr("The question is too long: at most %1 characters.")
                             .replace("%1", str(QUESTION_MAX)))
        else:
            self._show_error(self._messages.error(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.question.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter sends; Shift+Enter starts a new line in the question."""
        if watched is self.question and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.question.insertPlainText("\n")
                else:
                    self.send()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Ask the trainers"))
        self.intro.setText(self.tr("Your &question for the trainers. Their answer appears "
                                   "under Knowledge › My questions."))
        self.hint.setText(self.tr("Enter sends · Shift+Enter starts a new line · Esc "
                                  "cancels"))
        self.send_button.setText(self.tr("&Send"))
        self.question.setAccessibleName(self.tr("Question"))
