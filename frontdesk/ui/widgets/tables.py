"""Read-only tables of whole rows: the one helper that builds them, and filling them.

Tables over row objects use a QTableView with a widgets.row_model.RowTableModel
(built by :func:`row_view`); small lists a screen fills at once (grooming roster and
history, admin lists) use :func:`read_only_table` + :func:`fill_table`; a table that must
fit its pane without a horizontal scroll bar uses :func:`fit_columns`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

STRETCH_ALL = None  # every column shares the spare width
STRETCH_LAST = -1  # columns keep their width, the last one takes what is left


def read_only_table(name: str, columns: int = 0, stretch: int | None = STRETCH_ALL, *,
                    striped: bool = False) -> QTableWidget:
    """A read-only table selecting one whole row.

    `stretch` names the one column that takes the spare width (the others fit their
    contents), or is STRETCH_ALL or STRETCH_LAST; `striped` alternates row colours.
    """
    return _read_only(QTableWidget(0, columns), name, stretch, striped)


def row_view(name: str, model: QAbstractItemModel, stretch: int | None = STRETCH_ALL) -> QTableView:
    """A read-only view over `model` selecting one whole row (`stretch` as in read_only_table)."""
    table = QTableView()
    table.setModel(model)
    return _read_only(table, name, stretch, False)


def _read_only(table, name: str, stretch: int | None, striped: bool):
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(striped)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    if stretch is STRETCH_ALL:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    elif stretch == STRETCH_LAST:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fit_columns(table: QTableView, stretch: int) -> None:
    """Size every column of `table` to its contents but `stretch`, which takes what is left;
    the table asks its pane (a splitter's) for the width the other columns and the stretch
    column's header need, so nothing hides behind a horizontal scroll bar."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(False)

    def ask_width(*_args) -> None:
        need = 0
        for col in range(header.count()):
            if header.isSectionHidden(col):
                continue
            size = header.sectionSizeHint(col)
            if col != stretch:
                size = max(size, table.sizeHintForColumn(col))
            need += size
        need += 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(need)

    model = table.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                   model.dataChanged, model.headerDataChanged):
        signal.connect(ask_width)
    ask_width()


def fill_table(table: QTableWidget, rows: list[list[str]], ids: list[int]) -> None:
    """Replace a read-only table's rows; each row's first cell carries the record id."""
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    # resizeColumnsToContents fixes every width, the stretching column's too, and the
    # header kept them until the pane was resized: a list shown empty, or refilled with
    # as many rows, left blank space on its right. Lay the sections out by their modes.
    table.horizontalHeader().resizeSections()


def id_at(table: QTableWidget, row: int) -> int | None:
    """The record id carried by `row` (see fill_table), or None."""
    item = table.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def selected_id(table: QTableWidget) -> int | None:
    """The record id of the current row, or None when no row is current."""
    row = table.currentRow()
    return None if row < 0 else id_at(table, row)
