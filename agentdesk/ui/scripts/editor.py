"""The script editor: the versions of every campaign's script beside the draft being written."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.script_versions import StoredScript
from agentdesk.services.scripts import ScriptCampaign
from agentdesk.ui.models.rows import ROW_ROLE
from agentdesk.ui.models.script_versions import VersionRow, VersionsModel
from agentdesk.ui.scripts.draft_pane import DraftPane
from agentdesk.ui.scripts.draft_writer import DraftWriter
from agentdesk.ui.scripts.editor_parts import column, select_row, shortcut, splitter, table_view
from agentdesk.ui.scripts.editor_words import EditorWords
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.scripts import ScriptService


class ScriptEditor(QDialog):
    """Script versions and the draft being written, checked as it is typed.

    The versions are listed on the left; the one opened is shown by :attr:`draft` and
    written by :attr:`writer`. Published versions are shown read-only: "Edit as new draft"
    copies one into the campaign's draft. Every service call runs on a worker:
    :meth:`reload` lists the versions (call it once shown), :meth:`open_version` opens one.

    Args:
        runner: Background task runner.
        service: The scripts of a script developer or supervisor.
        parent: Parent widget (the editor is a window of its own).

    Signals:
        listed(): the version list was read and is on screen.
        opened(object): a :class:`StoredScript` was put in the editor.
        checked(): the problems list was brought up to date.
        saved(object): the :class:`StoredScript` a save wrote.
        published(object): the :class:`StoredScript` published.
        failed(object): the KnownError that stopped a save or publish (already shown).
    """

    listed = Signal()
    opened = Signal(object)
    checked = Signal()
    saved = Signal(object)
    published = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, service: ScriptService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self._runner = runner
        self._service = service
        self._words = EditorWords(self)
        self._campaigns: dict[uuid.UUID, ScriptCampaign] = {}
        self._asking = False
        self._leaving = False
        self._list_request = 0
        self._build()
        self._connect()
        self.retranslate_ui()
        self._show_state()
        self.resize(1400, 900)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.filter_caption, self.campaign_filter = QLabel(self), QComboBox(self)
        self.campaign_filter.setObjectName("campaignFilter")
        self.campaign_filter.addItem("", None)
        self.filter_caption.setBuddy(self.campaign_filter)
        self.versions_model = VersionsModel(self._words, self)
        self.versions = table_view(self, "scriptVersions", self.versions_model, 1)
        self.versions.setColumnHidden(0, True)  # the campaign is in the filter and tooltip
        self.new_button = QPushButton(self)
        self.draft = draft = DraftPane(self._runner, self._service, self)
        top = splitter(Qt.Orientation.Horizontal, [
            column(QWidget(self), self.filter_caption, self.campaign_filter,
                   (self.versions, 1), self.new_button),
            draft.steps_column, draft.workbench], [265, 285, 850])
        body = splitter(Qt.Orientation.Vertical, [top, draft.problems_column], [740, 90])
        self.writer = writer = DraftWriter(self._runner, self._service, draft, self)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(writer)
        # The parts of the draft and its foot the window's keys and its users reach.
        self.heading, self.name, self.tabs, self.form = (draft.heading, draft.name,
                                                         draft.tabs, draft.form)
        self.funnel, self.preview = draft.funnel, draft.preview
        steps = draft.step_list
        self.steps, self.steps_model, self.add_step = steps.steps, steps.steps_model, steps.add_step
        self.problems, self.problems_model = draft.problems, draft.problems_model
        self.banner, self.state, self.note = writer.banner, writer.state, writer.note
        self.edit_button, self.save_button, self.publish_button = (
            writer.edit_button, writer.save_button, writer.publish_button)

    def _connect(self) -> None:
        draft, writer, steps = self.draft, self.writer, self.draft.step_list
        self.campaign_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.versions.activated.connect(self._version_chosen)
        self.versions.clicked.connect(self._version_chosen)
        self.new_button.clicked.connect(self.new_script)
        draft.changed.connect(lambda: self._show_state())
        draft.checked.connect(self.checked)
        draft.read_failed.connect(writer.show_error)
        writer.arrived.connect(self._show)
        writer.versions_changed.connect(self.reload)
        writer.saved.connect(self.saved)
        writer.published.connect(self.published)
        writer.failed.connect(self.failed)
        writer.buttons.rejected.connect(self.reject)
        window = Qt.ShortcutContext.WindowShortcut
        for key, slot in (
                ("Ctrl+N", self.new_script), ("Ctrl+S", writer.save),
                ("Ctrl+Shift+Return", writer.publish), ("Ctrl+Shift+Enter", writer.publish),
                ("Ctrl+E", writer.edit_as_draft), ("F5", self.reload),
                ("Ctrl+Shift+N", steps.add_new_step), ("Ctrl+Shift+T", steps.set_start),
                ("Ctrl+Shift+O", steps.toggle_objection), ("Ctrl+Shift+A", draft.add_answer),
                ("Ctrl+1", self.versions.setFocus), ("Ctrl+2", self.steps.setFocus),
                ("Ctrl+3", lambda: draft.to_form("title")), ("Ctrl+4", self.problems.setFocus),
                ("Ctrl+5", self.preview.text.setFocus)):
            shortcut(self, key, slot, window)

    # ------------------------------------------------------------------ versions
    def reload(self) -> None:
        """Read the campaigns and versions again (F5); an older answer is dropped."""
        self._list_request += 1
        request = self._list_request
        campaign_id = self.campaign_filter.currentData()
        service = self._service

        def shown(result: tuple[list[ScriptCampaign], list[Any]]) -> None:
            if request != self._list_request:
                return
            campaigns, versions = result
            self._campaigns = {c.id: c for c in campaigns}
            self.draft.set_campaigns(self._campaigns)
            if self.campaign_filter.count() != len(campaigns) + 1:
                self.campaign_filter.blockSignals(True)
                self.campaign_filter.clear()
                self.campaign_filter.addItem(self.tr("All campaigns"), None)
                for campaign in campaigns:
                    self.campaign_filter.addItem(self._words.campaign(campaign), campaign.id)
                self.campaign_filter.setCurrentIndex(
                    max(0, self.campaign_filter.findData(campaign_id)))
                self.campaign_filter.blockSignals(False)
            order = {c.id: c.code for c in campaigns}
            rows = sorted((VersionRow(v, self._campaigns.get(v.campaign_id)) for v in versions),
                          key=lambda r: (order.get(r.version.campaign_id, ""),
                                         r.version.direction.value, -r.version.number))
            self.versions_model.set_rows(rows)
            self._select_version()
            self.listed.emit()

        self._runner.run(lambda: (service.campaigns(), service.versions(campaign_id)), shown,
                         self.writer.show_error, owner=self)

    def _select_version(self) -> None:
        stored = self.draft.stored
        select_row(self.versions, self.versions_model.row_of(
            stored.version.id if stored else None), 1)

    def _version_chosen(self, index: QModelIndex) -> None:
        row: VersionRow = index.data(ROW_ROLE)
        stored = self.draft.stored
        if stored is None or row.version.id != stored.version.id:
            self.open_version(row.version.id)

    def open_version(self, script_id: uuid.UUID) -> None:
        """Open a version (after a warning if unsaved changes would be lost)."""
        service = self._service
        self._leave_then(lambda: self._runner.run(
            lambda: service.load(script_id), self._show, self.writer.show_error, owner=self))

    def _show(self, stored: StoredScript) -> None:
        self.draft.show_draft(stored)
        self.writer.show_version(stored)
        self._select_version()
        self.draft.load_context()
        self.draft.check()
        self._show_state()
        self.opened.emit(stored)

    def new_script(self) -> None:
        """Start a script for a campaign and direction (Ctrl+N)."""
        if self.writer.busy or not self._campaigns:
            return
        self._leave_then(lambda: self.writer.ask_new_script(
            sorted(self._campaigns.values(), key=lambda c: c.code)))

    # ------------------------------------------------------------------ state
    def is_dirty(self) -> bool:
        """True when the draft holds changes that are not saved."""
        return self.draft.is_dirty()

    def _show_state(self, text: str = "") -> None:
        self.draft.show_heading()
        self.writer.show_state(text)
        self.draft.update_actions()

    # ------------------------------------------------------------------ leaving
    def _leave_then(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or after the author agrees to drop unsaved changes."""
        if self.writer.busy or self._asking:
            return
        if not self.is_dirty():
            action()
            return
        self._asking = True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This draft has changes that are not saved. Discard them?"),
                          QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("discardBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            self._asking = False
            if box.standardButton(button) == QMessageBox.StandardButton.Discard:
                action()
            else:
                self._select_version()

        box.buttonClicked.connect(answered)
        box.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Keep Enter for the lists and fields: it never presses a button of a message box."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Close (Escape), after a warning if changes would be lost; never mid-save."""
        if self._leaving or not self.is_dirty():
            if not self.writer.busy:
                super().reject()
            return
        self._leave_then(self._leave)

    def _leave(self) -> None:
        self._leaving = True
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing the window is like Close: unsaved changes are not lost silently."""
        if self._leaving or not (self.is_dirty() or self.writer.busy):
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Call scripts"))
        self.filter_caption.setText(self.tr("&Filter by campaign"))
        for index in range(self.campaign_filter.count()):
            campaign = self._campaigns.get(self.campaign_filter.itemData(index))
            self.campaign_filter.setItemText(index, self._words.campaign(campaign) if campaign
                                             else self.tr("All campaigns"))
        self.new_button.setText(self.tr("New script…"))
        self.new_button.setToolTip(self.tr("Start a script for a campaign (Ctrl+N)"))
        self.versions_model.retranslate()
        self.draft.retranslate_ui()
        self._show_state(self.state.text() if not self.is_dirty() else "")
