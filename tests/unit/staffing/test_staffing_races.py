"""Two desks writing the staffing rules' conflicting halves at the same moment (SQLite).

Each desk is a thread with its own connection, released together by a barrier; a hold
puts both desks between their checks and their writes when nothing serialises them, so
an unguarded race is certain, not lucky. What must hold afterwards: one desk wins, the
other is told in a sentence (a FrontdeskError with Chinese and English), nothing is
half-written — the roster, the swap and leave rows and the fines agree.

The scenarios are plain functions of a `Team`, run again on PostgreSQL by
tests/postgres/test_pg_staffing_races.py (where the staff lock, not the database's one
writer at a time, keeps them apart).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass

import pytest

from frontdesk.db.models import (
    AuditLog,
    Fine,
    FineKind,
    LeaveRequest,
    RuleItem,
    Shift,
    ShiftAssignment,
    ShiftSwap,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, FrontdeskError, ValidationError
from frontdesk.staffing import attendance, fines, leave, ledger, roster, swaps

MON = dt.date(2026, 11, 23)
DAY = MON + dt.timedelta(days=3)  # the contested day (a Thursday, no holiday)
DAY2 = MON + dt.timedelta(days=4)
HOLD = 2.0  # how long a held desk waits for the other (it cannot come while a lock is held)


@dataclass
class Team:
    boss: Staff
    boss2: Staff
    a: Staff  # 李静
    b: Staff  # 王悦
    c: Staff  # 赵敏


def make_team(make_staff) -> Team:
    return Team(boss=make_staff("supervisor", name="雷婷婷"),
                boss2=make_staff("supervisor", name="郑瑜"),
                a=make_staff("desk", name="李静", pin="2001"),
                b=make_staff("guide", name="王悦", pin="3001"),
                c=make_staff("desk", name="赵敏", pin="4001"))


@pytest.fixture
def team(rules_db, make_staff, clock) -> Team:
    return make_team(make_staff)


# --- the two desks ---------------------------------------------------------------------


def two_desks(*calls) -> list:
    """Run each call in its own thread (own connection), released together; what each
    returned, or the exception it raised, in the order of `calls`."""
    barrier = threading.Barrier(len(calls))
    out: list = [None] * len(calls)

    def run(i, fn):
        try:
            barrier.wait(timeout=30)
            out[i] = fn()
        except BaseException as exc:  # noqa: BLE001 - judged by the test
            out[i] = exc
        finally:
            database_proxy.obj.close()  # this thread's connection

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a desk hung"
    return out


def hold_together(monkeypatch, *targets) -> None:
    """Each desk that has run one of `targets` ((module, name): its checks, not yet its
    writes) waits for the other desk to get there too, at most HOLD seconds. Unguarded,
    both act on what they read before either wrote; guarded, the other desk cannot get
    there before the first commits, the wait runs out and the first goes on."""
    barrier = threading.Barrier(2)
    for owner, name in targets:
        real = getattr(owner, name)

        def then_wait(*args, _real=real, **kwargs):
            out = _real(*args, **kwargs)
            try:
                barrier.wait(timeout=HOLD)
            except threading.BrokenBarrierError:
                pass  # the other desk waits for our commit
            return out

        monkeypatch.setattr(owner, name, then_wait)


def hold_for_the_other(monkeypatch, target, *, before: bool = False):
    """Hold the desk that first calls `target` ((module or class, name)) right after that
    call (its check; with `before`, right before it: a target that is the write itself)
    until the other desk has written, at most HOLD seconds. Returns `other`, which wraps
    the other desk's call: it starts once the held desk is there, and releases it when
    done. Unguarded, the other desk writes between the held desk's check and its write;
    guarded, the other desk waits for the held desk's commit, the hold runs out, the
    held desk goes on and the other follows."""
    owner, name = target
    real = getattr(owner, name)
    there, written = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        first = not there.is_set()
        if first and before:
            there.set()
            written.wait(timeout=HOLD)
        out = real(*args, **kwargs)
        if first and not before:
            there.set()
            written.wait(timeout=HOLD)
        return out

    monkeypatch.setattr(owner, name, held)

    def other(fn):
        def run(*args):
            there.wait(timeout=30)
            try:
                return fn(*args)
            finally:
                written.set()

        return run

    return other


def desk(staff_id: int, fn):
    """A desk's call: the actor read on the desk's own connection."""
    return lambda: fn(Staff.get_by_id(staff_id))


def assert_told(exc, kind: type[FrontdeskError], *words: str) -> None:
    """A sentence for the person at the desk, in both languages (the English one may
    name a person in Chinese), not a traceback."""
    assert isinstance(exc, kind), repr(exc)
    assert exc.zh and exc.en and exc.zh != exc.en, (exc.zh, exc.en)
    for word in words:
        assert word in exc.zh, (word, exc.zh)


def shifts_on(day: dt.date) -> list[tuple[str, str]]:
    """(name, shift code) of every roster row of `day`, sorted."""
    rows = (ShiftAssignment.select(ShiftAssignment, Shift, Staff).join(Shift)
            .switch(ShiftAssignment).join(Staff).where(ShiftAssignment.date == day))
    return sorted((a.staff.display_name, a.shift.code) for a in rows)


def audited(entity: str, entity_id: int) -> list[str]:
    return [a.action for a in AuditLog.select().where(
        AuditLog.entity == entity, AuditLog.entity_id == str(entity_id)).order_by(AuditLog.id)]


# --- the scenarios (shared with PostgreSQL) --------------------------------------------


def swap_asked_while_partner_asks_leave(t: Team, monkeypatch) -> None:
    """李静 asks 王悦 to take her early shift on DAY; at that moment 王悦 asks for that day
    as leave at another desk. Each request alone is fine; together they break 换班和还班均
    不得请假 (004 换班 六): exactly one is stored."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    hold_together(monkeypatch, (swaps, "_check"), (leave, "_check_days"))
    asked, off = two_desks(
        desk(t.a.id, lambda a: swaps.request_swap(actor=a, day=DAY, shift_code="early",
                                                  partner_id=t.b.id)),
        desk(t.b.id, lambda b: leave.request_leave(actor=b, kind="sick", start=DAY)))
    if isinstance(asked, swaps.SwapLine):
        assert_told(off, ValidationError, "换班")
        assert LeaveRequest.select().count() == 0
        assert [s.status for s in ShiftSwap.select()] == ["pending"]
    else:
        assert isinstance(off, leave.LeaveLine), repr(off)
        assert_told(asked, ValidationError, "请假")
        assert ShiftSwap.select().count() == 0
        assert [r.status for r in LeaveRequest.select()] == ["pending"]
    assert shifts_on(DAY) == [("李静", "early")]


def swap_approved_while_partner_asks_leave(t: Team, monkeypatch) -> None:
    """A supervisor approves 王悦 covering 李静's shift on DAY while 王悦 asks for DAY as
    leave: whichever comes first, the colleague covering the shift gets no leave that
    day (the swap is standing either way), and the shift stays covered."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    hold_together(monkeypatch, (swaps, "_still_allowed"), (leave, "_check_days"))
    decided, off = two_desks(
        desk(t.boss.id, lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True)),
        desk(t.b.id, lambda b: leave.request_leave(actor=b, kind="sick", start=DAY)))
    assert isinstance(decided, swaps.SwapLine) and decided.status == "approved", repr(decided)
    assert_told(off, ValidationError, "换班", "请假")
    assert LeaveRequest.select().count() == 0
    assert shifts_on(DAY) == [("王悦", "early")]


def two_swaps_give_one_person_two_shifts(t: Team, monkeypatch, shifts: tuple[str, str],
                                         word: str) -> None:
    """李静 and 王悦 each asked 赵敏 to take their shift on DAY (each fine alone: 赵敏 is
    free that day); two supervisors approve both at once. Together 赵敏 would work
    overlapping shifts (连班) or the same shift twice: one approval wins, the other is
    refused at its note, and no shift is lost or doubled."""
    a_shift, b_shift = shifts
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=[a_shift])
    roster.set_day(actor=t.boss, staff_id=t.b.id, day=DAY, shifts=[b_shift])
    one = swaps.request_swap(actor=t.a, day=DAY, shift_code=a_shift, partner_id=t.c.id)
    two = swaps.request_swap(actor=t.b, day=DAY, shift_code=b_shift, partner_id=t.c.id)
    before = shifts_on(DAY)
    hold_together(monkeypatch, (swaps, "_still_allowed"))
    results = two_desks(
        desk(t.boss.id, lambda boss: swaps.decide(actor=boss, swap_id=one.id, approve=True)),
        desk(t.boss2.id, lambda boss: swaps.decide(actor=boss, swap_id=two.id, approve=True)))
    wins = [r for r in results if isinstance(r, swaps.SwapLine)]
    assert len(wins) == 1, results
    lost = next(r for r in results if not isinstance(r, swaps.SwapLine))
    assert_told(lost, ValidationError, word)
    assert lost.field == "note"
    statuses = sorted(s.status for s in ShiftSwap.select())
    assert statuses == ["approved", "pending"]  # the refused one can still be refused or withdrawn
    won = ShiftSwap.get(ShiftSwap.status == "approved")
    pending = ShiftSwap.get(ShiftSwap.status == "pending")
    assert audited("swap", won.id) == ["create", "approve"]
    assert audited("swap", pending.id) == ["create"]
    after = shifts_on(DAY)
    assert len(after) == len(before) and sorted(c for _, c in after) == sorted(shifts)
    assert [c for n, c in after if n == "赵敏"] == [won.requester_shift.code]


def swap_approved_while_requester_withdraws(t: Team, monkeypatch) -> None:
    """A supervisor approves 李静's swap as she withdraws it at her own desk; the withdrawal
    lands after the supervisor's checks read the swap still pending. One wins: approved
    with the roster moved, or withdrawn with the roster as it was — never approved and
    withdrawn, never moved for a withdrawn swap; the loser is told which."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    withdrawal = hold_for_the_other(monkeypatch, (swaps, "_still_allowed"))
    decided, took_back = two_desks(
        desk(t.boss.id, lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True)),
        desk(t.a.id, withdrawal(lambda a: swaps.withdraw(actor=a, swap_id=line.id))))
    row = ShiftSwap.get_by_id(line.id)
    if isinstance(decided, swaps.SwapLine):
        assert_told(took_back, ConflictError, "已处理")
        assert row.status == "approved" and row.decided_by_id == t.boss.id
        assert shifts_on(DAY) == [("王悦", "early")]
        assert audited("swap", line.id) == ["create", "approve"]
    else:
        assert isinstance(took_back, swaps.SwapLine) and took_back.status == "withdrawn"
        assert_told(decided, ConflictError, "撤回")
        assert row.status == "withdrawn" and row.decided_by_id is None
        assert shifts_on(DAY) == [("李静", "early")]
        assert audited("swap", line.id) == ["create", "withdraw"]


def leave_approved_while_person_withdraws(t: Team, monkeypatch) -> None:
    """The same race for leave: a supervisor approves 李静's 事假 as she withdraws it; the
    withdrawal lands after the approval read the request. Approved with the shift taken
    off and the fine recorded, or withdrawn with neither — and the loser is told which."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["day"])
    line = leave.request_leave(actor=t.a, kind="personal", start=DAY)
    withdrawal = hold_for_the_other(monkeypatch, (leave, "lock_staff"))
    decided, took_back = two_desks(
        desk(t.boss.id, lambda boss: leave.decide(actor=boss, leave_id=line.id, approve=True)),
        desk(t.a.id, withdrawal(lambda a: leave.withdraw(actor=a, leave_id=line.id))))
    row = LeaveRequest.get_by_id(line.id)
    fined = Fine.select().where(Fine.rule_code == "personal_leave").count()
    if isinstance(decided, leave.LeaveLine):
        assert_told(took_back, ConflictError, "已处理")
        assert row.status == "approved" and fined == 1 and shifts_on(DAY) == []
        assert audited("leave", line.id) == ["create", "approve"]
    else:
        assert isinstance(took_back, leave.LeaveLine) and took_back.status == "withdrawn"
        assert_told(decided, ConflictError, "撤回")
        assert row.status == "withdrawn" and row.decided_by_id is None
        assert fined == 0 and shifts_on(DAY) == [("李静", "day")]
        assert audited("leave", line.id) == ["create", "withdraw"]


def two_personal_leaves_approved_at_once(t: Team, monkeypatch) -> None:
    """李静 asked for 事假 on two days of one month (two requests); two supervisors approve
    them at the same moment. 事假 on a rostered day records the rule 'personal_leave'
    (第3篇 五 4), priced by its time in the month: here the hospital set 30, then 60
    yuan. Together the two approvals are the 1st and the 2nd time — never the 1st twice."""
    RuleItem.update(amounts=json.dumps([3000, 6000])).where(
        RuleItem.code == "personal_leave").execute()
    for day in (DAY, DAY2):
        roster.set_day(actor=t.boss, staff_id=t.a.id, day=day, shifts=["day"])
    one = leave.request_leave(actor=t.a, kind="personal", start=DAY)
    two = leave.request_leave(actor=t.a, kind="personal", start=DAY2)
    hold_together(monkeypatch, (ledger, "occurrences"))
    results = two_desks(
        desk(t.boss.id, lambda boss: leave.decide(actor=boss, leave_id=one.id, approve=True)),
        desk(t.boss2.id, lambda boss: leave.decide(actor=boss, leave_id=two.id, approve=True)))
    assert all(isinstance(r, leave.LeaveLine) and r.status == "approved" for r in results), results
    fines = list(Fine.select().where(Fine.rule_code == "personal_leave").order_by(Fine.id))
    times = sorted(json.loads(f.rule_snapshot)["occurrence"] for f in fines)
    assert times == [1, 2], [f.reason_zh for f in fines]
    assert sorted(f.amount_fen for f in fines) == [3000, 6000]
    assert sorted("本月第 2 次" in f.reason_zh for f in fines) == [False, True]
    assert shifts_on(DAY) == [] and shifts_on(DAY2) == []


def leave_approved_while_swap_approved_on_its_day(t: Team, monkeypatch) -> None:
    """A leave asked before leave checked swaps (a database from before that rule) stands
    pending for 王悦 on DAY, as does 李静's swap giving 王悦 her shift that day; two
    supervisors approve both at once. The swap's approval checks the leave again, so the
    leave wins: 王悦 is not put on a shift on her leave day and 李静 keeps hers."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    old = LeaveRequest.create(staff=t.b, kind="sick", kind_zh="病假", kind_en="Sick leave",
                              start=DAY, end=DAY, requested_by=t.b.id,
                              requested_at=dt.datetime(2026, 11, 20, 9, 0))
    hold_together(monkeypatch, (swaps, "_still_allowed"), (leave, "_take_off_roster"))
    swapped, off = two_desks(
        desk(t.boss.id, lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True)),
        desk(t.boss2.id, lambda boss: leave.decide(actor=boss, leave_id=old.id, approve=True)))
    assert isinstance(off, leave.LeaveLine) and off.status == "approved", repr(off)
    assert_told(swapped, ValidationError, "请假")
    assert ShiftSwap.get_by_id(line.id).status == "pending"
    assert shifts_on(DAY) == [("李静", "early")]


def her_pin(t: Team) -> str:
    """李静's own PIN for signing in (the PostgreSQL staff factory gives everyone 1234)."""
    from frontdesk.accounts import auth

    Staff.update(pin_hash=auth.hash_secret("2001")).where(Staff.id == t.a.id).execute()
    return "2001"


def sign_in_while_swap_approved(t: Team, monkeypatch) -> None:
    """李静 signs in for her early shift on DAY while a supervisor approves her swap giving
    that shift to 王悦. The approval checks the shift is not signed in (这个班次已签到，不能再
    换), the sign-in that she is on the roster. One wins: signed in with the swap still
    pending, or swapped with no sign-in — never her sign-in on a shift now 王悦's."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    pin = her_pin(t)
    hold_together(monkeypatch, (swaps, "_still_allowed"), (attendance, "lateness_rule"))
    at = dt.datetime.combine(DAY, dt.time(7, 50))
    swapped, signed = two_desks(
        desk(t.boss.id, lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True)),
        desk(t.a.id, lambda a: attendance.sign_in(staff=a, pin=pin, at=at)))
    if isinstance(swapped, swaps.SwapLine):
        assert_told(signed, ValidationError, "没有排班")
        assert SignIn.select().count() == 0
        assert shifts_on(DAY) == [("王悦", "early")]
    else:
        assert isinstance(signed, attendance.SignInResult), repr(signed)
        assert_told(swapped, ValidationError, "已签到")
        assert ShiftSwap.get_by_id(line.id).status == "pending"
        assert shifts_on(DAY) == [("李静", "early")]
        assert [(s.staff_id, s.shift.code) for s in SignIn.select()] == [(t.a.id, "early")]


def one_sign_in_at_two_desks(t: Team, monkeypatch) -> None:
    """李静 signs in, late, at the door and at the desk at the same moment: one sign-in and
    one lateness fine; the other desk is told she already signed in (not a database
    error about a duplicate row)."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    pin = her_pin(t)
    hold_together(monkeypatch, (attendance, "lateness_rule"))
    at = dt.datetime.combine(DAY, dt.time(8, 5))
    results = two_desks(*(desk(t.a.id, lambda a: attendance.sign_in(staff=a, pin=pin, at=at))
                          for _ in range(2)))
    assert sum(isinstance(r, attendance.SignInResult) for r in results) == 1, results
    lost = next(r for r in results if not isinstance(r, attendance.SignInResult))
    assert_told(lost, ConflictError, "已于", "签到")
    assert SignIn.select().count() == 1
    assert Fine.select().where(Fine.kind == FineKind.LATE).count() == 1


def late_sign_in_while_early_leave_recorded(t: Team, monkeypatch) -> None:
    """迟到/早退 share one monthly count (10 yuan, from the 2nd time 20): 李静 signs in late
    on DAY while a supervisor records her leaving early on Monday. Together they are the
    1st and the 2nd time this month — never the 1st twice."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    early = Shift.get(Shift.code == "early")
    pin = her_pin(t)
    hold_together(monkeypatch, (attendance, "late_count_in_month"))
    signed, left = two_desks(
        desk(t.a.id, lambda a: attendance.sign_in(
            staff=a, pin=pin, at=dt.datetime.combine(DAY, dt.time(8, 5)))),
        desk(t.boss.id, lambda boss: attendance.record_early_leave(
            actor=boss, staff=t.a.id, shift=early,
            left_at=dt.datetime.combine(MON, dt.time(15, 0)))))
    assert isinstance(signed, attendance.SignInResult) and signed.fine is not None, repr(signed)
    assert isinstance(left, Fine), repr(left)
    lateness = list(Fine.select().where(Fine.kind == FineKind.LATE))
    assert sorted(json.loads(f.rule_snapshot)["occurrence"] for f in lateness) == [1, 2]
    assert sorted(f.amount_fen for f in lateness) == [1000, 2000]


def fine_recorded_while_personal_leave_approved(t: Team, monkeypatch, by_hand: int) -> None:
    """A supervisor records 事假 (personal_leave) for 李静 by hand — her phoned-in absence on
    Monday — while another approves her 事假 on DAY, which records the same rule; or two
    supervisors record it by hand at once. Priced 30 then 60 by its time in the month,
    the two are the 1st and the 2nd time — never the 1st twice."""
    RuleItem.update(amounts=json.dumps([3000, 6000])).where(
        RuleItem.code == "personal_leave").execute()
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["day"])
    line = leave.request_leave(actor=t.a, kind="personal", start=DAY)

    def record(boss):
        return ledger.record(actor=boss, staff_id=t.a.id, rule_code="personal_leave",
                             day=MON, note="电话请假")

    def approve(boss):
        return leave.decide(actor=boss, leave_id=line.id, approve=True)

    hold_together(monkeypatch, (ledger, "occurrences"))
    results = two_desks(desk(t.boss.id, record if by_hand == 2 else approve),
                        desk(t.boss2.id, record))
    assert all(isinstance(r, fines.FineLine | leave.LeaveLine) for r in results), results
    rows = list(Fine.select().where(Fine.rule_code == "personal_leave"))
    times = sorted(json.loads(f.rule_snapshot)["occurrence"] for f in rows)
    assert times == [1, 2], [f.reason_zh for f in rows]
    assert sorted(f.amount_fen for f in rows) == [3000, 6000]
    assert sorted("本月第 2 次" in f.reason_zh for f in rows) == [False, True]


def roster_day_set_while_swap_approved(t: Team, monkeypatch) -> None:
    """A supervisor sets 李静's DAY to the day shift (taking her early shift off) while
    another approves her swap giving that early shift to 王悦, and the approval lands after
    the edit read her rows. Unguarded (PostgreSQL) the edit then deleted the moved row,
    王悦's now: the swap stood approved and nobody worked early. The edit goes first here;
    the approval must then be refused because the shift it moves is gone."""
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    approval = hold_for_the_other(monkeypatch, (ShiftAssignment, "delete_instance"),
                                  before=True)
    edited, decided = two_desks(
        desk(t.boss2.id, lambda boss: roster.set_day(actor=boss, staff_id=t.a.id, day=DAY,
                                                     shifts=["day"])),
        desk(t.boss.id, approval(
            lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True))))
    assert isinstance(edited, roster.Cell), repr(edited)
    assert_told(decided, ConflictError, "排班已变动")
    assert ShiftSwap.get_by_id(line.id).status == "pending"
    assert audited("swap", line.id) == ["create"]
    assert shifts_on(DAY) == [("李静", "day")]


def night_and_next_morning_set_at_once(t: Team, monkeypatch) -> None:
    """One supervisor gives 李静 the night shift (20:00–08:00) on DAY while another gives
    her the 06:00 shift on the next day, each checking the other day before either wrote.
    Unguarded both passed their check and she stood rostered twice from 06:00 to 08:00;
    the staff lock makes the second desk check after the first commits, and refuse."""
    Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                 start="20:00", end="08:00")
    Shift.create(code="dawn", name_zh="清晨班 06:00–14:00", name_en="Dawn 06:00–14:00",
                 start="06:00", end="14:00")
    hold_together(monkeypatch, (roster, "_no_overlap_next_door"))
    night, dawn = two_desks(
        desk(t.boss.id, lambda boss: roster.set_day(actor=boss, staff_id=t.a.id, day=DAY,
                                                    shifts=["night"])),
        desk(t.boss2.id, lambda boss: roster.set_day(actor=boss, staff_id=t.a.id, day=DAY2,
                                                     shifts=["dawn"])))
    done = [r for r in (night, dawn) if isinstance(r, roster.Cell)]
    refused = [r for r in (night, dawn) if not isinstance(r, roster.Cell)]
    assert len(done) == 1 and len(refused) == 1, (night, dawn)
    assert_told(refused[0], ValidationError, "重叠")
    assert len(shifts_on(DAY) + shifts_on(DAY2)) == 1


def last_week_copied_while_swap_approved(t: Team, monkeypatch) -> None:
    """The supervisor copies last week into this week (only days still empty) while another
    approves 李静's swap giving her early shift on DAY to 王悦, who worked late that weekday
    last week; the approval lands after the copy read which days are empty. Unguarded
    (PostgreSQL) the copy then set 王悦's DAY to last week's late shift, deleting the early
    shift the swap had just given her: the swap stood approved and nobody worked early.
    The copy goes first here; the approval must then be refused (late after early would
    be a double shift, 连班)."""
    roster.set_day(actor=t.boss, staff_id=t.b.id, day=DAY - dt.timedelta(days=7),
                   shifts=["late"])
    roster.set_day(actor=t.boss, staff_id=t.a.id, day=DAY, shifts=["early"])
    line = swaps.request_swap(actor=t.a, day=DAY, shift_code="early", partner_id=t.b.id)
    approval = hold_for_the_other(monkeypatch, (roster, "_write_day"), before=True)
    copied, decided = two_desks(
        desk(t.boss2.id, lambda boss: roster.copy_last_week(actor=boss, monday=MON)),
        desk(t.boss.id, approval(
            lambda boss: swaps.decide(actor=boss, swap_id=line.id, approve=True))))
    assert copied.filled == 1, repr(copied)
    assert_told(decided, ValidationError, "连班")
    assert ShiftSwap.get_by_id(line.id).status == "pending"
    assert shifts_on(DAY) == [("李静", "early"), ("王悦", "late")]


# --- SQLite ----------------------------------------------------------------------------


def test_swap_asked_while_partner_asks_leave(team, monkeypatch):
    swap_asked_while_partner_asks_leave(team, monkeypatch)


def test_swap_approved_while_partner_asks_leave(team, monkeypatch):
    swap_approved_while_partner_asks_leave(team, monkeypatch)


@pytest.mark.parametrize(("shifts", "word"), [(("early", "late"), "连班"),
                                              (("day", "day"), "已经上这个班次")])
def test_two_swaps_give_one_person_two_shifts(team, monkeypatch, shifts, word):
    two_swaps_give_one_person_two_shifts(team, monkeypatch, shifts, word)


def test_swap_approved_while_requester_withdraws(team, monkeypatch):
    swap_approved_while_requester_withdraws(team, monkeypatch)


def test_leave_approved_while_person_withdraws(team, monkeypatch):
    leave_approved_while_person_withdraws(team, monkeypatch)


def test_two_personal_leaves_approved_at_once(team, monkeypatch):
    two_personal_leaves_approved_at_once(team, monkeypatch)


def test_leave_approved_while_swap_approved_on_its_day(team, monkeypatch):
    leave_approved_while_swap_approved_on_its_day(team, monkeypatch)


def test_sign_in_while_swap_approved(team, monkeypatch):
    sign_in_while_swap_approved(team, monkeypatch)


def test_one_sign_in_at_two_desks(team, monkeypatch):
    one_sign_in_at_two_desks(team, monkeypatch)


def test_late_sign_in_while_early_leave_recorded(team, monkeypatch):
    late_sign_in_while_early_leave_recorded(team, monkeypatch)


@pytest.mark.parametrize("by_hand", [1, 2])
def test_fine_recorded_while_personal_leave_approved(team, monkeypatch, by_hand):
    fine_recorded_while_personal_leave_approved(team, monkeypatch, by_hand)


def test_roster_day_set_while_swap_approved(team, monkeypatch):
    roster_day_set_while_swap_approved(team, monkeypatch)


def test_last_week_copied_while_swap_approved(team, monkeypatch):
    last_week_copied_while_swap_approved(team, monkeypatch)


def test_night_and_next_morning_set_at_once(team, monkeypatch):
    night_and_next_morning_set_at_once(team, monkeypatch)
