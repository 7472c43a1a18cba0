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
from frontdesk.paths import resource_path
from frontdesk.rule_files import Reader as _Reader
from frontdesk.rule_files import bad as _bad
from frontdesk.rule_files import entries as _entries
from frontdesk.rule_files import read_toml

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
    service_file = folder / "service.toml"
    from frontdesk.service import desk_rules

    desk_rules.read_file(service_file if service_file.exists() else None)  # checked first too
    with database_proxy.atomic():
        report = _write(plan)
        desk_rules.install(service_file if service_file.exists() else None)
        return report


def _plan(folder: Path, data: dict[str, dict[str, Any]]) -> dict[str, Any]:
    # Inside: importing frontdesk.triage.rules loads the triage package, and the app's
    # start imports this module (tests/cli/test_startup_imports.py).
    from frontdesk.triage.rules import triage_document

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
    from frontdesk.staffing import staffing_rules

    plan["staffing"] = staffing_rules.plan(folder)
    plan["shifts"] += plan["staffing"]["shifts"]  # the seasons' office hours are shifts too
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
    from frontdesk.staffing import staffing_rules

    staffing_rules.write(plan["staffing"])
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
    from frontdesk.triage.rules import triage_document

    departments = [{"code": d.code, "is_emergency": d.is_emergency} for d in Department.select()]
    _keywords, doc = triage_document(path, read_toml(path), departments)
    settings.set_json("rules.triage", doc)
    from frontdesk import triage

    triage.invalidate()
    return doc


def reload_triage(folder: Path | None = None, *, actor) -> dict[str, Any]:
    """`frontdesk rules reload`: the folder's triage.toml into the database, with the rules
    version every desk watches bumped and an audit entry, in one transaction (two of them
    at once: each writes the whole document, the version goes up twice)."""
    from frontdesk import audit

    folder = folder or rules_dir()
    with database_proxy.atomic():
        doc = reload_triage_rules(folder)
        audit.record(actor, "update", "setting", "rules.triage",
                     {"source": str(folder / "triage.toml")})
    return doc


def rules_loaded() -> bool:
    return Department.select().exists()
