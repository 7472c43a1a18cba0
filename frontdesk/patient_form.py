"""The registration form: RegistrationForm (fields, validation, draft dicts) and FormInvalid.

register() and complete_deferred() validate it before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

from frontdesk import clock, validation
from frontdesk.db import prepared
from frontdesk.db.models import database_proxy
from frontdesk.errors import ValidationError


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
_TEXT_FIELDS = ("name", "phone", "id_number", "sex", *_TEXT_LIMITS)


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
        today = today or clock.today()
        errors: dict[str, ValidationError] = {}

        def check(name: str, fn_, *args):
            try:
                return fn_(*args)
            except ValidationError as exc:
                exc.field = exc.field or name
                errors.setdefault(name, exc)
                return None

        # Values that are not text (a number, a list from a bad caller) are field messages.
        for field_ in _TEXT_FIELDS:
            value = getattr(self, field_)
            if value is not None and not isinstance(value, str):
                errors.setdefault(field_, ValidationError(
                    "请输入文字。", "Please enter text.", field=field_))
                setattr(self, field_, "")
        name = check("name", validation.validate_name, self.name)
        if name is not None:
            self.name = name
        phone = check("phone", validation.normalise_mobile, self.phone)
        if phone is not None:
            self.phone = phone
        self.sex = _SEX_WORDS.get(str(self.sex or "").strip().lower(), str(self.sex or "").strip())
        if self.birth_date is not None:
            self.birth_date = check("birth_date", validation.parse_birth_date, self.birth_date,
                                    today)
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
                # A typed age is never replaced: one that disagrees is asked about.
                age = check("age", validation.check_age_against_birth, self.age,
                            self.birth_date, today)
                if age is not None:
                    self.age = age
        elif self.birth_date is None and not (id_bad and self.age in (None, "")):
            age = check("age", validation.validate_age, self.age)
            if age is not None:
                self.age = age
        for name_, limit in _TEXT_LIMITS.items():
            raw = getattr(self, name_)
            if raw == "":  # most of them: clean_text would give "" back
                continue
            value = check(name_, validation.clean_text, raw, name_, limit)
            if value is not None:
                setattr(self, name_, value)
        if self.media_source_id is not None:
            # The source's id only: no model built (registration is timed: bench/).
            db = database_proxy.obj
            source = prepared.execute(f"SELECT id FROM media_source WHERE id = {db.param}",
                                      [validation.lookup_id(self.media_source_id)]).fetchone()
            if source is None:
                errors["media_source_id"] = ValidationError(
                    "请选择有效的媒体来源。", "Choose a media source from the list.",
                    field="media_source_id")
            else:
                self.media_source_id = source[0]
        return errors


def _parse_date(value: str | None) -> dt.date | None:
    # Exactly YYYY-MM-DD: "1990-01-01T10:00" or "1990-01-01; …" is refused, not cut short.
    return validation.parse_birth_date(value)
