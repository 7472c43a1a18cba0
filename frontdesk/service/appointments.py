"""Appointments: book (from a consultation or directly), change, cancel, no-show.

Slots come from the doctor's schedule (DoctorSchedule blocks cut into
rules.service `slot_minutes`), each block with its `capacity` per slot. The
count of a slot lives in one AppointmentSlot row; taking a place is ONE
conditional UPDATE (`booked = booked + 1 WHERE booked < capacity`), so two desks
booking the last place in the same millisecond cannot both get it, on SQLite
(the write lock, taken at BEGIN IMMEDIATE) and on PostgreSQL (the row lock; the
second UPDATE re-reads the row and finds it full). Changing a booking gives the
old place back and takes the new one in the same transaction.

Each booking gets a short code (six characters without look-alikes, unique) that
is printed on the booking and scanned at the door.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, IntegrityError

from frontdesk import audit, clock, validation
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    BOOKING_CODE_ALPHABET,
    Appointment,
    AppointmentSlot,
    Consultation,
    Department,
    Doctor,
    DoctorSchedule,
    FollowUp,
    Patient,
    booking_code,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.service import desk_rules
from frontdesk.validation import lookup_id

ENTITY = "appointment"
BOOKED, ARRIVED, CANCELLED, NO_SHOW = "booked", "arrived", "cancelled", "no_show"
STATUS_NAMES = {
    BOOKED: Msg("已预约", "Booked"),
    ARRIVED: Msg("已到院", "Arrived"),
    CANCELLED: Msg("已取消", "Cancelled"),
    NO_SHOW: Msg("未到", "No-show"),
}
CODE_ALPHABET = BOOKING_CODE_ALPHABET
COMPLAINT_MAX = 500


@dataclass(frozen=True)
class Slot:
    time: str
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


@dataclass(frozen=True)
class AppointmentView:
    id: int
    code: str
    patient_id: int | None
    name: str
    phone: str
    department_id: int
    department_zh: str
    department_en: str
    doctor_id: int | None
    doctor: str
    date: dt.date
    time: str
    complaint: str
    status: str
    version: int


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _schedule_slots(doctor_id: int, day: dt.date) -> dict[str, int]:
    """time -> capacity of every slot the doctor works on `day`."""
    step = desk_rules.current()["appointments"]["slot_minutes"]
    out: dict[str, int] = {}
    for block in DoctorSchedule.select().where(DoctorSchedule.doctor == doctor_id,
                                               DoctorSchedule.weekday == day.weekday()):
        t, end = _minutes(block.start), _minutes(block.end)
        while t + step <= end:
            out[_hhmm(t)] = out.get(_hhmm(t), 0) + block.capacity
            t += step
    return dict(sorted(out.items()))


def slots(doctor_id: int, day: dt.date) -> list[Slot]:
    """The doctor's slots on `day` with their places taken (past slots of today left out)."""
    sched = _schedule_slots(lookup_id(doctor_id), day)
    taken = {s.time: s.booked for s in AppointmentSlot.select().where(
        AppointmentSlot.doctor == lookup_id(doctor_id), AppointmentSlot.date == day)}
    now = clock.now()
    return [Slot(t, cap, taken.get(t, 0)) for t, cap in sched.items()
            if day > now.date() or (day == now.date() and t > now.strftime("%H:%M"))]


def _check_when(doctor: Doctor, day, time: str) -> int:
    """The slot's capacity; ValidationError at the date or time field otherwise."""
    if not isinstance(day, dt.date):
        raise ValidationError("请选择预约日期。", "Choose the date.", field="date")
    now = clock.now()
    if day < now.date():
        raise ValidationError("预约日期不能早于今天。", "The booking date cannot be in the past.",
                              field="date")
    ahead = desk_rules.current()["appointments"]["max_days_ahead"]
    if day > now.date() + dt.timedelta(days=ahead):
        raise ValidationError(f"最多只能预约 {ahead} 天之内。",
                              f"Bookings go at most {ahead} days ahead.", field="date")
    sched = _schedule_slots(doctor.id, day)
    if not sched:
        raise ValidationError(f"{doctor.name}医生这一天不出诊。",
                              f"Dr {doctor.name} does not work on that day.", field="date")
    if not isinstance(time, str) or time not in sched:
        raise ValidationError("请选择医生出诊时间内的时段。",
                              "Choose one of the doctor's time slots.", field="time")
    if day == now.date() and time <= now.strftime("%H:%M"):
        raise ValidationError("这个时段已经过去了。", "That time slot has passed.", field="time")
    return sched[time]


def _take_place(doctor_id: int, day: dt.date, time: str, capacity: int) -> None:
    AppointmentSlot.insert(doctor=doctor_id, date=day, time=time, booked=0,
                           capacity=capacity).on_conflict_ignore().execute()
    # Capacity as the schedule says now (an admin may have changed it).
    n = (AppointmentSlot.update(booked=AppointmentSlot.booked + 1, capacity=capacity)
         .where(AppointmentSlot.doctor == doctor_id, AppointmentSlot.date == day,
                AppointmentSlot.time == time, AppointmentSlot.booked < capacity)
         .execute())
    if n != 1:
        raise ValidationError("这个时段已约满，请选择其他时段。",
                              "That time slot is full; choose another.", field="time")


def _give_back(doctor_id: int | None, day: dt.date, time: str) -> None:
    if doctor_id is None:
        return
    (AppointmentSlot.update(booked=AppointmentSlot.booked - 1)
     .where(AppointmentSlot.doctor == doctor_id, AppointmentSlot.date == day,
            AppointmentSlot.time == time, AppointmentSlot.booked > 0).execute())


def _doctor_in(department_id, doctor_id) -> tuple[Department, Doctor]:
    dept = Department.get_or_none(Department.id == lookup_id(department_id),
                                  Department.active == True)  # noqa: E712
    if dept is None:
        raise ValidationError("请选择科室。", "Choose the department.", field="department")
    doctor = Doctor.get_or_none(Doctor.id == lookup_id(doctor_id), Doctor.active == True)  # noqa: E712
    if doctor is None or doctor.department_id != dept.id:
        raise ValidationError("请选择该科室的医生。", "Choose a doctor of that department.",
                              field="doctor")
    return dept, doctor


def _new_code() -> str:
    return booking_code()


def _view(a: Appointment) -> AppointmentView:
    dept = a.department
    doctor = a.doctor if a.doctor_id else None
    return AppointmentView(a.id, a.code or "", a.patient_id, a.patient_name, a.phone,
                           a.department_id, dept.name_zh, dept.name_en, a.doctor_id,
                           doctor.name if doctor else "", a.date, a.time, a.complaint, a.status,
                           a.version)


def _checked_person(name: str, phone: str) -> tuple[str, str]:
    errors = {}
    try:
        name = validation.validate_name(name)
    except ValidationError as exc:
        exc.field = "name"
        errors["name"] = exc
    try:
        phone = validation.normalise_mobile(phone)
    except ValidationError as exc:
        exc.field = "phone"
        errors["phone"] = exc
    if errors:
        from frontdesk.patient_form import FormInvalid

        raise FormInvalid(errors)
    return name, phone


@changes(Changed.SERVICE)
def book(*, actor, department_id: int, doctor_id: int, day: dt.date, time: str,
         name: str = "", phone: str = "", patient_id: int | None = None, complaint: str = "",
         consultation_id: int | None = None) -> AppointmentView:
    """Book a place; from a consultation its caller's name and phone are the defaults."""
    require(actor, Perm.CONSULT)
    consultation = None
    if consultation_id is not None:
        consultation = Consultation.get_or_none(Consultation.id == lookup_id(consultation_id))
        if consultation is None:
            raise NotFound("找不到该咨询记录。", "That consultation was not found.")
        name = name or consultation.name
        phone = phone or consultation.phone
        patient_id = patient_id or consultation.patient_id
    patient = None
    if patient_id is not None:
        patient = Patient.get_or_none(Patient.id == lookup_id(patient_id))
        if patient is None:
            raise NotFound("找不到该患者档案。", "That patient record was not found.")
        name = name or patient.name
        phone = phone or patient.phone
    name, phone = _checked_person(name, phone)
    text = validation.clean_text(complaint, "complaint", COMPLAINT_MAX)
    dept, doctor = _doctor_in(department_id, doctor_id)
    capacity = _check_when(doctor, day, time)
    for _attempt in range(5):
        try:
            with write_tx():
                _take_place(doctor.id, day, time, capacity)
                a = Appointment.create(
                    patient=patient, patient_name=name, phone=phone, department=dept,
                    doctor=doctor, date=day, time=time, complaint=text, status=BOOKED,
                    code=_new_code(), booked_by=actor, created_at=clock.now(), version=1)
                if consultation is not None:
                    Consultation.update(appointment=a.id, outcome="booked",
                                        version=Consultation.version + 1).where(
                        Consultation.id == consultation.id).execute()
                audit.record(actor, "create", ENTITY, a.id,
                             {"date": day.isoformat(), "time": time, "doctor": doctor.id,
                              "consultation": consultation_id})
            return _view(a)
        except IntegrityError:
            continue  # the code was taken by another booking: draw again
    raise ConflictError("预约号生成失败，请再试一次。", "Could not make a booking code; try again.")


def _load(appointment_id: int, expected_version: int) -> Appointment:
    a = Appointment.get_or_none(Appointment.id == lookup_id(appointment_id))
    if a is None:
        raise NotFound("找不到该预约。", "That booking was not found.")
    if a.version != expected_version or a.status != BOOKED:
        raise ConflictError("这个预约刚被同事修改过，已重新读取。",
                            "A colleague has just changed this booking; it was read again.")
    return a


def _bump(a: Appointment, **fields) -> None:
    n = (Appointment.update(version=Appointment.version + 1, updated_at=clock.now(), **fields)
         .where(Appointment.id == a.id, Appointment.version == a.version).execute())
    if n != 1:
        raise ConflictError("这个预约刚被同事修改过，已重新读取。",
                            "A colleague has just changed this booking; it was read again.")


@changes(Changed.SERVICE)
def change(*, actor, appointment_id: int, expected_version: int, day: dt.date, time: str,
           doctor_id: int | None = None) -> AppointmentView:
    """Move a booking to another slot (and doctor of the same department)."""
    require(actor, Perm.CONSULT)
    with write_tx():
        a = _load(appointment_id, expected_version)
        _dept, doctor = _doctor_in(a.department_id, doctor_id or a.doctor_id)
        capacity = _check_when(doctor, day, time)
        _give_back(a.doctor_id, a.date, a.time)
        _take_place(doctor.id, day, time, capacity)
        _bump(a, doctor=doctor.id, date=day, time=time)
        audit.record(actor, "update", ENTITY, a.id,
                     {"from": f"{a.date.isoformat()} {a.time}", "to": f"{day.isoformat()} {time}",
                      "doctor": doctor.id})
    return _view(Appointment.get_by_id(a.id))


@changes(Changed.SERVICE)
def cancel(*, actor, appointment_id: int, expected_version: int, reason: str = "") -> AppointmentView:
    require(actor, Perm.CONSULT)
    why = validation.clean_text(reason, "reason", 200, single_line=True)
    with write_tx():
        a = _load(appointment_id, expected_version)
        _give_back(a.doctor_id, a.date, a.time)
        _bump(a, status=CANCELLED)
        audit.record(actor, "update", ENTITY, a.id, {"status": CANCELLED, "reason": why})
    return _view(Appointment.get_by_id(a.id))


def _no_show_followup(a: Appointment, due: dt.date) -> None:
    FollowUp.insert(appointment=a.id, patient=a.patient_id, due_date=due,
                    notes="").on_conflict_ignore().execute()


@changes(Changed.SERVICE)
def mark_no_show(*, actor, appointment_id: int, expected_version: int) -> AppointmentView:
    """The patient did not come: status no_show, and a follow-up call due today."""
    require(actor, Perm.CONSULT)
    with write_tx():
        a = _load(appointment_id, expected_version)
        if a.date > clock.today():
            raise ValidationError("预约日期还没到，不能记为未到。",
                                  "The booking's day has not come yet.", field="status")
        _bump(a, status=NO_SHOW)
        _no_show_followup(a, clock.today())
        audit.record(actor, "update", ENTITY, a.id, {"status": NO_SHOW})
    return _view(Appointment.get_by_id(a.id))


def sweep_no_shows(day: dt.date, lookback_days: int = 7) -> int:
    """Bookings before `day` still 'booked' whose patient never came: no-shows with a call.

    Arrival is matched like the reports do (frontdesk.service.conversion): by the
    visit's booking, the patient record, or the phone number of the day's patients.
    Runs inside the caller's transaction (the follow-up list's first read of a day).
    """
    from frontdesk.service import conversion

    since = day - dt.timedelta(days=lookback_days)
    stale = list(Appointment.select().where(Appointment.status == BOOKED,
                                            Appointment.date >= since, Appointment.date < day))
    arrived = conversion.arrived_appointment_ids([a.id for a in stale])
    n = 0
    for a in stale:
        if a.id in arrived:
            Appointment.update(status=ARRIVED).where(Appointment.id == a.id,
                                                     Appointment.status == BOOKED).execute()
            continue
        if Appointment.update(status=NO_SHOW, version=Appointment.version + 1).where(
                Appointment.id == a.id, Appointment.status == BOOKED).execute():
            _no_show_followup(a, day)
            n += 1
    return n


def listing(*, actor, day: dt.date, department_id: int | None = None) -> list[AppointmentView]:
    """The bookings of `day` in time order (names and phones: audited as a view)."""
    require(actor, Perm.CONSULT)
    q = (Appointment.select(Appointment, Department, Doctor)
         .join(Department, on=(Appointment.department == Department.id))
         .switch(Appointment)
         .join(Doctor, JOIN.LEFT_OUTER, on=(Appointment.doctor == Doctor.id))
         .where(Appointment.date == day)
         .order_by(Appointment.time, Appointment.id))
    if department_id is not None:
        q = q.where(Appointment.department == lookup_id(department_id))
    out = [_view(a) for a in q]
    audit.viewed(actor, "appointment_list", day.isoformat())
    return out


def find(*, actor, code: str) -> AppointmentView | None:
    """A booking by its code (as scanned or typed, any case), or None."""
    require(actor, Perm.VIEW_PATIENT)
    value = validation.clean_text(code, "code", 20, single_line=True).upper().replace(" ", "")
    if not value:
        return None
    a = Appointment.get_or_none(Appointment.code == value)
    if a is None:
        return None
    audit.viewed(actor, ENTITY, a.id)
    return _view(a)
