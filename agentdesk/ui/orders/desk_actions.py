"""What the delivery desk does to a sheet: export it, hand it over, record its results."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from agentdesk.domain.dialing import center_today
from agentdesk.domain.dispatch import NEXT_STATUSES, DispatchSheet
from agentdesk.domain.orders import OrderStatus
from agentdesk.services.dispatch import WHOLE_ROUND
from agentdesk.services.dispatch_files import sheet_file_name, write_sheet_csv
from agentdesk.ui.models.dispatch import DispatchWords, handover_key
from agentdesk.ui.orders.desk_import import ImportSummaryDialog, check_results_file
from agentdesk.ui.orders.desk_results import ResultDialog
from agentdesk.ui.scripts.editor_words import fill
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dispatch import DispatchService, ImportOutcome
    from agentdesk.ui.orders.desk import DeliveryDesk

#: The statuses a hand-over sends out.
TO_HAND_OVER = frozenset({OrderStatus.CONFIRMED, OrderStatus.RESCHEDULED})


class RecordedResult(Protocol):
    """What the desk reads of a stored result (the service's ``RecordedResult``)."""

    @property
    def order_no(self) -> str: ...  # noqa: D102

    @property
    def status(self) -> OrderStatus: ...  # noqa: D102

    @property
    def callback_id(self) -> uuid.UUID | None: ...  # noqa: D102


class DeskActions(QObject):
    """Exports, the hand-over, results by hand and from a file, for one desk.

    One export or change runs at a time (:attr:`busy`); the outcome is told in the desk's
    status bar and through its signals, a failure with the project's message box.

    Args:
        desk: The desk whose chosen handover, sheet and order the actions work on.
        service: The delivery desk service.
        runner: Background task runner.
        clock: Says what "today" is for a rescheduled delivery.
    """

    def __init__(self, desk: DeliveryDesk, service: DispatchService, runner: TaskRunner,
                 clock: Clock) -> None:
        super().__init__(desk)
        self._desk = desk
        self._service = service
        self._runner = runner
        self._clock = clock
        self._names = DispatchWords(self)
        self.busy = False
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.result_dialog: ResultDialog | None = None
        self.import_dialog: ImportSummaryDialog | None = None

    # ------------------------------------------------------------------ exports
    def export_csv(self) -> None:
        """Save the sheet on screen as a CSV file (Ctrl+E)."""
        self._export("csv", self.tr("CSV files (*.csv)"), write_sheet_csv)

    def export_pdf(self) -> None:
        """Save the sheet on screen as a printable PDF (Ctrl+P)."""
        from agentdesk.ui.orders.dispatch_pdf import write_sheet_pdf  # loads fonts on use

        self._export("pdf", self.tr("PDF files (*.pdf)"), write_sheet_pdf)

    def _export(self, extension: str, file_filter: str,
                write: Callable[[DispatchSheet, Path, str], Any]) -> None:
        sheet = self._desk.sheet
        if sheet is None or not sheet.lines or self.busy:
            return
        name = sheet_file_name(sheet, extension)
        if self._desk.sheet_for.currentData() == WHOLE_ROUND:  # not the team's sheet
            name = name.replace("-home.", "-all.")
        suggested = self.folder / name
        target = self._desk.choose_save_path(self.tr("Save the dispatch sheet"),
                                             str(suggested), file_filter)
        if target is None:
            return
        if not target.suffix:
            target = target.with_suffix(f".{extension}")
        self.folder = target.parent
        language = self._desk.language()

        def written(_result: object) -> None:
            self._desk.show_status(fill(self.tr("Saved %1 (%2)."), str(target),
                                        self.tr("%n order(s)", "", len(sheet.lines))))
            self._desk.exported.emit(target)

        self._run(lambda: write(sheet, target, language), written)

    # ------------------------------------------------------------------ hand-over
    def hand_over(self) -> None:
        """Mark the sheet's orders as handed over, after a confirmation (Ctrl+H)."""
        desk = self._desk
        sheet, load = desk.sheet, desk.current_load()
        if sheet is None or load is None or self.busy or not self._service.can_manage:
            return
        count = sum(1 for line in sheet.lines if line.status in TO_HAND_OVER)
        if not count:
            desk.show_status(self.tr("Nothing to hand over: every order on this sheet has "
                                     "gone out."))
            return
        round_id, day = handover_key(load)
        hall: uuid.UUID | str | None = desk.sheet_for.currentData()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hand over"), fill(
            self.tr("Hand %n order(s) over to %1? They will be marked as dispatched.", "",
                    count), self._recipient(hall)), QMessageBox.StandardButton.Cancel, desk)
        box.setObjectName("handOverBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        confirm = box.addButton(self.tr("&Hand over"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(confirm)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        service = self._service
        printed = frozenset(line.order_id for line in sheet.lines)  # only what is on screen

        def done(handed: int) -> None:
            desk.show_status(self.tr("Handed over %n order(s).", "", handed))
            desk.handed_over.emit(handed)
            desk.reload()

        def answered(button: Any) -> None:
            if button is confirm and round_id is not None:
                self._run(lambda: service.hand_over(round_id, day, hall, order_ids=printed),
                          done)

        box.buttonClicked.connect(answered)
        box.open()

    def _recipient(self, hall: object) -> str:
        if hall is None:
            return self.tr("the delivery team")
        if hall == WHOLE_ROUND:
            return self.tr("the delivery team and the halls")
        return self._desk.sheet_for.currentText()

    # ------------------------------------------------------------------ results
    def enter_result(self) -> None:
        """Enter the delivery result of the chosen order (Ctrl+R, Enter on an order)."""
        line = self._desk.current_line()
        if line is None or not self._service.can_manage or self.result_dialog is not None:
            return
        if not NEXT_STATUSES[line.status]:
            self._desk.show_status(fill(self.tr("%1 is closed (%2): no result can follow."),
                                        line.order_no, self._names.status(line.status)))
            return
        dialog = ResultDialog(self._service, self._runner, line,
                              center_today(self._clock.now()), self._desk)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._result_stored)
        dialog.finished.connect(lambda _code: setattr(self, "result_dialog", None))
        self.result_dialog = dialog
        dialog.open()

    def _result_stored(self, recorded: RecordedResult) -> None:
        desk = self._desk
        status = self._names.status(recorded.status)
        line = next((x for x in desk.lines() if x.order_no == recorded.order_no), None)
        if recorded.callback_id is not None:
            text = fill(self.tr("%1: %2. A callback was booked for %3, who took the order."),
                        recorded.order_no, status, line.agent_name if line else "?")
        else:
            text = fill(self.tr("%1: %2. No callback was needed."), recorded.order_no, status)
        desk.show_status(text)
        desk.result_saved.emit(recorded)
        desk.load_sheet()

    def import_results(self) -> None:
        """Read a results file, show what it would do, save it once confirmed (Ctrl+I)."""
        if not self._service.can_manage or self.busy or self.import_dialog is not None:
            return
        path = self._desk.choose_open_path(
            self.tr("Import delivery results"),
            self.tr("Results files (*.csv *.txt);;All files (*)"))
        if path is None:
            return
        self.folder = path.parent
        desk, service, runner = self._desk, self._service, self._runner

        def checked(result: tuple[Any, ImportOutcome]) -> None:
            dialog = ImportSummaryDialog(service, runner, path, result[0], result[1], desk)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.imported.connect(self._imported)
            dialog.finished.connect(lambda _code: setattr(self, "import_dialog", None))
            self.import_dialog = dialog
            dialog.open()

        self._run(lambda: check_results_file(service, path), checked)

    def _imported(self, outcome: ImportOutcome) -> None:
        saved = self.tr("%n result(s) saved", "", len(outcome.recorded))
        refused = self.tr("%n problem(s)", "", len(outcome.problems))
        self._desk.show_status(fill(self.tr("Results imported: %1, %2."), saved, refused))
        self._desk.imported.emit(outcome)
        self._desk.reload()

    # ------------------------------------------------------------------ helpers
    def _run(self, work: Callable[[], Any], success: Callable[[Any], Any]) -> None:
        """Run a change or an export; one at a time."""
        self.busy = True
        self._desk.update_actions()

        def finished() -> None:
            self.busy = False
            self._desk.update_actions()

        self._runner.run(work, success, self._desk.show_failure, owner=self._desk,
                         finished=finished)

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Ask where to save a file; None if the user cancels."""
        path, _chosen = QFileDialog.getSaveFileName(self._desk, title, suggested, file_filter)
        return Path(path) if path else None

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        """Ask which file to open; None if the user cancels."""
        path, _chosen = QFileDialog.getOpenFileName(self._desk, title, str(self.folder),
                                                    file_filter)
        return Path(path) if path else None
