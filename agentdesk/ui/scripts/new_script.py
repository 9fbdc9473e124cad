"""Asks for the campaign, direction and name of a script the editor starts."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.services.scripts import MAX_NAME, ScriptCampaign
from agentdesk.ui.labels import bilingual
from agentdesk.ui.scripts.editor_words import EditorWords


class NewScriptDialog(QDialog):
    """Asks for the campaign, direction and name of a new script.

    Args:
        campaigns: The campaigns to choose from, in the order shown.
        words: How campaigns and directions are named.
        parent: The script editor.
    """

    def __init__(self, campaigns: list[ScriptCampaign], words: EditorWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newScriptDialog")
        self._words = words
        self.campaign, self.direction, self.name = QComboBox(self), QComboBox(self), \
            QLineEdit(self)
        for campaign in campaigns:
            self.campaign.addItem("", campaign)
        for direction in CampaignDirection:
            self.direction.addItem("", direction.value)
        self.name.setMaxLength(MAX_NAME)
        self.captions = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for caption, field in zip(self.captions, (self.campaign, self.direction, self.name),
                                  strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.campaign.currentIndexChanged.connect(self._campaign_chosen)
        self._campaign_chosen()

    def _campaign_chosen(self) -> None:
        campaign = self.campaign.currentData()
        if isinstance(campaign, ScriptCampaign):
            self.direction.setCurrentIndex(self.direction.findData(campaign.direction.value))
            if not self.name.isModified():
                self.name.setText(bilingual(campaign.name, campaign.name_en))

    def _accept(self) -> None:
        if self.name.text().strip() and self.campaign.currentData() is not None:
            self.accept()
        else:
            self.name.setFocus()

    def choice(self) -> tuple[ScriptCampaign, CampaignDirection, str]:
        """Return the campaign, direction and name chosen."""
        return (self.campaign.currentData(), CampaignDirection(self.direction.currentData()),
                self.name.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("New script"))
        for caption, text in zip(self.captions, (self.tr("&Campaign"), self.tr("&Direction"),
                                                 self.tr("&Name")), strict=True):
            caption.setText(text)
        for index in range(self.campaign.count()):
            self.campaign.setItemText(index, self._words.campaign(self.campaign.itemData(index)))
        for index, direction in enumerate(CampaignDirection):
            self.direction.setItemText(index, self._words.direction(direction))
