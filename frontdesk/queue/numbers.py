"""Queue numbers (内-012): one sequence per department per day.

A number is per department per day. It is allocated as max + 1 inside the
caller's transaction; the unique index (department, visit_date, queue_no)
makes a duplicate impossible. On SQLite the reception flow holds the write
lock for the whole transaction, so a clash cannot even happen there. On
PostgreSQL, desks allocating for the same department take turns on a
transaction-level advisory lock (retrying clashes alone ran out of attempts
with four busy desks); a clash that still happens is retried (in a savepoint
on PostgreSQL; SQLite undoes only the failed statement). Triage writes the
number with the visit's own version-checked UPDATE (numbered()): raw SQL, one
statement, as the desk steps are timed (bench/).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peewee import IntegrityError

from frontdesk import stages
from frontdesk.db.models import database_proxy
from frontdesk.db.transaction import retry_point, take_turn

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
    db = database_proxy.obj
    p = db.param
    top = db.execute_sql(
        f"SELECT MAX(queue_no) FROM visit WHERE department_id = {p} AND visit_date = {p}",
        [department_id, str(visit_date)]).fetchone()[0]
    return (top or 0) + 1



def numbered(department_id: int, visit_date: dt.date, write: Callable[[int], object]) -> int:
    """Run `write(number)` with the department's next number for the day; the number.

    `write` stores it (the visit's UPDATE); a clash on the unique index is retried with
    a fresh number, and only that try is undone. Call inside the caller's transaction.
    """
    # To the end of the caller's transaction: the next desk reads max after our commit.
    take_turn(QUEUE_LOCK_CLASS, department_id)
    for attempt in range(MAX_ATTEMPTS):
        number = next_queue_no(department_id, visit_date)
        try:
            with retry_point():
                write(number)
            return number
        except IntegrityError:
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def assign_queue_no(visit_id: int, department_id: int, visit_date: dt.date) -> int:
    """Give the visit the department's next number for the day; retried on a clash."""
    db = database_proxy.obj
    p = db.param
    return numbered(department_id, visit_date, lambda number: db.execute_sql(
        f"UPDATE visit SET department_id = {p}, queue_no = {p} WHERE id = {p}",
        [department_id, number, visit_id]))
