"""`init --demo` builds a consistent hospital: every visit's events tell its stage's story,
and every area has today's data (sign-ins, grooming, roster, service desk, queues, handover)."""

import datetime as dt

import pytest

from frontdesk import settings, stages
from frontdesk.accounts import auth
from frontdesk.db.models import (
    Appointment,
    Patient,
    PatientSearchKey,
    Staff,
    Visit,
    VisitEvent,
)
from frontdesk.validation import parse_resident_id


def test_demo_hospital_is_consistent(full_demo_db):
    from tests.conftest import DEMO_TODAY

    assert settings.get("hospital.demo") is True
    assert settings.hospital_name()
    assert {s.role for s in Staff.select()} == {"guide", "desk", "supervisor", "admin"}
    desk = Staff.get(Staff.username == "desk1")
    assert auth.verify_secret(desk.password_hash, "demo1234")
    assert not auth.verify_secret(desk.password_hash, "wrong")

    # Last week's visits (this morning's are walked through the API: tests below).
    visits = list(Visit.select().where(Visit.visit_date < DEMO_TODAY))
    assert len(visits) >= 7 * 45
    assert Visit.select().where(Visit.visit_date > DEMO_TODAY).count() == 0
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


def test_demo_appointments_give_a_real_arrival_rate(full_demo_db):
    from tests.conftest import DEMO_TODAY

    past = Visit.select().where(Visit.visit_date < DEMO_TODAY)
    booked_visits = past.where(Visit.has_appointment)
    assert booked_visits.count() > 0
    assert all(v.appointment is not None and v.appointment.status == "arrived"
               and v.appointment.date == v.visit_date for v in booked_visits)
    # Still "booked", or "no_show" once the follow-up list has been read (this morning's calls).
    no_shows = Appointment.select().where((Appointment.date < DEMO_TODAY)
                                          & (Appointment.status.in_(("booked", "no_show"))))
    assert 7 * 2 <= no_shows.count() <= 7 * 5
    from frontdesk.permissions import SYSTEM
    from frontdesk.reports.daily import build_daily

    day = DEMO_TODAY.fromordinal(DEMO_TODAY.toordinal() - 1)
    totals = build_daily(day, actor=SYSTEM).totals
    assert totals.booked > totals.booked_arrived > 0
    assert 0 < totals.arrival_rate < 1
    # No more bookings kept than visits that came with one: the week summary, and each day.
    from frontdesk.reports.range import build_range

    week = build_range(DEMO_TODAY - dt.timedelta(days=6), DEMO_TODAY, actor=SYSTEM)
    assert 0 < week.totals.booked_arrived <= week.totals.appointments
    for d in week.days:
        assert d.totals.booked_arrived <= d.totals.appointments, d.day
    # A no-show is a booking of someone who did not come that day (the desk would have
    # linked it to their visit).
    for a in no_shows:
        assert not Visit.select().where((Visit.patient == a.patient_id)
                                        & (Visit.visit_date == a.date)).exists(), a.id


def test_demo_desk_has_called_everyone_but_yesterdays_patients(full_demo_db):
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


# --- the week and the morning, written through the domain APIs (frontdesk/demo/today.py) ---


def _today():
    from tests.conftest import DEMO_TODAY

    return DEMO_TODAY


def test_demo_staff_signed_in_today_some_late_and_fined(full_demo_db):
    from frontdesk.db.models import Fine, SignIn
    from frontdesk.staffing import attendance

    today = _today()
    signs = list(SignIn.select().where(SignIn.date == today))
    boss = Staff.get(Staff.username == "leitt")
    on_roster = {e.staff_id for e in attendance.roster(actor=boss, day=today)}
    assert len(signs) >= 4 and {s.staff_id for s in signs} <= on_roster
    late = [s for s in signs if s.minutes_late > 0]
    assert 1 <= len(late) < len(signs)
    fines = list(Fine.select().where(Fine.date == today, Fine.kind == "late"))
    assert {f.sign_in_id for f in fines} == {s.id for s in late}
    # The second lateness of the month costs 20 yuan (house rules 第3篇 五 8), the first 10.
    assert sorted(f.amount_fen for f in fines) == [1000, 2000]


def test_demo_grooming_check_has_one_failure_fined_and_acknowledged(full_demo_db):
    from frontdesk.db.models import Fine, GroomingCheck, GroomingResult
    from frontdesk.staffing import fines, grooming

    today = _today()
    checks = list(GroomingCheck.select().where(GroomingCheck.date == today))
    assert len(checks) >= 3
    assert all(c.supervisor.role == "supervisor" and c.supervisor_id != c.staff_id
               for c in checks)
    failed = list(GroomingResult.select().where(GroomingResult.check.in_([c.id for c in checks]),
                                                GroomingResult.passed == False))  # noqa: E712
    assert len(failed) == 1 and failed[0].fine_fen == 1000  # 第2篇 一 6: ten yuan
    fine = Fine.get(Fine.grooming_check == failed[0].check_id)
    assert fine.kind == "grooming" and fine.amount_fen == 1000
    assert failed[0].check.acknowledged_at is not None
    boss = Staff.get(Staff.username == "leitt")
    record = grooming.check_record(actor=boss, check_id=failed[0].check_id)
    assert record is not None
    month = fines.fines_for(actor=boss, year=today.year, month=today.month)
    assert any(line.kind == "grooming" for line in month)


def test_demo_roster_covers_the_week_with_one_rest_day_each(full_demo_db):
    from frontdesk.db.models import LeaveRequest, ShiftSwap
    from frontdesk.staffing import roster

    today = _today()
    boss = Staff.get(Staff.username == "leitt")
    for monday in (roster.monday_of(today) - dt.timedelta(days=7), roster.monday_of(today)):
        week = roster.week(actor=boss, monday=monday)
        assert not week.warnings  # everyone has their rest day
        for sid, _name, _role in week.staff:
            cells = [week.cell(sid, d) for d in week.days]
            assert all(c.shifts or c.rest or c.leave for c in cells)
    # Every role is on duty today.
    on = {name for name, _code in roster.on_shift(today)}
    roles = {s.role for s in Staff.select().where(Staff.display_name.in_(list(on)))}
    assert {"supervisor", "desk", "guide"} <= roles
    assert {r.status for r in LeaveRequest.select()} == {"approved", "pending"}
    assert [s.status for s in ShiftSwap.select()] == ["pending"]


def test_demo_has_consultations_some_of_which_came(full_demo_db):
    from frontdesk.db.models import Consultation
    from frontdesk.service import consultations, conversion

    today = _today()
    rows = list(Consultation.select())
    assert len(rows) >= 15
    linked = [c for c in rows if c.visit_id is not None]
    assert 3 <= len(linked) < len(rows)
    for c in linked:  # the caller is the visit's patient, who came after asking
        assert c.visit.patient.phone == c.phone and c.visit.visit_date >= c.at.date()
    assert any(c.visit.visit_date == today for c in linked)  # phoned yesterday, came today
    assert {consultations.BOOKED, consultations.WILL_COME, consultations.PRICE_ONLY} <= {
        c.outcome for c in rows}
    week = conversion.conversion(today - dt.timedelta(days=7), today)
    assert week is not None
    desk = Staff.get(Staff.username == "desk1")
    assert consultations.due_call_backs(actor=desk, day=today)


def test_demo_complaints_are_at_every_step(full_demo_db):
    from frontdesk.service import complaints

    today = _today()
    desk = Staff.get(Staff.username == "desk1")
    views = complaints.listing(actor=desk, day=today, include_closed=True)
    assert {v.status for v in views} == {complaints.OPEN, complaints.HANDLED, complaints.CLOSED}
    assert any(v.severity == complaints.MAJOR for v in views)


def test_demo_morning_fills_the_desk_and_the_clinic_queues(full_demo_db):
    from frontdesk import queue, reception
    from frontdesk.db.models import QueueEntry
    from frontdesk.queue import clinic

    today = _today()
    visits = list(Visit.select().where(Visit.visit_date == today))
    assert len(visits) >= 15
    open_stages = {v.stage for v in visits}
    assert {stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING, stages.ESCORT,
            stages.DONE, stages.LEFT} <= open_stages
    assert any(v.red_flag for v in visits) and any(v.appointment_id for v in visits)
    states = {e.state for e in QueueEntry.select().where(QueueEntry.day == today)}
    assert {clinic.WAITING, clinic.CALLED, clinic.MISSED, clinic.CONSULTING, clinic.TESTS,
            clinic.DONE} <= states
    # Each visit's events still tell its stage's story.
    for v in visits:
        events = list(VisitEvent.select().where(VisitEvent.visit == v)
                      .order_by(VisitEvent.at, VisitEvent.id))
        assert events[0].action == stages.ARRIVED and events[-1].stage == v.stage
    desk = Staff.get(Staff.username == "desk1")
    assert reception.desk_queue(today, actor=desk)  # the door handed someone over
    board = queue.waiting_board(day=today)
    assert sum(len(b.rows) for b in board) >= 8
    shown = clinic.display_state(day=today)
    assert any(c.called for c in shown) and any(c.next for c in shown)


def test_demo_handover_notes_wait_for_this_morning(full_demo_db):
    from frontdesk.staffing import handover

    desk = Staff.get(Staff.username == "desk1")
    pending = handover.pending_notes(actor=desk)
    assert len(pending) == 1
    assert len(handover.recent_notes(actor=desk, today=_today())) == 2


def test_demo_service_desk_has_ratings_and_this_mornings_calls(full_demo_db):
    from frontdesk.db.models import FollowUp, SatisfactionRating

    today = _today()
    assert SatisfactionRating.select().count() >= 10
    called = FollowUp.select().where(FollowUp.called_at >= dt.datetime.combine(today, dt.time()))
    assert called.count() >= 1


# Tables whose every row the demo writes; the same clock and seed must give the same rows.
DEMO_TABLES = ("visit", "visit_event", "queue_entry", "queue_event", "sign_in", "fine",
               "grooming_check", "grooming_result", "consultation", "complaint",
               "complaint_revisit", "handover_note", "shift_assignment", "rest_day",
               "leave_request", "shift_swap", "satisfaction_rating", "follow_up", "payment")


def _rows(database) -> dict[str, list]:
    rows = {t: database.execute_sql(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in DEMO_TABLES}
    # Bookings: not their code (random on purpose: it is what the caller quotes) nor the
    # moment the row was written.
    rows["appointment"] = database.execute_sql(
        "SELECT id, patient_id, department_id, doctor_id, date, time, complaint, status "
        "FROM appointment ORDER BY id").fetchall()
    return rows


def test_demo_is_deterministic_and_installed_once(full_demo_db, tmp_path, clock):
    """A second install at the same moment writes the same rows; opening the demo database
    again (`frontdesk --demo` a second time) adds nothing."""
    from frontdesk.db import connection
    from frontdesk.ui.shell.app import open_and_prepare
    from tests.helpers.clock import TEST_NOW

    first = _rows(full_demo_db)
    connection.close()
    clock.freeze(TEST_NOW)
    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    open_and_prepare(url, demo=True, check_pages=False)
    second = _rows(connection.database_proxy.obj)
    for table in first:
        assert second[table] == first[table], table
    connection.close()
    clock.advance(minutes=5)
    open_and_prepare(url, demo=True, check_pages=False)
    assert _rows(connection.database_proxy.obj) == second


@pytest.mark.parametrize("at", [
    dt.datetime(2026, 11, 27, 14, 30),  # a Friday afternoon: next week is rostered too
    dt.datetime(2026, 11, 29, 23, 30),  # a Sunday night, after every shift
    dt.datetime(2026, 12, 1, 7, 0),     # the 1st of a month, before anyone is in
    dt.datetime(2026, 12, 6, 0, 20),    # just after midnight: the morning is squeezed
])
def test_demo_installs_on_any_day_and_hour_with_nothing_in_the_future(db, clock, at):
    """`frontdesk --demo` runs on whatever day the user starts it."""
    from frontdesk.db.models import QueueEvent, SignIn
    from frontdesk.demo import install_demo
    from frontdesk.staffing import roster

    clock.freeze(at)
    report = install_demo()
    assert report.visits > 7 * 45 and report.queued >= 10
    assert all(e.at <= at for e in VisitEvent.select(VisitEvent.at))
    assert all(e.at <= at for e in QueueEvent.select(QueueEvent.at))
    assert all(s.signed_at <= at for s in SignIn.select())
    assert Visit.select().where(Visit.visit_date > at.date()).count() == 0
    later = _later_than(at)  # every other table too (a fine on an approved leave day was not)
    assert not later, "\n".join(later)
    boss = Staff.get(Staff.username == "leitt")
    assert not roster.week(actor=boss, monday=at.date()).warnings


# Columns that hold plans and deadlines, not things that happened: they may lie after "now".
PLANS = {
    ("appointment", "date"), ("appointment", "time"),  # bookings for today and tomorrow
    ("shift_assignment", "date"), ("rest_day", "date"),  # the roster of the days ahead
    ("leave_request", "start"), ("leave_request", "end"),  # leave asked for ahead
    ("shift_swap", "requester_date"), ("shift_swap", "partner_date"),  # a swap asked for
    ("follow_up", "due_date"),  # yesterday's patients are called today or tomorrow
    ("consultation", "follow_up_on"),  # call back the caller on that day
    ("complaint", "handle_by"), ("complaint", "revisit_by"), ("complaint", "close_by"),
    ("schema_version", "applied_at"),  # the machine's own time of the install, not the demo's
}
INSTALL_SLACK = dt.timedelta(minutes=5)  # the clock runs on while the demo is written


def _later_than(at: dt.datetime) -> list[str]:
    """Every date or time in every table that lies after `at`, but for the PLANS."""
    from peewee import DateField, DateTimeField

    from frontdesk.db.models import ALL_MODELS

    found = []
    for model in ALL_MODELS:
        for f in model._meta.sorted_fields:
            if not isinstance(f, DateField | DateTimeField):
                continue
            if (model._meta.table_name, f.column_name) in PLANS:
                continue
            top = model.select(f).where(f.is_null(False)).order_by(f.desc()).scalar()
            if top is None:
                continue
            if isinstance(top, str):
                top = dt.datetime.fromisoformat(top)
            limit = at + INSTALL_SLACK if isinstance(top, dt.datetime) else at.date()
            if top > limit:
                found.append(f"{model._meta.table_name}.{f.column_name} = {top}")
    return found


def test_nothing_in_the_demo_is_later_than_now(full_demo_db):
    """Every table, every date and time column (not only visits, events, queues and sign-ins:
    a leave fine dated 11-26 when now was 11-23 slipped past those)."""
    from tests.helpers.clock import TEST_NOW

    later = _later_than(TEST_NOW)
    assert not later, "\n".join(later)


def test_demo_staff_signed_in_on_every_past_working_day(full_demo_db):
    """The staff report does not say everyone missed every shift before today (it said
    未到岗 6 for each: only today had sign-ins)."""
    from frontdesk.db.models import ShiftAssignment, SignIn
    from frontdesk.permissions import SYSTEM
    from frontdesk.staffing import shift_rules, staff_report
    from tests.conftest import DEMO_TODAY

    past = ShiftAssignment.select().where(ShiftAssignment.date < DEMO_TODAY)
    assert past.count() > 0
    signed = {(s.staff_id, s.date, s.shift_id) for s in SignIn.select()}
    assert all((a.staff_id, a.date, a.shift_id) in signed for a in past)
    arrivals = {shift_rules.arrival(s) for s in SignIn.select().where(SignIn.date < DEMO_TODAY)}
    assert arrivals == {shift_rules.ON_TIME_EARLY, shift_rules.ON_TIME_NOT_EARLY}
    report = staff_report.build(actor=SYSTEM, year=DEMO_TODAY.year, month=DEMO_TODAY.month,
                                lang="zh_CN")
    summary = report.tables[0]
    absent = summary.columns.index("未到岗")
    assert [row[absent] for row in summary.rows] == [0] * len(summary.rows)


@pytest.mark.parametrize("at", ["00:00:00", "00:03:00", "00:08:00"])
def test_the_demo_installs_just_after_midnight(tmp_path, clock, at):
    # The demo's morning runs from the opening to now, squeezed when it is early: just
    # after midnight it was minutes long and a step came before its arrival (a crash of
    # `init --demo`, and of every test that installed it, between 00:00 and 00:10).
    from frontdesk.db import connection
    from frontdesk.db.session import open_database
    from frontdesk.demo import install_demo

    clock.set(dt.datetime.fromisoformat(f"2026-11-24T{at}"))
    open_database(f"sqlite:///{tmp_path / 'midnight.sqlite3'}")
    try:
        report = install_demo()
        assert report.visits > 0
    finally:
        connection.close()
