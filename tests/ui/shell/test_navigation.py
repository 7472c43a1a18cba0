"""Navigation: every area has an icon, and handover has its own place (issue 18, point 9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.ui import translation
from frontdesk.ui.shell.main_window import AREAS, MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, rules_db, ctx, make_staff):
    translation.install("zh_CN")
    ctx.set_staff(make_staff("desk", name="李静"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    translation.install("zh_CN")


def test_every_area_has_an_icon(window):
    for i, spec in enumerate(AREAS):
        icon = window.nav.item(i).icon()
        assert not icon.isNull(), spec.key
        assert not icon.pixmap(24, 24).toImage().isNull()


def test_handover_has_its_own_place_in_navigation(window, qtbot):
    keys = [spec.key for spec in AREAS]
    assert "handover" in keys
    row = keys.index("handover")
    assert window.nav.item(row).text() == "交接班"
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    area = window.area("handover")
    assert area is not None and window.stack.currentWidget() is area
    assert area.handover.equipment_edit.isVisible()  # the note to write is right there
    assert "交接班" in area.title.text()
