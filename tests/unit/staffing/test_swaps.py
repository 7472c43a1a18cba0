"""Swaps (换班): the monthly limit at its edge, approval moves the roster, one approval wins."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from frontdesk.db.models import ShiftSwap, Staff
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import attendance, leave, roster, swaps

MON = dt.date(2026, 11, 23)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    boss2 = make_staff("supervisor", name="郑瑜")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    other = make_staff("desk", name="赵敏", pin="4001")
    for i in range(10):
        day = MON + dt.timedelta(days=i - 20)
        roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["day"])
        roster.set_day(actor=boss, staff_id=guide.id, day=day, shifts=["late"])
        roster.set_day(actor=boss, staff_id=other.id, day=day, shifts=["early"])
    for s in (desk, guide, other):
        roster.set_day(actor=boss, staff_id=s.id, day=MON,
                       shifts=[{"李静": "day", "王悦": "late", "赵敏": "early"}[s.display_name]])
    return boss, boss2, desk, guide, other


def test_request_and_approve_moves_both_shifts(team):
    boss, _, desk, guide, _ = team
    back = MON - dt.timedelta(days=12)
    roster.set_day(actor=boss, staff_id=desk.id, day=back, shifts=[])  # 李静 is free that day
    roster.set_day(actor=boss, staff_id=guide.id, day=MON, shifts=[])  # 王悦 free on MON
    line = swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=guide.id,
                              partner_day=back, partner_shift_code="late", reason="家里有事")
    assert line.status == "pending" and roster.on_shift(MON)[0] == ("李静", "day")
    done = swaps.decide(actor=boss, swap_id=line.id, approve=True)
    assert done.status == "approved" and done.decided_by == "雷婷婷"
    assert ("王悦", "day") in roster.on_shift(MON) and ("李静", "day") not in roster.on_shift(MON)
    assert ("李静", "late") in roster.on_shift(back)
    # sign-in follows the roster
    assert [s.code for s in attendance.assigned_shifts(guide, MON)] == ["day"]
    assert [x.id for x in swaps.register(actor=boss, year=2026, month=11)] == [line.id]
    assert [x.id for x in swaps.register(actor=desk, year=2026, month=11)] == [line.id]


def test_the_limit_is_two_a_month_for_each_side(team):
    boss, _, desk, guide, other = team
    d1, d2, d3 = (MON - dt.timedelta(days=n) for n in (19, 17, 15))  # not adjacent: 不允许连续换班
    for d in (d1, d2):  # straight swaps of the day's shifts: nobody works two
        swaps.request_swap(actor=desk, day=d, shift_code="day", partner_id=other.id,
                           partner_day=d, partner_shift_code="early")
    with pytest.raises(ValidationError) as err:  # the third for the requester
        swaps.request_swap(actor=desk, day=d3, shift_code="day", partner_id=guide.id,
                           partner_day=d3, partner_shift_code="late")
    assert err.value.field == "day" and "2" in err.value.zh
    with pytest.raises(ValidationError) as err:  # the third for the partner
        swaps.request_swap(actor=guide, day=d3, shift_code="late", partner_id=other.id,
                           partner_day=d3, partner_shift_code="early")
    assert err.value.field == "partner"
    assert ShiftSwap.select().count() == 2
    # a refused swap no longer counts; next month starts again
    first = ShiftSwap.select().order_by(ShiftSwap.id).first()
    swaps.decide(actor=boss, swap_id=first.id, approve=False, note="人手不够")
    swaps.request_swap(actor=desk, day=d3, shift_code="day", partner_id=guide.id,
                       partner_day=d3, partner_shift_code="late")
    assert swaps.swaps_in_month(desk.id, MON) == 2
    assert swaps.swaps_in_month(desk.id, dt.date(2026, 12, 1)) == 0


def test_bad_swaps(team):
    _, _, desk, guide, _ = team
    with pytest.raises(ValidationError) as err:
        swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=desk.id)
    assert err.value.field == "partner"
    with pytest.raises(ValidationError) as err:  # not her shift
        swaps.request_swap(actor=desk, day=MON, shift_code="late", partner_id=guide.id)
    assert err.value.field == "requester_shift"
    leave.request_leave(actor=guide, kind="sick", start=MON)
    with pytest.raises(ValidationError) as err:  # 换班和还班均不得请假
        swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=guide.id,
                           partner_day=MON, partner_shift_code="late")
    assert "请假" in err.value.zh
    assert ShiftSwap.select().count() == 0


def test_staff_cannot_approve_and_nobody_approves_their_own(team):
    boss, _, desk, guide, _ = team
    line = swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=guide.id,
                              partner_day=MON, partner_shift_code="late")
    with pytest.raises(PermissionDenied):
        swaps.decide(actor=guide, swap_id=line.id, approve=True)
    with pytest.raises(ValidationError):  # the supervisor is not on that shift
        swaps.request_swap(actor=boss, day=MON, shift_code="day", partner_id=guide.id)
    swaps.withdraw(actor=desk, swap_id=line.id)
    with pytest.raises(ConflictError):
        swaps.decide(actor=boss, swap_id=line.id, approve=True)


def test_two_supervisors_approving_at_once_one_wins(team, db):
    boss, boss2, desk, guide, _ = team
    line = swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=guide.id,
                              partner_day=MON, partner_shift_code="late")
    results: list = []
    barrier = threading.Barrier(2)
    from frontdesk.db.models import database_proxy

    def approve(staff_id):
        actor = Staff.get_by_id(staff_id)
        barrier.wait()
        try:
            results.append(swaps.decide(actor=actor, swap_id=line.id, approve=True).decided_by)
        except ConflictError as exc:
            results.append(exc)
        finally:
            database_proxy.close()  # this thread's connection

    threads = [threading.Thread(target=approve, args=(s.id,)) for s in (boss, boss2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wins = [r for r in results if isinstance(r, str)]
    assert len(wins) == 1 and len(results) == 2 and isinstance(
        next(r for r in results if not isinstance(r, str)), ConflictError)
    assert roster.on_shift(MON).count(("王悦", "day")) == 1


def test_no_double_shift_across_midnight(team):
    """换班者、还班者不允许连班 (004 换班 三) across midnight: a night shift (20:00–08:00)
    and the next morning's 08:00 shift are one double shift, whichever is taken over; a
    night shift after the same day's early shift (four hours apart) is not."""
    boss, _, desk, guide, other = team
    from frontdesk.db.models import Shift

    Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                 start="20:00", end="08:00")
    day = MON + dt.timedelta(days=3)  # Thursday
    before, after = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    roster.set_day(actor=boss, staff_id=guide.id, day=before, shifts=["night"])
    roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["early"])
    with pytest.raises(ValidationError) as err:  # 王悦 off the night at 08:00, on again at 08:00
        swaps.request_swap(actor=desk, day=day, shift_code="early", partner_id=guide.id)
    assert "连班" in err.value.zh and f"{before:%m-%d}" in err.value.zh
    assert err.value.field == "partner"
    # the other way: taking a night shift with the next morning's early shift rostered
    roster.set_day(actor=boss, staff_id=other.id, day=day, shifts=["night"])
    roster.set_day(actor=boss, staff_id=desk.id, day=after, shifts=["early"])
    with pytest.raises(ValidationError) as err:
        swaps.request_swap(actor=other, day=day, shift_code="night", partner_id=desk.id)
    assert "连班" in err.value.zh and f"{after:%m-%d}" in err.value.zh
    # handing the night back in the same swap (还班 the day before) leaves no double shift
    line = swaps.request_swap(actor=desk, day=day, shift_code="early", partner_id=guide.id,
                              partner_day=before, partner_shift_code="night")
    swaps.decide(actor=boss, swap_id=line.id, approve=True)
    assert roster.on_shift(before) == [("李静", "night")]
    assert ("王悦", "early") in roster.on_shift(day)
    # the look-alike: the night of the same day as one's early shift starts 4 hours after it
    later = MON + dt.timedelta(days=8)
    roster.set_day(actor=boss, staff_id=guide.id, day=later, shifts=["early"])
    roster.set_day(actor=boss, staff_id=desk.id, day=later, shifts=["night"])
    assert swaps.request_swap(actor=desk, day=later, shift_code="night",
                              partner_id=guide.id).status == "pending"


def test_no_double_shift_for_either_side(team):
    boss, _, desk, guide, other = team
    day = MON + dt.timedelta(days=2)
    roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["early"])  # 08:00-16:00
    roster.set_day(actor=boss, staff_id=guide.id, day=day, shifts=["late"])  # 12:00-20:00
    with pytest.raises(ValidationError) as err:  # 王悦 would work early and late: 连班
        swaps.request_swap(actor=desk, day=day, shift_code="early", partner_id=guide.id)
    assert "连班" in err.value.zh and err.value.field == "partner"
    # a straight swap of the two shifts the same day is fine: each gives one up
    line = swaps.request_swap(actor=desk, day=day, shift_code="early", partner_id=guide.id,
                              partner_day=day, partner_shift_code="late")
    swaps.decide(actor=boss, swap_id=line.id, approve=True)
    assert sorted(roster.on_shift(day)) == [("李静", "late"), ("王悦", "early")]
