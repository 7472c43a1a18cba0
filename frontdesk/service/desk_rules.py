"""The service desk's rules as data: complaint deadlines, approval limits, the media list.

resources/rules/service.toml is read once into the database (the `Setting` row
"rules.service" and MediaSource rows); an admin then edits the media list and
the working-day calendar in the app. Deadlines count WORKING days: Monday to
Friday, except the calendar's holidays, plus its make-up working days (调休).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from frontdesk import audit, settings
from frontdesk.changes import Changed, changes
from frontdesk.db.models import CalendarDay, MediaSource, Setting
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg, localized
from frontdesk.paths import resource_path
from frontdesk.permissions import Perm, require
from frontdesk.rule_files import Reader, bad, entries, read_toml
from frontdesk.validation import clean_label, clean_text, lookup_id, picked_day, whole_number

SETTING_KEY = "rules.service"
FILE = "service.toml"

DEPT_MANAGER = "dept_manager"
VICE_PRESIDENT = "vice_president"
GENERAL_MANAGER = "general_manager"
APPROVER_ROLES = (DEPT_MANAGER, VICE_PRESIDENT, GENERAL_MANAGER)
APPROVER_NAMES = {
    DEPT_MANAGER: Msg("部门经理", "Department manager"),
    VICE_PRESIDENT: Msg("副总经理", "Vice-president"),
    GENERAL_MANAGER: Msg("总经理", "General manager"),
}


def _default_path() -> Path:
    return resource_path("rules", FILE)


def read_file(path: Path | None = None) -> dict[str, Any]:
    """The rules document and media plan of service.toml, checked (raises ConfigError)."""
    path = path or _default_path()
    data = read_toml(path)
    c = Reader(path, data.get("complaints", {}), "[complaints]")
    a = Reader(path, data.get("approvals", {}), "[approvals]")
    f = Reader(path, data.get("follow_up", {}), "[follow_up]")
    ap = Reader(path, data.get("appointments", {}), "[appointments]")
    doc = {
        "complaints": {
            "major_handle_working_days": c.whole("major_handle_working_days", 1, minimum=1),
            "major_revisit_days": c.whole("major_revisit_days", 7, minimum=1),
            "general_handle_working_days": c.whole("general_handle_working_days", 3, minimum=1),
            "general_revisit_days": c.whole("general_revisit_days", 14, minimum=1),
            "close_days": c.whole("close_days", 6, minimum=1),
        },
        "approvals": {
            "vice_president_from_fen": a.amount_fen("vice_president_from"),
            "general_manager_above_fen": a.amount_fen("general_manager_above"),
        },
        "follow_up": {"max_attempts": f.whole("max_attempts", 3, minimum=1)},
        "appointments": {"slot_minutes": ap.whole("slot_minutes", 30, minimum=5),
                         "max_days_ahead": ap.whole("max_days_ahead", 60, minimum=1)},
    }
    if doc["approvals"]["vice_president_from_fen"] > doc["approvals"]["general_manager_above_fen"]:
        raise bad(path, "副总经理的起点金额不能高于总经理的", "the vice-president's limit "
                  "must not be above the general manager's")
    groups = []
    for r in entries(path, data, "media_group"):
        name = r.bilingual("name")
        sources = []
        for i, block in enumerate(r.entry.get("sources", [])):
            s = Reader(path, block, f"{r.where} sources #{i + 1}")
            sname = s.bilingual("name")
            sources.append({"code": s.str("code"), "name_zh": sname.zh, "name_en": sname.en})
        groups.append({"code": r.str("code"), "name_zh": name.zh, "name_en": name.en,
                       "sources": sources})
    return {"doc": doc, "media": groups}


def install(path: Path | None = None) -> None:
    """Store the rules document and arrange the media list in two levels (in the caller's
    transaction). Existing sources keep their names; unknown ones are added."""
    plan = read_file(path)
    value = json.dumps(plan["doc"])
    Setting.insert(key=SETTING_KEY, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}).execute()
    for gi, group in enumerate(plan["media"]):
        parent = _upsert_media(group, None, gi * 100)
        for si, source in enumerate(group["sources"]):
            _upsert_media(source, parent.id, gi * 100 + si + 1)


def _upsert_media(row: dict[str, Any], parent_id: int | None, sort: int) -> MediaSource:
    found = MediaSource.get_or_none(MediaSource.code == row["code"])
    if found is None:
        return MediaSource.create(code=row["code"], name_zh=row["name_zh"],
                                  name_en=row["name_en"], parent=parent_id, sort=sort)
    MediaSource.update(parent=parent_id, sort=sort).where(MediaSource.id == found.id).execute()
    return found


def current() -> dict[str, Any]:
    """The rules in force: the database's copy, else the bundled file's."""
    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    if row is not None:
        try:
            doc = json.loads(row.value)
        except (TypeError, ValueError, RecursionError):
            doc = None
        if not isinstance(doc, dict):
            raise settings.damaged_rule(SETTING_KEY)
        return doc
    return read_file()["doc"]


# --- compensation approvals ---------------------------------------------------------


def yuan_to_fen(value) -> int:
    """An amount typed in yuan ("1,000.50", 999.99) as whole fen; refuses anything else."""
    raw = str(value if value is not None else "").replace(",", "").replace("，", "").strip()
    try:
        amount = Decimal(raw)
    except ArithmeticError:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount > Decimal("100000000") \
            or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("金额应为不小于 0 的数字（元，最多两位小数）。",
                              "The amount must be a number of yuan, 0 or more, at most two "
                              "decimals.", field="compensation")
    return int(amount * 100)


def approver_for(amount_fen: int, rules: dict[str, Any] | None = None) -> str:
    """Who must approve a compensation of `amount_fen` ("" for none)."""
    if amount_fen <= 0:
        return ""
    limits = (rules or current())["approvals"]
    if amount_fen > limits["general_manager_above_fen"]:
        return GENERAL_MANAGER
    if amount_fen >= limits["vice_president_from_fen"]:
        return VICE_PRESIDENT
    return DEPT_MANAGER


# --- working days -------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """Exceptions to Monday-Friday, read once for a computation."""

    exceptions: dict[dt.date, bool]

    def is_working(self, day: dt.date) -> bool:
        if day in self.exceptions:
            return self.exceptions[day]
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (start itself does not count)."""
        day = start
        for _ in range(3660):
            if n <= 0:
                return day
            day += dt.timedelta(days=1)
            if self.is_working(day):
                n -= 1
        raise ValidationError("工作日历中找不到足够的工作日。",
                              "The working-day calendar has no working days left.")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return count


def calendar() -> Calendar:
    return Calendar({c.day: c.working for c in CalendarDay.select()})


@dataclass(frozen=True)
class CalendarEntry:
    day: dt.date
    working: bool
    name: str


def calendar_entries(year: int | None = None) -> list[CalendarEntry]:
    q = CalendarDay.select().order_by(CalendarDay.day)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)
                             or not dt.MINYEAR <= year <= dt.MAXYEAR):
        raise ValidationError("年份无效。", "Not a valid year.", field="year")
    if year is not None:
        q = q.where(CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31))
    return [CalendarEntry(c.day, c.working, c.name) for c in q]


@changes(Changed.RULES | Changed.SERVICE)
def set_calendar_day(*, actor, day: dt.date, working: bool, name: str = "") -> CalendarEntry:
    """Mark `day` as a holiday (working=False) or a make-up working day; replaces any entry."""
    require(actor, Perm.MANAGE_RULES)
    day = picked_day(day, "day")
    label = clean_label(name, "name", 40, "名称", "name", required=False)
    with write_tx():
        CalendarDay.insert(day=day, working=bool(working), name=label).on_conflict(
            conflict_target=[CalendarDay.day],
            update={CalendarDay.working: bool(working), CalendarDay.name: label}).execute()
        audit.record(actor, "rule_change", "calendar_day", day.isoformat(),
                     {"working": bool(working), "name": label})
    return CalendarEntry(day, bool(working), label)


@changes(Changed.RULES | Changed.SERVICE)
def clear_calendar_day(*, actor, day: dt.date) -> bool:
    require(actor, Perm.MANAGE_RULES)
    with write_tx():
        n = CalendarDay.delete().where(CalendarDay.day == day).execute()
        if n:
            audit.record(actor, "rule_change", "calendar_day", day.isoformat(), {"removed": True})
    return bool(n)


# --- the media list (two levels) -------------------------------------------------------


@dataclass(frozen=True)
class MediaItem:
    id: int
    code: str
    name_zh: str
    name_en: str
    parent_id: int | None
    active: bool

    @property
    def name(self) -> str:
        return localized(self, "name")


def media_tree(*, include_inactive: bool = False) -> list[tuple[MediaItem, list[MediaItem]]]:
    """Groups in order, each with its sources (a group without sources is a source itself)."""
    q = MediaSource.select().order_by(MediaSource.sort, MediaSource.id)
    if not include_inactive:
        q = q.where(MediaSource.active == True)  # noqa: E712
    items = [MediaItem(m.id, m.code, m.name_zh, m.name_en, m.parent_id, m.active) for m in q]
    ids = {m.id for m in items}
    tops = [m for m in items if m.parent_id is None or m.parent_id not in ids]
    return [(t, [m for m in items if m.parent_id == t.id]) for t in tops]


def media_label(media_id: int | None) -> str:
    """"Group / source" in the reader's language ("" for none)."""
    if not media_id:
        return ""
    m = MediaSource.get_or_none(MediaSource.id == media_id)
    if m is None:
        return ""
    if m.parent_id:
        return f"{localized(m.parent, 'name')} / {localized(m, 'name')}"
    return localized(m, "name")


@changes(Changed.RULES | Changed.SERVICE)
def save_media(*, actor, media_id: int | None = None, code: str = "", name_zh: str,
               name_en: str = "", parent_id: int | None = None, active: bool = True,
               expected_name: str | None = None) -> MediaItem:
    """Add a media source (or group) or rename / move / (de)activate one."""
    require(actor, Perm.MANAGE_RULES)
    zh = clean_label(name_zh, "name_zh", 40, "中文名称", "Chinese name")
    en = clean_label(name_en or zh, "name_en", 60, "英文名称", "English name")
    with write_tx():
        parent = None
        if parent_id is not None:
            parent = MediaSource.get_or_none(MediaSource.id == lookup_id(parent_id))
            if parent is None or parent.parent_id is not None:
                raise ValidationError("上级只能是一个分组（第一层）。",
                                      "The group must be a first-level entry.", field="parent")
        if media_id is None:
            code = clean_text(code, "code", 16, single_line=True).lower()
            if not code or not code.replace("_", "").isalnum() or not code.isascii():
                raise ValidationError("代码只能包含字母、数字和下划线。",
                                      "The code may only hold letters, digits and _.",
                                      field="code")
            if MediaSource.select().where(MediaSource.code == code).exists():
                raise ValidationError("该代码已经存在。", "That code exists already.", field="code")
            sort = (parent.sort + 99) if parent else 100 * (MediaSource.select().where(
                MediaSource.parent.is_null()).count() + 1)
            m = MediaSource.create(code=code, name_zh=zh, name_en=en, parent=parent, sort=sort,
                                   active=bool(active))
            audit.record(actor, "rule_change", "media_source", m.id, {"added": code})
        else:
            m = MediaSource.get_or_none(MediaSource.id == lookup_id(media_id))
            if m is None:
                raise NotFound("找不到该媒体来源。", "That media source was not found.")
            if expected_name is not None and m.name_zh != expected_name:
                raise ConflictError("这个媒体来源刚被同事修改过，列表已刷新。",
                                    "A colleague has just changed this media source; "
                                    "the list was refreshed.")
            if parent is not None and (parent.id == m.id or m.children.count()):
                raise ValidationError("分组不能放进另一个分组。",
                                      "A group cannot go into another group.", field="parent")
            MediaSource.update(name_zh=zh, name_en=en, parent=parent, active=bool(active)).where(
                MediaSource.id == m.id).execute()
            audit.record(actor, "rule_change", "media_source", m.id,
                         {"name_zh": zh, "name_en": en, "parent": parent_id,
                          "active": bool(active)})
            m = MediaSource.get_by_id(m.id)
    return MediaItem(m.id, m.code, m.name_zh, m.name_en, m.parent_id, m.active)


@changes(Changed.RULES | Changed.SERVICE)
def set_follow_up_attempts(*, actor, attempts) -> int:
    """How many failed call attempts close a follow-up (the seed says 3-5)."""
    require(actor, Perm.MANAGE_RULES)
    attempts = whole_number(attempts, 3)
    if attempts is None or not 1 <= attempts <= 10:
        raise ValidationError("回访次数应为 1–10 的整数（规定为 3–5 次）。",
                              "Attempts must be a whole number from 1 to 10 (the rules say 3-5).",
                              field="attempts")
    with write_tx():
        doc = current()
        old = doc["follow_up"]["max_attempts"]
        doc["follow_up"]["max_attempts"] = attempts
        value = json.dumps(doc)
        Setting.insert(key=SETTING_KEY, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}).execute()
        audit.record(actor, "rule_change", "service_rules", "follow_up.max_attempts",
                     {"from": old, "to": attempts})
    return attempts
