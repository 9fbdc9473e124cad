"""Markdown shown safely: no raw HTML, no images or files loaded, links handled by the app."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

# GitHub-flavoured Markdown (tables, strike-through, task lists) with HTML shown as text.
MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
ARTICLE_SCHEME = "article"
MAX_MARKDOWN = 400_000  # characters rendered; the rest is cut (articles are far shorter)
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")


def set_markdown(document: QTextDocument, text: str) -> None:
    """Render ``text`` into ``document`` with raw HTML disabled and images as their text."""
    document.setMarkdown(_IMAGE_RE.sub(r"\1", text[:MAX_MARKDOWN]), MARKDOWN_FEATURES)


class SafeBrowser(QTextBrowser):
    """A read-only Markdown view that never loads anything and never follows a link itself.

    Images (``![](file:///etc/passwd)``, ``http://…``) are not fetched: the view shows
    their alternative text. Clicking ``article:<slug>`` emits :attr:`article_link`; any
    other link emits :attr:`external_link` for the owner to decide (nothing is opened).

    Signals:
        article_link(str): the slug of an ``article:`` link the user followed.
        external_link(QUrl): another link the user followed.
    """

    article_link = Signal(str)
    external_link = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)

    def show_markdown(self, text: str) -> None:
        """Show ``text`` as Markdown, scrolled to the top."""
        set_markdown(self.document(), text)
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        """Load nothing: articles carry no images or style sheets a view should fetch."""
        return None

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == ARTICLE_SCHEME:
            slug = url.path() or url.toString()[len(ARTICLE_SCHEME) + 1:]
            if slug:
                self.article_link.emit(slug.strip("/"))
            return
        self.external_link.emit(url)
