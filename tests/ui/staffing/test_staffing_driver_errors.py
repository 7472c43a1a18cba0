"""Grooming, sign-in, fines and handover with a failing database driver (issue 21).

Every statement fails with what sqlite3, peewee or psycopg2 raise (see
tests/ui/reception/test_driver_errors.py): each action says so where its screen
speaks, keeps what was typed, lets nothing escape a slot, and works once the fault
is gone.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime

from frontdesk.db.models import Fine, GroomingCheck, HandoverNote, Shift, ShiftAssignment, SignIn
from frontdesk.staffing import handover
from frontdesk.ui.staffing.handover_pending import show_pending_handover
from tests.helpers.clock import TEST_NOW
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui
TODAY = TEST_NOW.date()


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, rules_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


@pytest.fixture
def team(rules_db, ctx, make_staff):
    boss = make_staff("supervisor", name="雷婷婷", pin="1001")
    desk = make_staff("desk", name="李静", pin="2001")
    day_shift = Shift.get(Shift.code == "day")
    ShiftAssignment.create(staff=desk, shift=day_shift, date=TODAY)
    ctx.set_staff(boss)
    return boss, desk


@pytest.fixture
def area(team, ctx, qtbot, faults):
    from PySide6.QtCore import QCoreApplication, QEvent

    from frontdesk.ui import translation
    from frontdesk.ui.staffing.area import GroomingArea

    translation.install("zh_CN")
    widget = GroomingArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def said(label) -> str:
    text = label.text()
    assert text.strip(), f"{label.objectName() or label} says nothing"
    for raw in ("Traceback", "locked", "server closed", "connection already closed"):
        assert raw not in text, text
    return text


def test_check_save_and_acknowledge(area, faults):
    roster = area.roster
    with faults.on():
        roster.refresh()
    said(roster.error)
    roster.refresh()
    roster.select_staff("李静")
    with faults.on():
        assert roster.check_selected() is None
    said(roster.error)
    dialog = roster.check_selected()
    dialog.toggle_failure(0)
    dialog.notes_edit.setText("第一次")
    with faults.on():
        dialog.save()
    said(dialog.error)
    assert dialog.isVisible() and dialog.notes_edit.text() == "第一次"
    assert not dialog.outcome(0).passed and GroomingCheck.select().count() == 0
    dialog.save()
    assert GroomingCheck.select().count() == 1, dialog.error.text()

    pin = dialog.pin_dialog
    pin.pin_edit.setText("2001")
    with faults.on():
        pin.try_accept()
    said(pin.pin_error)
    assert pin.isVisible() and pin.pin_edit.text() == "2001"
    assert GroomingCheck.get().acknowledged_at is None
    pin.try_accept()
    assert GroomingCheck.get().acknowledged_at is not None, pin.pin_error.text()


def test_early_leave(area, team, faults):
    _, desk = team
    area.roster.select_staff("李静")
    with faults.on():
        assert area.roster.early_leave_selected() is None
    said(area.roster.error)
    dialog = area.roster.early_leave_selected()
    dialog.time_edit.setTime(QTime(17, 20))
    with faults.on():
        dialog.record()
    said(dialog.error)
    assert dialog.isVisible() and dialog.time_edit.time() == QTime(17, 20)
    dialog.record()
    assert not dialog.isVisible(), dialog.error.text()
    assert Fine.select().where(Fine.staff == desk).count() == 1


def test_sign_in_keeps_the_pin(area, team, faults):
    _, desk = team
    panel = area.sign_in
    with faults.on():
        panel.refresh()
    said(panel.result)
    panel.refresh()
    panel.select_staff(desk.id)
    panel.pin_edit.setText("2001")
    with faults.on():
        panel.sign_in()
    said(panel.pin_error)
    assert panel.pin_edit.text() == "2001" and SignIn.select().count() == 0
    panel.sign_in()
    assert SignIn.select().count() == 1, panel.pin_error.text()


def test_history_and_waiver_keep_the_reason(area, team, faults):
    _, desk = team
    Fine.create(staff=desk, kind="late", amount_fen=1000, date=TODAY, reason_zh="迟到 5 分钟",
                reason_en="Late 5 min")
    history = area.history
    with faults.on():
        history.refresh()
    said(history.error)
    history.refresh()
    history.set_month(TODAY.year, TODAY.month)
    history.select_staff("李静")
    with faults.on():
        history.load()
    said(history.error)
    history.load()
    history.select_fine(0)
    history.reason_edit.setText("交通管制")
    with faults.on():
        history.waive_selected()
    said(history.waive_error)
    assert history.reason_edit.text() == "交通管制" and Fine.get().waived_at is None
    history.waive_selected()
    assert Fine.get().waived_at is not None, history.waive_error.text()


def test_handover_write_and_acknowledge(area, team, ctx, faults, qtbot):
    from frontdesk.ui.staffing.handover_area import HandoverArea

    _, desk = team
    place = HandoverArea(ctx)
    qtbot.addWidget(place)
    tab = place.handover
    with faults.on():
        tab.refresh()
    said(tab.ack_error)
    tab.refresh()
    tab.equipment_edit.setPlainText("2号打印机缺纸")
    with faults.on():
        tab.save()
    said(tab.equipment_error)
    assert tab.equipment_edit.toPlainText() == "2号打印机缺纸"
    assert HandoverNote.select().count() == 0
    tab.save()
    assert HandoverNote.select().count() == 1, tab.equipment_error.text()
    ctx.set_staff(desk)
    tab.pending_list.setCurrentRow(0)
    with faults.on():
        tab.acknowledge_selected()
    said(tab.ack_error)
    assert HandoverNote.get().acknowledged_at is None
    tab.acknowledge_selected()
    assert HandoverNote.get().acknowledged_at is not None, tab.ack_error.text()


def test_pending_handover_dialog(team, ctx, qtbot, faults):
    boss, desk = team
    handover.write_note(actor=boss, day=TODAY, equipment="电话坏了")
    ctx.staff = desk
    with faults.on():
        assert show_pending_handover(ctx) is None  # never stands between desk and patient
    dialog = show_pending_handover(ctx)  # deletes itself once everything is read
    with faults.on():
        dialog.ack_button.click()
    said(dialog.error)
    assert dialog.isVisible() and len(dialog.notes) == 1
    dialog.ack_button.click()
    assert HandoverNote.get().acknowledged_by_id == desk.id, dialog.error.text()
