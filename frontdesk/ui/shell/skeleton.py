"""The main window's first frame: the desk's layout in plain shapes, before anything loads.

A reception PC starts the app and the window is there at once, the size and shape it
will have; the navigation, the day's visits and the desk fill it in a moment later,
when the database is open (on a busy PostgreSQL server that can take seconds) and
the screens are built. A blank screen meanwhile looks like a double-click that
did nothing, and gets a second one.

The shapes are plain widgets with a filled background: no text (the fonts load with
the first screen), no style sheet, no Python painting, and nothing from Frontdesk but
its colours, so this frame costs what any window costs.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from frontdesk.ui.palette import NAV_FILL, PANEL_FILL, SKELETON_SHAPE

NAV_WIDTH = 170  # the navigation column's width (MainWindow.nav)
NAV_ITEMS = 10  # one shape per area (main_window.AREAS)
NAV_ITEM_PITCH = 52  # an area's row in the navigation (13 pt text, 14 px padding)
VISITS_WIDTH, COACH_WIDTH = 280, 240  # the desk splitter's first sizes
VISIT_ROWS = 8


def _filled(colour: str, parent: QWidget | None = None, *, width: int = 0,
            height: int = 0) -> QWidget:
    shape = QWidget(parent)
    palette = shape.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    shape.setPalette(palette)
    shape.setAutoFillBackground(True)
    if width:
        shape.setFixedWidth(width)
    if height:
        shape.setFixedHeight(height)
    return shape


class Skeleton(QWidget):
    """The central widget of a main window that is not built yet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("windowSkeleton")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)

        nav = _filled(NAV_FILL, width=NAV_WIDTH)
        items = QVBoxLayout(nav)
        items.setContentsMargins(20, 18, 30, 0)
        items.setSpacing(NAV_ITEM_PITCH - 14)
        for _ in range(NAV_ITEMS):
            items.addWidget(_filled(SKELETON_SHAPE, height=14))
        items.addStretch(1)
        row.addWidget(nav)

        # The first area, the desk: its tabs above the day's visits, the step and the
        # etiquette coach (ui/reception/desk/view.py, in the splitter's first sizes).
        area = QVBoxLayout()
        area.setContentsMargins(12, 10, 12, 12)
        area.setSpacing(10)
        tabs = QHBoxLayout()
        tabs.setSpacing(8)
        for _ in range(2):
            tabs.addWidget(_filled(SKELETON_SHAPE, width=96, height=24))
        tabs.addStretch(1)
        area.addLayout(tabs)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        visits = QVBoxLayout()
        visits.setSpacing(10)
        for _ in range(VISIT_ROWS):
            visits.addWidget(_filled(PANEL_FILL, width=VISITS_WIDTH, height=22))
        visits.addStretch(1)
        columns.addLayout(visits)
        step = QVBoxLayout()
        step.setSpacing(10)
        step.addWidget(_filled(SKELETON_SHAPE, height=40))  # the patient banner
        step.addWidget(_filled(PANEL_FILL, height=30))  # the progress strip
        step.addWidget(_filled(PANEL_FILL), 1)  # the step's page
        columns.addLayout(step, 1)
        columns.addWidget(_filled(PANEL_FILL, width=COACH_WIDTH))
        area.addLayout(columns, 1)
        row.addLayout(area, 1)
