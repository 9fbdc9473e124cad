"""Import a results file: what a dry run found, then the real import once confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError
from agentdesk.services.result_files import ResultsFile, read_results_file
from agentdesk.ui.models.dispatch import DispatchWords, ProblemRow, problems_model
from agentdesk.ui.orders.desk_words import DeskWords
from agentdesk.ui.scripts.editor_parts import table_view
from agentdesk.ui.scripts.editor_words import fill
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.dispatch import DispatchService, ImportOutcome


def check_results_file(service: DispatchService,
                       path: Path) -> tuple[ResultsFile, ImportOutcome]:
    """Read a results file and try it without saving (on a worker).

    Raises:
        KnownError: ``file_unreadable``, or the desk's own errors (``not_allowed``...).
    """
    results = read_results_file(path)
    return results, service.import_results(results, dry_run=True)


class ImportSummaryDialog(QDialog):
    """What a results file would do: rows, results to save, problems by line; then saving.

    Saving runs the real import on a worker (its outcome may differ from the dry run's if
    someone entered a result meanwhile); the dialog closes once it is done.

    Args:
        service: The delivery desk.
        runner: Background task runner.
        path: The file.
        results: What the file holds.
        trial: The dry run's outcome.
        parent: The desk.

    Signals:
        imported(object): the :class:`~agentdesk.services.dispatch.ImportOutcome` saved.
    """

    imported = Signal(object)

    def __init__(self, service: DispatchService, runner: TaskRunner, path: Path,
                 results: ResultsFile, trial: ImportOutcome,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self._service = service
        self._runner = runner
        self.path = path
        self.results = results
        self.trial = trial
        self._busy = False
        self._words = DeskWords(self)
        names = DispatchWords(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importCounts")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problems_caption = QLabel(self)
        self.problems_model = problems_model(names, self._file_word, self)
        self.problems = table_view(self, "importProblems", self.problems_model, 1)
        self.problems_caption.setBuddy(self.problems)
        self.error = QLabel(self)
        self.error.setObjectName("importError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveResults")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_caption)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        saving = len(trial.recorded)
        self.save_button.setEnabled(saving > 0)
        self.save_button.setDefault(saving > 0)
        self.problems_caption.setVisible(bool(trial.problems))
        self.problems.setVisible(bool(trial.problems))
        self.resize(720, 420 if trial.problems else 160)
        self.retranslate_ui()
        (self.save_button if saving else self.cancel_button).setFocus()

    def _file_word(self) -> str:
        return self.tr("File")

    def save(self) -> None:
        """Store the file's good rows (Enter on "Save N results")."""
        if self._busy or not self.trial.recorded:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        service, results = self._service, self.results

        def saved(outcome: ImportOutcome) -> None:
            self.imported.emit(outcome)
            self.accept()

        def refused(error: KnownError) -> None:
            self.error.setText(self._words.error(error))
            self.error.show()

        def finished() -> None:
            self._busy = False
            self.save_button.setEnabled(bool(self.trial.recorded))

        self._runner.run(lambda: service.import_results(results), saved, refused, owner=self,
                         finished=finished)

    def reject(self) -> None:
        """Cancel (Escape): nothing is saved; not while saving."""
        if not self._busy:
            super().reject()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        trial = self.trial
        self.setWindowTitle(fill(self.tr("Import results: %1"), self.path.name))
        rows = self.tr("%n row(s) read", "", trial.rows)
        saving = self.tr("%n result(s) can be saved", "", len(trial.recorded))
        refused = self.tr("%n problem(s)", "", len(trial.problems))
        self.summary.setText(fill(self.tr("%1: %2; %3; %4. Nothing is saved until you "
                                          "confirm."), self.path.name, rows, saving, refused))
        self.problems_caption.setText(self.tr("&Rows that will not be saved"))
        self.problems_model.set_rows([ProblemRow(p.line, self._words.file_problem(p))
                                      for p in trial.problems])
        self.save_button.setText(self.tr("&Save %n result(s)", "", len(trial.recorded)))
