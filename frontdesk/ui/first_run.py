"""First start of a real installation: ask the hospital's name, then load the house rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from frontdesk import rules
from frontdesk.errors import FrontdeskError

MAX_NAME = 60


class FirstRunDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Frontdesk"))
        self.intro = QLabel(self.tr("This is a new installation. Enter the hospital's name; "
                                    "the house rules (departments, doctors, shifts, grooming "
                                    "items and fines) are then loaded and can be edited by an "
                                    "administrator."))
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("hospitalNameEdit")
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(self.tr("Hospital name"))
        self.error = QLabel()
        self.error.setObjectName("hospitalNameError")
        self.error.setStyleSheet("color: #b91c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.intro)
        form.addRow(self.tr("Hospital name:"), self.name)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def accept(self) -> None:
        try:
            rules.initialise_installation(self.name.text())
        except FrontdeskError as exc:
            self.error.setText(exc.message())
            self.name.setFocus()
            return
        super().accept()
