"""A morning in the clinics for the display tests: patients queued in three departments."""

from __future__ import annotations

from frontdesk import reception, stages
from frontdesk.queue import clinic
from tests.helpers.reception_flow import dept, form, walk

NAMES = ("王小芳", "李明", "欧阳娜娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰")


def queue_patients(env, clock, dept_code: str, names) -> list:
    rows = []
    for name in names:
        v = walk(env, stages.DONE, dept_code=dept_code, reg_form=form(name=name))
        reception.back_at_post(v.id, actor=env.desk)
        clock.advance(minutes=1)
        rows.append(clinic.entry_for_visit(v.id))
    return rows


def call_next(env, dept_code: str, room: str):
    return clinic.call_next(dept(dept_code).id, None, actor=env.desk, room=room)


def morning(env, clock) -> dict[str, list]:
    """Three departments with waiting patients; one called in each of two."""
    out = {
        "internal": queue_patients(env, clock, "internal", NAMES[:6]),
        "surgery": queue_patients(env, clock, "surgery", NAMES[6:9]),
        "paeds": queue_patients(env, clock, "paeds", NAMES[9:]),
    }
    call_next(env, "surgery", "5 诊室")
    call_next(env, "internal", "3 诊室")
    return out
