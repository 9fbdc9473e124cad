"""The script editor's foot: new drafts, save and publish, and drafts saved meanwhile."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError, StaleRecordError, ValidationError
from agentdesk.domain.script_versions import ScriptNotPublishable, StoredScript
from agentdesk.services.scripts import MAX_NOTE, ScriptCampaign
from agentdesk.ui.knowledge.article_form import ERROR_STYLE, error_label
from agentdesk.ui.messages import Messages
from agentdesk.ui.scripts.draft_pane import DraftPane
from agentdesk.ui.scripts.editor_words import EditorWords, fill
from agentdesk.ui.scripts.new_script import NewScriptDialog
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.scripts import ScriptService


class DraftWriter(QWidget):
    """The change note and the buttons that write the draft, with what they did.

    Every write runs on a worker; while one runs the draft stays as it is (:attr:`busy`).
    Text typed during a save stays on screen, unsaved; a write that puts another version
    on screen (a publish, a new script) keeps the draft read-only until it reports back,
    so nothing typed is dropped. A draft someone else saved meanwhile is never
    overwritten silently: the author reloads theirs or keeps their own, and a failure
    keeps what was typed.

    Args:
        runner: Background task runner.
        service: The scripts of a script developer or supervisor.
        draft: The draft on screen.
        parent: The editor.

    Signals:
        arrived(object): a :class:`StoredScript` to put on screen: one a write made, or
            the draft as someone else saved it.
        saved(object): the :class:`StoredScript` a save wrote.
        published(object): the :class:`StoredScript` published.
        failed(object): the KnownError that stopped a write (already shown).
        versions_changed(): a write changed the version list.
    """

    arrived = Signal(object)
    saved = Signal(object)
    published = Signal(object)
    failed = Signal(object)
    versions_changed = Signal()

    def __init__(self, runner: TaskRunner, service: ScriptService, draft: DraftPane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._service = service
        self._draft = draft
        self._messages = Messages(self)
        self._words = EditorWords(self)
        self._writes = 0  # a publish runs two: the save, then the publish
        self._frozen = False
        self.banner = error_label(self)
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.note_error = error_label(self)
        self.state, self.note_caption, self.note = QLabel(self), QLabel(self), QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        self.note_caption.setBuddy(self.note)
        self.edit_button, self.save_button = QPushButton(self), QPushButton(self)
        self.publish_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.edit_button, self.save_button, self.publish_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not press a button
        row = QHBoxLayout()
        for widget, stretch in ((self.state, 1), (self.note_caption, 0), (self.note, 2),
                                (self.buttons, 0)):
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.note_error)
        layout.addLayout(row)
        for named_widget, name in ((self.banner, "scriptBanner"), (self.state, "scriptState"),
                                   (self.note, "changeNote")):
            named_widget.setObjectName(name)
        for button, slot in ((self.edit_button, self.edit_as_draft),
                             (self.save_button, self.save),
                             (self.publish_button, self.publish)):
            button.clicked.connect(slot)
        draft.checked.connect(self.update_actions)
        self.retranslate_ui()

    @property
    def busy(self) -> bool:
        """True while a write runs."""
        return self._writes > 0

    def show_version(self, stored: StoredScript) -> None:
        """Show the change note of ``stored``, editable for a draft; clear old failures."""
        self.note.setText(stored.version.change_note)
        self.note.setReadOnly(self._draft.read_only())
        self.banner.hide()
        self.note_error.hide()

    def show_state(self, text: str = "") -> None:
        """Say what a write did (``text``), else whether the draft has unsaved changes."""
        if not text and self._draft.is_dirty():
            text = self.tr("Unsaved changes")
        self.state.setText(text)
        self.update_actions()

    def update_actions(self) -> None:
        """Enable the buttons that can write the draft as it is now."""
        stored = self._draft.stored
        editable = self._draft.editable()
        loads = self._draft.script is not None
        issues = self._draft.issues
        self.edit_button.setVisible(stored is not None and not stored.version.draft)
        self.edit_button.setEnabled(not self.busy)
        self.save_button.setEnabled(editable and loads)
        self.publish_button.setEnabled(editable and loads and not issues)
        self.publish_button.setToolTip(
            self.tr("Publish the draft: calls started from now on follow it "
                    "(Ctrl+Shift+Enter)") if not issues
            else self.tr("Fix the problems in the Problems list first"))

    # ------------------------------------------------------------------ writing
    def ask_new_script(self, campaigns: list[ScriptCampaign]) -> None:
        """Ask for the campaign, direction and name of a new script, then start it."""
        dialog = NewScriptDialog(campaigns, self._words, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        service = self._service

        def chosen() -> None:
            campaign, direction, name = dialog.choice()
            self._run(lambda: service.new_script(campaign.id, direction, name), self._written,
                      frozen=True)

        dialog.accepted.connect(chosen)
        dialog.open()

    def edit_as_draft(self) -> None:
        """Copy the published version on screen into its campaign's draft (Ctrl+E)."""
        stored = self._draft.stored
        if stored is None or stored.version.draft or self.busy:
            return
        service, script_id = self._service, stored.version.id
        self._run(lambda: service.edit(script_id), self._written, frozen=True)

    def _written(self, stored: StoredScript) -> None:
        self.arrived.emit(stored)
        self.versions_changed.emit()
        self._draft.to_form("title")

    def save(self) -> None:
        """Save the draft with its change note (Ctrl+S); a failure keeps the input."""
        self._draft.check_now()  # the script must be the one on screen
        if self.save_button.isEnabled():
            self._save(None)

    def publish(self) -> None:
        """Save and publish the draft after a confirmation (Ctrl+Shift+Enter)."""
        self._draft.check_now()
        stored = self._draft.stored
        if stored is None or not self.publish_button.isEnabled():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Publish script"), fill(self.tr(
            "Publish version %1 of “%2”? Calls started from now on follow it; calls in "
            "progress keep the version they started with."), str(stored.version.number),
            self._draft.name.text().strip()), QMessageBox.StandardButton.Cancel, self.window())
        box.setObjectName("publishBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        publish = box.addButton(self.tr("&Publish"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(publish)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._save(self._publish_saved)
                                  if button is publish else None)
        box.open()

    def _save(self, then: Callable[[StoredScript], None] | None) -> None:
        """Save the draft; ``then`` (a publish) keeps it read-only until it reports back."""
        draft = self._draft
        stored, script = draft.stored, draft.script
        if stored is None or script is None or not draft.editable():
            return
        sent, name, note = copy.deepcopy(draft.data), draft.name.text(), self.note.text()
        service, script_id, base = self._service, stored.version.id, draft.base_version
        self.banner.hide()
        self.note_error.hide()
        self.show_state(self.tr("Saving…"))

        def written(result: StoredScript) -> None:
            draft.mark_saved(result, sent, name)  # what was typed meanwhile stays unsaved
            self.show_state(fill(self.tr("Saved as draft version %1."),
                                 str(result.version.number)))
            self.saved.emit(result)
            if then is not None:
                then(result)
            else:
                self.versions_changed.emit()

        self._run(lambda: service.save_draft(script_id, base, name, script, note), written,
                  frozen=then is not None)

    def _publish_saved(self, saved: StoredScript) -> None:
        service, script_id = self._service, saved.version.id
        base = saved.version.row_version
        self.show_state(self.tr("Publishing…"))

        def done(result: StoredScript) -> None:
            self.arrived.emit(result)
            self.show_state(fill(self.tr("Published version %1. Calls started from now on "
                                         "follow it."), str(result.version.number)))
            self.published.emit(result)
            self.versions_changed.emit()

        self._run(lambda: service.publish(script_id, base), done, frozen=True)

    def _run(self, work: Callable[[], StoredScript], done: Callable[[StoredScript], None],
             *, frozen: bool = False) -> None:
        """Run a write; ``frozen`` stops typing until it and the writes it starts are done.

        A write's ``done`` may start the next one (a save, then its publish): the draft
        stays busy until the last of them reports back.
        """
        self._writes += 1
        self._frozen = self._frozen or frozen
        self._show_busy()
        self._runner.run(work, done, self._write_failed, owner=self,
                         finished=self._write_ended)

    def _write_ended(self) -> None:
        self._writes -= 1
        if not self._writes:
            self._frozen = False
        self._show_busy()

    def _show_busy(self) -> None:
        self._draft.set_busy(self.busy, frozen=self._frozen)
        self.note.setReadOnly(self._draft.read_only())
        self.update_actions()

    # ------------------------------------------------------------------ failures
    def _write_failed(self, error: KnownError) -> None:
        self.show_state("")
        stored = self._draft.stored
        if isinstance(error, StaleRecordError) and stored is not None:
            self.show_banner(self.tr("Someone else saved this draft while you were editing "
                                     "it. Your changes are still here."))
            self._offer_reload(stored.version.id)
        elif isinstance(error, ScriptNotPublishable):
            data = self._draft.data
            self._draft.set_issues([self._words.issue(p, data) for p in error.problems])
            self.update_actions()
            self.show_banner(self._messages.error(error))
            if stored is not None:
                self._draft.load_context(again=True)
        elif isinstance(error, ValidationError) and error.problems.get("draft") == "exists":
            self.show_banner(self.tr("This campaign already has a draft for that direction: "
                                     "open it from the list."))
        elif isinstance(error, ValidationError):
            problems = error.problems
            self.show_banner(self._messages.error(error))
            for field, widget in (("name", self._draft.name), ("change_note", self.note)):
                if field in problems:
                    self.note_error.setText(fill(self.tr("%1: %2"), self._field(field),
                                                 self._messages.problem(problems[field])))
                    self.note_error.show()
                    widget.setFocus()
        else:
            self.show_error(error)
        self.failed.emit(error)

    def _field(self, name: str) -> str:
        return self.tr("Name") if name == "name" else self.tr("Change note")

    def _offer_reload(self, script_id: uuid.UUID) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Draft changed"), self.tr(
            "Someone else saved this draft while you were editing it. Reload their version "
            "(your changes are dropped), or keep yours: saving again then replaces theirs."),
            QMessageBox.StandardButton.NoButton, self.window())
        box.setObjectName("staleBox")
        reload = box.addButton(self.tr("&Reload theirs"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep mine"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        service, draft = self._service, self._draft

        def answered(button: object) -> None:
            if button is reload:
                self._runner.run(lambda: service.load(script_id), self.arrived.emit,
                                 self.show_error, owner=self)
            else:  # their version becomes the base: saving again is a deliberate choice
                self._runner.run(lambda: service.load(script_id), draft.rebase,
                                 self.show_error, owner=self)

        box.buttonClicked.connect(answered)
        box.open()

    def show_error(self, error: KnownError) -> None:
        """Show why a read or a write failed, above the buttons."""
        self.show_banner(self._messages.error(error))

    def show_banner(self, text: str) -> None:
        """Show ``text`` in bold red above the buttons."""
        self.banner.setText(text)
        self.banner.show()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.note_caption.setText(self.tr("Change n&ote"))
        self.note.setPlaceholderText(self.tr("What this version changes"))
        self.edit_button.setText(self.tr("&Edit as new draft"))
        self.edit_button.setToolTip(self.tr("Copy this version into the campaign's draft "
                                            "(Ctrl+E)"))
        self.save_button.setText(self.tr("&Save draft"))
        self.save_button.setToolTip(self.tr("Save the draft (Ctrl+S)"))
        self.publish_button.setText(self.tr("&Publish…"))
