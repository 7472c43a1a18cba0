"""The door screen with the keyboard: ticket, what the guide saw, check-in by scan, printing;
and the desk's list: ticket, sex/age band, name, priority; urgency order, colours, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from frontdesk import reception, settings, stages
from frontdesk.db.models import Appointment, Department, Patient, Visit
from frontdesk.ui.reception.visits import (
    AMBER_COLOUR,
    RED_COLOUR,
    WAITING_COLOUR,
    VisitListModel,
)
from frontdesk.validation import id_check_char
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import NOW
from tests.ui.reception.test_slip_actions import never_called, pdf_printer

K = Qt.Key
pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def chinese(qapp):
    from frontdesk.ui import translation

    translation.install("zh_CN")


def door_of(area, qtbot):
    door = area.show_door()
    qtbot.keyClick(door, K.Key_F2)
    return door


def hand_over(qtbot, door):
    qtbot.keyClick(door.handover_button, K.Key_Return)
    assert door.last_visit is not None, door.message.text()
    return door.last_visit


def test_keyboard_arrival_gets_a_ticket_with_what_the_guide_saw(area, qtbot):
    door = door_of(area, qtbot)
    for key in (K.Key_2, K.Key_3, K.Key_6, K.Key_9):  # not booked, first visit, female, elder
        qtbot.keyClick(door, key)
    door.name_edit.setFocus()
    qtbot.keyClicks(door.name_edit, "Wang")
    door.priority.setFocus()
    qtbot.keyClick(door.priority, K.Key_Down)
    qtbot.keyClick(door.priority, K.Key_Down)  # none → emergency → elderly
    assert door.priority.currentData() == "elderly"
    # The coach's hand-over line already says 阿姨.
    assert "阿姨" in door.coach.handover_text()
    view = hand_over(qtbot, door)
    stored = Visit.get_by_id(view.id)
    assert (stored.door_ticket, stored.door_sex, stored.door_age_band, stored.door_name,
            stored.priority) == ("A001", "F", "elder", "Wang", "elderly")
    # The confirmation names the ticket, never the database id.
    assert "A001" in door.message.text() and f"{view.id}" not in door.message.text()
    assert door.ticket_frame.isVisible() and door.ticket_label.text() == "A001"
    assert "阿姨" in door.say_label.text()
    # The next arrival gets the next ticket.
    door = door_of(area, qtbot)
    for key in (K.Key_2, K.Key_4, K.Key_5, K.Key_7):  # male child
        qtbot.keyClick(door, key)
    assert "小朋友" in door.coach.handover_text()
    qtbot.keyClick(door, K.Key_Return)
    assert door.last_visit.door_ticket == "A002"
    assert "小朋友" in door.say_label.text()


def test_the_desk_list_shows_ticket_sex_band_name_and_priority(area, qtbot):
    door = door_of(area, qtbot)
    for key in (K.Key_1, K.Key_3, K.Key_5, K.Key_8):
        qtbot.keyClick(door, key)
    qtbot.keyClick(door, K.Key_Return)
    door = door_of(area, qtbot)
    for key in (K.Key_2, K.Key_4, K.Key_6, K.Key_9):
        qtbot.keyClick(door, key)
    qtbot.keyClick(door, K.Key_Return)
    desk = area.show_desk()
    desk.refresh_list()
    model = desk.visit_list.model
    rows = {model.data(model.index(r, VisitListModel.COL_NUMBER)):
            (model.data(model.index(r, VisitListModel.COL_PATIENT)), None)
            for r in range(model.rowCount())}
    assert rows["A001"][0] == "男·成人 初诊 有预约"
    assert rows["A002"][0] == "女·老人 复诊"
    patients = [p for p, _ in rows.values()]
    assert len(set(patients)) == len(patients)  # no two identical rows


def _booking(code: str = "K7P2QX") -> tuple[Appointment, Patient]:
    body = "110105195003071" + "24"
    patient = Patient.create(record_no="T90001", name="赵敏", sex="F",
                             birth_date=dt.date(1950, 3, 7), phone="13912345678",
                             id_number=body + id_check_char(body))
    dept = Department.select().where(Department.active == True).first()  # noqa: E712
    appt = Appointment.create(code=code, patient=patient, patient_name="赵敏", phone=patient.phone,
                              department=dept, date=NOW.date(), time="10:30",
                              complaint="头晕两天")
    return appt, patient


def test_check_in_by_scanning_a_booking_code(area, qtbot):
    appt, patient = _booking()
    door = area.show_door()
    qtbot.keyClick(door, K.Key_F3)  # starts an arrival and goes to the check-in field
    assert door.in_progress() and door.scan_edit.hasFocus()
    qtbot.keyClicks(door.scan_edit, "k7p2qx")  # a scanner types like a keyboard …
    qtbot.keyClick(door.scan_edit, K.Key_Return)  # … and ends with Enter
    assert door.booking is not None and door.booking.appointment_id == appt.id
    assert (door.booked.answer(), door.first_visit.answer(), door.sex.answer(),
            door.band.answer(), door.name_edit.text()) == (True, True, "F", "elder", "赵敏")
    assert door.booking_label.isVisible() and "赵敏" in door.booking_label.text()
    assert door.handover_button.hasFocus()
    view = hand_over(qtbot, door)
    assert (view.appointment_id, view.patient_id, view.complaint) == (appt.id, patient.id,
                                                                       "头晕两天")
    assert Appointment.get_by_id(appt.id).status == "arrived"


def test_check_in_by_id_number_and_bad_input_at_the_field(area, qtbot):
    appt, patient = _booking()
    door = area.show_door()
    qtbot.keyClick(door, K.Key_F3)
    bad = patient.id_number[:-1] + ("0" if patient.id_number[-1] != "0" else "1")
    qtbot.keyClicks(door.scan_edit, bad)
    qtbot.keyClick(door.scan_edit, K.Key_Return)
    assert "校验位" in door.scan_box.error_text()
    assert door.booking is None and door.scan_edit.hasFocus()
    assert door.scan_edit.selectedText() == bad  # the next scan replaces it
    qtbot.keyClicks(door.scan_edit, "ZZZZZZ")
    qtbot.keyClick(door.scan_edit, K.Key_Return)
    assert "找不到" in door.scan_box.error_text()
    door.scan_edit.selectAll()
    qtbot.keyClicks(door.scan_edit, patient.id_number)
    qtbot.keyClick(door.scan_edit, K.Key_Return)
    assert door.scan_box.error_text() == ""
    assert door.booking.appointment_id == appt.id and door.booking.matched_by == "id_number"
    view = hand_over(qtbot, door)
    assert view.has_appointment and view.door_ticket == "A001"


def test_a_bad_name_is_said_at_the_name_field_and_nothing_is_saved(area, qtbot):
    door = door_of(area, qtbot)
    qtbot.keyClick(door, K.Key_2)
    qtbot.keyClick(door, K.Key_3)
    door.name_edit.setFocus()
    qtbot.keyClicks(door.name_edit, "Wang5")
    qtbot.keyClick(door.name_edit, K.Key_Return)  # Enter in the name field hands over
    assert door.name_box.error_text() and door.last_visit is None
    assert Visit.select().where(Visit.door_ticket != "").count() == 0
    assert door.in_progress()  # the answers are kept


def test_print_the_ticket_on_the_roll(area, qtbot, tmp_path):
    door = door_of(area, qtbot)
    qtbot.keyClick(door, K.Key_2)
    qtbot.keyClick(door, K.Key_3)
    qtbot.keyClick(door, K.Key_Return)
    out = tmp_path / "ticket.pdf"
    door.print_seams = dict(run_dialog=never_called, printer_factory=pdf_printer(out))
    settings.set("printing.ticket.printer", "Roll")  # a ticket printer chosen: no dialog
    from PySide6.QtPrintSupport import QPrinterInfo

    if "Roll" not in QPrinterInfo.availablePrinterNames():
        # No such printer here: the desk is told, nothing printed, nothing raised.
        qtbot.keyClick(door, K.Key_F6)
        assert door.last_print is not None and not door.last_print.ok
        assert door.message.text()
    settings.set("printing.ticket.printer", "")
    settings.set("printing.print_without_asking", True)
    qtbot.keyClick(door, K.Key_F6)
    assert door.last_print.ok, door.last_print.message
    assert out.exists() and out.stat().st_size > 0


# --- the desk's list: urgency -------------------------------------------------------------


def _open_rows(desk) -> list:
    desk.refresh_list()
    return desk.visit_list.model.rows()


def test_the_list_puts_what_needs_attention_first_and_colours_by_stage(area, qtbot, clock):
    ctx = area.ctx
    first = reception.new_arrival(actor=ctx.staff, booked=False, first_visit=True)
    clock.freeze(NOW + dt.timedelta(minutes=2))
    taken = reception.new_arrival(actor=ctx.staff, booked=False, first_visit=True)
    taken = reception.take_at_desk(taken.id, actor=ctx.staff, expected_version=taken.version)
    clock.freeze(NOW + dt.timedelta(minutes=3))
    urgent = reception.new_arrival(actor=ctx.staff, booked=False, first_visit=True,
                                   priority="emergency")
    clock.freeze(NOW + dt.timedelta(minutes=9))
    desk = area.show_desk()
    rows = _open_rows(desk)
    ours = [v.id for v in rows if v.id in (first.id, taken.id, urgent.id)]
    # Emergency first; the door arrival 9 min (red at 8) before the triage at 7 (amber at 5).
    assert ours == [urgent.id, first.id, taken.id]
    model = desk.visit_list.model

    def cell(visit_id, col, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(model.row_of(visit_id), col), role)

    assert cell(first.id, VisitListModel.COL_WAIT) == "9"
    assert (cell(taken.id, VisitListModel.COL_WAIT), cell(taken.id, VisitListModel.COL_TOTAL)) \
        == ("7", "7")
    bg = Qt.ItemDataRole.BackgroundRole
    assert cell(first.id, 0, bg).color() == QColor(RED_COLOUR)
    assert cell(taken.id, 0, bg).color() == QColor(AMBER_COLOUR)
    assert cell(urgent.id, 0, bg).color() == QColor(AMBER_COLOUR)  # 6 min at the door
    assert cell(urgent.id, VisitListModel.COL_PATIENT).startswith("[急诊] ")
    # Per-stage thresholds from settings: the triage step may take longer here.
    settings.set("desk.amber_minutes", {"TRIAGE": 8})
    _open_rows(desk)
    assert cell(taken.id, 0, bg) is None or cell(taken.id, 0, bg).color() != QColor(AMBER_COLOUR)
    # Counts per stage above the list.
    counts = desk.visit_list.stage_counts()
    assert counts[stages.GREETING] >= 2 and counts[stages.TRIAGE] >= 1
    text = desk.visit_list.counts.text().replace("\u2060", "")  # word joiners keep a step whole
    assert "待接待" in text and "分诊" in text
    # F4 takes the most urgent arrival, not the oldest.
    qtbot.keyClick(desk, K.Key_F4)
    assert reception.get_visit(urgent.id, actor=viewer()).stage == stages.TRIAGE
    assert reception.get_visit(first.id, actor=viewer()).stage == stages.GREETING


def test_a_fresh_arrival_is_cyan_and_the_list_keeps_the_desks_keyboard(area, qtbot):
    desk = area.show_desk()
    v = reception.new_arrival(actor=area.ctx.staff, booked=False, first_visit=True)
    _open_rows(desk)
    model = desk.visit_list.model
    row = model.row_of(v.id)
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == QColor(
        WAITING_COLOUR)
    desk.visit_list.view.setFocus()
    qtbot.keyClick(desk.visit_list.view, K.Key_Home)
    assert desk.visit_list.view.currentIndex().row() == 0




def test_handing_over_announces_the_new_visit(area, qtbot):
    """handed_over(visit_id) comes from the runner's on_done, so it also fires when a busy
    database made the runner finish the arrival on the worker."""
    door = door_of(area, qtbot)
    for key in (K.Key_2, K.Key_3):  # not booked, first visit
        qtbot.keyClick(door, key)
    with qtbot.waitSignal(door.handed_over, timeout=2000) as signal:
        qtbot.keyClick(door.handover_button, K.Key_Return)
    assert signal.args == [door.last_visit.id]
