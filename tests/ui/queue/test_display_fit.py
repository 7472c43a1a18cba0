"""The waiting-room display on a 1366×768 screen: a long room is shown whole, not cut."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.helpers.reception_flow import make_env
from tests.ui.queue.display_data import call_next, queue_patients
from tests.ui.queue.test_display import open_display

pytestmark = pytest.mark.gui


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _fits(label) -> bool:
    return QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()


def test_a_long_room_fits_the_hero_and_the_clinic_card_at_1366(qtbot, ctx, env, clock):
    from frontdesk.ui import translation

    translation.install("zh_CN")
    queue_patients(env, clock, "internal", ("王小芳", "李明"))
    queue_patients(env, clock, "surgery", ("杨帆",))
    call_next(env, "internal", "3 诊室")
    clock.advance(minutes=1)
    call_next(env, "surgery", "门诊楼 410–412 外科诊区")  # the newest call: the hero shows it
    w = open_display(qtbot, ctx, size=(1366, 768))
    for _ in range(3):
        QApplication.processEvents()
    assert w.hero_room.text() == "→ 门诊楼 410–412 外科诊区"
    assert _fits(w.hero_room) and _fits(w.hero_ticket) and _fits(w.hero_name)
    called = [lbl for p in w._panels for lbl in p.called if lbl.isVisible()]
    assert {lbl.text().split()[0] for lbl in called} == {"内-001", "外-001"}
    assert all(_fits(lbl) for lbl in called)
    # Only what does not fit gives way: the short room keeps the size the others have.
    short = next(lbl for lbl in called if "3 诊室" in lbl.text())
    long_ = next(lbl for lbl in called if "410" in lbl.text())
    assert short.font().pixelSize() > long_.font().pixelSize()
    assert w.hero_ticket.font().pixelSize() > w.hero_room.font().pixelSize()
