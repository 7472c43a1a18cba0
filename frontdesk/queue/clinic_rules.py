"""The clinic queue's rules (settings "queue.clinic"): priority order, missed turns, bookings.

Stored as one JSON setting so every station sharing the database orders a queue the
same way. Missing keys take the defaults below; a value that makes no sense is refused
when it is set (ValidationError at the field) and ignored if found stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from frontdesk import settings
from frontdesk.changes import Changed, changes
from frontdesk.errors import ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.queue.priority import ORDERABLE, TESTS_BACK

SETTING = "queue.clinic"

MISSED_AFTER_N = "after_n"  # back in line after N more patients have been called
MISSED_END_OF_SESSION = "end_of_session"  # back in line at the end of the current session
MISSED_RULES = (MISSED_AFTER_N, MISSED_END_OF_SESSION)

LATE_WALK_IN = "walk_in"  # a late booked patient waits like a walk-in (no booking priority)
LATE_KEEP = "keep"  # the booking keeps its priority however late
LATE_END_OF_SESSION = "end_of_session"  # a late booked patient goes to the end of the session
LATE_RULES = (LATE_WALK_IN, LATE_KEEP, LATE_END_OF_SESSION)

FEE_DIFFERENCE = "difference"  # pay only what the new doctor costs more
FEE_FULL = "full"  # a new registration fee in full
FEE_NONE = "none"  # no new fee
FEE_RULES = (FEE_DIFFERENCE, FEE_FULL, FEE_NONE)


@dataclass(frozen=True)
class ClinicRules:
    # Classes first to last; a class left out gives no priority.
    priority_order: tuple[str, ...] = ("emergency", TESTS_BACK, "elderly", "disabled",
                                       "military", "pregnant", "vip", "booked")
    elderly_age: int = 70  # this age or over is "elderly"
    vip_tiers: tuple[str, ...] = ("gold", "diamond")
    missed_rule: str = MISSED_AFTER_N
    missed_after_n: int = 3
    session_ends: tuple[str, ...] = ("12:00", "18:00")  # "HH:MM"; the last runs to midnight
    booked_early_minutes: int = 30  # a booking counts from this long before its slot
    booked_grace_minutes: int = 15  # arriving later than slot + grace is late
    late_rule: str = LATE_WALK_IN
    transfer_other_department: str = FEE_DIFFERENCE  # same department: always the difference

    def rank(self, cls: str) -> int | None:
        """Position of `cls` in the order (0 = first), None when it gives no priority."""
        try:
            return self.priority_order.index(cls)
        except ValueError:
            return None

    def session_of(self, at: dt.datetime) -> int:
        """Which session of the day `at` falls in (0 = the first)."""
        hhmm = at.strftime("%H:%M")
        for i, end in enumerate(self.session_ends):
            if hhmm < end:
                return i
        return len(self.session_ends)


DEFAULT = ClinicRules()

NUMBER_NAMES = {
    "elderly_age": Msg("老年人年龄", "The elderly age"),
    "missed_after_n": Msg("过号后再隔几位", "The patients after a missed turn"),
    "booked_early_minutes": Msg("预约提前生效分钟数", "The minutes before a booked slot"),
    "booked_grace_minutes": Msg("预约迟到宽限分钟数", "The minutes of grace for a booking"),
}


def _hhmm(value: Any) -> bool:
    try:
        dt.datetime.strptime(str(value), "%H:%M")
    except ValueError:
        return False
    return len(str(value)) == 5


def _checked(data: dict[str, Any]) -> ClinicRules:
    """The rules in `data` over the defaults; ValidationError names the first bad field."""
    if not isinstance(data, dict):
        raise ValidationError("排队规则格式不对。", "The queue rules are malformed.", field=SETTING)
    known = {f for f in DEFAULT.__dataclass_fields__}
    if set(data) - known:  # never echoed: a pasted name may be anything
        raise ValidationError("有未知的排队规则，未保存。", "An unknown queue rule was given; nothing "
                              "was saved.", field=SETTING)
    rules = DEFAULT
    if "priority_order" in data:
        order = data["priority_order"]
        if (not isinstance(order, list | tuple) or not all(isinstance(c, str) for c in order)
                or any(c not in ORDERABLE for c in order)
                or len(set(order)) != len(order)):
            raise ValidationError("优先顺序只能包含已知的优先类别，且每类只出现一次。",
                                  "The priority order may list only known classes, each once.",
                                  field="priority_order")
        rules = replace(rules, priority_order=tuple(order))
    for name, low, high in (("elderly_age", 50, 100), ("missed_after_n", 0, 50),
                            ("booked_early_minutes", 0, 240), ("booked_grace_minutes", 0, 240)):
        if name in data:
            value = data[name]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                zh, en = NUMBER_NAMES[name].pair()
                raise ValidationError(f"{zh}必须是 {low} 到 {high} 之间的整数。",
                                      f"{en} must be a whole number from {low} to {high}.",
                                      field=name)
            rules = replace(rules, **{name: value})
    for name, allowed in (("missed_rule", MISSED_RULES), ("late_rule", LATE_RULES),
                          ("transfer_other_department", FEE_RULES)):
        if name in data:
            if not isinstance(data[name], str) or data[name] not in allowed:
                raise ValidationError(f"这一项只能是：{'、'.join(allowed)}。",
                                      f"This must be one of: {', '.join(allowed)}.", field=name)
            rules = replace(rules, **{name: data[name]})
    if "session_ends" in data:
        ends = data["session_ends"]
        if (not isinstance(ends, list | tuple) or not all(isinstance(e, str) for e in ends)
                or not all(_hhmm(e) for e in ends)
                or list(ends) != sorted(set(ends))):
            raise ValidationError("时段结束时间须为递增的“时:分”（如 12:00）。",
                                  "Session ends must be rising HH:MM times (e.g. 12:00).",
                                  field="session_ends")
        rules = replace(rules, session_ends=tuple(ends))
    if "vip_tiers" in data:
        tiers = data["vip_tiers"]
        if not isinstance(tiers, list | tuple) or not all(isinstance(t, str) and t for t in tiers):
            raise ValidationError("VIP 卡等级格式不对。", "VIP tiers must be a list of names.",
                                  field="vip_tiers")
        rules = replace(rules, vip_tiers=tuple(tiers))
    return rules


def clinic_rules() -> ClinicRules:
    """The hospital's clinic queue rules; a damaged stored value falls back to the defaults."""
    try:
        return _checked(settings.get(SETTING) or {})
    except ValidationError:
        return DEFAULT


@changes(Changed.SETTINGS | Changed.QUEUE)
def set_clinic_rules(*, actor, **values: Any) -> ClinicRules:
    """Change some of the rules (an administrator, Perm.MANAGE_SETTINGS); the rest stay."""
    require(actor, Perm.MANAGE_SETTINGS)
    stored = settings.get(SETTING) or {}
    merged = {**(stored if isinstance(stored, dict) else {}), **values}
    rules = _checked(merged)
    clean = {k: list(v) if isinstance(v, tuple) else v for k, v in merged.items()}
    settings.set(SETTING, clean)
    return rules
