"""Leave (请假): the rules' types, a day already signed in, overlaps, approval and the roster."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk.db.models import Fine, LeaveRequest
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import attendance, leave, roster

MON = dt.date(2026, 11, 23)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    for i in range(5):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=i),
                       shifts=["day"])
    return boss, desk, guide


def test_the_rules_leave_types(team):
    names = [n for _, n in leave.leave_types("zh_CN")]
    assert names == ["事假", "病假", "婚假", "产假", "丧假", "换休假", "带薪假", "工伤假"]


def test_approved_leave_takes_the_days_off_the_roster_and_shows(team):
    boss, desk, _ = team
    line = leave.request_leave(actor=desk, kind="sick", start=MON + dt.timedelta(days=1),
                               end=MON + dt.timedelta(days=2), reason="发烧")
    assert line.days == 2 and line.status == "pending"
    week = roster.week(actor=boss, monday=MON)
    cell = week.cell(desk.id, MON + dt.timedelta(days=1))
    assert cell.leave == "病假" and cell.leave_pending and cell.shifts == ("day",)
    leave.decide(actor=boss, leave_id=line.id, approve=True)
    assert attendance.assigned_shifts(desk, MON + dt.timedelta(days=1)) == []
    cell = roster.week(actor=boss, monday=MON).cell(desk.id, MON + dt.timedelta(days=1))
    assert cell.leave == "病假" and not cell.leave_pending and cell.shifts == ()
    replaced = json.loads(LeaveRequest.get_by_id(line.id).replaced)
    assert [r["shift"] for r in replaced] == ["day", "day"]
    assert Fine.select().count() == 0  # sick leave is not fined


def test_personal_leave_records_the_rule_per_rostered_day(team):
    boss, desk, _ = team
    line = leave.request_leave(actor=desk, kind="personal", start=MON + dt.timedelta(days=3),
                               end=MON + dt.timedelta(days=6))  # two rostered days, two not
    leave.decide(actor=boss, leave_id=line.id, approve=True)
    rows = list(Fine.select().where(Fine.rule_code == "personal_leave"))
    assert [f.amount_fen for f in rows] == [3000, 3000]
    # The leave's own note in each language: the English staff report printed "— 事假 #1".
    assert rows[0].reason_zh.endswith(f"— 事假 #{line.id}")
    assert rows[0].reason_en.endswith(f"— Personal leave #{line.id}"), rows[0].reason_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in rows[0].reason_en)


def test_leave_over_a_day_already_signed_in_is_refused(team):
    boss, desk, _ = team
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 23, 7, 45))
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="personal", start=MON - dt.timedelta(days=1),
                            end=MON)
    assert err.value.field == "start" and "签到" in err.value.zh
    # the day after is fine
    leave.request_leave(actor=desk, kind="personal", start=MON + dt.timedelta(days=1))
    assert LeaveRequest.select().count() == 1


def test_a_sign_in_after_the_request_blocks_its_approval(team, clock):
    boss, desk, _ = team
    line = leave.request_leave(actor=desk, kind="sick", start=MON)
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 23, 7, 45))
    with pytest.raises(ValidationError):
        leave.decide(actor=boss, leave_id=line.id, approve=True)
    assert LeaveRequest.get_by_id(line.id).status == "pending"
    assert attendance.assigned_shifts(desk, MON)  # nothing half-saved


def test_overlaps_bad_dates_and_types(team):
    boss, desk, guide = team
    leave.request_leave(actor=desk, kind="marriage", start=MON + dt.timedelta(days=2),
                        end=MON + dt.timedelta(days=4))
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="sick", start=MON + dt.timedelta(days=4))
    assert err.value.field == "start"
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="holiday", start=MON)
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="sick", start=MON, end=MON - dt.timedelta(days=1))
    assert err.value.field == "end"
    with pytest.raises(PermissionDenied):  # only a supervisor enters leave for someone else
        leave.request_leave(actor=guide, kind="sick", start=MON, staff_id=desk.id)
    by_boss = leave.request_leave(actor=boss, kind="sick", start=MON, staff_id=guide.id)
    assert by_boss.staff == "王悦"


def test_one_decision_wins_and_own_leave_is_not_self_approved(team):
    boss, desk, _ = team
    line = leave.request_leave(actor=desk, kind="paid", start=MON)
    leave.decide(actor=boss, leave_id=line.id, approve=False)
    with pytest.raises(ConflictError):
        leave.decide(actor=boss, leave_id=line.id, approve=True)
    own = leave.request_leave(actor=boss, kind="paid", start=MON)
    with pytest.raises(ValidationError):
        leave.decide(actor=boss, leave_id=own.id, approve=True)
