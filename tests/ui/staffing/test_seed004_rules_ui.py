"""Seed 004's leave rules at the leave request form: the refusal shows at its field, and
an exception reaches the supervisor, who approves it only with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import CalendarDay, LeaveRequest
from frontdesk.staffing import roster
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui
MON = TEST_NOW.date()  # Monday 2026-11-23, 10:00


@pytest.fixture
def area(rules_db, ctx, make_staff, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    from frontdesk.ui import translation
    from frontdesk.ui.staffing.staffing_area import StaffingArea

    boss = make_staff("supervisor", name="雷婷婷", pin="1001")
    desk = make_staff("desk", name="李静", pin="2001")
    ctx.set_staff(boss)
    translation.install("zh_CN")
    widget = StaffingArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget, boss, desk
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_holiday_and_special_personal_leave_show_at_their_fields(area, ctx, qtbot, clock):
    widget, boss, desk = area
    holiday = MON + dt.timedelta(days=1)  # tomorrow, and desk works it: too late to ask
    CalendarDay.create(day=holiday, working=False, name="测试节")
    roster.set_day(actor=boss, staff_id=desk.id, day=holiday, shifts=["day"])
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["late"])  # 12:00 today
    ctx.set_staff(desk)
    tab = widget.leave
    widget.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("病假"))
    tab.start_edit.setDate(tab.start_edit.date().addDays(1))
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    error = tab.fields["start"].error_text()
    assert "节假日" in error and "请假制度 七" in error, error
    assert LeaveRequest.select().count() == 0
    # 事假 for today, two hours before the late shift: special, so it says why
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("事假"))
    tab.start_edit.setDate(tab.start_edit.date().addDays(-1))
    tab.end_edit.setDate(tab.start_edit.date())
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert "特殊事假" in tab.fields["reason"].error_text()
    assert tab.fields["start"].error_text() == ""
    # asked 30 minutes before the shift, with the reason: pending, for the manager's note
    clock.set(dt.datetime.combine(MON, dt.time(11, 30)))
    tab.reason_edit.insert("孩子发烧")
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert tab.fields["reason"].error_text() == "" and LeaveRequest.select().count() == 1
    ctx.set_staff(boss)
    tab.refresh()
    tab.table.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert "管理人员批准" in tab.fields["note"].error_text()
    assert LeaveRequest.get().status == "pending"
    tab.note_edit.insert("家中急事，特批")
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert LeaveRequest.get().status == "approved"
