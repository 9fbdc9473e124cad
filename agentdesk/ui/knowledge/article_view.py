"""One knowledge article on screen: title, meta line, the OLA escalation box, answer and body."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrameFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.domain import knowledge as kb
from agentdesk.ui.knowledge.markdown import SafeBrowser, set_markdown
from agentdesk.ui.knowledge.words import KnowledgeWords
from agentdesk.ui.labels import bilingual

ESCALATION_BACKGROUND = QColor("#fff4e5")
ESCALATION_BORDER = QColor("#f0a04b")
ESCALATION_HEADING = QColor("#a3510c")
ANSWER_BACKGROUND = QColor("#e8f5e9")
ANSWER_BORDER = QColor("#66bb6a")
ANSWER_HEADING = QColor("#2e7d32")
LABEL_COLOUR = QColor("#5f6368")
PARAGRAPH_SEPARATOR = "\u2029"


def ui_language() -> str:
    """Return the article language matching the UI: ``zh`` or ``en``."""
    return "zh" if QLocale().name().startswith("zh") else "en"


def first_paragraph(document: QTextDocument) -> str:
    """Return the text of the first block of ``document`` that is not a heading or empty."""
    block = document.begin()
    while block.isValid():
        text = block.text().strip()
        if text and block.blockFormat().headingLevel() == 0:
            return text
        block = block.next()
    return ""


class ArticleView(QWidget):
    """Shows a :class:`~agentdesk.domain.knowledge.ArticleView` read-only.

    The OLA rule of an escalation topic is drawn as a box in the UI language (its texts
    are kept in both), followed by the short answer in a highlighted box and the Markdown
    body. Everything below the title is one document, so it scrolls and selects as one.

    Signals:
        article_link(str): the slug of an ``article:`` link the agent followed.
        translation_requested(object): the UUID of the translation the agent chose.
    """

    article_link = Signal(str)
    translation_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbArticleView")
        self._words = KnowledgeWords(self)
        self._view: kb.ArticleView | None = None
        self._first_paragraph = ""
        self._translation: uuid.UUID | None = None

        self.title = QLabel(self)
        self.title.setObjectName("kbArticleTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("kbArticleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet(f"color: {LABEL_COLOUR.name()};")
        self.translation_button = QPushButton(self)
        self.translation_button.setObjectName("kbTranslation")
        self.translation_button.setAutoDefault(False)
        self.translation_button.clicked.connect(self._read_translation)
        self.translation_button.hide()
        self.body = SafeBrowser(self)
        self.body.setObjectName("kbArticleBody")
        self.body.article_link.connect(self.article_link)

        meta_row = QHBoxLayout()
        meta_row.setContentsMargins(0, 0, 0, 0)
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self.translation_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(meta_row)
        layout.addWidget(self.body, 1)
        self.retranslate_ui()

    # ------------------------------------------------------------------ content
    @property
    def current(self) -> kb.ArticleView | None:
        """The article on screen, if any."""
        return self._view

    def show_article(self, view: kb.ArticleView | None) -> None:
        """Show ``view`` from its top (None: the empty state)."""
        self._view = view
        self._render(keep_scroll=False)

    def answer_text(self) -> str:
        """What to copy into the call notes: the selection, else the answer, else paragraph 1."""
        selected = self.body.textCursor().selectedText().replace(PARAGRAPH_SEPARATOR, "\n")
        if selected.strip():
            return selected.strip()
        if self._view is None:
            return ""
        return self._view.article.draft.answer.strip() or self._first_paragraph

    def _read_translation(self) -> None:
        if self._translation is not None:
            self.translation_requested.emit(self._translation)

    def _render(self, keep_scroll: bool) -> None:
        bar = self.body.verticalScrollBar()
        position = bar.value()
        view = self._view
        if view is None:
            self.title.setText(self.tr("No article open"))
            self.meta.clear()
            self.translation_button.hide()
            self._translation = None
            self._first_paragraph = ""
            self._key_guide()
            return
        draft = view.article.draft
        self.title.setText(draft.title)
        self.meta.setText(self._meta_line(view))
        others = [(language, article_id) for language, article_id in view.translations
                  if language != draft.language]
        self._translation = others[0][1] if others else None
        if others:
            self.translation_button.setText(
                self.tr("Read in %1").replace("%1", self._words.language(others[0][0])))
        self.translation_button.setVisible(bool(others))

        body = QTextDocument(self)
        set_markdown(body, draft.body)
        self._first_paragraph = first_paragraph(body)
        document = self.body.document()
        document.clear()
        cursor = QTextCursor(document)
        if view.escalation is not None:
            self._escalation_box(cursor, view.escalation)
        if draft.answer.strip():
            self._answer_box(cursor, draft.answer.strip())
        cursor.insertFragment(QTextDocumentFragment(body))
        body.deleteLater()
        if keep_scroll:
            bar.setValue(position)
        else:
            self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _key_guide(self) -> None:
        """The empty state: the keys of the knowledge panel."""
        self.body.clear()
        cursor = QTextCursor(self.body.document())
        self._heading(cursor, self.tr("Keys"), LABEL_COLOUR, top_margin=0)
        self._list(cursor, [
            self.tr("Ctrl+K: search from anywhere; type Chinese or English"),
            self.tr("↑ ↓: choose a result; Enter: open it"),
            self.tr("Esc: back to where you were"),
            self.tr("Ctrl+Shift+C: the answer (or the selected text) into the call notes"),
            self.tr("Ctrl+Shift+Q: ask the trainers; Enter sends"),
        ])

    def _meta_line(self, view: kb.ArticleView) -> str:
        article = view.article
        draft = article.draft
        kind = self._words.kind(draft.kind)
        parts = [kind]
        if draft.category and draft.category.casefold() not in (kind.casefold(), draft.kind):
            parts.append(draft.category)
        parts.append(self.tr("version %1").replace("%1", str(article.version)))
        if article.updated_at is not None:
            parts.append(article.updated_at.astimezone().strftime("%Y-%m-%d"))
        parts.append(self._words.language(draft.language))
        return " · ".join(parts)

    # ------------------------------------------------------------------ boxes
    @staticmethod
    def _box(cursor: QTextCursor, background: QColor, border: QColor) -> QTextCursor:
        frame_format = QTextFrameFormat()
        frame_format.setBackground(background)
        frame_format.setBorder(1)
        frame_format.setBorderBrush(border)
        frame_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame_format.setPadding(8)
        frame_format.setBottomMargin(10)
        frame = cursor.insertFrame(frame_format)
        return frame.firstCursorPosition()

    @staticmethod
    def _leave_box(cursor: QTextCursor) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.End)

    @staticmethod
    def _heading(cursor: QTextCursor, text: str, colour: QColor, top_margin: int = 6) -> None:
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setForeground(colour)
        block = QTextBlockFormat()
        block.setTopMargin(top_margin)
        block.setBottomMargin(2)
        if cursor.block().length() <= 1 and cursor.block().textList() is None:
            cursor.setBlockFormat(block)  # an empty block is waiting (start of a box)
        else:
            cursor.insertBlock(block)
        cursor.insertText(text, heading)

    @staticmethod
    def _list(cursor: QTextCursor, items: Sequence[str],
              style: QTextListFormat.Style = QTextListFormat.Style.ListDisc) -> None:
        list_format = QTextListFormat()
        list_format.setStyle(style)
        list_format.setIndent(1)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.createList(list_format)
        for n, item in enumerate(items):
            if n:
                cursor.insertBlock()
            cursor.insertText(item, QTextCharFormat())

    def _escalation_box(self, cursor: QTextCursor, rule: kb.EscalationRule) -> None:
        inner = self._box(cursor, ESCALATION_BACKGROUND, ESCALATION_BORDER)
        title = bilingual(rule.title, rule.title_en)
        shown = self._view.article.title if self._view is not None else ""
        heading = self.tr("Escalation rule (OLA)")
        if title and title not in shown:
            heading = self.tr("Escalation rule (OLA): %1").replace("%1", title)
        self._heading(inner, heading, ESCALATION_HEADING, top_margin=0)
        rows = [
            (self.tr("Owner"), self.tr("%1 (%2 domain)").replace(
                "%1", bilingual(rule.department, rule.department_en)).replace(
                "%2", self._domain(rule.domain))),
            (self.tr("Response time"), self._duration(rule.response_minutes)),
            (self.tr("Tells the customer"),
             bilingual(rule.informs_customer, rule.informs_customer_en) or "—"),
            (self.tr("Leader escalation"),
             self.tr("if still open %1 after opening").replace(
                 "%1", self._duration(rule.leader_escalation_minutes))
             if rule.leader_escalation_minutes else self.tr("none")),
        ]
        label = QTextCharFormat()
        label.setForeground(LABEL_COLOUR)
        value = QTextCharFormat()
        value.setFontWeight(QFont.Weight.DemiBold)
        for name, text in rows:
            row = QTextBlockFormat()
            row.setTopMargin(1)
            inner.insertBlock(row)
            inner.insertText(self.tr("%1: ").replace("%1", name), label)
            inner.insertText(text, value)
        sections = (
            (self.tr("Answer at the front line (do not escalate)"),
             bilingual_lines(rule.front_line_answers, rule.front_line_answers_en),
             QTextListFormat.Style.ListDisc),
            (self.tr("Ask the customer first"),
             bilingual_lines(rule.first_questions, rule.first_questions_en),
             QTextListFormat.Style.ListDisc),
            (self.tr("Information the escalation carries"),
             bilingual_lines(rule.required_info, rule.required_info_en),
             QTextListFormat.Style.ListDisc),
            (self.tr("Steps"), bilingual_lines(rule.steps, rule.steps_en),
             QTextListFormat.Style.ListDecimal),
        )
        for heading, items, style in sections:
            if items:
                self._heading(inner, heading, ESCALATION_HEADING)
                self._list(inner, items, style)
        self._leave_box(cursor)

    def _answer_box(self, cursor: QTextCursor, answer: str) -> None:
        inner = self._box(cursor, ANSWER_BACKGROUND, ANSWER_BORDER)
        self._heading(inner, self.tr("Answer (Ctrl+Shift+C copies it into the call notes)"),
                      ANSWER_HEADING, top_margin=0)
        inner.insertBlock()
        inner.insertText(answer, QTextCharFormat())
        self._leave_box(cursor)

    def _domain(self, domain: kb.EscalationDomain) -> str:
        return {
            kb.EscalationDomain.BUSINESS: self.tr("business"),
            kb.EscalationDomain.PRODUCT: self.tr("product"),
            kb.EscalationDomain.TECHNICAL: self.tr("technical"),
        }[domain]

    def _duration(self, minutes: int | None) -> str:
        hours, rest = divmod(minutes or 0, 60)
        if hours and rest:
            return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))
        if hours:
            return self.tr("%1 h").replace("%1", str(hours))
        return self.tr("%1 min").replace("%1", str(rest))

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language; the OLA box follows the UI language."""
        self.body.setAccessibleName(self.tr("Article"))
        self.translation_button.setToolTip(self.tr("Open this article in the other language"))
        self._render(keep_scroll=True)


def bilingual_lines(chinese: Sequence[str], english: Sequence[str]) -> tuple[str, ...]:
    """Return the lines of a rule in the UI language (Chinese when there is no English)."""
    return tuple(chinese) if QLocale().name().startswith("zh") or not english else tuple(english)
