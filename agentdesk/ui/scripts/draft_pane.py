"""The script editor's draft: its steps, step form, values, live preview and problems."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QTabWidget, QWidget

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.script_versions import StoredScript
from agentdesk.domain.script_walk import ScriptWalk
from agentdesk.domain.scripts import (
    Script,
    ScriptAction,
    ScriptContext,
    check_script,
    script_from_data,
    script_to_data,
)
from agentdesk.services.scripts import MAX_NAME, ScriptCampaign
from agentdesk.ui.knowledge.article_form import ERROR_STYLE
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.models.rows import ROW_ROLE
from agentdesk.ui.models.script_steps import ScriptIssue, preview_script, problems_model
from agentdesk.ui.scripts.editor_parts import column, splitter
from agentdesk.ui.scripts.editor_words import EditorWords, fill
from agentdesk.ui.scripts.funnel import FunnelView
from agentdesk.ui.scripts.panel import ScriptPanel
from agentdesk.ui.scripts.step_form import StepForm
from agentdesk.ui.scripts.step_list import StepList
from agentdesk.ui.scripts.values_editor import ValuesEditor
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.scripts import ScriptService

CHECK_DELAY_MS = 300
SAMPLE_VALUES = {"customer.name": "王小明", "customer.city": "北京"}


class DraftPane(QObject):
    """The version in the editor: its name and steps, checked as they are typed.

    The draft is kept as plain data and rebuilt as a script after every edit; its problems
    are listed a moment after typing stops, and the preview walks it with sample values.
    A published version is shown read-only. The widgets are children of ``parent``, which
    lays out :attr:`steps_column`, :attr:`workbench` (the tabs and the preview) and
    :attr:`problems_column`.

    Args:
        runner: Background task runner.
        service: The scripts of a script developer or supervisor.
        parent: The editor the draft is shown in.

    Signals:
        changed(): the draft or its name was edited.
        checked(): the problems list was brought up to date.
        read_failed(object): the KnownError that stopped reading a campaign's context.
    """

    changed = Signal()
    checked = Signal()
    read_failed = Signal(object)

    def __init__(self, runner: TaskRunner, service: ScriptService, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._service = service
        self._words = EditorWords(self)
        self._campaigns: Mapping[uuid.UUID, ScriptCampaign] = {}
        self._contexts: dict[uuid.UUID, tuple[ScriptContext, dict[str, str]]] = {}
        self._stored: StoredScript | None = None
        self._base_version = 0
        self._data: dict[str, Any] = {"steps": {}}
        self._clean: dict[str, Any] = {"steps": {}}
        self._clean_name = ""
        self._script: Script | None = None
        self._issues: list[ScriptIssue] = []
        self._busy = False
        self._frozen = False
        self._build(parent)
        self._connect()

    def _build(self, host: QWidget) -> None:
        self.heading = QLabel(host)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.name_caption, self.name = QLabel(host), QLineEdit(host)
        self.name.setMaxLength(MAX_NAME)
        self.step_list = StepList(host)
        self.form = StepForm(host)
        self.values = ValuesEditor(host)
        self.funnel = FunnelView(self._runner, self._service, host)
        self.tabs = QTabWidget(host)
        for page in (self.form, self.values, self.funnel):
            self.tabs.addTab(page, "")
        self.preview_box = QWidget(host)  # the host of the preview's number keys
        self.preview_caption = QLabel(host)
        self.preview = ScriptPanel(self.preview_box, self.preview_box)
        for key in self.preview.key_actions:  # digits answer only with the focus in it
            key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.preview.set_action_text(self._describe)
        self.preview.set_enabled_walk(True)
        self.problems_caption = QLabel(host)
        self.problems_model = problems_model(self)
        self.problems = QListView(host)
        self.problems.setObjectName("scriptProblems")
        self.problems.setModel(self.problems_model)
        self.problems.setStyleSheet(f"QListView {{ {ERROR_STYLE} }}")
        for caption, buddy in ((self.name_caption, self.name),
                               (self.preview_caption, self.preview.text),
                               (self.problems_caption, self.problems)):
            caption.setBuddy(buddy)
        self.workbench = splitter(Qt.Orientation.Horizontal, [
            self.tabs, column(self.preview_box, self.preview_caption, (self.preview, 1))],
            [440, 420])
        self.steps_column = column(QWidget(host), self.heading, self.name_caption, self.name,
                                   (self.step_list, 1))
        self.problems_column = column(QWidget(host), self.problems_caption, (self.problems, 1))
        for named_widget, name in ((self.heading, "scriptHeading"), (self.name, "scriptName"),
                                   (self.tabs, "scriptTabs"),
                                   (self.preview_box, "scriptPreview")):
            named_widget.setObjectName(name)

    def _connect(self) -> None:
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        steps = self.step_list
        steps.current_changed.connect(self._step_chosen)
        steps.steps_changed.connect(self._steps_changed)
        steps.edited.connect(self._edited)
        steps.added.connect(lambda: self.to_form("title"))
        self.problems.activated.connect(self._problem_chosen)
        self.form.changed.connect(self._edited)
        self.values.changed.connect(self._edited)
        self.name.textEdited.connect(lambda _: self.changed.emit())
        self.preview.moved.connect(lambda: self.preview.set_note(""))
        self.preview.action_triggered.connect(lambda action: self.preview.set_note(fill(
            self.tr("In a call: %1"), self._describe(action))))

    # ------------------------------------------------------------------ the draft
    @property
    def stored(self) -> StoredScript | None:
        """The version on screen, as last read or saved (None before one is opened)."""
        return self._stored

    @property
    def base_version(self) -> int:
        """The row version a save is based on: a newer one in the database is a conflict."""
        return self._base_version

    @property
    def data(self) -> dict[str, Any]:
        """The draft as plain data, edited in place."""
        return self._data

    @property
    def script(self) -> Script | None:
        """The draft rebuilt as a script at the last check; None when it does not load."""
        return self._script

    @property
    def issues(self) -> list[ScriptIssue]:
        """The problems listed at the last check (or given by a refused publish)."""
        return self._issues

    def set_campaigns(self, campaigns: Mapping[uuid.UUID, ScriptCampaign]) -> None:
        """Name the versions' campaigns and their dispositions from ``campaigns``."""
        self._campaigns = campaigns

    def set_busy(self, on: bool, *, frozen: bool = False) -> None:
        """Keep the draft as it is while it is being written.

        Args:
            on: A write runs: the steps cannot be added, removed or marked.
            frozen: Nothing can be typed either, because the write puts another version
                on screen (a publish), which would drop what was typed meanwhile.
        """
        self._busy = on
        self._frozen = on and frozen
        self._show_read_only()
        self.update_actions()

    def editable(self) -> bool:
        """True when the version on screen is a draft that is not being written."""
        return self._stored is not None and self._stored.version.draft and not self._busy

    def read_only(self) -> bool:
        """True when nothing can be typed: a published version, or a frozen write runs."""
        return self._frozen or self._stored is None or not self._stored.version.draft

    def _show_read_only(self) -> None:
        read_only = self.read_only()
        self.form.set_read_only(read_only)
        self.values.set_read_only(read_only)
        self.name.setReadOnly(read_only)

    def is_dirty(self) -> bool:
        """True when the draft holds changes that are not saved."""
        return self._stored is not None and (
            self._data != self._clean or self.name.text() != self._clean_name)

    def show_draft(self, stored: StoredScript) -> None:
        """Put ``stored`` on screen at its start step; a published version read-only."""
        self._stored = stored
        self._base_version = stored.version.row_version
        self._data = script_to_data(stored.script)
        self._clean = copy.deepcopy(self._data)
        self._clean_name = stored.version.name
        self.name.setText(stored.version.name)
        self.form.set_draft(self._data, self._campaigns.get(stored.version.campaign_id))
        self.values.set_draft(self._data)
        self._show_read_only()
        self.funnel.set_version(stored.version.id, stored.script)
        self.step_list.set_draft(self._data)
        self._step_chosen()

    def mark_saved(self, stored: StoredScript, data: dict[str, Any], name: str) -> None:
        """Note that ``data`` and ``name`` were saved as ``stored``; later edits stay unsaved."""
        self._stored = stored
        self._base_version = stored.version.row_version
        self._clean, self._clean_name = data, name

    def rebase(self, theirs: StoredScript) -> None:
        """Base the next save on ``theirs``: saving then replaces it deliberately."""
        if self._stored is not None and self._stored.version.id == theirs.version.id:
            self._base_version = theirs.version.row_version

    def show_heading(self) -> None:
        """Say which version is on screen: campaign, direction, number and state."""
        stored = self._stored
        if stored is None:
            self.heading.setText(self.tr("Open a version, or start a new script (Ctrl+N)."))
            return
        version = stored.version
        self.heading.setText(" · ".join((
            self._words.campaign(self._campaigns.get(version.campaign_id)),
            self._words.direction(version.direction), self._words.number(version.number),
            self._words.state(version))))

    def load_context(self, *, again: bool = False) -> None:
        """Read what the draft's campaign offers scripts, and its sample values, once."""
        if self._stored is None:
            return
        campaign_id = self._stored.version.campaign_id
        if campaign_id in self._contexts and not again:
            return
        service, language = self._service, ui_language()

        def known(found: tuple[ScriptContext, dict[str, str]]) -> None:
            self._contexts[campaign_id] = found
            if self._stored is not None and self._stored.version.campaign_id == campaign_id:
                self.check()

        self._runner.run(lambda: (service.context(campaign_id),
                                  service.call_values(campaign_id, None, language)),
                         known, self.read_failed.emit, owner=self)

    # ------------------------------------------------------------------ steps
    def _step_chosen(self) -> None:
        step_id = self.step_list.current_step()
        if step_id != self.form.current_step:
            self.form.show_step(step_id)
        self._update_preview()
        self.update_actions()

    def _steps_changed(self) -> None:
        shown = self.form.current_step
        if shown is not None and shown not in (self._data.get("steps") or {}):
            self.form.show_step(None)  # it was removed
        self.form.refresh_targets()

    def update_actions(self) -> None:
        """Let the steps be changed only while the draft is editable."""
        self.step_list.set_editable(self.editable())

    def add_answer(self) -> None:
        """Add an answer to the current step (Ctrl+Shift+A)."""
        if self.editable() and self.step_list.current_step() is not None:
            self.tabs.setCurrentWidget(self.form)
            self.form.answers_editor.add()

    def to_form(self, field: str) -> None:
        """Show the step form with the cursor in ``field`` (``title``, ``text``...)."""
        self.tabs.setCurrentWidget(self.form)
        self.form.focus_field(field)

    def _problem_chosen(self, index: QModelIndex) -> None:
        issue: ScriptIssue = index.data(ROW_ROLE)
        if issue.step:
            self.step_list.select(issue.step)
        if issue.field == "values":
            self.tabs.setCurrentWidget(self.values)
            self.values.table.setFocus()
        elif issue.step and issue.field:
            self.to_form(issue.field)
        else:
            self.step_list.steps.setFocus()

    # ------------------------------------------------------------------ checking
    def _edited(self) -> None:
        self.step_list.steps_model.refresh()
        self.changed.emit()
        self._check_timer.start()

    def check_now(self) -> None:
        """Check the draft at once if an edit is waiting to be checked."""
        if self._check_timer.isActive():
            self.check()

    def check(self) -> None:
        """Rebuild the script from the data and list every problem (translated)."""
        self._check_timer.stop()
        data = self._data
        issues: list[ScriptIssue] = []
        self._script = None
        if self._stored is not None:
            try:
                self._script = script_from_data(data)
            except ValidationError as error:
                issues = [self._words.path_issue(path, code, data)
                          for path, code in error.problems.items()]
            else:
                context = self._contexts.get(self._stored.version.campaign_id,
                                             (ScriptContext(), {}))[0]
                issues = [self._words.issue(p, data) for p in check_script(self._script,
                                                                          context)]
        self.set_issues(issues)
        self._update_preview()
        self.checked.emit()

    def set_issues(self, issues: list[ScriptIssue]) -> None:
        """List ``issues`` and mark their steps."""
        self._issues = issues
        self.problems_model.set_rows(issues)
        self._caption_problems()
        by_step: dict[str, list[str]] = {}
        for issue in issues:
            by_step.setdefault(issue.step, []).append(issue.text)
        self.step_list.steps_model.set_problems(by_step)
        self.update_actions()

    def _caption_problems(self) -> None:
        if self._stored is None or not self._stored.version.draft:
            text = self.tr("Pro&blems")
        elif self._issues:
            text = fill(self.tr("Pro&blems to fix before publishing: %1"),
                        str(len(self._issues)))
        else:
            text = self.tr("Pro&blems: none, the draft can be published")
        self.problems_caption.setText(text)

    def _sample_values(self) -> dict[str, str]:
        stored = self._stored
        found = self._contexts.get(stored.version.campaign_id) if stored else None
        return {**SAMPLE_VALUES, **(found[1] if found else {})}

    def _update_preview(self) -> None:
        step_id = self.step_list.current_step()
        script = preview_script(self._data, step_id) if step_id is not None else None
        self.preview.show_walk(ScriptWalk(script) if script is not None else None,
                               self._sample_values())

    def _describe(self, action: ScriptAction) -> str:
        stored = self._stored
        campaign = self._campaigns.get(stored.version.campaign_id) if stored else None
        return self._words.action(action, campaign)

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        """Set every text in the current language; the problems are worded again."""
        self.name_caption.setText(self.tr("Na&me"))
        self.tabs.setTabText(0, self.tr("Step"))
        self.tabs.setTabText(1, self.tr("Script values"))
        self.tabs.setTabText(2, self.tr("Funnel"))
        self.preview_caption.setText(self.tr("Previe&w — click the answers to walk"))
        self._caption_problems()
        self.problems_model.retranslate()
        if self._stored is not None:
            self.check()
