"""The staffing screen's tables fill their pane: the long text column takes the spare
width, the short ones fit their contents (Chinese and English, 1366 and 1920 wide)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from frontdesk.staffing import leave, roster, swaps
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui
MON = TEST_NOW.date()  # Monday 2026-11-23, 10:00
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: save screenshots there to look at


@pytest.fixture
def area(rules_db, ctx, make_staff, qtbot, request, clock):
    from PySide6.QtCore import QCoreApplication, QEvent

    from frontdesk.ui import translation
    from frontdesk.ui.staffing.staffing_area import StaffingArea

    lang, width, height = request.param
    boss = make_staff("supervisor", name="雷婷婷", pin="1001")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="欧阳晓雯", pin="3001")
    for i in (0, 2, 4):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=i + 7),
                       shifts=["day"])
    roster.set_day(actor=boss, staff_id=guide.id, day=MON + dt.timedelta(days=9),
                   shifts=["late"])
    swaps.request_swap(actor=desk, day=MON + dt.timedelta(days=7), shift_code="day",
                       partner_id=guide.id, reason="看病")
    swaps.request_swap(actor=desk, day=MON + dt.timedelta(days=9), shift_code="day",
                       partner_id=guide.id, partner_day=MON + dt.timedelta(days=9),
                       partner_shift_code="late", reason="家里有事")
    leave.request_leave(actor=guide, kind="sick", start=MON + dt.timedelta(days=14),
                        end=MON + dt.timedelta(days=16), reason="发烧")
    leave.request_leave(actor=desk, kind="personal", start=MON + dt.timedelta(days=21),
                        reason="办证")
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["late"])  # 12:00 today
    clock.set(dt.datetime.combine(MON, dt.time(11, 30)))  # 事假 30 minutes before: a note
    leave.request_leave(actor=desk, kind="personal", start=MON, reason="孩子发烧，需要陪同就医")
    ctx.set_staff(boss)
    translation.install(lang)
    widget = StaffingArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    yield widget, lang, width
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translation.install("zh_CN")


SIZES = [("zh_CN", 1366, 768), ("en", 1366, 768), ("zh_CN", 1920, 1080), ("en", 1920, 1080)]


def _covers_the_viewport(table) -> None:
    """The columns reach the right edge of the table's viewport; every column that fits
    its contents is as wide as they are (nothing cut off)."""
    from PySide6.QtWidgets import QHeaderView

    header = table.horizontalHeader()
    assert header.length() >= table.viewport().width() - 1, (
        table.objectName(), header.length(), table.viewport().width())
    for col in range(header.count()):
        if header.sectionResizeMode(col) == QHeaderView.ResizeMode.ResizeToContents:
            need = max(table.sizeHintForColumn(col), header.sectionSizeHint(col))
            assert header.sectionSize(col) >= need, (table.objectName(), col)


@pytest.mark.parametrize("area", SIZES, indirect=True, ids=lambda p: f"{p[0]}-{p[1]}")
def test_tables_fill_their_pane(area, qtbot):
    from PySide6.QtWidgets import QHeaderView

    widget, lang, width = area
    stretch = QHeaderView.ResizeMode.Stretch
    for name, tab in (("swaps", widget.swaps), ("leave", widget.leave),
                      ("roster", widget.week), ("ledger", widget.ledger)):
        widget.tabs.setCurrentWidget(tab)
        table = tab.grid if name == "roster" else tab.table
        for _ in range(2):  # refilled with as many rows as before: still filling the pane
            tab.refresh()
            qtbot.wait(20)
            _covers_the_viewport(table)
        if name in ("swaps", "leave"):
            header = table.horizontalHeader()
            last = header.count() - 1
            assert table.rowCount() == (3 if name == "leave" else 2)
            assert [header.sectionResizeMode(c) == stretch for c in range(last + 1)] == [
                False] * last + [True]
        if SHOTS:
            widget.grab().save(os.path.join(SHOTS, f"s7_{name}_{lang}_{width}.png"))
