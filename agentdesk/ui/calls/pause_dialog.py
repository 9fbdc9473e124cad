"""Asks why the agent goes not ready: a short list of reasons, picked by number or arrows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.agent_states import PAUSE_REASONS, NotReadyReason
from agentdesk.ui.calls.words import CallWords


class PauseDialog(QDialog):
    """The reason is required: OK stays disabled until one is chosen; 1-9 choose directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self.setWindowTitle(self.tr("Not ready"))
        words = CallWords(self)
        label = QLabel(self.tr("Why are you not taking calls?"), self)
        self.reasons = QListWidget(self)
        self.reasons.setObjectName("pauseReasons")
        for n, reason in enumerate(PAUSE_REASONS, start=1):
            item = QListWidgetItem(f"{n}  {words.reason(reason)}", self.reasons)
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reasons.itemActivated.connect(lambda _item: self.accept())
        self.reasons.currentRowChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reasons)
        layout.addWidget(self.buttons)
        self.reasons.installEventFilter(self)
        self._enable()
        self.reasons.setFocus()

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.reasons.currentItem() is not None)

    @property
    def reason(self) -> NotReadyReason | None:
        """The chosen reason, if any."""
        item = self.reasons.currentItem()
        return None if item is None else NotReadyReason(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Digits typed in the list pick a reason and confirm at once."""
        if watched is self.reasons and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= self.reasons.count():
                self.reasons.setCurrentRow(int(text) - 1)
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Close only with a reason."""
        if self.reason is not None:
            super().accept()
