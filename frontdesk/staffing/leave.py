"""Leave (请假): the rules' leave types, asked for over whole days, approved by a supervisor.

Leave cannot cover a day already signed in (the person worked it), nor overlap
another leave still standing, nor a day of a swap asked for or approved (换班和还班均不得
请假). Approval takes the roster rows of those days off
(kept on the leave row, so the history says what was replaced) so sign-in and
the grooming check no longer expect the person; the roster shows the leave.
A leave type with a `fine_rule` (事假: 第3篇 五 4) records that rule once per
rostered day on approval, on the same ledger as every other rule.

When it is asked for (004 请假, checked again at approval against the time it was asked):
- 七 / 换班 九: a holiday of the working-day calendar on which the person is rostered
  (节假日当班) takes no leave, except a most special case asked for at least two
  calendar days before that day (on the 8th at the latest for the 10th);
- 六: a night shift (shift_rules.is_night) takes no leave, except a special case asked
  for before 12:00 noon of that shift's day;
- 二: 事假 (`personal`) is asked for a day ahead (before its first day: 一般事假); asked
  on its first day at least an hour before the person's first shift that day it is a
  special one (特殊事假) and must say why (the reason); later than that, or for a day
  already past, it stands only with a manager's approval (否则按旷工处理).
Those exceptions are pending requests like any leave; the supervisor who approves one
must write the special circumstances in the decision's note (`needs` says what). The
list says it of every pending request before anyone decides (`needs`, or `refused` when
the roster or the calendar changed since and approval would now be refused).
"""

from __future__ import annotations

import dataclasses
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
from frontdesk.staffing import shift_rules, staffing_rules
from frontdesk.staffing.attendance import shift_start
from frontdesk.staffing.roster import lock_staff, rostered_staff
from frontdesk.validation import clean_text, lookup_id, picked_day

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
STANDING = (PENDING, APPROVED)
REASON_MAX = 200
MAX_DAYS = 190  # the longest leave (产假) fits
PERSONAL = "personal"  # 事假 (staffing.toml): the notice of 004 请假 二
SPECIAL_NOTICE = dt.timedelta(hours=1)  # 特殊事假需在班前一小时提出
HOLIDAY_NOTICE_DAYS = 2  # 节假日…极特殊情况需提前二天提出
NIGHT_DEADLINE = dt.time(12, 0)  # 夜班…特殊情况必须在当日十二点之前提出


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
    needs: str = ""  # what a manager's approval must state (004 请假 二/六/七), when asked
    refused: str = ""  # pending but no longer approvable under those rules: the sentence why


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
        asked = clock.now()
        needs = _house_rules(staff, leave_type.code, start, end, reason, asked)
        row = LeaveRequest.create(
            staff=staff, kind=leave_type.code, kind_zh=leave_type.name_zh,
            kind_en=leave_type.name_en, start=start, end=end, reason=reason,
            requested_by=actor.id, requested_at=asked)
        audit.record(actor, "create", "leave", row.id,
                     {"staff": staff.id, "kind": kind, "start": start.isoformat(),
                      "end": end.isoformat()})
    return dataclasses.replace(_line(row), needs=_needs_text(needs).text())


def _duties(staff, start: dt.date, end: dt.date) -> list[ShiftAssignment]:
    """The person's rostered shifts in [start, end], by day and start time."""
    return sorted(ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
                  .where(ShiftAssignment.staff == staff,
                         ShiftAssignment.date.between(start, end)),
                  key=lambda a: (a.date, a.shift.start))


def _house_rules(staff, kind: str, start: dt.date, end: dt.date, reason: str,
                 asked: dt.datetime) -> list[Msg]:
    """004 请假 七, 六 and 二 for a leave asked for at `asked`: raise where it is refused;
    return the exceptions it stands on, which a manager's approval must state."""
    name = staff.display_name
    needs: list[Msg] = []
    duties = _duties(staff, start, end)
    for a in duties:  # 七 / 换班 九: 节假日当班人员不允许请假
        holiday = shift_rules.holiday(a.date)
        if holiday is None:
            continue
        called = f"（{holiday.name}）" if holiday.name else ""
        called_en = f" ({holiday.name})" if holiday.name else ""
        if asked.date() > a.date - dt.timedelta(days=HOLIDAY_NOTICE_DAYS):
            raise ValidationError(
                f"{name} {a.date:%m-%d} 节假日{called}当班，节假日不允许请假；极特殊情况须提前"
                f"两天提出，经管理人员批准（请假制度 七）。",
                f"{name} is on duty on {a.date:%m-%d}, a holiday{called_en}: no leave on a "
                "holiday; a most special case is asked for two days ahead and approved by a "
                "manager (leave rules 7).", field="start")
        needs.append(Msg(f"{a.date:%m-%d} 节假日当班请假（请假制度 七）",
                         f"leave while on duty on the holiday {a.date:%m-%d} (leave rules 7)"))
        break
    for a in duties:  # 六: 原则上夜班不允许请假
        if not shift_rules.is_night(a.shift):
            continue
        if asked >= dt.datetime.combine(a.date, NIGHT_DEADLINE):
            raise ValidationError(
                f"{name} {a.date:%m-%d} 上夜班（{a.shift.start}–{a.shift.end}），夜班原则上不允许"
                f"请假；特殊情况须在当日十二点之前提出，经管理人员批准（请假制度 六）。",
                f"{name} works the night shift ({a.shift.start}–{a.shift.end}) on "
                f"{a.date:%m-%d}: no leave from a night shift; a special case is asked for "
                "before 12:00 noon that day and approved by a manager (leave rules 6).",
                field="start")
        needs.append(Msg(f"{a.date:%m-%d} 夜班请假（请假制度 六）",
                         f"leave from the night shift of {a.date:%m-%d} (leave rules 6)"))
        break
    if kind == PERSONAL and start <= asked.date():  # 二: 一般事假需在一天提出
        first = next((a for a in duties if a.date == start), None)
        if start == asked.date() and first is None:
            pass  # no shift on that day: nothing to ask for ahead of
        elif start < asked.date() or asked > shift_start(first.shift, start) - SPECIAL_NOTICE:
            needs.append(Msg("事假未提前提出（一般事假提前一天，特殊事假班前一小时；请假制度 二）",
                             "personal leave not asked for in time (a day ahead; a special "
                             "case an hour before the shift; leave rules 2)"))
        elif not reason:  # 特殊事假需在班前一小时提出: the special matter is said
            raise ValidationError(
                "当天的事假属特殊事假（须在班前一小时提出）：请写明事由；一般事假须提前一天提出"
                "（请假制度 二）。",
                "Personal leave for today is special personal leave (asked for an hour before "
                "the shift): say why; ordinary personal leave is asked for a day ahead "
                "(leave rules 2).", field="reason")
    return needs


def _needs_text(needs: list[Msg]) -> Msg:
    return Msg("；".join(m.zh for m in needs), "; ".join(m.en for m in needs))


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
            _approval_allowed(row, note)
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


def _approval_allowed(row: LeaveRequest, note: str) -> None:
    """004 请假 二/六/七 again, as of when the leave was asked for (the roster may have
    changed since): refused, said at the note; an exception needs the manager's note."""
    try:
        needs = _house_rules(row.staff, row.kind, row.start, row.end, row.reason,
                             row.requested_at)
    except ValidationError as exc:
        raise ValidationError(exc.msg, field="note") from None
    if needs and not note:
        what = _needs_text(needs)
        raise ValidationError(
            f"这次请假须经管理人员批准：{what.zh}。批准请在说明中写明特殊情况。",
            f"This leave stands only with a manager's approval: {what.en}. To approve it, "
            "write the special circumstances in the note.", field="note")


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
    return [_still_to_decide(r, _line(r, lang), lang) if r.status == PENDING else _line(r, lang)
            for r in query]


def _still_to_decide(row: LeaveRequest, line: LeaveLine, lang: str | None) -> LeaveLine:
    """A pending request with what its approval needs (the same rules as `decide`, as of
    when it was asked), so the supervisor sees it in the list, not only at approval."""
    try:
        needs = _house_rules(row.staff, row.kind, row.start, row.end, row.reason,
                             row.requested_at)
    except ValidationError as exc:
        return dataclasses.replace(line, refused=exc.msg.text(lang))
    return dataclasses.replace(line, needs=_needs_text(needs).text(lang) if needs else "")


def leave_types(lang: str | None = None) -> list[tuple[str, str]]:
    return [(t.code, Msg(t.name_zh, t.name_en).text(lang))
            for t in staffing_rules.current().leave_types]
