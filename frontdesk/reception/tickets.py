"""Door tickets (A012): who came in, as the door guide saw them, and check-in of a booking.

The door gives each arrival the day's next ticket. Like queue numbers
(frontdesk/queue/numbers.py) the number is max + 1 inside the greeting's
transaction and the unique index (visit_date, door_ticket_no) makes a
duplicate impossible: SQLite's IMMEDIATE transaction already serialises the
door devices; on PostgreSQL they take turns on an advisory lock for the day,
and a clash that still happens is retried in a savepoint. A new arrival's row
is inserted already holding its ticket (insert_ticketed_visit: one INSERT,
the max and the prefix setting read in one statement).

The guide also records sex, an age band (child / adult / elder — the ages are
settings), a name or surname if given and a priority class. The form of
address (先生, 小姐, 叔叔, 阿姨, 小朋友) comes from frontdesk.etiquette with an
age that stands for the band.

A booked patient can be checked in by scanning the booking's code
(Appointment.code, printed on the booking), or typing/scanning the ID card
number or the phone number: find_booking() finds today's appointment and says
what to pre-fill.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from peewee import IntegrityError

from frontdesk import audit, clock, etiquette, settings, validation
from frontdesk.changes import Changed, changes
from frontdesk.db import prepared
from frontdesk.db.models import Appointment, Department, Patient, Visit, database_proxy
from frontdesk.db.transaction import retry_point, take_turn
from frontdesk.errors import ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.queue.priority import LABELS as PRIORITY_LABELS
from frontdesk.queue.priority import PriorityClass

MAX_ATTEMPTS = 5
TICKET_LOCK_CLASS = 0x46440008  # advisory lock namespace ("FD" 8): door tickets, per day
NAME_MAX_LENGTH = 40
CODE_MAX_LENGTH = 10  # Appointment.code
BOOKING_FIELD = "booking"  # where check-in messages are shown


class AgeBand(StrEnum):
    """What the door guide judges at a glance; the value is what Visit.door_age_band stores."""

    UNKNOWN = ""
    CHILD = "child"
    ADULT = "adult"
    ELDER = "elder"


AGE_BAND_LABELS: dict[AgeBand, Msg] = {
    AgeBand.UNKNOWN: Msg("年龄未知", "age unknown"),
    AgeBand.CHILD: Msg("儿童", "child"),
    AgeBand.ADULT: Msg("成人", "adult"),
    AgeBand.ELDER: Msg("老人", "elder"),
}
SEX_LABELS = {"M": Msg("男", "male"), "F": Msg("女", "female"), "": Msg("", "")}
SEX_SHORT = {"M": Msg("男", "M"), "F": Msg("女", "F"), "": Msg("", "")}  # for narrow lists


# --- ticket numbers ----------------------------------------------------------------


PREFIX_MAX_LENGTH = 4  # the label fits Visit.door_ticket (12) with room for the number


def _tidy_prefix(value) -> str:
    text = "".join(str(value if value is not None else "").split())
    return text[:PREFIX_MAX_LENGTH]


def ticket_prefix() -> str:
    """Settings door.ticket_prefix, tidied: one line, at most PREFIX_MAX_LENGTH characters."""
    return _tidy_prefix(settings.get("door.ticket_prefix"))


def ticket_label(number: int | None, prefix: str | None = None) -> str:
    """"A012"; "" before a ticket is given."""
    if not number:
        return ""
    prefix = ticket_prefix() if prefix is None else prefix
    return f"{prefix}{number:03d}"


_PREFIX_KEY = "door.ticket_prefix"


def _next_ticket(day: dt.date) -> tuple[int, str]:
    """(the day's next free ticket, the prefix setting) in one statement."""
    db = database_proxy.obj
    p = db.param
    if _PREFIX_KEY in settings.DESK_LOCAL:  # a desk's own choice lives in its file
        return next_ticket_no(day), ticket_prefix()
    top, stored = db.execute_sql(
        f"SELECT (SELECT MAX(door_ticket_no) FROM visit WHERE visit_date = {p}), "
        f"(SELECT value FROM setting WHERE key = {p})", [str(day), _PREFIX_KEY]).fetchone()
    # As settings.get reads it: the stored JSON value, else the default.
    value = (settings.decode(_PREFIX_KEY, stored) if stored is not None
             else settings.DEFAULTS[_PREFIX_KEY])
    return (top or 0) + 1, _tidy_prefix(value)


def next_ticket_no(day: dt.date) -> int:
    """The day's next free ticket (call inside a transaction)."""
    db = database_proxy.obj
    top = db.execute_sql(f"SELECT MAX(door_ticket_no) FROM visit WHERE visit_date = {db.param}",
                         [str(day)]).fetchone()[0]
    return (top or 0) + 1


def _take_ticket_turn(day: dt.date) -> None:
    # To the end of the caller's transaction: the next door reads max after our commit.
    take_turn(TICKET_LOCK_CLASS, day.toordinal())



def insert_ticketed_visit(day: dt.date, **fields) -> int:
    """Insert a Visit (as Visit.create(**fields)) already holding the day's next ticket,
    inside the caller's transaction; its id. One INSERT instead of an insert and an
    update; the day's turn is taken first, and a clash is retried with the next ticket."""
    _take_ticket_turn(day)
    for attempt in range(MAX_ATTEMPTS):
        number, prefix = _next_ticket(day)
        try:
            with retry_point():
                return prepared.insert(Visit, door_ticket_no=number,
                                   door_ticket=ticket_label(number, prefix), **fields).id
        except IntegrityError:
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


# --- what the door records -----------------------------------------------------------


@dataclass(frozen=True)
class DoorDetails:
    """The door's answers, checked: sex "M"/"F"/"", an AgeBand, a name, a PriorityClass."""

    sex: str = ""
    age_band: AgeBand = AgeBand.UNKNOWN
    name: str = ""
    priority: PriorityClass = PriorityClass.NONE


def check_details(sex: str = "", age_band: str = "", name: str = "",
                  priority: str = "") -> DoorDetails:
    """Check what the guide chose; bad values raise ValidationError at their field."""
    sex = (sex or "").strip().upper() if isinstance(sex, str | None) else "?"
    if sex not in ("M", "F", ""):
        raise ValidationError("性别只能是男或女。", "Sex must be male or female.", field="sex")
    try:
        band = AgeBand(age_band or "")
    except ValueError:
        raise ValidationError("年龄段只能是儿童、成人或老人。",
                              "The age band must be child, adult or elder.",
                              field="age_band") from None
    try:
        prio = PriorityClass(priority or "")
    except ValueError:
        raise ValidationError("未知的优先类别。", "Unknown priority class.",
                              field="priority") from None
    if name is not None and not isinstance(name, str):
        raise ValidationError("姓名应为文字。", "A name must be text.", field="door_name")
    if (name or "").strip():
        try:
            name = validation.validate_name(name)
        except ValidationError as exc:
            raise ValidationError(exc.msg, field="door_name") from None
    return DoorDetails(sex, band, name if (name or "").strip() else "", prio)


def _age_setting(key: str) -> int:
    try:
        age = int(settings.get(key))
    except (TypeError, ValueError):
        age = -1
    return age if 0 <= age <= 150 else int(settings.DEFAULTS[key])  # a typo keeps the default


def child_below_age() -> int:
    return _age_setting("door.child_below_age")


def elder_min_age() -> int:
    return _age_setting("door.elder_min_age")


def band_of_age(age: int | None) -> AgeBand:
    """The band an age falls in, by settings door.child_below_age / door.elder_min_age."""
    if age is None:
        return AgeBand.UNKNOWN
    if age < child_below_age():
        return AgeBand.CHILD
    if age >= elder_min_age():
        return AgeBand.ELDER
    return AgeBand.ADULT


def band_age(band: str) -> int | None:
    """An age that stands for the band when choosing the form of address.

    Child: 小朋友. Adult: young enough for 小姐, as the house's hand-over script
    says "这位先生（小姐）"; elder: old enough for 叔叔 / 阿姨 whatever the settings.
    """
    if band == AgeBand.CHILD:
        return etiquette.CHILD_BELOW_AGE - 6
    if band == AgeBand.ADULT:
        return max(etiquette.CHILD_BELOW_AGE, etiquette.YOUNG_WOMAN_BELOW_AGE - 5)
    if band == AgeBand.ELDER:
        return max(elder_min_age(), etiquette.ELDER_MIN_AGE)
    return None


def door_title(sex: str, band: str, lang: str | None = None) -> str:
    """The title for "这位…": 先生, 小姐, 叔叔, 阿姨, 小朋友."""
    return etiquette.title_of(sex, band_age(band), lang)


def door_address(name: str, sex: str, band: str, lang: str | None = None) -> str:
    """How to address the arrival: 王阿姨, 小朋友, 先生 (a surname when the guide has one)."""
    return etiquette.form_of_address(name or None, sex, band_age(band), lang)


def describe(sex: str, band: str, lang: str | None = None, *, short: bool = False) -> str:
    """"女 · 老人" ("female · elder"); short, for a narrow list: "女·老人" ("F·elder");
    "" when neither is known."""
    sexes = SEX_SHORT if short else SEX_LABELS
    parts = [sexes.get(sex, sexes[""]).text(lang)]
    if band in AgeBand._value2member_map_ and band:
        parts.append(AGE_BAND_LABELS[AgeBand(band)].text(lang))
    return ("·" if short else " · ").join(p for p in parts if p)


def priority_label(priority: str, lang: str | None = None) -> str:
    """The priority class as the desk says it; "" for none or an unknown value."""
    try:
        prio = PriorityClass(priority or "")
    except ValueError:
        return ""
    label = PRIORITY_LABELS.get(prio)
    return label.text(lang) if prio and label is not None else prio.value


# --- check-in of a booking ---------------------------------------------------------------


def _tidy(raw) -> str:
    if raw is not None and not isinstance(raw, str):
        raise _booking_error("请扫描或输入预约码、身份证号或手机号。",
                             "Scan or type a booking code, ID card number or phone number.")
    # Full-width from an IME, and the invisible bidi marks a code pasted from a chat carries.
    text = validation.drop_invisible(unicodedata.normalize("NFKC", raw or ""))
    return re.sub(r"\s+", "", text).upper()


def _booking_error(zh: str, en: str) -> ValidationError:
    return ValidationError(zh, en, field=BOOKING_FIELD)


@dataclass(frozen=True)
class BookingMatch:
    """Today's appointment found at the door, and what it pre-fills."""

    appointment_id: int
    code: str
    matched_by: str  # "code" | "id_number" | "phone"
    name: str
    sex: str
    age_band: AgeBand
    first_visit: bool
    patient_id: int | None
    department_name: Msg
    time: str
    complaint: str


_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_PHONE_SHAPE = re.compile(r"(\+?86)?1\d{10}")


def find_booking(raw: str, *, actor, day: dt.date | None = None) -> BookingMatch:
    """Today's booked appointment by its code, the ID card number or the phone number.

    A scanner types like a keyboard: `raw` is whatever arrived before Enter. Bad
    input (an ID whose checksum fails, an unknown or cancelled booking, another
    day's booking, one already checked in) raises ValidationError at "booking".
    """
    require(actor, Perm.GREET)
    day = day or clock.today()
    value = _tidy(raw)
    if not value:
        raise _booking_error("请扫描或输入预约码、身份证号或手机号。",
                             "Scan or type a booking code, ID card number or phone number.")
    booked = Appointment.status == "booked"
    today = Appointment.date == day
    resident = None
    if _ID_SHAPE.fullmatch(value):
        try:
            resident = validation.parse_resident_id(value, day)
        except ValidationError as exc:
            raise ValidationError(exc.msg, field=BOOKING_FIELD) from None
        holders = [p.id for p in Patient.select(Patient.id).where(
            Patient.id_number == resident.number)]
        appt = (Appointment.select().where(Appointment.patient.in_(holders) & today & booked)
                .order_by(Appointment.time, Appointment.id).first()) if holders else None
        matched_by = "id_number"
        if appt is None:
            raise _booking_error("今天没有这个身份证号的预约。请按未预约接待，或改用预约码、手机号。",
                                 "No booking today for this ID card number. Greet the patient "
                                 "as not booked, or try the booking code or phone number.")
    elif _PHONE_SHAPE.fullmatch(value):
        try:
            phone = validation.normalise_mobile(value)
        except ValidationError as exc:
            raise ValidationError(exc.msg, field=BOOKING_FIELD) from None
        owners = [p.id for p in Patient.select(Patient.id).where(Patient.phone == phone)]
        by_phone = Appointment.phone == phone
        if owners:
            by_phone = by_phone | Appointment.patient.in_(owners)
        appt = (Appointment.select().where(by_phone & today & booked)
                .order_by(Appointment.time, Appointment.id).first())
        matched_by = "phone"
        if appt is None:
            raise _booking_error("今天没有这个手机号的预约。请按未预约接待，或改用预约码。",
                                 "No booking today for this phone number. Greet the patient "
                                 "as not booked, or try the booking code.")
    else:
        if len(value) > CODE_MAX_LENGTH or not value.isascii() or not value.isalnum():
            raise _booking_error("这不是预约码、身份证号或手机号，请重新扫描或输入。",
                                 "This is not a booking code, ID card number or phone number. "
                                 "Scan or type it again.")
        appt = Appointment.get_or_none(Appointment.code == value)
        matched_by = "code"
        if appt is None:
            raise _booking_error("找不到这个预约码的预约，请核对后重试。",
                                 "No booking has this code. Check it and try again.")
        _check_usable(appt, day)
    audit.viewed(actor, "appointment", appt.id)  # the door now sees who booked
    return _match(appt, matched_by, day, resident)


def _check_usable(appt: Appointment, day: dt.date) -> None:
    if appt.status == "cancelled":
        raise _booking_error("这个预约已取消。请按未预约接待。",
                             "This booking was cancelled. Greet the patient as not booked.")
    if appt.status == "arrived":
        raise _booking_error("这个预约已经签到过了，请到导医台询问。",
                             "This booking has already been checked in. Ask at the desk.")
    if appt.date != day:
        raise _booking_error(f"这个预约是 {appt.date.isoformat()} 的，不是今天。",
                             f"This booking is for {appt.date.isoformat()}, not today.")


def _match(appt: Appointment, matched_by: str, day: dt.date, resident) -> BookingMatch:
    patient = (Patient.get_or_none(Patient.id == kept_record(appt.patient_id))
               if appt.patient_id else None)
    sex, birth = "", None
    if patient is not None:
        sex, birth = patient.sex or "", patient.birth_date
    if resident is not None:
        sex, birth = sex or resident.sex, birth or resident.birth_date
    returning = patient is not None and Visit.select().where(
        (Visit.patient == patient.id) & (Visit.visit_date < day)).exists()
    dept = Department.get_by_id(appt.department_id)
    return BookingMatch(
        appointment_id=appt.id, code=appt.code or "", matched_by=matched_by,
        name=(patient.name if patient is not None else appt.patient_name) or "",
        sex=sex if sex in ("M", "F") else "",
        age_band=band_of_age(clock.age_on(birth, day)) if birth else AgeBand.UNKNOWN,
        first_visit=not returning, patient_id=patient.id if patient is not None else None,
        department_name=Msg(dept.name_zh, dept.name_en or dept.name_zh), time=appt.time or "",
        complaint=appt.complaint or "")


def kept_record(patient_id: int) -> int:
    """The record a booking's patient lives on: merged records point to the one kept."""
    seen = set()
    while patient_id not in seen:
        seen.add(patient_id)
        row = Patient.select(Patient.merged_into).where(Patient.id == patient_id).tuples().first()
        if row is None or row[0] is None:
            return patient_id
        patient_id = row[0]
    return patient_id


@changes(Changed.SERVICE)
def claim_appointment(appointment: int, day: dt.date) -> None:
    """Mark today's booking arrived inside the greeting's transaction.

    The update is guarded by status and date, so two door devices checking in the
    same booking at once: one wins, the other is told at the field. Declared SERVICE:
    the booking lists of other stations learn it with the visit (no *_id parameter, so
    the change log's entity stays the greeting's).
    """
    appointment = validation.lookup_id(appointment)  # nonsense reads as "no such booking"
    rows = Appointment.update(status="arrived").where(
        (Appointment.id == appointment) & (Appointment.status == "booked")
        & (Appointment.date == day)).execute()
    if rows != 1:
        appt = Appointment.get_or_none(Appointment.id == appointment)
        if appt is None:
            raise _booking_error("找不到这个预约码的预约，请核对后重试。",
                                 "No booking has this code. Check it and try again.")
        _check_usable(appt, day)
        raise _booking_error("这个预约刚刚已由其他设备签到。", "Another device has just checked "
                             "this booking in.")
