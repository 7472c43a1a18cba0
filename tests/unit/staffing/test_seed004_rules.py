"""Seed 004's leave and swap rules: each refuses what it must and allows its look-alike.

请假 七 / 换班 九 (holiday on duty), 请假 六 (night shift), 请假 二 (事假 notice) and
换班 三 (不允许连续换班). An exception the rules allow "经管理人员批准" is a pending
leave whose approval needs the supervisor's note.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import CalendarDay, LeaveRequest, Shift, ShiftSwap
from frontdesk.errors import ValidationError
from frontdesk.staffing import leave, roster, shift_rules, swaps
from tests.helpers.clock import TEST_NOW

MON = TEST_NOW.date()  # Monday 2026-11-23, 10:00
DAY = dt.timedelta(days=1)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    other = make_staff("desk", name="赵敏", pin="4001")
    for i in range(1, 8):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + i * DAY, shifts=["day"])
    return boss, desk, guide, other


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm))


def night_shift() -> Shift:
    return Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                        start="20:00", end="08:00")


def assert_needs_a_note(boss, line, rule: str) -> None:
    """An exception: approving without a note is refused at the note; with one it stands."""
    with pytest.raises(ValidationError) as err:
        leave.decide(actor=boss, leave_id=line.id, approve=True)
    assert err.value.field == "note" and "管理人员批准" in err.value.zh and rule in err.value.zh
    assert LeaveRequest.get_by_id(line.id).status == "pending"
    done = leave.decide(actor=boss, leave_id=line.id, approve=True, note="家中急事，特批")
    assert done.status == "approved"


# --- 请假 七 / 换班 九: 节假日当班人员不允许请假 -------------------------------------


def test_holiday_leave_on_duty_is_refused_late_and_an_exception_two_days_ahead(team, clock):
    boss, desk, guide, _ = team
    holiday = MON + 3 * DAY  # Thursday, desk rostered
    CalendarDay.create(day=holiday, working=False, name="测试节")
    clock.set(at(holiday - DAY, 8))  # one day ahead: refused
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="sick", start=holiday)
    assert err.value.field == "start"
    assert "节假日" in err.value.zh and "请假制度 七" in err.value.zh and "测试节" in err.value.zh
    assert "leave rules 7" in err.value.en
    # a leave of several days is refused for its holiday too
    with pytest.raises(ValidationError):
        leave.request_leave(actor=desk, kind="sick", start=holiday - DAY, end=holiday + DAY)
    assert LeaveRequest.select().count() == 0
    # the look-alike: someone NOT on duty that day may take it
    line = leave.request_leave(actor=guide, kind="sick", start=holiday)
    assert line.status == "pending" and line.needs == ""
    # two days ahead (the last minute of that day): a most special case, for the manager
    clock.set(at(holiday - 2 * DAY, 23, 59))
    line = leave.request_leave(actor=desk, kind="sick", start=holiday, reason="家人手术")
    assert "七" in line.needs
    assert_needs_a_note(boss, line, "七")
    # a make-up working day of the calendar is no holiday
    CalendarDay.create(day=holiday + 2 * DAY, working=True, name="调休上班")
    line = leave.request_leave(actor=desk, kind="sick", start=holiday + 2 * DAY)
    assert line.needs == ""
    leave.decide(actor=boss, leave_id=line.id, approve=True)


# --- 请假 六: 原则上夜班不允许请假 ----------------------------------------------------


def test_night_shift_is_one_into_the_night():
    def shift(start, end):
        return Shift(code="x", name_zh="x", name_en="x", start=start, end=end)

    assert not any(shift_rules.is_night(shift(s, e)) for s, e in
                   (("08:00", "18:00"), ("08:00", "16:00"), ("12:00", "20:00"),
                    ("14:00", "22:00")))
    assert all(shift_rules.is_night(shift(s, e)) for s, e in
               (("20:00", "08:00"), ("16:00", "23:00"), ("00:00", "08:00"),
                ("18:00", "24:00")))


def test_night_leave_asked_before_noon_is_an_exception_after_noon_refused(team, clock):
    boss, desk, guide, _ = team
    night_shift()
    first, second = MON + 2 * DAY, MON + 4 * DAY
    for day in (first, second):
        roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["night"])
    clock.set(at(first, 11, 59))
    line = leave.request_leave(actor=desk, kind="sick", start=first, reason="发烧")
    assert "六" in line.needs
    assert_needs_a_note(boss, line, "六")
    clock.set(at(second, 12, 1))
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="sick", start=second, reason="发烧")
    assert err.value.field == "start" and "夜班" in err.value.zh and "十二点" in err.value.zh
    assert "leave rules 6" in err.value.en and "noon" in err.value.en
    # the look-alike: a day shift's leave asked on its day after noon is no night leave
    roster.set_day(actor=boss, staff_id=guide.id, day=second, shifts=["day"])
    line = leave.request_leave(actor=guide, kind="sick", start=second, reason="发烧")
    assert line.needs == ""


# --- 请假 二: 一般事假提前一天，特殊事假班前一小时 -------------------------------------


def test_personal_leave_today_is_special_an_hour_before_the_shift(team, clock):
    boss, desk, _, _ = team
    # the look-alike: for tomorrow (一般事假) it needs no reason and no note
    line = leave.request_leave(actor=desk, kind="personal", start=MON + DAY)
    assert line.needs == ""
    assert leave.decide(actor=boss, leave_id=line.id, approve=True).status == "approved"
    day = MON + 2 * DAY  # desk's day shift starts 08:00
    clock.set(at(day, 7))  # an hour before: a special 事假, which says why
    with pytest.raises(ValidationError) as err:
        leave.request_leave(actor=desk, kind="personal", start=day)
    assert err.value.field == "reason" and "特殊事假" in err.value.zh
    assert "请假制度 二" in err.value.zh and "leave rules 2" in err.value.en
    line = leave.request_leave(actor=desk, kind="personal", start=day, reason="孩子发烧")
    assert line.needs == ""
    assert leave.decide(actor=boss, leave_id=line.id, approve=True).status == "approved"


def test_personal_leave_too_late_stands_only_with_the_managers_note(team, clock):
    boss, desk, _, _ = team
    day = MON + 3 * DAY
    clock.set(at(day, 7, 1))  # 59 minutes before the shift
    line = leave.request_leave(actor=desk, kind="personal", start=day, reason="孩子发烧")
    assert "二" in line.needs
    assert_needs_a_note(boss, line, "二")
    # a day already past is not asked for ahead either
    past = leave.request_leave(actor=desk, kind="personal", start=MON + DAY, reason="补请")
    assert "二" in past.needs
    # the look-alike: sick leave asked as late has no 事假 notice
    clock.set(at(MON + 4 * DAY, 7, 30))
    line = leave.request_leave(actor=desk, kind="sick", start=MON + 4 * DAY)
    assert line.needs == ""


def test_the_list_says_what_a_pending_leave_still_needs(team, clock):
    """leave_list carries `needs` for a pending exception (before anyone approves), in the
    language asked for; `refused` when the calendar changed since and approval would fail;
    nothing once decided."""
    boss, desk, guide, _ = team
    late_day, plain_day = MON + 3 * DAY, MON + 4 * DAY
    clock.set(at(late_day, 7, 1))
    late = leave.request_leave(actor=desk, kind="personal", start=late_day, reason="孩子发烧")
    plain = leave.request_leave(actor=desk, kind="sick", start=plain_day)
    lines = {x.id: x for x in leave.leave_list(actor=boss, first=MON, last=MON + 7 * DAY,
                                               lang="zh_CN")}
    assert "请假制度 二" in lines[late.id].needs and lines[late.id].refused == ""
    assert lines[plain.id].needs == "" and lines[plain.id].refused == ""
    english = {x.id: x for x in leave.leave_list(actor=desk, first=MON, last=MON + 7 * DAY,
                                                 lang="en")}
    assert "leave rules 2" in english[late.id].needs  # the person sees it too
    # plain_day became a holiday after the sick leave was asked, too late for one on duty
    CalendarDay.create(day=plain_day, working=False, name="测试节")
    refused = next(x for x in leave.leave_list(actor=boss, first=MON, last=MON + 7 * DAY,
                                               lang="zh_CN") if x.id == plain.id)
    assert refused.needs == "" and "请假制度 七" in refused.refused
    with pytest.raises(ValidationError) as err:  # what the list said is what approval says
        leave.decide(actor=boss, leave_id=plain.id, approve=True, note="特批")
    assert err.value.zh == refused.refused
    leave.decide(actor=boss, leave_id=late.id, approve=True, note="家中急事，特批")
    done = next(x for x in leave.leave_list(actor=boss, first=MON, last=MON + 7 * DAY)
                if x.id == late.id)
    assert done.status == "approved" and done.needs == "" and done.refused == ""


# --- 换班 三: 不允许连续换班 -----------------------------------------------------------


@pytest.fixture
def swap_team(team):
    boss, desk, guide, other = team
    for i in range(1, 8):
        day = MON + i * DAY
        roster.set_day(actor=boss, staff_id=guide.id, day=day, shifts=["late"])
        roster.set_day(actor=boss, staff_id=other.id, day=day, shifts=["early"])
    return team


def test_no_swaps_on_consecutive_days(swap_team, clock):
    boss, desk, guide, other = swap_team
    d = MON + 2 * DAY
    first = swaps.request_swap(actor=desk, day=d, shift_code="day", partner_id=other.id,
                               partner_day=d, partner_shift_code="early")
    with pytest.raises(ValidationError) as err:  # the requester, the day after
        swaps.request_swap(actor=desk, day=d + DAY, shift_code="day", partner_id=guide.id,
                           partner_day=d + DAY, partner_shift_code="late")
    assert err.value.field == "day" and "连续换班" in err.value.zh
    assert "换班制度 三" in err.value.zh and "consecutive" in err.value.en
    with pytest.raises(ValidationError) as err:  # the partner, the day before
        swaps.request_swap(actor=guide, day=d - DAY, shift_code="late", partner_id=other.id,
                           partner_day=d - DAY, partner_shift_code="early")
    assert err.value.field == "partner" and "连续换班" in err.value.zh
    assert ShiftSwap.select().count() == 1
    # the look-alike: a day between is fine
    swaps.request_swap(actor=desk, day=d + 2 * DAY, shift_code="day", partner_id=guide.id,
                       partner_day=d + 2 * DAY, partner_shift_code="late")
    # a refused swap no longer stands in the way
    swaps.decide(actor=boss, swap_id=first.id, approve=False, note="人手不够")
    swaps.request_swap(actor=guide, day=d - DAY, shift_code="late", partner_id=other.id,
                       partner_day=d - DAY, partner_shift_code="early")


def test_one_swap_with_its_return_the_next_day_is_not_consecutive(swap_team, clock):
    """One swap whose return day follows its day is one swap, approved; a second swap the
    day after that return is consecutive, also when rechecked at approval."""
    boss, desk, guide, _ = swap_team
    d = MON + 2 * DAY
    roster.set_day(actor=boss, staff_id=guide.id, day=d, shifts=[])
    roster.set_day(actor=boss, staff_id=desk.id, day=d + DAY, shifts=[])
    line = swaps.request_swap(actor=desk, day=d, shift_code="day", partner_id=guide.id,
                              partner_day=d + DAY, partner_shift_code="late")
    assert swaps.decide(actor=boss, swap_id=line.id, approve=True).status == "approved"
    with pytest.raises(ValidationError) as err:
        swaps.request_swap(actor=desk, day=d + 2 * DAY, shift_code="day", partner_id=guide.id,
                           partner_day=d + 2 * DAY, partner_shift_code="late")
    assert err.value.field == "day" and "连续换班" in err.value.zh
