"""The staffing rules as data: resources/rules/staffing.toml into the database.

Hours (arrive 10 minutes early, one rest day a week, away from the post over 10
minutes), the swap limit, the seasons with their office hours, the leave types,
the fines and rewards list and the optional behaviour (举止) items. Numbers and
lists go to the `rules.staffing` setting; the fines list goes to RuleItem rows
(an admin switches a rule off there); each season adds a Shift row, so sign-in
and lateness work for the seasonal hours like for any other shift.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontdesk import settings
from frontdesk.db.models import Department, RuleItem, Shift, database_proxy
from frontdesk.paths import resource_path
from frontdesk.rule_files import Reader, bad, entries, read_toml

FILE = "staffing.toml"
RULE_KINDS = ("fine", "reward")
CONDUCT = "conduct"

DEFAULTS: dict[str, Any] = {
    "arrive_early_minutes": 10, "rest_days_per_week": 1, "post_absence_minutes": 10,
    "post_absence_half_days": 1, "swaps_per_month": 2, "seasons": [], "leave_types": [],
}


@dataclass(frozen=True)
class Season:
    code: str
    name_zh: str
    name_en: str
    months: tuple[int, ...]
    shift_code: str


@dataclass(frozen=True)
class LeaveType:
    code: str
    name_zh: str
    name_en: str
    fine_rule: str
    in_person: bool = False  # asked for by the person only, never entered for them (事假)


@dataclass(frozen=True)
class StaffingRules:
    arrive_early_minutes: int
    rest_days_per_week: int
    post_absence_minutes: int
    post_absence_half_days: int
    swaps_per_month: int
    seasons: tuple[Season, ...]
    leave_types: tuple[LeaveType, ...]

    def season_for(self, day: dt.date) -> Season | None:
        return next((s for s in self.seasons if day.month in s.months), None)

    def seasonal_codes(self) -> set[str]:
        return {s.shift_code for s in self.seasons}

    def shift_fits(self, shift_code: str, day: dt.date) -> bool:
        """A seasonal shift only on the days of its season; other shifts on any day."""
        if shift_code not in self.seasonal_codes():
            return True
        season = self.season_for(day)
        return season is not None and season.shift_code == shift_code

    def leave_type(self, code: str) -> LeaveType | None:
        return next((t for t in self.leave_types if t.code == code), None)


def current() -> StaffingRules:
    """The staffing rules in force (the defaults where the database has none)."""
    stored = {**DEFAULTS, **(settings.get("rules.staffing") or {})}
    with settings.reading_rule("rules.staffing"):
        return _rules_of(stored)


def _rules_of(stored: dict[str, Any]) -> StaffingRules:
    return StaffingRules(
        arrive_early_minutes=int(stored["arrive_early_minutes"]),
        rest_days_per_week=int(stored["rest_days_per_week"]),
        post_absence_minutes=int(stored["post_absence_minutes"]),
        post_absence_half_days=int(stored["post_absence_half_days"]),
        swaps_per_month=int(stored["swaps_per_month"]),
        seasons=tuple(Season(s["code"], s["name_zh"], s["name_en"], tuple(s["months"]),
                             s["shift_code"]) for s in stored["seasons"]),
        leave_types=tuple(LeaveType(t["code"], t["name_zh"], t["name_en"], t.get("fine_rule", ""),
                                    t.get("in_person") is True)
                          for t in stored["leave_types"]),
    )


# --- reading the file -------------------------------------------------------------


def plan(folder: Path) -> dict[str, Any]:
    """Validate staffing.toml; raise ConfigError naming the entry before anything is written."""
    path = folder / FILE
    data = read_toml(path)
    hours = Reader(path, data.get("hours", {}), "[hours]")
    swaps = Reader(path, data.get("swaps", {}), "[swaps]")
    doc: dict[str, Any] = {
        "arrive_early_minutes": hours.whole("arrive_early_minutes", 10),
        "rest_days_per_week": hours.whole("rest_days_per_week", 1),
        "post_absence_minutes": hours.whole("post_absence_minutes", 10),
        "post_absence_half_days": hours.whole("post_absence_half_days", 1),
        "swaps_per_month": swaps.whole("per_month", 2),
        "seasons": [], "leave_types": [],
    }
    shifts = []
    seen_months: set[int] = set()
    for r in entries(path, data, "season"):
        name = r.bilingual("name")
        months = r.entry.get("months", [])
        if not months or not all(isinstance(m, int) and 1 <= m <= 12 for m in months):
            raise r._fail("months", "必须是 1–12 的月份", "must be months 1-12")
        if seen_months & set(months):
            raise r._fail("months", "与其他季节重叠", "overlap another season")
        seen_months |= set(months)
        block = r.entry.get("shift")
        if not isinstance(block, dict):
            raise r._fail("shift", "缺失", "is missing")
        s = Reader(path, block, f"{r.where} shift")
        sname = s.bilingual("name")
        breaks = []
        for b in block.get("breaks", []):
            br = Reader(path, b, f"{r.where} shift breaks")
            label = br.bilingual("label")
            breaks.append({"start": br.time("start"), "end": br.time("end"),
                           "label_zh": label.zh, "label_en": label.en})
        shifts.append(dict(code=s.str("code"), name_zh=sname.zh, name_en=sname.en,
                           start=s.time("start"), end=s.time("end"),
                           breaks=json.dumps(breaks, ensure_ascii=False)))
        doc["seasons"].append({"code": r.str("code"), "name_zh": name.zh, "name_en": name.en,
                               "months": sorted(months), "shift_code": s.str("code")})
    rules = []
    for i, r in enumerate(entries(path, data, "rule")):
        kind = r.str("kind")
        if kind not in RULE_KINDS:
            raise r._fail("kind", "只能是 fine 或 reward", "must be fine or reward")
        amounts = r.entry.get("amounts")
        if not isinstance(amounts, list) or not amounts:
            raise r._fail("amounts", "必须是金额列表（元）", "must be a list of amounts in yuan")
        fen = [Reader(path, {"a": a}, f"{r.where} amounts").amount_fen("a") for a in amounts]
        name, after = r.bilingual("name"), r.bilingual("after", False)
        rules.append(dict(code=r.str("code"), kind=kind, name_zh=name.zh, name_en=name.en,
                          source=r.str("source", ""), amounts=json.dumps(fen),
                          after_zh=after.zh, after_en=after.en,
                          half_days=r.whole("half_days", 0), sort=i))
    codes = {x["code"] for x in rules}
    for r in entries(path, data, "leave"):
        name = r.bilingual("name")
        fine_rule = r.str("fine_rule", "")
        if fine_rule and fine_rule not in codes:
            raise r._fail("fine_rule", f"不存在（{fine_rule}）", f"names no rule ({fine_rule})")
        in_person = r.entry.get("in_person", False)
        if not isinstance(in_person, bool):
            raise r._fail("in_person", "应为 true 或 false", "must be true or false")
        doc["leave_types"].append({"code": r.str("code"), "name_zh": name.zh,
                                   "name_en": name.en, "fine_rule": fine_rule,
                                   "in_person": in_person})
    if not doc["leave_types"]:
        raise bad(path, "至少需要一种请假类型", "needs at least one leave type")
    for i, r in enumerate(entries(path, data, "conduct")):
        name = r.bilingual("name")
        rules.append(dict(code=r.str("code"), kind=CONDUCT, name_zh=name.zh, name_en=name.en,
                          source="第2篇 三", amounts=json.dumps([r.amount_fen("fine")]),
                          after_zh="", after_en="", half_days=0, sort=1000 + i))
    if len({x["code"] for x in rules}) != len(rules):
        raise bad(path, "规则代码重复", "a rule code is used twice")
    return {"doc": doc, "shifts": shifts, "rules": rules}


def write(p: dict[str, Any]) -> int:
    """Write a plan (inside the caller's transaction); rows that exist are left as they are."""
    have_shifts = {s.code for s in Shift.select(Shift.code)}
    for row in p["shifts"]:
        if row["code"] not in have_shifts:
            Shift.create(**row)
    have_rules = {r.code for r in RuleItem.select(RuleItem.code)}
    new = [row for row in p["rules"] if row["code"] not in have_rules]
    if new:
        RuleItem.insert_many(new).execute()
    settings.set_hospital_default("rules.staffing", p["doc"])
    return len(new)


def load(folder: Path | None = None) -> int:
    p = plan(folder or resource_path("rules"))
    with database_proxy.atomic():
        return write(p)


def load_into_existing() -> None:
    """Schema step 6: a database whose house rules are loaded gains the staffing rules."""
    if Department.select().exists() and not RuleItem.select().exists():
        load()
