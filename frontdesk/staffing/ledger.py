"""The rules ledger: "a rule was broken" (第3篇 五) and rewards (第3篇 四 2), as data.

A supervisor records that a staff member broke a rule of the list; the row is
a Fine of kind RULE with the rule as it was (snapshot) and the amount for this
occurrence in the month (用座机打私人电话: 50, then 100). The staff member
acknowledges with their own PIN — then or later. A reward is a row of kind
REWARD on the same ledger. Waivers go through fines.waive as for every fine;
`mark_paid` records the payment, so a fine not paid the day it was given (罚款
当天交完) shows. A rule an admin switched off cannot be recorded any more.
An admin may add an optional behaviour (举止) item to the pre-shift check.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import IntegrityError, fn

from frontdesk import audit, clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Fine,
    FineKind,
    GroomingItem,
    RuleItem,
    Staff,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg, language, localized
from frontdesk.permissions import Perm, require
from frontdesk.staffing import fines
from frontdesk.staffing.attendance import month_bounds, prove_pin
from frontdesk.staffing.roster import lock_staff
from frontdesk.validation import clean_text, lookup_code, lookup_id, picked_day

NOTE_MAX = 200
CONDUCT = "conduct"
# Rules recorded through their own check (staffing.shift_rules), never picked from the list:
# away from the post needs the minutes, leaving before relief needs the handover.
CHECKED_ELSEWHERE = frozenset({"post_absence", "left_before_relief"})


@dataclass(frozen=True)
class RuleView:
    code: str
    kind: str  # fine / reward / conduct
    name: str
    source: str
    amounts_fen: tuple[int, ...]
    after: str
    half_days: int
    active: bool
    in_check: bool = False  # a conduct item already in the pre-shift check
    lang: str | None = None  # the language `name` and `after` are in (None: the UI's)

    def amount_for(self, occurrence: int) -> int:
        return amount_for(self.amounts_fen, occurrence)

    def amounts_text(self) -> str:
        text = " / ".join(fines.format_yuan(a) for a in self.amounts_fen)
        if not self.after:
            return text
        # Chinese full-width brackets in Chinese only ("50.00（Third time: …）" in English).
        return (f"{text} ({self.after})" if (self.lang or language()) == "en"
                else f"{text}（{self.after}）")


def amount_for(amounts: tuple[int, ...] | list[int], occurrence: int) -> int:
    """The amount of the `occurrence`-th time in a month (past the list: the last amount)."""
    return amounts[min(occurrence, len(amounts)) - 1]


def _view(r: RuleItem, lang: str | None = None, in_check: bool = False) -> RuleView:
    return RuleView(r.code, r.kind, localized(r, "name", lang), r.source,
                    tuple(json.loads(r.amounts or "[]") or [0]),
                    Msg(r.after_zh, r.after_en or r.after_zh).text(lang), r.half_days,
                    r.active, in_check, lang)


def rule_list(*, kinds=("fine", "reward"), active_only: bool = True,
              recordable: bool = False, lang: str | None = None) -> list[RuleView]:
    """The fines and rewards list (or the behaviour items), in the rules' order;
    `recordable`: only what a supervisor picks from the list."""
    query = RuleItem.select().where(RuleItem.kind.in_(tuple(kinds))).order_by(RuleItem.sort)
    if recordable:
        query = query.where(RuleItem.code.not_in(tuple(CHECKED_ELSEWHERE)))
    if active_only:
        query = query.where(RuleItem.active == True)  # noqa: E712
    in_check = {g.code for g in GroomingItem.select(GroomingItem.code)}
    return [_view(r, lang, r.code in in_check) for r in query]


def occurrences(staff_id: int, rule_code: str, day: dt.date) -> int:
    """Standing (not waived) records of `rule_code` for a staff member in `day`'s month."""
    first, nxt = month_bounds(day)
    return (Fine.select().where(Fine.staff == staff_id, Fine.rule_code == rule_code,
                                Fine.date >= first, Fine.date < nxt, Fine.waived_at.is_null())
            .count())


def _rule(code: str) -> RuleItem:
    rule = RuleItem.get_or_none(RuleItem.code == lookup_code(code),
                                RuleItem.kind.in_(("fine", "reward")))
    if rule is None:
        raise ValidationError("请选择违反的规定或奖励项目。", "Choose the rule or the reward.",
                              field="rule")
    if not rule.active:
        raise ValidationError(
            f"规定“{rule.name_zh}”已被管理员停用，不能再记录。",
            f"The rule '{rule.name_en}' was switched off by an administrator; it cannot be "
            "recorded.", field="rule")
    return rule


def record_in_transaction(*, actor, staff: Staff, rule_code: str, day: dt.date,
                          note: str | Msg = "", acknowledged: bool = False) -> Fine:
    """Write one ledger row (the caller holds the transaction and checked the permission).

    `note` ends the reason: a Msg gives each language its own words (a note made by the
    app, such as a leave's "事假 #1" / "Personal leave #1"); a str (typed by a person)
    ends both."""
    note_zh, note_en = (note.zh, note.en) if isinstance(note, Msg) else (note, note)
    rule = _rule(rule_code)
    lock_staff(staff.id)  # "Nth time this month": count after the other desk's record commits
    occurrence = occurrences(staff.id, rule.code, day) + 1
    amounts = json.loads(rule.amounts or "[0]") or [0]
    amount = amount_for(amounts, occurrence)
    past = occurrence > len(amounts) and (rule.after_zh or rule.after_en)
    snapshot = {"code": rule.code, "kind": rule.kind, "name_zh": rule.name_zh,
                "name_en": rule.name_en, "source": rule.source, "amounts_fen": amounts,
                "after_zh": rule.after_zh, "after_en": rule.after_en,
                "half_days": rule.half_days, "occurrence": occurrence, "note": note_zh}
    now = clock.now().replace(microsecond=0)
    times_zh = f"（本月第 {occurrence} 次）" if rule.kind == "fine" else ""
    times_en = f" (time {occurrence} this month)" if rule.kind == "fine" else ""
    row = Fine.create(
        staff=staff, kind=FineKind.REWARD if rule.kind == "reward" else FineKind.RULE,
        amount_fen=amount, date=day, rule_code=rule.code,
        reason_zh=f"{rule.name_zh}{times_zh}" + (f"：{rule.after_zh}" if past else "")
                  + (f" — {note_zh}" if note_zh else ""),
        reason_en=f"{rule.name_en}{times_en}" + (f": {rule.after_en}" if past else "")
                  + (f" — {note_en}" if note_en else ""),
        rule_snapshot=json.dumps(snapshot, ensure_ascii=False),
        created_by=actor.id, created_at=now, acknowledged_at=now if acknowledged else None)
    audit.record(actor, "create", "fine", row.id,
                 {"rule": rule.code, "staff": staff.id, "amount_fen": amount,
                  "occurrence": occurrence})
    return row


@changes(Changed.ROSTER | Changed.GROOMING)
def record(*, actor, staff_id, rule_code: str, day: dt.date | None = None, note: str = "",
           pin: str | None = None, checked: bool = False) -> fines.FineLine:
    """A supervisor records a rule broken (or a reward); with the staff member's PIN it is
    acknowledged at once, without it the staff member acknowledges later. `checked`: the
    caller (shift_rules) applied the rule's own check first."""
    require(actor, Perm.MANAGE_ROSTER)
    rule_code = lookup_code(rule_code)  # not a code: "choose the rule" below
    if rule_code in CHECKED_ELSEWHERE and not checked:
        raise ValidationError("这条规定要通过“离岗”记录（需填写分钟数或交接班情况）。",
                              "Record this one under 'Away from the post' (it needs the "
                              "minutes or the handover).", field="rule")
    staff = Staff.get_or_none(Staff.id == lookup_id(staff_id))
    if staff is None or not staff.active:
        raise ValidationError("请选择员工。", "Choose the staff member.", field="staff")
    if staff.id == actor.id:
        raise ValidationError("不能给自己记录，请由另一位主管记录。",
                              "You cannot record this for yourself; ask another supervisor.",
                              field="staff")
    day = picked_day(day or clock.today(), "day")
    if day > clock.today():
        raise ValidationError("日期不能在将来。", "The day cannot be in the future.", field="day")
    note = clean_text(note, "note", NOTE_MAX)
    _rule(rule_code)  # a switched-off rule is refused before the PIN is tried
    if pin:
        prove_pin(staff, pin)
    with database_proxy.atomic():
        row = record_in_transaction(actor=actor, staff=staff, rule_code=rule_code, day=day,
                                    note=note, acknowledged=bool(pin))
    return fines._line(Fine.get_by_id(row.id))


@changes(Changed.ROSTER | Changed.GROOMING)
def acknowledge(*, actor, fine_id, pin: str) -> fines.FineLine:
    """The staff member confirms a record with their own PIN (at the supervisor's desk)."""
    require(actor, Perm.MANAGE_ROSTER)
    fine = Fine.get_or_none(Fine.id == lookup_id(fine_id))
    if fine is None:
        raise NotFound("找不到该记录。", "No such record.")
    prove_pin(fine.staff, pin)
    with database_proxy.atomic():
        won = (Fine.update(acknowledged_at=clock.now().replace(microsecond=0))
               .where(Fine.id == fine.id, Fine.acknowledged_at.is_null()).execute())
        if won != 1:
            raise ConflictError("这条记录已确认过。", "This record was already acknowledged.")
        audit.record(actor, "acknowledge", "fine", fine.id, {"staff": fine.staff_id})
    return fines._line(Fine.get_by_id(fine.id))


@changes(Changed.ROSTER | Changed.GROOMING)
def mark_paid(*, actor, fine_id) -> fines.FineLine:
    """The fine was paid (or the reward paid out) now; once."""
    require(actor, Perm.MANAGE_ROSTER)
    with database_proxy.atomic():
        fine = Fine.get_or_none(Fine.id == lookup_id(fine_id))
        if fine is None:
            raise NotFound("找不到该记录。", "No such record.")
        if fine.waived_at is not None:
            raise ValidationError("这笔罚款已免除，无需缴纳。", "This fine was waived.",
                                  field="paid")
        won = (Fine.update(paid_at=clock.now().replace(microsecond=0))
               .where(Fine.id == fine.id, Fine.paid_at.is_null()).execute())
        if won != 1:
            raise ConflictError("这笔已登记为已付。", "This was already marked paid.")
        audit.record(actor, "paid", "fine", fine.id, {"amount_fen": fine.amount_fen})
    return fines._line(Fine.get_by_id(fine.id))


@changes(Changed.RULES | Changed.ROSTER)
def set_rule_active(*, actor, code: str, active: bool) -> RuleView:
    """An admin switches a rule of the list on or off (what was recorded stays)."""
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        rule = RuleItem.get_or_none(RuleItem.code == lookup_code(code))
        if rule is None:
            raise NotFound("找不到该规定。", "No such rule.")
        RuleItem.update(active=bool(active)).where(RuleItem.id == rule.id).execute()
        audit.record(actor, "rule_change", "rule_item", rule.code, {"active": bool(active)})
    return _view(RuleItem.get_by_id(rule.id))


@changes(Changed.RULES | Changed.GROOMING)
def add_conduct_to_check(*, actor, code: str) -> RuleView:
    """An admin adds an optional behaviour (举止) item to the pre-shift check."""
    require(actor, Perm.MANAGE_RULES)
    rule = RuleItem.get_or_none(RuleItem.code == lookup_code(code), RuleItem.kind == CONDUCT)
    if rule is None:
        raise ValidationError("请选择举止项目。", "Choose a behaviour item.", field="conduct")
    try:
        with database_proxy.atomic():
            last = GroomingItem.select(fn.MAX(GroomingItem.sort)).scalar() or 0
            GroomingItem.create(code=rule.code, category="manner", name_zh=rule.name_zh,
                                name_en=rule.name_en, sort=last + 1,
                                fine_fen=(json.loads(rule.amounts) or [0])[0])
            audit.record(actor, "rule_change", "grooming_item", rule.code, {"added": True})
    except IntegrityError:
        raise ConflictError(f"“{rule.name_zh}”已在班前检查中。",
                            f"'{rule.name_en}' is already in the pre-shift check.") from None
    return _view(rule, in_check=True)
