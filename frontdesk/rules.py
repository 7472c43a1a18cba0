"""House rules as data: read resources/rules/*.toml and load them into the database.

Rules are loaded once, into an empty database (`frontdesk init`); from then on
the database is the truth and an admin edits it there. Every problem names the
file and the entry so whoever edits the TOML can fix it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontdesk import settings
from frontdesk.db.models import (
    Department,
    Doctor,
    DoctorSchedule,
    FeeClass,
    GroomingItem,
    MediaSource,
    Shift,
    TriageKeyword,
    VipTier,
    database_proxy,
)
from frontdesk.errors import ConfigError
from frontdesk.i18n import Msg
from frontdesk.paths import resource_path
from frontdesk.triage_rules import triage_document

RULE_FILES = (
    "departments.toml",
    "fees.toml",
    "doctors.toml",
    "shifts.toml",
    "media_sources.toml",
    "triage.toml",
    "grooming.toml",
)
GROOMING_CATEGORIES = ("appearance", "dress", "manner")


def rules_dir() -> Path:
    return resource_path("rules")


def _bad(path: Path, zh: str, en: str) -> ConfigError:
    return ConfigError(
        f"规则文件 {path} 有误：{zh}。请修正该文件后重试。",
        f"Rules file {path} is invalid: {en}. Fix the file and try again.",
    )


def read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here, not at module level: the app's start-up reads no TOML

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        if not data:  # an emptied file would load as "no departments, no fees": say so
            raise _bad(path, "文件是空的", "the file is empty")
        return data
    except FileNotFoundError as exc:
        raise ConfigError(
            f"缺少规则文件 {path}。请重新安装 Frontdesk。",
            f"The rules file {path} is missing. Reinstall Frontdesk.",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, f"格式错误（{exc}）", f"malformed TOML ({exc})") from exc


class _Reader:
    """Typed access to one TOML entry, failing with the file and entry named."""

    def __init__(self, path: Path, entry: dict[str, Any], where: str):
        self.path, self.entry, self.where = path, entry, where

    def _fail(self, key: str, zh: str, en: str) -> ConfigError:
        return _bad(self.path, f"{self.where} 的“{key}”{zh}", f"{self.where}: '{key}' {en}")

    def str(self, key: str, default: str | None = None) -> str:
        value = self.entry.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self._fail(key, "缺失或不是文字", "is missing or not text")
        return value

    def bilingual(self, key: str, required: bool = True) -> Msg:
        """A {zh, en} table as a Msg (English falls back to Chinese); Msg("", "") when optional."""
        value = self.entry.get(key)
        if value is None and not required:
            return Msg("", "")
        if not isinstance(value, dict) or not isinstance(value.get("zh"), str) or not value["zh"]:
            raise self._fail(key, "需要 zh 和 en 两种文字", "needs zh and en text")
        return Msg(value["zh"], str(value.get("en") or value["zh"]))

    def amount_fen(self, key: str) -> int:
        value = self.entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "必须是金额（元）", "must be an amount in yuan")
        if value < 0:
            raise self._fail(key, "不能为负数", "must not be negative")
        return round(value * 100)

    def whole(self, key: str, default: int, *, minimum: int = 0) -> int:
        """A whole number (TOML integer) of at least `minimum`; `default` when absent."""
        value = self.entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "必须是整数", "must be a whole number")
        if value < minimum:
            raise self._fail(key, f"不能小于 {minimum}", f"must be at least {minimum}")
        return value

    def time(self, key: str) -> str:
        value = self.str(key)
        parts = value.split(":")
        ok = len(parts) == 2 and all(p.isdigit() for p in parts)
        if not ok or not (0 <= int(parts[0]) <= 24 and 0 <= int(parts[1]) < 60):
            raise self._fail(key, "必须是 HH:MM 时间", "must be a time HH:MM")
        return f"{int(parts[0]):02d}:{parts[1]}"


def _entries(path: Path, data: dict[str, Any], key: str) -> list[_Reader]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise _bad(path, f"“{key}”必须是表格数组", f"'{key}' must be an array of tables")
    return [_Reader(path, row, f"[[{key}]] #{i + 1}") for i, row in enumerate(rows)]


@dataclass
class LoadReport:
    departments: int = 0
    doctors: int = 0
    shifts: int = 0
    grooming_items: int = 0
    triage_keywords: int = 0


def load_rules(folder: Path | None = None) -> LoadReport:
    """Validate every rules file first, then write them all in one transaction."""
    folder = folder or rules_dir()
    data = {name: read_toml(folder / name) for name in RULE_FILES}
    plan = _plan(folder, data)  # raises before anything is written
    with database_proxy.atomic():
        return _write(plan)


def _plan(folder: Path, data: dict[str, dict[str, Any]]) -> dict[str, Any]:
    plan: dict[str, Any] = {}
    path = folder / "departments.toml"
    plan["departments"] = []
    for r in _entries(path, data["departments.toml"], "department"):
        name, short, dirs = r.bilingual("name"), r.bilingual("short"), r.bilingual("directions", False)
        plan["departments"].append(dict(
            code=r.str("code"), name_zh=name.zh, name_en=name.en, short_zh=short.zh,
            short_en=short.en, room=r.str("room", ""), floor=r.str("floor", ""),
            directions_zh=dirs.zh, directions_en=dirs.en,
            is_emergency=bool(r.entry.get("is_emergency", False)),
        ))
    dept_codes = {d["code"] for d in plan["departments"]}
    if not dept_codes:
        raise _bad(path, "至少需要一个科室", "needs at least one department")

    path = folder / "fees.toml"
    plan["fees"] = []
    for r in _entries(path, data["fees.toml"], "fee_class"):
        name = r.bilingual("name")
        plan["fees"].append(dict(code=r.str("code"), name_zh=name.zh, name_en=name.en,
                                 amount_fen=r.amount_fen("amount")))
    plan["waivers"] = []
    for r in _entries(path, data["fees.toml"], "waiver"):
        tier = r.str("vip_tier")
        if tier not in (VipTier.GOLD, VipTier.DIAMOND):
            raise r._fail("vip_tier", "只能是 gold 或 diamond", "must be gold or diamond")
        name = r.bilingual("name")
        plan["waivers"].append({"vip_tier": tier, "name_zh": name.zh, "name_en": name.en})
    fee_codes = {f["code"] for f in plan["fees"]}

    path = folder / "doctors.toml"
    plan["doctors"] = []
    for r in _entries(path, data["doctors.toml"], "doctor"):
        dept, fee = r.str("department"), r.str("fee_class")
        if dept not in dept_codes:
            raise r._fail("department", f"不存在（{dept}）", f"names no department ({dept})")
        if fee not in fee_codes:
            raise r._fail("fee_class", f"不存在（{fee}）", f"names no fee class ({fee})")
        title, spec = r.bilingual("title"), r.bilingual("specialty", False)
        schedule = []
        for block in r.entry.get("schedule", []):
            b = _Reader(path, block, f"{r.where} schedule")
            days = block.get("days", [])
            if not all(isinstance(d, int) and 0 <= d <= 6 for d in days):
                raise b._fail("days", "必须是 0–6 的星期", "must be weekdays 0-6")
            schedule += [(d, b.time("start"), b.time("end")) for d in days]
        plan["doctors"].append(dict(
            name=r.str("name"), department=dept, fee_class=fee, title_zh=title.zh,
            title_en=title.en, specialty_zh=spec.zh, specialty_en=spec.en, schedule=schedule,
        ))

    path = folder / "shifts.toml"
    plan["shifts"] = []
    for r in _entries(path, data["shifts.toml"], "shift"):
        name = r.bilingual("name")
        breaks = []
        for block in r.entry.get("breaks", []):
            b = _Reader(path, block, f"{r.where} breaks")
            label = b.bilingual("label")
            breaks.append({"start": b.time("start"), "end": b.time("end"),
                           "label_zh": label.zh, "label_en": label.en})
        plan["shifts"].append(dict(code=r.str("code"), name_zh=name.zh, name_en=name.en,
                                   start=r.time("start"), end=r.time("end"),
                                   breaks=json.dumps(breaks, ensure_ascii=False)))

    path = folder / "media_sources.toml"
    plan["media"] = []
    for i, r in enumerate(_entries(path, data["media_sources.toml"], "source")):
        name = r.bilingual("name")
        plan["media"].append(dict(code=r.str("code"), name_zh=name.zh, name_en=name.en, sort=i))

    path = folder / "triage.toml"
    triage = data["triage.toml"]
    red = _Reader(path, triage.get("red_flags", {}), "[red_flags]")
    red_dept = red.str("department")
    if red_dept not in dept_codes:
        raise red._fail("department", f"不存在（{red_dept}）", f"names no department ({red_dept})")
    if not any(d["code"] == red_dept and d["is_emergency"] for d in plan["departments"]):
        # Red flags go to this department; the desk refuses any other for them.
        raise red._fail("department", f"（{red_dept}）必须是急诊科室：在 departments.toml 中"
                        "为它写 is_emergency = true",
                        f"({red_dept}) must be an emergency department: give it "
                        "is_emergency = true in departments.toml")
    plan["triage"], plan["triage_doc"] = triage_document(path, triage, plan["departments"])

    path = folder / "grooming.toml"
    plan["grooming"] = []
    for i, r in enumerate(_entries(path, data["grooming.toml"], "item")):
        category = r.str("category")
        if category not in GROOMING_CATEGORIES:
            raise r._fail("category", "只能是 appearance、dress 或 manner",
                          "must be appearance, dress or manner")
        name = r.bilingual("name")
        plan["grooming"].append(dict(code=r.str("code"), category=category, name_zh=name.zh,
                                     name_en=name.en, fine_fen=r.amount_fen("fine"), sort=i))
    late = _Reader(path, data["grooming.toml"].get("lateness", {}), "[lateness]")
    plan["lateness"] = {
        "fine_fen": late.amount_fen("fine"),
        "repeat_fine_fen": late.amount_fen("repeat_fine"),
        "repeat_from": late.whole("repeat_from", 2, minimum=1),
        "grace_minutes": late.whole("grace_minutes", 0, minimum=0),
    }
    return plan


def _write(plan: dict[str, Any]) -> LoadReport:
    depts = {}
    for i, row in enumerate(plan["departments"]):
        depts[row["code"]] = Department.create(sort=i, **row)
    fees = {row["code"]: FeeClass.create(**row) for row in plan["fees"]}
    for row in plan["doctors"]:
        schedule = row.pop("schedule")
        doctor = Doctor.create(department=depts[row.pop("department")],
                               fee_class=fees[row.pop("fee_class")], **row)
        DoctorSchedule.insert_many(
            [{"doctor": doctor, "weekday": d, "start": s, "end": e} for d, s, e in schedule]
        ).execute() if schedule else None
    for row in plan["shifts"]:
        Shift.create(**row)
    for row in plan["media"]:
        MediaSource.create(**row)
    TriageKeyword.insert_many([
        {"keyword": k.lower(), "lang": "zh" if any(ord(c) > 127 for c in k) else "en",
         "department": depts[code], "red_flag": red}
        for k, code, red in plan["triage"]
    ]).execute()
    for row in plan["grooming"]:
        GroomingItem.create(**row)
    settings.set_json("rules.triage", plan["triage_doc"])
    settings.set_json("rules.lateness", plan["lateness"])
    settings.set_json("rules.fee_waivers", plan["waivers"])
    from frontdesk import triage

    triage.invalidate()
    return LoadReport(
        departments=len(depts), doctors=len(plan["doctors"]), shifts=len(plan["shifts"]),
        grooming_items=len(plan["grooming"]), triage_keywords=len(plan["triage"]),
    )


def reload_triage_rules(folder: Path | None = None) -> dict[str, Any]:
    """Re-read triage.toml into the database's rule document (keeps keyword rows as they are).

    Validated against the database's departments first; the triage cache is dropped.
    """
    folder = folder or rules_dir()
    path = folder / "triage.toml"
    departments = [{"code": d.code, "is_emergency": d.is_emergency} for d in Department.select()]
    _keywords, doc = triage_document(path, read_toml(path), departments)
    settings.set_json("rules.triage", doc)
    from frontdesk import triage

    triage.invalidate()
    return doc


def rules_loaded() -> bool:
    return Department.select().exists()
