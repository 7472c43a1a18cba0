"""Finding text that does not fit its widget (issue 18, point 8): shared by the walker test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

SLACK = 2  # px of rounding between metrics and layout


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _text_width(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _scrolled_away(w: QWidget) -> bool:
    """Inside a vertically scrolling list or page, out of sight below is no clipping."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.horizontalScrollBar()
            # Only sideways scrolling hides text by accident; vertical scrolling is by design.
            return not (bar.isVisible() and bar.maximum() > 0)
        parent = parent.parentWidget()
    return False


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _cut_by_ancestor(w: QWidget) -> bool:
    """Part of `w` lies outside a parent that clips it (a scroll viewport, a squeezed box)."""
    shown = w.visibleRegion().boundingRect()
    return shown.width() + SLACK < w.width() or shown.height() + SLACK < w.height()


TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QComboBox)


def clipped(top: QWidget) -> list[str]:
    """Widgets under `top` whose text is wider than the room they have, or cut by a parent."""
    out = []
    for w in top.findChildren(QWidget):
        if not _shown(w, top):
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, TEXT_WIDGETS) and _cut_by_ancestor(w) and not _scrolled_away(w):
            out.append(f"{type(w).__name__} {name!r}: cut off by its parent "
                       f"(shows {w.visibleRegion().boundingRect().size().toTuple()} of "
                       f"{w.size().toTuple()})")
            continue
        if isinstance(w, QLabel):
            text = _plain(w.text()) if w.buddy() is not None or "&" in w.text() else w.text()
            if not text or w.wordWrap() or w.textFormat() == Qt.TextFormat.RichText \
                    or GuiQt.mightBeRichText(text) or not w.pixmap().isNull():
                continue
            room = w.contentsRect().width() - 2 * w.margin() - 2 * w.indent() \
                if w.indent() > 0 else w.contentsRect().width() - 2 * w.margin()
            need = _text_width(w, text)
            if need > room + SLACK:
                out.append(f"label {name!r} {text!r}: needs {need}px, has {room}px")
        elif isinstance(w, QAbstractButton) and not isinstance(w, QToolButton):
            text = _plain(w.text())
            if not text:
                continue
            hint = w.sizeHint().width()
            if isinstance(w, QCheckBox | QRadioButton | QPushButton) and w.width() + SLACK < hint:
                out.append(f"button {name!r} {text!r}: needs {hint}px, has {w.width()}px")
        elif isinstance(w, QLineEdit):
            text = w.placeholderText() if not w.text() else ""
            if text:
                room = w.width() - 16  # frame and text margins
                need = _text_width(w, text)
                if need > room + SLACK:
                    out.append(f"placeholder {name!r} {text!r}: needs {need}px, has {room}px")
        elif isinstance(w, QComboBox) and not w.isEditable():
            text = w.currentText()
            if text and w.width() + SLACK < _text_width(w, text) + 28:
                out.append(f"combo {name!r} {text!r}: needs {_text_width(w, text) + 28}px, "
                           f"has {w.width()}px")
    return out
