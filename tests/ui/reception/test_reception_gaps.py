"""The desk's later additions: busy escorts, deferred billing, reviewing an existing record.

Each test drives the real widgets and asserts what is STORED.
"""

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


def _dept(code: str):
    from frontdesk.db.models import Department

    return Department.get(Department.code == code)


def _to_escort(staff, complaint: str = "咳嗽三天", name: str = "韩梅"):
    """A paid walk-in waiting for its escort, moved through the domain."""
    v = reception.new_arrival(actor=staff, booked=False, first_visit=True)
    v = reception.take_at_desk(v.id, actor=staff, expected_version=v.version)
    v = reception.triage(v.id, actor=staff, expected_version=v.version, complaint=complaint,
                         department_id=_dept("internal").id)
    form = reception.RegistrationForm(name=name, sex="F", phone="13512340000", age=40)
    v = reception.register(v.id, actor=staff, expected_version=v.version, form=form)
    return reception.confirm_payment(v.id, actor=staff, expected_version=v.version)


def test_escort_picker_offers_only_free_escorts_and_says_who_is_out(area, qtbot, desk_staff, tmp_path):
    out_visit = _to_escort(desk_staff, name="韩梅")
    busy_id, busy_name = reception.free_escorts(NOW.date())[0]
    out_visit = reception.hand_to_doctor(out_visit.id, actor=desk_staff,
                                         expected_version=out_visit.version, escort_id=busy_id)
    waiting = _to_escort(desk_staff, name="李雷")
    desk = area.show_desk()
    desk.open_visit(waiting.id)
    panel = desk.escort
    offered = [panel.escort.itemData(i) for i in range(panel.escort.count())]
    assert busy_id not in offered and offered
    assert panel.busy_note.isVisibleTo(panel)
    assert busy_name in panel.busy_note.text() and out_visit.queue_label in panel.busy_note.text()
    area.grab().save(str(tmp_path / "gap2_escort_busy.png"))

    # A stale picker (another desk sent the escort out meanwhile): refused at the field.
    desk.hand_to_doctor(busy_id)
    assert busy_name in panel.escort_box.error_text()
    stored = reception.get_visit(waiting.id, actor=viewer())
    assert stored.stage == stages.ESCORT and stored.escort_id is None

    # Back at post on the other visit: the escort is offered again and can take this one.
    reception.back_at_post(out_visit.id, actor=desk_staff)
    desk.open_visit(waiting.id)
    offered = [panel.escort.itemData(i) for i in range(panel.escort.count())]
    assert busy_id in offered and not panel.busy_note.isVisibleTo(panel)
    panel.escort.setCurrentIndex(panel.escort.findData(busy_id))
    press(qtbot, panel.escort)
    stored = reception.get_visit(waiting.id, actor=viewer())
    assert (stored.stage, stored.escort_id) == (stages.DONE, busy_id)
    assert actions(waiting.id)[-1] == stages.HANDED_TO_DOCTOR


def test_same_person_shows_the_record_for_review_and_saves_only_what_changed(area, qtbot, tmp_path):
    from frontdesk.db.models import AuditLog, Patient

    existing = (Patient.select().where((Patient.phone != "") & (Patient.address != "")
                                       & Patient.birth_date.is_null(False)
                                       & (Patient.birth_date_estimated == False)  # noqa: E712
                                       & Patient.merged_into.is_null())
                .order_by(Patient.id).first())
    before = {f: getattr(existing, f) for f in ("name", "sex", "birth_date", "phone",
                                                "medical_history", "id_number")}
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "王五")
    form.sex.setCurrentIndex(form.sex.findData(existing.sex))
    type_text(form.phone, existing.phone)
    type_text(form.age, "33")
    type_text(form.address, "typed street 9")
    type_text(form.illness_duration, "3 days")
    form.choose_not_asked()  # the media question, answered
    press(qtbot, form.age, modifier=CTRL)
    dups = desk.registration.duplicates
    assert dups.isVisibleTo(desk)
    dups.list.setCurrentRow(next(i for i in range(dups.list.count()) if dups.list.item(i)
                                 .data(Qt.ItemDataRole.UserRole) == existing.id))
    dups.use_button.click()

    # Linked, not written: the form shows the record, the visit's answer is kept.
    assert reception.get_visit(visit_id, actor=viewer()).patient_id == existing.id
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert form.name.text() == existing.name and form.address.text() == existing.address
    assert form.illness_duration.text() == "3 days"
    assert form.age.text() == str(reception.get_visit(visit_id, actor=viewer()).age)  # from the birth date
    note = desk.registration.review_note
    assert note.isVisibleTo(desk) and "王五" in note.text() and "typed street 9" in note.text()
    area.grab().save(str(tmp_path / "gap3_review.png"))

    # The desk decides the typed address is right; nothing else changes.
    form.address.setText("typed street 9")
    press(qtbot, form.name, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING and view.patient_id == existing.id
    stored = Patient.get_by_id(existing.id)
    assert stored.address == "typed street 9"
    assert {f: getattr(stored, f) for f in before} == before
    audit = (AuditLog.select().where((AuditLog.action == "update") & (AuditLog.entity == "patient")
                                     & (AuditLog.entity_id == str(existing.id)))
             .order_by(AuditLog.id.desc()).first())
    assert audit is not None and '"address"' in audit.detail and "name" not in audit.detail


def test_red_flag_patient_is_registered_and_billed_after_the_doctor(area, qtbot, tmp_path):
    from frontdesk.db.models import Patient, Payment

    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    files: list = []
    desk.slip_printer = pdf_slip_printer(tmp_path, files)
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "突然胸痛")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).billing_deferred
    # Not forgotten: listed from the moment billing is deferred.
    assert [v.id for v in desk.deferred_list.visits] == [visit_id]
    assert "to register" in desk.deferred_list.list.item(0).text()
    press(qtbot, desk.escort.escort)  # treat first: straight to the emergency doctor
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.DONE
    assert desk.late_button.isVisibleTo(desk)

    # Later: the desk picks it from the deferred-billing list.
    desk.deferred_list.list.itemClicked.emit(desk.deferred_list.list.item(0))
    reg = desk.registration
    assert desk.steps.currentWidget() is reg and reg.late_banner.isVisibleTo(reg)
    type_text(reg.form.name, "赵急")
    reg.form.sex.setCurrentIndex(reg.form.sex.findData("M"))
    type_text(reg.form.phone, "13711112222")
    type_text(reg.form.age, "58")
    area.grab().save(str(tmp_path / "gap1_late_registration.png"))
    reg.form.choose_not_asked()  # the media question, answered
    press(qtbot, reg.form.age, modifier=CTRL)
    if reg.duplicates.isVisible():
        reg.duplicates.create_button.click()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.DONE and view.registered_late, reg.form.errors()
    assert view.patient_name == "赵急" and view.fee_fen > 0
    assert Patient.get_by_id(view.patient_id).phone == "13711112222"
    assert desk.steps.currentWidget() is desk.billing and desk.billing.late
    assert "to pay" in desk.deferred_list.list.item(0).text()
    press(qtbot, desk.billing.confirm_button, Qt.Key.Key_P, CTRL)  # the billing slip
    assert desk.last_print is not None and desk.last_print.ok, desk.notice_text()
    area.grab().save(str(tmp_path / "gap1_late_billing.png"))

    press(qtbot, desk.billing.confirm_button)  # Enter: paid at the cashier
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.DONE and not view.billing_open
    assert Payment.get(Payment.visit == visit_id).amount_fen == view.fee_fen
    assert actions(visit_id)[2:] == [stages.DEFERRED, stages.HANDED_TO_DOCTOR,
                                     stages.REGISTERED_LATE, stages.PAID_LATE]
    assert desk.deferred_list.visits == [] and not desk.deferred_list.isVisibleTo(desk)
    assert not desk.late_button.isVisibleTo(desk)
    assert desk.steps.currentWidget() is desk.escort  # the escort is still to come back
    assert [f.name for f in files] == [f"billing-{visit_id}.pdf"]
    assert files[0].stat().st_size > 1000
