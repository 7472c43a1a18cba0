"""Service desk tables that fit their pane at 1366: short columns sized to their contents,
one free-text column takes the rest (elided, in full as its tooltip), no horizontal scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView


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
