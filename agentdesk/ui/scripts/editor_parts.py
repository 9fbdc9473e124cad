"""The script editor's building blocks: row tables, shortcuts, columns and splitters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLayout,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def table_view(parent: QWidget, name: str, model: QAbstractItemModel,
               stretch: int = -1) -> QTableView:
    """Return a table of whole rows over ``model``; column ``stretch`` (-1: all) fills it."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if stretch < 0
                                else QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
    return table


def shortcut(widget: QWidget, key: str, slot: Callable[[], None],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QShortcut:
    """Return a shortcut on ``widget`` (by default working only while it has the focus)."""
    made = QShortcut(QKeySequence(key), widget, slot)
    made.setContext(context)
    return made


def add_to(layout: QBoxLayout, item: QWidget | QLayout, stretch: int = 0) -> None:
    """Add a widget or a layout to ``layout``."""
    if isinstance(item, QLayout):
        layout.addLayout(item, stretch)
    else:
        layout.addWidget(item, stretch)


def column(box: QWidget, *items: QWidget | QLayout | tuple[QWidget, int]) -> QWidget:
    """Lay ``items`` out top to bottom in ``box``; (widget, stretch) for one that grows."""
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, tuple):
            add_to(layout, *item)
        else:
            add_to(layout, item)
    return box


def splitter(orientation: Qt.Orientation, widgets: list[QWidget],
             sizes: list[int]) -> QSplitter:
    """Return a splitter of ``widgets`` whose last one grows; none can be collapsed."""
    made = QSplitter(orientation)
    for widget in widgets:
        made.addWidget(widget)
    made.setStretchFactor(len(widgets) - 1, 1)
    made.setSizes(sizes)
    made.setChildrenCollapsible(False)
    return made


def select_row(view: QAbstractItemView, row: int, column_index: int = 0) -> None:
    """Make ``row`` the view's current, selected row; out of range, clear the selection."""
    model = view.model()
    if 0 <= row < model.rowCount():
        view.selectionModel().setCurrentIndex(
            model.index(row, column_index), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
    else:
        view.clearSelection()
