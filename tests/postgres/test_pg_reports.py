"""The report tests' fixture day built on PostgreSQL through the domain APIs (reception,
patients, attendance, grooming, fines, handover), then the daily and range summaries,
the grooming month and the fine ledger read back from it."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import Fine
from frontdesk.patients import mask_phone
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.export import to_csv, to_xlsx
from frontdesk.reports.pdf import render_pdf
from frontdesk.reports.range import build_range
from frontdesk.staffing import fines, grooming, handover

pytestmark = pytest.mark.postgres


@pytest.fixture
def summary(pg_fx):
    return build_daily(pg_fx.day, actor=pg_fx.staff.supervisor, today=pg_fx.today)


def test_daily_headline_and_breakdowns(pg_fx, summary):
    t, e = summary.totals, pg_fx.expected
    assert (t.visits, t.first_visits, t.returning) == (e.visits, e.first_visits, e.returning)
    assert (t.appointments, t.walk_ins) == (e.appointments, e.walk_ins)
    assert (t.done, t.left, t.red_flags, t.still_open) == (e.done, e.left, e.red_flags,
                                                            e.still_open)
    assert (t.booked, t.booked_arrived) == (e.booked, e.booked_arrived)
    assert {r.reason: r.count for r in summary.left_reasons} == e.left_reasons
    [red] = summary.red_flags
    assert (red.visit_id, red.queue_label_zh) == (pg_fx.visit_ids["V4"], "急-001")
    assert red.arrived_at == dt.datetime(2026, 11, 20, 10, 2)
    assert {r.label_zh: (r.visits, r.first_visits, r.appointments, r.done, r.left)
            for r in summary.by_department} == e.by_department
    assert {h.hour: h.visits for h in summary.by_hour} == e.by_hour
    assert {r.label_zh: r.visits for r in summary.by_media} == e.by_media


def test_daily_flow_staff_and_comparison(pg_fx, summary):
    e = pg_fx.expected
    assert {f.segment: (f.count, f.median_s, f.p90_s) for f in summary.flow} == e.flow
    assert {r.name: (r.greeted, r.registered, r.escorted) for r in summary.staff} == e.staff
    # Masked unless someone who makes the calls asks (test_daily.py covers full_phones).
    assert tuple((c.patient, c.phone) for c in summary.callbacks) == tuple(
        (name, mask_phone(phone)) for name, phone in e.callbacks)
    assert summary.comparison_days == e.comparison_days
    got = {c.metric: (c.value, c.average) for c in summary.comparison}
    assert got["visits"] == (7, pytest.approx(e.avg_visits))
    assert got["left"] == (2, pytest.approx(e.avg_left))
    assert got["door_doctor_median"] == (pytest.approx(25.0), pytest.approx(20.0))


def test_daily_grooming_fines_sign_ins_and_handover(pg_fx, summary):
    g, e = summary.grooming, pg_fx.expected
    assert (g.checks, g.staff_checked, g.staff_failed) == (e.grooming_checks, 2,
                                                           e.grooming_staff_failed)
    assert {f.code: (f.failures, f.corrected) for f in g.failures} == e.grooming_failures
    totals = {f.kind: (f.count, f.amount_fen, f.waived) for f in g.fine_totals}
    assert totals == {"grooming": (2, e.grooming_fine_fen, 0), "late": (2, e.late_fine_fen, 1)}
    assert g.fines_total_fen == e.grooming_fine_fen + e.late_fine_fen
    assert {r.staff: r.minutes_late for r in g.late_sign_ins} == e.late_sign_ins
    [note] = summary.handovers
    assert (note.author, note.equipment, note.acknowledged_by) == ("李静", "打印机缺纸", "陈晓雪")


def test_empty_day_range_and_outputs(pg_fx, summary):
    empty = build_daily(dt.date(2026, 11, 18), actor=SYSTEM, today=pg_fx.today)
    assert empty.is_empty and empty.totals.visits == 0
    week = build_range(dt.date(2026, 11, 14), pg_fx.day, actor=SYSTEM, today=pg_fx.today)
    assert week.totals.visits == 7 + 2 + 4  # the day, 11-19 and 11-17
    assert render_pdf(summary).startswith(b"%PDF")
    assert "肛肠科" in to_csv(summary).decode("utf-8-sig")
    assert to_xlsx(week)[:2] == b"PK"


def test_grooming_month_and_fine_ledger(pg_fx):
    s, e = pg_fx.staff, pg_fx.expected
    month = grooming.staff_month(actor=s.supervisor, staff_id=s.guide.id, year=2026, month=11)
    assert [(c.failures, c.fine_fen) for c in month.checks] == [(2, e.grooming_fine_fen)]
    assert {i.code: i.count for i in month.failures_by_item} == {"hair": 1, "face_hands": 1}
    assert month.fines_due_fen == e.grooming_fine_fen
    lines = fines.fines_for(actor=s.supervisor, year=2026, month=11)
    assert sorted((ln.kind, ln.waived) for ln in lines) == [
        ("grooming", False), ("grooming", False), ("late", False), ("late", True)]
    totals = {t.staff_name: (t.count, t.due_fen) for t in
              fines.monthly_totals(actor=s.supervisor, year=2026, month=11)}
    assert totals["王悦"] == (2, e.grooming_fine_fen)
    assert totals["张丽娜"] == (1, e.late_fine_fen)
    assert totals["李静"][1] == 0  # the waived lateness
    stands = Fine.get((Fine.kind == "late") & Fine.waived_at.is_null())
    waived = fines.waive(actor=s.supervisor, fine_id=stands.id, reason="地铁故障")
    assert waived.waived and waived.waive_reason == "地铁故障"


def test_new_grooming_check_and_handover_today(pg_fx):
    s = pg_fx.staff
    at = dt.datetime.combine(pg_fx.today, dt.time(8, 30))
    form = grooming.open_check(actor=s.supervisor, staff=s.desk2, day=pg_fx.today)
    check = grooming.record_check(actor=s.supervisor, form=form, at=at, off_shift_reason="抽查",
                                  outcomes={"hair": grooming.ItemOutcome(passed=False)})
    record = grooming.check_record(actor=s.supervisor, check_id=check.id)
    assert [r.code for r in record.results if not r.passed] == ["hair"]
    assert Fine.select().where(Fine.grooming_check == check.id).count() == 1
    note = handover.write_note(actor=s.desk2, day=pg_fx.today, equipment="一切正常", at=at)
    assert note.id


def test_a_desk_committing_mid_report_does_not_split_the_report(pg_fx, clock, monkeypatch):
    """On a shared server desks keep working while a report runs: every section must read
    the same snapshot (PostgreSQL's default READ COMMITTED would not)."""
    import threading

    from frontdesk import reception
    from frontdesk.db.models import database_proxy
    from frontdesk.reports import queries

    s = pg_fx.staff
    clock.freeze(dt.datetime.combine(pg_fx.day, dt.time(17)))
    real = queries.by_department

    def by_department_after_another_desk(start, end):
        def another_desk():  # its own connection: this thread's
            try:
                reception.new_arrival(actor=s.guide, booked=False, first_visit=True)
            finally:
                database_proxy.obj.close()

        t = threading.Thread(target=another_desk)
        t.start()
        t.join(30)
        return real(start, end)

    monkeypatch.setattr(queries, "by_department", by_department_after_another_desk)
    summary = build_daily(pg_fx.day, actor=s.supervisor, today=pg_fx.today)
    assert summary.totals.visits == 7
    assert sum(r.visits for r in summary.by_department) == 7  # not the 8th, committed meanwhile
    assert build_daily(pg_fx.day, actor=SYSTEM, today=pg_fx.today).totals.visits == 8  # the next report has it
