"""The service desk on PostgreSQL: two desks for the last place of a slot (threads, each with
its own connection), and the daily summary's arrival rate with a phone-booked new patient."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import stages
from frontdesk.db.models import (
    Appointment,
    AppointmentSlot,
    Department,
    Doctor,
    DoctorSchedule,
    Patient,
    Visit,
)
from frontdesk.errors import ValidationError
from frontdesk.reports import queries
from frontdesk.service import appointments as ap
from tests.helpers.races import race

pytestmark = pytest.mark.postgres
TUESDAY = dt.date(2026, 11, 24)


@pytest.fixture
def desk(pg_rules_db, pg_make_staff, clock):
    return pg_make_staff("desk")


def _book(desk, phone, time="09:00"):
    d = Doctor.get(Doctor.name == "梁振华")
    return ap.book(actor=desk, department_id=d.department_id, doctor_id=d.id, day=TUESDAY,
                   time=time, name="王芳", phone=phone)


def test_eight_desks_for_the_last_place_on_postgres(desk):
    DoctorSchedule.update(capacity=1).execute()
    desks = 8
    booked, full, errors = race([lambda i=i: _book(desk, f"1380000{i:04d}") for i in range(desks)],
                                told=(ValidationError,))
    assert errors == []
    results = ["ok"] * len(booked) + [f"full:{exc.field}" for exc in full]
    assert sorted(results) == ["full:time"] * (desks - 1) + ["ok"]
    assert Appointment.select().count() == 1 and AppointmentSlot.get().booked == 1


def test_phone_booked_new_patient_counts_as_arrived_on_postgres(desk):
    _book(desk, "13900000001")
    _book(desk, "13900000002")
    p = Patient.create(record_no="N1", name="新病人", sex="F", phone="13900000001")
    Visit.create(visit_date=TUESDAY, stage=stages.DONE, patient=p, queue_no=1,
                 department=Department.get(Department.code == "anorectal"))
    t = queries.totals(TUESDAY, TUESDAY)
    assert (t.booked, t.booked_arrived) == (2, 1)


def test_the_service_desk_round_trip_on_postgres(desk, pg_make_staff, clock):
    """Consultation → booking → arrival → conversion; complaint with calendar, approval,
    revisit and close; a rating; every report built — on the server."""
    from frontdesk.db.models import MediaSource
    from frontdesk.permissions import SYSTEM
    from frontdesk.service import complaints as cp
    from frontdesk.service import consultations as cs
    from frontdesk.service import conversion, desk_rules, followups, satisfaction
    from frontdesk.service import service_report as sr

    sup, admin = pg_make_staff("supervisor"), pg_make_staff("admin")
    monday = dt.date(2026, 11, 23)
    c = cs.record(actor=desk, form=dict(channel="phone", name="新病人", phone="13700000001",
                                        outcome=cs.WILL_COME,
                                        media_source_id=MediaSource.get(
                                            MediaSource.code == "douyin").id))
    d = Doctor.get(Doctor.name == "梁振华")
    a = ap.book(actor=desk, department_id=d.department_id, doctor_id=d.id, day=TUESDAY,
                time="09:00", consultation_id=c.id)
    p = Patient.create(record_no="N9", name="新病人", sex="F", phone="13700000001")
    v = Visit.create(visit_date=TUESDAY, stage=stages.DONE, patient=p, queue_no=9,
                     department=Department.get(Department.code == "anorectal"))
    assert conversion.link_visit(v.id) == 2
    conv = conversion.conversion(monday, TUESDAY)
    assert (conv.consultations.arrived, conv.appointments.arrived) == (1, 1)
    assert ap.find(actor=desk, code=a.code).status == "arrived"

    desk_rules.set_calendar_day(actor=admin, day=dt.date(2026, 11, 30), working=False,
                                name="假日")
    desk_rules.set_calendar_day(actor=admin, day=dt.date(2026, 11, 30), working=False,
                                name="假日二")  # the upsert on the server
    comp = cp.record(actor=desk, description="等太久", severity=cp.MAJOR,
                     at=dt.datetime(2026, 11, 27, 16, 0))
    assert comp.handle_by == dt.date(2026, 12, 1)  # Fri → (weekend, holiday) → Tue
    h = cp.handle(actor=sup, complaint_id=comp.id, expected_version=comp.version,
                  resolution="道歉", compensation="5000")
    with pytest.raises(ValidationError):
        cp.approve(actor=sup, complaint_id=comp.id, role="general_manager", approver_name="赵总")
    cp.approve(actor=sup, complaint_id=comp.id, role="vice_president", approver_name="钱副总")
    cp.approve(actor=sup, complaint_id=comp.id, role="vice_president", approver_name="钱副总")
    cp.revisit(actor=desk, complaint_id=comp.id, outcome="satisfied")
    assert cp.close(actor=sup, complaint_id=comp.id, expected_version=h.version).status == "closed"

    clock.set(dt.datetime(2026, 11, 25, 10, 0))
    [call] = [x for x in followups.due_calls(actor=desk, day=dt.date(2026, 11, 25))
              if x.visit_id == v.id]
    followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                          ratings={"attitude": 1, "skill": 4})
    s = satisfaction.summary(monday, dt.date(2026, 11, 29))
    assert s.points[0].counts == {1: 1} and s.followed_up == 1
    for kind in sr.KINDS:
        report = sr.build(actor=SYSTEM, kind=kind, start=monday, end=dt.date(2026, 11, 29),
                          period="week")
        assert report.tables and sr.to_pdf(report)[:4] == b"%PDF"


def test_every_consultation_outcome_is_stored_on_postgres(desk):
    """PostgreSQL checks a VARCHAR's length (SQLite never does): "not_interested" (14
    letters) was refused by the old varchar(12) column, so no "no interest" caller could
    be recorded on a server."""
    from frontdesk.service import consultations as cs

    for i, outcome in enumerate(cs.OUTCOMES):
        c = cs.record(actor=desk, form=dict(channel="phone", name="来电", outcome=outcome,
                                            phone=f"1370000010{i}"))
        assert cs.get(actor=desk, consultation_id=c.id)[0].outcome == outcome


def _together(n: int, fn) -> list:
    """Run `fn` in n threads released at once, each on its own connection; their errors."""
    return race([fn] * n, told=())[2]


def test_eight_supervisors_on_one_complaint_on_postgres(desk, pg_make_staff, clock):
    """Handling: one resolution wins, the others are told; approving: one approval."""
    from frontdesk.db.models import Complaint, ComplaintApproval
    from frontdesk.errors import ConflictError
    from frontdesk.service import complaints as cp
    from frontdesk.service import desk_rules as dr

    sup = pg_make_staff("supervisor")
    c = cp.record(actor=desk, at=dt.datetime(2026, 11, 23, 9), description="候诊时间太长",
                  severity=cp.GENERAL, channel="phone", name="王芳", phone="13800138000",
                  department_id=Department.get(Department.code == "internal").id)
    errors = _together(8, lambda: cp.handle(actor=sup, complaint_id=c.id,
                                            expected_version=c.version, resolution="赔偿",
                                            compensation="800"))
    assert len(errors) == 7 and all(isinstance(e, ConflictError) for e in errors)
    assert Complaint.get_by_id(c.id).version == c.version + 1
    errors = _together(8, lambda: cp.approve(actor=sup, complaint_id=c.id,
                                             role=dr.DEPT_MANAGER, approver_name="孙经理"))
    assert ComplaintApproval.select().where(ComplaintApproval.complaint == c.id).count() == 1
    assert all(isinstance(e, ConflictError) for e in errors), errors
