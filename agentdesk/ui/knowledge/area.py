"""Puts the knowledge base into the main window: the dock, the Knowledge menu and its keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMainWindow, QMenu, QWidget

from agentdesk.ui.knowledge.ask_dialog import AskDialog
from agentdesk.ui.knowledge.panel import KnowledgePanel

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from agentdesk.domain.knowledge import Question
    from agentdesk.domain.people import User
    from agentdesk.services.knowledge import KnowledgeService
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.actions import ConsoleActions
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.tasks import TaskRunner

STATUS_MS = 6000
DOCK_WIDTH = 440  # room to read an article beside the call panel


class _OwnKeys(QObject):
    """Keeps the knowledge keys working while a text field has the focus.

    On Linux desktops a line edit claims Ctrl+K ("delete to the end of the line") before
    any shortcut sees it; the console's own keys must win everywhere in its window.
    """

    def __init__(self, window: QMainWindow, actions: list[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Refuse a text field's claim on one of the knowledge keys."""
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget) \
                or watched.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions:
            if action.isEnabled() and not action.shortcut().isEmpty() \
                    and action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                event.ignore()  # not claimed: the shortcut fires
                return True
        return False


class KnowledgeArea(QObject):
    """Builds the knowledge dock into ``window`` and runs its actions.

    Attributes:
        panel: Search, results and the article (the dock's widget).
        dock: The dock on the right, hidden until first asked for.
        service: The knowledge base of the signed-in user, if any.
    """

    def __init__(self, window: QMainWindow, actions: ConsoleActions, runner: TaskRunner,
                 calls: CallArea) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._runner = runner
        self._calls = calls
        self._dialogs: dict[str, QDialog] = {}
        self.service: KnowledgeService | None = None
        self.panel = KnowledgePanel(runner, window)
        self.panel.message.connect(self._status)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("knowledgeDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock,
                             Qt.Orientation.Horizontal)
        window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.dock.hide()  # until Ctrl+K (or the View menu) asks for it; the layout keeps it
        keys = _OwnKeys(window, [actions.kb_search, actions.kb_copy_answer, actions.kb_ask])
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(keys)
        actions.kb_search.triggered.connect(self.focus_search)
        actions.kb_copy_answer.triggered.connect(self.copy_answer)
        actions.kb_ask.triggered.connect(self.ask)
        actions.kb_my_questions.triggered.connect(self.show_my_questions)
        actions.kb_question_queue.triggered.connect(self.show_question_queue)
        actions.kb_articles.triggered.connect(self.show_articles)
        self._update_actions()

    def fill_menu(self, menu: QMenu) -> None:
        """Put the knowledge actions into the Knowledge menu."""
        a = self._actions
        for action in (a.kb_search, a.kb_copy_answer):
            menu.addAction(action)
        menu.addSeparator()
        for action in (a.kb_ask, a.kb_my_questions):
            menu.addAction(action)
        menu.addSeparator()
        for action in (a.kb_question_queue, a.kb_articles):
            menu.addAction(action)

    # ------------------------------------------------------------------ session
    def start(self, workspace: Workspace, user: User) -> None:
        """Search and read as ``user``."""
        self.service = workspace.knowledge_for(user)
        self.panel.set_service(self.service)
        self._update_actions()

    def stop(self) -> None:
        """Sign-out: clear the panel and close the dialogs working for the old user."""
        self.service = None
        self.panel.set_service(None)
        for dialog in list(self._dialogs.values()):
            if shiboken6.isValid(dialog):
                dialog.close()
        self._dialogs.clear()
        self._update_actions()

    def _update_actions(self) -> None:
        a = self._actions
        signed_in = self.service is not None
        for action in (a.kb_search, a.kb_copy_answer, a.kb_ask, a.kb_my_questions):
            action.setEnabled(signed_in)
        author = bool(self.service and self.service.can_author)
        for action in (a.kb_question_queue, a.kb_articles):
            action.setEnabled(author)
            action.setVisible(author)

    # ------------------------------------------------------------------ agent actions
    def focus_search(self) -> None:
        """Ctrl+K: show the dock and put the cursor in the search line, text selected."""
        came_from = QApplication.focusWidget()
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_search(came_from)

    def open_article(self, slug: str) -> None:
        """Show the article with ``slug`` (a script step, a link), in the UI language."""
        if self.service is None:
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.open_slug(slug)

    def copy_answer(self) -> None:
        """Put the selected text, the answer or the first paragraph into the call notes.

        Without a call (live or in wrap-up) the text goes to the clipboard instead.
        """
        text = self.panel.article.answer_text()
        if not text:
            self._status(self.tr("Open an article first: Ctrl+K searches."))
            return
        if self._calls.add_to_notes(text):
            self._status(self.tr("Added to the call notes."))
            return
        clipboard = QApplication.clipboard()
        clipboard.setText(text)
        self._status(self.tr("No call in progress: the text was copied to the clipboard."))

    def ask(self) -> None:
        """Ctrl+Shift+Q: ask the trainers, starting from the search text."""
        service = self.service
        if service is None:
            return
        dialog = AskDialog(lambda text: service.ask(text), self._runner,
                           self.panel.field.text(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sent.connect(self._asked)
        self._dialogs["ask"] = dialog
        dialog.open()
        dialog.question.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _asked(self, _question: Question) -> None:
        self._status(self.tr("Question sent to the trainers. Their answer will appear under "
                             "Knowledge › My questions."))

    def show_my_questions(self) -> None:
        """Show the agent's questions and what became of them."""
        from agentdesk.ui.knowledge.questions import MyQuestionsDialog  # first use only

        service = self.service
        if service is not None:
            self._show("my_questions", lambda: MyQuestionsDialog(service, self._runner,
                                                                 self._window))

    def show_question_queue(self) -> None:
        """Trainers: show the questions waiting for an answer."""
        from agentdesk.ui.knowledge.questions import QuestionQueueDialog  # first use only

        service = self.service
        if service is not None and service.can_author:
            self._show("question_queue", lambda: QuestionQueueDialog(service, self._runner,
                                                                     self._window))

    def show_articles(self) -> None:
        """Trainers: show the article list and editor."""
        from agentdesk.ui.knowledge.editor import ArticleEditorDialog  # first use only

        service = self.service
        if service is not None and service.can_author:
            self._show("articles", lambda: ArticleEditorDialog(service, self._runner,
                                                               self._window))

    def _show(self, name: str, make: Callable[[], QDialog]) -> None:
        dialog = self._dialogs.get(name)
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = make()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._dialogs[name] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    def retranslate_ui(self) -> None:
        """Set the dock title in the current language."""
        self.dock.setWindowTitle(self.tr("Knowledge base"))
