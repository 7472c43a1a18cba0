"""The supervisor's pre-shift grooming and appearance check (仪容仪表, 衣着, 举止).

House rules 000 第2篇 一 6: the department head checks everyone's appearance
before the shift, each violation costs a fine. A check works on a *snapshot*
of the active items taken when the check is opened and stored on the check,
so neither the record nor its fines change when an admin edits the items later.

Decisions the rules leave open, made here and kept in one place:
- "Corrected on the spot" (发现后及时纠正, 第2篇 一 4) is recorded as a failure
  *with* its correction and is still fined: the rules order the fine and the
  correction on discovery; correcting does not undo the violation.
- A second check of the same person in the same shift is a re-check linked to
  the first (`recheck_of` always names the first check of the shift). An item
  already fined in that shift is not fined again on a re-check (one violation,
  one fine); a new failure is.
- Checking someone who is not on the roster is allowed (a swap, someone called
  in) but needs a written reason, and the check screen shows a warning.
- Nobody checks themself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk import audit, clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Fine,
    FineKind,
    GroomingCheck,
    GroomingItem,
    GroomingResult,
    Shift,
    SignIn,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg, localized, text
from frontdesk.permissions import Perm, allowed, require
from frontdesk.staffing import attendance
from frontdesk.staffing import fines as fines_mod
from frontdesk.staffing.attendance import assigned_shifts, prove_pin
from frontdesk.validation import clean_text, lookup_id

CATEGORY_NAMES: dict[str, Msg] = {
    "appearance": Msg("仪容仪表", "Appearance"),
    "dress": Msg("衣着", "Dress"),
    "manner": Msg("举止", "Manner"),
}
NOTE_MAX = 200
REASON_MAX = 200


def category_name(code: str, lang: str | None = None) -> str:
    return CATEGORY_NAMES.get(code, Msg.same(code)).text(lang)


# --- Items (admin) ---------------------------------------------------------------


def list_items(*, include_inactive: bool = True) -> list[GroomingItem]:
    """Checklist items in checklist order (the admin screen shows inactive ones too)."""
    query = GroomingItem.select().order_by(GroomingItem.sort, GroomingItem.id)
    if not include_inactive:
        query = query.where(GroomingItem.active == True)  # noqa: E712
    return list(query)


def _item_dict(item: GroomingItem) -> dict:
    return {"code": item.code, "category": item.category, "name_zh": item.name_zh,
            "name_en": item.name_en, "fine_fen": item.fine_fen, "sort": item.sort,
            "active": bool(item.active)}


def snapshot_items() -> tuple[dict, ...]:
    """The active items as they are now: what a check stores and fines from."""
    return tuple({k: v for k, v in _item_dict(i).items() if k != "active"}
                 for i in list_items(include_inactive=False))


# --- Opening a check -------------------------------------------------------------


@dataclass(frozen=True)
class ItemOutcome:
    """One item's result on the form; items without an outcome pass."""

    passed: bool = True
    corrected: bool = False  # failed, then corrected on the spot (still fined)
    note: str = ""


@dataclass(frozen=True)
class CheckForm:
    """Everything the check screen needs, fixed when the check is opened."""

    staff_id: int
    staff_name: str
    day: dt.date
    shift_id: int | None
    shift_name: str
    on_roster: bool
    items: tuple[dict, ...]  # the snapshot
    recheck_of: int | None  # the first check of this shift, if there is one
    already_fined: frozenset[str] = field(default_factory=frozenset)
    shift_names: tuple[str, str] = ("", "")  # (zh, en): the screen may change language

    def shift_label(self, lang: str | None = None) -> str:
        """The shift's name in `lang` (the current language by default); '' if none."""
        return text(*self.shift_names, lang) if any(self.shift_names) else self.shift_name

    def warning(self, lang: str | None = None) -> str:
        """What the supervisor must know before checking ('' when nothing)."""
        parts = []
        if not self.on_roster:
            parts.append(text(f"{self.staff_name} 今天不在排班表上：请填写检查原因。",
                              f"{self.staff_name} is not on today's roster: give a reason "
                              "for the check.", lang))
        if self.recheck_of is not None:
            parts.append(text("本班次已检查过，这次记为复查；已罚过的项目不再重复罚款。",
                              "Already checked this shift: this is a re-check; items already "
                              "fined this shift are not fined again.", lang))
        return " ".join(parts)

    def item(self, code: str) -> dict:
        for it in self.items:
            if it["code"] == code:
                return it
        raise ValidationError(f"检查项目 {code} 不在本次检查表中。",
                              f"Item {code} is not on this check's list.", field=f"item:{code}")


def _staff(staff_or_id) -> Staff:
    if isinstance(staff_or_id, Staff):
        return staff_or_id
    row = Staff.get_or_none(Staff.id == staff_or_id)
    if row is None:
        raise NotFound("找不到该员工。", "No such staff member.")
    return row


def _first_check(staff: Staff, day: dt.date, shift: Shift | None) -> GroomingCheck | None:
    shift_cond = GroomingCheck.shift.is_null() if shift is None else GroomingCheck.shift == shift
    return (GroomingCheck.select()
            .where(GroomingCheck.staff == staff, GroomingCheck.date == day, shift_cond,
                   GroomingCheck.recheck_of.is_null())
            .order_by(GroomingCheck.checked_at, GroomingCheck.id).first())


def _fined_codes(first: GroomingCheck | None) -> frozenset[str]:
    if first is None:
        return frozenset()
    chain = GroomingCheck.select(GroomingCheck.id).where(
        (GroomingCheck.id == first.id) | (GroomingCheck.recheck_of == first.id))
    rows = GroomingResult.select(GroomingResult.item_code).where(
        GroomingResult.check.in_(chain), GroomingResult.passed == False,  # noqa: E712
        GroomingResult.fine_fen > 0)
    return frozenset(r.item_code for r in rows)


def open_check(*, actor, staff, day: dt.date | None = None,
               shift: Shift | None = None) -> CheckForm:
    """Start checking `staff`: takes the items snapshot and works out roster and re-check."""
    require(actor, Perm.GROOMING_CHECK)
    staff = _staff(staff)
    if staff.id == actor.id:
        raise ValidationError("不能检查自己，请由另一位主管检查。",
                              "You cannot check yourself; ask another supervisor.",
                              field="staff")
    if not staff.active:
        raise ValidationError(f"{staff.display_name} 已停用。",
                              f"{staff.display_name} is no longer active.", field="staff")
    day = day or clock.today()
    rostered = assigned_shifts(staff, day)
    if shift is None and rostered:
        # The earliest rostered shift not yet checked, else the earliest (a re-check).
        unchecked = [s for s in rostered if _first_check(staff, day, s) is None]
        shift = (unchecked or rostered)[0]
    first = _first_check(staff, day, shift)
    items = snapshot_items()
    if not items:
        raise ValidationError("没有启用的检查项目，请管理员先在规则中设置。",
                              "No checklist items are active; ask an administrator.")
    return CheckForm(
        staff_id=staff.id, staff_name=staff.display_name, day=day,
        shift_id=shift.id if shift else None,
        shift_name=localized(shift, "name") if shift else "",
        on_roster=shift is not None and shift in rostered,
        items=items, recheck_of=first.id if first else None,
        already_fined=_fined_codes(first),
        shift_names=(shift.name_zh, shift.name_en) if shift else ("", ""),
    )


def item_fine(form: CheckForm, code: str, outcome: ItemOutcome,
              already_fined: frozenset[str] | None = None) -> int:
    """The fine (fen) this outcome costs, from the form's snapshot."""
    already = form.already_fined if already_fined is None else already_fined
    if outcome.passed or code in already:
        return 0
    return int(form.item(code)["fine_fen"])


def fine_total(form: CheckForm, outcomes: Mapping[str, ItemOutcome]) -> int:
    """Live total for the check screen: the sum the ledger will receive."""
    return sum(item_fine(form, code, o) for code, o in outcomes.items())


# --- Recording -------------------------------------------------------------------


@changes(Changed.GROOMING)
def record_check(*, actor, form: CheckForm, outcomes: Mapping[str, ItemOutcome],
                 off_shift_reason: str = "", notes: str = "", photo: bytes | None = None,
                 at: dt.datetime | None = None) -> GroomingCheck:
    """Store the check, one result per snapshot item, and its fines — one transaction."""
    require(actor, Perm.GROOMING_CHECK)
    staff = _staff(form.staff_id)
    if staff.id == actor.id:
        raise ValidationError("不能检查自己，请由另一位主管检查。",
                              "You cannot check yourself; ask another supervisor.",
                              field="staff")
    cleaned: dict[str, ItemOutcome] = {}
    for code, outcome in outcomes.items():
        form.item(code)  # unknown code → ValidationError
        if outcome.corrected and outcome.passed:
            raise ValidationError("只有不合格的项目才能标记为“已当场纠正”。",
                                  "Only a failed item can be marked corrected on the spot.",
                                  field=f"item:{code}")
        cleaned[code] = ItemOutcome(outcome.passed, outcome.corrected,
                                    clean_text(outcome.note, f"item:{code}", NOTE_MAX))
    reason = clean_text(off_shift_reason, "off_shift_reason", REASON_MAX)
    if not form.on_roster and not reason:
        raise ValidationError(f"{staff.display_name} 今天不在排班表上，请填写检查原因。",
                              f"{staff.display_name} is not on today's roster: enter the "
                              "reason for this check.", field="off_shift_reason")
    notes = clean_text(notes, "notes", 500)
    at = (at or clock.now()).replace(microsecond=0)
    shift = Shift.get_by_id(form.shift_id) if form.shift_id else None

    with database_proxy.atomic():
        # Worked out again inside the transaction: another desk may have checked meanwhile.
        first = _first_check(staff, form.day, shift)
        already = _fined_codes(first)
        check = GroomingCheck.create(
            staff=staff, supervisor=actor, shift=shift, date=form.day, checked_at=at,
            recheck_of=first, off_shift_reason=reason if not form.on_roster else "",
            items_snapshot=json.dumps(list(form.items), ensure_ascii=False),
            notes=notes, photo=photo,
        )
        fines = []
        for item in form.items:
            outcome = cleaned.get(item["code"], ItemOutcome())
            amount = item_fine(form, item["code"], outcome, already)
            GroomingResult.create(
                check=check, item_code=item["code"], item_name_zh=item["name_zh"],
                item_name_en=item["name_en"], passed=outcome.passed,
                corrected=outcome.corrected, note=outcome.note, fine_fen=amount)
            if amount:
                suffix_zh = "（已当场纠正）" if outcome.corrected else ""
                suffix_en = " (corrected on the spot)" if outcome.corrected else ""
                fines.append(Fine.create(
                    staff=staff, kind=FineKind.GROOMING, amount_fen=amount, date=form.day,
                    reason_zh=f"仪容检查不合格：{item['name_zh']}{suffix_zh}",
                    reason_en=f"Grooming check failed: {item['name_en']}{suffix_en}",
                    grooming_check=check, rule_snapshot=json.dumps(item, ensure_ascii=False),
                    created_by=actor, created_at=at))
        audit.record(actor, "create", "grooming_check", check.id, {
            "staff": staff.id, "date": form.day.isoformat(),
            "shift": shift.code if shift else None, "recheck_of": first.id if first else None,
            "failed": [c for c, o in cleaned.items() if not o.passed],
            "fine_fen": sum(f.amount_fen for f in fines),
            "off_roster": not form.on_roster,
        })
    return check


@changes(Changed.GROOMING)
def acknowledge(*, check_id: int, pin: str, at: dt.datetime | None = None) -> GroomingCheck:
    """The checked staff member confirms the record with their own PIN."""
    check = GroomingCheck.get_or_none(GroomingCheck.id == lookup_id(check_id))
    if check is None:
        raise NotFound("找不到该检查记录。", "No such check record.")
    staff = check.staff
    if check.acknowledged_at is not None:
        raise ConflictError(
            f"{staff.display_name} 已于 {check.acknowledged_at:%H:%M} 确认过这次检查。",
            f"{staff.display_name} already acknowledged this check at "
            f"{check.acknowledged_at:%H:%M}.")
    prove_pin(staff, pin)
    with database_proxy.atomic():
        check.acknowledged_at = (at or clock.now()).replace(microsecond=0)
        check.save()
        audit.record(staff, "update", "grooming_check", check.id, {"acknowledged": True})
    return check


# --- Reading ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResultLine:
    code: str
    category: str
    name_zh: str
    name_en: str
    passed: bool
    corrected: bool
    note: str
    fine_fen: int  # charged by this check (0 when passed or fined earlier this shift)

    def name(self, lang: str | None = None) -> str:
        return text(self.name_zh, self.name_en or self.name_zh, lang)


@dataclass(frozen=True)
class CheckRecord:
    """A recorded check as plain data (for the screen, the A4 record and tests)."""

    id: int
    staff_name: str
    staff_username: str
    supervisor_name: str
    day: dt.date
    checked_at: dt.datetime
    shift_name_zh: str
    shift_name_en: str
    recheck_of: int | None
    off_shift_reason: str
    notes: str
    acknowledged_at: dt.datetime | None
    results: tuple[ResultLine, ...]
    fine_fen: int  # charged by this check
    waived_fen: int  # of which waived since
    signed_at: dt.datetime | None
    minutes_late: int

    @property
    def failures(self) -> tuple[ResultLine, ...]:
        return tuple(r for r in self.results if not r.passed)


def check_record(*, actor, check_id: int) -> CheckRecord:
    """A recorded check, for supervisors (who check) and whoever may view fines (admin)."""
    if not allowed(actor, Perm.VIEW_FINES):
        require(actor, Perm.GROOMING_CHECK)
    check = GroomingCheck.get_or_none(GroomingCheck.id == lookup_id(check_id))
    if check is None:
        raise NotFound("找不到该检查记录。", "No such check record.")
    categories = {i["code"]: i["category"] for i in json.loads(check.items_snapshot or "[]")}
    results = tuple(
        ResultLine(r.item_code, categories.get(r.item_code, ""), r.item_name_zh, r.item_name_en,
                   r.passed, r.corrected, r.note, r.fine_fen)
        for r in check.results.order_by(GroomingResult.id))
    fines = list(Fine.select().where(Fine.grooming_check == check))
    sign = (SignIn.get_or_none(SignIn.staff == check.staff_id, SignIn.date == check.date,
                               SignIn.shift == check.shift_id) if check.shift_id else None)
    shift = check.shift
    return CheckRecord(
        id=check.id, staff_name=check.staff.display_name, staff_username=check.staff.username,
        supervisor_name=check.supervisor.display_name, day=check.date,
        checked_at=check.checked_at,
        shift_name_zh=shift.name_zh if shift else "", shift_name_en=shift.name_en if shift else "",
        recheck_of=check.recheck_of_id, off_shift_reason=check.off_shift_reason,
        notes=check.notes, acknowledged_at=check.acknowledged_at, results=results,
        fine_fen=sum(f.amount_fen for f in fines),
        waived_fen=sum(f.amount_fen for f in fines if f.waived_at is not None),
        signed_at=sign.signed_at if sign else None, minutes_late=sign.minutes_late if sign else 0,
    )


@dataclass(frozen=True)
class ItemCount:
    code: str
    name_zh: str
    name_en: str
    count: int

    def name(self, lang: str | None = None) -> str:
        return text(self.name_zh, self.name_en or self.name_zh, lang)


@dataclass(frozen=True)
class CheckSummary:
    id: int
    day: dt.date
    checked_at: dt.datetime
    supervisor_name: str
    recheck_of: int | None
    failures: int
    fine_fen: int
    acknowledged: bool


@dataclass(frozen=True)
class LateArrival:
    day: dt.date
    signed_at: dt.datetime
    minutes_late: int
    shift_name: str


@dataclass(frozen=True)
class StaffMonth:
    staff_id: int
    staff_name: str
    year: int
    month: int
    checks: tuple[CheckSummary, ...]
    failures_by_item: tuple[ItemCount, ...]
    late: tuple[LateArrival, ...]
    fines: tuple  # tuple[fines.FineLine, ...]
    fines_due_fen: int


def staff_month(*, actor, staff_id: int, year: int, month: int) -> StaffMonth:
    """One staff member's month: checks, failures by item, late arrivals and fines."""
    require(actor, Perm.VIEW_FINES)
    staff = _staff(staff_id)
    first, nxt = fines_mod.month_range(year, month)
    checks = list(GroomingCheck.select().where(
        GroomingCheck.staff == staff, GroomingCheck.date >= first, GroomingCheck.date < nxt)
        .order_by(GroomingCheck.checked_at, GroomingCheck.id))
    summaries, counts = [], {}
    for check in checks:
        failed = [r for r in check.results if not r.passed]
        for r in failed:
            key = r.item_code
            zh, en, n = counts.get(key, (r.item_name_zh, r.item_name_en, 0))
            counts[key] = (zh, en, n + 1)
        charged = sum(f.amount_fen for f in Fine.select().where(Fine.grooming_check == check))
        summaries.append(CheckSummary(check.id, check.date, check.checked_at,
                                      check.supervisor.display_name, check.recheck_of_id,
                                      len(failed), charged, check.acknowledged_at is not None))
    by_item = tuple(sorted((ItemCount(c, zh, en, n) for c, (zh, en, n) in counts.items()),
                           key=lambda x: (-x.count, x.code)))
    late = tuple(LateArrival(s.date, s.signed_at, s.minutes_late, localized(s.shift, "name"))
                 for s in attendance.late_arrivals(staff, first))
    lines = tuple(fines_mod.fines_for(actor=actor, year=year, month=month, staff_id=staff.id))
    return StaffMonth(staff.id, staff.display_name, year, month, tuple(summaries), by_item, late,
                      lines, sum(f.amount_fen for f in lines if not f.waived))
