"""The article form: fields with their problems beside them, and a live Markdown preview."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.knowledge import ArticleDraft, ArticleKind, ArticleStatus, slug_from
from agentdesk.ui.knowledge.markdown import SafeBrowser, set_markdown
from agentdesk.ui.knowledge.words import KnowledgeWords
from agentdesk.ui.messages import Messages

PREVIEW_DELAY_MS = 300
ERROR_STYLE = "color: #b3261e;"
FIELDS = ("title", "slug", "kind", "language", "status", "category", "tags", "products",
          "answer", "body")
_WORD_SPLIT = re.compile(r"[,，、;；]+")
# (field, grid row, grid column, column span) of the fields above the body
_PLACEMENT = (("title", 0, 0, 3), ("slug", 1, 0, 1), ("language", 1, 2, 1),
              ("kind", 2, 0, 1), ("status", 2, 2, 1), ("category", 3, 0, 3),
              ("tags", 4, 0, 1), ("products", 4, 2, 1), ("answer", 5, 0, 3))


def split_words(text: str) -> tuple[str, ...]:
    """Return the comma-separated words of ``text`` (Chinese commas too), trimmed."""
    return tuple(word.strip() for word in _WORD_SPLIT.split(text) if word.strip())


def error_label(parent: QWidget) -> QLabel:
    """Return a hidden red label that shows a problem."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _combo(parent: QWidget, values: list[Any]) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem("", value)
    return combo


class ArticleForm(QWidget):
    """Every field of an article, the problems found in them, and a preview of the result.

    The preview is rendered a moment after typing stops. For a new article the slug
    follows the title until the trainer types one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleForm")
        self._messages = Messages(self)
        self._words = KnowledgeWords(self)
        self.slug_follows_title = True
        self._fallback_slug = ""
        self.banner = error_label(self)
        self.banner.setObjectName("articleBanner")
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.title = QLineEdit(self)
        self.slug = QLineEdit(self)
        self.kind = _combo(self, [kind.value for kind in ArticleKind])
        self.language = _combo(self, ["zh", "en"])
        self.status = _combo(self, [status.value for status in ArticleStatus])
        self.category = QLineEdit(self)
        self.tags = QLineEdit(self)
        self.products = QLineEdit(self)
        self.answer = QPlainTextEdit(self)
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(72)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.preview = SafeBrowser(self)
        self.preview.setObjectName("articlePreview")
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.preview_caption = QLabel(self)
        self.errors = {name: error_label(self) for name in FIELDS}
        self.captions = {name: QLabel(self) for name in FIELDS}
        self._lay_out()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        for edit in (self.title, self.answer, self.body):
            edit.textChanged.connect(self._preview_timer.start)
        self.title.textEdited.connect(self._title_edited)
        self.slug.textEdited.connect(self._slug_edited)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        for name, row, column, span in _PLACEMENT:
            field = self.field(name)
            grid.addWidget(self.captions[name], row * 2, column,
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field, row * 2, column + 1, 1, span)
            grid.addWidget(self.errors[name], row * 2 + 1, column + 1, 1, span)
            self.captions[name].setBuddy(field)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.captions["body"].setBuddy(self.body)
        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.captions["body"])
        body_layout.addWidget(self.body, 1)
        body_layout.addWidget(self.errors["body"])
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_caption)
        preview_layout.addWidget(self.preview, 1)
        texts = QSplitter(Qt.Orientation.Horizontal, self)
        texts.addWidget(body_box)
        texts.addWidget(preview_box)
        texts.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addWidget(texts, 1)

    def field(self, name: str) -> QWidget:
        """Return the input widget of the field ``name`` (one of ``FIELDS``)."""
        widget = getattr(self, name)
        assert isinstance(widget, QWidget)
        return widget

    # ------------------------------------------------------------------ content
    def draft(self) -> ArticleDraft:
        """Return what the form holds, unvalidated."""
        return ArticleDraft(
            slug=self.slug.text(), title=self.title.text(), body=self.body.toPlainText(),
            answer=self.answer.toPlainText(), kind=ArticleKind(self.kind.currentData()),
            category=self.category.text(), tags=split_words(self.tags.text()),
            products=split_words(self.products.text()),
            language=str(self.language.currentData()),
            status=ArticleStatus(self.status.currentData()))

    def fill(self, draft: ArticleDraft, *, new: bool) -> None:
        """Show ``draft``; for a ``new`` article an empty slug follows the title."""
        self.title.setText(draft.title)
        self.slug.setText(draft.slug)
        for combo, value in ((self.kind, draft.kind.value), (self.language, draft.language),
                             (self.status, draft.status.value)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.category.setText(draft.category)
        self.tags.setText(", ".join(draft.tags))
        self.products.setText(", ".join(draft.products))
        self.answer.setPlainText(draft.answer)
        self.body.setPlainText(draft.body)
        self.slug_follows_title = new and not draft.slug
        self._fallback_slug = f"{draft.kind.value}-{datetime.now():%Y%m%d-%H%M%S}"
        if self.slug_follows_title and draft.title:
            self._title_edited(draft.title)
        self.clear_problems()
        self.render_preview()

    def _title_edited(self, title: str) -> None:
        if self.slug_follows_title:
            self.slug.setText(slug_from(title, self._fallback_slug))

    def _slug_edited(self, text: str) -> None:
        self.slug_follows_title = not text.strip()

    def render_preview(self) -> None:
        """Show the title, the answer (as a quote) and the body as agents will see them."""
        parts = []
        title = " ".join(self.title.text().split())
        if title:
            parts.append(f"# {title}")
        answer = self.answer.toPlainText().strip()
        if answer:
            parts.append("\n".join("> " + line for line in answer.splitlines()))
        parts.append(self.body.toPlainText())
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        set_markdown(self.preview.document(), "\n\n".join(parts))
        bar.setValue(position)

    # ------------------------------------------------------------------ problems
    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each field's problem beside it and put the cursor in the first one."""
        for name in FIELDS:
            code = problems.get(name)
            if code is None:
                continue
            if name == "slug" and code == "invalid":
                text = self.tr("Use lowercase letters, digits, '.', '_' and '-'.")
            elif name == "body" and code == "required":
                text = self.tr("Write the answer or the body.")
            else:
                text = self._messages.problem(code)
            self.errors[name].setText(text)
            self.errors[name].show()
        first = next((name for name in FIELDS if name in problems), None)
        if first is not None:
            self.field(first).setFocus()

    def show_banner(self, text: str) -> None:
        """Show a message about the whole article above the fields."""
        self.banner.setText(text)
        self.banner.show()

    def clear_problems(self) -> None:
        """Hide the banner and every field's problem."""
        self.banner.hide()
        for label in self.errors.values():
            label.hide()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        for index, kind in enumerate(ArticleKind):
            self.kind.setItemText(index, self._words.kind(kind))
        for index, status in enumerate(ArticleStatus):
            self.status.setItemText(index, self._words.status(status))
        self.language.setItemText(0, self._words.language("zh"))
        self.language.setItemText(1, self._words.language("en"))
        captions = {
            "title": self.tr("&Title"), "slug": self.tr("Sl&ug"), "kind": self.tr("&Kind"),
            "language": self.tr("&Language"), "status": self.tr("St&atus"),
            "category": self.tr("&Category"), "tags": self.tr("Ta&gs"),
            "products": self.tr("Pr&oducts"), "answer": self.tr("Ans&wer"),
            "body": self.tr("&Body (Markdown)"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.preview_caption.setText(self.tr("Preview"))
        self.slug.setPlaceholderText(self.tr("Used in links: article:slug"))
        self.tags.setPlaceholderText(self.tr("Separate with commas"))
        self.products.setPlaceholderText(self.tr("Product codes, separated with commas"))
        self.answer.setPlaceholderText(self.tr("The short answer an agent reads out"))
