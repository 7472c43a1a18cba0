"""Shared by the clinic queue tests: a patient walked to the doctor, and a race of stations."""

from __future__ import annotations

import threading

from frontdesk import reception, stages
from frontdesk.errors import ConflictError
from frontdesk.queue import clinic
from tests.helpers.reception_flow import form, walk


def queued(env, clock, *, age: int = 35, dept_code: str = "internal", doctor_index: int = 0,
           name: str = "张三", minutes: int = 1, **kw) -> clinic.QueueRow:
    """A visit walked to the doctor (joins the queue); the escort is back; the clock moves on."""
    v = walk(env, stages.DONE, dept_code=dept_code, doctor_index=doctor_index,
             reg_form=form(age=age, name=name), **kw)
    reception.back_at_post(v.id, actor=env.desk)
    clock.advance(minutes=minutes)
    return clinic.entry_for_visit(v.id)


def race(calls) -> tuple[list, list[ConflictError], list[BaseException]]:
    """Run each callable in its own thread (own connection), released together.

    Returns (results, conflicts, other errors).
    """
    barrier = threading.Barrier(len(calls))
    results, conflicts, errors = [], [], []
    lock = threading.Lock()

    def run(fn):
        from frontdesk.db.models import database_proxy

        try:
            barrier.wait(timeout=30)
            out = fn()
            with lock:
                results.append(out)
        except ConflictError as exc:
            with lock:
                conflicts.append(exc)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            with lock:
                errors.append(exc)
        finally:
            database_proxy.obj.close()  # this thread's connection

    threads = [threading.Thread(target=run, args=(fn,)) for fn in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, conflicts, errors
