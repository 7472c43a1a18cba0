"""A small keyed form for the service desk's screens: editors in FieldBoxes, errors at them.

Each editor is registered under the domain's field name, so a ValidationError's
`field` (or every entry of a FormInvalid) lands under the right editor. Enter moves
on (EnterAdvances), Ctrl+Enter submits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.fields import EnterAdvances, FieldBox


def combo(items: list[tuple[object, str]], name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    fill_combo(box, items)
    return box


def fill_combo(box: QComboBox, items: list[tuple[object, str]]) -> None:
    """Replace the items (value, label), keeping the current value when still offered."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for value, label in items:
        box.addItem(label, value)
    i = box.findData(current)
    box.setCurrentIndex(i if i >= 0 else 0)
    box.blockSignals(False)


def date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class KeyedForm:
    """Editors by field name, laid out in QFormLayouts (one per column)."""

    def __init__(self) -> None:
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.order: list[QWidget] = []

    def add(self, layout: QFormLayout, key: str, editor: QWidget) -> QWidget:
        box = FieldBox(key, editor)
        label = QLabel()
        label.setBuddy(editor)
        layout.addRow(label, box)
        self.boxes[key] = box
        self.labels[key] = label
        self.order.append(editor)
        if isinstance(editor, QPlainTextEdit):
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(60)
        return editor

    def editor(self, key: str) -> QWidget:
        return self.boxes[key].editor

    def enter_advances(self, submit: Callable[[], None], parent) -> EnterAdvances:
        return EnterAdvances(self.order, submit, parent)

    def value(self, key: str):
        e = self.editor(key)
        if isinstance(e, QLineEdit):
            return e.text()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText()
        if isinstance(e, QComboBox):
            return e.currentData()
        if isinstance(e, QDateEdit):
            return e.date().toPython()
        if isinstance(e, QCheckBox):
            return e.isChecked()
        raise TypeError(key)

    def set_value(self, key: str, value) -> None:
        e = self.editor(key)
        if isinstance(e, QLineEdit):
            e.setText("" if value is None else str(value))
        elif isinstance(e, QPlainTextEdit):
            e.setPlainText(value or "")
        elif isinstance(e, QComboBox):
            i = e.findData(value)
            e.setCurrentIndex(i if i >= 0 else 0)
        elif isinstance(e, QDateEdit) and value is not None:
            e.setDate(QDate(value))

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()

    def show_error(self, exc: FrontdeskError) -> bool:
        """Put the error (or each of a FormInvalid's) at its field; False when none fits."""
        errors = getattr(exc, "errors", None) or {exc.field: exc}
        shown = False
        first = None
        for key, err in errors.items():
            box = self.boxes.get(key or "")
            if box is not None:
                box.set_error(err.message())
                shown = True
                first = first or box
        if first is not None:
            first.editor.setFocus()
        return shown

    def error_text(self, key: str) -> str:
        return self.boxes[key].error_text()
