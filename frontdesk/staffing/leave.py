"""Leave (请假): the rules' leave types, asked for over whole days, approved by a supervisor.

Leave cannot cover a day already signed in (the person worked it), nor overlap
another leave still standing, nor a day of a swap asked for or approved (换班和还班均不得
请假). Approval takes the roster rows of those days off
(kept on the leave row, so the history says what was replaced) so sign-in and
the grooming check no longer expect the person; the roster shows the leave.
A leave type with a `fine_rule` (事假: 第3篇 五 4) records that rule once per
rostered day on approval, on the same ledger as every other rule.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from frontdesk import audit, clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    LeaveRequest,
    Shift,
    ShiftAssignment,
    ShiftSwap,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, allowed, require
from frontdesk.staffing import staffing_rules
from frontdesk.staffing.roster import lock_staff, rostered_staff
from frontdesk.validation import clean_text, lookup_id, picked_day

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
STANDING = (PENDING, APPROVED)
REASON_MAX = 200
MAX_DAYS = 190  # the longest leave (产假) fits


@dataclass(frozen=True)
class LeaveLine:
    id: int
    staff_id: int
    staff: str
    kind: str
    kind_name: str
    start: dt.date
    end: dt.date
    days: int
    reason: str
    status: str
    decided_by: str


def _line(r: LeaveRequest, lang: str | None = None) -> LeaveLine:
    return LeaveLine(r.id, r.staff_id, r.staff.display_name, r.kind,
                     Msg(r.kind_zh, r.kind_en).text(lang), r.start, r.end,
                     (r.end - r.start).days + 1, r.reason, r.status,
                     r.decided_by.display_name if r.decided_by_id else "")


@changes(Changed.ROSTER)
def request_leave(*, actor, kind: str, start: dt.date, end: dt.date | None = None,
                  reason: str = "", staff_id=None) -> LeaveLine:
    """Ask for leave for oneself; a supervisor may enter it for someone (病假 by phone), but
    not a type the rules keep to the person (`in_person`: 事假, 004 请假 四)."""
    require(actor, Perm.REQUEST_ROSTER)
    rules = staffing_rules.current()
    leave_type = rules.leave_type(kind or "")
    if leave_type is None:
        raise ValidationError("请选择请假类型。", "Choose the type of leave.", field="kind")
    start = picked_day(start, "start")
    end = picked_day(end or start, "end")
    if end < start:
        raise ValidationError("结束日期不能早于开始日期。", "The last day is before the first.",
                              field="end")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(f"一次请假不能超过 {MAX_DAYS} 天。",
                              f"One leave can be at most {MAX_DAYS} days.", field="end")
    if staff_id is None or lookup_id(staff_id) == actor.id:
        staff = Staff.get_by_id(actor.id)
    else:
        require(actor, Perm.MANAGE_ROSTER)
        staff = Staff.get_or_none(Staff.id == lookup_id(staff_id))
        if staff is None or staff not in rostered_staff():
            raise ValidationError("请选择员工。", "Choose the staff member.", field="staff")
        if leave_type.in_person:  # 004 请假 四: 不得由他人代请，病假除外
            raise ValidationError(
                f"{leave_type.name_zh}须由本人申请，不能代请（病假可以代请）。",
                f"{leave_type.name_en} is asked for by the person themselves, not for them "
                "(sick leave can be).", field="kind")
    reason = clean_text(reason, "reason", REASON_MAX)
    with database_proxy.atomic():
        lock_staff(staff.id)
        _check_days(staff, start, end)
        row = LeaveRequest.create(
            staff=staff, kind=leave_type.code, kind_zh=leave_type.name_zh,
            kind_en=leave_type.name_en, start=start, end=end, reason=reason,
            requested_by=actor.id, requested_at=clock.now())
        audit.record(actor, "create", "leave", row.id,
                     {"staff": staff.id, "kind": kind, "start": start.isoformat(),
                      "end": end.isoformat()})
    return _line(row)


def _swap_day(staff: Staff, start: dt.date, end: dt.date) -> dt.date | None:
    """The first day in [start, end] of a swap asked for or approved that `staff` is part of
    (either side, the swap's day or its return day): 换班和还班均不得请假 (004 换班 六).
    The swap checks leave when asked for; this is the same rule from the leave's side."""
    days = []
    for s in ShiftSwap.select().where(
            ShiftSwap.status.in_(STANDING),
            (ShiftSwap.requester == staff) | (ShiftSwap.partner == staff),
            ShiftSwap.requester_date.between(start, end)
            | ShiftSwap.partner_date.between(start, end)):
        days += [d for d in (s.requester_date, s.partner_date) if d and start <= d <= end]
    return min(days) if days else None


def _check_days(staff: Staff, start: dt.date, end: dt.date) -> None:
    signed = (SignIn.select().where(SignIn.staff == staff, SignIn.date.between(start, end))
              .order_by(SignIn.date).first())
    if signed is not None:
        raise ValidationError(
            f"{staff.display_name} 已于 {signed.date:%m-%d} 签到上班，这一天不能请假。",
            f"{staff.display_name} signed in on {signed.date:%m-%d}; that day cannot be leave.",
            field="start")
    swapped = _swap_day(staff, start, end)
    if swapped is not None:
        raise ValidationError(
            f"{staff.display_name} 在 {swapped:%m-%d} 有换班，换班和还班均不得请假。",
            f"{staff.display_name} has a shift swap on {swapped:%m-%d}; no leave on a swap "
            "day or its return day.", field="start")
    other = LeaveRequest.get_or_none(LeaveRequest.staff == staff,
                                     LeaveRequest.status.in_(STANDING),
                                     LeaveRequest.start <= end, LeaveRequest.end >= start)
    if other is not None:
        raise ValidationError(
            f"与已有的请假（{other.kind_zh} {other.start:%m-%d}–{other.end:%m-%d}）重叠。",
            f"Overlaps another leave ({other.kind_en} {other.start:%m-%d}–{other.end:%m-%d}).",
            field="start")


@changes(Changed.ROSTER | Changed.GROOMING)
def decide(*, actor, leave_id, approve: bool, note: str = "") -> LeaveLine:
    """Approve (taking the roster rows off) or refuse a pending leave; one decision wins."""
    require(actor, Perm.MANAGE_ROSTER)
    note = clean_text(note, "note", REASON_MAX)
    with database_proxy.atomic():
        row = LeaveRequest.get_or_none(LeaveRequest.id == lookup_id(leave_id))
        if row is None:
            raise NotFound("找不到该请假申请。", "No such leave request.")
        if row.staff_id == actor.id:
            raise ValidationError("不能审批自己的请假。", "You cannot decide your own leave.",
                                  field="note")
        if approve:
            # Approval writes fines priced by their time in the month (ledger.occurrences):
            # two of one person's leaves approved at once at two desks both counted the
            # month's earlier records before either wrote, and both were "the 1st time".
            # The person's lock makes the second approval count after the first commits.
            lock_staff(row.staff_id)
            # a sign-in may have come since it was asked for
            signed = SignIn.select().where(SignIn.staff == row.staff_id,
                                           SignIn.date.between(row.start, row.end)).first()
            if signed is not None:
                raise ValidationError(
                    f"{row.staff.display_name} 已于 {signed.date:%m-%d} 签到，不能批准这段请假。",
                    f"{row.staff.display_name} signed in on {signed.date:%m-%d}; this leave "
                    "cannot be approved.", field="note")
        won = (LeaveRequest.update(status=APPROVED if approve else REJECTED,
                                   decided_by=actor.id, decided_at=clock.now(),
                                   decision_note=note)
               .where(LeaveRequest.id == row.id, LeaveRequest.status == PENDING).execute())
        if won != 1:
            if LeaveRequest.get_by_id(row.id).status == WITHDRAWN:  # not "decided": taken back
                raise ConflictError("这个请假申请已被撤回。", "This leave was withdrawn.")
            raise ConflictError("这个请假申请已被处理。", "This leave was already decided.")
        if approve:
            _take_off_roster(actor, row)
        audit.record(actor, "approve" if approve else "reject", "leave", row.id, {"note": note})
        row = LeaveRequest.get_by_id(row.id)
    return _line(row)


def _take_off_roster(actor, row: LeaveRequest) -> None:
    gone = list(ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
                .where(ShiftAssignment.staff == row.staff_id,
                       ShiftAssignment.date.between(row.start, row.end)))
    LeaveRequest.update(replaced=json.dumps(
        [{"date": a.date.isoformat(), "shift": a.shift.code} for a in gone])).where(
        LeaveRequest.id == row.id).execute()
    fine_rule = next((t.fine_rule for t in staffing_rules.current().leave_types
                      if t.code == row.kind), "")
    if fine_rule:
        from frontdesk.staffing import ledger

        for day in sorted({a.date for a in gone}):  # only days of a normal shift (正常班次)
            ledger.record_in_transaction(actor=actor, staff=row.staff, rule_code=fine_rule,
                                         day=day, note=Msg(f"{row.kind_zh} #{row.id}",
                                                                f"{row.kind_en} #{row.id}"))
    for a in gone:
        a.delete_instance()


@changes(Changed.ROSTER)
def withdraw(*, actor, leave_id) -> LeaveLine:
    require(actor, Perm.REQUEST_ROSTER)
    with database_proxy.atomic():
        won = (LeaveRequest.update(status=WITHDRAWN, decided_at=clock.now())
               .where(LeaveRequest.id == lookup_id(leave_id),
                      LeaveRequest.requested_by == actor.id,
                      LeaveRequest.status == PENDING).execute())
        if won != 1:
            raise ConflictError("这个请假申请已处理或不是你提交的。",
                                "This leave was already decided, or is not yours.")
        audit.record(actor, "withdraw", "leave", leave_id, {})
    return _line(LeaveRequest.get_by_id(leave_id))


def leave_list(*, actor, first: dt.date, last: dt.date, lang: str | None = None,
               status: str | None = None) -> list[LeaveLine]:
    """Leave touching [first, last]; a staff member sees their own."""
    manager = allowed(actor, Perm.MANAGE_ROSTER)
    if not manager:
        require(actor, Perm.REQUEST_ROSTER)
    first, last = picked_day(first, "first"), picked_day(last, "last")
    query = (LeaveRequest.select().where(LeaveRequest.start <= last, LeaveRequest.end >= first)
             .order_by(LeaveRequest.start, LeaveRequest.id))
    if status:
        query = query.where(LeaveRequest.status == status)
    if not manager:
        query = query.where(LeaveRequest.staff == actor.id)
    return [_line(r, lang) for r in query]


def leave_types(lang: str | None = None) -> list[tuple[str, str]]:
    return [(t.code, Msg(t.name_zh, t.name_en).text(lang))
            for t in staffing_rules.current().leave_types]
