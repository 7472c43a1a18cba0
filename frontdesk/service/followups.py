"""Follow-up calls (电话回访) after a visit.

The house rules ask the desk to phone every day's patients after their visit
(seed 000 第1篇 7: 对每日就诊患者定期进行电话回访) and to keep a record of each
call (回访记录表, seed 002). A patient whose visit reached the doctor becomes
due the next day; the FollowUp row is made the first time the list is read
(one per visit, never two). Each call attempt is one audit entry ("update" on
"follow_up") with its outcome, so the attempts and the per-patient history
come from the append-only log; the FollowUp row keeps the current state and
the notes of every attempt, one dated line each.

This is the one screen that shows full phone numbers: the caller needs them.
Reading the list therefore needs Perm.FOLLOW_UP and is audited once per listing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import JOIN, fn

from frontdesk import audit, clock, stages
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Appointment,
    AuditLog,
    Department,
    Doctor,
    FollowUp,
    Patient,
    Staff,
    Visit,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.patients import age_on
from frontdesk.permissions import Perm, require
from frontdesk.validation import clean_text, lookup_id

OPEN = "open"
DONE = "done"
UNREACHABLE = "unreachable"
DECLINED = "declined"
OUTCOMES = (DONE, UNREACHABLE, DECLINED)
# Visits older than this are not picked up any more: a call weeks later helps nobody.
LOOKBACK_DAYS = 7
# A retry further out than this is no follow-up of the visit any more.
MAX_RETRY_DAYS = 14
NOTES_MAX = 500
ENTITY = "follow_up"


@dataclass(frozen=True)
class DueCall:
    """One call to make: who, on which number, about which visit."""

    followup_id: int
    visit_id: int | None
    patient_id: int | None  # None: a no-show who booked by phone without a record
    patient_name: str
    sex: str
    age: int | None
    phone: str  # in full: the caller dials it
    department_zh: str
    department_en: str
    doctor: str
    visit_date: dt.date | None
    due_date: dt.date
    attempts: int
    notes: str
    no_show_date: dt.date | None = None  # a booking nobody came for (no visit)


@dataclass(frozen=True)
class CallRecord:
    """One call attempt, as the history lists it."""

    followup_id: int
    visit_date: dt.date | None
    at: dt.datetime
    staff_name: str
    outcome: str  # one of OUTCOMES
    notes: str
    retry_on: dt.date | None


def _ensure_followups(day: dt.date) -> None:
    """Make the missing FollowUp rows for visits that reached the doctor before `day`.

    Unique by visit: the existence check and the insert share one transaction,
    and a visit that already has a row (in any state) is skipped.
    """
    since = day - dt.timedelta(days=LOOKBACK_DAYS)
    with write_tx():
        has_row = FollowUp.select(FollowUp.id).where(FollowUp.visit == Visit.id)
        missing = (Visit.select(Visit.id, Visit.patient, Visit.visit_date)
                   .where(Visit.stage == stages.DONE, Visit.patient.is_null(False),
                          Visit.visit_date >= since, Visit.visit_date < day,
                          ~fn.EXISTS(has_row)))
        rows = [{"visit": v.id, "patient": v.patient_id,
                 "due_date": v.visit_date + dt.timedelta(days=1)} for v in missing]
        if rows:
            # Another desk may be listing at the same moment: the unique index on
            # follow_up.visit_id decides, and the loser's duplicate is simply skipped.
            FollowUp.insert_many(rows).on_conflict_ignore().execute()
        # Yesterday's bookings nobody came for: no-shows, called like visits (unique per booking).
        from frontdesk.service import appointments

        appointments.sweep_no_shows(day, LOOKBACK_DAYS)
        from frontdesk.service import conversion

        conversion.link_arrivals(day)  # consultations whose caller came: linked to the visit


def ensure_followup(visit_id: int) -> FollowUp:
    """The follow-up of one visit, made if missing (never a second one)."""
    with write_tx():
        row = FollowUp.get_or_none(FollowUp.visit == visit_id)
        if row is not None:
            return row
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None or visit.patient_id is None:
            raise NotFound("找不到该就诊记录。", "That visit was not found.")
        FollowUp.insert(visit=visit.id, patient=visit.patient_id,
                        due_date=visit.visit_date + dt.timedelta(days=1)).on_conflict_ignore().execute()
        return FollowUp.get(FollowUp.visit == visit.id)


def _attempt_counts(ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    q = (AuditLog.select(AuditLog.entity_id, fn.COUNT(AuditLog.id).alias("n"))
         .where(AuditLog.entity == ENTITY, AuditLog.action == "update",
                AuditLog.entity_id.in_([str(i) for i in ids]))
         .group_by(AuditLog.entity_id))
    return {int(r.entity_id): r.n for r in q}


def due_calls(*, actor, day: dt.date) -> list[DueCall]:
    """Open follow-ups due on or before `day`, oldest due first (full phone numbers).

    Visits of the previous LOOKBACK_DAYS days that reached the doctor get their
    follow-up here the first time. Audited once as a view of the list.
    """
    require(actor, Perm.FOLLOW_UP)
    _ensure_followups(day)
    rows = (FollowUp.select(FollowUp, Patient, Visit, Department, Doctor)
            .join(Patient, join_type=JOIN.LEFT_OUTER, on=(FollowUp.patient == Patient.id))
            .switch(FollowUp)
            .join(Visit, join_type=JOIN.LEFT_OUTER, on=(FollowUp.visit == Visit.id))
            .join(Department, join_type=JOIN.LEFT_OUTER, on=(Visit.department == Department.id))
            .switch(Visit)
            .join(Doctor, join_type=JOIN.LEFT_OUTER, on=(Visit.doctor == Doctor.id))
            .where(FollowUp.status == OPEN, FollowUp.due_date <= day)
            .order_by(FollowUp.due_date, Visit.visit_date, FollowUp.id))
    rows = list(rows)
    counts = _attempt_counts([f.id for f in rows])
    booked = {a.id: a for a in Appointment.select().where(
        Appointment.id.in_([f.appointment_id for f in rows if f.appointment_id]))}
    out = []
    for f in rows:
        p = f.patient if f.patient_id else None
        v = f.visit if f.visit_id else None
        a = booked.get(f.appointment_id)
        dept = v.department if v is not None and v.department_id else (a.department if a else None)
        doctor = v.doctor if v is not None and v.doctor_id else (
            a.doctor if a is not None and a.doctor_id else None)
        out.append(DueCall(
            followup_id=f.id, visit_id=f.visit_id, patient_id=p.id if p else None,
            patient_name=p.name if p else (a.patient_name if a else ""),
            sex=p.sex if p else "", age=age_on(p.birth_date, day) if p else None,
            phone=p.phone if p else (a.phone if a else ""),
            department_zh=dept.name_zh if dept else "", department_en=dept.name_en if dept else "",
            doctor=doctor.name if doctor else "", visit_date=v.visit_date if v else None,
            due_date=f.due_date, attempts=counts.get(f.id, 0), notes=f.notes,
            no_show_date=a.date if a else None))
    audit.record(actor, "view", "follow_up_list", day.isoformat(), {"rows": len(out)})
    return out


def max_attempts() -> int:
    """Call attempts before a follow-up closes as unreachable (rules.service, seed: 3-5)."""
    from frontdesk.service import desk_rules

    return int(desk_rules.current()["follow_up"]["max_attempts"])


def _check_outcome(outcome: str, retry_on: dt.date | None, today: dt.date) -> None:
    if outcome not in OUTCOMES:
        raise ValidationError("请选择回访结果。", "Choose the outcome of the call.",
                              field="outcome")
    if retry_on is None:
        return
    if outcome != UNREACHABLE:
        raise ValidationError("只有未接通的回访才需要再次回访的日期。",
                              "Only an unanswered call takes a retry date.", field="retry_on")
    if retry_on <= today:
        raise ValidationError("再次回访的日期应在今天之后。",
                              "The retry date must be after today.", field="retry_on")
    if retry_on > today + dt.timedelta(days=MAX_RETRY_DAYS):
        raise ValidationError(f"再次回访的日期最多在 {MAX_RETRY_DAYS} 天之内。",
                              f"Retry within {MAX_RETRY_DAYS} days at most.", field="retry_on")


@changes(Changed.SERVICE)
def record_call(*, actor, followup_id: int, outcome: str, notes: str = "",
                retry_on: dt.date | None = None, at: dt.datetime | None = None,
                ratings: dict | None = None) -> FollowUp:
    """Record one call: done, declined, or unreachable (with `retry_on`: due again that day).

    Unreachable with a retry date keeps the follow-up open; every other outcome
    finishes it. A follow-up somebody else already finished is a ConflictError.
    """
    require(actor, Perm.FOLLOW_UP)
    at = (at or clock.now()).replace(microsecond=0)
    _check_outcome(outcome, retry_on, at.date())
    cleaned = clean_text(notes, "notes", NOTES_MAX)
    rated = None
    if ratings is not None and not isinstance(ratings, dict):
        from frontdesk.service import satisfaction

        satisfaction.check_ratings(ratings)  # says what is wrong, at the rating field
    if ratings and any(v is not None for v in ratings.values()):
        from frontdesk.service import satisfaction

        if outcome != DONE:
            raise ValidationError("只有接通的回访才能登记满意度。",
                                  "Only a call that reached the patient takes a rating.",
                                  field="attitude")
        rated = satisfaction.check_ratings(ratings)  # before anything is written
    with write_tx():
        row = FollowUp.get_or_none(FollowUp.id == lookup_id(followup_id))
        if row is None:
            raise NotFound("找不到该回访记录。", "That follow-up was not found.")
        if row.status != OPEN:
            raise ConflictError("这位患者的回访已经有同事记录过了，列表已刷新。",
                                "A colleague has already recorded this follow-up; "
                                "the list was refreshed.")
        keep_open = outcome == UNREACHABLE and retry_on is not None
        if keep_open and _attempt_counts([row.id]).get(row.id, 0) + 1 >= max_attempts():
            keep_open = False  # the rules' last attempt: closed as unreachable
        line = f"{at:%Y-%m-%d %H:%M} {cleaned}" if cleaned else ""
        row.status = OPEN if keep_open else outcome
        if keep_open:
            row.due_date = retry_on
        row.called_by = actor
        row.called_at = at
        row.notes = "\n".join(x for x in (row.notes, line) if x)
        row.save()
        if rated is not None:
            satisfaction.store(actor=actor, values=rated, follow_up=row, comment=cleaned,
                               visit=row.visit if row.visit_id else None)
        audit.record(actor, "update", ENTITY, row.id,
                     {"outcome": outcome, "notes": cleaned, "at": at.isoformat(),
                      "retry_on": retry_on.isoformat() if retry_on else None,
                      "status": row.status})
    return row


def history(*, actor, patient_id: int) -> list[CallRecord]:
    """Every call attempt to this patient, newest first."""
    require(actor, Perm.FOLLOW_UP)
    followups = {f.id: f for f in (FollowUp.select(FollowUp, Visit)
                                   .join(Visit, join_type=JOIN.LEFT_OUTER,
                                         on=(FollowUp.visit == Visit.id))
                                   .where(FollowUp.patient == lookup_id(patient_id)))}
    if not followups:
        return []
    entries = (AuditLog.select(AuditLog, Staff)
               .join(Staff, join_type=JOIN.LEFT_OUTER, on=(AuditLog.staff == Staff.id))
               .where(AuditLog.entity == ENTITY, AuditLog.action == "update",
                      AuditLog.entity_id.in_([str(i) for i in followups]))
               .order_by(AuditLog.at.desc(), AuditLog.id.desc()))
    out = []
    for e in entries:
        detail = json.loads(e.detail or "{}")
        f = followups[int(e.entity_id)]
        retry = detail.get("retry_on")
        at = detail.get("at")
        out.append(CallRecord(
            followup_id=f.id, visit_date=f.visit.visit_date if f.visit_id else None,
            at=dt.datetime.fromisoformat(at) if at else e.at,
            staff_name=e.staff.display_name if e.staff_id else "",
            outcome=detail.get("outcome", ""), notes=detail.get("notes", ""),
            retry_on=dt.date.fromisoformat(retry) if retry else None))
    audit.patient_access(actor, "view", patient_id, {"what": "follow_up_history"})
    return out
