"""Handover (交接班) in the navigation of its own: the notes to read and the note to write.

It was a tab inside the grooming area, where the incoming shift did not look.
The tab itself (ui/staffing/handover.py) is the same; this area gives it a
heading that counts the notes waiting to be read.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from frontdesk.ui.staffing.handover import HandoverTab
from frontdesk.ui.widgets.retranslate import Retranslating


class HandoverArea(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handoverArea")
        self.title = QLabel()
        self.title.setObjectName("handoverTitle")
        self.handover = HandoverTab(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.handover, 1)
        self.handover.notes_changed.connect(self.retranslate)
        ctx.changes.session_changed.connect(self.handover.refresh)
        self.handover.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        waiting = len(self.handover.notes)
        self.title.setText(self.tr("Shift handover — notes to read: {count}").format(
            count=waiting) if waiting else self.tr("Shift handover"))
        self.setAccessibleName(self.tr("Shift handover"))
