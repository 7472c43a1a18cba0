"""A form whose every field has its own red error line, fed by FrontdeskError.field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import FrontdeskError

ERROR_STYLE = "color: #b91c1c;"


class FieldForm(QWidget):
    """Rows of label + field + error line; `show_error` puts a domain message under its field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.general = QLabel()
        self.general.setObjectName("formError")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()

    def add(self, key: str, widget: QWidget, object_name: str) -> QWidget:
        label = QLabel()
        label.setBuddy(widget)
        widget.setObjectName(object_name)
        error = QLabel()
        error.setObjectName(f"{object_name}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        col.addWidget(error)
        self.layout_.addRow(label, box)
        self.fields[key], self.labels[key], self.errors[key] = widget, label, error
        return widget

    def finish(self) -> None:
        self.layout_.addRow(self.general)

    def set_label(self, key: str, text: str) -> None:
        self.labels[key].setText(text)
        self.fields[key].setAccessibleName(text.replace("&", "").rstrip("：:"))

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.hide()
        self.general.hide()

    def show_error(self, exc: FrontdeskError, aliases: dict[str, str] | None = None) -> None:
        """At the field the error names (or its alias), else under the whole form."""
        key = (aliases or {}).get(exc.field or "", exc.field)
        label = self.errors.get(key or "")
        target = label or self.general
        target.setText(exc.message())
        target.show()
        if key in self.fields:
            self.fields[key].setFocus()


def fill_table(table: QTableWidget, rows: list[list[str]], ids: list[int]) -> None:
    """Replace a read-only table's rows; each row's first cell carries the record id."""
    from PySide6.QtCore import Qt

    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def selected_id(table: QTableWidget) -> int | None:
    from PySide6.QtCore import Qt

    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


def make_table(object_name: str) -> QTableWidget:
    from PySide6.QtWidgets import QAbstractItemView

    table = QTableWidget()
    table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table
