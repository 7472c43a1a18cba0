"""Priority classes a patient can have in a queue (优先): what the door records and queues order by.

The order between classes and the rules behind them (the elderly age, a booked patient's
slot, late arrivals) are rules data (frontdesk.queue.clinic_rules); this module names the
classes and works out, from plain facts, which one a patient holds and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from frontdesk.i18n import Msg


class PriorityClass(StrEnum):
    NONE = ""
    EMERGENCY = "emergency"
    ELDERLY = "elderly"
    DISABLED = "disabled"
    MILITARY = "military"
    PREGNANT = "pregnant"
    VIP = "vip"
    BOOKED = "booked"


LABELS: dict[PriorityClass, Msg] = {
    PriorityClass.NONE: Msg("无", "None"),
    PriorityClass.EMERGENCY: Msg("急诊", "Emergency"),
    PriorityClass.ELDERLY: Msg("老年人", "Elderly"),
    PriorityClass.DISABLED: Msg("残疾人", "Disabled"),
    PriorityClass.MILITARY: Msg("军人", "Military"),
    PriorityClass.PREGNANT: Msg("孕妇", "Pregnant"),
    PriorityClass.VIP: Msg("贵宾卡", "VIP card"),
    PriorityClass.BOOKED: Msg("预约", "Booked"),
}

# Not a class the door records: a patient back from tests (检查回来) is placed in the
# same order the admin sets, so "ahead of new patients" is one more line in that list.
TESTS_BACK = "tests_back"
ORDERABLE = tuple(c.value for c in PriorityClass if c is not PriorityClass.NONE) + (TESTS_BACK,)

ORDER_LABELS: dict[str, Msg] = {**{c.value: m for c, m in LABELS.items()},
                                TESTS_BACK: Msg("检查回来", "Back from tests")}


@dataclass(frozen=True)
class PatientFacts:
    """What the priority rules read about one patient in a queue (no database here)."""

    red_flag: bool = False
    recorded: tuple[str, ...] = ()  # classes recorded at the door or the calling panel
    age: int | None = None
    vip_tier: str = ""
    booked_time: str = ""  # "HH:MM" of today's booking, "" without one
    arrived_at: dt.datetime | None = None  # at the door
    back_from_tests: bool = False


@dataclass(frozen=True)
class Priority:
    cls: str  # a PriorityClass value or TESTS_BACK; "" = none
    rank: int | None  # position in the admin's order; None = no priority
    reason: Msg  # "优先：70 岁以上", or why a booking gives none (late)
    late: bool = False  # a booked patient who came later than the slot's grace


def _booking(facts: PatientFacts, rules, now: dt.datetime) -> tuple[bool, bool]:
    """(the booking gives priority now, the patient came late for it)."""
    if not facts.booked_time:
        return False, False
    try:
        hh, mm = (int(x) for x in facts.booked_time.split(":"))
    except ValueError:
        return False, False
    slot = now.replace(hour=hh, minute=mm, second=0, microsecond=0)
    arrived = facts.arrived_at or now
    late = arrived > slot + dt.timedelta(minutes=rules.booked_grace_minutes)
    if late:
        return rules.late_rule == "keep", True
    return now >= slot - dt.timedelta(minutes=rules.booked_early_minutes), False


def classes_of(facts: PatientFacts, rules, now: dt.datetime) -> dict[str, Msg]:
    """Every class the patient holds now, each with its reason."""
    found: dict[str, Msg] = {}
    if facts.red_flag or PriorityClass.EMERGENCY in facts.recorded:
        found[PriorityClass.EMERGENCY] = Msg("急诊", "emergency")
    if facts.back_from_tests:
        found[TESTS_BACK] = Msg("检查回来", "back from tests")
    if (facts.age is not None and facts.age >= rules.elderly_age) or (
            PriorityClass.ELDERLY in facts.recorded):
        found[PriorityClass.ELDERLY] = Msg(f"{rules.elderly_age} 岁以上",
                                           f"aged {rules.elderly_age} or over")
    for cls in (PriorityClass.DISABLED, PriorityClass.MILITARY, PriorityClass.PREGNANT):
        if cls in facts.recorded:
            zh, en = LABELS[cls].pair()
            found[cls] = Msg(zh, en.lower())
    if facts.vip_tier in rules.vip_tiers or PriorityClass.VIP in facts.recorded:
        found[PriorityClass.VIP] = Msg("贵宾卡", "VIP card")
    counts, _late = _booking(facts, rules, now)
    if counts or (PriorityClass.BOOKED in facts.recorded and not facts.booked_time):
        found[PriorityClass.BOOKED] = Msg(f"预约 {facts.booked_time}".strip(),
                                          f"booked {facts.booked_time}".strip())
    return found


def priority_of(facts: PatientFacts, rules, now: dt.datetime) -> Priority:
    """The patient's best class in the admin's order, explained ("优先：70 岁以上")."""
    found = classes_of(facts, rules, now)
    ranked = sorted((rules.rank(c), c) for c in found if rules.rank(c) is not None)
    _counts, late = _booking(facts, rules, now)
    if ranked:
        rank, cls = ranked[0]
        zh, en = found[cls].pair()
        return Priority(cls, rank, Msg(f"优先：{zh}", f"Priority: {en}"), late)
    if late:
        return Priority("", None, Msg(f"预约 {facts.booked_time} 迟到：按普通排队",
                                      f"Late for the {facts.booked_time} booking: "
                                      "waits as a walk-in"), True)
    return Priority("", None, Msg("", ""), False)
