"""The queue after the desk (候诊叫号): a visit handed to the doctor waits in its clinic's queue.

States of a QueueEntry (one per visit)::

    waiting → called → consulting → done
    called  → called (recall, 复呼) | missed (过号) → waiting again (requeue, by the rule)
    consulting → tests (sent for tests) → waiting again, ahead of new patients (检查回来)
    waiting / called / missed / tests → waiting in another clinic (transfer, 转诊)

A clinic is a department, or one doctor of it; entries without a doctor may be called by
any doctor of the department. A paused clinic (停诊) takes no calls and no transfers in.

Every change is one transaction: the entry's `version` is checked (two stations, one
patient: the second gets ConflictError with a sentence) and a QueueEvent is written, so
the daily summary, the waiting-room display and the voice read one timeline. Starting and
finishing a consultation are also VisitEvents (`consultation_started`/`_finished`): the
report's flow times ("waited for the doctor", "in consultation") come from them.

The order of a queue is computed, never stored (see :func:`queue_rows`); every row says
why it stands where it does ("优先：70 岁以上", "过号：再叫 2 位后").

For the waiting-room display and voice (issue 15): :func:`display_state` and
:func:`calls_since` — read-only, cheap, names masked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import logging
from dataclasses import dataclass, field

from peewee import JOIN, IntegrityError

from frontdesk import clock, fees, patients, stages
from frontdesk.changes import Changed, changes
from frontdesk.db import prepared
from frontdesk.db.faults import is_connection_lost
from frontdesk.db.models import (
    Appointment,
    ClinicState,
    Department,
    Doctor,
    Patient,
    QueueEntry,
    QueueEvent,
    Visit,
    VisitEvent,
    database_proxy,
)
from frontdesk.db.transaction import retry_point, write_tx
from frontdesk.errors import ConflictError, DatabaseUnavailable, NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.permissions import Perm, require
from frontdesk.privacy import mask_name
from frontdesk.queue.clinic_rules import (
    FEE_DIFFERENCE,
    FEE_FULL,
    LATE_END_OF_SESSION,
    MISSED_AFTER_N,
    ClinicRules,
    clinic_rules,
)
from frontdesk.queue.numbers import assign_queue_no, queue_label
from frontdesk.queue.priority import PatientFacts, Priority, PriorityClass, priority_of
from frontdesk.validation import lookup_id

log = logging.getLogger(__name__)

# --- states and actions ----------------------------------------------------------------

WAITING, CALLED, CONSULTING, TESTS, MISSED, DONE = (
    "waiting", "called", "consulting", "tests", "missed", "done")
STATES = (WAITING, CALLED, CONSULTING, TESTS, MISSED, DONE)
OPEN_STATES = (WAITING, CALLED, CONSULTING, TESTS, MISSED)

STATE_NAMES: dict[str, Msg] = {
    WAITING: Msg("候诊", "Waiting"),
    CALLED: Msg("已叫号", "Called"),
    CONSULTING: Msg("就诊中", "In consultation"),
    TESTS: Msg("检查中", "At tests"),
    MISSED: Msg("过号", "Missed turn"),
    DONE: Msg("已完成", "Finished"),
}

ENQUEUED = "enqueued"
CALL = "called"
RECALL = "recalled"
START = "consultation_started"
FINISH = "consultation_finished"
MISS = "missed"
REQUEUE = "requeued"
SEND_FOR_TESTS = "sent_for_tests"
BACK_FROM_TESTS = "back_from_tests"
TRANSFER = "transferred"
PAUSE = "clinic_paused"
RESUME = "clinic_resumed"

# action -> (states it may start from, the state it leads to)
MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    CALL: ((WAITING,), CALLED),
    RECALL: ((CALLED,), CALLED),
    START: ((WAITING, CALLED), CONSULTING),
    FINISH: ((CONSULTING,), DONE),
    MISS: ((CALLED,), MISSED),
    REQUEUE: ((MISSED,), WAITING),
    SEND_FOR_TESTS: ((CONSULTING,), TESTS),
    BACK_FROM_TESTS: ((TESTS,), WAITING),
    TRANSFER: ((WAITING, CALLED, MISSED, TESTS), WAITING),
}

ACTION_NAMES: dict[str, Msg] = {
    ENQUEUED: Msg("进入候诊", "joined the queue"),
    CALL: Msg("叫号", "call"),
    RECALL: Msg("复呼", "recall"),
    START: Msg("开始就诊", "start the consultation"),
    FINISH: Msg("就诊结束", "finish"),
    MISS: Msg("过号", "mark as missed"),
    REQUEUE: Msg("过号重排", "put back in line"),
    SEND_FOR_TESTS: Msg("去做检查", "send for tests"),
    BACK_FROM_TESTS: Msg("检查回来", "take back from tests"),
    TRANSFER: Msg("转诊", "transfer"),
    PAUSE: Msg("停诊", "pause the clinic"),
    RESUME: Msg("恢复门诊", "resume the clinic"),
}

# What the waiting-room voice announces (calls_since).
ANNOUNCED = (CALL, RECALL, MISS)
ROOM_MAX_LENGTH = 40
REASON_MAX_LENGTH = 200


# --- what screens read -----------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """One patient in a clinic queue, with the reason for their place in it."""

    entry_id: int
    visit_id: int
    version: int
    state: str
    department_id: int
    doctor_id: int | None
    doctor_name: str
    queue_label: str
    patient_name: str
    name_masked: str
    joined_at: dt.datetime
    waited_minutes: int  # since joining the queue (or coming back to it)
    room: str
    calls: int
    priority: Priority
    note: Msg = Msg("", "")  # a missed turn's re-insertion, a late booking
    position: int | None = None  # 1-based place among those waiting

    @property
    def reason(self) -> Msg:
        """What the screen shows beside the row: the priority, else the note (aside: the note)."""
        if self.note.zh and self.state in (MISSED, TESTS):
            return self.note
        return self.priority.reason if self.priority.rank is not None else self.note


@dataclass(frozen=True)
class ClinicQueue:
    """A clinic's queue in order: who is with the doctor, who is called, who waits."""

    department_id: int
    doctor_id: int | None
    paused: bool
    pause_reason: str
    active: list[QueueRow] = field(default_factory=list)  # called and consulting
    waiting: list[QueueRow] = field(default_factory=list)  # in calling order
    aside: list[QueueRow] = field(default_factory=list)  # missed, at tests


def state_name(state: str) -> Msg:
    return STATE_NAMES.get(state) or Msg.same(state)


# --- transactions ----------------------------------------------------------------------



def _parse_dt(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _parse_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _now() -> dt.datetime:
    return clock.now().replace(microsecond=0)


def _ids(department_id, doctor_id) -> tuple[int, int | None]:
    """A clinic as typed or picked (department, doctor or none)."""
    return _id(department_id), None if doctor_id is None else _id(doctor_id)


def _id(value) -> int:
    """An id as typed or picked: anything that is no id reads as 0 (no row has it)."""
    return lookup_id(value)


def _opt_id(value) -> int | None:
    return None if value is None else _id(value)


def _checked_doctor_of(department_id: int, doctor_id: int | None) -> int | None:
    """`doctor_id` if it names an active doctor of the department (ValidationError if not)."""
    if doctor_id is None:
        return None
    doc = Doctor.get_or_none(Doctor.id == doctor_id)
    if doc is None or not doc.active or doc.department_id != department_id:
        raise ValidationError("请选择本科室在职的医生。", "Choose an active doctor of this department.",
                              field="doctor_id")
    return doc.id


# --- entering the queue ----------------------------------------------------------------


def enqueue_in_tx(visit_id: int, *, actor, at: dt.datetime | None = None) -> int:
    """Put the visit in its clinic's queue inside the caller's transaction; the entry id.

    Called by reception.hand_to_doctor. A visit already queued keeps its entry. The entry
    belongs to the day it joins the queue (a clinic reads its queue by day): a patient
    who arrived at 23:50 and is handed to the doctor at 00:10 waits in today's queue,
    not in yesterday's, where no clinic would ever call them.
    """
    at = (at or _now()).replace(microsecond=0)
    # The visit and its entry, if any, in one prepared read (the hand-over is timed: bench/).
    db = database_proxy.obj
    row = db.execute_sql(
        "SELECT v.department_id, v.doctor_id, q.id FROM visit v "
        f"LEFT JOIN queue_entry q ON q.visit_id = v.id WHERE v.id = {db.param}",
        [visit_id]).fetchone()
    if row is None:
        raise NotFound(f"找不到这次就诊（编号 {visit_id}）。", f"No visit with id {visit_id}.")
    department_id, doctor_id, existing = row
    if existing is not None:
        return existing
    if department_id is None:
        raise ValidationError("这次就诊还没有分科室，不能进入候诊。",
                              "This visit has no department yet; it cannot join a queue.",
                              field="department_id")
    try:
        with retry_point():  # a twin insert undoes only itself
            entry = prepared.insert(QueueEntry, visit=visit_id, day=at.date(),
                                department=department_id, doctor=doctor_id, state=WAITING,
                                joined_at=at, updated_at=at)
    except IntegrityError:
        return QueueEntry.get(QueueEntry.visit == visit_id).id
    _event(entry, ENQUEUED, "", WAITING, actor=actor, at=at)
    return entry.id



@changes(Changed.QUEUE)
def enqueue(visit_id: int, *, actor) -> QueueRow:
    """Queue a visit that is with the doctor but not queued (handed over before queues existed)."""
    require(actor, Perm.RUN_VISIT)
    visit_id = _id(visit_id)
    with write_tx():
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound(f"找不到这次就诊（编号 {visit_id}）。", f"No visit with id {visit_id}.")
        if visit.stage != stages.DONE:
            zh, en = stages.stage_name(visit.stage).pair()
            raise ValidationError(f"这次就诊在“{zh}”一步，还没有交给医生。",
                                  f"This visit is at {en}, not yet handed to the doctor.",
                                  field="stage")
        entry_id = enqueue_in_tx(visit_id, actor=actor)
    return get_row(entry_id)


def _event(entry: QueueEntry, action: str, from_state: str, state: str, *, actor,
           at: dt.datetime, room: str = "", note: str = "") -> None:
    prepared.insert(QueueEvent, entry=entry.id, visit=entry.visit_id, day=entry.day, action=action,
                from_state=from_state, state=state, department=entry.department_id,
                doctor=entry.doctor_id, room=room, at=at,
                staff=actor.id if getattr(actor, "id", None) else None, note=note)


def _visit_event(visit_id: int, action: str, *, actor, at: dt.datetime, note: str = "") -> None:
    """A VisitEvent on the visit (stage unchanged): the report's flow times read these."""
    stage = Visit.select(Visit.stage).where(Visit.id == visit_id).scalar() or stages.DONE
    VisitEvent.create(visit=visit_id, from_stage=stage, stage=stage, action=action, at=at,
                      staff=actor.id if getattr(actor, "id", None) else None, note=note)


# --- reading a queue -------------------------------------------------------------------


def _rows_query(day: dt.date):
    # Only the columns a row needs: a visit and a patient have dozens, and building
    # them cost most of a 300-patient queue's read.
    visit_cols = [Visit.id, Visit.queue_no, Visit.red_flag, Visit.has_appointment,
                  Visit.created_at, Visit.patient, Visit.appointment]
    if "priority" in Visit._meta.fields:  # recorded at the door (schema step 8)
        visit_cols.append(Visit._meta.fields["priority"])
    return (QueueEntry.select(QueueEntry, *visit_cols, Patient.id, Patient.name,
                              Patient.birth_date, Patient.vip_tier, Department.id,
                              Department.short_zh, Doctor.id, Doctor.name, Appointment.id,
                              Appointment.time, Appointment.date)
            .join(Visit, on=(QueueEntry.visit == Visit.id))
            .join(Patient, JOIN.LEFT_OUTER, on=(Visit.patient == Patient.id))
            .switch(Visit)
            .join(Appointment, JOIN.LEFT_OUTER, on=(Visit.appointment == Appointment.id))
            .switch(QueueEntry)
            .join(Department, on=(QueueEntry.department == Department.id))
            .switch(QueueEntry)
            .join(Doctor, JOIN.LEFT_OUTER, on=(QueueEntry.doctor == Doctor.id))
            .where(QueueEntry.day == day))


def _recorded(entry: QueueEntry, visit: Visit) -> tuple[str, ...]:
    """Classes recorded for the patient: at the calling panel, and at the door if it says."""
    found = [entry.priority] if entry.priority else []
    door = getattr(visit, "priority", "") if "priority" in Visit._meta.fields else ""
    if door:
        found.append(door)
    return tuple(found)


def _facts(entry: QueueEntry, day: dt.date) -> PatientFacts:
    visit = entry.visit
    patient = visit.patient if visit.patient_id else None
    birth = _parse_date(patient.birth_date) if patient is not None else None
    appt = visit.appointment if visit.appointment_id else None
    booked = (appt.time or "") if appt is not None and _parse_date(appt.date) == day else ""
    recorded = _recorded(entry, visit)
    if visit.has_appointment and not booked:
        recorded += (PriorityClass.BOOKED.value,)  # booked at the door, slot unknown
    return PatientFacts(
        red_flag=bool(visit.red_flag),
        recorded=recorded,
        age=patients.age_on(birth, day) if birth else None,
        vip_tier=(patient.vip_tier or "") if patient is not None else "",
        booked_time=booked,
        arrived_at=_parse_dt(visit.created_at),
        back_from_tests=entry.back_from_tests_at is not None,
    )


NO_NOTE = Msg("", "")


def _row(entry: QueueEntry, rules: ClinicRules, now: dt.datetime,
         note: Msg = NO_NOTE, position: int | None = None,
         priority: Priority | None = None) -> QueueRow:
    visit = entry.visit
    name = visit.patient.name if visit.patient_id else ""
    since = _parse_dt(entry.requeued_at or entry.back_from_tests_at or entry.joined_at)
    waited = max(0, int((now - since).total_seconds() // 60)) if since else 0
    return QueueRow(
        entry_id=entry.id, visit_id=visit.id, version=entry.version, state=entry.state,
        department_id=entry.department_id, doctor_id=entry.doctor_id,
        doctor_name=entry.doctor.name if entry.doctor_id else "",
        queue_label=queue_label(entry.department.short_zh, visit.queue_no),
        patient_name=name, name_masked=mask_name(name),
        joined_at=_parse_dt(entry.joined_at), waited_minutes=waited, room=entry.room,
        calls=entry.calls,
        priority=priority or priority_of(_facts(entry, _parse_date(entry.day)), rules, now),
        note=note, position=position)


def _calls_by_time(department_id: int, day: dt.date) -> list[tuple[int, int | None]]:
    """(event id, doctor) of each first call in the department that day ("after N")."""
    return list(QueueEvent.select(QueueEvent.id, QueueEvent.doctor)
                .where((QueueEvent.day == day) & (QueueEvent.department == department_id)
                       & (QueueEvent.action == CALL)).tuples())


def _requeue_events(entry_ids: list[int]) -> dict[int, int]:
    """entry id -> id of its latest requeue event (calls after it count down "after N")."""
    if not entry_ids:
        return {}
    from peewee import fn

    return dict(QueueEvent.select(QueueEvent.entry, fn.MAX(QueueEvent.id))
                .where(QueueEvent.entry.in_(entry_ids) & (QueueEvent.action == REQUEUE))
                .group_by(QueueEvent.entry).tuples())


def _compatible(a: int | None, b: int | None) -> bool:
    """Entries for doctors a and b share a line (None = any doctor of the department)."""
    return a is None or b is None or a == b


def order_waiting(entries: list[QueueEntry], rules: ClinicRules, now: dt.datetime,
                  calls: list[tuple[int, int | None]]) -> list[QueueRow]:
    """The waiting entries in calling order, each with its reason.

    Sessions first (patients of an earlier session before later ones), then the
    priority class in the admin's order, then who joined first. A missed patient put
    back "after N" stands N calls (of their line) after the moment they came back; "end
    of session" ones, and late bookings under that rule, stand after their session's
    other patients.
    """
    keyed, later = [], []
    requeued = _requeue_events([e.id for e in entries if e.reinsert_rule == MISSED_AFTER_N
                                and e.requeued_at is not None])
    for e in entries:
        prio = priority_of(_facts(e, _parse_date(e.day)), rules, now)
        joined = _parse_dt(e.joined_at)
        if e.requeued_at is not None and e.reinsert_rule == MISSED_AFTER_N:
            back = _parse_dt(e.requeued_at)
            since = requeued.get(e.id, 0)
            done = sum(1 for ev, doc in calls if ev > since and _compatible(doc, e.doctor_id))
            left = max(0, e.reinsert_n - done)
            later.append((back, e.id, e, left, prio))
            continue
        tail = 0
        note = Msg("", "")
        if e.requeued_at is not None:  # end of session
            session = rules.session_of(_parse_dt(e.requeued_at))
            tail, note = 1, Msg("过号：排在本时段末", "Missed turn: at the end of the session")
            prio = Priority("", None, prio.reason, prio.late)
        else:
            session = rules.session_of(joined)
            if prio.late and prio.rank is None and rules.late_rule == LATE_END_OF_SESSION:
                tail = 1
                note = Msg("预约迟到：排在本时段末", "Late for the booking: at the end of the session")
            elif prio.late and prio.rank is None:
                note = prio.reason
        rank = prio.rank if prio.rank is not None else len(rules.priority_order)
        keyed.append(((session, tail, rank, joined, e.id), e, note, prio))
    keyed.sort(key=lambda k: k[0])
    ordered = [(e, note, prio) for _k, e, note, prio in keyed]
    for _back, _id, e, left, prio in sorted(later, key=lambda k: (k[0], k[1])):
        # `left` more calls before them: count only the patients their doctor would call.
        pos, seen = 0, 0
        while pos < len(ordered) and seen < left:
            if _compatible(ordered[pos][0].doctor_id, e.doctor_id):
                seen += 1
            pos += 1
        note = (Msg(f"过号重排：再叫 {left} 位后", f"Missed turn: after {left} more")
                if left else Msg("过号重排：下一位", "Missed turn: next"))
        ordered.insert(pos, (e, note, Priority("", None, prio.reason, prio.late)))
    return [_row(e, rules, now, note=note, position=i + 1, priority=prio)
            for i, (e, note, prio) in enumerate(ordered)]


def _in_clinic(query, department_id: int, doctor_id: int | None):
    query = query.where(QueueEntry.department == department_id)
    if doctor_id is not None:
        query = query.where((QueueEntry.doctor == doctor_id) | QueueEntry.doctor.is_null())
    return query


def queue_rows(department_id: int, doctor_id: int | None = None, *,
               day: dt.date | None = None, now: dt.datetime | None = None) -> ClinicQueue:
    """The clinic's queue: called/consulting, waiting in calling order, and those aside.

    With a doctor, the queue holds that doctor's patients and the department's patients
    with no doctor named (any doctor may call them).
    """
    department_id, doctor_id = _ids(department_id, doctor_id)
    now = now or _now()
    day = day or now.date()
    rules = clinic_rules()
    entries = list(_in_clinic(_rows_query(day), department_id, doctor_id)
                   .where(QueueEntry.state.in_(OPEN_STATES)))
    waiting = [e for e in entries if e.state == WAITING]
    ordered = order_waiting(waiting, rules, now, _calls_by_time(department_id, day))
    state = _pause_row(department_id, doctor_id, day)
    active = sorted((e for e in entries if e.state in (CALLED, CONSULTING)),
                    key=lambda e: (e.state != CONSULTING, _parse_dt(e.called_at) or now, e.id))
    aside = sorted((e for e in entries if e.state in (MISSED, TESTS)), key=lambda e: e.id)
    return ClinicQueue(
        department_id=department_id, doctor_id=doctor_id,
        paused=state is not None, pause_reason=state.reason if state is not None else "",
        active=[_row(e, rules, now) for e in active], waiting=ordered,
        aside=[_row(e, rules, now, note=_aside_note(e)) for e in aside])


def _aside_note(e: QueueEntry) -> Msg:
    return (Msg("过号：回来后按规则重新排队", "Missed: back in line by the rule when they return")
            if e.state == MISSED else Msg("检查中：回来后优先", "At tests: ahead of new patients on return"))


def get_row(entry_id: int, *, now: dt.datetime | None = None) -> QueueRow:
    """One entry as a row (its position is only known in queue_rows)."""
    entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
    if entry is None:
        raise NotFound(f"找不到这位候诊患者（编号 {entry_id}）。", f"No queue entry with id {entry_id}.")
    row = _rows_query(_parse_date(entry.day)).where(QueueEntry.id == entry_id).get()
    return _row(row, clinic_rules(), now or _now())


def entry_for_visit(visit_id: int) -> QueueRow | None:
    entry = QueueEntry.get_or_none(QueueEntry.visit == visit_id)
    return get_row(entry.id) if entry is not None else None


# --- paused clinics --------------------------------------------------------------------


def _pause_row(department_id: int, doctor_id: int | None, day: dt.date) -> ClinicState | None:
    """The pause that stops this clinic (the doctor's own, or the whole department's)."""
    keys = [0] if doctor_id is None else [0, doctor_id]
    return (ClinicState.select()
            .where((ClinicState.day == day) & (ClinicState.department == department_id)
                   & ClinicState.doctor_key.in_(keys) & (ClinicState.paused == True))  # noqa: E712
            .order_by(ClinicState.doctor_key).first())


def is_paused(department_id: int, doctor_id: int | None = None, *,
              day: dt.date | None = None) -> bool:
    return _pause_row(department_id, doctor_id, day or clock.today()) is not None


@dataclass(frozen=True)
class PauseResult:
    waiting: list[QueueRow]  # the patients who were waiting for the paused clinic
    alternatives: list[tuple[int, str]]  # (doctor id, name): active doctors not paused


def alternatives(department_id: int, doctor_id: int | None, *,
                 day: dt.date | None = None) -> list[tuple[int, str]]:
    """Active doctors of the department whose clinic is open (to offer waiting patients)."""
    day = day or clock.today()
    department_id, doctor_id = _ids(department_id, doctor_id)
    if is_paused(department_id, None, day=day):
        return []
    docs = (Doctor.select().where((Doctor.department == department_id) & (Doctor.active == True)  # noqa: E712
                                  & (Doctor.id != (doctor_id or 0))).order_by(Doctor.id))
    return [(d.id, d.name) for d in docs if not is_paused(department_id, d.id, day=day)]


def _set_paused(department_id: int, doctor_id: int | None, *, actor, paused: bool,
                reason: str) -> None:
    day = clock.today()
    at = _now()
    key = doctor_id or 0
    with write_tx():
        dept = Department.get_or_none(Department.id == department_id)
        if dept is None:
            raise ValidationError("请选择科室。", "Please choose a department.",
                                  field="department_id")
        if doctor_id is not None and Doctor.get_or_none(
                (Doctor.id == doctor_id) & (Doctor.department == department_id)) is None:
            raise ValidationError("请选择本科室的医生。", "Choose a doctor of this department.",
                                  field="doctor_id")
        row = ClinicState.get_or_none((ClinicState.day == day)
                                      & (ClinicState.department == department_id)
                                      & (ClinicState.doctor_key == key))
        if row is not None and row.paused == paused:
            raise ConflictError(
                Msg("该诊室已经停诊。", "This clinic is already paused.") if paused
                else Msg("该诊室已经在看诊，没有停诊。", "This clinic is open; it was not paused."))
        if row is None:
            if not paused:
                raise ConflictError("该诊室已经在看诊，没有停诊。", "This clinic is open; it was not paused.")
            try:
                with database_proxy.atomic():
                    ClinicState.create(day=day, department=department_id, doctor_key=key,
                                       paused=True, reason=reason, updated_at=at, updated_by=actor.id)
            except IntegrityError:
                raise ConflictError("另一个工作站刚刚已让该诊室停诊。",
                                    "Another station has just paused this clinic.") from None
        else:
            done = (ClinicState.update(paused=paused, reason=reason if paused else row.reason,
                                       version=ClinicState.version + 1, updated_at=at,
                                       updated_by=actor.id)
                    .where((ClinicState.id == row.id) & (ClinicState.version == row.version))
                    .execute())
            if done != 1:
                raise ConflictError("另一个工作站刚刚改了该诊室的状态，请刷新。",
                                    "Another station has just changed this clinic; refresh.")
        QueueEvent.create(entry=None, visit=None, day=day, action=PAUSE if paused else RESUME,
                          department=department_id, doctor=doctor_id, at=at,
                          staff=actor.id, note=reason)


@changes(Changed.QUEUE)
def pause_clinic(department_id: int, doctor_id: int | None = None, *, actor,
                 reason: str = "") -> PauseResult:
    """Pause the clinic (停诊): no more calls; the waiting patients are offered another doctor."""
    require(actor, Perm.RUN_VISIT)
    from frontdesk import validation

    reason = validation.clean_text(reason, "reason", REASON_MAX_LENGTH)
    department_id, doctor_id = _id(department_id), _opt_id(doctor_id)
    _set_paused(department_id, doctor_id, actor=actor, paused=True, reason=reason)
    clinic = queue_rows(department_id, doctor_id)
    return PauseResult(waiting=clinic.waiting + clinic.aside,
                       alternatives=alternatives(department_id, doctor_id))


@changes(Changed.QUEUE)
def resume_clinic(department_id: int, doctor_id: int | None = None, *, actor) -> None:
    """The clinic sees patients again."""
    require(actor, Perm.RUN_VISIT)
    _set_paused(_id(department_id), _opt_id(doctor_id), actor=actor, paused=False, reason="")


def _refuse_if_paused(department_id: int, doctor_id: int | None, day: dt.date) -> None:
    if _pause_row(department_id, doctor_id, day) is not None:
        raise ValidationError("该诊室已停诊，不能叫号。请转给其他医生或恢复门诊。",
                              "This clinic is paused and cannot call. Transfer the patients "
                              "or resume the clinic.", field="doctor_id")


# --- a change whose COMMIT reply was lost ------------------------------------------------


def _landed(entry_id: int, actor, expected_version: int) -> bool:
    """The entry moved past `expected_version` and its newest event is this actor's."""
    version = QueueEntry.select(QueueEntry.version).where(QueueEntry.id == entry_id).scalar()
    if version is None or version <= expected_version:
        return False
    staff = (QueueEvent.select(QueueEvent.staff).where(QueueEvent.entry == entry_id)
             .order_by(QueueEvent.id.desc()).limit(1).scalar())
    return staff == getattr(actor, "id", None)


def _settled(step, answer=None):
    """A queue change whose commit outcome is unknown (connection lost) is re-read first.

    Landed (the version moved on and the newest event is this actor's): the step's
    answer. Not landed: "nothing was saved, try again". Unreachable: "cannot check yet".
    Never "another station moved this patient" for our own lost reply.
    """
    @functools.wraps(step)
    def run(entry_id: int, *args, **kwargs):
        entry_id = _id(entry_id)
        if "expected_version" in kwargs:  # a stale or bogus version is a conflict, never a crash
            kwargs["expected_version"] = _id(kwargs["expected_version"])
        try:
            return step(entry_id, *args, **kwargs)
        except Exception as exc:
            if not is_connection_lost(exc) or database_proxy.obj.in_transaction():
                raise
            found = None
            for _attempt in range(2):  # the first read may meet the dead connection
                try:
                    found = _landed(entry_id, kwargs.get("actor"), kwargs["expected_version"])
                    break
                except Exception as again:
                    if not is_connection_lost(again):
                        raise
                    if not database_proxy.obj.in_transaction():
                        with contextlib.suppress(Exception):
                            database_proxy.obj.close()
            log.warning("%s on queue entry %s: connection lost (%s); re-read: %s",
                        step.__name__, entry_id, type(exc).__name__, found)
            if found:
                return (answer or get_row)(entry_id)
            if found is None:
                raise DatabaseUnavailable(
                    "与数据库服务器的连接中断，暂时无法确认这一步是否已保存。连接恢复后请刷新队列核对。",
                    "The connection to the database server was lost, and whether this step "
                    "was saved cannot be checked yet. When it is back, refresh the queue and "
                    "check.") from exc
            raise DatabaseUnavailable(
                "与数据库服务器的连接中断，这一步没有保存。请再按一次。",
                "The connection to the database server was lost and this step was not saved. "
                "Press the key again.") from exc
    return run


# --- moves -----------------------------------------------------------------------------


def _conflict(entry: QueueEntry | None) -> ConflictError:
    if entry is None:
        return ConflictError("这位患者已不在队列中，已为您刷新。",
                             "This patient is no longer in the queue. Refreshed.")
    zh, en = state_name(entry.state).pair()
    label = queue_label(entry.department.short_zh, entry.visit.queue_no)
    return ConflictError(
        f"{label} 号刚刚已由其他工作站处理（现在是“{zh}”）。已为您刷新，请看清后再操作。",
        f"Another station has just handled {label} (now: {en}). Refreshed; check and try again.")


def _move(entry_id: int, action: str, *, actor, expected_version: int, room: str | None = None,
          note: str = "", **sets) -> QueueEntry:
    """Check the version and the move, write the entry and its event (inside write_tx)."""
    entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
    if entry is None:
        raise NotFound(f"找不到这位候诊患者（编号 {entry_id}）。", f"No queue entry with id {entry_id}.")
    if entry.version != expected_version:
        raise _conflict(entry)
    sources, target = MOVES[action]
    if entry.state not in sources:
        zh, en = state_name(entry.state).pair()
        a_zh, a_en = ACTION_NAMES[action].pair()
        raise ValidationError(f"这位患者现在是“{zh}”，不能{a_zh}。",
                              f"This patient is {en.lower()}; you cannot {a_en} now.",
                              field="state")
    at = _now()
    values = {"state": target, "version": QueueEntry.version + 1, "updated_at": at, **sets}
    if target in (CALLED, CONSULTING):
        # Called or seen: a missed turn's place in line has served its purpose.
        values.setdefault("reinsert_rule", "")
        values.setdefault("requeued_at", None)
    if target == CONSULTING:
        values.setdefault("back_from_tests_at", None)  # "back from tests" is used up once seen
    if room is not None:
        values["room"] = room
    done = (QueueEntry.update(**values)
            .where((QueueEntry.id == entry_id) & (QueueEntry.version == expected_version))
            .execute())
    if done != 1:
        raise _conflict(QueueEntry.get_or_none(QueueEntry.id == entry_id))
    before = entry.state
    entry = QueueEntry.get_by_id(entry_id)
    _event(entry, action, before, target, actor=actor, at=at, room=entry.room, note=note)
    return entry


def _room_for(department_id: int, room: str | None) -> str:
    from frontdesk import validation

    room = validation.clean_text(room or "", "room", ROOM_MAX_LENGTH)
    if room:
        return room
    return Department.select(Department.room).where(Department.id == department_id).scalar() or ""


@changes(Changed.QUEUE)
@_settled
def call(entry_id: int, *, actor, expected_version: int, doctor_id: int | None = None,
         room: str | None = None) -> QueueRow:
    """Call this patient to the room (waiting → called); the calling doctor takes them."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
        if entry is None:
            raise NotFound(f"找不到这位候诊患者（编号 {entry_id}）。",
                           f"No queue entry with id {entry_id}.")
        doctor = _checked_doctor_of(entry.department_id, _opt_id(doctor_id))
        doctor = doctor if doctor is not None else entry.doctor_id
        _refuse_if_paused(entry.department_id, doctor, _parse_date(entry.day))
        _move(entry_id, CALL, actor=actor, expected_version=expected_version,
              room=_room_for(entry.department_id, room), doctor=doctor, calls=1,
              called_at=_now())
    return get_row(entry_id)


@changes(Changed.QUEUE)
def call_next(department_id: int, doctor_id: int | None = None, *, actor,
              room: str | None = None, expected_entry_id: int | None = None) -> QueueRow:
    """Call the first patient in the clinic's order.

    `expected_entry_id` is who the station showed as next: if another station called
    them a moment ago, ConflictError says so (the same on SQLite and PostgreSQL)
    instead of calling someone the person at the station has not seen.
    """
    require(actor, Perm.RUN_VISIT)
    department_id, expected_entry_id = _id(department_id), _opt_id(expected_entry_id)
    room_text = _room_for(department_id, room)
    with write_tx():
        day = clock.today()
        doctor_id = _checked_doctor_of(department_id, _opt_id(doctor_id))
        _refuse_if_paused(department_id, doctor_id, day)
        waiting = queue_rows(department_id, doctor_id, day=day).waiting
        if not waiting:
            if expected_entry_id is not None:
                raise ConflictError("您看到的下一位刚刚已被其他工作站叫走，现在没有人候诊。",
                                    "The patient you saw as next was just called by another "
                                    "station; no one is waiting now.")
            raise ValidationError("现在没有候诊的患者。", "No one is waiting.", field="queue")
        head = waiting[0]
        if expected_entry_id is not None and head.entry_id != expected_entry_id:
            shown = QueueEntry.get_or_none(QueueEntry.id == expected_entry_id)
            if shown is not None and shown.state != WAITING:
                raise _conflict(shown)
            raise ConflictError(
                f"排队顺序刚刚变了，现在第一位是 {head.queue_label}。已为您刷新，请再按一次。",
                f"The order has just changed: {head.queue_label} is now first. Refreshed; "
                "press again.")
        _move(head.entry_id, CALL, actor=actor, expected_version=head.version, room=room_text,
              doctor=doctor_id if doctor_id is not None else head.doctor_id, calls=1,
              called_at=_now())
    return get_row(head.entry_id)


@changes(Changed.QUEUE)
@_settled
def recall(entry_id: int, *, actor, expected_version: int) -> QueueRow:
    """Call the called patient again (复呼)."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        _move(entry_id, RECALL, actor=actor, expected_version=expected_version,
              calls=QueueEntry.calls + 1, called_at=_now())
    return get_row(entry_id)


@changes(Changed.QUEUE)
@_settled
def mark_missed(entry_id: int, *, actor, expected_version: int) -> QueueRow:
    """The called patient did not come (过号): aside until they come back (requeue)."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        _move(entry_id, MISS, actor=actor, expected_version=expected_version)
    return get_row(entry_id)


@changes(Changed.QUEUE)
@_settled
def requeue(entry_id: int, *, actor, expected_version: int) -> QueueRow:
    """A missed patient is back: in line again by the rule (after N more, or session's end)."""
    require(actor, Perm.RUN_VISIT)
    rules = clinic_rules()
    with write_tx():
        _move(entry_id, REQUEUE, actor=actor, expected_version=expected_version,
              note=rules.missed_rule, reinsert_rule=rules.missed_rule,
              reinsert_n=rules.missed_after_n, requeued_at=_now(), calls=0)
    return get_row(entry_id)


@changes(Changed.QUEUE | Changed.VISITS)
@_settled
def start_consultation(entry_id: int, *, actor, expected_version: int,
                       doctor_id: int | None = None) -> QueueRow:
    """The patient is with the doctor (called or waiting → consulting)."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
        if entry is not None:
            doctor_id = _checked_doctor_of(entry.department_id, _opt_id(doctor_id))
        sets = {"doctor": doctor_id} if doctor_id is not None else {}
        if entry is not None and entry.state == WAITING:
            _refuse_if_paused(entry.department_id, doctor_id or entry.doctor_id,
                              _parse_date(entry.day))
        entry = _move(entry_id, START, actor=actor, expected_version=expected_version, **sets)
        _visit_event(entry.visit_id, START, actor=actor, at=_parse_dt(entry.updated_at))
    return get_row(entry_id)


@changes(Changed.QUEUE | Changed.VISITS)
@_settled
def finish(entry_id: int, *, actor, expected_version: int) -> QueueRow:
    """The consultation is over (consulting → done)."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        entry = _move(entry_id, FINISH, actor=actor, expected_version=expected_version)
        _visit_event(entry.visit_id, FINISH, actor=actor, at=_parse_dt(entry.updated_at))
    return get_row(entry_id)


@changes(Changed.QUEUE)
@_settled
def send_for_tests(entry_id: int, *, actor, expected_version: int, note: str = "") -> QueueRow:
    """The doctor sends the patient for tests (consulting → tests)."""
    require(actor, Perm.RUN_VISIT)
    from frontdesk import validation

    note = validation.clean_text(note, "note", REASON_MAX_LENGTH)
    with write_tx():
        _move(entry_id, SEND_FOR_TESTS, actor=actor, expected_version=expected_version, note=note)
    return get_row(entry_id)


@changes(Changed.QUEUE)
@_settled
def back_from_tests(entry_id: int, *, actor, expected_version: int) -> QueueRow:
    """Back with the results (检查回来): waiting again, ahead of new patients (by the order)."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        _move(entry_id, BACK_FROM_TESTS, actor=actor, expected_version=expected_version,
              back_from_tests_at=_now(), calls=0)
    return get_row(entry_id)


@changes(Changed.QUEUE)
@_settled
def set_priority(entry_id: int, *, actor, expected_version: int, priority: str) -> QueueRow:
    """Record a priority class seen at the panel (disabled, military, pregnant, …); "" clears."""
    require(actor, Perm.RUN_VISIT)
    if not isinstance(priority, str) or priority not in {c.value for c in PriorityClass}:
        raise ValidationError("未知的优先类别。", "Unknown priority class.", field="priority")
    with write_tx():
        entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
        if entry is None:
            raise NotFound(f"找不到这位候诊患者（编号 {entry_id}）。",
                           f"No queue entry with id {entry_id}.")
        done = (QueueEntry.update(priority=priority, version=QueueEntry.version + 1,
                                  updated_at=_now())
                .where((QueueEntry.id == entry_id) & (QueueEntry.version == expected_version)
                       & QueueEntry.state.in_(OPEN_STATES))
                .execute())
        if done != 1:
            raise _conflict(QueueEntry.get_or_none(QueueEntry.id == entry_id))
        _event(QueueEntry.get_by_id(entry_id), "priority_set", entry.state, entry.state,
               actor=actor, at=_now(), note=priority)
    return get_row(entry_id)


# --- transfer --------------------------------------------------------------------------


@dataclass(frozen=True)
class TransferResult:
    row: QueueRow
    fee_due_fen: int  # what the patient should pay at billing for the move (0: nothing)
    fee_rule: str  # clinic_rules FEE_* applied
    fee_snapshot: dict = field(default_factory=dict)


def transfer_fee(visit: Visit, department_id: int, doctor_id: int | None,
                 rules: ClinicRules | None = None) -> tuple[int, str, dict]:
    """(fee due, rule, the new quote's snapshot) for moving the visit to another clinic.

    The same department: only the difference when the new doctor's class costs more.
    Another department: by the rule (difference, full new fee, or none).
    """
    rules = rules or clinic_rules()
    tier = visit.patient.vip_tier if visit.patient_id else ""
    new = fees.quote(doctor_id=doctor_id, vip_tier=tier)
    paid = int(visit.fee_fen or 0)
    rule = FEE_DIFFERENCE if department_id == visit.department_id else (
        rules.transfer_other_department)
    if rule == FEE_FULL:
        due = new.total_fen
    elif rule == FEE_DIFFERENCE:
        due = max(0, new.total_fen - paid)
    else:
        due = 0
    return due, rule, new.snapshot


def _checked_target(department_id: int | None, doctor_id: int | None,
                    day: dt.date) -> tuple[Department, Doctor | None]:
    dept = Department.get_or_none(Department.id == department_id) if department_id else None
    if dept is None or not dept.active:
        raise ValidationError("请选择在用的科室。", "Choose an active department.",
                              field="department_id")
    doc = None
    if doctor_id is not None:
        doc = Doctor.get_or_none(Doctor.id == doctor_id)
        if doc is None or not doc.active:
            raise ValidationError("这位医生已停用，不能转诊给他/她。请选择在职的医生。",
                                  "This doctor is inactive and cannot take transfers. Choose an "
                                  "active doctor.", field="doctor_id")
        if doc.department_id != dept.id:
            raise ValidationError(f"{doc.name}医生不属于{dept.name_zh}。",
                                  f"Dr {doc.name} does not work in {dept.name_en}.",
                                  field="doctor_id")
    if _pause_row(dept.id, None, day) is not None:
        raise ValidationError(f"{dept.name_zh}今天已停诊，不能转入。",
                              f"{dept.name_en} is paused today and takes no transfers.",
                              field="department_id")
    if doc is not None and _pause_row(dept.id, doc.id, day) is not None:
        raise ValidationError(f"{doc.name}医生已停诊，不能转入。请选择其他医生。",
                              f"Dr {doc.name}'s clinic is paused and takes no transfers. "
                              "Choose another doctor.", field="doctor_id")
    return dept, doc


def _transfer_in_tx(entry_id: int, *, actor, expected_version: int, department_id: int,
                    doctor_id: int | None, note: str) -> tuple[int, str, dict]:
    entry = QueueEntry.get_or_none(QueueEntry.id == entry_id)
    if entry is None:
        raise NotFound(f"找不到这位候诊患者（编号 {entry_id}）。", f"No queue entry with id {entry_id}.")
    day = _parse_date(entry.day)
    dept, doc = _checked_target(department_id, doctor_id, day)
    if dept.id == entry.department_id and (doc.id if doc else None) == entry.doctor_id:
        raise ValidationError("患者已经在这个诊室排队。", "The patient is already in this queue.",
                              field="doctor_id")
    visit = Visit.get_by_id(entry.visit_id)
    due, rule, snapshot = transfer_fee(visit, dept.id, doc.id if doc else None)
    at = _now()
    detail = json.dumps({"from_department": entry.department_id, "from_doctor": entry.doctor_id,
                         "to_department": dept.id, "to_doctor": doc.id if doc else None,
                         "fee_due_fen": due, "fee_rule": rule, "note": note},
                        ensure_ascii=False)
    # The visit follows (department, doctor, number in the new department): no re-registering.
    changes_ = {"doctor": doc.id if doc else None, "updated_at": at,
                "version": Visit.version + 1}
    if dept.id != visit.department_id:
        assign_queue_no(visit.id, dept.id, visit.visit_date)
    Visit.update(**changes_).where(Visit.id == visit.id).execute()
    VisitEvent.create(visit=visit.id, from_stage=visit.stage, stage=visit.stage,
                      action=TRANSFER, at=at, staff=actor.id, note=detail)
    _move(entry_id, TRANSFER, actor=actor, expected_version=expected_version, note=detail,
          department=dept.id, doctor=doc.id if doc else None, calls=0, room="",
          reinsert_rule="", requeued_at=None)
    return due, rule, snapshot


def _transfer_answer(entry_id: int) -> TransferResult:
    """A transfer that landed, read back from its event (the quote's snapshot is not kept)."""
    note = (QueueEvent.select(QueueEvent.note)
            .where((QueueEvent.entry == entry_id) & (QueueEvent.action == TRANSFER))
            .order_by(QueueEvent.id.desc()).limit(1).scalar()) or "{}"
    detail = json.loads(note)
    return TransferResult(get_row(entry_id), int(detail.get("fee_due_fen") or 0),
                          detail.get("fee_rule") or "", {})


@changes(Changed.QUEUE | Changed.VISITS)
@functools.partial(_settled, answer=_transfer_answer)
def transfer(entry_id: int, *, actor, expected_version: int, department_id: int,
             doctor_id: int | None = None, note: str = "") -> TransferResult:
    """Move the patient to another department or doctor without registering again.

    They keep their place by arrival in the new queue. A paused clinic or an inactive
    doctor is refused at the field; the fee rule says what, if anything, is due.
    """
    require(actor, Perm.RUN_VISIT)
    from frontdesk import validation

    note = validation.clean_text(note, "note", REASON_MAX_LENGTH)
    department_id, doctor_id = _id(department_id), _opt_id(doctor_id)
    with write_tx():
        due, rule, snapshot = _transfer_in_tx(entry_id, actor=actor,
                                              expected_version=expected_version,
                                              department_id=department_id, doctor_id=doctor_id,
                                              note=note)
    return TransferResult(get_row(entry_id), due, rule, snapshot)


@changes(Changed.QUEUE | Changed.VISITS)
def transfer_waiting(department_id: int, doctor_id: int | None, *, actor, to_doctor_id: int,
                     to_department_id: int | None = None) -> list[TransferResult]:
    """A paused clinic's waiting patients all go to another doctor (one transaction)."""
    require(actor, Perm.RUN_VISIT)
    department_id, doctor_id = _id(department_id), _opt_id(doctor_id)
    to_doctor_id, to_department_id = _id(to_doctor_id), _opt_id(to_department_id)
    target_dept = to_department_id or department_id
    results = []
    with write_tx():
        clinic = queue_rows(department_id, doctor_id)
        moving = [r for r in clinic.waiting + clinic.aside
                  if doctor_id is None or r.doctor_id == doctor_id]
        for row in moving:
            due, rule, snap = _transfer_in_tx(row.entry_id, actor=actor,
                                              expected_version=row.version,
                                              department_id=target_dept, doctor_id=to_doctor_id,
                                              note="clinic paused")
            results.append((row.entry_id, due, rule, snap))
    return [TransferResult(get_row(eid), due, rule, snap) for eid, due, rule, snap in results]


# --- for the waiting-room display and voice (issue 15) ------------------------------------


@dataclass(frozen=True)
class DisplayCall:
    """A patient called to a room, as the waiting room may see it."""

    entry_id: int
    queue_label: str  # "内-012"
    name_masked: str  # "王*芳"
    room: str  # "3 诊室" (the calling station's room, else the department's)
    doctor_name: str
    called_at: dt.datetime | None
    calls: int  # 1 = first call, 2+ = recalled
    state: str  # CALLED or CONSULTING


@dataclass(frozen=True)
class DisplayNext:
    entry_id: int
    queue_label: str
    name_masked: str
    doctor_name: str
    ahead: int  # patients before them in their line ("N ahead of you")
    reason: Msg  # priority or re-insertion, may be empty


@dataclass(frozen=True)
class DisplayClinic:
    department_id: int
    department_name: Msg
    room: str  # the department's room
    paused: bool
    called: list[DisplayCall]  # newest call first
    next: list[DisplayNext]  # in calling order, at most `next_count`
    waiting_count: int


def display_state(department_id: int | None = None, *, day: dt.date | None = None,
                  now: dt.datetime | None = None, next_count: int = 5) -> list[DisplayClinic]:
    """What the waiting-room screen shows, per department with an open queue today.

    `department_id` limits it to one department. Names are masked (privacy.mask_name);
    `ahead` counts, for each next patient, those before them whom the same doctor would
    call. A department whose whole clinic is paused says so (`paused`). Read-only,
    no permission needed (the screen shows nothing a stranger may not see).
    """
    now = now or _now()
    day = day or now.date()
    query = Department.select().where(Department.active == True)  # noqa: E712
    if department_id is not None:
        query = query.where(Department.id == department_id)
    used = {d for (d,) in QueueEntry.select(QueueEntry.department)
            .where((QueueEntry.day == day) & QueueEntry.state.in_(OPEN_STATES)).distinct().tuples()}
    out = []
    for dept in query.order_by(Department.sort, Department.id):
        if dept.id not in used and department_id is None:
            continue
        clinic = queue_rows(dept.id, None, day=day, now=now)
        called = sorted(clinic.active, key=lambda r: r.entry_id)
        entries = {e.id: e for e in QueueEntry.select().where(
            QueueEntry.id.in_([r.entry_id for r in called]))} if called else {}
        calls = [DisplayCall(r.entry_id, r.queue_label, r.name_masked, r.room, r.doctor_name,
                             _parse_dt(entries[r.entry_id].called_at), r.calls, r.state)
                 for r in called]
        calls.sort(key=lambda c: c.called_at or dt.datetime.min, reverse=True)
        nxt = []
        for i, r in enumerate(clinic.waiting[:next_count]):
            ahead = sum(1 for before in clinic.waiting[:i]
                        if _compatible(before.doctor_id, r.doctor_id))
            nxt.append(DisplayNext(r.entry_id, r.queue_label, r.name_masked, r.doctor_name,
                                   ahead, r.reason))
        out.append(DisplayClinic(dept.id, Msg(dept.name_zh, dept.name_en or dept.name_zh),
                                 dept.room, clinic.paused, calls, nxt, len(clinic.waiting)))
    return out


@dataclass(frozen=True)
class CallAnnouncement:
    """One call to announce ("请 内-012 号 王*芳 到 3 诊室 就诊")."""

    event_id: int  # increasing: pass the last one seen to calls_since
    action: str  # CALL, RECALL or MISS
    at: dt.datetime
    queue_label: str
    name_masked: str
    room: str
    department_id: int
    department_name: Msg
    doctor_name: str


def calls_since(after_event_id: int = 0, *, department_id: int | None = None,
                day: dt.date | None = None, limit: int = 100) -> list[CallAnnouncement]:
    """Calls, recalls and missed turns after `after_event_id`, oldest first (for the voice).

    A display keeps the last event_id it announced and asks again on every queue change;
    nothing is announced twice and nothing is lost between two asks.
    """
    day = day or clock.today()
    query = (QueueEvent.select(QueueEvent, QueueEntry, Visit, Patient, Department, Doctor)
             .join(QueueEntry, on=(QueueEvent.entry == QueueEntry.id))
             .join(Visit, on=(QueueEntry.visit == Visit.id))
             .join(Patient, JOIN.LEFT_OUTER, on=(Visit.patient == Patient.id))
             .switch(QueueEvent)
             .join(Department, on=(QueueEvent.department == Department.id))
             .switch(QueueEvent)
             .join(Doctor, JOIN.LEFT_OUTER, on=(QueueEvent.doctor == Doctor.id))
             .where((QueueEvent.id > after_event_id) & (QueueEvent.day == day)
                    & QueueEvent.action.in_(ANNOUNCED))
             .order_by(QueueEvent.id).limit(limit))
    if department_id is not None:
        query = query.where(QueueEvent.department == department_id)
    out = []
    for ev in query:
        visit = ev.entry.visit
        name = visit.patient.name if visit.patient_id else ""
        dept = ev.department
        out.append(CallAnnouncement(
            ev.id, ev.action, _parse_dt(ev.at), queue_label(dept.short_zh, visit.queue_no),
            mask_name(name), ev.room, dept.id, Msg(dept.name_zh, dept.name_en or dept.name_zh),
            ev.doctor.name if ev.doctor_id else ""))
    return out


def waiting_for_doctor(day: dt.date, *, now: dt.datetime | None = None
                       ) -> list[tuple[int, QueueRow]]:
    """(department id, row) of everyone waiting for or called by a doctor, for the board."""
    rules = clinic_rules()
    now = now or _now()
    entries = list(_rows_query(day).where(QueueEntry.state.in_((WAITING, CALLED))))
    return [(e.department_id, _row(e, rules, now)) for e in entries]


@dataclass(frozen=True)
class ClinicChoice:
    """A department a calling station may serve, with its active doctors."""

    department_id: int
    name: Msg
    room: str
    doctors: list[tuple[int, str]]  # (doctor id, name)


def clinic_choices() -> list[ClinicChoice]:
    """Active departments and their active doctors, for the calling panel's pickers."""
    doctors: dict[int, list[tuple[int, str]]] = {}
    for d in Doctor.select().where(Doctor.active == True).order_by(Doctor.id):  # noqa: E712
        doctors.setdefault(d.department_id, []).append((d.id, d.name))
    return [ClinicChoice(d.id, Msg(d.name_zh, d.name_en or d.name_zh), d.room,
                         doctors.get(d.id, []))
            for d in Department.select().where(Department.active == True)  # noqa: E712
            .order_by(Department.sort, Department.id)]
