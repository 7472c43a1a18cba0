"""Seed 004's leave rules at the leave request form: the refusal shows at its field, and
an exception reaches the supervisor, who approves it only with a note."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import CalendarDay, LeaveRequest
from frontdesk.staffing import roster
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui
MON = TEST_NOW.date()  # Monday 2026-11-23, 10:00
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: save screenshots there to look at


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


NEEDS = 6  # the leave table's "Before approving" column


def test_the_pending_list_says_what_approval_needs_and_approve_goes_to_the_note(
        area, ctx, qtbot, clock, monkeypatch):
    """A late 事假 (004 请假 二) stands only with a manager's note: the supervisor sees that in
    the list before deciding (column and tooltip, Chinese then English), the note's
    placeholder says it, and Approve without a note puts the cursor in the note field with
    what to write, leaving the request pending; a plain leave's row says nothing."""
    from frontdesk.ui import translation

    widget, boss, desk = area
    day = MON + dt.timedelta(days=2)
    roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["day"])  # 08:00
    clock.set(dt.datetime.combine(day, dt.time(7, 30)))  # too late for 事假 that day
    ctx.set_staff(desk)
    tab = widget.leave
    widget.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("事假"))
    tab.start_edit.setDate(tab.start_edit.date().addDays(2))
    tab.end_edit.setDate(tab.start_edit.date())
    tab.reason_edit.insert("孩子发烧")
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("病假"))
    tab.start_edit.setDate(tab.start_edit.date().addDays(3))
    tab.end_edit.setDate(tab.start_edit.date())
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert LeaveRequest.select().count() == 2
    late, plain = LeaveRequest.select().order_by(LeaveRequest.start)

    ctx.set_staff(boss)
    tab.refresh()
    rows = {tab.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r
            for r in range(tab.table.rowCount())}
    header = tab.table.horizontalHeaderItem(NEEDS).text()
    assert header == "批准须知"
    cell = tab.table.item(rows[late.id], NEEDS)
    assert cell.text().startswith("须写审批说明：") and "请假制度 二" in cell.text()
    assert "特殊情况" in cell.toolTip() and "请假制度 二" in cell.toolTip()
    assert "请假制度 二" in tab.table.item(rows[late.id], 0).toolTip()  # the whole row says it
    assert tab.table.item(rows[plain.id], NEEDS).text() == ""
    assert tab.table.item(rows[plain.id], 0).toolTip() == ""

    tab.table.setCurrentCell(rows[plain.id], 0)
    assert tab.note_edit.placeholderText() == "审批意见（可选）"
    tab.table.setCurrentCell(rows[late.id], 0)
    assert "批准须写明特殊情况" in tab.note_edit.placeholderText()
    from frontdesk.staffing import leave

    asked, real = [], leave.decide
    monkeypatch.setattr(leave, "decide", lambda **kw: asked.append(kw) or real(**kw))
    tab.approve_button.setFocus()
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert tab.window().focusWidget() is tab.note_edit
    error = tab.fields["note"].error_text()
    assert "管理人员批准" in error and "请假制度 二" in error, error
    assert asked == []  # the cursor went to the note first, no refusal came back
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, "leave_needs_note_zh_1366.png"))
    assert LeaveRequest.get_by_id(late.id).status == "pending"
    tab.note_edit.insert("家中急事，特批")
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert [kw["note"] for kw in asked] == ["家中急事，特批"]
    assert LeaveRequest.get_by_id(late.id).status == "approved"
    assert tab.fields["note"].error_text() == ""

    translation.install("en")  # the list again, in English: the approved row says nothing
    try:
        qtbot.waitUntil(
            lambda: tab.table.horizontalHeaderItem(NEEDS).text() == "Before approving")
        rows = {tab.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r
                for r in range(tab.table.rowCount())}
        assert tab.table.item(rows[late.id], NEEDS).text() == ""
        assert tab.table.item(rows[plain.id], NEEDS).text() == ""
    finally:
        translation.install("zh_CN")


def test_the_needs_column_in_english(area, ctx, qtbot, clock):
    """The same column in English: what the manager's note must state, and its tooltip."""
    from frontdesk.staffing import leave
    from frontdesk.ui import translation

    widget, boss, desk = area
    day = MON + dt.timedelta(days=2)
    roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["day"])
    clock.set(dt.datetime.combine(day, dt.time(7, 30)))
    leave.request_leave(actor=desk, kind="personal", start=day, reason="孩子发烧")
    translation.install("en")
    try:
        tab = widget.leave
        widget.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(
            lambda: tab.table.horizontalHeaderItem(NEEDS).text() == "Before approving")
        tab.refresh()
        cell = tab.table.item(0, NEEDS)
        assert cell.text().startswith("Note needed: ") and "leave rules 2" in cell.text()
        assert cell.toolTip().startswith("To approve this leave, write the special")
        tab.table.setCurrentCell(0, 0)
        assert "needed to approve" in tab.note_edit.placeholderText()
        if SHOTS:
            widget.grab().save(os.path.join(SHOTS, "leave_needs_note_en_1366.png"))
    finally:
        translation.install("zh_CN")


def test_a_pending_leave_approval_would_refuse_says_so_in_english(area, ctx, qtbot, clock):
    """Sick leave asked for a day that became a holiday on which the person works, too late
    for one (004 请假 七): the row says approval will be refused, and why, before anyone
    tries; Approve is refused at the note, where the cursor goes."""
    from frontdesk.staffing import leave
    from frontdesk.ui import translation

    widget, boss, desk = area
    day = MON + dt.timedelta(days=1)
    roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["day"])
    asked = leave.request_leave(actor=desk, kind="sick", start=day)
    CalendarDay.create(day=day, working=False, name="测试节")
    translation.install("en")
    try:
        tab = widget.leave
        widget.tabs.setCurrentWidget(tab)
        tab.refresh()
        assert tab.table.rowCount() == 1 and tab.table.item(0, 0).data(
            Qt.ItemDataRole.UserRole) == asked.id
        cell = tab.table.item(0, NEEDS)
        assert cell.text().startswith("Cannot be approved: ") and "leave rules 7" in cell.text()
        assert "leave rules 7" in cell.toolTip()
        tab.table.setCurrentCell(0, 0)
        assert tab.note_edit.placeholderText() == "Note on the decision (optional)"
        tab.note_edit.insert("special")
        tab.approve_button.setFocus()
        qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
        assert "leave rules 7" in tab.fields["note"].error_text()
        assert tab.window().focusWidget() is tab.note_edit
        assert LeaveRequest.get_by_id(asked.id).status == "pending"
    finally:
        translation.install("zh_CN")
