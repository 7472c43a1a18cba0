"""Queue numbers (内-012) and the waiting board (候诊).

A number is per department per day. It is allocated as max + 1 inside the
caller's transaction; the unique index (department, visit_date, queue_no)
makes a duplicate impossible. On SQLite the reception flow holds the write
lock for the whole transaction, so a clash cannot even happen there. On
PostgreSQL, desks allocating for the same department take turns on a
transaction-level advisory lock (retrying clashes alone ran out of attempts
with four busy desks); a clash that still happens is retried.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, IntegrityError, PostgresqlDatabase, fn

from frontdesk import clock, settings, stages
from frontdesk.db.models import Department, Patient, Visit, VisitEvent, database_proxy
from frontdesk.i18n import localized
from frontdesk.privacy import mask_name

MAX_ATTEMPTS = 5
QUEUE_LOCK_CLASS = 0x46440001  # advisory lock namespace ("FD" 1): queue numbers, per department
# Stages in which a patient with a number waits for, or walks to, the doctor.
WAITING_STAGES = (stages.REGISTRATION, stages.BILLING, stages.ESCORT)


def queue_label(short: str, queue_no: int | None) -> str:
    """"内-012"; "" before a number is given."""
    if not queue_no:
        return ""
    return f"{short}-{queue_no:03d}"


def next_queue_no(department_id: int, visit_date: dt.date) -> int:
    """The next free number for the department on that day (call inside a transaction)."""
    top = (
        Visit.select(fn.MAX(Visit.queue_no))
        .where((Visit.department == department_id) & (Visit.visit_date == visit_date))
        .scalar()
    )
    return (top or 0) + 1


def assign_queue_no(visit_id: int, department_id: int, visit_date: dt.date) -> int:
    """Give the visit the department's next number for the day; retried on a clash."""
    db = database_proxy.obj
    if isinstance(db, PostgresqlDatabase):
        # Held to the end of the caller's transaction: the next desk reads max after our commit.
        db.execute_sql(f"SELECT pg_advisory_xact_lock({db.param}, {db.param})",
                       (QUEUE_LOCK_CLASS, department_id))
    for attempt in range(MAX_ATTEMPTS):
        number = next_queue_no(department_id, visit_date)
        try:
            with database_proxy.atomic():  # a savepoint: a clash undoes only this try
                Visit.update(department=department_id, queue_no=number).where(
                    Visit.id == visit_id
                ).execute()
            return number
        except IntegrityError:
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class BoardRow:
    visit_id: int
    queue_label: str
    patient_name_masked: str
    stage: str
    waited_minutes: int
    level: str  # "ok" | "amber" | "red"


@dataclass(frozen=True)
class BoardDepartment:
    department_id: int
    name: str
    rows: list[BoardRow] = field(default_factory=list)


def wait_level(minutes: int, amber: int | None = None, red: int | None = None) -> str:
    """"ok", "amber" or "red" for a wait, by settings queue.amber_minutes / red_minutes."""
    amber = int(settings.get("queue.amber_minutes")) if amber is None else amber
    red = int(settings.get("queue.red_minutes")) if red is None else red
    if minutes >= red:
        return "red"
    if minutes >= amber:
        return "amber"
    return "ok"


def waiting_board(*, day: dt.date | None = None, now: dt.datetime | None = None) -> list[BoardDepartment]:
    """Per department, patients with a number not yet with the doctor, longest wait first."""
    at = now or clock.now()
    day = day or at.date()
    query = (
        Visit.select(Visit, Department, Patient)
        .join(Department)
        .switch(Visit)
        .join(Patient, JOIN.LEFT_OUTER)
        .where(
            (Visit.visit_date == day)
            & (Visit.stage.in_(WAITING_STAGES))
            & Visit.queue_no.is_null(False)
        )
        .order_by(Department.sort, Department.id, Visit.queue_no)
    )
    visits = list(query)
    arrived = dict(
        VisitEvent.select(VisitEvent.visit, fn.MIN(VisitEvent.at))
        .where(VisitEvent.visit.in_([v.id for v in visits]))
        .group_by(VisitEvent.visit)
        .tuples()
    ) if visits else {}
    amber, red = int(settings.get("queue.amber_minutes")), int(settings.get("queue.red_minutes"))
    boards: dict[int, BoardDepartment] = {}
    for v in visits:
        dept = v.department
        board = boards.get(dept.id)
        if board is None:
            board = boards[dept.id] = BoardDepartment(dept.id, localized(dept, "name"), [])
        first_at = _parse(arrived.get(v.id))
        waited = max(0, int((at - first_at).total_seconds() // 60)) if first_at else 0
        board.rows.append(BoardRow(
            visit_id=v.id,
            queue_label=queue_label(dept.short_zh, v.queue_no),
            patient_name_masked=mask_name(v.patient.name) if v.patient_id else "",
            stage=v.stage,
            waited_minutes=waited,
            level=wait_level(waited, amber, red),
        ))
    for board in boards.values():
        board.rows.sort(key=lambda r: -r.waited_minutes)
    return list(boards.values())


def _parse(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


