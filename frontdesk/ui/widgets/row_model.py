"""A read-only table model over a list of row objects (the desk list, lookup, board).

Subclasses name their columns in HEADERS (marked with QT_TRANSLATE_NOOP in the
context HEADER_CONTEXT, so lupdate finds them) and answer data(); the rows,
their count and the translated headers are the same for all of them.

Every table model in frontdesk/ui derives from this one (tests/ui/test_row_model.py).
A model whose columns differ per instance (a report table) passes them, already
in the reader's words, to set_rows(rows, columns=...); ROW_NUMBERS = True numbers
the rows in the vertical header.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

_ROOT = QModelIndex()


class RowTableModel(QAbstractTableModel):
    """One row object per table row; set_rows() replaces them all."""

    HEADERS: tuple[str, ...] = ()
    HEADER_CONTEXT = ""  # the translation context HEADERS are marked in
    ROW_NUMBERS = False  # True: the vertical header shows 1, 2, 3, ...

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._columns: tuple[str, ...] | None = None  # per-instance titles, else HEADERS

    def set_rows(self, rows: list, columns: tuple[str, ...] | list[str] | None = None) -> None:
        """Show `rows` instead of what was shown (one model reset).

        `columns`, when given, are this instance's column titles (shown as they are,
        not translated) instead of the class's HEADERS.
        """
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = tuple(columns)
        self.endResetModel()

    def rows(self) -> list:
        """The objects shown, top to bottom (a copy)."""
        return list(self._rows)

    def row_at(self, row: int):
        """The object shown in `row`, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        if parent.isValid():
            return 0
        return len(self.HEADERS) if self._columns is None else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if self._columns is not None:
                return self._columns[section] if 0 <= section < len(self._columns) else None
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate(self.HEADER_CONTEXT, self.HEADERS[section])
        elif self.ROW_NUMBERS and 0 <= section < len(self._rows):
            return str(section + 1)
        return None
