"""A knowledge search beside the customer record, staged on the demo console for screenshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from agentdesk.domain.knowledge import ArticleKind
from agentdesk.ui.knowledge.article_view import ui_language

if TYPE_CHECKING:
    from agentdesk.domain.knowledge import ArticleView
    from agentdesk.ui.knowledge.area import KnowledgeArea

QUERIES = {"zh": "携号转网", "en": "porting"}
SETTLE_MS = 400  # lets the dock lay out and paint before the picture is taken


class KnowledgeScene:
    """Ctrl+K → a query typed → the escalation article opened, then ``done`` is called."""

    def __init__(self, area: KnowledgeArea, done: Callable[[], None]) -> None:
        self._area = area
        self._done = done
        self._finished = False

    def play(self) -> None:
        """Start once the console is ready (signed in, record shown)."""
        panel = self._area.panel
        panel.results_shown.connect(self._found)
        panel.article_shown.connect(self._opened)
        self._area.focus_search()
        panel.search_now(QUERIES[ui_language()])

    def _found(self, count: int) -> None:
        panel = self._area.panel
        if not count:
            self._finish()
            return
        rows = [n for n in range(count) if panel.model.hit_at(n).kind is ArticleKind.ESCALATION]
        row = rows[0] if rows else 0
        panel.results.setCurrentIndex(panel.model.index(row))
        panel.open_row(row)

    def _opened(self, _view: ArticleView) -> None:
        QTimer.singleShot(SETTLE_MS, self._finish)

    def _finish(self) -> None:
        if not self._finished:
            self._finished = True
            self._done()
