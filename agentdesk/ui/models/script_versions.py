"""The script editor's list of versions: campaign, script, direction, number and state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from agentdesk.domain.script_versions import ScriptVersion
from agentdesk.services.scripts import ScriptCampaign
from agentdesk.ui.models.rows import Column, RowsModel

if TYPE_CHECKING:
    from agentdesk.ui.scripts.editor_words import EditorWords


@dataclass(frozen=True, slots=True)
class VersionRow:
    """A version with the campaign it belongs to (None if the campaign is gone)."""

    version: ScriptVersion
    campaign: ScriptCampaign | None


class VersionHeaders(QObject):
    """Translated column headers of the version list."""

    def campaign(self) -> str:  # noqa: D102
        return self.tr("Campaign")

    def script(self) -> str:  # noqa: D102
        return self.tr("Script")

    def direction(self) -> str:  # noqa: D102
        return self.tr("Dir.")

    def number(self) -> str:  # noqa: D102
        return self.tr("Ver.")

    def state(self) -> str:  # noqa: D102
        return self.tr("State")

    def no_note(self) -> str:  # noqa: D102
        return self.tr("No change note")


class VersionsModel(RowsModel[VersionRow]):
    """Versions by campaign and direction, newest first; the change note is in the tooltip."""

    def __init__(self, words: EditorWords, parent: QObject | None = None) -> None:
        headers = VersionHeaders(parent)

        def about(row: VersionRow) -> str:
            version = row.version
            return "\n".join((
                f"{words.campaign(row.campaign)} · {words.direction(version.direction)}",
                f"{version.name} · {words.number(version.number)} · {words.state(version)}",
                version.change_note or headers.no_note()))

        super().__init__([
            Column(headers.campaign, lambda r: words.campaign(r.campaign), tooltip=about),
            Column(headers.script, lambda r: words.short(r.version.name), tooltip=about),
            Column(headers.direction, lambda r: words.direction(r.version.direction, short=True),
                   tooltip=about),
            Column(headers.number, lambda r: words.number(r.version.number), align_right=True,
                   tooltip=about),
            Column(headers.state, lambda r: words.state(r.version, short=True), tooltip=about),
        ], parent)

    def row_of(self, script_id: uuid.UUID | None) -> int:
        """Return the row showing version ``script_id``, or -1."""
        for row in range(self.rowCount()):
            if self.row_at(row).version.id == script_id:
                return row
        return -1
