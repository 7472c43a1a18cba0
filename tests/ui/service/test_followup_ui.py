"""The follow-up call area on the demo hospital: yesterday's patients, outcomes stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from frontdesk import stages
from frontdesk.db.models import FollowUp, Staff, Visit
from frontdesk.service import followups
from frontdesk.ui import translation
from frontdesk.ui.service.followups import FollowUpArea
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.gui
YESTERDAY = DEMO_TODAY - dt.timedelta(days=1)


@pytest.fixture
def area(qtbot, demo_db, ctx):
    translation.install("zh_CN")
    ctx.staff = Staff.get(Staff.username == "desk1")
    widget = FollowUpArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    return widget


def shown_visit_ids(area):
    return [area.model.row_at(r).visit_id for r in range(area.model.rowCount())]


def test_lists_yesterdays_patients_who_saw_the_doctor(area, qtmodeltester, tmp_path):
    done_yesterday = {v.id for v in Visit.select().where(Visit.visit_date == YESTERDAY,
                                                         Visit.stage == stages.DONE)}
    assert done_yesterday  # the demo hospital had patients yesterday
    assert done_yesterday <= set(shown_visit_ids(area))
    assert area.model.headerData(1, Qt.Orientation.Horizontal) == "电话"
    first = area.model.row_at(0)
    assert area.model.index(0, 1).data() == first.phone and "*" not in first.phone
    assert str(area.model.rowCount()) in area.count_label.text()
    assert first.patient_name in area.who.text()
    assert "导医台" in area.script.text() and "您好" in area.script.text()
    qtmodeltester.check(area.model)
    area.grab().save(str(tmp_path / "followup_area.png"))


def test_done_with_notes_is_stored_and_leaves_the_list(area, qtbot):
    call = area.current_call()
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_Return)  # Enter: on to the notes
    assert area.notes.hasFocus()
    area.notes.insertPlainText("恢复良好，按时复诊")
    qtbot.mouseClick(area.done_button, Qt.MouseButton.LeftButton)
    row = FollowUp.get_by_id(call.followup_id)
    assert row.status == "done" and row.called_by.username == "desk1"
    assert row.notes.endswith("恢复良好，按时复诊")
    assert call.followup_id not in [area.model.row_at(r).followup_id
                                    for r in range(area.model.rowCount())]
    assert call.patient_name in area.status.text()
    assert area.current_call() is not None and area.notes.toPlainText() == ""


def test_unreachable_with_retry_stays_due_on_the_retry_day(area, qtbot):
    call = area.current_call()
    retry = DEMO_TODAY + dt.timedelta(days=2)
    area.retry_date.setDate(QDate(retry))
    qtbot.mouseClick(area.unreachable_button, Qt.MouseButton.LeftButton)
    row = FollowUp.get_by_id(call.followup_id)
    assert (row.status, row.due_date) == ("open", retry)
    assert call.followup_id not in [c.followup_id for c in area.model._rows]
    later = followups.due_calls(actor=area.ctx.staff, day=retry)
    assert next(c for c in later if c.followup_id == call.followup_id).attempts == 1


def test_too_long_notes_are_shown_at_the_field_and_nothing_is_stored(area, qtbot):
    call = area.current_call()
    area.notes.setPlainText("好" * (followups.NOTES_MAX + 1))
    qtbot.mouseClick(area.declined_button, Qt.MouseButton.LeftButton)
    assert area.notes_error.isVisible() and "500" in area.notes_error.text()
    assert FollowUp.get_by_id(call.followup_id).status == "open"
    assert area.notes.toPlainText()  # what was typed is kept


def test_a_guide_sees_no_phone_numbers(qtbot, demo_db, ctx):
    translation.install("zh_CN")
    ctx.staff = Staff.get(Staff.username == "guide1")
    widget = FollowUpArea(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.model.rowCount() == 0
    assert widget.list_error.isVisible() and "回访" in widget.list_error.text()
    assert not widget.done_button.isEnabled()


def test_satisfaction_asked_during_the_call_is_stored_with_done(qtbot, area):
    from frontdesk.db.models import SatisfactionRating

    assert area.current_call() is not None
    area.ratings["attitude"].setCurrentIndex(area.ratings["attitude"].findData(1))
    area.ratings["skill"].setCurrentIndex(area.ratings["skill"].findData(4))
    assert area.record("done")
    r = SatisfactionRating.get()
    assert (r.attitude, r.skill, r.timeliness, r.source) == (1, 4, None, "call")


def test_a_no_show_says_so_in_the_visit_date_column(area):
    row = next((r for r in range(area.model.rowCount()) if area.model.row_at(r).no_show_date),
               None)
    assert row is not None  # the demo hospital's bookings nobody came for
    call = area.model.row_at(row)
    assert call.no_show_date.isoformat() in area.model.index(row, 4).data()


def test_the_english_call_script_addresses_a_child_as_a_child(area, qtbot):
    """付小朋友 in Chinese was "Mr Fu" in English: a child is "little Fu" in the script."""
    import dataclasses

    row = next((r for r in range(area.model.rowCount())
                if (area.model.row_at(r).age or 99) < 14), None)
    assert row is not None  # the demo hospital saw children yesterday
    child = area.model.row_at(row)
    translation.install("en")
    try:
        area.table.setCurrentIndex(area.model.index(row, 0))
        script = area.script.text()
        surname_call = area.call_script(dataclasses.replace(child, patient_name="付小明",
                                                            sex="M", age=8))
    finally:
        translation.install("zh_CN")
    assert child.patient_name in area.who.text()
    assert "Hello, may I speak to little " in script, script
    assert "Mr " not in script and "Ms " not in script, script
    assert "may I speak to little Fu?" in surname_call, surname_call
