"""The waiting board (候诊): patients with a number who are not with the doctor yet.

Besides the desk's stages (registration, billing, escort) the board shows who waits
for the doctor in the clinic queue (queue.clinic): waiting, or called and not yet in.
Its counts keep the three apart (BoardDepartment.waiting / called / at_desk): 候诊 is
the clinic queue's waiting patients, the number the waiting-room display shows for
the clinic, never the patients still at the desk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, fn

from frontdesk import clock, settings
from frontdesk.db.models import Department, Patient, Visit, VisitEvent
from frontdesk.i18n import Msg, localized
from frontdesk.privacy import mask_name
from frontdesk.queue.numbers import WAITING_STAGES, queue_label

# Board stages of the clinic queue (BoardRow.stage), beside the desk's stages.
DOCTOR_WAITING = "DOCTOR_WAITING"
DOCTOR_CALLED = "DOCTOR_CALLED"
BOARD_STAGE_NAMES = {
    DOCTOR_WAITING: Msg("等候医生", "Waiting for the doctor"),
    DOCTOR_CALLED: Msg("已叫号", "Called"),
}


def board_stage_name(stage: str) -> Msg:
    """A board row's stage in both languages: the desk's stages and the clinic queue's."""
    from frontdesk import stages

    return BOARD_STAGE_NAMES.get(stage) or stages.stage_name(stage)


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

    @property
    def waiting(self) -> int:
        """Waiting for the doctor in the clinic queue (候诊): what the display counts."""
        return sum(1 for r in self.rows if r.stage == DOCTOR_WAITING)

    @property
    def called(self) -> int:
        """Called by a doctor and not yet in (已叫号)."""
        return sum(1 for r in self.rows if r.stage == DOCTOR_CALLED)

    @property
    def at_desk(self) -> int:
        """Still at the desk: registration, billing or the escort (前台办理中)."""
        return sum(1 for r in self.rows if r.stage in WAITING_STAGES)


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
    _add_clinic_rows(boards, day, at, amber, red)
    for board in boards.values():
        board.rows.sort(key=lambda r: -r.waited_minutes)
    return list(boards.values())


def _add_clinic_rows(boards: dict[int, BoardDepartment], day: dt.date, at: dt.datetime,
                     amber: int, red: int) -> None:
    """Who waits for the doctor (or is called), by the time since joining the clinic queue."""
    from frontdesk.queue import clinic

    rows = clinic.waiting_for_doctor(day, now=at)
    if not rows:
        return
    names = {d.id: localized(d, "name") for d in
             Department.select().where(Department.id.in_({dept for dept, _r in rows}))}
    for dept_id, r in rows:
        board = boards.get(dept_id)
        if board is None:
            board = boards[dept_id] = BoardDepartment(dept_id, names.get(dept_id, ""), [])
        board.rows.append(BoardRow(
            visit_id=r.visit_id, queue_label=r.queue_label, patient_name_masked=r.name_masked,
            stage=DOCTOR_CALLED if r.state == clinic.CALLED else DOCTOR_WAITING,
            waited_minutes=r.waited_minutes, level=wait_level(r.waited_minutes, amber, red)))


def _parse(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


