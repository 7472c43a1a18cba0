"""Consultations (咨询登记): every phone, online or walk-in enquiry, registered.

Seed 000 第1篇 3: the general fields (年龄、性别、病程、病史、病种、住址、电话、就诊意向、
关心内容) and the targeted ones (健康咨询、价格比对、消费习惯、经济状况、人员类型), the
media source, who answered, what came of it and when to call back. The fields are
checked like registration's (frontdesk/patient_form.py); nothing is stored while any
field is wrong, and every bad field is named at once (patient_form.FormInvalid).

Reading consultations shows names and phone numbers: Perm.CONSULT, audited like a
patient record (audit.viewed, coalesced).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

from frontdesk import audit, clock, validation
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Consultation,
    Department,
    MediaSource,
    Patient,
    Staff,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.patient_form import FormInvalid
from frontdesk.permissions import Perm, require
from frontdesk.validation import lookup_id

ENTITY = "consultation"

CHANNELS = ("phone", "online", "qq", "wechat", "walk_in", "other")
CHANNEL_NAMES = {
    "phone": Msg("电话", "Phone"),
    "online": Msg("网络咨询（商务通）", "Online chat"),
    "qq": Msg("QQ", "QQ"),
    "wechat": Msg("微信", "WeChat"),
    "walk_in": Msg("到院咨询", "Walk-in enquiry"),
    "other": Msg("其他", "Other"),
}
BOOKED, WILL_COME, PRICE_ONLY, NOT_INTERESTED = "booked", "will_come", "price_only", "not_interested"
OUTCOMES = (BOOKED, WILL_COME, PRICE_ONLY, NOT_INTERESTED)
OUTCOME_NAMES = {
    BOOKED: Msg("已预约", "Booked"),
    WILL_COME: Msg("表示会来", "Will come"),
    PRICE_ONLY: Msg("只问价格", "Price only"),
    NOT_INTERESTED: Msg("无意向", "Not interested"),
}
# Outcomes that need a number to call back on.
NEEDS_PHONE = (BOOKED, WILL_COME)
MAX_FOLLOW_UP_DAYS = 60
SEXES = ("", "M", "F")

TEXT_LIMITS = {
    "address": 200, "medical_history": 1000, "illness_duration": 40, "disease_category": 40,
    "intention": 500, "concerns": 500, "health_question": 500, "price_comparison": 500,
    "habits": 500, "economic_status": 40, "person_type": 40, "notes": 500,
}
_SEX_WORDS = {"m": "M", "male": "M", "男": "M", "f": "F", "female": "F", "女": "F"}


@dataclass
class ConsultationForm:
    """What the desk types while on the phone; validate() normalises in place."""

    channel: str = "phone"
    name: str = ""
    sex: str = ""
    age: int | str | None = None
    phone: str = ""
    address: str = ""
    illness_duration: str = ""
    medical_history: str = ""
    disease_category: str = ""
    intention: str = ""
    concerns: str = ""
    health_question: str = ""
    price_comparison: str = ""
    habits: str = ""
    economic_status: str = ""
    person_type: str = ""
    media_source_id: int | None = None
    department_id: int | None = None
    outcome: str = ""
    follow_up_on: dt.date | None = None
    notes: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConsultationForm:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def validate(self, today: dt.date | None = None) -> dict[str, ValidationError]:
        today = today or clock.today()
        errors: dict[str, ValidationError] = {}

        def check(name: str, fn_, *args):
            try:
                return fn_(*args)
            except ValidationError as exc:
                exc.field = name
                errors.setdefault(name, exc)
                return None

        if self.channel not in CHANNELS:
            errors["channel"] = ValidationError("请选择咨询渠道。", "Choose the channel.",
                                                field="channel")
        if self.outcome not in OUTCOMES:
            errors["outcome"] = ValidationError("请选择咨询结果。", "Choose the outcome.",
                                                field="outcome")
        for name_ in ("name", "phone", "sex"):
            if not isinstance(getattr(self, name_), str):
                errors[name_] = ValidationError("请输入文字。", "Please enter text.", field=name_)
                setattr(self, name_, "")
        if self.name.strip():
            value = check("name", validation.validate_name, self.name)
            if value is not None:
                self.name = value
        else:
            self.name = ""
        if self.phone.strip():
            value = check("phone", validation.normalise_mobile, self.phone)
            if value is not None:
                self.phone = value
        else:
            self.phone = ""
            if self.outcome in NEEDS_PHONE or self.follow_up_on is not None:
                errors["phone"] = ValidationError(
                    "预约、会来或需要回访的咨询请填写手机号码。",
                    "A booking, a 'will come' or a call-back needs a mobile number.",
                    field="phone")
        self.sex = _SEX_WORDS.get(self.sex.strip().lower(), self.sex.strip())
        if self.sex not in SEXES:
            errors["sex"] = ValidationError("性别只能是男或女。", "The sex is M or F.", field="sex")
        if self.age in (None, "") or (isinstance(self.age, str) and not self.age.strip()):
            self.age = None
        else:
            self.age = check("age", validation.validate_age, self.age)
        for name_, limit in TEXT_LIMITS.items():
            value = check(name_, validation.clean_text, getattr(self, name_), name_, limit)
            if value is not None:
                setattr(self, name_, value)
        if self.media_source_id is not None and not MediaSource.get_or_none(
                MediaSource.id == lookup_id(self.media_source_id)):
            errors["media_source_id"] = ValidationError(
                "请选择有效的媒体来源。", "Choose a media source from the list.",
                field="media_source_id")
        if self.department_id is not None and not Department.get_or_none(
                Department.id == lookup_id(self.department_id)):
            errors["department_id"] = ValidationError(
                "请选择有效的科室。", "Choose a department from the list.", field="department_id")
        if self.follow_up_on is not None:
            if not isinstance(self.follow_up_on, dt.date):
                errors["follow_up_on"] = ValidationError("请选择回访日期。",
                                                         "Choose the call-back date.",
                                                         field="follow_up_on")
            elif self.follow_up_on < today:
                errors["follow_up_on"] = ValidationError(
                    "回访日期不能早于今天。", "The call-back date cannot be in the past.",
                    field="follow_up_on")
            elif self.follow_up_on > today + dt.timedelta(days=MAX_FOLLOW_UP_DAYS):
                errors["follow_up_on"] = ValidationError(
                    f"回访日期最多在 {MAX_FOLLOW_UP_DAYS} 天之内。",
                    f"Call back within {MAX_FOLLOW_UP_DAYS} days at most.",
                    field="follow_up_on")
        return errors


@dataclass(frozen=True)
class ConsultationRow:
    id: int
    at: dt.datetime
    channel: str
    name: str
    sex: str
    age: int | None
    phone: str
    media_source_id: int | None
    outcome: str
    follow_up_on: dt.date | None
    answered_by: str
    intention: str
    appointment_id: int | None
    visit_id: int | None
    version: int


def _row(c: Consultation, staff_name: str) -> ConsultationRow:
    return ConsultationRow(c.id, c.at, c.channel, c.name, c.sex, c.age, c.phone,
                           c.media_source_id, c.outcome, c.follow_up_on, staff_name,
                           c.intention, c.appointment_id, c.visit_id, c.version)


def _patient_by_phone(phone: str) -> int | None:
    if not phone:
        return None
    p = (Patient.select(Patient.id).where(Patient.phone == phone, Patient.merged_into.is_null())
         .order_by(Patient.id.desc()).first())
    return p.id if p else None


@changes(Changed.SERVICE)
def record(*, actor, form: ConsultationForm | dict[str, Any], at: dt.datetime | None = None
           ) -> ConsultationRow:
    """Register one consultation (all fields checked first; FormInvalid names each bad one)."""
    require(actor, Perm.CONSULT)
    form = form if isinstance(form, ConsultationForm) else ConsultationForm.from_dict(form)
    at = (at or clock.now()).replace(microsecond=0)
    errors = form.validate(at.date())
    if errors:
        raise FormInvalid(errors)
    data = form.to_dict()
    data["media_source"] = data.pop("media_source_id")
    data["department"] = data.pop("department_id")
    with write_tx():
        row = Consultation.create(at=at, answered_by=actor, patient=_patient_by_phone(form.phone),
                                  **data)
        audit.record(actor, "create", ENTITY, row.id, {"channel": form.channel,
                                                        "outcome": form.outcome})
    return _row(row, actor.display_name)


@changes(Changed.SERVICE)
def update(*, actor, consultation_id: int, expected_version: int,
           form: ConsultationForm | dict[str, Any]) -> ConsultationRow:
    """Correct a consultation (optimistic: a colleague's change first is a ConflictError)."""
    require(actor, Perm.CONSULT)
    form = form if isinstance(form, ConsultationForm) else ConsultationForm.from_dict(form)
    errors = form.validate()
    if errors:
        raise FormInvalid(errors)
    data = form.to_dict()
    data["media_source"] = data.pop("media_source_id")
    data["department"] = data.pop("department_id")
    with write_tx():
        c = Consultation.get_or_none(Consultation.id == lookup_id(consultation_id))
        if c is None:
            raise NotFound("找不到该咨询记录。", "That consultation was not found.")
        n = (Consultation.update(version=Consultation.version + 1, **data)
             .where(Consultation.id == c.id,
                    Consultation.version == lookup_id(expected_version)).execute())
        if n != 1:
            raise ConflictError("这条咨询记录刚被同事修改过，已重新读取。",
                                "A colleague has just changed this consultation; it was "
                                "read again.")
        audit.record(actor, "update", ENTITY, c.id, {"outcome": form.outcome})
        c = Consultation.get_by_id(c.id)
    return _row(c, c.answered_by.display_name)


def get(*, actor, consultation_id: int) -> tuple[ConsultationRow, ConsultationForm]:
    require(actor, Perm.CONSULT)
    c = Consultation.get_or_none(Consultation.id == lookup_id(consultation_id))
    if c is None:
        raise NotFound("找不到该咨询记录。", "That consultation was not found.")
    form = ConsultationForm(**{f.name: getattr(c, f.name) for f in fields(ConsultationForm)
                               if f.name not in ("media_source_id", "department_id")},
                            media_source_id=c.media_source_id, department_id=c.department_id)
    audit.viewed(actor, ENTITY, c.id)
    return _row(c, c.answered_by.display_name), form


def listing(*, actor, start: dt.date, end: dt.date, search: str = "") -> list[ConsultationRow]:
    """Consultations taken on [start, end], newest first; `search` in name or phone."""
    require(actor, Perm.CONSULT)
    start, end = validation.picked_day(start, "start"), validation.picked_day(end, "end")
    q = (Consultation.select(Consultation, Staff.display_name)
         .join(Staff, on=(Consultation.answered_by == Staff.id))
         .where(Consultation.at >= dt.datetime.combine(start, dt.time()),
                Consultation.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
         .order_by(Consultation.at.desc(), Consultation.id.desc()))
    needle = validation.clean_text(search, "search", 40, single_line=True)
    if needle:
        q = q.where(Consultation.name.contains(needle) | Consultation.phone.contains(needle))
    out = [_row(c, c.answered_by.display_name) for c in q.limit(2000)]
    audit.viewed(actor, "consultation_list", f"{start.isoformat()}..{end.isoformat()}")
    return out


def due_call_backs(*, actor, day: dt.date) -> list[ConsultationRow]:
    """Consultations whose call-back date has come and whose caller has not arrived."""
    require(actor, Perm.CONSULT)
    q = (Consultation.select().where(Consultation.follow_up_on <= day,
                                     Consultation.follow_up_on.is_null(False),
                                     Consultation.visit.is_null())
         .order_by(Consultation.follow_up_on, Consultation.id))
    out = [_row(c, c.answered_by.display_name) for c in q]
    audit.viewed(actor, "consultation_call_backs", day.isoformat())
    return out
