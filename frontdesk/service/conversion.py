"""Conversion (来院就诊达到率): did the caller, the booked patient, come?

A booking counts as arrived when its status says so, when a visit names it, or
when a visit on the booking's day belongs to the booked patient's record or to a
patient with the booking's phone number — the first-time caller who booked by
phone and was registered as a new patient at the desk (the desk never linked that
booking; counting only linked bookings reported 1 of 4 instead of 2 of 4).

A consultation counts as arrived when a visit within CONVERSION_DAYS on or after
it belongs to its caller's record or phone number. `link_arrivals` stores those
links (appointment → arrived, consultation → visit) so lists show them; the
counts never depend on it having run.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Appointment,
    Consultation,
    MediaSource,
    Patient,
    Staff,
    Visit,
    database_proxy,
)
from frontdesk.db.transaction import write_tx
from frontdesk.i18n import localized
from frontdesk.validation import lookup_id

CONVERSION_DAYS = 30

# A booking `a` (SQL alias) whose patient came on its day. Shared with the daily summary.
# Visits are found through the patient (visit_patient_id), never by the day's index: `|| ''`
# hides visit_date from the planner on SQLite and PostgreSQL alike, and CROSS JOIN makes
# SQLite start from the phone's patients (a year of bookings: 1.1 s -> 0.14 s on the
# 100,000-patient bench hospital; a month 79 -> 3 ms).
ARRIVED_SQL = (  # `w`, not `v`: these are lookups by patient, not a range of visit days
    "(a.status = 'arrived'"
    " OR EXISTS (SELECT 1 FROM visit w WHERE w.appointment_id = a.id)"
    " OR EXISTS (SELECT 1 FROM visit w WHERE w.patient_id = a.patient_id"
    " AND (w.visit_date || '') = (a.date || ''))"
    " OR (a.phone <> '' AND EXISTS (SELECT 1 FROM patient p CROSS JOIN visit w"
    " WHERE p.phone = a.phone AND w.patient_id = p.id"
    " AND (w.visit_date || '') = (a.date || ''))))"
)


def arrived_appointment_ids(ids: list[int]) -> set[int]:
    """Those of the bookings `ids` whose patient came on the booking's day."""
    if not ids:
        return set()
    db = database_proxy.obj
    out: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join([db.param] * len(chunk))
        sql = f"SELECT a.id FROM appointment a WHERE a.id IN ({marks}) AND {ARRIVED_SQL}"
        out |= {r[0] for r in db.execute_sql(sql, chunk)}
    return out


def consultation_visits(rows: list[Consultation]) -> dict[int, int]:
    """consultation id -> the id of the first visit that came of it (within CONVERSION_DAYS)."""
    if not rows:
        return {}
    out = {c.id: c.visit_id for c in rows if c.visit_id}
    todo = [c for c in rows if not c.visit_id and (c.phone or c.patient_id)]
    if not todo:
        return out
    first = min(c.at.date() for c in todo)
    last = max(c.at.date() for c in todo) + dt.timedelta(days=CONVERSION_DAYS)
    phones = {c.phone for c in todo if c.phone}
    patients = {c.patient_id for c in todo if c.patient_id}
    cond = Patient.phone.in_(list(phones)) if phones else None
    if patients:
        by_id = Visit.patient.in_(list(patients))
        cond = by_id if cond is None else (cond | by_id)
    visits = list(Visit.select(Visit.id, Visit.visit_date, Visit.patient, Patient.phone)
                  .join(Patient, on=(Visit.patient == Patient.id))
                  .where(Visit.visit_date >= first, Visit.visit_date <= last, cond)
                  .order_by(Visit.visit_date, Visit.id).tuples())
    by_phone: dict[str, list] = defaultdict(list)
    by_patient: dict[int, list] = defaultdict(list)
    for vid, day, patient_id, phone in visits:
        row = (_as_date(day), vid)
        by_phone[phone].append(row)
        by_patient[patient_id].append(row)
    for c in todo:
        start = c.at.date()
        end = start + dt.timedelta(days=CONVERSION_DAYS)
        candidates = by_patient.get(c.patient_id, []) + by_phone.get(c.phone, [])
        hits = [v for v in candidates if start <= v[0] <= end]
        if hits:
            out[c.id] = min(hits)[1]
    return out


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


@changes(Changed.SERVICE, when=bool)
def link_arrivals(day: dt.date) -> int:
    """Store the links for visits up to `day`: bookings arrived, consultations to their visit.

    Idempotent; two desks running it at once write the same values. Returns how many
    records gained a link.
    """
    n = 0
    with write_tx():
        since = day - dt.timedelta(days=CONVERSION_DAYS)
        booked = [a.id for a in Appointment.select(Appointment.id).where(
            Appointment.status.in_(("booked", "no_show")), Appointment.date >= since,
            Appointment.date <= day)]
        came = arrived_appointment_ids(booked)
        if came:
            n += Appointment.update(status="arrived").where(Appointment.id.in_(list(came)),
                                                            Appointment.status != "arrived"
                                                            ).execute()
        open_ = list(Consultation.select().where(
            Consultation.visit.is_null(),
            Consultation.at >= dt.datetime.combine(since, dt.time())))
        for cid, vid in consultation_visits(open_).items():
            patient = Visit.get_by_id(vid).patient_id
            n += Consultation.update(visit=vid, patient=patient).where(
                Consultation.id == cid, Consultation.visit.is_null()).execute()
    return n


@changes(Changed.SERVICE, when=bool)
def link_visit(visit_id: int) -> int:
    """Link one arriving visit: the day's bookings of its patient (record or phone) arrive,
    and its caller's open consultations of the last CONVERSION_DAYS point to it.

    For the desk to call once a visit has its patient (registration or a record found);
    idempotent, in its own transaction. Returns how many records gained a link.
    """
    with write_tx():
        v = Visit.get_or_none(Visit.id == lookup_id(visit_id))
        if v is None or v.patient_id is None:
            return 0
        phone = v.patient.phone or None
        mine = (Appointment.patient == v.patient_id)
        if phone:
            mine = mine | (Appointment.phone == phone)
        n = Appointment.update(status="arrived", patient=v.patient_id).where(
            Appointment.date == v.visit_date, Appointment.status.in_(("booked", "no_show")),
            mine).execute()
        since = dt.datetime.combine(v.visit_date - dt.timedelta(days=CONVERSION_DAYS), dt.time())
        until = dt.datetime.combine(v.visit_date + dt.timedelta(days=1), dt.time())
        caller = (Consultation.patient == v.patient_id)
        if phone:
            caller = caller | (Consultation.phone == phone)
        n += Consultation.update(visit=v.id, patient=v.patient_id).where(
            Consultation.visit.is_null(), Consultation.at >= since, Consultation.at < until,
            caller).execute()
    return n


# --- rates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    key: str  # what the row groups by, in the reader's language
    total: int
    arrived: int

    @property
    def rate(self) -> float | None:
        return self.arrived / self.total if self.total else None


@dataclass(frozen=True)
class Conversion:
    """Arrival rates over a range of days, overall and per channel, media source, staff."""

    consultations: RateRow
    appointments: RateRow
    consultations_by_channel: tuple[RateRow, ...]
    consultations_by_media: tuple[RateRow, ...]
    consultations_by_staff: tuple[RateRow, ...]
    appointments_by_channel: tuple[RateRow, ...]
    appointments_by_media: tuple[RateRow, ...]
    appointments_by_staff: tuple[RateRow, ...]


def _media_names() -> dict[int | None, str]:
    rows = {m.id: m for m in MediaSource.select()}
    out: dict[int | None, str] = {None: ""}
    for m in rows.values():
        top = rows.get(m.parent_id) if m.parent_id else None
        out[m.id] = (f"{localized(top, 'name')} / " if top else "") + localized(m, "name")
    return out


def _group(items: list[tuple[str, bool]]) -> tuple[RateRow, ...]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, came in items:
        totals[key][0] += 1
        totals[key][1] += int(came)
    return tuple(sorted((RateRow(k, t, a) for k, (t, a) in totals.items()),
                        key=lambda r: (-r.total, r.key)))


def conversion(start: dt.date, end: dt.date) -> Conversion:
    """Rates for consultations taken and bookings dated in [start, end]."""
    from frontdesk.service.consultations import CHANNEL_NAMES

    media = _media_names()
    staff = {s.id: s.display_name for s in Staff.select(Staff.id, Staff.display_name)}
    none = localized_none()
    cons = list(Consultation.select().where(
        Consultation.at >= dt.datetime.combine(start, dt.time()),
        Consultation.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())))
    came = consultation_visits(cons)
    c_items = [(c, c.id in came) for c in cons]
    appts = list(Appointment.select().where(Appointment.date >= start, Appointment.date <= end,
                                            Appointment.status != "cancelled"))
    arrived = arrived_appointment_ids([a.id for a in appts])
    by_appt = {c.appointment_id: c for c in Consultation.select().where(
        Consultation.appointment.in_([a.id for a in appts]))} if appts else {}
    a_items = [(a, by_appt.get(a.id), a.id in arrived) for a in appts]
    return Conversion(
        consultations=RateRow("", len(cons), sum(x for _, x in c_items)),
        appointments=RateRow("", len(appts), len(arrived)),
        consultations_by_channel=_group([(CHANNEL_NAMES[c.channel].text()
                                          if c.channel in CHANNEL_NAMES else c.channel, x)
                                         for c, x in c_items]),
        consultations_by_media=_group([(media.get(c.media_source_id) or none, x)
                                       for c, x in c_items]),
        consultations_by_staff=_group([(staff.get(c.answered_by_id, ""), x)
                                       for c, x in c_items]),
        appointments_by_channel=_group([
            ((CHANNEL_NAMES[c.channel].text() if c.channel in CHANNEL_NAMES else c.channel)
             if c else direct_booking(), x) for _a, c, x in a_items]),
        appointments_by_media=_group([((media.get(c.media_source_id) if c else None) or none, x)
                                      for _a, c, x in a_items]),
        appointments_by_staff=_group([(staff.get(a.booked_by_id, "") or none, x)
                                      for a, _c, x in a_items]),
    )


def localized_none() -> str:
    from frontdesk.i18n import text

    return text("（未填）", "(not given)")


def direct_booking() -> str:
    from frontdesk.i18n import text

    return text("直接预约", "Direct booking")


def appointment_counts(start: dt.date, end: dt.date) -> tuple[int, int]:
    """(bookings not cancelled, of them arrived) dated in [start, end] — one SQL count."""
    db = database_proxy.obj
    row = db.execute_sql(
        f"SELECT COUNT(*), SUM(CASE WHEN {ARRIVED_SQL} THEN 1 ELSE 0 END) FROM appointment a "
        f"WHERE a.date >= {db.param} AND a.date <= {db.param} AND a.status <> 'cancelled'",
        [start, end]).fetchone()
    return int(row[0] or 0), int(row[1] or 0)

