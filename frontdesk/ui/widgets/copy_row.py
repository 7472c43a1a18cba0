"""The "Copied. [Copy] [Close]" row of the dialogs that hand details to IT (About, crash)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton


class CopyCloseRow(QHBoxLayout):
    """`copied` (a note after copying), `copy_button` and `close_button` (default, accepts)."""

    def __init__(self, dialog: QDialog, on_copy: Callable[[], None], copy_name: str):
        super().__init__()
        self.copied = QLabel()
        self.copy_button = QPushButton()
        self.copy_button.setObjectName(copy_name)
        self.copy_button.clicked.connect(on_copy)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(dialog.accept)
        self.addWidget(self.copied, 1)
        self.addWidget(self.copy_button)
        self.addWidget(self.close_button)
