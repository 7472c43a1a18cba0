"""A read-only table model over a list of row objects (the desk list, lookup, board).

Subclasses name their columns in HEADERS (marked with QT_TRANSLATE_NOOP in the
context HEADER_CONTEXT, so lupdate finds them) and answer data(); the rows,
their count and the translated headers are the same for all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

_ROOT = QModelIndex()


class RowTableModel(QAbstractTableModel):
    """One row object per table row; set_rows() replaces them all."""

    HEADERS: tuple[str, ...] = ()
    HEADER_CONTEXT = ""  # the translation context HEADERS are marked in

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        """Show `rows` instead of what was shown (one model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        """The object shown in `row`, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate(self.HEADER_CONTEXT, self.HEADERS[section])
        return None
