"""The funnel of a script version: how far its calls got, and the answers that lose them."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError
from agentdesk.domain.script_versions import Funnel
from agentdesk.domain.scripts import Script
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.messages import Messages
from agentdesk.ui.models.funnel import (
    BAR_COLUMN,
    AnswerLossRow,
    FunnelStepRow,
    answer_losses_model,
    funnel_steps_model,
    percent,
)
from agentdesk.ui.models.rows import ROW_ROLE
from agentdesk.ui.scripts.editor_words import fill, short
from agentdesk.ui.scripts.words import answer_label, step_title
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.scripts import ScriptService

BAR_COLOUR = "#1565c0"


class ShareBar(QStyledItemDelegate):
    """Draws a row's ``share`` (0-1) as a bar with the percentage on it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw the bar over the cell's background."""
        row = index.data(ROW_ROLE)
        share = max(0.0, min(1.0, float(getattr(row, "share", 0.0))))
        super().paint(painter, option, index)
        rect: QRect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.fillRect(rect, QColor("#e8eef7"))
        painter.fillRect(QRect(rect.left(), rect.top(), round(rect.width() * share),
                               rect.height()), QColor(BAR_COLOUR))
        painter.setPen(QColor("#ffffff" if share > 0.5 else "#202124"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, percent(share))
        painter.restore()


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


class FunnelView(QWidget):
    """The figures of one version, read on a worker when the view is shown.

    Signals:
        loaded(object): the :class:`Funnel` on screen.
    """

    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, service: ScriptService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptFunnel")
        self._runner = runner
        self._service = service
        self._messages = Messages(self)
        self._script_id: uuid.UUID | None = None
        self._script: Script | None = None
        self._funnel: Funnel | None = None
        self._request = 0
        self._shown_for: uuid.UUID | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("funnelSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.steps_caption = QLabel(self)
        self.steps_model = funnel_steps_model(self)
        self.steps = _table(self, "funnelSteps")
        self.steps.setModel(self.steps_model)
        self.steps.setItemDelegateForColumn(BAR_COLUMN, ShareBar(self.steps))
        self.losses_caption = QLabel(self)
        self.losses_model = answer_losses_model(self)
        self.losses = _table(self, "funnelLosses")
        self.losses.setModel(self.losses_model)
        for table in (self.steps, self.losses):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setSectionResizeMode(
            BAR_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.steps.setColumnWidth(BAR_COLUMN, 120)
        self.losses.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.steps_caption)
        layout.addWidget(self.steps, 3)
        layout.addWidget(self.losses_caption)
        layout.addWidget(self.losses, 2)
        self.steps_caption.setBuddy(self.steps)
        self.losses_caption.setBuddy(self.losses)
        self.retranslate_ui()

    def set_version(self, script_id: uuid.UUID | None, script: Script | None) -> None:
        """Follow version ``script_id`` (its figures are read when the view is shown)."""
        if script_id != self._script_id:
            self._script_id, self._script = script_id, script
            self._funnel, self._shown_for = None, None
            self.steps_model.set_rows([])
            self.losses_model.set_rows([])
            self._show_summary()
        if self.isVisible():
            self.refresh()

    def refresh(self, *, again: bool = False) -> None:
        """Read the figures of the version, unless they are on screen (``again``: reread)."""
        script_id = self._script_id
        if script_id is None or (self._shown_for == script_id and not again):
            return
        self._request += 1
        request = self._request
        self._shown_for = script_id
        self.summary.setText(self.tr("Counting the calls…"))
        service = self._service

        def shown(funnel: Funnel) -> None:
            if request == self._request:
                self._show(funnel)
                self.loaded.emit(funnel)

        def failed(error: KnownError) -> None:
            self._shown_for = None
            self.summary.setText(self._messages.error(error))

        self._runner.run(lambda: service.funnel(script_id), shown, failed, owner=self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Read the figures the first time the view is shown for a version."""
        super().showEvent(event)
        self.refresh()

    def _show(self, funnel: Funnel) -> None:
        self._funnel = funnel
        script = self._script
        language = ui_language()
        steps = script.steps if script is not None else {}

        def title(step_id: str) -> str:
            step = steps.get(step_id)
            return short(step_title(step, language)) if step is not None else step_id

        self.steps_model.set_rows([
            FunnelStepRow(title(s.step), s.reached, s.sales,
                          s.reached / funnel.calls if funnel.calls else 0.0)
            for s in funnel.steps])
        rows = []
        for loss in [a for a in funnel.answers if a.lost]:
            step = steps.get(loss.step)
            answers = step.answers if step is not None else ()
            label = (short(answer_label(answers[loss.answer], language))
                     if 0 <= loss.answer < len(answers) else f"#{loss.answer + 1}")
            rows.append(AnswerLossRow(title(loss.step), label, loss.chosen, loss.lost))
        self.losses_model.set_rows(rows)
        self._show_summary()

    def _show_summary(self) -> None:
        funnel = self._funnel
        if self._script_id is None:
            self.summary.setText(self.tr("Open a version to see how its calls went."))
        elif funnel is None:
            self.summary.setText("")
        elif not funnel.calls:
            self.summary.setText(self.tr("No call has followed this version yet."))
        else:
            calls = self.tr("%n call(s) followed this version", "", funnel.calls)
            sales = self.tr("%n sale(s)", "", funnel.sales)
            self.summary.setText(fill(self.tr("%1: %2, %3 conversion."), calls, sales,
                                      percent(funnel.sales / funnel.calls)))

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.steps_caption.setText(self.tr("Calls per step"))
        self.losses_caption.setText(self.tr("Answers that lose most calls"))
        self.steps_model.retranslate()
        self.losses_model.retranslate()
        if self._funnel is not None:
            self._show(self._funnel)
        else:
            self._show_summary()
