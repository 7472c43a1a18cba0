"""Shown for an area whose feature has not been built yet: says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from frontdesk.ui.widgets.retranslate import Retranslating


class PlaceholderArea(Retranslating, QWidget):
    def __init__(self, ctx, title_source: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("placeholderArea")
        self._title_source = title_source
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("placeholderTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        from frontdesk.ui.main_window import area_title

        self.title.setText(area_title(self._title_source))
        self.body.setText(self.tr("This area is not built yet. Nothing here works so far."))
