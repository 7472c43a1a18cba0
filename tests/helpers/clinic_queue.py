"""Shared by the clinic queue tests: a patient walked to the doctor."""

from __future__ import annotations

from frontdesk import reception, stages
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
