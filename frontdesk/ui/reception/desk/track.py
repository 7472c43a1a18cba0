"""The desk's progress strip: ① 迎接 ② 分诊 … with the current step highlighted.

One widget paints the six pills itself: six labels with a rounded box each went
through Qt's style-sheet engine one by one at start-up and again at every step.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from frontdesk import stages
from frontdesk.ui import style
from frontdesk.ui.widgets.retranslate import Retranslating

STEP_ORDER = (stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING,
              stages.ESCORT, stages.DONE)
NUMBERS = "①②③④⑤⑥"
SPACING = 4  # between pills
PADDING = 4  # around a pill's text
RADIUS = 3


class StageTrack(Retranslating, QWidget):
    """① 迎接 ② 分诊 … with the current step highlighted; done steps in light teal."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageTrack")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.current = -1
        self.set_stage(None)

    def set_stage(self, stage: str | None) -> None:
        self.current = STEP_ORDER.index(stage) if stage in STEP_ORDER else -1
        # What a screen reader (and a test) reads: every step, the current one marked.
        texts = self.texts()
        self.setAccessibleName(texts[self.current] if self.current >= 0 else "")
        self.setAccessibleDescription("  ".join(texts))
        self.update()

    def texts(self) -> list[str]:
        """Each pill's text, in the language of the moment."""
        return [f"{NUMBERS[i]} {stages.STAGE_NAMES[s]}" for i, s in enumerate(STEP_ORDER)]

    def state(self, index: int) -> str:
        """`current`, `done` or `todo` for the pill at `index`."""
        if index == self.current:
            return "current"
        return "done" if index < self.current else "todo"

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Bold)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        metrics = QFontMetrics(self._bold())
        widths = [metrics.horizontalAdvance(t) + 2 * PADDING for t in self.texts()]
        return QSize(sum(widths) + SPACING * (len(widths) - 1),
                     metrics.height() + 2 * PADDING)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(0, self.sizeHint().height())

    def retranslate(self) -> None:
        # The stage names follow the language: new texts, new width.
        self.set_stage(STEP_ORDER[self.current] if self.current >= 0 else None)
        self.updateGeometry()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        looks = {"current": (style.ACCENT, style.TRACK_CURRENT_TEXT, True),
                 "done": (style.TRACK_DONE_FILL, style.TRACK_DONE_TEXT, False),
                 "todo": (style.FILL_SLATE, style.MUTED, False)}
        count = len(STEP_ORDER)
        width = (self.width() - SPACING * (count - 1)) / count  # equal shares, as before
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        plain, bold = QFont(self.font()), self._bold()
        for i, text in enumerate(self.texts()):
            fill, ink, strong = looks[self.state(i)]
            box = QRectF(i * (width + SPACING), 0, width, self.height())
            painter.setBrush(QColor(fill))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, RADIUS, RADIUS)
            painter.setFont(bold if strong else plain)
            painter.setPen(QColor(ink))
            metrics = painter.fontMetrics()
            inner = box.adjusted(PADDING, 0, -PADDING, 0)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, shown)
        painter.end()
