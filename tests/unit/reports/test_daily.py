"""The daily summary on the fixture day: every section against numbers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily, parse_day


@pytest.fixture
def summary(fx):
    return build_daily(fx.day, actor=fx.staff.supervisor, today=fx.today)


def test_headline_counts(fx, summary):
    t, e = summary.totals, fx.expected
    assert (t.visits, t.first_visits, t.returning) == (e.visits, e.first_visits, e.returning)
    assert (t.appointments, t.walk_ins) == (e.appointments, e.walk_ins)
    assert (t.done, t.left, t.red_flags, t.still_open) == (e.done, e.left, e.red_flags,
                                                            e.still_open)
    assert (t.booked, t.booked_arrived) == (e.booked, e.booked_arrived)
    assert t.arrival_rate == pytest.approx(0.5)
    assert not summary.is_empty


def test_left_reasons_and_red_flags(fx, summary):
    assert {r.reason: r.count for r in summary.left_reasons} == fx.expected.left_reasons
    [red] = summary.red_flags
    assert red.visit_id == fx.visit_ids["V4"]
    assert (red.queue_label_zh, red.department_zh, red.complaint, red.stage) == (
        "急-001", "急诊科", "胸痛半小时", "DONE")
    assert red.arrived_at == dt.datetime(2026, 11, 20, 10, 2)


def test_breakdowns(fx, summary):
    e = fx.expected
    assert {r.label_zh: (r.visits, r.first_visits, r.appointments, r.done, r.left)
            for r in summary.by_department} == e.by_department
    assert summary.by_department[0].visits == 2  # biggest first
    assert {h.hour: h.visits for h in summary.by_hour} == e.by_hour
    assert {r.label_zh: r.visits for r in summary.by_media} == e.by_media
    doctors = {(r.label_zh, r.extra_zh): r.visits for r in summary.by_doctor}
    assert sum(doctors.values()) == e.visits
    assert doctors[("", "")] == 4  # V4 (emergency, no doctor), V5, V6 (left), V7 (dental)
    assert [v for (name, dept), v in doctors.items() if dept == "肛肠科"] == [2]


def test_flow_times_median_and_p90(fx, summary):
    got = {f.segment: (f.count, f.median_s, f.p90_s) for f in summary.flow}
    assert got == fx.expected.flow
    assert [f.segment for f in summary.flow] == ["door_desk", "desk_billing", "billing_doctor",
                                                 "door_doctor", "waited_doctor", "consultation"]


def test_staff_work(fx, summary):
    assert {r.name: (r.greeted, r.registered, r.escorted) for r in summary.staff} == \
        fx.expected.staff


def test_grooming_fines_and_sign_ins(fx, summary):
    g, e = summary.grooming, fx.expected
    assert (g.checks, g.staff_checked, g.staff_failed) == (e.grooming_checks, 2,
                                                           e.grooming_staff_failed)
    assert {f.code: (f.failures, f.corrected) for f in g.failures} == e.grooming_failures
    totals = {f.kind: (f.count, f.amount_fen, f.waived) for f in g.fine_totals}
    assert totals == {"grooming": (2, e.grooming_fine_fen, 0), "late": (2, e.late_fine_fen, 1)}
    assert g.fines_total_fen == e.grooming_fine_fen + e.late_fine_fen  # the waived one is out
    assert [(f.staff, f.kind, f.waived) for f in g.fines if f.kind == "late"] == [
        ("李静", "late", True), ("张丽娜", "late", False)]
    assert g.sign_ins == e.sign_ins and g.late_count == 2
    assert {r.staff: r.minutes_late for r in g.late_sign_ins} == e.late_sign_ins


def test_handover_notes(fx, summary):
    [note] = summary.handovers
    assert (note.author, note.equipment, note.acknowledged_by) == ("李静", "打印机缺纸", "陈晓雪")
    assert note.written_at == dt.datetime(2026, 11, 20, 18, 5)
    assert note.shift_zh.startswith("全天班")


def test_callback_list_has_full_phone_numbers_in_arrival_order_when_asked(fx):
    summary = build_daily(fx.day, actor=fx.staff.supervisor, today=fx.today, full_phones=True)
    assert tuple((c.patient, c.phone) for c in summary.callbacks) == fx.expected.callbacks
    assert [c.first_visit for c in summary.callbacks] == [True, False, True]
    assert summary.callbacks[0].department_zh == "肛肠科"


def test_compared_with_previous_seven_days(fx, summary):
    e = fx.expected
    assert summary.comparison_days == e.comparison_days  # 11-19 and 11-17; 11-12 is outside
    got = {c.metric: (c.value, c.average) for c in summary.comparison}
    assert got["visits"] == (7, pytest.approx(e.avg_visits))
    assert got["first_visits"] == (6, pytest.approx(e.avg_first))
    assert got["left"] == (2, pytest.approx(e.avg_left))
    assert got["done"] == (4, pytest.approx(e.avg_done))
    assert got["appointments"] == (1, pytest.approx(0.5))
    assert got["red_flags"] == (1, pytest.approx(0.5))
    assert got["arrival_rate"] == (pytest.approx(50.0), None)  # nothing booked before
    assert got["door_doctor_median"] == (pytest.approx(25.0), pytest.approx(20.0))


def test_a_day_without_visits_is_a_valid_empty_report(fx):
    s = build_daily(dt.date(2026, 11, 18), actor=SYSTEM, today=fx.today)
    assert s.is_empty and s.totals.visits == 0
    assert s.by_department == s.by_hour == s.by_media == s.callbacks == s.red_flags == ()
    assert all(f.count == 0 and f.median_s is None and f.p90_s is None for f in s.flow)
    assert s.grooming.checks == 0 and s.handovers == ()
    assert s.comparison_days == 2  # 11-17 still lies in its previous week


def test_bad_dates(fx):
    with pytest.raises(ValidationError) as exc:
        build_daily("2026-11-31", actor=SYSTEM, today=fx.today)
    assert exc.value.field == "date" and "2026-11-31" in exc.value.zh
    with pytest.raises(ValidationError):
        build_daily("20261120", actor=SYSTEM, today=fx.today)
    with pytest.raises(ValidationError) as exc:
        build_daily(dt.date(2026, 11, 24), actor=SYSTEM, today=fx.today)
    assert "还没到" in exc.value.zh and "future" in exc.value.en
    assert build_daily(fx.today, actor=SYSTEM, today=fx.today).totals.visits == 0  # today so far is fine
    assert parse_day(" 2026-11-20 ") == dt.date(2026, 11, 20)


def test_permission(fx):
    with pytest.raises(PermissionDenied):
        build_daily(fx.day, actor=fx.staff.desk, today=fx.today)
    with pytest.raises(PermissionDenied):
        build_daily(fx.day, actor=None, today=fx.today)  # not logged in
    assert build_daily(fx.day, actor=fx.staff.admin, today=fx.today).totals.visits == 7
    assert build_daily(fx.day, actor=SYSTEM, today=fx.today).totals.visits == 7


def test_actor_has_no_default(fx):
    # A caller that forgets who is asking must fail, not quietly run as the system.
    from frontdesk.reports.range import build_range

    with pytest.raises(TypeError):
        build_daily(fx.day, today=fx.today)
    with pytest.raises(TypeError):
        build_range(fx.day, fx.day, today=fx.today)


def test_phone_numbers_are_masked_unless_asked_by_someone_allowed(fx, summary):
    """Issue 18, point 6: the printed summary does not hand out 44 phone numbers."""
    from frontdesk.errors import PermissionDenied
    from frontdesk.permissions import SYSTEM, Perm, allowed
    from frontdesk.reports.tables import daily_tables

    phones = [c.phone for c in summary.callbacks]
    assert phones == ["138****0001", "139****0002", "138****0003"]
    cells = [str(v) for t in daily_tables(summary, "zh_CN") for row in t.rows for v in row]
    assert not any(full in cells for _, full in fx.expected.callbacks)
    assert [c.phone for c in build_daily(fx.day, actor=SYSTEM, today=fx.today).callbacks] \
        == phones  # the command line too, unless it asks
    assert not allowed(fx.staff.admin, Perm.FOLLOW_UP)  # prints reports, makes no calls
    with pytest.raises(PermissionDenied):
        build_daily(fx.day, actor=fx.staff.admin, today=fx.today, full_phones=True)


def test_a_patient_booked_twice_who_came_once_is_one_booking_kept(fx):
    # 赵敏 (A1, arrived as V2) was also booked for 内科 that day and never went there: one
    # visit must not count as two bookings kept (the week summary said 87 bookings arrived
    # against 81 visits with a booking).
    from frontdesk.db.models import Appointment, Department, Visit

    v2 = Visit.get_by_id(fx.visit_ids["V2"])
    Appointment.create(patient=v2.patient_id, patient_name="赵敏", phone="13900000002",
                       department=Department.get(Department.code == "internal"), date=fx.day,
                       time="15:00", complaint="头晕", status="booked")
    # and the phone-only booking A2's caller rang twice: still one person booked
    Appointment.create(patient_name="孙某", phone="13900000098",
                       department=Department.get(Department.code == "internal"), date=fx.day,
                       time="16:00", complaint="头晕", status="booked")
    t = build_daily(fx.day, actor=SYSTEM, today=fx.today).totals
    assert (t.booked, t.booked_arrived) == (fx.expected.booked, fx.expected.booked_arrived)
    assert t.booked_arrived <= t.appointments
    from frontdesk.reports.range import build_range

    r = build_range(fx.day, fx.day, actor=SYSTEM, today=fx.today)
    assert (r.totals.booked, r.totals.booked_arrived) == (2, 1)
    assert (r.days[0].totals.booked, r.days[0].totals.booked_arrived) == (2, 1)


def test_the_bookings_note_says_one_per_patient_and_day(fx):
    from frontdesk.reports.tables import tables_for

    s = build_daily(fx.day, actor=SYSTEM, today=fx.today)
    notes = {t.key: t.note for t in tables_for(s, "zh_CN")}
    assert "同一患者同一天只计一次" in notes["appointments"]
    notes = {t.key: t.note for t in tables_for(s, "en")}
    assert "one per patient and day" in notes["appointments"]


@pytest.mark.parametrize("typed, day", [("２０２６-１１-２０", dt.date(2026, 11, 20)),
                                        ("\u202d2026-11-20\u202c", dt.date(2026, 11, 20))])
def test_full_width_and_pasted_dates_read_as_typed(typed, day):
    assert parse_day(typed) == day


@pytest.mark.parametrize("typed", ["2026-W47-1", "0000-00-00", "2023-02-29", "2026-11-20\x00",
                                   "\ud800", "1" * 10_000, 20261120, "2026-1-2"])
def test_anything_but_a_day_is_a_message_at_the_field(typed):
    with pytest.raises(ValidationError) as exc:
        parse_day(typed, field="from")
    assert exc.value.field == "from" and exc.value.message("en").isprintable()
