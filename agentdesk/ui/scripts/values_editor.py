"""The script editor's values tab: the script's own variables and their texts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.ui.models.script_steps import ValuesModel, new_step_id
from agentdesk.ui.scripts.editor_parts import shortcut, table_view


class ValuesEditor(QWidget):
    """The script's own values (``operator.name`` -> text), edited in a table.

    Signals:
        changed(): a value was added, removed, renamed or rewritten.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptValues")
        self._data: dict[str, Any] = {"values": {}}
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model = ValuesModel(self)
        self.table = table_view(self, "scriptValueTable", self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for notice in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            notice.connect(self.changed)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        shortcut(self.table, "Insert", self.add)
        shortcut(self.table, "Delete", self.remove)
        self.retranslate_ui()

    def set_draft(self, data: dict[str, Any]) -> None:
        """Edit ``data["values"]`` (kept by reference)."""
        self._data = data
        self.model.set_draft(data)

    def set_read_only(self, on: bool) -> None:
        """Show the values only."""
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if on else (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed))
        self.add_button.setEnabled(not on)
        self.remove_button.setEnabled(not on)

    def add(self) -> None:
        """Add a value and start editing its name."""
        if not self.add_button.isEnabled():
            return
        name = new_step_id({"steps": self._data.get("values") or {}}, "value")
        index = self.model.index(self.model.add(name), 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove(self) -> None:
        """Remove the current value."""
        row = self.table.currentIndex().row()
        if self.remove_button.isEnabled() and 0 <= row < self.model.rowCount():
            self.model.remove(row)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.hint.setText(self.tr("The script's own variables, e.g. operator.name. The "
                                  "console's values (customer, agent, offer…) take "
                                  "precedence."))
        self.add_button.setText(self.tr("Add val&ue"))
        self.add_button.setToolTip(self.tr("Add a value (Insert in the list)"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the value (Delete)"))
        self.model.retranslate()

