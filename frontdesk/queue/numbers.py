"""Queue numbers (内-012): one sequence per department per day.

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

from peewee import IntegrityError, PostgresqlDatabase, fn

from frontdesk import stages
from frontdesk.db.models import Visit, database_proxy

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
