"""How many patients wait now, per department and per doctor (triage shows it).

"Waiting" is a visit of the day that has a department and is not with the
doctor yet (registration, billing, escort): what a new patient queues behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from frontdesk import clock, stages
from frontdesk.db.models import Visit

WAITING = (stages.REGISTRATION, stages.BILLING, stages.ESCORT)


@dataclass(frozen=True)
class WaitingLoad:
    by_department: dict[int, int] = field(default_factory=dict)
    by_doctor: dict[int, int] = field(default_factory=dict)

    def department(self, department_id: int | None) -> int:
        return self.by_department.get(department_id or 0, 0)

    def doctor(self, doctor_id: int | None) -> int:
        return self.by_doctor.get(doctor_id or 0, 0)


def waiting_load(day: dt.date | None = None) -> WaitingLoad:
    """Counts of waiting visits of `day` (default today) by department and by doctor."""
    day = day or clock.today()
    base = (Visit.visit_date == day) & Visit.stage.in_(WAITING)
    depts = dict(Visit.select(Visit.department, fn.COUNT(Visit.id))
                 .where(base & Visit.department.is_null(False))
                 .group_by(Visit.department).tuples())
    doctors = dict(Visit.select(Visit.doctor, fn.COUNT(Visit.id))
                   .where(base & Visit.doctor.is_null(False))
                   .group_by(Visit.doctor).tuples())
    return WaitingLoad(depts, doctors)
