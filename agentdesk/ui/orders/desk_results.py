"""Enter one order's delivery result by hand: what happened, why, the cash, the new day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.dispatch import (
    MAX_REASON,
    MAX_REPORTER,
    MAX_RESCHEDULE_DAYS,
    DeliveryResult,
    ResultReport,
    SheetLine,
)
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.orders import PaymentMethod
from agentdesk.ui.models.dispatch import DispatchWords
from agentdesk.ui.orders.desk_words import DeskWords
from agentdesk.ui.scripts.editor_parts import shortcut
from agentdesk.ui.scripts.editor_words import fill
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.dispatch import DispatchService

#: The results in the order of their keys, 1 to 4.
RESULTS = (DeliveryResult.DELIVERED, DeliveryResult.FAILED, DeliveryResult.REFUSED,
           DeliveryResult.RESCHEDULED)
PROBLEM_STYLE = "color: #c62828;"
_FIELDS = ("reason", "collected", "reschedule_date", "reporter")


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def _amount(text: str) -> Decimal | None:
    """Return the amount typed (``¥6,584.20`` is fine), None when blank.

    Raises:
        ValueError: not an amount.
    """
    cleaned = text.strip().removeprefix("¥").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


class ResultDialog(QDialog):
    """The result of one order, saved on a worker; a refusal is shown beside its fields.

    Keys 1-4 choose Delivered, Failed, Refused, Rescheduled (while the focus is not in a
    text field); Enter saves; Escape cancels. What was entered stays when a save is refused.

    Args:
        service: The delivery desk.
        runner: Background task runner.
        line: The order, as the sheet shows it.
        today: The center's day (the new date of a rescheduled delivery comes after it).
        parent: The desk.

    Signals:
        saved(object): the :class:`~agentdesk.store.dispatch.RecordedResult` stored.
        refused(object): the KnownError of a save that was refused (shown in the dialog).
    """

    saved = Signal(object)
    refused = Signal(object)

    def __init__(self, service: DispatchService, runner: TaskRunner, line: SheetLine,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultDialog")
        self._service = service
        self._runner = runner
        self.line = line
        self._today = today
        self._busy = False
        self._words = DeskWords(self)
        self._names = DispatchWords(self)
        self._build()
        self.retranslate_ui()
        self._result_changed()
        self.radios[0].setFocus()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("resultHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.results = QButtonGroup(self)
        row = QHBoxLayout()
        self.radios: list[QRadioButton] = []
        for number, result in enumerate(RESULTS, start=1):
            radio = QRadioButton(self)
            radio.setObjectName(f"result_{result.value}")
            self.results.addButton(radio, number)
            self.radios.append(radio)
            row.addWidget(radio)
            shortcut(self, str(number), radio.click, Qt.ShortcutContext.WindowShortcut)
        row.addStretch(1)
        self.radios[0].setChecked(True)
        self.results.idToggled.connect(lambda _id, on: self._result_changed() if on else None)
        self.status_problem = _problem_label(self, "statusProblem")
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.reason.lineEdit()
        assert edit is not None
        edit.setMaxLength(MAX_REASON)
        self.collected = QLineEdit(self)
        self.collected.setObjectName("collected")
        self.collected.setMaxLength(20)
        self.collected.setAlignment(Qt.AlignmentFlag.AlignRight)
        if self.line.payment is PaymentMethod.CASH_ON_DELIVERY:
            self.collected.setText(f"{self.line.total:.2f}")
        self.new_date = QDateEdit(self)
        self.new_date.setObjectName("newDate")
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("yyyy-MM-dd")
        first = self._today + timedelta(days=1)
        last = self._today + timedelta(days=MAX_RESCHEDULE_DAYS)
        self.new_date.setDateRange(QDate(first.year, first.month, first.day),
                                   QDate(last.year, last.month, last.day))
        self.new_date.setDate(QDate(first.year, first.month, first.day))
        self.reporter = QLineEdit(self)
        self.reporter.setObjectName("reporter")
        self.reporter.setMaxLength(MAX_REPORTER)
        self.problems = {field: _problem_label(self, f"{field}Problem") for field in _FIELDS}
        self.reason_caption, self.collected_caption = QLabel(self), QLabel(self)
        self.date_caption, self.reporter_caption = QLabel(self), QLabel(self)
        form = QFormLayout()
        for caption, field, key in ((self.reason_caption, self.reason, "reason"),
                                    (self.collected_caption, self.collected, "collected"),
                                    (self.date_caption, self.new_date, "reschedule_date"),
                                    (self.reporter_caption, self.reporter, "reporter")):
            caption.setBuddy(field)
            form.addRow(caption, field)
            form.addRow("", self.problems[key])
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveResult")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.status_problem)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ state
    @property
    def chosen(self) -> DeliveryResult:
        """The result chosen."""
        return RESULTS[max(self.results.checkedId(), 1) - 1]

    def choose(self, result: DeliveryResult) -> None:
        """Choose a result (as its key does)."""
        self.radios[RESULTS.index(result)].click()

    def _result_changed(self) -> None:
        result = self.chosen
        typed = self.reason.currentText()
        self.reason.blockSignals(True)
        self.reason.clear()
        self.reason.addItems(self._words.reasons(result))
        self.reason.setCurrentIndex(-1)
        self.reason.setEditText(typed)
        self.reason.blockSignals(False)
        edit = self.reason.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(
                self.tr("Optional") if result is DeliveryResult.DELIVERED
                else self.tr("Required: pick a usual reason or type one"))
        self.collected.setEnabled(result is DeliveryResult.DELIVERED)
        self.new_date.setEnabled(result is DeliveryResult.RESCHEDULED)

    def _report(self) -> tuple[ResultReport | None, dict[str, str]]:
        """The report entered, or the problems found before asking the service."""
        result = self.chosen
        collected = None
        if result is DeliveryResult.DELIVERED:
            try:
                collected = _amount(self.collected.text())
            except ValueError:
                return None, {"collected": "invalid"}
        when = None
        if result is DeliveryResult.RESCHEDULED:
            chosen = self.new_date.date()
            when = date(chosen.year(), chosen.month(), chosen.day())
        return ResultReport(order_no=self.line.order_no, result=result,
                            reason=self.reason.currentText().strip(), collected=collected,
                            reschedule_date=when, reporter=self.reporter.text().strip()), {}

    def show_problems(self, problems: Mapping[str, str], text: str = "") -> None:
        """Show each field's problem beside it, and ``text`` (or the status's) above them."""
        for field, label in self.problems.items():
            code = problems.get(field)
            label.setText(self._words.field_problem(field, code) if code else "")
            label.setVisible(bool(code))
        status = problems.get("status")
        top = text or (self._words.field_problem("status", status) if status else "")
        self.status_problem.setText(top)
        self.status_problem.setVisible(bool(top))
        for field, widget in (("reason", self.reason), ("collected", self.collected),
                              ("reschedule_date", self.new_date), ("reporter", self.reporter)):
            if field in problems and widget.isEnabled():
                widget.setFocus()
                break

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the result on a worker (Enter); close once it is stored."""
        if self._busy:
            return
        report, problems = self._report()
        if report is None:
            self.show_problems(problems)
            return
        self._busy = True
        self.save_button.setEnabled(False)
        service = self._service

        def stored(recorded: object) -> None:
            self.saved.emit(recorded)
            self.accept()

        def refused(error: KnownError) -> None:
            if isinstance(error, ValidationError):
                self.show_problems(error.problems)
            else:
                self.show_problems({}, self._words.error(error))
            self.refused.emit(error)

        def finished() -> None:
            self._busy = False
            self.save_button.setEnabled(True)

        self._runner.run(lambda: service.record_result(report), stored, refused, owner=self,
                         finished=finished)

    def reject(self) -> None:
        """Cancel (Escape), unless a save is under way."""
        if not self._busy:
            super().reject()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        line = self.line
        self.setWindowTitle(fill(self.tr("Delivery result of %1"), line.order_no))
        self.heading.setText(fill(self.tr("%1 · %2 · %3, %4"), line.order_no,
                                  line.customer_name, self._names.money(line.total),
                                  self._names.payment(line.payment)))
        for number, (radio, result) in enumerate(zip(self.radios, RESULTS, strict=True),
                                                 start=1):
            radio.setText(f"{number}  {self._words.result(result)}")
            radio.setToolTip(fill(self.tr("Key %1"), str(number)))
        self.reason_caption.setText(self.tr("&Reason"))
        self.collected_caption.setText(self.tr("&Amount collected (¥)"))
        self.date_caption.setText(self.tr("&New date"))
        self.reporter_caption.setText(self.tr("Reported &by"))
        self.reporter.setPlaceholderText(self.tr("Courier or hall clerk"))
        self.save_button.setText(self.tr("&Save result"))
        self._result_changed()
