"""The order form's lines: a product picker and the table of lines with their prices."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from agentdesk.domain.orders import CatalogueItem
from agentdesk.domain.pricing import DEFAULT_MAX_QUANTITY, OrderLineDraft
from agentdesk.ui.labels import Labels, bilingual

_Index = QModelIndex | QPersistentModelIndex


class LinesModel(QAbstractTableModel):
    """The order's lines: product, options, quantity, unit price, discount, line total."""

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.items: list[CatalogueItem] = []
        self.lines: list[OrderLineDraft] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per line."""
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Product, options, quantity, unit price, discount, total."""
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Product"), self.tr("Options"), self.tr("Qty"), self.tr("Unit price"),
                self.tr("Discount"), self.tr("Total"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The line's values as text."""
        if not index.isValid():
            return None
        line, item = self.lines[index.row()], self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and item.offer_name:
            return bilingual(item.offer_name, item.offer_name_en)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and line.options:
            return line.options
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        money = self._labels.money
        return (bilingual(item.name, item.name_en), line.options, str(line.quantity),
                money(line.unit_price), money(line.discount) if line.discount else "",
                money(line.line_total))[column]

    def add(self, item: CatalogueItem, line: OrderLineDraft) -> None:
        """Append a line."""
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.items.append(item)
        self.lines.append(line)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        """Remove line ``row``."""
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row], self.lines[row]
            self.endRemoveRows()


def parse_amount(text: str) -> Decimal | None:
    """Return a typed amount in yuan (``12``, ``12.5``, ``¥1,200``), None if it is not one."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("元", "")
    if not cleaned:
        return Decimal("0.00")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class LinesEditor(QWidget):
    """Pick a product (type part of its name or code), quantity, options, discount; Enter adds.

    Signals:
        changed(): a line was added or removed.
    """

    changed = Signal()

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.product = QComboBox(self)
        self.product.setObjectName("orderProduct")
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.product.model(), self.product)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.product.setCompleter(completer)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("orderQuantity")
        self.quantity.setRange(1, DEFAULT_MAX_QUANTITY)
        self.options = QLineEdit(self)
        self.options.setObjectName("orderOptions")
        self.options.setMaxLength(100)
        self.discount = QLineEdit(self)
        self.discount.setObjectName("orderLineDiscount")
        self.discount.setMaxLength(16)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("orderAddLine")
        self.offer_label = QLabel(self)
        self.offer_label.setObjectName("orderOffer")
        self.offer_label.setWordWrap(True)
        self.offer_label.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("orderLineProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.model = LinesModel(labels, self)
        self.table = QTableView(self)
        self.table.setObjectName("orderLines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * 4 + self.table.horizontalHeader().sizeHint().height()
                                    + 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, metrics.horizontalAdvance("512GB 雅川青 x") + 16)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        amount = metrics.horizontalAdvance("¥000,000.00") + 16
        for column in (3, 4, 5):  # amounts: wide enough for six figures, never elided
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, amount)
        self.product_label, self.quantity_label = QLabel(self), QLabel(self)
        self.options_label, self.discount_label = QLabel(self), QLabel(self)
        for label, buddy in ((self.product_label, self.product),
                             (self.quantity_label, self.quantity),
                             (self.options_label, self.options),
                             (self.discount_label, self.discount)):
            label.setBuddy(buddy)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.product_label, 0, 0)
        grid.addWidget(self.product, 0, 1, 1, 3)
        grid.addWidget(self.quantity_label, 0, 4)
        grid.addWidget(self.quantity, 0, 5)
        grid.addWidget(self.options_label, 1, 0)
        grid.addWidget(self.options, 1, 1)
        grid.addWidget(self.discount_label, 1, 2)
        grid.addWidget(self.discount, 1, 3)
        grid.addWidget(self.add_button, 1, 4, 1, 2)
        grid.addWidget(self.offer_label, 2, 0, 1, 6)
        grid.addWidget(self.problem, 3, 0, 1, 6)
        grid.addWidget(self.table, 4, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        self.add_button.clicked.connect(self.add_line)
        for editor in (self.options, self.discount):
            editor.returnPressed.connect(self.add_line)
        self.quantity.lineEdit().returnPressed.connect(self.add_line)
        self._product_edit().returnPressed.connect(self._product_entered)
        self.product.currentIndexChanged.connect(self._show_offer)
        self._remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table,
                                 context=Qt.ShortcutContext.WidgetShortcut)
        self._remove.activated.connect(self.remove_selected)
        self.retranslate_ui()

    def _product_edit(self) -> QLineEdit:
        edit = self.product.lineEdit()
        assert edit is not None  # the picker is editable
        return edit

    def set_items(self, items: tuple[CatalogueItem, ...]) -> None:
        """Offer ``items`` in the picker."""
        self.product.clear()
        for item in items:
            name = bilingual(item.name, item.name_en)
            self.product.addItem(f"{name} · {item.sku} · {self._labels.money(item.price)}", item)
        self.product.setCurrentIndex(-1)
        self.product.setEditText("")

    def current_item(self) -> CatalogueItem | None:
        """The product picked, None when the typed text matches none."""
        text = self.product.currentText().strip()
        index = self.product.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0 and text:
            matches = [i for i in range(self.product.count())
                       if text.casefold() in self.product.itemText(i).casefold()]
            index = matches[0] if len(matches) == 1 else -1
        if index < 0:
            return None
        item = self.product.itemData(index)
        return item if isinstance(item, CatalogueItem) else None

    def _product_entered(self) -> None:
        if self.current_item() is not None:
            self.quantity.setFocus()
            self.quantity.selectAll()

    def _show_offer(self) -> None:
        item = self.current_item()
        if item is None or not item.offer_name:
            self.offer_label.setText("")
            self.offer_label.setVisible(False)
            return
        text = self.tr("Offer: %1 (%2 instead of %3). Eligibility: %4").replace(
            "%1", bilingual(item.offer_name, item.offer_name_en)).replace(
            "%2", self._labels.money(item.price)).replace(
            "%3", self._labels.money(item.list_price)).replace(
            "%4", item.eligibility or "-")
        self.offer_label.setText(text)
        self.offer_label.setVisible(True)

    def add_line(self) -> None:
        """Add the picked product as a line (Enter in any of the line's fields)."""
        item = self.current_item()
        if item is None:
            self.problem.setText(self.tr("Type part of a product's name or code and pick it."))
            self.product.setFocus()
            return
        discount = parse_amount(self.discount.text())
        if discount is None or discount < 0 or discount != discount.quantize(Decimal("0.01")):
            self.problem.setText(self.tr(
                "A discount is an amount in yuan with at most 2 decimals."))
            self.discount.setFocus()
            return
        line = OrderLineDraft(item.sku, item.name, item.price, self.quantity.value(),
                              discount.quantize(Decimal("0.01")), self.options.text().strip())
        if line.discount > line.line_gross:
            self.problem.setText(self.tr("A discount cannot be more than the line's price."))
            self.discount.setFocus()
            return
        self.problem.setText("")
        self.model.add(item, line)
        self.quantity.setValue(1)
        self.options.clear()
        self.discount.clear()
        self.product.setCurrentIndex(-1)
        self.product.setEditText("")
        self.product.setFocus()
        self.changed.emit()

    def remove_selected(self) -> None:
        """Delete: remove the selected line."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())
            self.changed.emit()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self.product_label.setText(self.tr("Pro&duct:"))
        self.quantity_label.setText(self.tr("&Qty:"))
        self.options_label.setText(self.tr("Op&tions:"))
        self.discount_label.setText(self.tr("Disc&ount ¥:"))
        self.add_button.setText(self.tr("Add line (Enter)"))
        self._product_edit().setPlaceholderText(self.tr("Type a name or code, e.g. 169"))
        self.options.setPlaceholderText(self.tr("Colour, storage..."))
        self.discount.setPlaceholderText("0.00")
        self.table.setToolTip(self.tr("Delete removes the selected line."))
