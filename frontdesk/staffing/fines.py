"""The fine ledger: queries, monthly totals and waivers.

Rows are never deleted or changed in amount (models.Fine). A supervisor may
waive a fine with a reason; the waiver is written on the row and in the audit
trail, and the fine stays visible (struck through) in every report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk import audit, clock
from frontdesk.changes import Changed, changes
from frontdesk.db.models import Fine, FineKind, Staff, database_proxy
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg, text
from frontdesk.permissions import Perm, require
from frontdesk.validation import clean_text, lookup_id, record_id

KIND_NAMES: dict[str, Msg] = {
    FineKind.GROOMING: Msg("仪容", "Grooming"),
    FineKind.LATE: Msg("迟到/早退", "Late/early"),
    FineKind.OTHER: Msg("其他", "Other"),
    FineKind.RULE: Msg("违反规定", "Rule broken"),
    FineKind.REWARD: Msg("奖励", "Reward"),
}
WAIVE_REASON_MAX = 200


def kind_name(kind: str, lang: str | None = None) -> str:
    return KIND_NAMES.get(kind, Msg.same(kind)).text(lang)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """[first day, first day of next month) of a calendar month; bad input is refused."""
    if not (isinstance(year, int) and isinstance(month, int) and 2000 <= year <= 2999
            and 1 <= month <= 12):
        raise ValidationError("请选择有效的年份和月份。", "Choose a valid year and month.",
                              field="month")
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt


def format_yuan(fen: int) -> str:
    """2000 → '20.00' (no currency sign: columns say 元 / yuan)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


@dataclass(frozen=True)
class FineLine:
    id: int
    staff_id: int
    staff_name: str
    kind: str
    day: dt.date
    amount_fen: int
    reason_zh: str
    reason_en: str
    created_by_name: str
    created_at: dt.datetime
    waived: bool
    waived_at: dt.datetime | None
    waived_by_name: str
    waive_reason: str
    grooming_check_id: int | None
    rule_code: str = ""
    acknowledged_at: dt.datetime | None = None
    paid_at: dt.datetime | None = None

    @property
    def is_reward(self) -> bool:
        return self.kind == FineKind.REWARD

    @property
    def paid_same_day(self) -> bool:
        """The rules want a fine paid the day it was given (罚款当天交完)."""
        return self.paid_at is not None and self.paid_at.date() == self.day

    def reason(self, lang: str | None = None) -> str:
        return text(self.reason_zh, self.reason_en or self.reason_zh, lang)


def _line(f: Fine) -> FineLine:
    return FineLine(
        id=f.id, staff_id=f.staff_id, staff_name=f.staff.display_name, kind=f.kind, day=f.date,
        amount_fen=f.amount_fen, reason_zh=f.reason_zh, reason_en=f.reason_en,
        created_by_name=f.created_by.display_name if f.created_by_id else "",
        created_at=f.created_at, waived=f.waived_at is not None, waived_at=f.waived_at,
        waived_by_name=f.waived_by.display_name if f.waived_by_id else "",
        waive_reason=f.waive_reason, grooming_check_id=f.grooming_check_id,
        rule_code=f.rule_code, acknowledged_at=f.acknowledged_at, paid_at=f.paid_at,
    )


def fines_for(*, actor, year: int, month: int, staff_id: int | None = None) -> list[FineLine]:
    """Every fine of a month (waived ones included), oldest first."""
    require(actor, Perm.VIEW_FINES)
    first, nxt = month_range(year, month)
    query = (Fine.select(Fine, Staff).join(Staff, on=(Fine.staff == Staff.id))
             .where(Fine.date >= first, Fine.date < nxt)
             .order_by(Fine.date, Fine.created_at, Fine.id))
    if staff_id is not None:
        query = query.where(Fine.staff == lookup_id(staff_id))
    lines = [_line(f) for f in query]
    audit.viewed(actor, "fines", f"{year:04d}-{month:02d}", {"staff_id": staff_id})
    return lines


@changes(Changed.GROOMING)
def waive(*, actor, fine_id: int, reason: str) -> FineLine:
    """Waive a fine with a reason (audited); the row stays in the ledger."""
    require(actor, Perm.WAIVE_FINES)
    try:
        fine_id = record_id(fine_id, "fine_id")
    except ValidationError:
        raise NotFound("找不到该罚款记录。", "No such fine.") from None
    reason = clean_text(reason, "waive_reason", WAIVE_REASON_MAX)
    if not reason:
        raise ValidationError("请填写免除罚款的理由。", "Enter the reason for waiving this fine.",
                              field="waive_reason")
    with database_proxy.atomic():
        fine = Fine.get_or_none(Fine.id == fine_id)
        if fine is None:
            raise NotFound("找不到该罚款记录。", "No such fine.")
        if fine.waived_at is not None:
            raise ConflictError(
                f"这笔罚款已于 {fine.waived_at:%Y-%m-%d %H:%M} 被免除。",
                f"This fine was already waived on {fine.waived_at:%Y-%m-%d %H:%M}.")
        if fine.staff_id == actor.id:
            raise ValidationError("不能免除自己的罚款，请由另一位主管处理。",
                                  "You cannot waive your own fine; ask another supervisor.",
                                  field="waive_reason")
        fine.waived_at = clock.now()
        fine.waived_by = actor
        fine.waive_reason = reason
        fine.save()
        audit.record(actor, "waive", "fine", fine.id,
                     {"staff": fine.staff_id, "amount_fen": fine.amount_fen, "reason": reason})
    return _line(fine)


@dataclass(frozen=True)
class StaffTotal:
    staff_id: int
    staff_name: str
    count: int
    total_fen: int  # everything fined
    waived_fen: int
    late_count: int
    grooming_count: int
    reward_fen: int = 0  # rewards of the month (not part of what is due)

    @property
    def due_fen(self) -> int:
        return self.total_fen - self.waived_fen


def monthly_totals(*, actor, year: int, month: int) -> list[StaffTotal]:
    """Per staff member: fines of the month, waived part and what is due, by name."""
    totals: dict[int, dict] = {}
    for f in fines_for(actor=actor, year=year, month=month):
        t = totals.setdefault(f.staff_id, {"name": f.staff_name, "count": 0, "total": 0,
                                           "waived": 0, "late": 0, "grooming": 0,
                                           "reward": 0})
        if f.is_reward:
            t["reward"] += 0 if f.waived else f.amount_fen
            continue
        t["count"] += 1
        t["total"] += f.amount_fen
        t["waived"] += f.amount_fen if f.waived else 0
        t["late"] += f.kind == FineKind.LATE
        t["grooming"] += f.kind == FineKind.GROOMING
    return sorted((StaffTotal(sid, t["name"], t["count"], t["total"], t["waived"], t["late"],
                              t["grooming"], t["reward"]) for sid, t in totals.items()),
                  key=lambda s: (-s.due_fen, s.staff_name))


def staff_choices(*, actor) -> list[tuple[int, str]]:
    """Staff whose fines and history a supervisor may look at, as (id, name)."""
    require(actor, Perm.VIEW_FINES)
    return [(s.id, s.display_name) for s in
            Staff.select().where(Staff.role != "admin").order_by(Staff.display_name)]
