"""Labels that never cut what matters: a number shown whole, a name shortened with "…",
a called number whose font gives way to fit (FitLabel, the waiting-room display).

A CJK UI font with no bold face is emboldened by Qt about a pixel per glyph wider than
its metrics say (WenQuanYi on Linux): a bold label sized from the metrics clips its end
("急-0" for 急-001). set_whole_text and ElidedLabel leave that pixel per glyph.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

BOLD_SLACK = 1  # px per glyph


def set_whole_text(label: QLabel, text: str) -> None:
    """Set `text` and keep the label at least wide enough to show all of it."""
    label.setText(text)
    label.ensurePolished()  # the style's font, before measuring
    width = label.fontMetrics().horizontalAdvance(text) + BOLD_SLACK * len(text)
    margins = label.contentsMargins()
    label.setMinimumWidth(width + margins.left() + margins.right() + 2 * label.margin() + 6)


class ElidedLabel(QLabel):
    """One line that gives way: shortened with "…" to the width the layout leaves it,
    whole in its tooltip; it elides again whenever its own width changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._whole = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._whole = text
        self.setToolTip(text)
        self._elide()

    def whole_text(self) -> str:
        return self._whole

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.ensurePolished()
        room = self.width() - BOLD_SLACK * len(self._whole)
        metrics = self.fontMetrics()
        if room <= 0 or metrics.horizontalAdvance(self._whole) <= room:
            shown = self._whole  # not laid out yet, or it fits
        else:
            shown = metrics.elidedText(self._whole, Qt.TextElideMode.ElideRight, room) or "…"
        if super().text() != shown:
            super().setText(shown)


class FitLabel(QLabel):
    """A one-line label whose font gives way (never grows past the size it was given) so the
    whole text fits its width: on a 1366-wide screen the called room "→ 门诊楼 410–412" was
    cut at both ends (arrow and last digit gone) where the hall must read all of it."""

    MIN_PX = 10

    def __init__(self, text: str = ""):
        super().__init__(text)
        self._base_px = 0
        self._bold: bool | None = None

    def set_px(self, size: float, *, bold: bool | None = None) -> None:
        self._base_px = max(self.MIN_PX, int(size))
        self._bold = bold
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self._base_px:
            return
        font = QFont(self.font())
        if self._bold is not None:
            font.setBold(self._bold)
        size = self._base_px
        font.setPixelSize(size)
        room = self.contentsRect().width() - 2 * self.margin()
        need = QFontMetrics(font).horizontalAdvance(self.text())
        if room > 0 and need > room:
            size = max(self.MIN_PX, int(size * room / need))
            font.setPixelSize(size)
            while size > self.MIN_PX and QFontMetrics(font).horizontalAdvance(self.text()) > room:
                size -= 1
                font.setPixelSize(size)
        current = self.font()  # compared by size and weight only: a style sheet adds its own
        if current.pixelSize() != size or current.bold() != font.bold():
            self.setFont(font)
