"""The trainers' article editor: a searchable list, the form and a live Markdown preview."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError, NotFoundError, StaleRecordError, ValidationError
from agentdesk.domain.knowledge import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleView,
)
from agentdesk.ui.knowledge.article_form import ArticleForm
from agentdesk.ui.knowledge.words import KnowledgeWords
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.articles import ArticlesModel
from agentdesk.ui.models.rows import ROW_ROLE
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.knowledge import KnowledgeService

FILTER_DELAY_MS = 250


def refuse_taken_slug(service: KnowledgeService, draft: ArticleDraft) -> None:
    """Raise ``ValidationError`` (``slug``: ``taken``) if an article has the draft's slug.

    A new article is saved by slug, so without this check it would replace the article
    that already has it. Runs on a worker thread.
    """
    try:
        service.article_by_slug(draft.slug)
    except NotFoundError:
        return
    raise ValidationError({"slug": "taken"})


class ArticleEditorDialog(QDialog):
    """Lists the articles and edits one; saves through the service on a worker thread.

    The version of the article shown is the base of its save: a save over someone else's
    newer one is refused and the trainer chooses to reload theirs or keep their own text.
    After :meth:`prefill` with a ``publish`` callable the dialog writes one new article
    with it instead (an agent's question published as an FAQ) and closes when done.

    Args:
        service: The knowledge base of a trainer.
        runner: Background task runner.
        parent: Parent widget.
        article_id: The article to open first; None starts a new one.

    Signals:
        saved(object): the stored :class:`Article`, or the :class:`ArticleView` a publish
            callable returned.
        failed(object): the KnownError that stopped a save (already shown).
        listed(): the article list was read and is on screen.
        loaded(object): an :class:`Article` was put in the form.
    """

    saved = Signal(object)
    failed = Signal(object)
    listed = Signal()
    loaded = Signal(object)

    def __init__(self, service: KnowledgeService, runner: TaskRunner,
                 parent: QWidget | None = None, article_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._service = service
        self._runner = runner
        self._messages = Messages(self)
        self._words = KnowledgeWords(self)
        self._article_id: uuid.UUID | None = None
        self._base_version: int | None = None
        self._publish: Callable[[ArticleDraft], ArticleView] | None = None
        self._saving = False
        self._leaving = False
        self._list_request = 0
        self._opening: uuid.UUID | None = None
        self._asking = False
        self._build()
        self.retranslate_ui()
        self.new_article()
        self.reload_list()
        if article_id is not None:
            self.open_article(article_id)
        self.resize(1180, 760)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        left = QWidget(self)
        self.filter = QLineEdit(left)
        self.filter.setObjectName("articleFilter")
        self.filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox(left)
        self.status_filter.addItem("", "")
        for status in ArticleStatus:
            self.status_filter.addItem("", status.value)
        self.new_button = QPushButton(left)
        self.model = ArticlesModel(self._words, self)
        self.table = QTableView(left)
        self.table.setObjectName("articleList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.filter)
        left_box.addWidget(self.status_filter)
        left_box.addWidget(self.table, 1)
        left_box.addWidget(self.new_button)
        self.left = left

        self.form = ArticleForm(self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 850])
        splitter.setChildrenCollapsible(False)
        self.state = QLabel(self)
        self.state.setObjectName("articleState")
        self.save_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not press a button
        bottom = QGridLayout()
        bottom.addWidget(self.state, 0, 0)
        bottom.addWidget(self.buttons, 0, 1)
        bottom.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload_list)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.filter.returnPressed.connect(self._to_list)
        self.status_filter.currentIndexChanged.connect(lambda _: self.reload_list())
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        self.new_button.clicked.connect(lambda: self._leave_then(self.new_article))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Shortcuts of their own: a button's text mnemonic (Alt+S) replaces its shortcut.
        # The list's shortcuts are off while publishing, when the list is hidden.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self._list_shortcuts = (
            QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_button.click),
            QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._find),
            QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload_list),
        )

    # ------------------------------------------------------------------ the form
    def draft(self) -> ArticleDraft:
        """Return what the form holds, unvalidated."""
        return self.form.draft()

    def is_dirty(self) -> bool:
        """True when the form holds changes that are not saved."""
        return self.form.draft() != self._clean

    def new_article(self) -> None:
        """Empty the form for a new draft article (Ctrl+N)."""
        self._article_id = None
        self._base_version = None
        self.form.fill(ArticleDraft(slug="", title="", body="", status=ArticleStatus.DRAFT),
                       new=True)
        self._clean = self.draft()
        self.table.clearSelection()
        self._set_state(self.tr("New article"))
        self.form.title.setFocus()

    def prefill(self, draft: ArticleDraft,
                publish: Callable[[ArticleDraft], ArticleView] | None = None) -> None:
        """Start a new article with ``draft``'s content.

        Args:
            draft: The content to start from; an empty slug follows the title.
            publish: Writes the article instead of saving it (runs on a worker thread,
                after the check that the slug is free); the dialog then edits this one
                published article only, and closes once it is written. Without it the
                prefilled text counts as unsaved.
        """
        self.new_article()
        self.form.fill(draft, new=True)
        self._publish = publish
        if publish is not None:
            self.left.hide()
            for shortcut in self._list_shortcuts:
                shortcut.setEnabled(False)
            status = self.form.status
            status.setCurrentIndex(status.findData(ArticleStatus.PUBLISHED.value))
            status.setEnabled(False)
            self._clean = self.draft()
            self.resize(900, self.height())
        self._set_state("")
        self.retranslate_ui()
        self.form.title.setFocus()

    # ------------------------------------------------------------------ the list
    def reload_list(self) -> None:
        """Read the article list again with the filter (F5); stale answers are dropped."""
        self._list_request += 1
        request = self._list_request
        contains = self.filter.text()
        value = self.status_filter.currentData()
        status = ArticleStatus(value) if value else None
        service = self._service

        def shown(articles: list[Article]) -> None:
            if request == self._list_request:
                self.model.set_rows(articles)
                self._select(self._article_id)
                self.listed.emit()

        self._runner.run(lambda: service.list_articles(contains, status), shown,
                         self._show_error, owner=self)

    def _select(self, article_id: uuid.UUID | None) -> None:
        row = self.model.row_of(article_id)
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)

    def _find(self) -> None:
        if self.left.isVisible():
            self.filter.setFocus()
            self.filter.selectAll()

    def _to_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(max(0, self.table.currentIndex().row()))

    def _chosen(self, index: QModelIndex) -> None:
        article: Article = index.data(ROW_ROLE)
        if article.id not in (self._article_id, self._opening):
            self._leave_then(lambda: self.open_article(article.id))

    def open_article(self, article_id: uuid.UUID) -> None:
        """Read an article on a worker thread and put it in the form."""
        self._opening = article_id

        def shown(view: ArticleView) -> None:
            article = view.article
            self._article_id = article.id
            self._base_version = article.version
            self.form.fill(article.draft, new=False)
            self._clean = self.draft()
            self._select(article.id)
            self._set_state("")
            self.loaded.emit(article)

        def finished() -> None:
            self._opening = None

        service = self._service
        self._runner.run(lambda: service.article(article_id), shown, self._show_error,
                         owner=self, finished=finished)

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Validate and store the form on a worker thread (Ctrl+S); errors keep the input."""
        if self._saving:
            return
        draft = self.draft()
        self.form.clear_problems()
        self._saving = True
        self.save_button.setEnabled(False)
        self._set_state(self.tr("Saving…"))
        service, article_id, base = self._service, self._article_id, self._base_version
        publish = self._publish

        def write() -> Article | ArticleView:  # on a worker
            if article_id is None:
                refuse_taken_slug(service, draft)
            if publish is not None:
                return publish(draft)
            return service.save_article(draft, article_id=article_id, base_version=base)

        def finished() -> None:
            self._saving = False
            self.save_button.setEnabled(True)

        self._runner.run(write, lambda result: self._stored(result, draft),
                         self._save_failed, owner=self, finished=finished)

    def _stored(self, result: Article | ArticleView, sent: ArticleDraft) -> None:
        if isinstance(result, ArticleView):
            self._clean = self.draft()
            self.saved.emit(result)
            self.accept()
            return
        self._article_id = result.id
        self._base_version = result.version
        if self.draft() == sent:
            if sent != result.draft:
                self.form.fill(result.draft, new=False)
            self._clean = self.draft()
        else:  # typed while saving: keep it, unsaved against what was stored
            self.form.slug_follows_title = False
            self._clean = result.draft
        self._set_state(self.tr("Saved."))
        self.saved.emit(result)
        self.reload_list()

    def _save_failed(self, error: KnownError) -> None:
        self._set_state("")
        if isinstance(error, ValidationError):
            self._show_error(error)
            self.form.show_problems(error.problems)
        elif isinstance(error, StaleRecordError) and self._article_id is not None:
            self._show_banner(self.tr("Someone else saved this article while you were "
                                      "editing it."))
            self._offer_reload(self._article_id)
        else:
            self._show_error(error)
        self.failed.emit(error)

    def _offer_reload(self, article_id: uuid.UUID) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Article changed"), self.tr(
            "Someone else saved this article while you were editing it. Reload their "
            "version (your changes are dropped), or keep your text: saving again then "
            "replaces theirs."), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("staleBox")
        reload = box.addButton(self.tr("&Reload theirs"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep mine"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        service = self._service

        def rebase(view: ArticleView) -> None:
            if view.article.id == self._article_id:
                self._base_version = view.article.version

        def answered(button: object) -> None:
            if button is reload:
                self.open_article(article_id)
            else:  # their version becomes the base: saving again is a deliberate choice
                self._runner.run(lambda: service.article(article_id), rebase,
                                 self._show_error, owner=self)

        box.buttonClicked.connect(answered)
        box.open()

    # ------------------------------------------------------------------ messages
    def _show_error(self, error: KnownError) -> None:
        self._show_banner(self._messages.error(error))

    def _show_banner(self, text: str) -> None:
        self.form.show_banner(text)

    def _set_state(self, text: str) -> None:
        self.state.setText(text)

    # ------------------------------------------------------------------ leaving
    def _leave_then(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or after the trainer agrees to drop unsaved changes."""
        if self._saving or self._asking:
            return
        if not self.is_dirty():
            action()
            return
        self._asking = True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This article has changes that are not saved. Discard "
                                  "them?"),
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
                self._select(self._article_id)

        box.buttonClicked.connect(answered)
        box.open()

    def reject(self) -> None:
        """Close (Escape), after a warning if changes would be lost; never mid-save."""
        if self._leaving or not self.is_dirty():
            if not self._saving:
                super().reject()
            return
        self._leave_then(self._leave)

    def _leave(self) -> None:
        self._leaving = True
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing the window is like Close: unsaved changes are not lost silently."""
        if self._leaving or not (self.is_dirty() or self._saving):
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
        publishing = self._publish is not None
        self.setWindowTitle(self.tr("Publish as article") if publishing
                            else self.tr("Knowledge base articles"))
        self.filter.setPlaceholderText(self.tr("Find by title or slug (Ctrl+F)"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index, status in enumerate(ArticleStatus, start=1):
            self.status_filter.setItemText(index, self._words.status(status))
        self.new_button.setText(self.tr("&New article"))
        self.new_button.setToolTip(self.tr("Start a new article (Ctrl+N)"))
        self.save_button.setText(self.tr("&Publish") if publishing else self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Publish the article and tell the agent (Ctrl+S)")
                                    if publishing else self.tr("Save the article (Ctrl+S)"))
        self.model.retranslate()
