"""The knowledge panel: a search line that searches as the agent types, results, the article."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError, NotFoundError
from agentdesk.ui.knowledge.article_view import ArticleView, ui_language
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.kb_results import KbResultDelegate, KbResultsModel

if TYPE_CHECKING:
    from agentdesk.domain import knowledge as kb
    from agentdesk.services.knowledge import KnowledgeService
    from agentdesk.ui.tasks import TaskRunner

DEBOUNCE_MS = 120
MAX_TYPED = 500  # the service reads 200 characters; a huge paste is cut here already
QUOTE_CHARS = 40
PLACEHOLDER_ALPHA = 140


class ResultsView(QListView):
    """A list of results that says what it is for while it is empty.

    Attributes:
        placeholder: The text shown while there is no result.
    """

    placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Draw the placeholder over an empty list."""
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            colour = self.palette().color(QPalette.ColorRole.Text)
            colour.setAlpha(PLACEHOLDER_ALPHA)
            painter.setPen(colour)
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.placeholder)
            painter.end()


class KnowledgePanel(QWidget):
    """Searches the knowledge base as the agent types and shows the chosen article.

    Only the answer to the latest query is shown: an older search that finishes late is
    dropped. Up/Down in the search line move through the results, Enter opens the
    selected one (or the first), Esc goes back to where the agent was before Ctrl+K.

    Signals:
        results_shown(int): the results of the latest query are on screen (how many).
        article_shown(object): an :class:`~agentdesk.domain.knowledge.ArticleView` is
            now on screen.
        message(str): something to tell the agent in the status bar.
    """

    results_shown = Signal(int)
    article_shown = Signal(object)
    message = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        self._runner = runner
        self._messages = Messages(self)
        self._service: KnowledgeService | None = None
        self._generation = 0
        self._opening = 0
        self._searching = False
        self._open_first = False
        self._searched = ""
        self._return_to: QWidget | None = None

        self.field = QLineEdit(self)
        self.field.setObjectName("kbSearchField")
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(MAX_TYPED)
        self.field.installEventFilter(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("kbSearchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = KbResultsModel(self)
        self.results = ResultsView(self)
        self.results.setObjectName("kbResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(KbResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results.installEventFilter(self)
        self.article = ArticleView(self)
        self.article.article_link.connect(self.open_slug)
        self.article.translation_requested.connect(self.open_article)
        self.article.body.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_search)
        self.field.textChanged.connect(self._typed)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addWidget(self.field)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.results, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("knowledgeSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.article)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.retranslate_ui()
        self.set_service(None)

    # ------------------------------------------------------------------ session
    def set_service(self, service: KnowledgeService | None) -> None:
        """Work as the signed-in user (None after sign-out clears the panel)."""
        self._service = service
        self._generation += 1
        self._opening += 1
        self._timer.stop()
        self._searching = False
        self.field.clear()
        self.model.set_hits([])
        self.summary.clear()
        self.article.show_article(None)
        self.setEnabled(service is not None)

    # ------------------------------------------------------------------ searching
    def focus_search(self, return_to: QWidget | None = None) -> None:
        """Put the cursor in the search line with its text selected.

        Args:
            return_to: Where Esc takes the agent back to.
        """
        if return_to is not None and not self.isAncestorOf(return_to):
            self._return_to = return_to
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_now(self, text: str) -> None:
        """Search for ``text`` at once."""
        self.field.setText(text)
        self._timer.stop()
        self._start_search()

    def _typed(self, _text: str) -> None:
        self._open_first = False
        if not self.field.text().strip():
            self._timer.stop()
            self._generation += 1  # a search still running must not fill the list
            self._searching = False
            self._searched = ""
            self.model.set_hits([])
            self.summary.clear()
            return
        self._timer.start()

    def _start_search(self) -> None:
        service = self._service
        text = self.field.text()
        if service is None or not text.strip():
            return
        self._generation += 1
        generation = self._generation

        def show(hits: list[kb.SearchHit]) -> None:
            if generation != self._generation:
                return  # an older search finished after a newer one started
            self._searching = False
            self._searched = text
            self.model.set_hits(hits)
            if hits:
                self.results.setCurrentIndex(self.model.index(0))
            self._show_summary()
            self.results_shown.emit(len(hits))
            if self._open_first and hits:
                self._open_first = False
                self.open_row(0)

        def failed(error: KnownError) -> None:
            if generation != self._generation:
                return
            self._searching = False
            self._searched = ""
            self.model.set_hits([])  # old results must not stand under the new text
            self.summary.setText(self._messages.error(error))
            self.results_shown.emit(0)

        self._searching = True
        self._runner.run(lambda: service.search(text), show, failed, owner=self)

    def _show_summary(self) -> None:
        count = self.model.rowCount()
        query = " ".join(self._searched.split())
        if not query:
            self.summary.clear()
        elif count == 0:
            if len(query) > QUOTE_CHARS:
                query = query[:QUOTE_CHARS] + "…"
            self.summary.setText(self.tr("No articles match “%1”.").replace("%1", query))
        else:
            self.summary.setText(self.tr("%n article(s)", "", count))

    def _enter(self) -> None:
        # Results on screen may belong to an older text: never open one of those.
        if self._timer.isActive() or self._searching:
            self._timer.stop()
            self._open_first = True
            if not self._searching:
                self._start_search()
            return
        if self.model.rowCount():
            self.open_row(max(self.results.currentIndex().row(), 0))

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.results.currentIndex().row() + step, 0), rows - 1)
            self.results.setCurrentIndex(self.model.index(row))

    def _escape(self) -> None:
        target = self._return_to
        self._return_to = None
        if target is not None and shiboken6.isValid(target) and target.isVisible() \
                and target.isEnabled():
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.field.text():
            self.field.clear()

    # ------------------------------------------------------------------ articles
    def open_row(self, row: int) -> None:
        """Open the article of the result at ``row``."""
        if 0 <= row < self.model.rowCount():
            self.open_article(self.model.hit_at(row).article_id)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_article(self, article_id: uuid.UUID) -> None:
        """Load and show the article with ``article_id``."""
        service = self._service
        if service is not None:
            self._load(lambda: service.article(article_id))

    def open_slug(self, slug: str) -> None:
        """Load and show the article with ``slug``, in the UI language when translated."""
        service = self._service
        if service is not None:
            language = ui_language()
            self._load(lambda: service.article_by_slug(slug, language))

    def _load(self, read: Callable[[], kb.ArticleView]) -> None:
        self._opening += 1
        opening = self._opening

        def show(view: kb.ArticleView) -> None:
            if opening == self._opening:
                self.article.show_article(view)
                self.article_shown.emit(view)

        def failed(error: KnownError) -> None:
            if opening != self._opening:
                return
            if isinstance(error, NotFoundError):
                self.message.emit(self.tr("That article is not available."))
            else:
                self.message.emit(self._messages.error(error))

        self._runner.run(read, show, failed, owner=self)

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up/Down/Enter/Esc in the search line; Esc in the list or article goes back to it."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.field and plain:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key == Qt.Key.Key_Escape:
                self._escape()
                return True
        elif watched in (self.results, self.article.body) and plain \
                and key == Qt.Key.Key_Escape:
            self.focus_search()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.field.setPlaceholderText(self.tr("Search the knowledge base (Ctrl+K)"))
        self.field.setAccessibleName(self.tr("Search the knowledge base"))
        self.results.setAccessibleName(self.tr("Articles found"))
        self.results.placeholder = self.tr("Articles appear here as you type.")
        self.results.viewport().update()
        self.model.retranslate()
        self._show_summary()
