"""Shared set-up for the reception domain tests: staff, the clock at FIXED_NOW, walking a visit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk import reception, stages
from frontdesk.db.models import Department, Doctor, Staff
from frontdesk.validation import id_check_char

# A Monday morning: every department has a doctor on duty.
FIXED_NOW = dt.datetime(2026, 11, 23, 10, 0)


@dataclass
class Env:
    guide: Staff
    guide2: Staff
    desk: Staff
    desk2: Staff
    supervisor: Staff
    admin: Staff


def make_env(make_staff, clock) -> Env:
    """Staff for the flow, with the tests' `clock` fixture standing at FIXED_NOW."""
    clock.freeze(FIXED_NOW)
    return Env(
        guide=make_staff("guide", name="王悦"),
        guide2=make_staff("guide", name="张丽娜"),
        desk=make_staff("desk", name="李静"),
        desk2=make_staff("desk", name="陈晓雪"),
        supervisor=make_staff("supervisor", name="雷婷婷"),
        admin=make_staff("admin", name="管理员"),
    )


def dept(code: str) -> Department:
    return Department.get(Department.code == code)


def doctor(code: str, index: int = 0) -> Doctor:
    return list(Doctor.select().where(Doctor.department == dept(code)).order_by(Doctor.id))[index]


def id_number(birth: str = "19900307", seq: str = "123") -> str:
    body = f"110105{birth}{seq}"
    return body + id_check_char(body)


def form(**overrides) -> reception.RegistrationForm:
    """A valid form; the default age of 35 is typed only when no birth date or ID is given
    (a typed age that contradicts the birth date is refused, not replaced)."""
    has_birth = overrides.get("birth_date") or overrides.get("id_number")
    values = dict(name="张三", sex="M", phone="13800138000", age=None if has_birth else 35)
    values.update(overrides)
    return reception.RegistrationForm(**values)


def walk(env: Env, to_stage: str, *, complaint: str = "便血一周", dept_code: str = "anorectal",
         doctor_index: int = 0, reg_form: reception.RegistrationForm | None = None,
         patient_id: int | None = None, booked: bool = False,
         first_visit: bool = True) -> reception.VisitView:
    """A new visit moved through the normal path up to `to_stage`."""
    v = reception.new_arrival(actor=env.guide, booked=booked, first_visit=first_visit)
    if to_stage == stages.GREETING:
        return v
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    if patient_id is not None:
        v = reception.attach_patient(v.id, actor=env.desk, expected_version=v.version,
                                     patient_id=patient_id)
    if to_stage == stages.TRIAGE:
        return v
    doc = doctor(dept_code, doctor_index)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint=complaint,
                         department_id=dept(dept_code).id, doctor_id=doc.id)
    if to_stage == stages.REGISTRATION:
        return v
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=reg_form or form(), patient_id=patient_id)
    if to_stage == stages.BILLING:
        return v
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    if to_stage == stages.ESCORT:
        return v
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide.id)
    return v


def events(visit_id: int) -> list[tuple[str, str, str, int]]:
    """A visit's events as (from_stage, stage, action, staff id), in the order written."""
    from frontdesk.db.models import VisitEvent

    rows = VisitEvent.select().where(VisitEvent.visit == visit_id).order_by(VisitEvent.id)
    return [(e.from_stage, e.stage, e.action, e.staff_id) for e in rows]
