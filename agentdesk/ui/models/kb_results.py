"""Knowledge search results: a list model of hits and a delegate painting the matches marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agentdesk.domain.knowledge import SearchHit
from agentdesk.ui.knowledge.words import KnowledgeWords

_Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3
MATCH_BACKGROUND = QColor("#ffe082")
MATCH_TEXT = QColor("#000000")
SNIPPET_LINES = 2
PADDING = 6
DIM_ALPHA = 165  # kind, category and snippet are quieter than the title
ELLIPSIS = "…"


class KbResultsModel(QAbstractListModel):
    """Search hits, best first; ``HIT_ROLE`` gives the :class:`SearchHit` itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._words = KnowledgeWords(self)

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Replace every hit."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        """Return the hit shown at ``row``."""
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of hits."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the title (display), the snippet, the kind and category, or the hit."""
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title.text
        if role == SNIPPET_ROLE:
            return hit.snippet.text
        if role == META_ROLE:
            return self.meta(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title.text}\n{hit.snippet.text}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title.text}. {self.meta(hit)}. {hit.snippet.text}"
        if role == HIT_ROLE:
            return hit
        return None

    def meta(self, hit: SearchHit) -> str:
        """Return the kind and category of a hit, e.g. ``FAQ · 套餐``."""
        kind = self._words.kind(hit.kind)
        if not hit.category or hit.category.casefold() in (kind.casefold(), hit.kind):
            return kind
        return f"{kind} · {hit.category}"

    def retranslate(self) -> None:
        """Tell views that the kind names changed language."""
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))


def _utf16(text: str, position: int) -> int:
    """Return the UTF-16 offset (what Qt counts) of the Python index ``position``."""
    return len(text[:position].encode("utf-16-le")) // 2


def _python_index(text: str, utf16: int) -> int:
    """Return the Python index of the character that starts at or before ``utf16``."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > utf16:
            return index
    return len(text)


def _formats(text: str, spans: Sequence[tuple[int, int]],
             limit: int) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end in spans:
        end = min(end, limit)
        if start >= end:
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(MATCH_BACKGROUND)
        fmt.setForeground(MATCH_TEXT)
        match = QTextLayout.FormatRange()
        match.start = _utf16(text, start)
        match.length = _utf16(text, end) - match.start
        match.format = fmt
        ranges.append(match)
    return ranges


def _lay_out(layout: QTextLayout, width: int, max_lines: int) -> bool:
    """Lay out at most ``max_lines`` lines; return True if the text did not fit."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    lines = 0
    too_long = False
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        if lines == max_lines:
            too_long = True
            break
        line.setLineWidth(max(width, 1))
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines += 1
    layout.endLayout()
    return too_long


def text_layout(text: str, spans: Sequence[tuple[int, int]], font: QFont, width: int,
                max_lines: int) -> QTextLayout:
    """Lay ``text`` out in at most ``max_lines`` lines, cut with "…", the spans marked.

    The text is set as plain characters: nothing in it is ever read as markup.
    """
    text = text.replace("\n", " ")
    shown, limit = text, len(text)
    while True:
        layout = QTextLayout(shown, font)
        layout.setFormats(_formats(shown, spans, limit))
        if not _lay_out(layout, width, max_lines) or limit <= 1:
            return layout
        last = layout.lineAt(max_lines - 1)
        end = _python_index(shown, last.textStart() + last.textLength())
        limit = len(text[:max(min(end, limit) - 1, 0)].rstrip())
        shown = text[:limit] + ELLIPSIS


class KbResultDelegate(QStyledItemDelegate):
    """Paints a hit as its title (bold) with kind and category, and up to two snippet lines.

    The matched characters are marked with a background colour; titles and snippets are
    drawn as plain text, so an article that contains markup shows it as written.
    """

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        body = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(body.pointSizeF() * 0.9, 7.0))
        return title, body, small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        """Every row is one title line and two snippet lines high."""
        title, body, _small = self._fonts(option)
        height = (QFontMetrics(title).lineSpacing() + SNIPPET_LINES
                  * QFontMetrics(body).lineSpacing() + 3 * PADDING)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the hit."""
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        rect: QRect = option.rect
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if style is not None:
            text_before = option.text
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
            option.text = text_before
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(role)
        dim = QColor(text_colour)
        if not selected:
            dim.setAlpha(DIM_ALPHA)
        title_font, body_font, small_font = self._fonts(option)
        meta = str(index.data(META_ROLE) or "")
        meta_width = QFontMetrics(small_font).horizontalAdvance(meta) + PADDING if meta else 0
        inner = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        title_width = max(inner.width() - meta_width, inner.width() // 2)
        painter.setPen(text_colour)
        title = text_layout(hit.title.text, hit.title.spans, title_font, title_width, 1)
        title.draw(painter, QPointF(inner.left(), inner.top()))
        if meta:
            painter.setFont(small_font)
            painter.setPen(dim)
            meta_rect = QRect(inner.left() + title_width, inner.top(),
                              inner.width() - title_width, QFontMetrics(title_font).height())
            elided = QFontMetrics(small_font).elidedText(
                meta, Qt.TextElideMode.ElideRight, meta_rect.width())
            painter.drawText(meta_rect, int(Qt.AlignmentFlag.AlignRight
                                            | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.setPen(dim if not selected else text_colour)
        top = inner.top() + QFontMetrics(title_font).lineSpacing() + PADDING // 2
        snippet = text_layout(hit.snippet.text, hit.snippet.spans, body_font, inner.width(),
                              SNIPPET_LINES)
        snippet.draw(painter, QPointF(inner.left(), top))
        painter.restore()
