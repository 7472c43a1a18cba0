"""`init --demo` builds a consistent hospital: every visit's events tell its stage's story."""

from frontdesk import auth, settings, stages
from frontdesk.db.models import (
    Appointment,
    Patient,
    PatientSearchKey,
    Staff,
    Visit,
    VisitEvent,
)
from frontdesk.validation import parse_resident_id


def test_demo_hospital_is_consistent(demo_db):
    from tests.conftest import DEMO_TODAY

    assert settings.get("hospital.demo") is True
    assert settings.hospital_name()
    assert {s.role for s in Staff.select()} == {"guide", "desk", "supervisor", "admin"}
    desk = Staff.get(Staff.username == "desk1")
    assert auth.verify_secret(desk.password_hash, "demo1234")
    assert not auth.verify_secret(desk.password_hash, "wrong")

    visits = list(Visit.select())
    assert len(visits) >= 7 * 45
    assert all(v.visit_date < DEMO_TODAY for v in visits)
    days = {v.visit_date for v in visits}
    assert len(days) == 7
    # Queue numbers are unique per department and day, and start at 1.
    seen = {}
    for v in visits:
        seen.setdefault((v.department_id, v.visit_date), []).append(v.queue_no)
    for numbers in seen.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
    for v in visits:
        events = list(VisitEvent.select().where(VisitEvent.visit == v).order_by(VisitEvent.at))
        assert events[0].action == stages.ARRIVED
        assert events[-1].stage == v.stage
        assert all(a.at <= b.at for a, b in zip(events, events[1:], strict=False))
        if v.red_flag:
            assert v.department.is_emergency
            assert stages.DEFERRED in {e.action for e in events}
        if v.fee_waived:
            assert v.patient.vip_tier in ("gold", "diamond") and v.fee_fen == 0
        if v.stage == stages.LEFT:
            assert v.left_reason
    for p in Patient.select().where(Patient.id_number.is_null(False)).limit(50):
        parsed = parse_resident_id(p.id_number, today=DEMO_TODAY)
        assert parsed.sex == p.sex and parsed.birth_date == p.birth_date
    assert PatientSearchKey.select().count() > Patient.select().count()
    assert Appointment.select().where(Appointment.date == DEMO_TODAY).count() == 12


def test_demo_appointments_give_a_real_arrival_rate(demo_db):
    from tests.conftest import DEMO_TODAY

    past = Visit.select().where(Visit.visit_date < DEMO_TODAY)
    booked_visits = past.where(Visit.has_appointment)
    assert booked_visits.count() > 0
    assert all(v.appointment is not None and v.appointment.status == "arrived"
               and v.appointment.date == v.visit_date for v in booked_visits)
    no_shows = Appointment.select().where((Appointment.date < DEMO_TODAY)
                                          & (Appointment.status == "booked"))
    assert 7 * 2 <= no_shows.count() <= 7 * 5
    from frontdesk.permissions import SYSTEM
    from frontdesk.reports.daily import build_daily

    day = DEMO_TODAY.fromordinal(DEMO_TODAY.toordinal() - 1)
    totals = build_daily(day, actor=SYSTEM).totals
    assert totals.booked > totals.booked_arrived > 0
    assert 0 < totals.arrival_rate < 1


def test_demo_desk_has_called_everyone_but_yesterdays_patients(demo_db):
    from frontdesk.service import followups
    from tests.conftest import DEMO_TODAY

    desk = Staff.get(Staff.username == "desk1")
    due = followups.due_calls(actor=desk, day=DEMO_TODAY)
    yesterday = DEMO_TODAY.fromordinal(DEMO_TODAY.toordinal() - 1)
    visits = [c for c in due if c.no_show_date is None]
    assert visits and {c.visit_date for c in visits} == {yesterday}
    # The demo's bookings nobody came for are no-shows now, called like visits (issue 16).
    assert all(c.visit_date is None and c.no_show_date < DEMO_TODAY
               for c in due if c.no_show_date is not None)
