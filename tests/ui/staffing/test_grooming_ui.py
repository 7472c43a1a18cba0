"""The grooming area: a supervisor checks two people; sign-in, waivers and handover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import Fine, GroomingCheck, Shift, SignIn
from frontdesk.staffing import fines, handover, roster
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui
TODAY = TEST_NOW.date()


@pytest.fixture
def team(rules_db, ctx, make_staff):
    boss = make_staff("supervisor", name="雷婷婷", pin="1001")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    day_shift = Shift.get(Shift.code == "day")
    for s in (desk, guide):  # the roster the supervisor makes (staffing.roster)
        roster.set_day(actor=boss, staff_id=s.id, day=TODAY, shifts=[day_shift.code])
    ctx.set_staff(boss)
    return boss, desk, guide


@pytest.fixture
def area(team, ctx, qtbot):
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.area import GroomingArea

    translation.install("zh_CN")  # the default UI language: assert on what the desk reads
    widget = GroomingArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    yield widget
    # Dialogs are children of the area: delete it now so no stale dialog outlives the
    # test's database and receives a later test's events (e.g. a language change).
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def amounts(staff):
    return sorted(f.amount_fen for f in Fine.select().where(Fine.staff == staff))


def test_supervisor_checks_two_staff_and_the_ledger_holds_the_fines(area, team, qtbot):
    boss, desk, guide = team
    roster = area.roster
    assert roster.table.rowCount() == 2
    assert {roster.table.item(r, 0).text() for r in range(2)} == {"李静", "王悦"}

    # 李静: face and hands (Space on the first row), badge (type 7, then C: corrected).
    roster.select_staff("李静")
    dialog = roster.check_selected()
    assert dialog.isVisible() and dialog.table.currentRow() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_7)
    assert dialog.table.currentRow() == 6
    qtbot.keyClick(dialog.table, Qt.Key.Key_C)
    dialog.set_note(6, "胸牌歪了，已扶正")
    assert "20.00" in dialog.total_label.text()
    # Space twice on the same row passes it again: one key toggles.
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    qtbot.wait(900)  # let the row-number buffer expire
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert "20.00" in dialog.total_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    pin = dialog.pin_dialog
    assert pin is not None and pin.isVisible()
    qtbot.keyClicks(pin.pin_edit, "1001")  # the supervisor's own PIN is no proof
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    assert pin.isVisible() and "PIN 不正确" in pin.pin_error.text()
    pin.pin_edit.clear()
    qtbot.keyClicks(pin.pin_edit, "2001")
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    assert not pin.isVisible() and not dialog.isVisible()

    # 王悦: everything passes; she acknowledges later.
    roster.select_staff("王悦")
    second = roster.check_selected()
    assert "0.00" in second.total_label.text()
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    second.pin_dialog.reject()

    assert amounts(desk) == [1000, 1000]
    assert amounts(guide) == []
    assert Fine.select().count() == 2
    first = GroomingCheck.get(GroomingCheck.staff == desk)
    assert first.acknowledged_at is not None and first.supervisor == boss
    badge = first.results.where(GroomingCheck.results.rel_model.item_code == "badge").get()
    assert badge.corrected and badge.note == "胸牌歪了，已扶正"
    assert GroomingCheck.get(GroomingCheck.staff == guide).acknowledged_at is None

    rows = {roster.table.item(r, 0).text(): r for r in range(roster.table.rowCount())}
    assert roster.table.item(rows["李静"], 4).text() == "不合格"
    assert roster.table.item(rows["李静"], 5).text() == "20.00"
    assert roster.table.item(rows["李静"], 6).text() == "是"
    assert roster.table.item(rows["王悦"], 4).text() == "合格"
    assert roster.table.item(rows["王悦"], 6).text() == "否"
    assert "2 人在班" in roster.summary.text() and "2 人已检查" in roster.summary.text()


def test_recheck_and_off_roster_check_show_their_warnings(area, team, make_staff, qtbot):
    extra = make_staff("guide", name="刘婷")
    roster = area.roster
    roster.refresh()
    roster.other_combo.setCurrentIndex(roster.other_combo.findText("刘婷"))
    dialog = roster.check_other()
    assert dialog.warning.isVisible() and "不在排班表上" in dialog.warning.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_error.isVisible() and dialog.isVisible()
    assert GroomingCheck.select().count() == 0
    dialog.reason_edit.setText("临时顶班")  # QTest cannot type CJK characters
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.pin_dialog.reject()
    assert amounts(extra) == [1000]

    roster.select_staff("李静")
    roster.check_selected().save()
    roster.select_staff("李静")
    again = roster.check_selected()
    assert "复查" in again.warning.text()


def test_sign_in_needs_the_persons_own_pin(area, team, qtbot):
    _, desk, _ = team
    panel = area.sign_in
    area.tabs.setCurrentWidget(panel)
    panel.select_staff(desk.id)
    qtbot.keyClicks(panel.pin_edit, "3001")  # a colleague's PIN
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert panel.pin_error.isVisible() and "PIN 不正确" in panel.pin_error.text()
    assert SignIn.select().count() == 0 and panel.pin_edit.text() == ""
    qtbot.keyClicks(panel.pin_edit, "2001")
    qtbot.keyClick(panel.pin_edit, Qt.Key.Key_Return)
    row = SignIn.get()
    assert row.staff == desk and row.date == TODAY
    assert "李静" in panel.result.text()
    rows = {area.roster.table.item(r, 0).text(): r for r in range(area.roster.table.rowCount())}
    assert area.roster.table.item(rows["李静"], 2).text() == row.signed_at.strftime("%H:%M")


def test_waive_from_history_needs_a_reason(area, team, qtbot):
    boss, desk, _ = team
    Fine.create(staff=desk, kind="late", amount_fen=1000, date=TODAY, reason_zh="迟到 5 分钟",
                reason_en="Late 5 min")
    history = area.history
    area.tabs.setCurrentWidget(history)
    history.refresh()  # the fine arrived after the screen was built
    history.set_month(TODAY.year, TODAY.month)
    history.select_staff("李静")
    assert history.fines_table.rowCount() == 1
    history.select_fine(0)
    qtbot.mouseClick(history.waive_button, Qt.MouseButton.LeftButton)
    assert history.waive_error.isVisible()
    assert fines.fines_for(actor=boss, year=TODAY.year, month=TODAY.month)[0].waived is False
    history.reason_edit.setText("交通管制")
    qtbot.mouseClick(history.waive_button, Qt.MouseButton.LeftButton)
    line = fines.fines_for(actor=boss, year=TODAY.year, month=TODAY.month)[0]
    assert line.waived and line.waive_reason == "交通管制"
    assert "交通管制" in history.fines_table.item(0, 4).text()
    assert "0.00" in history.summary.text()


def test_handover_is_written_and_acknowledged_by_the_next_shift(area, team, ctx, qtbot):
    from frontdesk.ui.staffing.handover_area import HandoverArea

    boss, desk, _ = team
    place = HandoverArea(ctx)
    qtbot.addWidget(place)
    place.show()
    tab = place.handover
    assert "Handover" not in [area.tabs.tabText(i) for i in range(area.tabs.count())]
    assert "交接班" not in [area.tabs.tabText(i) for i in range(area.tabs.count())]
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.equipment_error.isVisible()
    assert "无未完成的就诊" in tab.visits_edit.toPlainText()
    tab.equipment_edit.setPlainText("2号打印机缺纸")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.pending_list.count() == 1
    assert "1" in place.title.text()  # the heading counts the notes to read
    ctx.set_staff(desk)
    assert tab.pending_list.count() == 1 and "2号打印机缺纸" in tab.pending_list.item(0).text()
    tab.pending_list.setCurrentRow(0)
    qtbot.mouseClick(tab.ack_button, Qt.MouseButton.LeftButton)
    assert tab.pending_list.count() == 0 and "1" not in place.title.text()
    assert handover.pending_notes(actor=desk) == []
    assert not area.tabs.isTabVisible(0)  # a desk member does not check grooming


def test_early_leave_is_fined_from_the_roster(area, team, qtbot):
    from PySide6.QtCore import QTime

    _, desk, _ = team
    area.roster.select_staff("李静")
    dialog = area.roster.early_leave_selected()
    dialog.time_edit.setTime(QTime(18, 0))  # the day shift ends at 18:00: not early
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "不算早退" in dialog.error.text()
    dialog.time_edit.setTime(QTime(17, 20))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert amounts(desk) == [1000]
    assert "早退 40 分钟" in Fine.get(Fine.staff == desk).reason_zh


def test_sign_in_chooses_the_logged_in_person(team, ctx, qtbot):
    """A guide at the screen signing herself in finds her own name chosen, not the first
    name in the list (a colleague already signed in)."""
    from frontdesk.staffing import attendance
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.area import GroomingArea

    _, desk, guide = team
    attendance.sign_in(staff=desk, pin="2001")
    translation.install("zh_CN")
    ctx.set_staff(guide)
    area = GroomingArea(ctx)
    qtbot.addWidget(area)
    panel = area.sign_in
    area.tabs.setCurrentWidget(panel)
    assert panel.staff_combo.itemData(0) != guide.id  # she is not first in the list
    assert panel.staff_combo.currentData() == guide.id
    qtbot.keyClicks(panel.pin_edit, "3001")
    qtbot.keyClick(panel.pin_edit, Qt.Key.Key_Return)
    assert SignIn.get(SignIn.staff == guide).date == TODAY
    panel.refresh()
    assert panel.staff_combo.currentData() == guide.id


def test_the_month_summary_reads_right_in_english_for_one(area, team, qtbot):
    """"1 checks · … 1 late arrivals": the English counts read right whatever the number."""
    from frontdesk.staffing import attendance
    from frontdesk.ui import translation

    boss, desk, _ = team
    Fine.create(staff=desk, kind="late", amount_fen=1000, date=TODAY, reason_zh="迟到 5 分钟",
                reason_en="Late 5 min")
    attendance.sign_in(staff=desk, pin="2001")
    history = area.history
    area.tabs.setCurrentWidget(history)
    translation.install("en")
    try:
        history.refresh()
        history.set_month(TODAY.year, TODAY.month)
        history.select_staff("李静")
        shown = history.summary.text()
    finally:
        translation.install("zh_CN")
    assert shown.startswith("Checks: 0 · Failures: 0 · Late arrivals: "), shown
    assert "Fines due: " in shown and " checks" not in shown and " arrivals ·" not in shown
    history.refresh()
    assert history.summary.text().startswith("检查 0 次 · 不合格 0 项 · 迟到 1 次")


def test_the_handover_heading_reads_right_in_english_for_one_note(area, team, ctx, qtbot):
    """"1 note(s) to read": English counts without a (s) or a plural for one."""
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.handover_area import HandoverArea

    place = HandoverArea(ctx)
    qtbot.addWidget(place)
    place.show()
    tab = place.handover
    tab.equipment_edit.setPlainText("2号打印机缺纸")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.pending_list.count() == 1
    translation.install("en")
    try:
        place.retranslate()
        shown = place.title.text()
    finally:
        translation.install("zh_CN")
    assert shown == "Shift handover — notes to read: 1", shown
