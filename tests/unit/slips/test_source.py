"""Slips built from the demo hospital's visits, and the print history in the audit log."""

from __future__ import annotations

import json

import pytest

from frontdesk import settings
from frontdesk.db.models import AuditLog, Department, FeeClass, Patient, Staff, Visit
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.permissions import SYSTEM
from frontdesk.slips import mask_name, render_billing, render_guide, source
from tests.conftest import DEMO_TODAY
from tests.helpers.actors import viewer


def _visit(vip: bool) -> Visit:
    tiers = ("gold", "diamond") if vip else ("",)
    return (Visit.select().join(Patient).where(Patient.vip_tier.in_(tiers)
                                               & Visit.queue_no.is_null(False)
                                               & Visit.doctor.is_null(False))
            .order_by(Visit.id).first())


def _new_visit(**fields) -> Visit:
    return Visit.create(visit_date=DEMO_TODAY, stage="GREETING", **fields)


def test_guide_slip_of_a_demo_visit(demo_db):
    visit = _visit(vip=False)
    slip = source.guide_slip_for(visit.id, actor=SYSTEM)
    dept, doctor = visit.department, visit.doctor
    assert slip.visit_id == visit.id
    assert slip.hospital == settings.hospital_name() and slip.hospital
    assert slip.queue_number == f"{dept.short_zh}-{visit.queue_no:03d}"
    assert slip.department == dept.name_zh
    assert (slip.room, slip.floor) == (dept.room, dept.floor)
    assert slip.directions == dept.directions_zh
    assert (slip.doctor_name, slip.doctor_title) == (doctor.name, doctor.title_zh)
    assert slip.patient_name == visit.patient.name
    # the slip's time is when the visit was sent on, not when it is printed
    assert slip.time.date() == visit.visit_date


def test_guide_pdf_shows_the_masked_name_only(demo_db, pdf):
    visit = _visit(vip=False)
    slip = source.guide_slip_for(visit.id, actor=SYSTEM)
    text = pdf.text(render_guide(slip, "roll80"))
    full = visit.patient.name
    assert mask_name(full) in text
    assert full not in text
    for expected in (slip.queue_number, visit.department.name_zh, visit.doctor.name,
                     "祝您健康", settings.hospital_name()):
        assert expected in text


def test_guide_slip_in_english(demo_db):
    visit = _visit(vip=False)
    slip = source.guide_slip_for(visit.id, lang="en", actor=SYSTEM)
    assert slip.department == visit.department.name_en
    assert slip.doctor_title == visit.doctor.title_en
    # the number matches the queue board, whatever the language
    assert slip.queue_number.startswith(visit.department.short_zh + "-")


def test_billing_slip_without_waiver(demo_db, pdf):
    visit = _visit(vip=False)
    fee_class = visit.doctor.fee_class
    slip = source.billing_slip_for(visit.id, actor=SYSTEM)
    assert slip.record_no == visit.patient.record_no
    assert slip.patient_name == visit.patient.name
    assert slip.visit_no == f"V{visit.visit_date:%Y%m%d}-{visit.id:04d}"
    assert [(line.label, line.amount_fen) for line in slip.lines] == [
        (fee_class.name_zh, fee_class.amount_fen)]
    assert slip.waiver is None
    assert slip.computed_total_fen() == visit.fee_fen == fee_class.amount_fen
    text = pdf.text(render_billing(slip, "a4"))
    assert visit.patient.name in text and visit.patient.record_no in text
    assert fee_class.name_zh in text


def test_billing_slip_with_vip_waiver(demo_db, pdf):
    visit = _visit(vip=True)
    fee_class = visit.doctor.fee_class
    slip = source.billing_slip_for(visit.id, actor=SYSTEM)
    assert slip.lines[0].amount_fen == fee_class.amount_fen
    assert slip.waiver is not None
    assert slip.waiver.amount_fen == fee_class.amount_fen
    tier_label = {"gold": "金卡会员免挂号费", "diamond": "钻卡会员免挂号费"}[visit.patient.vip_tier]
    assert slip.waiver.label == tier_label
    assert slip.computed_total_fen() == 0
    text = pdf.text(render_billing(slip, "roll80"))
    assert tier_label in text and "¥0.00" in text


def test_billing_slip_uses_the_visit_fee_snapshot(demo_db):
    visit = _visit(vip=False)
    snapshot = {"fee_class": "expert", "name_zh": "专家号", "name_en": "Expert",
                "amount_fen": 5000, "vip_tier": "gold",
                "waiver": {"vip_tier": "gold", "name_zh": "金卡免挂号费", "name_en": "Gold"},
                "waiver_fen": 5000, "total_fen": 0}
    Visit.update(fee_snapshot=json.dumps(snapshot, ensure_ascii=False), fee_fen=0,
                 fee_waived=True).where(Visit.id == visit.id).execute()
    # prices changed since: the slip still shows what was applied
    FeeClass.update(amount_fen=9900).execute()
    slip = source.billing_slip_for(visit.id, lang="en", actor=SYSTEM)
    assert [(line.label, line.amount_fen) for line in slip.lines] == [("Expert", 5000)]
    assert slip.waiver.label == "Gold" and slip.waiver.amount_fen == 5000
    assert slip.computed_total_fen() == 0


@pytest.mark.parametrize("build", [source.guide_slip_for, source.billing_slip_for])
def test_unknown_visit_is_not_found(demo_db, build):
    with pytest.raises(NotFound) as info:
        build(999999, actor=SYSTEM)
    assert "999999" in info.value.message("zh_CN") and "999999" in info.value.message("en")


@pytest.mark.parametrize("bad", [0, -3, "12", True, None])
def test_invalid_visit_id(demo_db, bad):
    with pytest.raises(ValidationError):
        source.guide_slip_for(bad, actor=SYSTEM)


@pytest.mark.parametrize("build", [source.guide_slip_for, source.billing_slip_for])
def test_visit_without_department_asks_for_triage(demo_db, build):
    visit = _new_visit(patient=Patient.select().first())
    with pytest.raises(ValidationError) as info:
        build(visit.id, actor=SYSTEM)
    assert info.value.field == "department"
    assert "分诊" in info.value.message("zh_CN")
    assert "triage first" in info.value.message("en")


def test_guide_slip_needs_a_queue_number(demo_db):
    visit = _new_visit(department=Department.select().first())
    with pytest.raises(ValidationError) as info:
        source.guide_slip_for(visit.id, actor=SYSTEM)
    assert info.value.field == "queue_number"


def test_billing_slip_needs_a_patient(demo_db):
    dept = Department.select().first()
    visit = _new_visit(department=dept, queue_no=900)
    # the guide slip can go out before registration (no name on it then)...
    assert source.guide_slip_for(visit.id, actor=SYSTEM).patient_name == ""
    # ...the billing slip cannot: the cashier needs the record number
    with pytest.raises(ValidationError) as info:
        source.billing_slip_for(visit.id, actor=SYSTEM)
    assert info.value.field == "patient"
    assert "register the patient first" in info.value.message("en")


def test_slip_for_needs_a_logged_in_staff(demo_db):
    visit = _visit(vip=False)
    with pytest.raises(PermissionDenied):
        source.slip_for(visit.id, "guide", actor=None)
    desk = Staff.get(Staff.username == "desk1")
    assert source.slip_for(visit.id, "billing", actor=desk).record_no
    desk.active = False  # a deactivated member reads nothing
    with pytest.raises(PermissionDenied):
        source.slip_for(visit.id, "billing", actor=desk)
    assert source.slip_for(visit.id, "guide", actor=SYSTEM).patient_name  # the command line


def test_record_print_and_history(demo_db):
    visit = _visit(vip=False)
    desk = Staff.get(Staff.username == "desk1")
    assert source.print_history(visit.id, actor=viewer()) == []
    source.record_print(visit.id, "guide", actor=desk, fmt="roll80", printer="Desk roll")
    source.record_print(visit.id, "billing", actor=SYSTEM, fmt="a4", printer="/tmp/b.pdf",
                        exported=True)
    # A slip names the patient: the entries are the patient's (found by patient in the
    # audit browser), the visit in the detail.
    entries = AuditLog.select().where((AuditLog.entity == "patient")
                                      & (AuditLog.entity_id == str(visit.patient_id))
                                      & AuditLog.action.in_(("print", "export")))
    assert sorted(e.action for e in entries) == ["export", "print"]
    assert {json.loads(e.detail)["visit"] for e in entries} == {visit.id}
    assert {e.staff_id for e in entries} == {desk.id, None}
    history = source.print_history(visit.id, actor=viewer())
    assert len(history) == 2
    newest, oldest = history  # same second: the later entry still comes first
    assert (newest.kind, newest.fmt, newest.printer, newest.staff_name, newest.exported) == (
        "billing", "a4", "/tmp/b.pdf", "", True)
    assert (oldest.kind, oldest.fmt, oldest.printer, oldest.staff_name, oldest.exported) == (
        "guide", "roll80", "Desk roll", desk.display_name, False)
    # another visit's history is its own
    other = Visit.select().where(Visit.id != visit.id).first()
    assert source.print_history(other.id, actor=viewer()) == []
    # ... also another visit of the same patient
    same = Visit.create(visit_date=DEMO_TODAY, stage="GREETING", patient=visit.patient_id)
    assert source.print_history(same.id, actor=viewer()) == []
    with pytest.raises(PermissionDenied):
        source.print_history(visit.id, actor=None)


def test_slip_print_before_registration_stays_the_visits(demo_db):
    visit = _new_visit()
    desk = Staff.get(Staff.username == "desk1")
    source.record_print(visit.id, "guide", actor=desk, fmt="roll80", printer="Desk roll")
    entry = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (entry.entity, entry.entity_id) == ("visit", str(visit.id))
    assert [r.kind for r in source.print_history(visit.id, actor=desk)] == ["guide"]
    with pytest.raises(PermissionDenied):
        source.record_print(visit.id, "guide", actor=None, fmt="roll80", printer="x")


def test_record_print_checks_its_input(demo_db):
    visit = _visit(vip=False)
    with pytest.raises(NotFound):
        source.record_print(999999, "guide", actor=SYSTEM, fmt="roll80", printer="x")
    with pytest.raises(ValidationError):
        source.record_print(visit.id, "receipt", actor=SYSTEM, fmt="roll80", printer="x")
    with pytest.raises(ValidationError):
        source.record_print(visit.id, "guide", actor=SYSTEM, fmt="letter", printer="x")
    assert source.print_history(visit.id, actor=viewer()) == []


def test_default_format_follows_the_setting(demo_db):
    assert source.default_format("guide") == "roll80"
    settings.set("slips.billing.format", "a5")
    assert source.default_format("billing") == "a5"
    settings.set("slips.billing.format", "nonsense")
    assert source.default_format("billing") == "roll80"


def test_slips_of_a_visit_run_through_reception(demo_db):
    """The real flow (door → desk → triage → registration) gives slips with its fee snapshot."""
    from frontdesk import reception
    from frontdesk.db.models import Doctor

    guide = Staff.get(Staff.username == "guide1")
    desk = Staff.get(Staff.username == "desk1")
    view = reception.new_arrival(actor=guide, booked=False, first_visit=True)
    with pytest.raises(ValidationError):
        source.guide_slip_for(view.id, actor=SYSTEM)  # not triaged yet
    view = reception.take_at_desk(view.id, actor=desk, expected_version=view.version)
    doctor = (Doctor.select().join(Department).where(~Department.is_emergency)
              .order_by(Doctor.id).first())
    view = reception.triage(view.id, actor=desk, expected_version=view.version,
                            complaint="咳嗽三天", department_id=doctor.department_id,
                            doctor_id=doctor.id)
    guide_slip = source.guide_slip_for(view.id, actor=SYSTEM)
    assert guide_slip.queue_number == view.queue_label
    assert guide_slip.patient_name == ""
    with pytest.raises(ValidationError):
        source.billing_slip_for(view.id, actor=SYSTEM)  # no patient record before registration
    form = reception.RegistrationForm(name="欧阳小明", sex="M", phone="13812345678", age=40)
    view = reception.register(view.id, actor=desk, expected_version=view.version, form=form)
    billing = source.billing_slip_for(view.id, actor=SYSTEM)
    assert billing.patient_name == "欧阳小明" and billing.record_no == view.record_no
    fee_class = doctor.fee_class
    assert [(line.label, line.amount_fen) for line in billing.lines] == [
        (fee_class.name_zh, fee_class.amount_fen)]
    assert billing.waiver is None and billing.computed_total_fen() == view.fee_fen
    assert source.guide_slip_for(view.id, actor=SYSTEM).patient_name == "欧阳小明"
    assert mask_name("欧阳小明") == "欧阳*明"


@pytest.mark.parametrize("build", [source.guide_slip_for, source.billing_slip_for])
def test_a_slip_names_the_patient_so_it_needs_a_viewer(demo_db, build):
    from frontdesk.errors import PermissionDenied

    visit = Visit.select().where(Visit.stage == "DONE").first()
    with pytest.raises(PermissionDenied):
        build(visit.id, actor=None)
