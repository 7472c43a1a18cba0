"""Sign-in (签到) at the start of a shift, lateness fines and today's roster.

The house rules (000 第3篇 四 1) forbid signing in for someone else (严禁他人代签):
the staff member's own PIN is the proof, so `sign_in` takes the PIN, never a
supervisor's word. Lateness fines follow 第3篇 五 8: 10 yuan, and from the
second time in a calendar month 20 yuan each; months do not carry over. The
amounts and the "from the n-th time" count come from the `rules.lateness`
setting (loaded from resources/rules/grooming.toml), so an admin can change them.

A waived lateness fine does not count towards the monthly repeat: a waiver
means the supervisor accepted the reason (a blocked road, an approved errand),
so the lateness is not held against the staff member later in the month.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from frontdesk import accounts, audit, clock, settings
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Fine,
    FineKind,
    GroomingCheck,
    Shift,
    ShiftAssignment,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import localized
from frontdesk.permissions import Perm, require
from frontdesk.staffing.roster import lock_staff

# Used when the setting is empty (a database created before the rules were loaded).
DEFAULT_LATENESS = {"fine_fen": 1000, "repeat_fine_fen": 2000, "repeat_from": 2,
                    "grace_minutes": 0}


# --- PIN proof -------------------------------------------------------------------


def prove_pin(staff: Staff, pin: str | None, *, field: str = "pin") -> None:
    """Raise a FrontdeskError unless `pin` is `staff`'s own PIN.

    Used wherever the person themself must confirm (sign-in, acknowledging a
    grooming check): a supervisor's log-in is not proof of someone else's
    presence. The check goes through accounts.verify_pin, so wrong PINs count
    towards the account's lock-out and a colleague's PIN cannot be guessed here.
    """
    pin = pin.strip() if isinstance(pin, str) else ""
    if not pin:
        raise ValidationError(f"请 {staff.display_name} 本人输入 PIN。",
                              f"{staff.display_name} must enter their own PIN.", field=field)
    if not staff.pin_hash:
        raise ValidationError(
            f"{staff.display_name} 还没有设置 PIN，请管理员先设置。",
            f"{staff.display_name} has no PIN yet; ask an administrator to set one.", field=field)
    if not staff.active:
        raise ValidationError(f"{staff.display_name} 的账号已停用。",
                              f"{staff.display_name}'s account is deactivated.", field=field)
    accounts.check_pin_entry(pin, field=field)
    try:
        accounts.verify_pin(staff, pin)
    except accounts.LockedOut:
        raise
    except ValidationError as exc:  # format and activity were checked above: a wrong PIN
        raise ValidationError(
            f"PIN 不正确。请 {staff.display_name} 本人重新输入（严禁他人代签）。",
            f"Wrong PIN. {staff.display_name} must enter their own PIN again "
            f"(no one signs for someone else).", field=field) from exc


# --- Lateness rule ---------------------------------------------------------------


@dataclass(frozen=True)
class LatenessRule:
    fine_fen: int
    repeat_fine_fen: int
    repeat_from: int  # the n-th lateness in a month (counting this one) costs repeat_fine_fen
    grace_minutes: int

    def as_dict(self) -> dict:
        return {"fine_fen": self.fine_fen, "repeat_fine_fen": self.repeat_fine_fen,
                "repeat_from": self.repeat_from, "grace_minutes": self.grace_minutes}

    def fine_for(self, occurrence: int) -> int:
        """The fine for the `occurrence`-th lateness of a month (1-based)."""
        return self.repeat_fine_fen if occurrence >= self.repeat_from else self.fine_fen


def lateness_rule() -> LatenessRule:
    stored = settings.get("rules.lateness") or {}
    merged = {**DEFAULT_LATENESS, **stored}
    with settings.reading_rule("rules.lateness"):
        return LatenessRule(int(merged["fine_fen"]), int(merged["repeat_fine_fen"]),
                            max(1, int(merged["repeat_from"])),
                            max(0, int(merged["grace_minutes"])))


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """First day of `day`'s month and first day of the next month."""
    first = day.replace(day=1)
    nxt = (first.replace(year=first.year + 1, month=1) if first.month == 12
           else first.replace(month=first.month + 1))
    return first, nxt


def shift_start(shift: Shift, day: dt.date) -> dt.datetime:
    hours, minutes = (int(p) for p in shift.start.split(":"))
    return dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(hours=hours, minutes=minutes)


def minutes_late(shift: Shift, day: dt.date, signed_at: dt.datetime) -> int:
    """Whole minutes after the shift's start (0 when on time or early)."""
    seconds = (signed_at - shift_start(shift, day)).total_seconds()
    return max(0, int(seconds // 60))


def late_count_in_month(staff: Staff, day: dt.date) -> int:
    """Lateness fines of `staff` in `day`'s calendar month that still stand (not waived)."""
    first, nxt = month_bounds(day)
    return (Fine.select()
            .where(Fine.staff == staff, Fine.kind == FineKind.LATE, Fine.date >= first,
                   Fine.date < nxt, Fine.waived_at.is_null())
            .count())


# --- Sign-in ---------------------------------------------------------------------


@dataclass(frozen=True)
class SignInResult:
    sign_in: SignIn
    minutes_late: int
    fine: Fine | None
    on_roster: bool


def assigned_shifts(staff: Staff, day: dt.date) -> list[Shift]:
    rows = (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
            .where(ShiftAssignment.staff == staff, ShiftAssignment.date == day)
            .order_by(Shift.start))
    return [row.shift for row in rows]


def _get_staff(staff_or_id) -> Staff:
    if isinstance(staff_or_id, Staff):
        return staff_or_id
    staff = Staff.get_or_none(Staff.id == staff_or_id)
    if staff is None:
        raise NotFound("找不到该员工。", "No such staff member.")
    return staff


@changes(Changed.GROOMING)
def sign_in(*, staff, pin: str, at: dt.datetime | None = None,
            shift: Shift | None = None) -> SignInResult:
    """Sign `staff` in with their own PIN; a late arrival is fined in the same transaction.

    Without `shift`, the shift the staff member is rostered on today is used
    (the earliest not yet signed in). Someone covering a swapped shift passes it
    explicitly; that sign-in is marked as off the roster in the audit trail.
    """
    staff = _get_staff(staff)
    require(staff, Perm.SIGN_IN)
    prove_pin(staff, pin)
    at = (at or clock.now()).replace(microsecond=0)
    day = at.date()
    with database_proxy.atomic():
        # Swap/leave approvals check "not signed in" then move the row under this lock.
        lock_staff(staff.id)
        rostered = assigned_shifts(staff, day)
        if shift is None:
            pending = [s for s in rostered if not _signed(staff, s, day)]
            if not rostered:
                raise ValidationError(
                    f"{staff.display_name} 今天没有排班。如是调班，请选择所上的班次。",
                    f"{staff.display_name} is not on today's roster. If covering a swap, "
                    "choose the shift being worked.", field="shift")
            if not pending:
                raise ConflictError(*_already_text(staff, rostered[0], day))
            shift = pending[0]
        if _signed(staff, shift, day):
            raise ConflictError(*_already_text(staff, shift, day))

        late = minutes_late(shift, day, at)
        rule = lateness_rule()
        row = SignIn.create(staff=staff, shift=shift, date=day, signed_at=at, minutes_late=late)
        fine = None
        if late > rule.grace_minutes:
            occurrence = late_count_in_month(staff, day) + 1
            amount = rule.fine_for(occurrence)
            fine = Fine.create(
                staff=staff, kind=FineKind.LATE, amount_fen=amount, date=day, sign_in=row,
                reason_zh=f"迟到 {late} 分钟（{localized(shift, 'name', 'zh_CN')}，本月第 {occurrence} 次）",
                reason_en=f"Late by {late} min ({localized(shift, 'name', 'en')}, "
                          f"time {occurrence} this month)",
                rule_snapshot=json.dumps({**rule.as_dict(), "occurrence": occurrence,
                                          "minutes_late": late}),
                created_by=staff, created_at=at,
            )
        audit.record(staff, "create", "sign_in", row.id,
                     {"shift": shift.code, "date": day.isoformat(), "minutes_late": late,
                      "on_roster": shift in rostered,
                      "fine_fen": fine.amount_fen if fine else 0})
    return SignInResult(row, late, fine, shift in rostered)


@changes(Changed.GROOMING)
def record_early_leave(*, actor, staff, shift: Shift, left_at: dt.datetime) -> Fine | None:
    """A supervisor records that `staff` left `shift` early (早退); fined like a lateness.

    The rules fine 迟到/早退 together (第3篇 五 8), so an early leave counts
    towards the same monthly "second time" as late arrivals.
    """
    require(actor, Perm.GROOMING_CHECK)
    staff = _get_staff(staff)
    if staff.id == actor.id:
        raise ValidationError("不能给自己记录早退，请由另一位主管记录。",
                              "You cannot record your own early leave.", field="staff")
    left_at = left_at.replace(microsecond=0)
    day = left_at.date()
    hours, minutes = (int(p) for p in shift.end.split(":"))
    end = dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(hours=hours, minutes=minutes)
    early = max(0, int((end - left_at).total_seconds() // 60))
    rule = lateness_rule()
    if early <= rule.grace_minutes:
        raise ValidationError(
            f"{left_at:%H:%M} 不早于下班时间 {shift.end}（宽限 {rule.grace_minutes} 分钟），不算早退。",
            f"{left_at:%H:%M} is not before the shift end {shift.end} "
            f"(grace {rule.grace_minutes} min): not an early leave.", field="left_at")
    with database_proxy.atomic():
        lock_staff(staff.id)  # a sign-in counts the month's lateness under it too
        occurrence = late_count_in_month(staff, day) + 1
        fine = Fine.create(
            staff=staff, kind=FineKind.LATE, amount_fen=rule.fine_for(occurrence), date=day,
            reason_zh=f"早退 {early} 分钟（{localized(shift, 'name', 'zh_CN')}，本月第 {occurrence} 次）",
            reason_en=f"Left {early} min early ({localized(shift, 'name', 'en')}, "
                      f"time {occurrence} this month)",
            rule_snapshot=json.dumps({**rule.as_dict(), "occurrence": occurrence,
                                      "minutes_early": early}),
            created_by=actor, created_at=left_at)
        audit.record(actor, "create", "fine", fine.id,
                     {"kind": "early_leave", "staff": staff.id, "minutes_early": early,
                      "fine_fen": fine.amount_fen})
    return fine


def _signed(staff: Staff, shift: Shift, day: dt.date) -> SignIn | None:
    return SignIn.get_or_none(SignIn.staff == staff, SignIn.shift == shift, SignIn.date == day)


def _already_text(staff: Staff, shift: Shift, day: dt.date) -> tuple[str, str]:
    row = _signed(staff, shift, day)
    when = row.signed_at.strftime("%H:%M") if row else ""
    return (f"{staff.display_name} 已于 {when} 签到，无需重复签到。",
            f"{staff.display_name} already signed in at {when}.")


# --- Roster ----------------------------------------------------------------------

CHECK_NONE, CHECK_PASSED, CHECK_FAILED = "none", "passed", "failed"


@dataclass(frozen=True)
class RosterEntry:
    staff_id: int
    name: str
    role: str
    shift_id: int
    shift_code: str
    shift_name: str
    shift_start: str
    signed_at: dt.datetime | None
    minutes_late: int
    check_id: int | None  # the latest check this shift
    check_status: str  # CHECK_NONE / CHECK_PASSED / CHECK_FAILED
    check_fine_fen: int
    acknowledged: bool


def roster(*, actor, day: dt.date, shift_code: str | None = None) -> list[RosterEntry]:
    """Everyone rostered on `day` (optionally one shift), with sign-in and check status."""
    require(actor, Perm.GROOMING_CHECK)
    query = (ShiftAssignment.select(ShiftAssignment, Staff, Shift)
             .join(Staff).switch(ShiftAssignment).join(Shift)
             .where(ShiftAssignment.date == day, Staff.active == True)  # noqa: E712
             .order_by(Shift.start, Shift.code, Staff.display_name))
    if shift_code:
        query = query.where(Shift.code == shift_code)
    signs = {(s.staff_id, s.shift_id): s for s in SignIn.select().where(SignIn.date == day)}
    checks: dict[tuple[int, int | None], GroomingCheck] = {}
    for check in (GroomingCheck.select().where(GroomingCheck.date == day)
                  .order_by(GroomingCheck.checked_at, GroomingCheck.id)):
        checks[(check.staff_id, check.shift_id)] = check  # the latest wins
    out = []
    for row in query:
        sign = signs.get((row.staff_id, row.shift_id))
        check = checks.get((row.staff_id, row.shift_id))
        status, fine_fen = CHECK_NONE, 0
        if check is not None:
            failed = [r for r in check.results if not r.passed]
            status = CHECK_FAILED if failed else CHECK_PASSED
            fine_fen = sum(f.amount_fen for f in Fine.select().where(
                Fine.grooming_check == check, Fine.waived_at.is_null()))
        out.append(RosterEntry(
            staff_id=row.staff_id, name=row.staff.display_name, role=row.staff.role,
            shift_id=row.shift_id, shift_code=row.shift.code,
            shift_name=localized(row.shift, "name"), shift_start=row.shift.start,
            signed_at=sign.signed_at if sign else None,
            minutes_late=sign.minutes_late if sign else 0,
            check_id=check.id if check else None, check_status=status,
            check_fine_fen=fine_fen,
            acknowledged=bool(check and check.acknowledged_at),
        ))
    return out


@dataclass(frozen=True)
class SignInCandidate:
    staff_id: int
    name: str
    shift_code: str
    shift_name: str
    signed_at: dt.datetime | None


def sign_in_candidates(*, actor, day: dt.date) -> list[SignInCandidate]:
    """Names on `day`'s roster for the sign-in panel (no fines, nothing private)."""
    require(actor, Perm.SIGN_IN)
    rows = (ShiftAssignment.select(ShiftAssignment, Staff, Shift)
            .join(Staff).switch(ShiftAssignment).join(Shift)
            .where(ShiftAssignment.date == day, Staff.active == True)  # noqa: E712
            .order_by(Shift.start, Staff.display_name))
    signs = {(s.staff_id, s.shift_id): s for s in SignIn.select().where(SignIn.date == day)}
    return [SignInCandidate(r.staff_id, r.staff.display_name, r.shift.code,
                            localized(r.shift, "name"),
                            signs[(r.staff_id, r.shift_id)].signed_at
                            if (r.staff_id, r.shift_id) in signs else None)
            for r in rows]


def signable_staff(*, actor) -> list[tuple[int, str]]:
    """All active staff who may sign in (for covering a swap), as (id, name)."""
    require(actor, Perm.SIGN_IN)
    return [(s.id, s.display_name) for s in
            Staff.select().where(Staff.active == True).order_by(Staff.display_name)  # noqa: E712
            if Perm.SIGN_IN in _perms(s)]


def _perms(staff: Staff):
    from frontdesk.permissions import ROLE_PERMISSIONS

    return ROLE_PERMISSIONS.get(staff.role, frozenset())


def shifts() -> list[Shift]:
    """Active shift patterns, earliest start first."""
    return list(Shift.select().where(Shift.active == True).order_by(Shift.start, Shift.code))  # noqa: E712


def late_arrivals(staff: Staff, day: dt.date) -> list[SignIn]:
    """Sign-ins of `staff` in `day`'s month judged late when made (fined, waived or not)."""
    first, nxt = month_bounds(day)
    fined = Fine.select(Fine.sign_in).where(Fine.kind == FineKind.LATE, Fine.sign_in.is_null(False))
    return list(SignIn.select().where(SignIn.staff == staff, SignIn.date >= first,
                                      SignIn.date < nxt, SignIn.id.in_(fined))
                .order_by(SignIn.signed_at))
