"""The sign-in dialog: username and password, checked on a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError
from agentdesk.domain.people import User
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner


class LoginDialog(QDialog):
    """Asks who is at the keyboard.

    Args:
        sign_in: Checks a username and password; returns the user or raises
            AuthenticationError (runs on a worker thread).
        runner: Background task runner.
        username: Pre-filled username (the last one used here).

    Signals:
        signed_in(object): the :class:`User` who signed in.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        sign_in: Callable[[str, str], User],
        runner: TaskRunner,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._sign_in = sign_in
        self._runner = runner
        self._messages = Messages(self)
        self.username = QLineEdit(username, self)
        self.username.setObjectName("loginUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self._username_label = QLabel(self)
        self._password_label = QLabel(self)
        self._username_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self._username_label, self.username)
        form.addRow(self._password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self.retranslate_ui()

    def submit(self) -> None:
        """Check the credentials in the background."""
        username, password = self.username.text(), self.password.text()
        self.buttons.setEnabled(False)
        self._runner.run(lambda: self._sign_in(username, password), self._accepted,
                         self._refused, owner=self)

    def _accepted(self, user: User) -> None:
        self.buttons.setEnabled(True)
        self.signed_in.emit(user)
        self.accept()

    def _refused(self, error: KnownError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(self._messages.error(error))
        self.error.show()
        self.password.clear()
        self.password.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Sign in to AgentDesk"))
        self._username_label.setText(self.tr("&Username"))
        self._password_label.setText(self.tr("&Password"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
