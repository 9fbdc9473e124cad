"""The delivery desk: round loads against capacity, dispatch sheets, hand-overs and results."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from agentdesk.domain.delivery import RoundLoad
from agentdesk.domain.dispatch import NEXT_STATUSES, DispatchSheet, SheetLine
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import Hall
from agentdesk.services.clock import SystemClock
from agentdesk.services.dispatch import WHOLE_ROUND, HallLoad
from agentdesk.ui.messages import show_error
from agentdesk.ui.models.dispatch import (
    ADDRESS_COLUMN,
    ITEMS_COLUMN,
    LOAD_COLUMN,
    DispatchWords,
    HallLoadsModel,
    HandoverKey,
    Language,
    LoadsModel,
    SheetLinesModel,
    day_text,
    handover_key,
    load_colour,
    moment_text,
    named,
)
from agentdesk.ui.models.rows import ROW_ROLE
from agentdesk.ui.orders.desk_actions import TO_HAND_OVER, DeskActions
from agentdesk.ui.orders.desk_words import DeskWords
from agentdesk.ui.scripts.editor_parts import column, select_row, shortcut, splitter, table_view
from agentdesk.ui.scripts.editor_words import fill
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dispatch import DispatchService

STATUS_MESSAGE_MS = 20_000
BAR_COLOUR = QColor("#1565c0")
#: Asks where to save a file: (title, suggested path, filter) -> the path, None if cancelled.
SavePath = Callable[[str, str, str], Path | None]
#: Asks which file to open: (title, filter) -> the path, None if cancelled.
OpenPath = Callable[[str, str], Path | None]


class LoadBar(QStyledItemDelegate):
    """Draws a handover's booked orders against capacity, orange when full, red when over."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw the bar with ``booked / capacity`` on it."""
        load: RoundLoad = index.data(ROW_ROLE)
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # the cell's background and selection only; the figures go on the bar
        style = cell.widget.style() if cell.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        share = max(0.0, min(1.0, load.share))
        colour = load_colour(load.full, load.over) or BAR_COLOUR
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)
        filled = QRect(rect.left(), rect.top(), round(rect.width() * share), rect.height())
        text = str(index.data())
        painter.save()
        painter.fillRect(rect, QColor("#e8eef7"))
        painter.fillRect(filled, colour)
        painter.setPen(QColor("#202124"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setClipRect(filled)  # white where the text lies on the bar, dark elsewhere
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class DeliveryDesk(QMainWindow):
    """Handovers with their load on the left, the chosen handover's sheet on the right.

    Every service call runs on the task runner. Users without ``manage_deliveries`` see the
    loads and sheets, and may export them, but cannot hand orders over or record results.
    Tests replace :attr:`choose_save_path` and :attr:`choose_open_path` to skip the file
    dialogs.

    Args:
        service: The delivery desk of the signed-in user.
        runner: Background task runner.
        language: Returns the UI language, ``"zh_CN"`` or ``"en"``: the names of rounds and
            halls and the exported sheets are in it.
        parent: The main window (the desk is a window of its own).
        clock: Says which handover comes next and what "today" is (default: the system's).

    Signals:
        loads_shown(): the handovers were read and are on screen.
        sheet_shown(object): the :class:`DispatchSheet` on screen.
        exported(object): the path of a sheet file written.
        handed_over(int): how many orders a hand-over sent out.
        result_saved(object): the ``RecordedResult`` of a result entered by hand.
        imported(object): the ``ImportOutcome`` of a results file saved.
        failed(object): a KnownError that was shown.
    """

    loads_shown = Signal()
    sheet_shown = Signal(object)
    exported = Signal(object)
    handed_over = Signal(int)
    result_saved = Signal(object)
    imported = Signal(object)
    failed = Signal(object)

    def __init__(self, service: DispatchService, runner: TaskRunner, language: Language,
                 parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryDesk")
        self.setWindowFlag(Qt.WindowType.Window)
        self._service = service
        self._runner = runner
        self._language = language
        self._clock: Clock = clock or SystemClock()
        self._words = DeskWords(self)
        self._names = DispatchWords(self)
        self._halls: list[Hall] = []
        self._sheet: DispatchSheet | None = None
        self._wanted: HandoverKey | None = None
        self._loads_request = self._sheet_request = 0
        self._shown_once = False
        self.sheet_actions = DeskActions(self, service, runner, self._clock)
        self.choose_save_path: SavePath = self.sheet_actions.ask_save_path
        self.choose_open_path: OpenPath = self.sheet_actions.ask_open_path
        self._build()
        self._connect()
        self.retranslate_ui()
        self.update_actions()
        self.resize(1280, 800)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.loads_caption, self.halls_caption = QLabel(self), QLabel(self)
        self.loads_model = LoadsModel(self._names, self._language, self._clock.now, self)
        self.loads_view = table_view(self, "handovers", self.loads_model, 0)
        self.loads_view.setItemDelegateForColumn(LOAD_COLUMN, LoadBar(self.loads_view))
        header = self.loads_view.horizontalHeader()
        header.setSectionResizeMode(LOAD_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.halls_model = HallLoadsModel(self._names, self._language, self)
        self.halls_view = table_view(self, "hallLoads", self.halls_model, 0)
        self.loads_caption.setBuddy(self.loads_view)
        self.halls_caption.setBuddy(self.halls_view)
        self.sheet_for_caption, self.sheet_for = QLabel(self), QComboBox(self)
        self.sheet_for.setObjectName("sheetFor")
        self.sheet_for.addItem("", None)
        self.sheet_for.addItem("", WHOLE_ROUND)
        self.sheet_for.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_for_caption.setBuddy(self.sheet_for)
        self.heading = QLabel(self)
        self.heading.setObjectName("sheetHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.lines_model = SheetLinesModel(self._names, self)
        self.lines_view = table_view(self, "sheetLines", self.lines_model, ITEMS_COLUMN)
        self.lines_view.horizontalHeader().setSectionResizeMode(
            ADDRESS_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.lines_view.setColumnWidth(ADDRESS_COLUMN, 170)
        self.summary = QLabel(self)
        self.summary.setObjectName("sheetSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.csv_button, self.pdf_button = QPushButton(self), QPushButton(self)
        self.hand_over_button, self.result_button = QPushButton(self), QPushButton(self)
        self.import_button, self.refresh_button = QPushButton(self), QPushButton(self)
        choice = QHBoxLayout()
        choice.addWidget(self.sheet_for_caption)
        choice.addWidget(self.sheet_for)
        choice.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.csv_button, self.pdf_button, self.hand_over_button,
                       self.result_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        left = column(QWidget(self), self.loads_caption, (self.loads_view, 3),
                      self.halls_caption, (self.halls_view, 1))
        right = column(QWidget(self), choice, self.heading, (self.lines_view, 1),
                       self.summary, buttons)
        body = splitter(Qt.Orientation.Horizontal, [left, right], [400, 880])
        body.setContentsMargins(8, 8, 8, 0)
        self.setCentralWidget(body)

    def _connect(self) -> None:
        self.loads_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._handover_chosen(current))
        self.lines_view.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_actions())
        actions = self.sheet_actions
        self.lines_view.activated.connect(lambda _index: actions.enter_result())
        self.sheet_for.currentIndexChanged.connect(lambda _index: self.load_sheet())
        window = Qt.ShortcutContext.WindowShortcut
        for button, key, slot in (
                (self.csv_button, "Ctrl+E", actions.export_csv),
                (self.pdf_button, "Ctrl+P", actions.export_pdf),
                (self.hand_over_button, "Ctrl+H", actions.hand_over),
                (self.result_button, "Ctrl+R", actions.enter_result),
                (self.import_button, "Ctrl+I", actions.import_results),
                (self.refresh_button, "F5", self.reload)):
            button.clicked.connect(slot)
            shortcut(self, key, slot, window)
        for key, target in (("Ctrl+1", self.loads_view), ("Ctrl+2", self.lines_view),
                            ("Ctrl+3", self.halls_view)):
            shortcut(self, key, target.setFocus, window)
        for key in ("Ctrl+W", "Escape"):
            shortcut(self, key, self._close, window)

    def _close(self) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Read the handovers the first time the desk is shown."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def reload(self) -> None:
        """Read the handovers, the halls and the chosen sheet again (F5)."""
        self._loads_request += 1
        request = self._loads_request
        service = self._service

        def shown(result: tuple[list[RoundLoad], list[Hall]]) -> None:
            if request == self._loads_request:
                self._show_loads(*result)

        self._runner.run(lambda: (service.loads(), service.halls()), shown, self.show_failure,
                         owner=self)

    def _show_loads(self, loads: list[RoundLoad], halls: list[Hall]) -> None:
        if [h.id for h in halls] != [h.id for h in self._halls]:
            chosen = self.sheet_for.currentData()
            self.sheet_for.blockSignals(True)
            while self.sheet_for.count() > 2:
                self.sheet_for.removeItem(1)
            for offset, hall in enumerate(halls, start=1):
                self.sheet_for.insertItem(offset, "", hall.id)
            self.sheet_for.setCurrentIndex(next(
                (i for i in range(self.sheet_for.count())
                 if self.sheet_for.itemData(i) == chosen), 0))
            self.sheet_for.blockSignals(False)
        self._halls = halls
        self._name_halls()
        self.loads_model.set_rows(loads)
        row = self.loads_model.row_of(self._wanted)
        if row < 0:
            now = self._clock.now()
            row = next((i for i, load in enumerate(loads) if load.slot.handover >= now),
                       len(loads) - 1)
        selection = self.loads_view.selectionModel()
        selection.blockSignals(True)
        select_row(self.loads_view, row, 0)
        selection.blockSignals(False)
        if row >= 0:
            self.loads_view.scrollTo(self.loads_model.index(row, 0))
        self.loads_shown.emit()
        self._handover_chosen(self.loads_view.currentIndex())

    def _handover_chosen(self, index: QModelIndex) -> None:
        load = self.loads_model.row_at(index.row()) if index.isValid() else None
        self._wanted = handover_key(load) if load is not None else None
        self.load_sheet()

    def current_load(self) -> RoundLoad | None:
        """The handover chosen on the left."""
        index = self.loads_view.currentIndex()
        return self.loads_model.row_at(index.row()) if index.isValid() else None

    def current_line(self) -> SheetLine | None:
        """The order chosen on the sheet."""
        index = self.lines_view.currentIndex()
        return self.lines_model.row_at(index.row()) if index.isValid() else None

    def load_sheet(self) -> None:
        """Read the sheet of the chosen handover for the chosen recipient, and the halls' day."""
        self._sheet_request += 1
        request = self._sheet_request
        load = self.current_load()
        round_id = load.slot.round.id if load is not None else None
        if load is None or round_id is None:
            self._show_sheet(None, [])
            return
        day, delivery = load.slot.handover_date, load.slot.delivery_date
        hall: uuid.UUID | str | None = self.sheet_for.currentData()
        service = self._service

        def shown(result: tuple[DispatchSheet, list[HallLoad]]) -> None:
            if request == self._sheet_request:
                self._show_sheet(*result)

        self._runner.run(lambda: (service.sheet(round_id, day, hall),
                                  service.hall_loads(delivery)),
                         shown, self.show_failure, owner=self)

    def _show_sheet(self, sheet: DispatchSheet | None, halls: list[HallLoad]) -> None:
        chosen = self.current_line()
        self._sheet = sheet
        self.lines_model.set_rows(sheet.lines if sheet is not None else [])
        self.halls_model.set_rows(halls)
        row = self.lines_model.row_of(chosen.order_no) if chosen is not None else -1
        select_row(self.lines_view, max(row, 0), 0)  # the order chosen, else the first
        self._show_heading()
        self.update_actions()
        if sheet is not None:
            self.sheet_shown.emit(sheet)

    # ------------------------------------------------------------------ helpers
    @property
    def sheet(self) -> DispatchSheet | None:
        """The sheet on screen."""
        return self._sheet

    def lines(self) -> list[SheetLine]:
        """The orders on screen."""
        return [self.lines_model.row_at(i) for i in range(self.lines_model.rowCount())]

    def language(self) -> str:
        """The UI language: names and exported sheets are in it."""
        return self._language()

    def show_failure(self, error: KnownError) -> None:
        """Tell the user what went wrong (a message box and the status bar)."""
        text = self._words.error(error)
        self.show_status(text)
        show_error(self, self.tr("Delivery desk"), text)
        self.failed.emit(error)

    def show_status(self, text: str) -> None:
        """Show ``text`` in the status bar for a while."""
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def update_actions(self) -> None:
        """Enable what can be done with the sheet and order chosen, by this user."""
        sheet, manage = self._sheet, self._service.can_manage
        lines = sheet.lines if sheet is not None and not self.sheet_actions.busy else ()
        self.csv_button.setEnabled(bool(lines))
        self.pdf_button.setEnabled(bool(lines))
        self.hand_over_button.setEnabled(
            manage and any(line.status in TO_HAND_OVER for line in lines))
        line = self.current_line()
        self.result_button.setEnabled(manage and line is not None
                                      and bool(NEXT_STATUSES[line.status]))
        self.import_button.setEnabled(manage and not self.sheet_actions.busy)

    def _name_halls(self) -> None:
        language = self._language()
        for index, hall in enumerate(self._halls, start=1):
            self.sheet_for.setItemText(index, named(hall.name, hall.name_en, language))

    def _show_heading(self) -> None:
        sheet, load = self._sheet, self.current_load()
        if sheet is None or load is None:
            self.heading.setText(self.tr("Choose a handover on the left."))
            self.summary.setText("")
            return
        slot = load.slot
        self.heading.setText(fill(
            self.tr("%1 · handover %2 · booking calls %3-%4 · delivery %5"),
            named(sheet.round_name, sheet.round_name_en, self._language()),
            moment_text(slot.handover), f"{slot.booking_from:%H:%M}",
            f"{slot.booking_until:%H:%M}", day_text(slot.delivery_date)))
        self.halls_caption.setText(fill(self.tr("Hall &pick-ups on %1"),
                                        day_text(slot.delivery_date)))
        self.summary.setText(fill(self.tr("%1, cash to collect %2"),
                                  self.tr("%n order(s)", "", len(sheet.lines)),
                                  self._names.money(sheet.cash_to_collect)))

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Delivery desk"))
        self.loads_caption.setText(self.tr("&Handovers (Ctrl+1)"))
        self.halls_caption.setText(self.tr("Hall &pick-ups"))
        self.sheet_for_caption.setText(self.tr("Sheet &for"))
        self.sheet_for.setItemText(0, self.tr("Delivery team (home deliveries)"))
        self.sheet_for.setItemText(self.sheet_for.count() - 1, self.tr("Whole round"))
        self._name_halls()
        only = self.tr("Only supervisors (the delivery desk) can do this.")
        manage = self._service.can_manage
        for button, text, tip in (
                (self.csv_button, self.tr("Export CSV…"), self.tr("Save the sheet as a CSV "
                                                                  "file (Ctrl+E)")),
                (self.pdf_button, self.tr("Export PDF…"), self.tr("Save the sheet as a "
                                                                  "printable PDF (Ctrl+P)")),
                (self.hand_over_button, self.tr("Mark handed over"),
                 self.tr("Mark the sheet's orders as dispatched (Ctrl+H)") if manage else only),
                (self.result_button, self.tr("Enter result…"),
                 self.tr("Enter the delivery result of the chosen order (Ctrl+R)")
                 if manage else only),
                (self.import_button, self.tr("Import results…"),
                 self.tr("Import a results file from the delivery team or a hall (Ctrl+I)")
                 if manage else only),
                (self.refresh_button, self.tr("Refresh"), self.tr("Read everything again "
                                                                  "(F5)"))):
            button.setText(text)
            button.setToolTip(tip)
        header = self.loads_view.horizontalHeader()
        self.loads_view.setColumnWidth(LOAD_COLUMN, max(96, header.fontMetrics().horizontalAdvance(
            self._names.load()) + 16))
        self.loads_model.retranslate()
        self.halls_model.retranslate()
        self.lines_model.retranslate()
        self._show_heading()
