"""Puts the call script beside the call: it starts with the call and drives its actions."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

from agentdesk.domain.calls import DispositionCategory
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.dialing import contact_time_zone
from agentdesk.domain.errors import KnownError
from agentdesk.domain.script_versions import RequiredStepsMissing, StoredScript
from agentdesk.domain.script_walk import ScriptWalk
from agentdesk.domain.scripts import ActionKind, ScriptAction
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.labels import bilingual
from agentdesk.ui.messages import Messages
from agentdesk.ui.scripts.panel import ScriptPanel

if TYPE_CHECKING:
    from agentdesk.domain.people import User
    from agentdesk.services.dialing_views import DispositionOption
    from agentdesk.services.scripts import ScriptService
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.actions import ConsoleActions
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.calls.live_call import LiveCall
    from agentdesk.ui.knowledge.area import KnowledgeArea
    from agentdesk.ui.tasks import TaskRunner

STATUS_MS = 6000


class ScriptArea(QObject):
    """The script dock: loads the version a call follows and turns answers into actions.

    When a call starts (dialing, or ringing in) the newest published script of its
    campaign and direction is loaded and kept by the call: a version published during the
    call does not change it. Answers' actions: a disposition is selected for wrap-up, a
    callback asks for its time at once, an article opens in the knowledge panel, the order
    form is asked for with ``order_requested``. The path goes with the call's disposition.

    Signals:
        order_requested(object): the script asked for the order form for this
            :class:`LiveCall`.
        script_shown(object): the :class:`StoredScript` a call now follows.
    """

    order_requested = Signal(object)
    script_shown = Signal(object)

    def __init__(self, window: QMainWindow, actions: ConsoleActions, runner: TaskRunner,
                 calls: CallArea, knowledge: KnowledgeArea) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._runner = runner
        self._calls = calls
        self._knowledge = knowledge
        self._messages = Messages(self)
        self.service: ScriptService | None = None
        self._call: LiveCall | None = None
        self._customer: uuid.UUID | None = None
        self._answered = False
        self._values_asked = 0
        self._values: dict[str, str] = {}
        self._extra: dict[str, str] = {}  # values learnt during the call (a saved order's)
        self._editor: QObject | None = None
        self.panel = ScriptPanel(window, window)
        self.panel.set_action_text(self._describe)
        self.panel.action_triggered.connect(self._act)
        self.panel.moved.connect(self._moved)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("scriptDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        c = calls.controller
        c.call_changed.connect(self._call_changed)
        c.wrap_up_started.connect(self._wrapping)
        c.wrap_up_finished.connect(self._finished)
        calls.panel.wrap_up.callback_time_changed.connect(self._callback_time)
        actions.script_focus.triggered.connect(self.focus)
        actions.script_editor.triggered.connect(self.show_editor)
        self._show_nothing()
        self._update_actions()

    def fill_menu(self, menu: QMenu) -> None:
        """Put the script actions into a menu."""
        menu.addAction(self._actions.script_focus)
        menu.addAction(self._actions.script_editor)

    # ------------------------------------------------------------------ session
    def start(self, workspace: Workspace, user: User) -> None:
        """Follow scripts as ``user``."""
        self.service = workspace.scripts_for(user)
        self._update_actions()

    def close_editor(self) -> bool:
        """Close the editor, which asks about unsaved changes; False if the author kept it."""
        editor = self._editor
        if editor is None or not shiboken6.isValid(editor):
            return True
        assert isinstance(editor, QWidget)
        return editor.close() or not editor.isVisible()

    def stop(self) -> None:
        """Sign-out: forget the call; the editor working for the old user goes."""
        self.service = None
        self._call = None
        editor = self._editor
        if editor is not None and shiboken6.isValid(editor):
            assert isinstance(editor, QWidget)
            editor.hide()
            editor.deleteLater()
        self._editor = None
        self._show_nothing()
        self._update_actions()

    def _update_actions(self) -> None:
        a = self._actions
        a.script_focus.setEnabled(self.service is not None)
        author = bool(self.service and self.service.can_author)
        a.script_editor.setEnabled(author)
        a.script_editor.setVisible(author)

    # ------------------------------------------------------------------ the call
    def _call_changed(self, call: LiveCall | None) -> None:
        if call is None:
            if self._calls.controller.wrapping is None:
                self._calls.panel.wrap_up.clear_plan()
                self._show_nothing()
            return
        if call is not self._call:
            self._begin(call)
            return
        if call.customer_id != self._customer:
            self._load_values(call)
        if call.answered and not self._answered:
            self._take_keys(call)

    def _take_keys(self, call: LiveCall) -> None:
        """The customer is on the line: answers may be chosen, and the keys are the script's.

        Answering (F3) or dialing ended whatever the agent typed in the console's search
        or number field, so the focus moves to the script; the call notes and other
        windows (the new-customer form) keep it. While the call rings nothing moves.
        """
        self._answered = True
        if call.walk is None:
            return
        self.panel.set_enabled_walk(True)
        focus = QApplication.focusWidget()
        if focus is None or (focus.window() is self._window
                             and focus is not self._calls.panel.wrap_up.notes):
            self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _begin(self, call: LiveCall) -> None:
        """A new call: load the script its campaign and direction follow."""
        self._call = call
        self._answered = False
        self._customer = call.customer_id
        self._values = {}
        self._extra = {}
        self._calls.panel.wrap_up.clear_plan()
        self.panel.set_note("")
        service, campaign = self.service, call.campaign
        if service is None or campaign is None:
            self._show_nothing(self.tr("No script: the call belongs to no campaign."))
            return
        direction = CampaignDirection(call.direction.value)
        self.panel.show_walk(None, {})
        self.panel.set_empty_text(self.tr("Loading the script…"))
        self._runner.run(lambda: service.for_call(campaign.id, direction),
                         lambda stored: self._loaded(call, stored),
                         lambda error: self._not_loaded(call, error), owner=self)
        self._load_values(call)

    def _loaded(self, call: LiveCall, stored: StoredScript | None) -> None:
        if call is not self._call:
            return  # another call started meanwhile
        if stored is None:
            self._show_nothing(self.tr("No script is published for this campaign."))
            return
        sales = frozenset(o.code for o in call.campaign.dispositions
                          if o.category is DispositionCategory.SALE) if call.campaign else ()
        call.script_id = stored.version.id
        call.walk = ScriptWalk(stored.script, sale_codes=frozenset(sales))
        self.panel.show_walk(call.walk, self._values, title=self._title(stored))
        self.panel.set_enabled_walk(False)  # read while it rings; answered once connected
        self.dock.show()
        if call.answered:
            self._take_keys(call)
        self.script_shown.emit(stored)

    def _not_loaded(self, call: LiveCall, error: KnownError) -> None:
        if call is self._call:
            self.panel.set_empty_text(self.tr("The script could not be loaded; the call goes "
                                              "on without it."))
            self.panel.show_walk(None, {})
        self._failed(error)

    def _title(self, stored: StoredScript) -> str:
        return self.tr("%1 · version %2").replace("%1", stored.version.name).replace(
            "%2", str(stored.version.number))

    def _load_values(self, call: LiveCall) -> None:
        service = self.service
        if service is None:
            return
        self._customer = call.customer_id
        self._values_asked += 1
        asked = self._values_asked
        campaign_id = call.campaign.id if call.campaign else None
        customer_id, language = call.customer_id, ui_language()
        self._runner.run(lambda: service.call_values(campaign_id, customer_id, language),
                         lambda values: self._got_values(call, asked, values),
                         self._failed, owner=self)

    def _got_values(self, call: LiveCall, asked: int, values: dict[str, str]) -> None:
        if call is not self._call or asked != self._values_asked:
            return  # another call, or a later look-up (the customer became known)
        due = self._calls.panel.wrap_up.planned_callback_time()
        self._values = {**values, **self._extra,
                        **({"callback.due": due} if due else {})}
        self.panel.set_values(self._values)

    def add_values(self, values: dict[str, str]) -> None:
        """Show more values in the current call's script (an order's, once it is saved)."""
        if self._call is None:
            return
        self._extra.update(values)
        self._values.update(values)
        self.panel.set_values(self._values)

    def _callback_time(self, text: str) -> None:
        if self._call is None:
            return
        if text:
            self._values["callback.due"] = text
        else:
            self._values.pop("callback.due", None)
        self.panel.set_values(self._values)

    def _wrapping(self, call: LiveCall) -> None:
        if call is self._call and call.walk is not None:
            self.panel.set_note(self.tr("Wrap-up: the script stays open; steps can still be "
                                        "gone through before the disposition is saved."))

    def _finished(self) -> None:
        self._show_nothing()

    def _show_nothing(self, text: str = "") -> None:
        self._call = None
        self._customer = None
        self._values = {}
        self._extra = {}
        self.panel.show_walk(None, {})
        self.panel.set_enabled_walk(False)
        self.panel.set_note("")
        self.panel.set_empty_text(text or self.tr("The script starts with the call."))

    def focus(self) -> None:
        """Ctrl+G: show the script and take the keys 1-9 back from a text field."""
        self.dock.show()
        self.dock.raise_()
        self.panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ actions
    def _option(self, code: str) -> DispositionOption | None:
        call = self._call
        campaign = call.campaign if call is not None else None
        if campaign is None:
            return None
        return next((o for o in campaign.dispositions if o.code == code), None)

    def _callback_option(self) -> DispositionOption | None:
        call = self._call
        campaign = call.campaign if call is not None else None
        if campaign is None:
            return None
        return next((o for o in campaign.dispositions
                     if o.category is DispositionCategory.CALLBACK), None)

    def _describe(self, action: ScriptAction) -> str:
        if action.kind is ActionKind.DISPOSITION:
            option = self._option(action.value)
            label = bilingual(option.label, option.label_en) if option else action.value
            return self.tr("Disposition: %1").replace("%1", label)
        if action.kind is ActionKind.ARTICLE:
            return self.tr("Opens the article")
        if action.kind is ActionKind.CALLBACK:
            return self.tr("Book a callback")
        return self.tr("Order form")

    def _act(self, action: ScriptAction) -> None:
        call = self._call
        if call is None:
            return
        if action.kind is ActionKind.ARTICLE:
            self._knowledge.open_article(action.value)
        elif action.kind is ActionKind.ORDER:
            self.order_requested.emit(call)
        elif action.kind is ActionKind.CALLBACK:
            option = self._callback_option()
            if option is None:
                self._status(self.tr("This campaign has no callback disposition."))
                return
            self._choose(call, option)
            self.panel.set_note(self.tr("Callback: pick the time in the customer's local "
                                        "time (Call panel); it is booked with the "
                                        "disposition."))
        elif action.kind is ActionKind.DISPOSITION:
            option = self._option(action.value)
            if option is None:
                self._status(self.tr("The script names a disposition this campaign does not "
                                     "have: %1").replace("%1", action.value))
                return
            self._choose(call, option)
            label = bilingual(option.label, option.label_en)
            if self._calls.controller.wrapping is call:
                note = self.tr("%1 selected: Ctrl+Enter saves it.")
            else:
                note = self.tr("%1 selected for wrap-up: hang up (F4), then Ctrl+Enter "
                               "saves it.")
            self.panel.set_note(note.replace("%1", label))

    def _moved(self) -> None:
        """Back past the answer that chose the disposition: the choice goes with it."""
        call = self._call
        if call is None or call.walk is None or call.script_disposition is None:
            return
        steps = call.walk.script.steps
        for entry in call.walk.path:
            answers = steps[entry.step].answers if entry.step in steps else ()
            if 0 <= entry.answer < len(answers):
                action = answers[entry.answer].action
                if action is not None and action.kind in (ActionKind.DISPOSITION,
                                                          ActionKind.CALLBACK):
                    return  # a choice is still on the path (it is re-made on the way)
        call.script_disposition = None
        self.panel.set_note("")
        if self._calls.controller.wrapping is not call:
            self._calls.panel.wrap_up.clear_plan()

    def _choose(self, call: LiveCall, option: DispositionOption) -> None:
        call.script_disposition = option
        zone = call.zone or contact_time_zone("", call.e164)
        self._calls.panel.wrap_up.preselect(option, zone)
        self._calls.call_dock.show()

    def explain_refusal(self, error: KnownError) -> str:
        """Name the required steps a refused sale still needs ("" for other errors)."""
        call = self._calls.controller.wrapping
        if not isinstance(error, RequiredStepsMissing) or call is None or call.walk is None:
            return ""
        english = ui_language() == "en"
        steps = call.walk.script.steps
        names = [(steps[s].title_en if english and steps[s].title_en else steps[s].title)
                 if s in steps else s for s in error.steps]
        return self.tr("A sale can only be saved after these script steps: %1. Go through "
                       "them in the script (Ctrl+G), then save again.").replace(
                           "%1", "、".join(names) if not english else ", ".join(names))

    def _failed(self, error: KnownError) -> None:
        self._status(self._messages.error(error))

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    # ------------------------------------------------------------------ editor
    def show_editor(self) -> None:
        """Script developers and supervisors: the script editor."""
        service = self.service
        if service is None or not service.can_author:
            return
        from agentdesk.ui.scripts.editor import ScriptEditor  # first use only

        editor = self._editor
        if editor is None or not shiboken6.isValid(editor):
            editor = ScriptEditor(self._runner, service, self._window)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._editor = editor
            editor.reload()
        assert isinstance(editor, ScriptEditor)
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def retranslate_ui(self) -> None:
        """Set the dock title in the current language; values such as offer names follow."""
        self.dock.setWindowTitle(self.tr("Call script"))
        if self._call is not None:
            self._load_values(self._call)
