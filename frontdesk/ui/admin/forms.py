"""A form whose every field has its own red error line, fed by FrontdeskError.field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error


class FieldForm(QWidget):
    """Rows of label + field (a FieldBox with its error line); `show_error` puts a domain
    message under its field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.general = error_label("formError")

    def add(self, key: str, widget: QWidget, object_name: str) -> QWidget:
        label = QLabel()
        label.setBuddy(widget)
        widget.setObjectName(object_name)
        box = FieldBox(object_name, widget)
        self.layout_.addRow(label, box)
        self.fields[key], self.labels[key], self.boxes[key] = widget, label, box
        self.errors[key] = box.error
        return widget

    def finish(self) -> None:
        self.layout_.addRow(self.general)

    def set_label(self, key: str, text: str) -> None:
        self.labels[key].setText(text)
        self.fields[key].setAccessibleName(text.replace("&", "").rstrip("：:"))

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        show_error(self.general, "")

    def show_error(self, exc: FrontdeskError, aliases: dict[str, str] | None = None) -> None:
        """At the field the error names (or its alias), else under the whole form."""
        key = (aliases or {}).get(exc.field or "", exc.field)
        if key in self.boxes:
            self.boxes[key].set_error(exc.message())
            self.fields[key].setFocus()
        else:
            show_error(self.general, exc.message())
