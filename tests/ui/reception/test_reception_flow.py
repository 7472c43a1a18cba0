"""End to end through the real reception widgets; every test checks what was STORED."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import (
    NOW,
    actions,
    arrive,
    pdf_slip_printer,
    press,
    type_text,
)

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_first_visit_walk_in_from_the_door_to_back_at_post(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    # The desk saw the arrival at once (visits_changed), waiting for the desk.
    assert desk.visit_list.first_waiting().id == visit_id
    press(qtbot, desk, Qt.Key.Key_F4)  # take the next waiting patient
    assert desk.view.stage == stages.TRIAGE, desk.notice_text()
    assert not desk.triage_step.lookup.isVisible()  # first visit: straight to the complaint

    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    internal = triage.department_ids()[0]
    assert "胃痛" in triage.departments.item(0).text()  # the reason is shown
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION and view.department_id == internal
    assert view.complaint == "胃痛三天" and view.queue_label

    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")
    form.media_source.setCurrentIndex(1)
    assert desk.coach.address_text() == "欧阳小姐"  # the coach follows the typed name
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():  # a similar demo patient is possible
        desk.registration.duplicates.create_button.click()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, desk.notice_text() or form.errors()
    assert view.patient_name == "欧阳娜娜" and view.patient_phone == "13912345678"
    assert not view.fee_waived and view.fee_fen > 0

    press(qtbot, desk.billing.confirm_button)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.ESCORT
    escort_id = desk.escort.escort_id()
    assert escort_id is not None
    press(qtbot, desk.escort.escort)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.DONE and view.escort_id == escort_id
    assert desk.escort.back_button.isVisibleTo(desk.escort)
    press(qtbot, desk.escort.back_button)
    assert actions(visit_id) == [
        stages.ARRIVED, stages.AT_DESK, stages.TRIAGED, stages.REGISTERED, stages.PAID,
        stages.HANDED_TO_DOCTOR, stages.BACK_AT_POST]
    # The escort is free again.
    assert escort_id in [s for s, _ in reception.free_escorts(NOW.date())]
    assert desk.coach.farewell_text() == "请慢走，祝您健康！"


def _todays_appointment():
    from frontdesk.db.models import Appointment, Patient

    return (Appointment.select().join(Patient)
            .where((Appointment.date == NOW.date()) & (Appointment.status == "booked")
                   & (Patient.vip_tier == ""))
            .order_by(Appointment.id).first())


def test_returning_patient_with_an_appointment(area, qtbot):
    appt = _todays_appointment()
    visit_id = arrive(area, qtbot, booked=True, first_visit=False)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    lookup = desk.triage_step.lookup
    assert lookup.isVisibleTo(desk)  # been here before: find the record first
    type_text(lookup.query, appt.phone)
    lookup.search_now()
    assert lookup.model.rowCount() >= 1
    assert lookup.current_hit().id == appt.patient_id
    press(qtbot, lookup.query)  # Enter: use this record
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.patient_id == appt.patient_id and view.appointment_id == appt.id
    # The appointment pre-filled the triage, shown for the desk to confirm.
    triage = desk.triage_step.triage
    assert triage.complaint.toPlainText() == appt.complaint
    assert triage.choice().department_id == appt.department_id
    assert triage.choice().doctor_id == appt.doctor_id
    press(qtbot, triage.complaint, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    # The form comes filled from the record; register without typing.
    form = desk.registration.form
    assert form.name.text() == appt.patient_name and form.phone.text() == appt.phone
    form.choose_not_asked()  # the media question, answered
    press(qtbot, form.name, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, form.errors() or desk.notice_text()
    assert view.patient_id == appt.patient_id and not view.first_visit
    from frontdesk.db.models import Appointment

    assert Appointment.get_by_id(appt.id).status == "arrived"
    assert actions(visit_id)[:4] == [stages.ARRIVED, stages.AT_DESK, "patient_attached",
                                     stages.TRIAGED]


def test_vip_fee_is_waived(area, qtbot):
    from frontdesk.db.models import Patient

    vip = Patient.select().where(Patient.vip_tier == "gold").order_by(Patient.id).first()
    visit_id = arrive(area, qtbot, booked=False, first_visit=False)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    desk.attach(vip.id)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "咳嗽发热")
    press(qtbot, triage.complaint, modifier=CTRL)
    form = desk.registration.form
    form.choose_not_asked()  # the media question, answered
    press(qtbot, form.name, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.BILLING, form.errors()
    assert desk.billing.is_waived()
    assert "¥0.00" in desk.billing.total_text()
    assert desk.billing.waiver_note.text()
    assert "Enter" in desk.billing.confirm_button.text()
    press(qtbot, desk.billing.confirm_button)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.ESCORT
    assert view.fee_waived and view.fee_fen == 0 and view.waiver_reason
    assert actions(visit_id)[-1] == stages.WAIVED


def test_red_flag_goes_straight_to_emergency_and_escort(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "突然胸痛，出汗")
    triage.update_suggestions()
    assert triage.red_banner.isVisibleTo(triage)
    assert "胸痛" in triage.red_banner.text()
    emergency = [d for d in triage._departments if d.is_emergency][0]
    assert triage.choice().department_id == emergency.id  # put first and chosen
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.ESCORT and view.red_flag and view.billing_deferred
    assert view.department_id == emergency.id
    assert desk.escort.deferred.isVisibleTo(desk.escort)
    press(qtbot, desk.escort.escort)
    assert actions(visit_id) == [stages.ARRIVED, stages.AT_DESK, stages.DEFERRED,
                                 stages.HANDED_TO_DOCTOR]


def test_red_flag_cannot_be_sent_elsewhere(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胸痛")
    triage.update_suggestions()
    other = next(d.id for d in triage._departments if not d.is_emergency)
    triage.select_department(other)
    triage.confirm()
    # The domain refuses; the message sits at the department list, nothing stored.
    assert "急诊" in triage.dept_box.error_text()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.TRIAGE


def test_patient_who_leaves(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    press(qtbot, desk, Qt.Key.Key_F8)
    assert desk.leave_box.isVisibleTo(desk)
    line = desk.leave_box.reason.lineEdit()
    press(qtbot, line)  # no reason: refused at the field
    assert desk.leave_box.reason_box.error_text()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.TRIAGE
    type_text(line, "等候时间太长")
    press(qtbot, line)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.LEFT and view.left_reason == "等候时间太长"
    assert actions(visit_id)[-1] == stages.LEFT_ACTION
    assert not desk.leave_button.isEnabled()
    assert "等候时间太长" in desk.closed.info.text()


def test_slips_print_from_billing_and_escort(area, qtbot, tmp_path):
    files = []
    to_pdf = pdf_slip_printer(tmp_path, files, "{kind}.pdf")

    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    desk.slip_printer = to_pdf
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "钱七")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, "13612345670")
    type_text(form.age, "45")
    form.choose_not_asked()  # the media question, answered
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.BILLING
    press(qtbot, desk.billing.confirm_button, Qt.Key.Key_P, CTRL)
    assert desk.last_print is not None and desk.last_print.ok, desk.notice_text()
    press(qtbot, desk.billing.confirm_button)
    press(qtbot, desk.escort.escort, Qt.Key.Key_G, CTRL)
    assert desk.last_print.ok, desk.notice_text()
    assert [f.name for f in files] == ["billing.pdf", "guide.pdf"]
    assert all(f.stat().st_size > 1000 for f in files)
    # Printing changed no stage: the escort step is still due.
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.ESCORT
