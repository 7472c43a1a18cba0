"""The week roster (排班): staff × days, the rules' shift patterns, rest days and leave.

The roster is ShiftAssignment rows (one per staff, day and shift) plus RestDay
rows for the weekly rest day (每周轮休一天, 000 第2篇 六 1). Sign-in, lateness
and the grooming check read ShiftAssignment, so whatever the supervisor sets
here is what they see. A seasonal shift (summer/winter office hours) is offered
only on the days of its season; two shifts of one person on one day may not
overlap; an approved leave day takes no shift. A shift that ends at or before its
start (a night shift, 20:00–08:00) runs past midnight into the next day (`span`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from frontdesk import audit
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    LeaveRequest,
    RestDay,
    Role,
    Shift,
    ShiftAssignment,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.db.transaction import take_turn
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import Msg, localized
from frontdesk.permissions import Perm, require
from frontdesk.staffing import staffing_rules
from frontdesk.validation import lookup_code, lookup_id, picked_day

REST = "rest"
STAFF_LOCK_CLASS = 0x46440011  # advisory lock namespace ("FD" 17): one person's swaps/leave
DAYS = 7
WEEKDAY_NAMES = (Msg("周一", "Mon"), Msg("周二", "Tue"), Msg("周三", "Wed"), Msg("周四", "Thu"),
                 Msg("周五", "Fri"), Msg("周六", "Sat"), Msg("周日", "Sun"))


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def minutes(hhmm: str) -> int:
    hours, mins = (int(p) for p in hhmm.split(":"))
    return hours * 60 + mins


def span(shift: Shift, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """When `shift` worked on `day` starts and ends: one that ends at or before its start
    ends the next day (a night shift, 20:00–08:00); an end of "24:00" is that midnight."""
    midnight = dt.datetime.combine(day, dt.time())
    start = midnight + dt.timedelta(minutes=minutes(shift.start))
    end = midnight + dt.timedelta(minutes=minutes(shift.end))
    return start, end if end > start else end + dt.timedelta(days=1)


def overlaps(a: Shift, b: Shift, b_day: int = 0) -> bool:
    """Whether `a` and `b` share working time, both on one day or `b` worked `b_day` days
    after `a` (a night shift's hours after midnight are the next day's)."""
    day = dt.date(2000, 1, 3)  # any day: only the difference matters
    (a_start, a_end), (b_start, b_end) = span(a, day), span(b, day + dt.timedelta(days=b_day))
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True)
class ShiftChoice:
    code: str
    key: str  # the letter that picks it in the grid
    name: str
    short: str  # what a grid cell shows
    start: str
    end: str
    seasonal: bool


@dataclass(frozen=True)
class Cell:
    shifts: tuple[str, ...] = ()
    rest: bool = False
    leave: str = ""  # the leave type's name, when on leave that day
    leave_pending: bool = False
    signed: bool = False


@dataclass
class Week:
    monday: dt.date
    staff: list[tuple[int, str, str]]  # (id, name, role)
    cells: dict[tuple[int, dt.date], Cell]
    choices: list[ShiftChoice]
    warnings: list[Msg] = field(default_factory=list)

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=i) for i in range(DAYS)]

    def cell(self, staff_id: int, day: dt.date) -> Cell:
        return self.cells.get((staff_id, day), Cell())


def _short(code: str, name: str) -> str:
    return name.split(" ")[0] if " " in name else code


def choices(lang: str | None = None) -> list[ShiftChoice]:
    """Active shift patterns with the key that picks each (its first free letter)."""
    seasonal = staffing_rules.current().seasonal_codes()
    used = {"R"}  # R is the rest day
    out = []
    for s in Shift.select().where(Shift.active == True).order_by(Shift.start, Shift.code):  # noqa: E712
        key = next((c.upper() for c in s.code if c.isalpha() and c.upper() not in used), "")
        if not key:
            key = next(str(d) for d in range(1, 10) if str(d) not in used)
        used.add(key)
        name = localized(s, "name", lang)
        out.append(ShiftChoice(s.code, key, name, _short(s.code, name), s.start, s.end,
                               s.code in seasonal))
    return out


def rostered_staff() -> list[Staff]:
    """Who is on the roster: active staff other than administrators, by name."""
    return list(Staff.select().where(Staff.active == True, Staff.role != Role.ADMIN)  # noqa: E712
                .order_by(Staff.display_name, Staff.id))


def leave_by_day(first: dt.date, last: dt.date) -> dict[tuple[int, dt.date], LeaveRequest]:
    """Pending and approved leave over [first, last], by (staff, day)."""
    out: dict[tuple[int, dt.date], LeaveRequest] = {}
    rows = LeaveRequest.select().where(LeaveRequest.status.in_(("pending", "approved")),
                                       LeaveRequest.start <= last, LeaveRequest.end >= first)
    for leave in rows:
        day = max(leave.start, first)
        while day <= min(leave.end, last):
            if (leave.staff_id, day) not in out or leave.status == "approved":
                out[(leave.staff_id, day)] = leave
            day += dt.timedelta(days=1)
    return out


def week(*, actor, monday: dt.date, lang: str | None = None) -> Week:
    """The week starting `monday` (any day is moved back to its Monday)."""
    require(actor, Perm.MANAGE_ROSTER)
    monday = monday_of(picked_day(monday, "monday"))
    last = monday + dt.timedelta(days=DAYS - 1)
    staff = rostered_staff()
    cells: dict[tuple[int, dt.date], dict] = {}
    for a in (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
              .where(ShiftAssignment.date.between(monday, last)).order_by(Shift.start)):
        cells.setdefault((a.staff_id, a.date), {"shifts": []})["shifts"].append(a.shift.code)
    for r in RestDay.select().where(RestDay.date.between(monday, last)):
        cells.setdefault((r.staff_id, r.date), {"shifts": []})["rest"] = True
    for (sid, day), leave in leave_by_day(monday, last).items():
        c = cells.setdefault((sid, day), {"shifts": []})
        c["leave"] = Msg(leave.kind_zh, leave.kind_en).text(lang)
        c["leave_pending"] = leave.status == "pending"
    rules = staffing_rules.current()
    for s in SignIn.select(SignIn.staff, SignIn.date).where(SignIn.date.between(monday, last)):
        cells.setdefault((s.staff_id, s.date), {"shifts": []})["signed"] = True
    out = Week(monday, [(s.id, s.display_name, s.role) for s in staff],
               {k: Cell(tuple(v["shifts"]), v.get("rest", False), v.get("leave", ""),
                        v.get("leave_pending", False), v.get("signed", False))
                for k, v in cells.items()},
               [c for c in choices(lang) if not c.seasonal  # this week's season only
                or any(rules.shift_fits(c.code, d) for d in
                       (monday + dt.timedelta(days=i) for i in range(DAYS)))])
    need = rules.rest_days_per_week
    for sid, name, _role in out.staff:
        rests = sum(1 for d in out.days if out.cell(sid, d).rest or out.cell(sid, d).leave)
        if rests < need:
            out.warnings.append(Msg(f"{name} 本周没有轮休日（每周轮休 {need} 天）。",
                                    f"{name} has no rest day this week ({need} a week)."))
    return out


def lock_staff(*staff_ids: int) -> None:
    """Inside a write transaction: take turns with other desks writing for these people.

    Checks that count one person's rows (swaps this month, overlapping leave) and then
    insert one must not interleave. SQLite's BEGIN IMMEDIATE serialises every writer
    already; on PostgreSQL a transaction advisory lock per person does (ids in order,
    so two desks locking the same pair cannot deadlock).
    """
    for staff_id in sorted(set(staff_ids)):  # always in one order: no deadlock
        take_turn(STAFF_LOCK_CLASS, staff_id)


def _staff(staff_id) -> Staff:
    staff = Staff.get_or_none(Staff.id == lookup_id(staff_id))
    if staff is None or not staff.active or staff.role == Role.ADMIN:
        raise NotFound("找不到该员工（或不在排班范围）。", "No such staff member on the roster.")
    return staff


def check_shifts(codes, day: dt.date) -> list[Shift]:
    """The shifts named by `codes` for `day`: active, in season, not overlapping each other."""
    if codes is None:
        codes = ()
    if (not isinstance(codes, list | tuple)
            or not all(isinstance(c, str) and c == lookup_code(c) for c in codes)):
        raise ValidationError("请选择班次。", "Choose the shifts.", field="shift")
    rules = staffing_rules.current()
    out: list[Shift] = []
    for code in dict.fromkeys(codes):
        shift = Shift.get_or_none(Shift.code == code, Shift.active == True)  # noqa: E712
        if shift is None:
            raise ValidationError(f"没有“{code}”这个班次。", f"There is no shift '{code}'.",
                                  field="shift")
        if not rules.shift_fits(code, day):
            raise ValidationError(
                f"{localized(shift, 'name', 'zh_CN')} 不适用于 {day:%m-%d} 所在的季节。",
                f"{localized(shift, 'name', 'en')} is not the hours of {day:%m-%d}'s season.",
                field="shift")
        for other in out:
            if overlaps(shift, other):
                raise ValidationError(
                    f"班次重叠：{other.code} {other.start}–{other.end} 与 "
                    f"{shift.code} {shift.start}–{shift.end}。",
                    f"Shifts overlap: {other.code} {other.start}–{other.end} and "
                    f"{shift.code} {shift.start}–{shift.end}.", field="shift")
        out.append(shift)
    return out


def _approved_leave(staff: Staff, day: dt.date) -> LeaveRequest | None:
    return LeaveRequest.get_or_none(LeaveRequest.staff == staff, LeaveRequest.status == "approved",
                                    LeaveRequest.start <= day, LeaveRequest.end >= day)


def _write_day(staff: Staff, day: dt.date, shifts: list[Shift], rest: bool) -> None:
    """Make the day's rows exactly `shifts` (+ rest); a shift already signed in stays."""
    keep = {s.id for s in shifts}
    signed = {s.shift_id for s in SignIn.select().where(SignIn.staff == staff, SignIn.date == day)}
    gone = [a for a in ShiftAssignment.select().where(ShiftAssignment.staff == staff,
                                                       ShiftAssignment.date == day)
            if a.shift_id not in keep]
    for a in gone:
        if a.shift_id in signed:
            raise ValidationError(
                f"{staff.display_name} 已在 {day:%m-%d} 签到该班次，不能撤下。",
                f"{staff.display_name} already signed in for that shift on {day:%m-%d}; "
                "it cannot be taken off.", field="shift")
        a.delete_instance()
    have = {a.shift_id for a in ShiftAssignment.select().where(ShiftAssignment.staff == staff,
                                                                ShiftAssignment.date == day)}
    for s in shifts:
        if s.id not in have:
            ShiftAssignment.insert(staff=staff, shift=s, date=day).on_conflict_ignore().execute()
    if rest:
        RestDay.insert(staff=staff, date=day).on_conflict_ignore().execute()
    else:
        RestDay.delete().where(RestDay.staff == staff, RestDay.date == day).execute()


def _overlap_next_door(staff: Staff, day: dt.date,
                       wanted: list[Shift]) -> tuple[Shift, ShiftAssignment] | None:
    """The first of `wanted` (worked on `day`) that overlaps a shift of the day before or
    after, with that day's row; None when none does. A night shift runs into the next day
    (check_shifts compares one day's shifts among themselves)."""
    if not wanted:
        return None
    for row in (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
                .where(ShiftAssignment.staff == staff,
                       ShiftAssignment.date.in_((day - dt.timedelta(days=1),
                                                 day + dt.timedelta(days=1))))
                .order_by(ShiftAssignment.date, Shift.start)):
        for shift in wanted:
            if overlaps(shift, row.shift, (row.date - day).days):
                return shift, row
    return None


def _no_overlap_next_door(staff: Staff, day: dt.date, wanted: list[Shift]) -> None:
    """Refuse `wanted` on `day` when one overlaps the day before's or after's shifts."""
    found = _overlap_next_door(staff, day, wanted)
    if found is None:
        return
    shift, row = found
    other = row.shift
    raise ValidationError(
        f"班次重叠：{row.date:%m-%d} 的 {other.code} {other.start}–{other.end} 与 "
        f"{day:%m-%d} 的 {shift.code} {shift.start}–{shift.end}。",
        f"Shifts overlap: {other.code} {other.start}–{other.end} on "
        f"{row.date:%m-%d} and {shift.code} {shift.start}–{shift.end} on "
        f"{day:%m-%d}.", field="shift")


@changes(Changed.ROSTER)
def set_day(*, actor, staff_id, day: dt.date, shifts=(), rest: bool = False) -> Cell:
    """Set one staff member's day: the shifts worked (codes), or the rest day, or nothing."""
    require(actor, Perm.MANAGE_ROSTER)
    day = picked_day(day, "day")
    staff = _staff(staff_id)
    if rest and shifts:
        raise ValidationError("轮休日不能同时排班。", "A rest day has no shift.", field="shift")
    wanted = check_shifts(shifts, day)
    with database_proxy.atomic():
        lock_staff(staff.id)  # a swap approval checks then moves this person's rows under it
        if wanted and _approved_leave(staff, day):
            raise ValidationError(f"{staff.display_name} 在 {day:%m-%d} 已批准请假，不能排班。",
                                  f"{staff.display_name} is on approved leave on {day:%m-%d}.",
                                  field="shift")
        _no_overlap_next_door(staff, day, wanted)
        _write_day(staff, day, wanted, rest)
        audit.record(actor, "update", "roster", f"{staff.id}:{day.isoformat()}",
                     {"shifts": [s.code for s in wanted], "rest": rest})
    return Cell(tuple(s.code for s in wanted), rest)


@changes(Changed.ROSTER)
def assign(*, actor, staff_id, day: dt.date, shift_code: str) -> Cell:
    """Add one shift to a day that may hold others (refused if it overlaps one of them)."""
    require(actor, Perm.MANAGE_ROSTER)
    staff = _staff(staff_id)
    have = [a.shift.code for a in ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
            .where(ShiftAssignment.staff == staff, ShiftAssignment.date == day)]
    return set_day(actor=actor, staff_id=staff.id, day=day, shifts=[*have, shift_code])


@dataclass(frozen=True)
class Copied:
    """What copy_last_week did: the days it filled, and the shifts it left out because
    they would overlap the same person's shift the day before or after (a night shift
    running past midnight), each said in both languages."""

    filled: int
    skipped: tuple[Msg, ...] = ()


def _skipped_overlap(staff: Staff, day: dt.date, shift: Shift, row: ShiftAssignment) -> Msg:
    other = row.shift
    return Msg(f"{staff.display_name} {day:%m-%d} 的 {shift.code} {shift.start}–{shift.end} "
               f"与 {row.date:%m-%d} 的 {other.code} {other.start}–{other.end} 重叠，未复制。",
               f"{staff.display_name}: {shift.code} {shift.start}–{shift.end} on "
               f"{day:%m-%d} overlaps {other.code} {other.start}–{other.end} on "
               f"{row.date:%m-%d}; not copied.")


@changes(Changed.ROSTER)
def copy_last_week(*, actor, monday: dt.date) -> Copied:
    """Copy the week before `monday` into its week, where a day is still empty.

    A seasonal shift whose season ended is not copied; nor is anything onto an
    approved leave day; nor a shift that would overlap the same person's shift the
    day before or after (as set_day refuses: a night shift runs past midnight), whether
    that day is in this week, the Sunday before it or the Monday after. Returns the
    number of days filled and what was left out for an overlap.
    """
    require(actor, Perm.MANAGE_ROSTER)
    monday = monday_of(picked_day(monday, "monday"))
    source = monday - dt.timedelta(days=DAYS)
    rules = staffing_rules.current()
    staff = {s.id: s for s in rostered_staff()}
    plan: dict[tuple[int, dt.date], dict] = {}
    for a in (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
              .where(ShiftAssignment.date.between(source, monday - dt.timedelta(days=1)))
              .order_by(Shift.start)):
        plan.setdefault((a.staff_id, a.date), {"shifts": [], "rest": False})["shifts"].append(
            a.shift)
    for r in RestDay.select().where(RestDay.date.between(source, monday - dt.timedelta(days=1))):
        plan.setdefault((r.staff_id, r.date), {"shifts": [], "rest": False})["rest"] = True
    filled = 0
    skipped: list[Msg] = []
    with database_proxy.atomic():
        lock_staff(*staff)  # a swap approved meanwhile would fill a day we read as empty
        taken = {(a.staff_id, a.date) for a in ShiftAssignment.select().where(
            ShiftAssignment.date.between(monday, monday + dt.timedelta(days=DAYS - 1)))}
        taken |= {(r.staff_id, r.date) for r in RestDay.select().where(
            RestDay.date.between(monday, monday + dt.timedelta(days=DAYS - 1)))}
        leave = {k for k, v in leave_by_day(monday, monday + dt.timedelta(days=DAYS - 1)).items()
                 if v.status == "approved"}
        for (sid, day), what in sorted(plan.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            target = day + dt.timedelta(days=DAYS)
            if sid not in staff or (sid, target) in taken or (sid, target) in leave:
                continue
            shifts = [s for s in what["shifts"] if rules.shift_fits(s.code, target)]
            # Days are copied in order, so a day filled by this copy is a neighbour too.
            while (found := _overlap_next_door(staff[sid], target, shifts)) is not None:
                shift, row = found
                skipped.append(_skipped_overlap(staff[sid], target, shift, row))
                shifts.remove(shift)
            if not shifts and not what["rest"]:
                continue
            _write_day(staff[sid], target, shifts, what["rest"] and not shifts)
            filled += 1
        detail: dict = {"copied_from": source.isoformat(), "days": filled}
        if skipped:
            detail["skipped"] = [m.en for m in skipped]
        audit.record(actor, "update", "roster", monday.isoformat(), detail)
    return Copied(filled, tuple(skipped))


def on_shift(day: dt.date) -> list[tuple[str, str]]:
    """(name, shift code) of everyone rostered on `day` — for tests and the command line."""
    return [(a.staff.display_name, a.shift.code) for a in
            ShiftAssignment.select(ShiftAssignment, Staff, Shift).join(Staff)
            .switch(ShiftAssignment).join(Shift).where(ShiftAssignment.date == day)
            .order_by(Shift.start, Staff.display_name)]
