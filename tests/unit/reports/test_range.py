"""Weekly/monthly views over the fixture days."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.errors import ValidationError
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.range import MAX_DAYS, build_range


def test_range_totals_and_day_rows(fx):
    r = build_range("2026-11-17", "2026-11-20", actor=SYSTEM, today=fx.today)
    assert (r.start, r.end, r.day_count) == (dt.date(2026, 11, 17), dt.date(2026, 11, 20), 4)
    assert r.totals.visits == 7 + 2 + 4
    assert r.totals.left == 2 + 2 + 3 and r.totals.done == 4 + 1
    assert [(d.day.day, d.totals.visits) for d in r.days] == [(17, 4), (18, 0), (19, 2), (20, 7)]
    per_day = {d.day.day: d.door_doctor_median_s for d in r.days}
    assert per_day == {17: 1200.0, 18: None, 19: None, 20: 1500.0}
    # pooled over the range: 240 1200 1200 1800 3000
    door_doctor = r.flow_time("door_doctor")
    assert (door_doctor.count, door_doctor.median_s, door_doctor.p90_s) == (5, 1200.0, 3000.0)
    assert r.totals.booked == 2 and r.handover_notes == 1
    # grouped by reason code (the desk chose the reasons by their Chinese labels)
    assert {x.reason: x.count for x in r.left_reasons} == {"consult_only": 5, "waited_too_long": 1,
                                                          "personal": 1}
    assert {s.name: s.greeted for s in r.staff}["王悦"] == 5 + 2 + 4


def test_range_grooming_totals_without_ledger_rows(fx):
    r = build_range(fx.day, fx.day, actor=SYSTEM, today=fx.today)
    assert r.grooming.checks == 2 and r.grooming.late_count == 2
    assert r.grooming.fines == () and r.grooming.late_sign_ins == ()
    assert r.grooming.fines_total_fen == fx.expected.grooming_fine_fen + fx.expected.late_fine_fen


def test_empty_range(fx):
    r = build_range("2026-10-01", "2026-10-31", actor=SYSTEM, today=fx.today)
    assert r.is_empty and len(r.days) == 31 and all(d.totals.visits == 0 for d in r.days)


def test_range_bad_input(fx):
    with pytest.raises(ValidationError) as exc:
        build_range("2026-11-20", "2026-11-17", actor=SYSTEM, today=fx.today)
    assert exc.value.field == "from"
    with pytest.raises(ValidationError) as exc:
        build_range("2026-11-20", "2026-11-30", actor=SYSTEM, today=fx.today)
    assert exc.value.field == "to"
    with pytest.raises(ValidationError):
        build_range(fx.today - dt.timedelta(days=MAX_DAYS), fx.today, actor=SYSTEM, today=fx.today)
    with pytest.raises(ValidationError) as exc:
        build_range("2026-11", "2026-11-20", actor=SYSTEM, today=fx.today)
    assert exc.value.field == "from"
