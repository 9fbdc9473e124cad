"""The customer edit form: validated by the service, nothing typed is lost on an error."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.customers import (
    AddressDraft,
    Customer,
    CustomerDraft,
    Gender,
    PhoneDraft,
)
from agentdesk.domain.errors import KnownError, StaleRecordError, ValidationError
from agentdesk.domain.phones import format_phone
from agentdesk.ui.labels import Labels
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner

_TAG_SPLIT = re.compile(r"[,，、;；\s]+")
_ERROR_STYLE = "color: #b3261e;"


class _PhoneRow:
    def __init__(self, grid: QGridLayout, row: int, group: QButtonGroup, parent: QWidget) -> None:
        self.id: uuid.UUID | None = None
        self.number = QLineEdit(parent)
        self.label = QLineEdit(parent)
        self.primary = QRadioButton(parent)
        group.addButton(self.primary)
        self.remove = QPushButton("×", parent)
        self.remove.setFixedWidth(32)
        self.error = QLabel(parent)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        for column, widget in enumerate((self.number, self.label, self.primary, self.remove)):
            grid.addWidget(widget, row * 2, column)
        grid.addWidget(self.error, row * 2 + 1, 0, 1, 4)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.number, self.label, self.primary, self.remove, self.error)


class _AddressRow:
    def __init__(self, grid: QGridLayout, row: int, group: QButtonGroup, parent: QWidget) -> None:
        self.id: uuid.UUID | None = None
        self.label_text = ""  # kept as loaded: the form does not edit address labels
        self.province = QLineEdit(parent)
        self.city = QLineEdit(parent)
        self.district = QLineEdit(parent)
        self.street = QLineEdit(parent)
        self.postal_code = QLineEdit(parent)
        self.postal_code.setFixedWidth(80)
        self.default = QRadioButton(parent)
        group.addButton(self.default)
        self.remove = QPushButton("×", parent)
        self.remove.setFixedWidth(32)
        self.error = QLabel(parent)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        for column, widget in enumerate((self.province, self.city, self.district, self.street,
                                         self.postal_code, self.default, self.remove)):
            grid.addWidget(widget, row * 2, column)
        grid.addWidget(self.error, row * 2 + 1, 0, 1, 7)
        grid.setColumnStretch(3, 1)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.province, self.city, self.district, self.street, self.postal_code,
                self.default, self.remove, self.error)


class CustomerEditor(QDialog):
    """Edits a customer (or creates one) and saves through the service on a worker thread.

    Args:
        save: Stores a draft over the given base version and returns the stored customer
            (runs on a worker thread).
        reload: Reads the customer as stored now (runs on a worker thread); after someone
            else's save it gives the form the new base version, keeping what was typed.
        runner: Background task runner.
        customer: The customer to edit; None for a new one.
        prefill_phone: A number to start a new customer with (unknown caller).

    Signals:
        saved(object): the stored :class:`Customer`.
    """

    saved = Signal(object)

    def __init__(
        self,
        save: Callable[[CustomerDraft, int | None], Customer],
        reload: Callable[[], Customer] | None,
        runner: TaskRunner,
        labels: Labels,
        customer: Customer | None = None,
        prefill_phone: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerEditor")
        self._save = save
        self._reload = reload
        self._base_version = customer.version if customer else None
        self._saving = False
        self._runner = runner
        self._labels = labels
        self._messages = Messages(self)
        self._customer = customer
        self._phone_rows: list[_PhoneRow] = []
        self._address_rows: list[_AddressRow] = []
        self._grid_rows = 0  # grid rows ever used; removed rows leave their slots empty
        self._build()
        self._load(customer, prefill_phone)
        self.retranslate_ui()
        self.name.setFocus()
        self.resize(820, 640)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("editorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_ERROR_STYLE + "font-weight: bold;")
        self.banner.hide()
        body = QWidget(self)
        form = QFormLayout(body)
        self.name = QLineEdit(body)
        self.name.setObjectName("editName")
        self.name_error = self._error_label(body)
        self.gender = QComboBox(body)
        self.city = QLineEdit(body)
        self.language = QComboBox(body)
        self.tags = QLineEdit(body)
        self.tags.setObjectName("editTags")
        self.tags_error = self._error_label(body)
        self.notes = QPlainTextEdit(body)
        self.notes.setObjectName("editNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(100)
        self.notes_error = self._error_label(body)
        self._labels_widgets = [QLabel(body) for _ in range(6)]
        form.addRow(self._labels_widgets[0], self.name)
        form.addRow("", self.name_error)
        form.addRow(self._labels_widgets[1], self.gender)
        form.addRow(self._labels_widgets[2], self.city)
        form.addRow(self._labels_widgets[3], self.language)
        form.addRow(self._labels_widgets[4], self.tags)
        form.addRow("", self.tags_error)
        form.addRow(self._labels_widgets[5], self.notes)
        form.addRow("", self.notes_error)

        self.phones_box = QGroupBox(body)
        self._phones_grid = QGridLayout()
        self.phones_error = self._error_label(self.phones_box)
        self.add_phone_button = QPushButton(self.phones_box)
        self.add_phone_button.clicked.connect(lambda: self._add_phone().number.setFocus())
        self._phone_group = QButtonGroup(self)
        phones_layout = QVBoxLayout(self.phones_box)
        phones_layout.addLayout(self._phones_grid)
        phones_layout.addWidget(self.phones_error)
        phones_layout.addWidget(self.add_phone_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.addresses_box = QGroupBox(body)
        self._addresses_grid = QGridLayout()
        self.addresses_error = self._error_label(self.addresses_box)
        self.add_address_button = QPushButton(self.addresses_box)
        self.add_address_button.clicked.connect(lambda: self._add_address().province.setFocus())
        self._address_group = QButtonGroup(self)
        addresses_layout = QVBoxLayout(self.addresses_box)
        addresses_layout.addLayout(self._addresses_grid)
        addresses_layout.addWidget(self.addresses_error)
        addresses_layout.addWidget(self.add_address_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.phones_box)
        form.addRow(self.addresses_box)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    @staticmethod
    def _error_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_phone(self) -> _PhoneRow:
        self._grid_rows += 1
        row = _PhoneRow(self._phones_grid, self._grid_rows, self._phone_group, self.phones_box)
        row.number.setObjectName(f"editPhone{len(self._phone_rows)}")
        row.remove.clicked.connect(lambda: self._remove_phone(row))
        self._phone_rows.append(row)
        if len(self._phone_rows) == 1:
            row.primary.setChecked(True)
        self._retranslate_rows()
        return row

    def _remove_phone(self, row: _PhoneRow) -> None:
        for widget in row.widgets():
            widget.hide()
        self._phone_group.removeButton(row.primary)
        self._phone_rows.remove(row)

    def _add_address(self) -> _AddressRow:
        self._grid_rows += 1
        row = _AddressRow(self._addresses_grid, self._grid_rows, self._address_group,
                          self.addresses_box)
        row.remove.clicked.connect(lambda: self._remove_address(row))
        self._address_rows.append(row)
        if len(self._address_rows) == 1:
            row.default.setChecked(True)
        self._retranslate_rows()
        return row

    def _remove_address(self, row: _AddressRow) -> None:
        for widget in row.widgets():
            widget.hide()
        self._address_group.removeButton(row.default)
        self._address_rows.remove(row)

    def _load(self, customer: Customer | None, prefill_phone: str) -> None:
        for gender in Gender:
            self.gender.addItem("", gender)
        self.language.addItem("", "zh")
        self.language.addItem("", "en")
        if customer is None:
            self._add_phone().number.setText(prefill_phone)
            return
        self.name.setText(customer.name)
        self.gender.setCurrentIndex(list(Gender).index(customer.gender))
        self.city.setText(customer.city)
        self.language.setCurrentIndex(1 if customer.language == "en" else 0)
        self.tags.setText(", ".join(customer.tags))
        self.notes.setPlainText(customer.notes)
        for phone in customer.phones:
            row = self._add_phone()
            row.id = phone.id
            row.number.setText(format_phone(phone.e164))
            row.label.setText(phone.label)
            row.primary.setChecked(phone.is_primary)
        if not customer.phones:
            self._add_phone()
        for address in customer.addresses:
            arow = self._add_address()
            arow.id = address.id
            arow.province.setText(address.province)
            arow.city.setText(address.city)
            arow.district.setText(address.district)
            arow.street.setText(address.street)
            arow.postal_code.setText(address.postal_code)
            arow.default.setChecked(address.is_default)
            arow.label_text = address.label

    # ------------------------------------------------------------------ saving
    def draft(self) -> CustomerDraft:
        """Return what the form holds, unvalidated."""
        return CustomerDraft(
            name=self.name.text(),
            gender=Gender(self.gender.currentData()),
            city=self.city.text(),
            language=str(self.language.currentData()),
            tags=[t for t in _TAG_SPLIT.split(self.tags.text()) if t],
            notes=self.notes.toPlainText(),
            phones=[
                PhoneDraft(r.number.text(), r.label.text(), r.primary.isChecked(), r.id)
                for r in self._phone_rows
            ],
            addresses=[
                AddressDraft(r.province.text(), r.city.text(), r.district.text(),
                             r.street.text(), r.postal_code.text(), r.label_text,
                             r.default.isChecked(), r.id)
                for r in self._address_rows
            ],
        )

    def submit(self) -> None:
        """Validate and store the form on a worker thread; the dialog stays open on errors."""
        draft = self.draft()
        self._clear_errors()
        self.save_button.setEnabled(False)
        self._saving = True
        base_version = self._base_version
        self._runner.run(lambda: self._save(draft, base_version), self._stored, self._failed,
                         owner=self, finished=self._save_finished)

    def _save_finished(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _stored(self, customer: Customer) -> None:
        self.saved.emit(customer)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self.banner.setText(self._messages.error(error))
        self.banner.show()
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
        elif isinstance(error, StaleRecordError) and self._reload is not None:
            # Take the stored version as the new base: a second Save is a conscious
            # choice to replace the other change, and nothing typed is lost.
            self._runner.run(self._reload, self._rebased, owner=self)

    def _rebased(self, current: Customer) -> None:
        self._base_version = current.version

    def reject(self) -> None:
        """Close without saving, unless a save is under way (its result must arrive)."""
        if not self._saving:
            super().reject()

    def _show_problems(self, problems: dict[str, str]) -> None:
        singles = {"name": self.name_error, "tags": self.tags_error, "notes": self.notes_error,
                   "phones": self.phones_error, "addresses": self.addresses_error}
        first: QWidget | None = None
        for key, code in problems.items():
            text = self._messages.problem(code)
            if key in singles:
                singles[key].setText(text)
                singles[key].show()
                first = first or {"name": self.name, "tags": self.tags,
                                  "notes": self.notes}.get(key)
                continue
            match = re.fullmatch(r"(phones|addresses)\[(\d+)\]", key)
            if match is None:
                continue
            index = int(match.group(2))
            kept_phones = [r for r in self._phone_rows if r.number.text().strip() or r.id]
            rows: list[_PhoneRow] | list[_AddressRow] = (
                kept_phones if match.group(1) == "phones" else self._address_rows
            )
            if index < len(rows):
                row = rows[index]
                row.error.setText(text)
                row.error.show()
                first = first or (row.number if isinstance(row, _PhoneRow) else row.street)
        if first is not None:
            first.setFocus()

    def _clear_errors(self) -> None:
        self.banner.hide()
        for label in (self.name_error, self.tags_error, self.notes_error, self.phones_error,
                      self.addresses_error):
            label.hide()
        for row in self._phone_rows:
            row.error.hide()
        for arow in self._address_rows:
            arow.error.hide()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("New customer") if self._customer is None
                            else self.tr("Edit customer"))
        for label, text in zip(self._labels_widgets, (
            self.tr("&Name"), self.tr("Gender"), self.tr("City"), self.tr("Language"),
            self.tr("&Tags"), self.tr("Notes"),
        ), strict=True):
            label.setText(text)
        self._labels_widgets[0].setBuddy(self.name)
        self._labels_widgets[4].setBuddy(self.tags)
        for index, gender in enumerate(Gender):
            self.gender.setItemText(index, self._labels.gender(gender))
        self.language.setItemText(0, self._labels.language("zh"))
        self.language.setItemText(1, self._labels.language("en"))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.phones_box.setTitle(self.tr("Phones (number, label, primary)"))
        self.addresses_box.setTitle(
            self.tr("Addresses (province, city, district, street, postal code, default)"))
        self.add_phone_button.setText(self.tr("Add &phone"))
        self.add_address_button.setText(self.tr("Add &address"))
        self._retranslate_rows()

    def _retranslate_rows(self) -> None:
        for row in self._phone_rows:
            row.number.setPlaceholderText(self.tr("Number, any format"))
            row.label.setPlaceholderText(self.tr("Label, e.g. office"))
            row.primary.setToolTip(self.tr("Primary number"))
            row.remove.setToolTip(self.tr("Remove this number"))
        for arow in self._address_rows:
            arow.province.setPlaceholderText(self.tr("Province"))
            arow.city.setPlaceholderText(self.tr("City"))
            arow.district.setPlaceholderText(self.tr("District"))
            arow.street.setPlaceholderText(self.tr("Street and number"))
            arow.postal_code.setPlaceholderText(self.tr("Postal code"))
            arow.default.setToolTip(self.tr("Default address"))
            arow.remove.setToolTip(self.tr("Remove this address"))
