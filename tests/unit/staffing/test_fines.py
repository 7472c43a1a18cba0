"""The fine ledger: waivers (audited, never deleted) and monthly totals."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk.db.models import AuditLog, Fine
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import fines


@pytest.fixture
def people(rules_db, make_staff):
    return make_staff("supervisor", name="雷婷婷"), make_staff("desk", name="李静"), \
        make_staff("guide", name="王悦")


def fine(staff, amount, day, kind="grooming"):
    return Fine.create(staff=staff, kind=kind, amount_fen=amount, date=day, reason_zh="测试",
                       reason_en="test")


def test_waive_keeps_the_row_and_audits(people):
    boss, desk, _ = people
    row = fine(desk, 1000, dt.date(2026, 11, 3))
    line = fines.waive(actor=boss, fine_id=row.id, reason="  检查时看错了  ")
    assert line.waived and line.waive_reason == "检查时看错了" and line.waived_by_name == "雷婷婷"
    stored = Fine.get_by_id(row.id)
    assert stored.amount_fen == 1000 and stored.waived_by == boss and stored.waived_at
    entry = AuditLog.get(AuditLog.action == "waive")
    assert entry.staff == boss and entry.entity_id == str(row.id)
    assert json.loads(entry.detail)["reason"] == "检查时看错了"
    with pytest.raises(ConflictError):
        fines.waive(actor=boss, fine_id=row.id, reason="again")
    assert Fine.select().count() == 1


def test_waive_needs_a_reason_a_supervisor_and_not_ones_own_fine(people):
    boss, desk, guide = people
    row = fine(desk, 1000, dt.date(2026, 11, 3))
    with pytest.raises(ValidationError) as err:
        fines.waive(actor=boss, fine_id=row.id, reason="   ")
    assert err.value.field == "waive_reason"
    with pytest.raises(PermissionDenied):
        fines.waive(actor=guide, fine_id=row.id, reason="朋友")
    own = fine(boss, 1000, dt.date(2026, 11, 3))
    with pytest.raises(ValidationError):
        fines.waive(actor=boss, fine_id=own.id, reason="我自己")
    assert Fine.select().where(Fine.waived_at.is_null(False)).count() == 0


def test_monthly_totals_respect_the_month_and_waivers(people):
    boss, desk, guide = people
    fine(desk, 1000, dt.date(2026, 10, 31))  # last month
    a = fine(desk, 1000, dt.date(2026, 11, 1))
    fine(desk, 2000, dt.date(2026, 11, 30), kind="late")
    fine(guide, 1000, dt.date(2026, 11, 15))
    fine(guide, 1000, dt.date(2026, 12, 1))  # next month
    fines.waive(actor=boss, fine_id=a.id, reason="误判")
    totals = {t.staff_name: t for t in fines.monthly_totals(actor=boss, year=2026, month=11)}
    assert set(totals) == {"李静", "王悦"}
    d = totals["李静"]
    assert (d.count, d.total_fen, d.waived_fen, d.due_fen, d.late_count, d.grooming_count) == \
        (2, 3000, 1000, 2000, 1, 1)
    assert totals["王悦"].due_fen == 1000
    assert [f.day.month for f in fines.fines_for(actor=boss, year=2026, month=11)] == [11] * 3
    assert len(fines.fines_for(actor=boss, year=2026, month=11, staff_id=guide.id)) == 1
    with pytest.raises(PermissionDenied):
        fines.monthly_totals(actor=desk, year=2026, month=11)


def test_month_range_and_money_format():
    assert fines.month_range(2026, 12) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    with pytest.raises(ValidationError):
        fines.month_range(2026, 13)
    assert fines.format_yuan(2000) == "20.00" and fines.format_yuan(1005) == "10.05"
    assert fines.kind_name("late", "zh_CN") == "迟到/早退"
