"""What the admin screens change: departments, doctors and schedules, fees, grooming items, settings.

Each change is permission-checked, validated as a whole before anything is
written, done in one transaction, and audited as `rule_change` with the
fields' values before and after. Rule rows are never deleted (visits, fines
and checks point at them); they are switched off instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from frontdesk import audit, settings, stages, triage
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Department,
    Doctor,
    DoctorSchedule,
    FeeClass,
    GroomingItem,
    database_proxy,
)
from frontdesk.db.transaction import take_turn, write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import LANGUAGES
from frontdesk.permissions import Perm, require
from frontdesk.reception import urgency
from frontdesk.rules import GROOMING_CATEGORIES
from frontdesk.validation import clean_label, hospital_name, lookup_code, lookup_id

CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,15}$")
TIME_RE = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")
MAX_FEE_FEN = 1_000_000  # 10,000 yuan: anything above is a typo
MAX_FINE_FEN = 100_000
TICKET_PREFIX_RE = re.compile(r"^[A-Z]{1,2}$")
CHILD_AGE_RANGE = (1, 18)  # door.child_below_age: 儿科 ends at 14 here, at 18 elsewhere
ELDER_AGE_RANGE = (45, 100)  # door.elder_min_age: the house's 老年人 is 60; priority often 65-70
MAX_WAIT_MINUTES = 480  # a desk threshold beyond a working morning is a typo


# --- small validators --------------------------------------------------------


def _text(value: str, field: str, zh_label: str, en_label: str, *, required: bool = True,
          max_len: int = 80, single_line: bool = True) -> str:
    # Names shown in lists, titles and slips: no control or bidi characters, bounded.
    return clean_label(value, field, max_len, zh_label, en_label, required=required,
                       single_line=single_line)


def _code(value: str, model, row_id: int | None) -> str:
    value = value.strip() if isinstance(value, str) else None
    if value is None or not CODE_RE.match(value):
        raise ValidationError("代码须以小写英文字母开头，只含小写字母、数字和下划线，最多 16 个字符。",
                              "A code starts with a lower-case letter and has only lower-case "
                              "letters, digits and _ (at most 16).", field="code")
    clash = model.select().where(model.code == value)
    if row_id is not None:
        clash = clash.where(model.id != lookup_id(row_id))
    if clash.exists():
        raise ConflictError(f"代码“{value}”已被使用。", f"The code '{value}' is already used.",
                            field="code")
    return value


def parse_yuan(value: str | int | float, *, field: str = "amount", maximum_fen: int = MAX_FEE_FEN
               ) -> int:
    """'12.5' yuan → 1250 fen; refuses negatives, more than two decimals, and absurd amounts."""
    raw = str(value).strip().replace("¥", "").replace("元", "").replace(",", "")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationError("请输入金额（元），例如 10 或 12.50。",
                              "Enter an amount in yuan, e.g. 10 or 12.50.", field=field)
    if amount < 0:
        raise ValidationError("金额不能为负数。", "The amount must not be negative.", field=field)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValidationError("金额最多两位小数。", "At most two decimals (fen).", field=field)
    if fen > maximum_fen:
        raise ValidationError(f"金额不能超过 {maximum_fen // 100} 元。",
                              f"The amount must not exceed {maximum_fen // 100} yuan.", field=field)
    return int(fen)


def _time(value: str, field: str) -> str:
    value = (value or "").strip()
    m = TIME_RE.match(value)
    if not m or (m.group(1) == "24" and m.group(2) != "00"):
        raise ValidationError("时间格式为 HH:MM，例如 08:00。", "A time is HH:MM, e.g. 08:00.",
                              field=field)
    return value


# --- audited save ----------------------------------------------------------------


def _save(actor, model, row_id: int | None, fields: dict[str, Any], entity: str):
    """Create or update one rule row; audit only the fields that changed."""
    if model is Department:
        triage.invalidate()  # suggestions name and rank the active departments
    if row_id is None:
        row = model.create(**fields)
        audit.record(actor, "rule_change", entity, row.id, {"created": fields})
        return row
    row = model.get_or_none(model.id == lookup_id(row_id))
    if row is None:
        raise NotFound("找不到要修改的记录，可能已被其他人修改。",
                       "The record to change no longer exists; someone may have changed it.")
    changed = {k: (getattr(row, k), v) for k, v in fields.items() if getattr(row, k) != v}
    if changed:
        model.update(**{k: v for k, (_, v) in changed.items()}).where(model.id == row_id).execute()
        for k, (_, v) in changed.items():
            setattr(row, k, v)
        audit.record(actor, "rule_change", entity, row_id,
                     {k: {"before": b, "after": a} for k, (b, a) in changed.items()})
    return row


def _set_active(actor, model, row_id: int, active: bool, entity: str) -> None:
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        # Only an existing row is switched: no id (or a bad one) is "not found", never a new row.
        _save(actor, model, lookup_id(row_id), {"active": bool(active)}, entity)


# --- triage rules ----------------------------------------------------------------


def triage_rules_current(*, actor) -> bool | None:
    """Whether the database's triage rules are the installed triage.toml's (None: the
    database keeps none of its own, or the installed file cannot be read)."""
    require(actor, Perm.MANAGE_RULES)
    return triage.stored_rules_current()


@changes(Changed.RULES)
def take_installed_triage_rules(*, actor) -> dict[str, Any]:
    """What `frontdesk rules reload` does, for an admin at a desk without a shell: the
    installed triage.toml becomes the database's rule document, the rules version every
    desk watches goes up and the change is audited, in one transaction. A broken
    installed file is a ConfigError naming it; nothing is written then."""
    require(actor, Perm.MANAGE_RULES)
    from frontdesk import rules

    return rules.reload_triage(actor=actor)


# --- departments -----------------------------------------------------------------


def list_departments(*, actor) -> list[Department]:
    require(actor, Perm.MANAGE_RULES)
    return list(Department.select().order_by(Department.sort, Department.id))


def _keep_an_emergency_department(dept_id: int | None, *, active: bool,
                                  is_emergency: bool) -> None:
    """Refuse a change that would leave no active emergency department.

    Every red-flag complaint must go to one; without it the desk could not
    triage a patient with chest pain at all. Call inside the transaction.
    """
    if dept_id is None or (active and is_emergency):
        return
    dept = Department.get_or_none(Department.id == lookup_id(dept_id))
    if dept is None or not (dept.active and dept.is_emergency):
        return
    others = Department.select().where(
        (Department.id != lookup_id(dept_id)) & (Department.active == True)  # noqa: E712
        & (Department.is_emergency == True))  # noqa: E712
    if not others.exists():
        raise ConflictError(
            f"“{dept.name_zh}”是唯一启用的急诊科室，危急症状的患者都要分到这里。"
            "请先启用或设置另一个急诊科室，再停用它或取消“急诊”。",
            f"'{dept.name_en or dept.name_zh}' is the only active emergency department, where "
            "every red-flag patient goes. Switch on or mark another emergency department "
            "first, then deactivate this one or untick Emergency.",
            field="is_emergency" if active else "active")


@changes(Changed.RULES)
def save_department(*, actor, dept_id: int | None = None, code: str, name_zh: str,
                    name_en: str = "", short_zh: str, short_en: str = "", room: str = "",
                    floor: str = "", directions_zh: str = "", directions_en: str = "",
                    is_emergency: bool = False) -> Department:
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        fields = dict(
            code=_code(code, Department, dept_id),
            name_zh=_text(name_zh, "name_zh", "科室名称", "department name", max_len=40),
            name_en=_text(name_en, "name_en", "英文名称", "English name", required=False, max_len=60),
            short_zh=_text(short_zh, "short_zh", "排队号前缀", "queue prefix", max_len=4),
            short_en=_text(short_en, "short_en", "英文前缀", "English prefix", required=False, max_len=8),
            room=_text(room, "room", "诊室", "room", required=False, max_len=40),
            floor=_text(floor, "floor", "楼层", "floor", required=False, max_len=16),
            directions_zh=_text(directions_zh, "directions_zh", "路线说明", "directions",
                                required=False, max_len=400, single_line=False),
            directions_en=_text(directions_en, "directions_en", "英文路线说明", "English directions",
                                required=False, max_len=400, single_line=False),
            is_emergency=bool(is_emergency),
        )
        _keep_an_emergency_department(dept_id, active=True, is_emergency=bool(is_emergency))
        if dept_id is None:
            fields["sort"] = Department.select().count()
        return _save(actor, Department, dept_id, fields, "department")


@changes(Changed.RULES)
def set_department_active(*, actor, dept_id: int, active: bool) -> None:
    """Switch a department on or off; the last active emergency department stays on."""
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        _keep_an_emergency_department(dept_id, active=bool(active), is_emergency=True)
        _set_active(actor, Department, dept_id, active, "department")


# --- fee classes -----------------------------------------------------------------


def list_fee_classes(*, actor) -> list[FeeClass]:
    require(actor, Perm.MANAGE_RULES)
    return list(FeeClass.select().order_by(FeeClass.amount_fen, FeeClass.id))


@changes(Changed.RULES)
def save_fee_class(*, actor, fee_id: int | None = None, code: str, name_zh: str,
                   name_en: str = "", amount: str | int) -> FeeClass:
    """`amount` in yuan as typed ("35", "12.50"); stored in fen."""
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        fields = dict(
            code=_code(code, FeeClass, fee_id),
            name_zh=_text(name_zh, "name_zh", "号别名称", "fee class name", max_len=40),
            name_en=_text(name_en, "name_en", "英文名称", "English name", required=False, max_len=60),
            amount_fen=parse_yuan(amount),
        )
        return _save(actor, FeeClass, fee_id, fields, "fee_class")


# --- doctors and their schedule ------------------------------------------------


@dataclass(frozen=True)
class DoctorInfo:
    id: int
    name: str
    department_id: int
    department_zh: str
    department_en: str
    fee_class_id: int
    fee_class_zh: str
    fee_class_en: str
    amount_fen: int
    title_zh: str
    title_en: str
    specialty_zh: str
    specialty_en: str
    active: bool
    schedule: tuple[tuple[int, str, str], ...]


def list_doctors(*, actor) -> list[DoctorInfo]:
    require(actor, Perm.MANAGE_RULES)
    blocks: dict[int, list[tuple[int, str, str]]] = {}
    for s in DoctorSchedule.select().order_by(DoctorSchedule.weekday, DoctorSchedule.start):
        blocks.setdefault(s.doctor_id, []).append((s.weekday, s.start, s.end))
    rows = (Doctor.select(Doctor, Department, FeeClass).join(Department).switch(Doctor)
            .join(FeeClass).order_by(Department.sort, Doctor.name))
    return [DoctorInfo(d.id, d.name, d.department.id, d.department.name_zh, d.department.name_en,
                       d.fee_class.id, d.fee_class.name_zh, d.fee_class.name_en,
                       d.fee_class.amount_fen, d.title_zh, d.title_en, d.specialty_zh,
                       d.specialty_en, d.active, tuple(blocks.get(d.id, ())))
            for d in rows]


@changes(Changed.RULES)
def save_doctor(*, actor, doctor_id: int | None = None, name: str, department_id: int | None,
                fee_class_id: int | None, title_zh: str, title_en: str = "",
                specialty_zh: str = "", specialty_en: str = "") -> Doctor:
    require(actor, Perm.MANAGE_RULES)
    with database_proxy.atomic():
        department = Department.get_or_none(Department.id == lookup_id(department_id)) if department_id else None
        if department is None:
            raise ValidationError("请选择科室。", "Choose a department.", field="department")
        fee_class = FeeClass.get_or_none(FeeClass.id == lookup_id(fee_class_id)) if fee_class_id else None
        if fee_class is None:
            raise ValidationError("请选择号别（挂号费）。", "Choose a fee class.", field="fee_class")
        fields = dict(
            name=_text(name, "name", "医生姓名", "doctor's name", max_len=40),
            department=department, fee_class=fee_class,  # rows compare by id in _save
            title_zh=_text(title_zh, "title_zh", "职称", "title", max_len=40),
            title_en=_text(title_en, "title_en", "英文职称", "English title", required=False,
                           max_len=60),
            specialty_zh=_text(specialty_zh, "specialty_zh", "专长", "specialty", required=False,
                               max_len=120),
            specialty_en=_text(specialty_en, "specialty_en", "英文专长", "English specialty",
                               required=False, max_len=160),
        )
        return _save(actor, Doctor, doctor_id, fields, "doctor")


@changes(Changed.RULES)
def set_doctor_active(*, actor, doctor_id: int, active: bool) -> None:
    _set_active(actor, Doctor, doctor_id, active, "doctor")


def parse_day_blocks(weekday: int, typed: str) -> list[tuple[int, str, str]]:
    """One weekday's blocks as typed, "08:00-12:00, 14:00-18:00"; errors name the field dayN."""
    field = f"day{weekday}"
    blocks = []
    for part in re.split(r"[,，;；\s]+", typed.strip()):
        if not part:
            continue
        pieces = re.split(r"[-–~～至到]", part)
        if len(pieces) != 2:
            raise ValidationError(f"无法识别“{part}”。请写成 08:00-12:00，多段用逗号分开。",
                                  f"Cannot read '{part}'. Write 08:00-12:00; separate blocks "
                                  "with commas.", field=field)
        start, end = (_time(p, field) for p in pieces)
        if start >= end:
            raise ValidationError(f"“{part}”的结束时间必须晚于开始时间。",
                                  f"In '{part}' the end must be after the start.", field=field)
        blocks.append((weekday, start, end))
    blocks.sort()
    for (_, _, e1), (_, s2, _) in zip(blocks, blocks[1:], strict=False):
        if s2 < e1:
            raise ValidationError("这一天的出诊时间有重叠。", "Two blocks on this day overlap.",
                                  field=field)
    return blocks


@changes(Changed.RULES)
def set_doctor_schedule(*, actor, doctor_id: int, blocks: list[tuple[int, str, str]]) -> None:
    """Replace a doctor's weekly schedule: (weekday 0=Mon..6, "HH:MM", "HH:MM") blocks."""
    require(actor, Perm.MANAGE_RULES)
    clean = []
    if not isinstance(blocks, (list, tuple)) or not all(
            isinstance(b, (list, tuple)) and len(b) == 3 for b in blocks):
        raise ValidationError("出诊时间格式不对：每段应为 星期、开始、结束。",
                              "A schedule is a list of (weekday, start, end) blocks.",
                              field="start")
    for weekday, start, end in blocks:
        if not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise ValidationError("星期必须是周一到周日。", "The weekday must be Monday to Sunday.",
                                  field="weekday")
        start, end = _time(start, "start"), _time(end, "end")
        if start >= end:
            raise ValidationError("结束时间必须晚于开始时间。", "The end must be after the start.",
                                  field="end")
        clean.append((weekday, start, end))
    clean.sort()
    for (d1, _, e1), (d2, s2, _) in zip(clean, clean[1:], strict=False):
        if d1 == d2 and s2 < e1:
            raise ValidationError("同一天的出诊时间有重叠。", "Two blocks on the same day overlap.",
                                  field="start")
    with database_proxy.atomic():
        doctor = Doctor.get_or_none(Doctor.id == lookup_id(doctor_id))
        if doctor is None:
            raise NotFound("找不到该医生。", "No such doctor.")
        before = [(s.weekday, s.start, s.end) for s in
                  DoctorSchedule.select().where(DoctorSchedule.doctor == doctor_id)
                  .order_by(DoctorSchedule.weekday, DoctorSchedule.start)]
        if before == clean:
            return
        DoctorSchedule.delete().where(DoctorSchedule.doctor == doctor_id).execute()
        if clean:
            DoctorSchedule.insert_many([{"doctor": doctor_id, "weekday": d, "start": s, "end": e}
                                        for d, s, e in clean]).execute()
        audit.record(actor, "rule_change", "doctor_schedule", doctor_id,
                     {"doctor": doctor.name, "before": before, "after": clean})


# --- grooming items --------------------------------------------------------------


def list_grooming_items(*, actor) -> list[GroomingItem]:
    require(actor, Perm.MANAGE_RULES)
    return list(GroomingItem.select().order_by(GroomingItem.sort, GroomingItem.id))


@changes(Changed.RULES)
def save_grooming_item(*, actor, item_id: int | None = None, code: str, category: str,
                       name_zh: str, name_en: str = "", fine: str | int) -> GroomingItem:
    """`fine` in yuan as typed; checks already made keep the amount they applied (snapshots)."""
    require(actor, Perm.MANAGE_RULES)
    if category not in GROOMING_CATEGORIES:
        raise ValidationError("请选择类别。", "Choose a category.", field="category")
    with database_proxy.atomic():
        fields = dict(
            code=_code(code, GroomingItem, item_id), category=category,
            name_zh=_text(name_zh, "name_zh", "检查项名称", "item name", max_len=80),
            name_en=_text(name_en, "name_en", "英文名称", "English name", required=False,
                          max_len=120),
            fine_fen=parse_yuan(fine, field="fine", maximum_fen=MAX_FINE_FEN),
        )
        if item_id is None:
            fields["sort"] = GroomingItem.select().count()
        return _save(actor, GroomingItem, item_id, fields, "grooming_item")


@changes(Changed.RULES)
def set_grooming_item_active(*, actor, item_id: int, active: bool) -> None:
    _set_active(actor, GroomingItem, item_id, active, "grooming_item")


# --- settings --------------------------------------------------------------------


def _int_in(lo: int, hi: int, zh: str, en: str):
    def check(value: Any, key: str) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number is None or not lo <= number <= hi:
            raise ValidationError(f"{zh}必须是 {lo}–{hi} 之间的整数。",
                                  f"The {en} must be a whole number from {lo} to {hi}.", field=key)
        return number
    return check


def _folder(value: Any, key: str) -> str:
    from frontdesk.admin.backup import check_folder

    text = str(value or "").strip()
    if text:
        try:
            check_folder(Path(text))  # missing or read-only: said now, not at 2 a.m.
        except ValidationError as exc:
            exc.field = key
            raise
    return text


def _hospital_name(value: Any, key: str) -> str:
    try:
        return hospital_name(value)
    except ValidationError as exc:
        exc.field = key
        raise


def _language(value: Any, key: str) -> str:
    if not isinstance(value, str) or value not in LANGUAGES:
        raise ValidationError("不支持的界面语言。", "Unsupported language.", field=key)
    return value


def _ticket_prefix(value: Any, key: str) -> str:
    # Said aloud and printed ("A012"): one or two Latin letters, upper case.
    text = str(value if value is not None else "").strip().upper()
    if not TICKET_PREFIX_RE.match(text):
        raise ValidationError("门口取号的前缀须是 1–2 个英文字母，例如 A。",
                              "The door ticket prefix is one or two letters, e.g. A.", field=key)
    return text


def _stage_minutes(side: str, zh: str, en: str):
    """A per-stage threshold map {stage: minutes}; stages not given keep their current value.
    An error names the cell: field "desk.amber_minutes.BILLING"."""
    def check(value: Any, key: str) -> dict[str, int]:
        if not isinstance(value, dict):
            raise ValidationError(f"{zh}格式不对。", f"The {en} times are not readable.", field=key)
        current = urgency.thresholds()
        clean = {stage: getattr(current[stage], side) for stage in urgency.COUNTED_STAGES}
        for stage, minutes in value.items():
            if stage not in clean:
                shown = lookup_code(stage) or "?"  # never echo control characters
                raise ValidationError(f"未知环节 {shown}。", f"Unknown stage {shown}.", field=key)
            name = stages.stage_name(stage)
            clean[stage] = _int_in(1, MAX_WAIT_MINUTES, f"{name.zh}的{zh}",
                                   f"{en} time for {name.en} (minutes)")(minutes, f"{key}.{stage}")
        return clean
    return check


def _check_together(clean: dict[str, Any]) -> None:
    """Settings that only make sense as a pair: checked against the stored other half."""
    def value(key: str) -> Any:
        return clean[key] if key in clean else settings.hospital_default(key)

    if "door.child_below_age" in clean or "door.elder_min_age" in clean:
        child, elder = value("door.child_below_age"), value("door.elder_min_age")
        if isinstance(child, int) and isinstance(elder, int) and child >= elder:
            key = "door.child_below_age" if "door.child_below_age" in clean else "door.elder_min_age"
            raise ValidationError(f"儿童年龄上限（{child}）必须小于老人起始年龄（{elder}）。",
                                  f"The child age limit ({child}) must be below the elder age "
                                  f"({elder}).", field=key)
    if "desk.amber_minutes" in clean or "desk.red_minutes" in clean:
        limits = urgency.thresholds()  # the stored half, read as the desk reads it
        amber = clean.get("desk.amber_minutes") or {s: t.amber for s, t in limits.items()}
        red = clean.get("desk.red_minutes") or {s: t.red for s, t in limits.items()}
        for stage in urgency.COUNTED_STAGES:
            if amber[stage] >= red[stage]:
                side = "desk.red_minutes" if "desk.red_minutes" in clean else "desk.amber_minutes"
                name = stages.stage_name(stage)
                raise ValidationError(
                    f"{name.zh}：变红的时间（{red[stage]} 分钟）必须晚于变黄的时间"
                    f"（{amber[stage]} 分钟）。",
                    f"{name.en}: red ({red[stage]} min) must come after amber "
                    f"({amber[stage]} min).", field=f"{side}.{stage}")


SETTINGS_LOCK_CLASS = 0x46440012  # advisory lock namespace ("FD" 18): saving settings

# Settings an admin may change here, each with its check.
EDITABLE_SETTINGS = {
    "hospital.name": _hospital_name,
    "security.idle_lock_minutes": _int_in(1, 120, "自动锁屏时间（分钟）", "idle lock time (minutes)"),
    "security.pin_length": _int_in(4, 6, "PIN 码位数", "PIN length"),
    "backup.folder": _folder,
    "backup.keep_days": _int_in(1, 3650, "备份保留天数", "backup retention (days)"),
    "ui.language": _language,
    "door.ticket_prefix": _ticket_prefix,
    "door.child_below_age": _int_in(*CHILD_AGE_RANGE, "儿童年龄上限", "child age limit"),
    "door.elder_min_age": _int_in(*ELDER_AGE_RANGE, "老人起始年龄", "elder age"),
    "desk.amber_minutes": _stage_minutes("amber", "变黄时间（分钟）", "amber"),
    "desk.red_minutes": _stage_minutes("red", "变红时间（分钟）", "red"),
}


def current_settings(*, actor) -> dict[str, Any]:
    require(actor, Perm.MANAGE_SETTINGS)
    values = {key: settings.get(key) for key in EDITABLE_SETTINGS}
    # The desk's thresholds as the desk reads them: every stage, typos replaced by defaults.
    limits = urgency.thresholds()
    values["desk.amber_minutes"] = {stage: t.amber for stage, t in limits.items()}
    values["desk.red_minutes"] = {stage: t.red for stage, t in limits.items()}
    return values


@changes(Changed.SETTINGS, when=bool)
def update_settings(*, actor, values: dict[str, Any]) -> list[str]:
    """Check every value first, then write the changed ones together; returns the changed keys."""
    require(actor, Perm.MANAGE_SETTINGS)
    clean = {}
    if not isinstance(values, dict):
        raise ValidationError("没有可保存的设置。", "There are no settings to save.", field="values")
    for key, value in values.items():
        if key not in EDITABLE_SETTINGS:
            shown = lookup_code(key) or "?"  # never echo control characters
            raise ValidationError(f"未知设置 {shown}。", f"Unknown setting {shown}.",
                                  field="values")
        clean[key] = EDITABLE_SETTINGS[key](value, key)
    changed = []
    with write_tx():
        # Two admins saving the halves of a pair (amber and red, child and elder ages)
        # at once: the second checks against what the first committed.
        take_turn(SETTINGS_LOCK_CLASS, 0)
        _check_together(clean)
        for key, value in clean.items():
            # Desk-local keys (language) set here are the hospital's default for every desk.
            before = settings.hospital_default(key)
            if before != value:
                settings.set_hospital_default(key, value)
                audit.record(actor, "rule_change", "setting", key, {"before": before, "after": value})
                changed.append(key)
    return changed
