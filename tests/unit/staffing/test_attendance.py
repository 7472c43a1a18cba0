"""Sign-in with the staff member's own PIN, lateness fines per month, and the roster."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import settings
from frontdesk.db.models import Fine, Shift, ShiftAssignment, SignIn
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import attendance, fines


@pytest.fixture
def day_shift(rules_db):
    return Shift.get(Shift.code == "day")  # 08:00–18:00


def rostered(staff, shift, *days):
    for day in days:
        ShiftAssignment.create(staff=staff, shift=shift, date=day)


def at(day, hhmm, second=0):
    h, m = (int(p) for p in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(h, m, second))


NOV = [dt.date(2026, 11, d) for d in range(1, 31)]


def test_on_time_sign_in_costs_nothing(day_shift, make_staff):
    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[2])
    result = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "07:50"))
    assert result.minutes_late == 0 and result.fine is None and result.on_roster
    row = SignIn.get()
    assert row.shift == day_shift and row.signed_at == at(NOV[2], "07:50")
    # 59 seconds after the start is not yet a whole minute late.
    guide = make_staff("guide")
    rostered(guide, day_shift, NOV[2])
    assert attendance.sign_in(staff=guide, pin="1234", at=at(NOV[2], "08:00", 59)).fine is None
    assert Fine.select().count() == 0


def test_old_pin_signs_in_after_the_pin_length_changes(day_shift, make_staff):
    from frontdesk import admin

    adm = make_staff("admin")
    desk = make_staff("desk", pin="1234")
    rostered(desk, day_shift, NOV[2])
    admin.update_settings(actor=adm, values={"security.pin_length": 6})
    result = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "07:55"))
    assert result.fine is None and SignIn.select().count() == 1


def test_lateness_fines_ten_then_twenty_from_the_second_time(day_shift, make_staff):
    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[2], NOV[3], NOV[4], NOV[5])
    first = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "08:07"))
    assert first.minutes_late == 7 and first.fine.amount_fen == 1000
    assert "迟到 7 分钟" in first.fine.reason_zh and "本月第 1 次" in first.fine.reason_zh
    on_time = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[3], "07:59"))
    assert on_time.fine is None
    second = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[4], "08:01"))
    third = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[5], "09:30"))
    assert (second.fine.amount_fen, third.fine.amount_fen) == (2000, 2000)
    assert third.minutes_late == 90
    assert [f.amount_fen for f in Fine.select().order_by(Fine.id)] == [1000, 2000, 2000]
    assert all(f.kind == "late" and f.sign_in_id for f in Fine.select())


def test_months_do_not_carry_over(day_shift, make_staff):
    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[28], NOV[29], dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    amounts = [attendance.sign_in(staff=desk, pin="1234", at=at(d, "08:10")).fine.amount_fen
               for d in (NOV[28], NOV[29], dt.date(2026, 12, 1), dt.date(2026, 12, 2))]
    # 29 Nov: first (10), 30 Nov: second (20); 1 Dec starts again at 10.
    assert amounts == [1000, 2000, 1000, 2000]


def test_a_waived_lateness_does_not_count_towards_the_repeat(day_shift, make_staff):
    desk, boss = make_staff("desk"), make_staff("supervisor")
    rostered(desk, day_shift, NOV[2], NOV[3])
    first = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "08:20"))
    fines.waive(actor=boss, fine_id=first.fine.id, reason="地铁停运，有证明")
    second = attendance.sign_in(staff=desk, pin="1234", at=at(NOV[3], "08:20"))
    assert second.fine.amount_fen == 1000


def test_lateness_rule_is_configurable(day_shift, make_staff):
    settings.set("rules.lateness", {"fine_fen": 500, "repeat_fine_fen": 3000, "repeat_from": 3,
                                    "grace_minutes": 5})
    desk = make_staff("desk")
    rostered(desk, day_shift, *NOV[2:6])
    results = [attendance.sign_in(staff=desk, pin="1234", at=at(d, t))
               for d, t in zip(NOV[2:6], ("08:05", "08:06", "08:06", "08:06"), strict=True)]
    assert results[0].minutes_late == 5 and results[0].fine is None  # within the grace
    assert [r.fine.amount_fen for r in results[1:]] == [500, 500, 3000]


def test_wrong_pin_signs_nobody_in(day_shift, make_staff):
    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[2])
    with pytest.raises(ValidationError) as err:
        attendance.sign_in(staff=desk, pin="9999", at=at(NOV[2], "08:30"))
    assert err.value.field == "pin"
    assert "PIN 不正确" in err.value.message("zh_CN") and "Wrong PIN" in err.value.message("en")
    with pytest.raises(ValidationError):
        attendance.sign_in(staff=desk, pin="", at=at(NOV[2], "08:30"))
    assert SignIn.select().count() == 0 and Fine.select().count() == 0


def test_someone_elses_pin_is_not_proof(day_shift, make_staff):
    desk = make_staff("desk", pin="1111")
    friend = make_staff("desk", pin="2222")
    rostered(desk, day_shift, NOV[2])
    with pytest.raises(ValidationError):
        attendance.sign_in(staff=desk, pin="2222", at=at(NOV[2], "08:00"))
    assert attendance.sign_in(staff=friend.id, pin="2222", shift=day_shift,
                              at=at(NOV[2], "08:00")).on_roster is False


def test_second_sign_in_and_unrostered_sign_in_are_refused(day_shift, make_staff):
    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[2])
    attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "07:55"))
    with pytest.raises(ConflictError) as err:
        attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "08:05"))
    assert "07:55" in err.value.message("zh_CN")
    with pytest.raises(ValidationError) as err:
        attendance.sign_in(staff=desk, pin="1234", at=at(NOV[3], "08:00"))
    assert err.value.field == "shift"
    assert SignIn.select().count() == 1


def test_roster_shows_sign_in_and_needs_a_supervisor(day_shift, make_staff):
    early = Shift.get(Shift.code == "early")
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静")
    guide = make_staff("guide", name="王悦")
    rostered(desk, day_shift, NOV[2])
    rostered(guide, early, NOV[2])
    attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "08:03"))
    rows = {r.name: r for r in attendance.roster(actor=boss, day=NOV[2])}
    assert set(rows) == {"李静", "王悦"}
    assert rows["李静"].signed_at == at(NOV[2], "08:03") and rows["李静"].minutes_late == 3
    assert rows["王悦"].signed_at is None and rows["王悦"].check_status == attendance.CHECK_NONE
    assert [r.name for r in attendance.roster(actor=boss, day=NOV[2], shift_code="early")] == ["王悦"]
    with pytest.raises(PermissionDenied):
        attendance.roster(actor=desk, day=NOV[2])
    names = [c.name for c in attendance.sign_in_candidates(actor=desk, day=NOV[2])]
    assert sorted(names) == ["李静", "王悦"]
    assert [a.minutes_late for a in attendance.late_arrivals(desk, NOV[2])] == [3]


def test_guessing_a_pin_locks_the_account(day_shift, make_staff):
    from frontdesk.accounts import LockedOut

    desk = make_staff("desk")
    rostered(desk, day_shift, NOV[2])
    for _ in range(settings.get("security.lockout_after") - 1):
        with pytest.raises(ValidationError):
            attendance.sign_in(staff=desk, pin="0000", at=at(NOV[2], "07:50"))
    with pytest.raises(LockedOut) as err:
        attendance.sign_in(staff=desk, pin="0000", at=at(NOV[2], "07:50"))
    assert err.value.field == "pin"
    with pytest.raises(LockedOut):  # even the right PIN waits until the lock expires
        attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "07:50"))
    with pytest.raises(ValidationError) as err:
        attendance.sign_in(staff=desk, pin="12a4", at=at(NOV[2], "07:50"))
    assert SignIn.select().count() == 0


def test_early_leave_counts_with_lateness_in_the_month(day_shift, make_staff):
    boss, desk = make_staff("supervisor"), make_staff("desk")
    rostered(desk, day_shift, NOV[2], NOV[3])
    attendance.sign_in(staff=desk, pin="1234", at=at(NOV[2], "08:05"))  # 1st: 10
    fine = attendance.record_early_leave(actor=boss, staff=desk, shift=day_shift,
                                         left_at=at(NOV[3], "17:30"))
    assert fine.amount_fen == 2000 and "早退 30 分钟" in fine.reason_zh  # 2nd time: 20
    with pytest.raises(ValidationError) as err:
        attendance.record_early_leave(actor=boss, staff=desk, shift=day_shift,
                                      left_at=at(NOV[3], "18:00"))
    assert err.value.field == "left_at"
    with pytest.raises(PermissionDenied):
        attendance.record_early_leave(actor=desk, staff=boss, shift=day_shift,
                                      left_at=at(NOV[3], "17:00"))
    assert Fine.select().count() == 2
