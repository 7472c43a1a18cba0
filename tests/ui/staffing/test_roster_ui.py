"""The week roster grid, driven by the keyboard; swaps, leave and the rules ledger screens."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import Fine, LeaveRequest, ShiftSwap
from frontdesk.staffing import attendance, roster
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui
MON = TEST_NOW.date()  # a Monday
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: save screenshots there


@pytest.fixture
def team(rules_db, ctx, make_staff):
    boss = make_staff("supervisor", name="雷婷婷", pin="1001")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    ctx.set_staff(boss)
    return boss, desk, guide


@pytest.fixture
def area(team, ctx, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    from frontdesk.ui import translation
    from frontdesk.ui.staffing.staffing_area import StaffingArea

    translation.install("zh_CN")
    widget = StaffingArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def cell(week, row, col):
    return week.grid.item(row, col).text()


def test_the_grid_is_driven_by_the_keyboard(area, team, qtbot):
    boss, desk, guide = team
    area.tabs.setCurrentWidget(area.week)
    week = area.week
    grid = week.grid
    names = [week.week.staff[r][1] for r in range(grid.rowCount())]
    row_desk, row_guide = names.index("李静"), names.index("王悦")
    grid.setFocus()
    grid.setCurrentCell(row_desk, 0)
    qtbot.keyClick(grid, Qt.Key.Key_D)  # day shift on Monday
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_E)  # early on Tuesday
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_R)  # rest on Wednesday
    qtbot.keyClick(grid, Qt.Key.Key_Down if row_guide > row_desk else Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_L)  # 王悦 late on Wednesday
    assert roster.on_shift(MON) == [("李静", "day")]
    assert attendance.assigned_shifts(guide, MON + dt.timedelta(days=2))[0].code == "late"
    assert cell(week, row_desk, 0) == "全天班" and cell(week, row_desk, 1) == "早班"
    assert cell(week, row_desk, 2) == "休" and cell(week, row_guide, 2) == "晚班"
    assert (grid.currentRow(), grid.currentColumn()) == (row_guide, 2)

    # Shift+L adds late to the early shift of Tuesday: they overlap, refused under the grid
    grid.setCurrentCell(row_desk, 1)
    qtbot.keyClick(grid, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert week.error.isVisible() and "重叠" in week.error.text()
    assert cell(week, row_desk, 1) == "早班"
    # Delete clears the day
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert cell(week, row_desk, 1) == ""
    # PgDn: next week, empty; Ctrl+Shift+C copies last week into it
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert week.monday == MON + dt.timedelta(days=7)
    assert cell(week, row_desk, 0) == ""
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert cell(week, row_desk, 0) == "全天班" and cell(week, row_guide, 2) == "晚班"
    assert "3" in week.status.text()
    # sign-in reads what the grid set
    assert [e.name for e in attendance.roster(actor=boss, day=MON)] == ["李静"]


def test_the_grid_shows_leave_and_prints(area, team, qtbot, monkeypatch, tmp_path):
    boss, desk, guide = team
    from frontdesk.staffing import leave

    line = leave.request_leave(actor=guide, kind="sick", start=MON + dt.timedelta(days=1))
    leave.decide(actor=boss, leave_id=line.id, approve=True)
    area.tabs.setCurrentWidget(area.week)
    week = area.week
    week.refresh()
    names = [s[1] for s in week.week.staff]
    assert cell(week, names.index("王悦"), 1) == "病假"
    shown = []
    monkeypatch.setattr(week, "_show_preview", shown.append)
    week.grid.setFocus()
    qtbot.keyClick(week.grid, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0].startswith(b"%PDF")
    if SHOTS:
        week.grid.setCurrentCell(0, 0)
        area.grab().save(os.path.join(SHOTS, "roster_zh_1366.png"))


def test_swap_requested_by_staff_and_approved_by_the_supervisor(area, team, ctx, qtbot):
    boss, desk, guide = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["day"])
    ctx.set_staff(desk)
    tab = area.swaps
    area.tabs.setCurrentWidget(tab)
    tab.refresh()
    assert not tab.approve_button.isVisible()
    assert tab.shift_combo.currentData() == "day"
    tab.partner_combo.setCurrentIndex(tab.partner_combo.findText("王悦"))
    tab.reason_edit.insert("看病")  # an IME types it (keyClicks is ASCII only)
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert ShiftSwap.select().count() == 1 and tab.table.rowCount() == 1
    # asking again for a shift no longer … the third in a month is refused at the field
    ctx.set_staff(boss)
    tab.refresh()
    tab.table.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert roster.on_shift(MON) == [("王悦", "day")]
    assert tab.table.item(0, 5).text() == "已批准"
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)  # again: already decided
    assert tab.error.isVisible()


def test_swap_beyond_the_limit_shows_at_the_field(area, team, ctx, qtbot):
    boss, desk, guide = team
    from frontdesk.staffing import swaps

    for i in (0, 2, 4):  # not on consecutive days (不允许连续换班)
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=i),
                       shifts=["day"])
    for i in (0, 2):
        swaps.request_swap(actor=desk, day=MON + dt.timedelta(days=i), shift_code="day",
                           partner_id=guide.id)
    ctx.set_staff(desk)
    tab = area.swaps
    area.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.day_edit.setDate(tab.day_edit.date().addDays(4))
    tab.partner_combo.setCurrentIndex(tab.partner_combo.findText("王悦"))
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    box = tab.fields["day"]
    assert "不得超过 2 次" in box.error_text()
    assert ShiftSwap.select().count() == 2


def test_leave_over_a_signed_in_day_shows_at_the_field_then_approved(area, team, ctx, qtbot):
    boss, desk, guide = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early"])
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 23, 7, 45))
    ctx.set_staff(desk)
    tab = area.leave
    area.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("事假"))
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert "签到" in tab.fields["start"].error_text()
    assert LeaveRequest.select().count() == 0
    tab.start_edit.setDate(tab.start_edit.date().addDays(1))
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert tab.fields["start"].error_text() == "" and tab.table.rowCount() == 1
    ctx.set_staff(boss)
    tab.refresh()
    tab.table.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert LeaveRequest.get().status == "approved"
    assert tab.table.item(0, 5).text() == "已批准"


def test_record_a_rule_broken_with_the_pin_then_paid_and_a_switched_off_rule(
        area, team, ctx, qtbot):
    boss, desk, guide = team
    tab = area.ledger
    area.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.staff_combo.setCurrentIndex(tab.staff_combo.findText("李静"))
    tab.rule_combo.setCurrentIndex(tab.rule_combo.findData("chatting"))
    tab.note_edit.insert("前台聊天")
    qtbot.keyClicks(tab.pin_edit, "9999")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "PIN" in tab.fields["pin"].error_text() and Fine.select().count() == 0
    tab.pin_edit.clear()
    qtbot.keyClicks(tab.pin_edit, "2001")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    fine = Fine.get()
    assert fine.amount_fen == 1000 and fine.acknowledged_at and fine.rule_code == "chatting"
    assert tab.table.rowCount() == 1 and tab.table.item(0, 5).text() == "✓"
    tab.table.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.paid_button, Qt.MouseButton.LeftButton)
    assert Fine.get().paid_at is not None
    # an administrator switches the rule off in the fines list; recording it is refused
    from frontdesk.staffing import ledger

    admin_rows = ledger.rule_list(active_only=False)
    assert any(r.code == "chatting" for r in admin_rows)
    from frontdesk.db.models import RuleItem

    RuleItem.update(active=False).where(RuleItem.code == "registration_error").execute()
    tab.rule_combo.addItem("stale", "registration_error")  # a list shown before the switch
    tab.rule_combo.setCurrentIndex(tab.rule_combo.count() - 1)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "停用" in tab.fields["rule"].error_text() and Fine.select().count() == 1


def test_admin_adds_a_behaviour_item_and_switches_a_rule_off(rules_db, ctx, make_staff, qtbot):
    from frontdesk.db.models import GroomingItem, RuleItem
    from frontdesk.ui.staffing.ledger_tab import RulesListTab

    ctx.set_staff(make_staff("admin", name="管理员"))
    tab = RulesListTab(ctx)
    qtbot.addWidget(tab)
    codes = [r.code for r in tab.rules]
    tab.table.setCurrentCell(codes.index("conduct_smile"), 0)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert GroomingItem.get_or_none(GroomingItem.code == "conduct_smile") is not None
    tab.table.setCurrentCell(codes.index("details"), 0)
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert not RuleItem.get(RuleItem.code == "details").active


def test_away_from_the_post_counts_only_over_ten_minutes(area, team, qtbot):
    boss, desk, guide = team
    tab = area.ledger
    area.tabs.setCurrentWidget(tab)
    tab.refresh()
    assert tab.rule_combo.findData("post_absence") == -1  # recorded with its minutes only
    tab.staff_combo.setCurrentIndex(tab.staff_combo.findText("王悦"))
    tab.minutes_spin.setFocus()
    tab.minutes_spin.selectAll()
    qtbot.keyClicks(tab.minutes_spin, "10")
    qtbot.mouseClick(tab.away_button, Qt.MouseButton.LeftButton)
    assert "不算脱岗" in tab.fields["minutes"].error_text() and Fine.select().count() == 0
    tab.minutes_spin.selectAll()
    qtbot.keyClicks(tab.minutes_spin, "25")
    qtbot.mouseClick(tab.permitted_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.away_button, Qt.MouseButton.LeftButton)
    assert tab.fields["permitted"].error_text() and Fine.select().count() == 0
    qtbot.mouseClick(tab.permitted_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.away_button, Qt.MouseButton.LeftButton)
    assert Fine.get().rule_code == "post_absence" and tab.table.rowCount() == 1
    # left before relieved: no handover note for the late shift today
    tab.shift_combo.setCurrentIndex(tab.shift_combo.findData("late"))
    qtbot.mouseClick(tab.relief_button, Qt.MouseButton.LeftButton)
    assert Fine.select().where(Fine.rule_code == "left_before_relief").count() == 1


def test_monthly_report_from_the_ledger_tab(area, team, qtbot, monkeypatch, tmp_path):
    boss, desk, guide = team
    from frontdesk.staffing import ledger

    ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=MON)
    tab = area.ledger
    area.tabs.setCurrentWidget(tab)
    out = tmp_path / "staff.xlsx"
    tab.save_report_to(out)
    qtbot.waitUntil(lambda: bool(tab.report_status.text()), timeout=20000)
    assert out.stat().st_size > 1000 and str(out) in tab.report_status.text()
    shown = []
    monkeypatch.setattr(tab, "_show_preview", shown.append)
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0].startswith(b"%PDF")


def test_sign_in_reads_the_grid_and_asks_for_ten_minutes_early(team, ctx, qtbot, clock):
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.signin import SignInPanel

    translation.install("zh_CN")
    boss, desk, guide = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["late"])  # 12:00
    clock.set(dt.datetime(2026, 11, 23, 11, 55))
    panel = SignInPanel(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.select_staff(desk.id)
    qtbot.keyClicks(panel.pin_edit, "2001")
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert "提前 10 分钟" in panel.result.text()
    assert Fine.select().count() == 0


def test_a_door_guide_sees_swaps_and_leave_only(team, ctx, qtbot, make_staff):
    from frontdesk.ui.staffing.staffing_area import LEAVE, LEDGER, RULES, SWAPS, WEEK, StaffingArea

    ctx.set_staff(team[2])
    widget = StaffingArea(ctx)
    qtbot.addWidget(widget)
    visible = [widget.tabs.isTabVisible(i) for i in (WEEK, SWAPS, LEAVE, LEDGER, RULES)]
    assert visible == [False, True, True, False, False]
    assert widget.notice.isVisibleTo(widget)
    ctx.set_staff(make_staff("admin", name="管理员"))
    assert widget.tabs.isTabVisible(RULES) and not widget.tabs.isTabVisible(WEEK)


def test_the_outgoing_shift_reads_whether_it_may_leave(team, ctx, qtbot):
    from frontdesk.staffing import handover
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.handover import HandoverTab

    translation.install("zh_CN")
    boss, desk, guide = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early"])
    ctx.set_staff(desk)
    tab = HandoverTab(ctx)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.shift_combo.currentData() == "early"  # her shift today, from the roster
    assert "还没有交接记录" in tab.relief_label.text()
    note = handover.write_note(actor=desk, day=MON, shift=tab_shift("early"), equipment="正常")
    tab.refresh()
    assert "不得离岗" in tab.relief_label.text()
    handover.acknowledge_note(actor=guide, note_id=note.id)
    tab.refresh()
    assert "王悦 已确认交接，可以离岗" in tab.relief_label.text()


def tab_shift(code):
    from frontdesk.db.models import Shift

    return Shift.get(Shift.code == code)


def test_copy_last_week_says_what_it_left_out_for_an_overlap(area, team, qtbot):
    """Last Monday's night shift (20:00–08:00) would run into this Tuesday's 06:00 shift:
    the copy leaves it out and says so under the grid."""
    from frontdesk.db.models import Shift

    boss, desk, guide = team
    Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                 start="20:00", end="08:00")
    Shift.create(code="dawn", name_zh="清晨班 06:00–14:00", name_en="Dawn 06:00–14:00",
                 start="06:00", end="14:00")
    roster.set_day(actor=boss, staff_id=desk.id, day=MON - dt.timedelta(days=7),
                   shifts=["night"])
    roster.set_day(actor=boss, staff_id=guide.id, day=MON - dt.timedelta(days=7),
                   shifts=["day"])
    roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=1),
                   shifts=["dawn"])
    area.tabs.setCurrentWidget(area.week)
    week = area.week
    week.refresh()
    qtbot.mouseClick(week.copy_button, Qt.MouseButton.LeftButton)
    status = week.status.text()
    assert status.splitlines()[0] == "已复制上周排班：填入 1 天。", status
    assert "李静 11-23 的 night 20:00–08:00 与 11-24 的 dawn 06:00–14:00 重叠，未复制。" in status
    assert roster.on_shift(MON) == [("王悦", "day")]
    names = [s[1] for s in week.week.staff]
    assert cell(week, names.index("李静"), 0) == ""
    qtbot.wait(20)  # the layout makes room for the lines
    label = week.status
    assert label.isVisible() and label.height() >= label.heightForWidth(label.width()), (
        label.height(), label.heightForWidth(label.width()))
    if SHOTS:
        area.grab().save(os.path.join(SHOTS, "s7_copy_skipped_zh_1366.png"))
