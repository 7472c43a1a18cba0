"""The desk's progress strip: ① 迎接 ② 分诊 … with the current step highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from frontdesk import stages
from frontdesk.ui import style

STEP_ORDER = (stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING,
              stages.ESCORT, stages.DONE)


class StageTrack(QWidget):
    """① 迎接 ② 分诊 … with the current step highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageTrack")
        self.labels: list[QLabel] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for stage in STEP_ORDER:
            label = QLabel()
            label.setObjectName(f"track{stage.title()}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            row.addWidget(label, 1)
        self.set_stage(None)

    def set_stage(self, stage: str | None) -> None:
        current = STEP_ORDER.index(stage) if stage in STEP_ORDER else -1
        for i, (label, s) in enumerate(zip(self.labels, STEP_ORDER, strict=True)):
            label.setText(f"{'①②③④⑤⑥'[i]} {stages.STAGE_NAMES[s]}")
            state = "current" if i == current else "done" if i < current else "todo"
            style.set_role(label, f"track-{state}")  # colours: ui/style.py
