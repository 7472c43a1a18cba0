"""Labels that never cut what matters: a number shown whole, a name shortened with "…".

A CJK UI font with no bold face is emboldened by Qt about a pixel per glyph wider than
its metrics say (WenQuanYi on Linux): a bold label sized from the metrics clips its end
("急-0" for 急-001). Both helpers leave that pixel per glyph.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
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
