"""Shift swaps (换班, 004 换班制度): asked for by a staff member, approved by a supervisor.

A swap hands the requester's shift on one day to a partner and, when given, the
partner's shift on a day back to the requester (还班). Each person may be in at
most the rules' number of swaps a calendar month (004 三: 2), counting swaps
asked for and approved; refused and withdrawn ones do not count; no two of them on
consecutive days (不允许连续换班), no holiday's shift (换班 九), no double
shift for either side (不允许连班, across midnight too: roster.span). Approval moves
the roster rows in the same transaction; of two supervisors approving the same
swap at once exactly one wins (a conditional UPDATE on the status).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from frontdesk import audit, clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    CalendarDay,
    LeaveRequest,
    Shift,
    ShiftAssignment,
    ShiftSwap,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import localized
from frontdesk.permissions import Perm, allowed, require
from frontdesk.staffing import shift_rules, staffing_rules
from frontdesk.staffing.attendance import month_bounds
from frontdesk.staffing.roster import lock_staff, rostered_staff
from frontdesk.validation import clean_text, lookup_code, lookup_id, picked_day

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
COUNTING = (PENDING, APPROVED)
REASON_MAX = 200


@dataclass(frozen=True)
class SwapLine:
    id: int
    requester: str
    requester_date: dt.date
    requester_shift: str
    partner: str
    partner_date: dt.date | None
    partner_shift: str
    reason: str
    status: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None


def _line(s: ShiftSwap, lang: str | None = None) -> SwapLine:
    return SwapLine(
        s.id, s.requester.display_name, s.requester_date,
        localized(s.requester_shift, "name", lang), s.partner.display_name, s.partner_date,
        localized(s.partner_shift, "name", lang) if s.partner_shift_id else "", s.reason,
        s.status, s.requested_at, s.decided_by.display_name if s.decided_by_id else "",
        s.decided_at)


def swaps_in_month(staff_id: int, day: dt.date) -> int:
    """Swaps `staff_id` is part of (either side) in `day`'s month, asked for or approved."""
    first, nxt = month_bounds(day)
    on = ShiftSwap.select().where(ShiftSwap.status.in_(COUNTING), (
        ((ShiftSwap.requester == staff_id) & (ShiftSwap.requester_date >= first)
         & (ShiftSwap.requester_date < nxt))
        | ((ShiftSwap.partner == staff_id) & (ShiftSwap.requester_date >= first)
           & (ShiftSwap.requester_date < nxt))))
    return on.count()


def _assignment(staff, day, shift) -> ShiftAssignment | None:
    return ShiftAssignment.get_or_none(ShiftAssignment.staff == staff,
                                       ShiftAssignment.date == day, ShiftAssignment.shift == shift)


def _shift(code, field: str) -> Shift:
    shift = Shift.get_or_none(Shift.code == lookup_code(code))
    if shift is None:
        raise ValidationError("请选择班次。", "Choose the shift.", field=field)
    return shift


def _check_limit(staff: Staff, day: dt.date, field: str) -> None:
    limit = staffing_rules.current().swaps_per_month
    used = swaps_in_month(staff.id, day)
    if used >= limit:
        raise ValidationError(
            f"{staff.display_name} 本月已换班 {used} 次，每人每月不得超过 {limit} 次。",
            f"{staff.display_name} already has {used} swaps this month; the limit is "
            f"{limit} a month.", field=field)


def _on_leave(staff: Staff, day: dt.date) -> bool:
    return LeaveRequest.select().where(
        LeaveRequest.staff == staff, LeaveRequest.status.in_(COUNTING),
        LeaveRequest.start <= day, LeaveRequest.end >= day).exists()


def _no_double_shift(staff: Staff, day: dt.date, shift: Shift,
                     giving_up: tuple[dt.date, Shift] | None) -> None:
    """换班者、还班者不允许连班 (004 换班 三): the shift taken over may not overlap or run
    straight on from one the person already works (but `giving_up`, the shift they hand
    over in the same swap), across midnight too: a night shift ending at 08:00 and the
    next morning's 08:00 shift are one double shift."""
    from frontdesk.staffing.roster import span

    start, end = span(shift, day)
    for row in (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
                .where(ShiftAssignment.staff == staff,
                       ShiftAssignment.date.between(day - dt.timedelta(days=1),
                                                    day + dt.timedelta(days=1)))
                .order_by(ShiftAssignment.date, Shift.start)):
        other = row.shift
        if giving_up is not None and (row.date, other.id) == (giving_up[0], giving_up[1].id):
            continue
        other_start, other_end = span(other, row.date)
        if other_start <= end and start <= other_end:  # overlapping, or one straight on
            raise ValidationError(
                f"{staff.display_name} 在 {row.date:%m-%d} 已上 {other.start}–{other.end}，"
                f"换班后会连班（不允许连班）。",
                f"{staff.display_name} already works {other.start}–{other.end} on "
                f"{row.date:%m-%d}; the swap would make a double shift (not allowed).",
                field="partner")


def _holiday(day: dt.date | None) -> CalendarDay | None:
    """The working-day calendar's holiday on `day` (Admin > the service desk's calendar)."""
    return shift_rules.holiday(day)


def _no_consecutive(staff: Staff, days: tuple[dt.date | None, ...], swap_id: int | None,
                    field: str) -> None:
    """不允许连续换班 (004 换班 三), read as: no two of a person's swaps (asked for or
    approved, on either side) on consecutive days. The days of a swap are its day and its
    return day; a swap's own day and return day may be adjacent (that is one swap). Two
    swaps on the same day are left to the 连班 / same-shift checks above."""
    for day in sorted(d for d in days if d is not None):
        lo, hi = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
        near = ShiftSwap.select().where(
            ShiftSwap.status.in_(COUNTING),
            (ShiftSwap.requester == staff) | (ShiftSwap.partner == staff),
            ShiftSwap.requester_date.in_((lo, hi)) | ShiftSwap.partner_date.in_((lo, hi)))
        if swap_id is not None:
            near = near.where(ShiftSwap.id != swap_id)
        other = near.order_by(ShiftSwap.requester_date, ShiftSwap.id).first()
        if other is not None:
            taken = next(d for d in (other.requester_date, other.partner_date)
                         if d in (lo, hi))
            raise ValidationError(
                f"{staff.display_name} 在 {taken:%m-%d} 已有换班，不允许连续换班"
                f"（相邻两天不能都换班；换班制度 三）。",
                f"{staff.display_name} already has a swap on {taken:%m-%d}: no consecutive "
                "swaps (not on two days in a row; swap rules 3).", field=field)


def _check(requester: Staff, r_day: dt.date, r_shift: Shift, partner: Staff,
           p_day: dt.date | None, p_shift: Shift | None, swap_id: int | None = None) -> None:
    if partner.id == requester.id:
        raise ValidationError("不能和自己换班。", "Choose someone else to swap with.",
                              field="partner")
    for day, field in ((r_day, "day"), (p_day, "partner_shift")):
        holiday = _holiday(day)
        if holiday is not None:  # 004 换班 九: 节假日当班人员不允许换班或请假
            name = f"（{holiday.name}）" if holiday.name else ""
            raise ValidationError(
                f"{day:%m-%d} 是节假日{name}，节假日当班人员不允许换班。",
                f"{day:%m-%d} is a holiday{f' ({holiday.name})' if holiday.name else ''}; "
                "no swaps of a holiday's shifts.", field=field)
    if _assignment(requester, r_day, r_shift) is None:
        raise ValidationError(f"{requester.display_name} 在 {r_day:%m-%d} 没有这个班次。",
                              f"{requester.display_name} is not rostered on that shift on "
                              f"{r_day:%m-%d}.", field="requester_shift")
    if SignIn.select().where(SignIn.staff == requester, SignIn.date == r_day,
                             SignIn.shift == r_shift).exists():
        raise ValidationError("这个班次已签到，不能再换。", "That shift is already signed in.",
                              field="requester_shift")
    if p_day is not None and (p_shift is None or _assignment(partner, p_day, p_shift) is None):
        raise ValidationError(f"{partner.display_name} 在 {p_day:%m-%d} 没有这个班次。",
                              f"{partner.display_name} is not rostered on that shift on "
                              f"{p_day:%m-%d}.", field="partner_shift")
    if _assignment(partner, r_day, r_shift) is not None:
        raise ValidationError(f"{partner.display_name} 当天已经上这个班次。",
                              f"{partner.display_name} already works that shift that day.",
                              field="partner")
    _no_double_shift(partner, r_day, r_shift,
                     giving_up=(p_day, p_shift) if p_day is not None else None)
    if p_day is not None:
        _no_double_shift(requester, p_day, p_shift, giving_up=(r_day, r_shift))
    for who, day in ((requester, r_day), (partner, r_day), (requester, p_day), (partner, p_day)):
        if day is not None and _on_leave(who, day):
            raise ValidationError(f"{who.display_name} 在 {day:%m-%d} 请假，换班和还班均不得请假。",
                                  f"{who.display_name} has leave on {day:%m-%d}; no swap over "
                                  "a leave day.", field="partner")
    _no_consecutive(requester, (r_day, p_day), swap_id, "day")
    _no_consecutive(partner, (r_day, p_day), swap_id, "partner")


@changes(Changed.ROSTER)
def request_swap(*, actor, day: dt.date, shift_code: str, partner_id,
                 partner_day: dt.date | None = None, partner_shift_code: str | None = None,
                 reason: str = "") -> SwapLine:
    """The acting staff member asks to give their shift on `day` to a partner."""
    require(actor, Perm.REQUEST_ROSTER)
    requester = Staff.get_by_id(actor.id)
    partner = Staff.get_or_none(Staff.id == lookup_id(partner_id))
    if partner is None or not partner.active or partner not in rostered_staff():
        raise ValidationError("请选择换班的同事。", "Choose the colleague to swap with.",
                              field="partner")
    day = picked_day(day, "day")
    if partner_day is not None:
        partner_day = picked_day(partner_day, "partner_day")
    r_shift = _shift(shift_code, "requester_shift")
    p_shift = _shift(partner_shift_code, "partner_shift") if partner_day else None
    reason = clean_text(reason, "reason", REASON_MAX)
    with database_proxy.atomic():
        lock_staff(requester.id, partner.id)
        _check(requester, day, r_shift, partner, partner_day, p_shift)
        _check_limit(requester, day, "day")
        _check_limit(partner, day, "partner")
        swap = ShiftSwap.create(requester=requester, requester_date=day, requester_shift=r_shift,
                                partner=partner, partner_date=partner_day, partner_shift=p_shift,
                                reason=reason, requested_at=clock.now())
        audit.record(actor, "create", "swap", swap.id, {"partner": partner.id,
                                                        "day": day.isoformat()})
    return _line(swap)


def _still_allowed(swap: ShiftSwap) -> None:
    """The rules checked when the swap was asked for, checked again at approval.

    A leave (换班和还班均不得请假), a sign-in, a roster edit or another swap may have
    come between the request and the supervisor's decision; approving regardless put a
    person on a shift on their approved leave day. Said at the decision's note.
    """
    if _assignment(swap.requester, swap.requester_date, swap.requester_shift) is None:
        raise ConflictError("排班已变动，这次换班无法执行，请重新申请。",
                            "The roster changed since the swap was asked for; ask again.")
    try:
        _check(swap.requester, swap.requester_date, swap.requester_shift, swap.partner,
               swap.partner_date, swap.partner_shift if swap.partner_shift_id else None,
               swap_id=swap.id)
    except ValidationError as exc:
        raise ValidationError(exc.msg, field="note") from None


def _move(staff_from: Staff, staff_to: Staff, day: dt.date, shift: Shift) -> None:
    row = _assignment(staff_from, day, shift)
    if row is None:
        raise ConflictError("排班已变动，这次换班无法执行，请重新申请。",
                            "The roster changed since the swap was asked for; ask again.")
    row.staff = staff_to
    row.save()


@changes(Changed.ROSTER)
def decide(*, actor, swap_id, approve: bool, note: str = "") -> SwapLine:
    """Approve (moving the roster rows) or refuse a pending swap; one decision wins."""
    require(actor, Perm.MANAGE_ROSTER)
    note = clean_text(note, "note", REASON_MAX)
    with database_proxy.atomic():
        swap = ShiftSwap.get_or_none(ShiftSwap.id == lookup_id(swap_id))
        if swap is None:
            raise NotFound("找不到该换班申请。", "No such swap request.")
        if swap.requester_id == actor.id:
            raise ValidationError("不能审批自己的换班申请。", "You cannot decide your own swap.",
                                  field="note")
        if approve:
            lock_staff(swap.requester_id, swap.partner_id)
            if ShiftSwap.get_by_id(swap.id).status == PENDING:  # else: decided, said below
                _still_allowed(swap)
        won = (ShiftSwap.update(status=APPROVED if approve else REJECTED, decided_by=actor.id,
                                decided_at=clock.now(), decision_note=note)
               .where(ShiftSwap.id == swap.id, ShiftSwap.status == PENDING).execute())
        if won != 1:
            swap = ShiftSwap.get_by_id(swap.id)
            if swap.status == WITHDRAWN:  # the requester took it back meanwhile: say so
                raise ConflictError("申请人已撤回这个换班申请。",
                                    "The requester withdrew this swap.")
            raise ConflictError(
                f"这个换班申请已被 {swap.decided_by.display_name if swap.decided_by_id else '他人'} 处理。",
                f"This swap was already decided by "
                f"{swap.decided_by.display_name if swap.decided_by_id else 'someone else'}.")
        if approve:
            _move(swap.requester, swap.partner, swap.requester_date, swap.requester_shift)
            if swap.partner_date is not None:
                _move(swap.partner, swap.requester, swap.partner_date, swap.partner_shift)
        audit.record(actor, "approve" if approve else "reject", "swap", swap.id, {"note": note})
        swap = ShiftSwap.get_by_id(swap.id)
    return _line(swap)


@changes(Changed.ROSTER)
def withdraw(*, actor, swap_id) -> SwapLine:
    """The requester takes back a swap not yet decided."""
    require(actor, Perm.REQUEST_ROSTER)
    with database_proxy.atomic():
        won = (ShiftSwap.update(status=WITHDRAWN, decided_at=clock.now())
               .where(ShiftSwap.id == lookup_id(swap_id), ShiftSwap.requester == actor.id,
                      ShiftSwap.status == PENDING).execute())
        if won != 1:
            raise ConflictError("这个换班申请已处理或不是你的。",
                                "This swap was already decided, or is not yours.")
        audit.record(actor, "withdraw", "swap", swap_id, {})
    return _line(ShiftSwap.get_by_id(swap_id))


def register(*, actor, year: int, month: int, lang: str | None = None) -> list[SwapLine]:
    """The swap register (换班登记表) of a month: every swap, oldest first; a staff member
    sees the swaps they are part of."""
    from frontdesk.staffing.fines import month_range

    manager = allowed(actor, Perm.MANAGE_ROSTER)
    if not manager:
        require(actor, Perm.REQUEST_ROSTER)
    first, nxt = month_range(year, month)
    return month_lines(first, nxt, lang, staff_id=None if manager else actor.id)


def listing(*, actor, first: dt.date, last: dt.date, lang: str | None = None) -> list[SwapLine]:
    """Swaps whose day is in [first, last], oldest first, as the swaps tab lists them (a
    month back to three ahead, like leave: a swap asked for next month is decided now); a
    staff member sees the swaps they are part of."""
    manager = allowed(actor, Perm.MANAGE_ROSTER)
    if not manager:
        require(actor, Perm.REQUEST_ROSTER)
    first, last = picked_day(first, "first"), picked_day(last, "last")
    return month_lines(first, last + dt.timedelta(days=1), lang,
                       staff_id=None if manager else actor.id)


def month_lines(first: dt.date, nxt: dt.date, lang: str | None = None,
                staff_id: int | None = None) -> list[SwapLine]:
    """Swaps of [first, nxt) (the caller checked access)."""
    query = (ShiftSwap.select().where(ShiftSwap.requester_date >= first,
                                      ShiftSwap.requester_date < nxt)
             .order_by(ShiftSwap.requester_date, ShiftSwap.id))
    if staff_id is not None:
        query = query.where((ShiftSwap.requester == staff_id) | (ShiftSwap.partner == staff_id))
    return [_line(s, lang) for s in query]


def pending(*, actor, lang: str | None = None) -> list[SwapLine]:
    require(actor, Perm.MANAGE_ROSTER)
    return [_line(s, lang) for s in ShiftSwap.select().where(ShiftSwap.status == PENDING)
            .order_by(ShiftSwap.requested_at, ShiftSwap.id)]


def counts(first: dt.date, nxt: dt.date) -> dict[int, int]:
    """Approved swaps per staff member (either side) in [first, nxt)."""
    out: dict[int, int] = {}
    for col in (ShiftSwap.requester, ShiftSwap.partner):
        for sid, n in (ShiftSwap.select(col, fn.COUNT(ShiftSwap.id))
                       .where(ShiftSwap.status == APPROVED, ShiftSwap.requester_date >= first,
                              ShiftSwap.requester_date < nxt).group_by(col).tuples()):
            out[sid] = out.get(sid, 0) + n
    return out


def shifts_of(staff_id, day: dt.date, lang: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of the shifts `staff_id` works on `day` (for the swap form)."""
    rows = (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
            .where(ShiftAssignment.staff == lookup_id(staff_id), ShiftAssignment.date == day)
            .order_by(Shift.start))
    return [(a.shift.code, localized(a.shift, "name", lang)) for a in rows]
