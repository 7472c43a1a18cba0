"""The follow-up list on a 1366-wide laptop: a no-show's date is shown whole, not elided."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from frontdesk.db.models import Staff
from frontdesk.ui import translation
from frontdesk.ui.service.followups import FollowUpArea

pytestmark = pytest.mark.gui


def test_the_visit_date_column_fits_a_no_show(qtbot, full_demo_db, ctx):
    translation.install("zh_CN")
    ctx.staff = Staff.get(Staff.username == "desk1")
    area = FollowUpArea(ctx)
    qtbot.addWidget(area)
    area.resize(1366 - 170, 700)  # the main window at 1366 less its navigation column
    area.show()
    area.refresh()
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)
    texts = [area.model.index(r, 4).data() for r in range(area.model.rowCount())]
    no_shows = [t for t in texts if not t[:1].isdigit()]
    assert no_shows, texts  # the demo hospital has missed appointments to call back
    metrics = QFontMetrics(area.table.font())
    widest = max(metrics.horizontalAdvance(t) for t in texts)
    assert area.table.columnWidth(4) >= widest
    assert area.table.columnWidth(0) >= metrics.horizontalAdvance("欧阳娜娜")  # names still fit


def test_phone_numbers_show_whole_at_1366_in_english(qtbot, full_demo_db, ctx):
    from frontdesk import i18n

    i18n.set_language("en")
    translation.install("en")
    try:
        ctx.staff = Staff.get(Staff.username == "desk1")
        area = FollowUpArea(ctx)
        qtbot.addWidget(area)
        area.resize(1366 - 220, 700)  # less the English navigation column
        area.show()
        area.refresh()
        qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)
        metrics = QFontMetrics(area.table.font())
        phones = [area.model.index(r, 1).data() for r in range(area.model.rowCount())]
        assert area.table.columnWidth(1) >= max(metrics.horizontalAdvance(p) for p in phones)
        assert all(box.isVisible() for box in area.ratings.values())
    finally:
        translation.install("zh_CN")
        i18n.set_language("zh_CN")
