"""The reception flow: greeting → triage → registration → billing → escort → back at post.

Each step is one domain call (keyword `actor` = the logged-in Staff row) that
checks the permission, then in ONE transaction moves the visit, bumps its
`version` and writes a VisitEvent (stage, from_stage, action, staff, at).
Steps take `expected_version`: when another desk advanced the visit first,
ConflictError says so and nothing is written. A move the flow does not allow
raises ValidationError naming both stages. See docs/reception_api.md.

Changes to the agreed contract (also in docs/reception_api.md):
- additions only: VisitView.billing_deferred, .queue_no, .patient_phone,
  .record_no, .department_code, .escort_back, .open; EventView.from_stage and
  .note; assign_escort(); escorts_out(); FormInvalid (a ValidationError
  carrying every field's error); RegistrationForm.from_dict()/to_dict();
  fee_quote(visit_id); describe_stage(stage).
- attach_patient is allowed at TRIAGE and REGISTRATION and writes the event
  "patient_attached" (no stage change); assign_escort writes "escort_assigned".
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from peewee import SqliteDatabase

from frontdesk import audit, fees, leave_reasons, patients, queue, stages, validation
from frontdesk import triage as triage_rules  # `triage` is the step below
from frontdesk.db.models import (
    Appointment,
    Department,
    Doctor,
    MediaSource,
    Patient,
    Payment,
    Staff,
    Visit,
    VisitDraft,
    VisitEvent,
    database_proxy,
    now,
)
from frontdesk.errors import (
    ConfigError,
    ConflictError,
    NotFound,
    ValidationError,
)
from frontdesk.i18n import text
from frontdesk.permissions import Perm, require

# Actions on a visit that do not move it to another stage.
PATIENT_ATTACHED = "patient_attached"
ESCORT_ASSIGNED = "escort_assigned"

COMPLAINT_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 200
ESCORT_ROLES = ("guide", "desk")


def _now() -> dt.datetime:
    # One clock for the module, so tests can pin it.
    return now()


# --- Views -------------------------------------------------------------------------


@dataclass(frozen=True)
class EventView:
    stage: str
    action: str
    at: dt.datetime
    staff_name: str
    from_stage: str = ""
    note: str = ""


@dataclass(frozen=True)
class VisitView:
    id: int
    version: int
    stage: str
    visit_date: dt.date
    queue_label: str
    patient_id: int | None
    patient_name: str
    sex: str
    age: int | None
    vip_tier: str
    first_visit: bool
    has_appointment: bool
    appointment_id: int | None
    complaint: str
    red_flag: bool
    triage_reason: str
    department_id: int | None
    department_name: str
    room: str
    floor: str
    directions: str
    doctor_id: int | None
    doctor_name: str
    doctor_title: str
    fee_fen: int
    fee_waived: bool
    waiver_reason: str
    escort_id: int | None
    escort_name: str
    left_reason: str
    arrived_at: dt.datetime | None
    stage_since: dt.datetime | None
    events: list[EventView] = field(default_factory=list)
    # additions to the contract
    billing_deferred: bool = False
    queue_no: int | None = None
    patient_phone: str = ""
    record_no: str = ""
    department_code: str = ""
    escort_back: bool = False  # DONE and the escort is back at the post
    open: bool = True
    registered_late: bool = False  # a deferred visit registered after treatment began
    billing_open: bool = False  # billing deferred and not yet paid or waived
    left_reason_code: str = ""  # leave_reasons code (left_reason is its label, localised)


def _late_step_allowed(view: VisitView) -> bool:
    return view.billing_deferred and view.stage in stages.LATE_STAGES


# --- Registration form -------------------------------------------------------------


class FormInvalid(ValidationError):
    """A registration form with one or more bad fields; `errors` maps field -> error."""

    def __init__(self, errors: dict[str, ValidationError]):
        first = next(iter(errors.values()))
        zh = "；".join(e.zh for e in errors.values())
        en = " ".join(e.en for e in errors.values())
        super().__init__(zh, en, field=first.field)
        self.errors = errors


# Free-text fields of the form and their length limits (model column widths).
_TEXT_LIMITS = {
    "address": 200,
    "medical_history": 1000,
    "illness_duration": 40,
    "disease_category": 40,
    "intention": 500,
    "concerns": 500,
    "health_question": 500,
    "price_comparison": 500,
    "habits": 500,
    "economic_status": 40,
    "person_type": 40,
}
_SEX_WORDS = {"m": "M", "male": "M", "男": "M", "f": "F", "female": "F", "女": "F"}


@dataclass
class RegistrationForm:
    """The registration form (the seed's general and targeted fields + media source).

    validate() normalises the fields in place (phone digits, ID upper case,
    sex and birth date from the ID, age from the birth date) and returns
    {field: ValidationError} for every bad field; {} when it may be saved.
    """

    name: str
    sex: str
    phone: str
    id_number: str = ""
    birth_date: dt.date | None = None
    age: int | None = None
    address: str = ""
    medical_history: str = ""
    illness_duration: str = ""
    disease_category: str = ""
    intention: str = ""
    concerns: str = ""
    health_question: str = ""
    price_comparison: str = ""
    habits: str = ""
    economic_status: str = ""
    person_type: str = ""
    media_source_id: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RegistrationForm:
        """Build from a draft or UI dict; unknown keys are ignored, missing ones default."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        for required in ("name", "sex", "phone"):
            values.setdefault(required, "")
        if isinstance(values.get("birth_date"), str):
            values["birth_date"] = _parse_date(values["birth_date"])
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.birth_date:
            data["birth_date"] = self.birth_date.isoformat()
        return data

    def validate(self, today: dt.date | None = None) -> dict[str, ValidationError]:
        today = today or _now().date()
        errors: dict[str, ValidationError] = {}

        def check(name: str, fn_, *args):
            try:
                return fn_(*args)
            except ValidationError as exc:
                exc.field = exc.field or name
                errors.setdefault(name, exc)
                return None

        name = check("name", validation.validate_name, self.name)
        if name is not None:
            self.name = name
        phone = check("phone", validation.normalise_mobile, self.phone)
        if phone is not None:
            self.phone = phone
        self.sex = _SEX_WORDS.get(str(self.sex or "").strip().lower(), str(self.sex or "").strip())
        if isinstance(self.birth_date, str):
            self.birth_date = _parse_date(self.birth_date)
        if (self.id_number or "").strip():
            rid = check("id_number", validation.parse_resident_id, self.id_number, today)
            if rid is not None:
                self.id_number = rid.number
                if not self.sex:
                    self.sex = rid.sex
                elif self.sex != rid.sex:
                    errors["sex"] = ValidationError(
                        "性别与身份证号不符。", "The sex does not match the ID number.",
                        field="sex")
                if self.birth_date is None:
                    self.birth_date = rid.birth_date
                elif self.birth_date != rid.birth_date:
                    errors["birth_date"] = ValidationError(
                        "出生日期与身份证号不符。",
                        "The birth date does not match the ID number.", field="birth_date")
        else:
            self.id_number = ""
        # A bad ID number would have filled sex and birth date: one message, not three.
        id_bad = "id_number" in errors
        if self.sex not in ("M", "F") and not id_bad:
            errors.setdefault("sex", ValidationError(
                "请选择性别。", "Please choose the sex.", field="sex"))
        if self.birth_date is not None and "birth_date" not in errors:
            age = check("birth_date", validation.age_from_birth, self.birth_date, today)
            if age is not None and age > validation.MAX_TYPED_AGE:
                errors["birth_date"] = ValidationError(
                    f"出生日期 {self.birth_date.isoformat()} 不合理（{age} 岁）。",
                    f"The birth date {self.birth_date.isoformat()} is not plausible "
                    f"({age} years).", field="birth_date")
            elif age is not None:
                self.age = age
        elif self.birth_date is None and not (id_bad and self.age in (None, "")):
            age = check("age", validation.validate_age, self.age)
            if age is not None:
                self.age = age
        for name_, limit in _TEXT_LIMITS.items():
            value = check(name_, validation.clean_text, getattr(self, name_), name_, limit)
            if value is not None:
                setattr(self, name_, value)
        if self.media_source_id is not None and not MediaSource.get_or_none(
            MediaSource.id == self.media_source_id
        ):
            errors["media_source_id"] = ValidationError(
                "请选择有效的媒体来源。", "Choose a media source from the list.",
                field="media_source_id")
        return errors


def _parse_date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValidationError(
            f"日期“{value}”格式不对，应为 年-月-日。",
            f"The date '{value}' is not in the form YYYY-MM-DD.", field="birth_date",
        ) from None


# --- Transactions and checks ---------------------------------------------------------


def _write_tx() -> AbstractContextManager:
    """A transaction that takes SQLite's write lock at once.

    A deferred one would read, then fail to upgrade to a writer when another
    desk wrote in between (SQLITE_BUSY without waiting); IMMEDIATE waits its
    turn under busy_timeout instead, and makes max+1 queue numbers safe.
    """
    db = database_proxy.obj
    if isinstance(db, SqliteDatabase) and db.transaction_depth() == 0:
        return db.atomic("IMMEDIATE")
    return database_proxy.atomic()


def _stage_name(stage: str) -> tuple[str, str]:
    return stages.STAGE_NAMES.get(stage, (stage, stage))


@dataclass(frozen=True)
class _VisitRow:
    """The columns a step decides on, read with one raw select (see _VIEW_SQL's note)."""

    id: int
    version: int
    stage: str
    visit_date: dt.date
    queue_no: int | None
    patient_id: int | None
    department_id: int | None
    doctor_id: int | None
    appointment_id: int | None
    complaint: str
    first_visit: bool
    fee_fen: int
    fee_waived: bool
    waiver_reason: str
    fee_snapshot: str


_LOAD_SQL = ("SELECT id, version, stage, visit_date, queue_no, patient_id, department_id, "
             "doctor_id, appointment_id, complaint, first_visit, fee_fen, fee_waived, "
             "waiver_reason, fee_snapshot FROM visit WHERE id = {p}")


def _load(visit_id: int) -> _VisitRow:
    db = database_proxy.obj
    row = db.execute_sql(_LOAD_SQL.format(p=db.param), [visit_id]).fetchone()
    if row is None:
        raise NotFound(f"找不到这次就诊（编号 {visit_id}）。", f"No visit with id {visit_id}.")
    (vid, version, stage, visit_date, queue_no, patient_id, department_id, doctor_id,
     appointment_id, complaint, first_visit, fee_fen, fee_waived, waiver_reason,
     fee_snapshot) = row
    return _VisitRow(vid, version, stage, _as_date(visit_date), queue_no, patient_id,
                     department_id, doctor_id, appointment_id, complaint, bool(first_visit),
                     fee_fen, bool(fee_waived), waiver_reason, fee_snapshot)


def _conflict(visit: Visit) -> ConflictError:
    zh, en = _stage_name(visit.stage)
    return ConflictError(
        f"这位患者刚刚已由其他导医台处理（现在是“{zh}”一步）。已为您刷新，请从这一步继续。",
        f"Another desk has just moved this visit on (it is now at {en}). "
        "Refresh and continue from there.",
    )


def _illegal(src: str, dst: str) -> ValidationError:
    s_zh, s_en = _stage_name(src)
    d_zh, d_en = _stage_name(dst)
    return ValidationError(
        f"不能从“{s_zh}”转到“{d_zh}”。",
        f"A visit cannot move from {s_en} to {d_en}.",
        field="stage",
    )


def _check_version(visit: Visit, expected_version: int) -> None:
    if visit.version != expected_version:
        raise _conflict(visit)


def _db_value(name: str, value: Any) -> tuple[str, Any]:
    """Column name and driver value for a Visit field given by its model name."""
    fld = Visit._meta.fields[name]
    if isinstance(value, dt.datetime):
        value = value.replace(microsecond=0)
    value = fld.db_value(value)
    if isinstance(value, dt.datetime | dt.date):
        value = str(value)  # what peewee stores on SQLite, without the deprecated adapters
    return fld.column_name, value


def _commit(visit: _VisitRow, *, actor, expected_version: int, stage: str, action: str,
            note: str = "", at: dt.datetime | None = None, from_stage: str | None = None,
            only_from: str | None = None, **changes) -> bool:
    """Write the visit (version-checked) and its event; call inside _write_tx().

    Raw SQL: this runs on every step and peewee would spend longer building the
    statements than SQLite takes to run them. With `only_from` the update also
    requires that stage and a miss returns False instead of raising.
    """
    db = database_proxy.obj
    p = db.param
    at = (at or _now()).replace(microsecond=0)
    sets, params = [f"stage = {p}", "version = version + 1", f"updated_at = {p}"], [stage, str(at)]
    for name, value in changes.items():
        column, value = _db_value(name, value)
        sets.append(f"{column} = {p}")
        params.append(value)
    where = f"id = {p} AND version = {p}"
    params += [visit.id, expected_version]
    if only_from is not None:
        where += f" AND stage = {p}"
        params.append(only_from)
    cursor = db.execute_sql(f"UPDATE visit SET {', '.join(sets)} WHERE {where}", params)
    if cursor.rowcount != 1:
        if only_from is not None:
            return False
        raise _conflict(_load(visit.id))
    actor_id = actor.id if actor is not None else None
    db.execute_sql(
        "INSERT INTO visit_event (visit_id, from_stage, stage, action, at, staff_id, note) "
        f"VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})",
        [visit.id, from_stage if from_stage is not None else visit.stage, stage, action, str(at),
         actor_id, note],
    )
    return True


def _sources(to_stage: str) -> list[str]:
    return [src for src, targets in stages.TRANSITIONS.items() if to_stage in targets]


def _move(visit_id: int, *, actor, expected_version: int, to_stage: str, action: str,
          **changes) -> VisitView:
    """A plain move: check version and transition, write the visit and its event."""
    sources = _sources(to_stage)
    with _write_tx():
        if len(sources) == 1:
            # One legal source: the guarded update is the check, no read first.
            stub = _VisitRow(visit_id, expected_version, sources[0], None, None, None, None,
                             None, None, "", False, 0, False, "", "")
            if _commit(stub, actor=actor, expected_version=expected_version, stage=to_stage,
                       action=action, only_from=sources[0], **changes):
                return _get_visit(visit_id)
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        if not stages.can_move(visit.stage, to_stage):
            raise _illegal(visit.stage, to_stage)
        _commit(visit, actor=actor, expected_version=expected_version, stage=to_stage,
                action=action, **changes)
    return _get_visit(visit_id)


def _require_stage(visit: Visit, allowed: tuple[str, ...], action_zh: str, action_en: str) -> None:
    if visit.stage not in allowed:
        zh, en = _stage_name(visit.stage)
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不能{action_zh}。",
            f"This visit is at {en}; it cannot {action_en} now.",
            field="stage",
        )


# --- The steps -------------------------------------------------------------------------


def new_arrival(*, actor, booked: bool, first_visit: bool, note: str = "") -> VisitView:
    """The door guide greets a patient: a new visit at GREETING ("arrived")."""
    require(actor, Perm.GREET)
    note = validation.clean_text(note, "note", NOTE_MAX_LENGTH)
    at = _now()
    with _write_tx():
        visit = Visit.create(visit_date=at.date(), stage=stages.GREETING, version=1,
                             first_visit=bool(first_visit), has_appointment=bool(booked),
                             created_at=at, updated_at=at)
        VisitEvent.create(visit=visit.id, from_stage="", stage=stages.GREETING,
                          action=stages.ARRIVED, at=at, staff=actor, note=note)
    return _get_visit(visit.id)


def take_at_desk(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The desk takes over from the door guide (GREETING → TRIAGE, "at_desk")."""
    require(actor, Perm.RUN_VISIT)
    return _move(visit_id, actor=actor, expected_version=expected_version,
                 to_stage=stages.TRIAGE, action=stages.AT_DESK)


def _todays_appointment(patient: Patient, day: dt.date) -> Appointment | None:
    booked = Appointment.status == "booked"
    appt = (
        Appointment.select()
        .where((Appointment.patient == patient.id) & (Appointment.date == day) & booked)
        .order_by(Appointment.time, Appointment.id)
        .first()
    )
    if appt is None and patient.phone:
        # Booked by phone before a record existed: matched by the number.
        appt = (
            Appointment.select()
            .where((Appointment.patient.is_null()) & (Appointment.phone == patient.phone)
                   & (Appointment.date == day) & booked)
            .order_by(Appointment.time, Appointment.id)
            .first()
        )
    return appt


def attach_patient(visit_id: int, *, actor, expected_version: int, patient_id: int) -> VisitView:
    """Link the visit to an existing record (a returning patient found by lookup).

    Today's booked appointment, if any, pre-fills triage (complaint,
    department, doctor) and is marked arrived. The stage does not change; the
    event is "patient_attached".
    """
    require(actor, Perm.RUN_VISIT)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        _require_stage(visit, (stages.TRIAGE, stages.REGISTRATION),
                       "关联患者档案", "be linked to a patient record")
        patient = patients.get_patient(patient_id, actor=actor)
        while patient.merged_into_id is not None:  # follow a merge to the record kept
            patient = patients.get_patient(patient.merged_into_id, actor=actor)
        changes: dict[str, Any] = {"patient": patient.id, "first_visit": False}
        appt = _todays_appointment(patient, visit.visit_date) if not visit.appointment_id else None
        note = ""
        if appt is not None:
            changes.update(appointment=appt.id, has_appointment=True)
            if visit.stage == stages.TRIAGE:
                if not visit.complaint:
                    changes["complaint"] = appt.complaint
                if not visit.department_id:
                    changes["department"] = appt.department_id
                if not visit.doctor_id and appt.doctor_id:
                    changes["doctor"] = appt.doctor_id
            Appointment.update(status="arrived", patient=patient.id).where(
                Appointment.id == appt.id).execute()
            note = f"appointment {appt.id}"
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=PATIENT_ATTACHED, note=note, **changes)
    return _get_visit(visit_id)


def _checked_complaint(complaint: str) -> str:
    value = validation.clean_text(complaint, "complaint", COMPLAINT_MAX_LENGTH)
    if not value:
        raise ValidationError("请填写主诉（哪里不舒服）。", "Please enter the complaint.",
                              field="complaint")
    return value


def _checked_department(department_id: int | None) -> Department:
    dept = Department.get_or_none(Department.id == department_id) if department_id else None
    if dept is None or not dept.active:
        raise ValidationError("请选择科室。", "Please choose a department.", field="department_id")
    return dept


def _checked_doctor(doctor_id: int | None, dept: Department) -> Doctor | None:
    if doctor_id is None:
        return None
    doc = Doctor.get_or_none(Doctor.id == doctor_id)
    if doc is None or not doc.active:
        raise ValidationError("请选择在职的医生。", "Choose an active doctor.", field="doctor_id")
    if doc.department_id != dept.id:
        raise ValidationError(
            f"{doc.name}医生不属于{dept.name_zh}。",
            f"Dr {doc.name} does not work in {dept.name_en}.", field="doctor_id")
    return doc


def triage(visit_id: int, *, actor, expected_version: int, complaint: str, department_id: int,
           doctor_id: int | None = None) -> VisitView:
    """Record the complaint and the staff's choice of department (and doctor).

    A red-flag complaint must go to the emergency department and moves
    straight to ESCORT ("deferred": treat first, bill later); otherwise the
    visit moves to REGISTRATION ("triaged"). Either way the visit gets the
    department's next queue number for the day.
    """
    require(actor, Perm.RUN_VISIT)
    complaint = _checked_complaint(complaint)
    suggestion = triage_rules.suggest(complaint)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        dept = _checked_department(department_id)
        doc = _checked_doctor(doctor_id, dept)
        if suggestion.red_flag and not dept.is_emergency:
            if triage_rules.emergency_department() is None:
                # Said plainly, not "choose Emergency" when no department can be chosen.
                raise ConfigError(
                    "没有启用的急诊科室，危急症状的患者无处可分。请立即联系管理员在"
                    "“规则”中启用急诊科室（勾选“急诊”）。",
                    "No active emergency department exists, so a red-flag patient cannot be "
                    "sent anywhere. Ask an administrator to switch on an emergency department "
                    "(tick “Emergency”) in the rules now.",
                    field="department_id")
            words = "、".join(suggestion.red_flag_words)
            raise ValidationError(
                f"主诉含危急症状（{words}），必须分到急诊，先救治后缴费。",
                f"The complaint has red-flag symptoms ({', '.join(suggestion.red_flag_words)}): "
                "send the patient to Emergency — treat first, bill later.",
                field="department_id")
        red = suggestion.red_flag
        to_stage, action = (stages.ESCORT, stages.DEFERRED) if red else (
            stages.REGISTRATION, stages.TRIAGED)
        if not stages.can_move(visit.stage, to_stage):
            raise _illegal(visit.stage, to_stage)
        reason = ("、".join(suggestion.red_flag_words) if red
                  else suggestion.reason_for(dept.id))
        number = visit.queue_no
        if not number or visit.department_id != dept.id:
            number = queue.assign_queue_no(visit.id, dept.id, visit.visit_date)
        _commit(visit, actor=actor, expected_version=expected_version, stage=to_stage,
                action=action, complaint=complaint, department=dept.id,
                doctor=doc.id if doc else None, red_flag=red, triage_reason=reason,
                queue_no=number)
    return _get_visit(visit_id)


def register(visit_id: int, *, actor, expected_version: int, form: RegistrationForm,
             patient_id: int | None = None) -> VisitView:
    """Save the registration form: create or update the patient, quote the fee → BILLING.

    Raises FormInvalid (with every field's error) before anything is written.
    """
    require(actor, Perm.RUN_VISIT)
    errors = form.validate(_now().date())
    if errors:
        raise FormInvalid(errors)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        if not stages.can_move(visit.stage, stages.BILLING):
            raise _illegal(visit.stage, stages.BILLING)
        pid = patient_id or visit.patient_id
        returning = pid is not None
        if returning:
            patient = patients.update_patient(pid, actor=actor, form=form)
        else:
            patient = patients.create_patient(actor=actor, form=form)
        _save_registration(visit, actor=actor, expected_version=expected_version, form=form,
                           patient=patient, stage=stages.BILLING, action=stages.REGISTERED,
                           first_visit=visit.first_visit and not returning)
    return _get_visit(visit_id)


def _fee_changes(doctor_id: int | None, vip_tier: str) -> dict[str, Any]:
    """The visit's fee columns for a fresh quote (fees.quote; a VIP tier may waive it)."""
    quote = fees.quote(doctor_id=doctor_id, vip_tier=vip_tier)
    waiver = quote.snapshot.get("waiver") or {}
    return dict(fee_fen=quote.total_fen,
                fee_snapshot=json.dumps(quote.snapshot, ensure_ascii=False),
                fee_waived=quote.waived, waiver_reason=(waiver.get("name_zh") or "")[:80])


def _save_registration(visit: _VisitRow, *, actor, expected_version: int,
                       form: RegistrationForm, patient: Patient, stage: str, action: str,
                       first_visit: bool) -> None:
    """What register() and complete_deferred() both write, inside their transaction.

    The visit gets the patient, the form's answers and media source and the fee
    quote, with the event `action`; the registration draft is deleted.
    """
    _commit(
        visit, actor=actor, expected_version=expected_version, stage=stage, action=action,
        patient=patient.id, first_visit=first_visit,
        illness_duration=form.illness_duration, disease_category=form.disease_category,
        intention=form.intention, concerns=form.concerns,
        health_question=form.health_question, price_comparison=form.price_comparison,
        habits=form.habits, media_source=form.media_source_id,
        **_fee_changes(visit.doctor_id, patient.vip_tier),
    )
    VisitDraft.delete().where(VisitDraft.visit == visit.id).execute()


def _late_visit(visit_id: int, expected_version: int) -> tuple[_VisitRow, set[str]]:
    """Load a deferred visit for a late step: (row, its late actions so far); inside _write_tx."""
    visit = _load(visit_id)
    _check_version(visit, expected_version)
    db = database_proxy.obj
    wanted = (stages.DEFERRED, stages.REGISTERED_LATE, stages.PAID_LATE, stages.WAIVED_LATE)
    marks = ",".join([db.param] * len(wanted))
    done = {r[0] for r in db.execute_sql(
        f"SELECT action FROM visit_event WHERE visit_id = {db.param} AND action IN ({marks})",
        [visit.id, *wanted])}
    if stages.DEFERRED not in done:
        raise ValidationError(
            "这次就诊没有“先救治后缴费”，请按正常流程登记和缴费。",
            "This visit's billing was not deferred: register and bill it the normal way.",
            field="stage")
    if visit.stage not in stages.LATE_STAGES:
        zh, en = _stage_name(visit.stage)
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不能补办登记或缴费。",
            f"This visit is at {en}: its deferred registration and billing cannot be "
            "completed.", field="stage")
    return visit, done


def complete_deferred(visit_id: int, *, actor, expected_version: int, form: RegistrationForm,
                      patient_id: int | None = None) -> VisitView:
    """Register a red-flag patient after treatment began, and quote the fee ("registered_late").

    For a visit whose billing was deferred, at ESCORT or DONE. The stage does not
    move; the patient record is created (or the linked / given one updated, only
    changed fields), the visit's answers and media source stored and the fee
    quoted (fees.quote; VIP waived) as register() would. Once only: a second call
    is a ConflictError. Raises FormInvalid before anything is written.
    """
    require(actor, Perm.RUN_VISIT)
    errors = form.validate(_now().date())
    if errors:
        raise FormInvalid(errors)
    with _write_tx():
        visit, done = _late_visit(visit_id, expected_version)
        if stages.REGISTERED_LATE in done:
            raise ConflictError("这位患者已经补办过登记。",
                                "This patient's deferred registration is already done.")
        pid = patient_id or visit.patient_id
        if pid is not None:
            patient = patients.get_patient(pid, actor=actor)
            while patient.merged_into_id is not None:  # follow a merge to the record kept
                patient = patients.get_patient(patient.merged_into_id, actor=actor)
            patient = patients.update_patient(patient.id, actor=actor, form=form)
        else:
            patient = patients.create_patient(actor=actor, form=form)
        _save_registration(visit, actor=actor, expected_version=expected_version, form=form,
                           patient=patient, stage=visit.stage, action=stages.REGISTERED_LATE,
                           first_visit=visit.first_visit and pid is None)
    return _get_visit(visit_id)


def confirm_deferred_payment(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The deferred fee was paid ("paid_late") or waived ("waived_late"); stage unchanged.

    Needs complete_deferred first (the fee is quoted there). Writes the Payment
    row; a waiver is audited. A second confirmation is a ConflictError.
    """
    require(actor, Perm.RUN_VISIT)
    with _write_tx():
        visit, done = _late_visit(visit_id, expected_version)
        if done & {stages.PAID_LATE, stages.WAIVED_LATE}:
            raise ConflictError("这次就诊的费用已经确认过。",
                                "This visit's deferred fee was already confirmed.")
        if stages.REGISTERED_LATE not in done:
            raise ValidationError(
                "请先补办登记（建档并计算费用），再确认缴费。",
                "Complete the deferred registration first (record and fee), then confirm "
                "the payment.", field="stage")
        at = _now()
        action = stages.WAIVED_LATE if visit.fee_waived else stages.PAID_LATE
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=action, at=at)
        Payment.create(visit=visit.id, amount_fen=visit.fee_fen, waived=visit.fee_waived,
                       waiver_reason=visit.waiver_reason, confirmed_by=actor, confirmed_at=at)
        if visit.fee_waived:
            audit.record(actor, "waive", "visit", visit.id,
                         {"reason": visit.waiver_reason, "fee_snapshot": visit.fee_snapshot,
                          "deferred": True})
    return _get_visit(visit_id)


def fee_quote(visit_id: int, *, actor) -> fees.FeeQuote:
    """The fee as quoted at registration (from the stored snapshot), for the billing slip.

    Before registration there is no snapshot: the current rules are quoted.
    """
    require(actor, Perm.VIEW_PATIENT)
    visit = _load(visit_id)
    snap = json.loads(visit.fee_snapshot or "{}")
    if not snap.get("fee_class"):
        patient = Patient.get_or_none(Patient.id == visit.patient_id) if visit.patient_id else None
        return fees.quote(doctor_id=visit.doctor_id, vip_tier=patient.vip_tier if patient else "")
    return fees.quote_from_snapshot(snap)


VIP_CARD_SET = "vip_card_set"  # event: the patient's VIP card changed (fee re-quoted)


def set_vip_card(visit_id: int, *, actor, expected_version: int, tier: str) -> VisitView:
    """A supervisor or admin records the patient's VIP card at the desk (Perm.SET_VIP).

    At REGISTRATION (patient linked) the tier is stored and register() quotes
    with it; at BILLING the fee is quoted again at once, so a gold or diamond
    card waives it. Event "vip_card_set" (stage unchanged); the patient change
    is audited with the tier before and after.
    """
    require(actor, Perm.SET_VIP)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        _require_stage(visit, (stages.REGISTRATION, stages.BILLING),
                       "设置 VIP 卡", "have the patient's VIP card set")
        if visit.patient_id is None:
            raise ValidationError("请先关联或登记患者档案，再设置 VIP 卡。",
                                  "Link or register the patient's record first, then set the "
                                  "VIP card.", field="vip_tier")
        patient = patients.set_vip_tier(actor=actor, patient_id=visit.patient_id, tier=tier)
        changes = (_fee_changes(visit.doctor_id, patient.vip_tier)
                   if visit.stage == stages.BILLING else {})
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=VIP_CARD_SET, note=patient.vip_tier, **changes)
    return _get_visit(visit_id)


def confirm_payment(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The cashier has been paid (or the fee was waived): BILLING → ESCORT, Payment written."""
    require(actor, Perm.RUN_VISIT)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        if visit.stage != stages.BILLING or not stages.can_move(visit.stage, stages.ESCORT):
            raise _illegal(visit.stage, stages.ESCORT)
        at = _now()
        action = stages.WAIVED if visit.fee_waived else stages.PAID
        _commit(visit, actor=actor, expected_version=expected_version, stage=stages.ESCORT,
                action=action, at=at)
        Payment.create(visit=visit.id, amount_fen=visit.fee_fen, waived=visit.fee_waived,
                       waiver_reason=visit.waiver_reason, confirmed_by=actor, confirmed_at=at)
        if visit.fee_waived:
            audit.record(actor, "waive", "visit", visit.id,
                         {"reason": visit.waiver_reason, "fee_snapshot": visit.fee_snapshot})
    return _get_visit(visit_id)


def _checked_escort(escort_id: int) -> Staff:
    escort = Staff.get_or_none(Staff.id == escort_id)
    if escort is None or not escort.active or escort.role not in ESCORT_ROLES + ("supervisor",):
        raise ValidationError("请选择陪诊的导医。", "Choose who escorts the patient.",
                              field="escort_id")
    return escort


def _check_escort_free(escort: Staff, visit_id: int) -> None:
    """Refuse an escort who is still out with another patient today (not back at post).

    One person cannot walk two patients at once; the desk records "back at post"
    on the other visit when the escort returns (call inside the write transaction).
    """
    db = database_proxy.obj
    sql = ("SELECT v.id FROM visit v WHERE " + _ESCORT_OUT.format(p=db.param)
           + f" AND v.escort_id = {db.param} AND v.id <> {db.param} ORDER BY v.id LIMIT 1")
    row = db.execute_sql(sql, _escort_out_params(_now().date()) + [escort.id, visit_id]).fetchone()
    if row is None:
        return
    out = _busy_entry(_get_visit(row[0]))
    label = out.queue_label or f"#{out.visit_id}"
    since = out.since.strftime("%H:%M") if out.since else ""
    raise ValidationError(
        f"{escort.display_name}正在陪同 {label} 的患者（{since} 起），尚未返回岗位。"
        "请另选陪诊人员；如已回来，请先在那次就诊上记录“已返回岗位”。",
        f"{escort.display_name} is still out with patient {label} (since {since}) and not "
        "back at the post. Choose another escort, or record “back at post” on that visit "
        "first if they are back.",
        field="escort_id")


def assign_escort(visit_id: int, *, actor, expected_version: int, escort_id: int) -> VisitView:
    """Name the escort while walking to the clinic (ESCORT stays; event "escort_assigned").

    An escort still out with another patient is refused (ValidationError, field "escort_id").
    """
    require(actor, Perm.RUN_VISIT)
    with _write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        _require_stage(visit, (stages.ESCORT,), "指定陪诊人员", "have an escort assigned")
        escort = _checked_escort(escort_id)
        _check_escort_free(escort, visit.id)
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=ESCORT_ASSIGNED, escort=escort.id)
    return _get_visit(visit_id)


def hand_to_doctor(visit_id: int, *, actor, expected_version: int, escort_id: int) -> VisitView:
    """The escort has introduced the patient to the doctor: ESCORT → DONE.

    An escort still out with another patient today (handed over, not back at
    post) is refused: ValidationError, field "escort_id", naming that visit.
    """
    require(actor, Perm.RUN_VISIT)
    escort = _checked_escort(escort_id)
    with _write_tx():
        _check_escort_free(escort, visit_id)
        return _move(visit_id, actor=actor, expected_version=expected_version,
                     to_stage=stages.DONE, action=stages.HANDED_TO_DOCTOR, escort=escort.id)


def _is_back(visit_id: int) -> bool:
    return VisitEvent.select().where(
        (VisitEvent.visit == visit_id) & (VisitEvent.action == stages.BACK_AT_POST)
    ).exists()


def back_at_post(visit_id: int, *, actor) -> VisitView:
    """The escort is back at the post (event on a DONE visit), free for the next patient."""
    require(actor, Perm.RUN_VISIT)
    with _write_tx():
        visit = _load(visit_id)
        if visit.stage != stages.DONE:
            zh, en = _stage_name(visit.stage)
            raise ValidationError(
                f"这次就诊在“{zh}”一步，尚未交给医生，不能记录“已返回岗位”。",
                f"This visit is at {en}, not yet with the doctor: cannot record back at post.",
                field="stage")
        if _is_back(visit.id):
            raise ConflictError("已经记录过“已返回岗位”。", "Back at post was already recorded.")
        _commit(visit, actor=actor, expected_version=visit.version, stage=stages.DONE,
                action=stages.BACK_AT_POST)
    return _get_visit(visit_id)


def leave(visit_id: int, *, actor, expected_version: int, reason: str,
          note: str = "") -> VisitView:
    """The patient left before seeing the doctor: any open stage → LEFT, with the reason.

    `reason` is a code of frontdesk.leave_reasons (or its label, or the desk's own
    words, stored as "other" with the text); `note` adds free text to a code.
    The reason is stored as a code, so reports and screens show it in their language.
    """
    require(actor, Perm.GREET if actor is not None and actor.role == "guide" else Perm.RUN_VISIT)
    reason = validation.clean_text(reason, "reason", REASON_MAX_LENGTH)
    note = validation.clean_text(note, "reason", REASON_MAX_LENGTH)
    if not reason:
        raise ValidationError("请填写患者离开的原因。", "Please give the reason the patient left.",
                              field="reason")
    stored = leave_reasons.encode(reason, note)
    with _write_tx():
        view = _move(visit_id, actor=actor, expected_version=expected_version,
                     to_stage=stages.LEFT, action=stages.LEFT_ACTION, left_reason=stored)
        # The draft may hold an ID number and history: it goes with the visit, atomically.
        VisitDraft.delete().where(VisitDraft.visit == visit_id).execute()
    return view


# --- Reading -----------------------------------------------------------------------------


# Reading is raw SQL on purpose: peewee spends longer building a five-table select
# than SQLite spends running it, and every step returns a fresh view (bench/).
_VIEW_SQL = (
    "SELECT v.id, v.version, v.stage, v.visit_date, v.queue_no, v.patient_id, v.first_visit, "
    "v.has_appointment, v.appointment_id, v.complaint, v.red_flag, v.triage_reason, "
    "v.department_id, v.doctor_id, v.fee_fen, v.fee_waived, v.waiver_reason, v.escort_id, "
    "v.left_reason, p.name, p.sex, p.birth_date, p.vip_tier, p.phone, p.record_no, "
    "d.code, d.name_zh, d.name_en, d.short_zh, d.room, d.floor, d.directions_zh, "
    "d.directions_en, doc.name, doc.title_zh, doc.title_en, s.display_name "
    "FROM visit v "
    "LEFT JOIN patient p ON p.id = v.patient_id "
    "LEFT JOIN department d ON d.id = v.department_id "
    "LEFT JOIN doctor doc ON doc.id = v.doctor_id "
    "LEFT JOIN staff s ON s.id = v.escort_id "
)
_EVENTS_SQL = (
    "SELECT e.visit_id, e.stage, e.action, e.at, s.display_name, e.from_stage, e.note "
    "FROM visit_event e LEFT JOIN staff s ON s.id = e.staff_id "
    "WHERE e.visit_id IN ({marks}) ORDER BY e.visit_id, e.at, e.id"
)
# A visit whose escort is still out: ESCORT with an escort named, or DONE and not back.
_ESCORT_OUT = (
    "v.visit_date = {p} AND v.escort_id IS NOT NULL AND (v.stage = {p} OR (v.stage = {p} "
    "AND NOT EXISTS (SELECT 1 FROM visit_event b WHERE b.visit_id = v.id AND b.action = {p})))"
)


def _escort_out_params(day: dt.date) -> list:
    return [day, stages.ESCORT, stages.DONE, stages.BACK_AT_POST]


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _events_for(visit_ids: list[int]) -> dict[int, list[EventView]]:
    out: dict[int, list[EventView]] = {vid: [] for vid in visit_ids}
    if not visit_ids:
        return out
    db = database_proxy.obj
    sql = _EVENTS_SQL.format(marks=",".join([db.param] * len(visit_ids)))
    for vid, stage, action, at, staff_name, from_stage, note in db.execute_sql(sql, visit_ids):
        out[vid].append(EventView(stage=stage, action=action, at=_as_datetime(at),
                                  staff_name=staff_name or "", from_stage=from_stage,
                                  note=note))
    return out


def _view(row: tuple, events: list[EventView]) -> VisitView:
    (vid, version, stage, visit_date, queue_no, patient_id, first_visit, has_appointment,
     appointment_id, complaint, red_flag, triage_reason, department_id, doctor_id, fee_fen,
     fee_waived, waiver_reason, escort_id, left_reason, p_name, p_sex, p_birth, p_vip, p_phone,
     p_record, d_code, d_name_zh, d_name_en, d_short, d_room, d_floor, d_dir_zh, d_dir_en,
     doc_name, doc_title_zh, doc_title_en, escort_name) = row
    visit_date = _as_date(visit_date)
    has_patient, has_dept = patient_id is not None, department_id is not None
    moves = [e for e in events if e.from_stage != e.stage]
    return VisitView(
        id=vid, version=version, stage=stage, visit_date=visit_date,
        queue_label=queue.queue_label(d_short, queue_no) if has_dept else "",
        patient_id=patient_id, patient_name=p_name or "", sex=p_sex or "",
        age=patients.age_on(_as_date(p_birth), visit_date) if has_patient else None,
        vip_tier=p_vip or "", first_visit=bool(first_visit),
        has_appointment=bool(has_appointment), appointment_id=appointment_id,
        complaint=complaint, red_flag=bool(red_flag), triage_reason=triage_reason,
        department_id=department_id,
        department_name=text(d_name_zh, d_name_en or d_name_zh) if has_dept else "",
        room=d_room or "", floor=d_floor or "",
        directions=text(d_dir_zh or "", d_dir_en or d_dir_zh or "") if has_dept else "",
        doctor_id=doctor_id, doctor_name=doc_name or "",
        doctor_title=text(doc_title_zh, doc_title_en or doc_title_zh) if doctor_id else "",
        fee_fen=fee_fen, fee_waived=bool(fee_waived), waiver_reason=waiver_reason,
        escort_id=escort_id, escort_name=escort_name or "",
        left_reason=leave_reasons.label(left_reason or ""),
        arrived_at=events[0].at if events else None,
        stage_since=moves[-1].at if moves else None,
        events=events,
        billing_deferred=any(e.action == stages.DEFERRED for e in events),
        queue_no=queue_no, patient_phone=p_phone or "", record_no=p_record or "",
        department_code=d_code or "",
        escort_back=any(e.action == stages.BACK_AT_POST for e in events),
        open=stages.is_open(stage),
        registered_late=any(e.action == stages.REGISTERED_LATE for e in events),
        left_reason_code=leave_reasons.code_of(left_reason or ""),
        billing_open=(any(e.action == stages.DEFERRED for e in events)
                      and not any(e.action in (stages.PAID_LATE, stages.WAIVED_LATE)
                                  for e in events)),
    )


def _views(where: str, params: list, order: str = "") -> list[VisitView]:
    """Views of the visits matching `where` (SQL with `{p}` for each parameter)."""
    db = database_proxy.obj
    sql = _VIEW_SQL + "WHERE " + where.format(p=db.param) + (" ORDER BY " + order if order else "")
    rows = db.execute_sql(sql, params).fetchall()
    events = _events_for([r[0] for r in rows])
    return [_view(r, events[r[0]]) for r in rows]


def _get_visit(visit_id: int) -> VisitView:
    """The view a step returns; the step has checked its own permission."""
    rows = _views("v.id = {p}", [visit_id])
    if not rows:
        raise NotFound(f"找不到这次就诊（编号 {visit_id}）。", f"No visit with id {visit_id}.")
    return rows[0]


def get_visit(visit_id: int, *, actor) -> VisitView:
    """One visit with its patient's name and phone: needs Perm.VIEW_PATIENT."""
    require(actor, Perm.VIEW_PATIENT)
    return _get_visit(visit_id)


def _stage_in(stage_list) -> str:
    return "v.stage IN (" + ",".join(["{p}"] * len(stage_list)) + ")"


def open_visits(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Visits at an open stage, oldest first (all days unless `day` is given)."""
    require(actor, Perm.VIEW_PATIENT)
    where, params = _stage_in(stages.OPEN_STAGES), list(stages.OPEN_STAGES)
    if day is not None:
        where, params = where + " AND v.visit_date = {p}", params + [day]
    return _views(where, params, "v.created_at, v.id")


def desk_queue(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Arrivals the door handed over, waiting for the desk (GREETING), oldest first."""
    require(actor, Perm.VIEW_PATIENT)
    day = day or _now().date()
    return _views("v.visit_date = {p} AND v.stage = {p}", [day, stages.GREETING],
                  "v.created_at, v.id")


def escorts_out(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Visits whose escort is still out: ESCORT with an escort named, or DONE, not back yet."""
    require(actor, Perm.VIEW_PATIENT)
    return _escorts_out(day)


def _escorts_out(day: dt.date | None) -> list[VisitView]:
    day = day or _now().date()
    return _views(_ESCORT_OUT, _escort_out_params(day), "v.updated_at, v.id")


@dataclass(frozen=True)
class BusyEscort:
    """An escort who is out with a patient: who, with which visit, since when."""

    staff_id: int
    name: str
    visit_id: int
    queue_label: str
    stage: str
    since: dt.datetime | None


def _busy_entry(view: VisitView) -> BusyEscort:
    named = [e.at for e in view.events
             if e.action in (ESCORT_ASSIGNED, stages.HANDED_TO_DOCTOR)]
    return BusyEscort(staff_id=view.escort_id, name=view.escort_name, visit_id=view.id,
                      queue_label=view.queue_label, stage=view.stage,
                      since=named[-1] if named else view.stage_since)


def busy_escorts(day: dt.date | None = None) -> list[BusyEscort]:
    """Escorts out with a patient (not back at post), one entry per person, earliest first.

    The escort picker lists only free_escorts(); this says why someone is missing.
    """
    seen: dict[int, BusyEscort] = {}
    for view in _escorts_out(day):  # only staff names and queue labels leave here
        entry = _busy_entry(view)
        seen.setdefault(entry.staff_id, entry)
    return sorted(seen.values(), key=lambda b: (b.since or dt.datetime.min, b.visit_id))


DEFERRED_LOOKBACK_DAYS = 14  # the desk chases a deferred fee for two weeks; then billing office

# "(v.stage || '')" keeps the planner off the stage index (DONE is nearly every visit):
# the date range is the selective index (1M-patient bench: 210 ms → see the API doc).
_DEFERRED_OPEN = (
    "v.visit_date >= {p} AND v.visit_date <= {p} AND v.red_flag = {p} "
    "AND (v.stage || '') IN ({p}, {p}) "
    "AND EXISTS (SELECT 1 FROM visit_event d WHERE d.visit_id = v.id AND d.action = {p}) "
    "AND NOT EXISTS (SELECT 1 FROM visit_event x WHERE x.visit_id = v.id "
    "AND x.action IN ({p}, {p}))"
)


def deferred_billing(today: dt.date | None = None, days: int = DEFERRED_LOOKBACK_DAYS, *,
                     actor) -> list[VisitView]:
    """Red-flag visits whose billing was deferred and is not yet paid_late / waived_late.

    Oldest first.

    ESCORT or DONE (a patient who LEFT owes nothing), from `days` days back to
    `today`: the desk's reminder list, so a deferred fee is never forgotten.
    """
    require(actor, Perm.VIEW_PATIENT)
    today = today or _now().date()
    since = today - dt.timedelta(days=days)
    return _views(_DEFERRED_OPEN, [since, today, True, stages.ESCORT, stages.DONE,
                                   stages.DEFERRED, stages.PAID_LATE, stages.WAIVED_LATE],
                  "v.created_at, v.id")


def free_escorts(day: dt.date | None = None) -> list[tuple[int, str]]:
    """Guides and desk staff who are not out escorting a patient right now."""
    day = day or _now().date()
    db = database_proxy.obj
    busy_sql = "SELECT v.escort_id FROM visit v WHERE " + _ESCORT_OUT.format(p=db.param)
    busy = {r[0] for r in db.execute_sql(busy_sql, _escort_out_params(day))}
    query = (
        Staff.select(Staff.id, Staff.display_name, Staff.role)
        .where((Staff.active == True) & Staff.role.in_(ESCORT_ROLES))  # noqa: E712
        .order_by(Staff.id)
    )
    # Door guides first: escorting is their job; the desk goes when no guide is free.
    rows = sorted((s for s in query if s.id not in busy), key=lambda s: (s.role != "guide", s.id))
    return [(s.id, s.display_name) for s in rows]


# --- Drafts ---------------------------------------------------------------------------------


def save_draft(visit_id: int, data: dict[str, Any], *, actor) -> None:
    """Keep a half-filled registration form (JSON) so a crash loses nothing typed.

    Only while the form can still be saved: at REGISTRATION, or a deferred
    (red-flag) visit whose late registration is not done. A draft holds ID
    numbers and history, so it never outlives the visit's registration.
    """
    require(actor, Perm.RUN_VISIT)
    visit = _load(visit_id)
    if not _draft_allowed(visit):
        zh, en = _stage_name(visit.stage)
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不再保存登记草稿。",
            f"This visit is at {en}: its registration draft is no longer kept.",
            field="stage")
    payload = json.dumps(data, ensure_ascii=False, default=str)
    at = _now()
    VisitDraft.insert(visit=visit_id, data=payload, updated_at=at).on_conflict(
        conflict_target=[VisitDraft.visit],
        update={VisitDraft.data: payload, VisitDraft.updated_at: at},
    ).execute()


def _draft_allowed(visit: _VisitRow) -> bool:
    if visit.stage == stages.REGISTRATION:
        return True
    if visit.stage not in stages.LATE_STAGES:
        return False
    db = database_proxy.obj
    actions = {r[0] for r in db.execute_sql(
        f"SELECT action FROM visit_event WHERE visit_id = {db.param} AND action IN "
        f"({db.param}, {db.param})", [visit.id, stages.DEFERRED, stages.REGISTERED_LATE])}
    return actions == {stages.DEFERRED}


def load_draft(visit_id: int, *, actor) -> dict[str, Any] | None:
    """The saved half-filled form of the visit, or None."""
    require(actor, Perm.RUN_VISIT)
    row = VisitDraft.get_or_none(VisitDraft.visit == visit_id)
    if row is None:
        return None
    try:
        return json.loads(row.data)
    except ValueError:
        return None  # a damaged draft is dropped, not shown as an error


def drop_draft(visit_id: int, *, actor) -> None:
    """Forget the visit's draft (the desk cleared the form)."""
    require(actor, Perm.RUN_VISIT)
    VisitDraft.delete().where(VisitDraft.visit == visit_id).execute()


def describe_stage(stage: str) -> str:
    zh, en = _stage_name(stage)
    return text(zh, en)
