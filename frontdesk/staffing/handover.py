"""Shift handover notes (交接班, seed 004 客服部交接班制度).

The rules ask that the handover log record equipment, hard cases and staff
swaps clearly (交接日志要对设备情况、疑难问题、人员调班情况记录清楚). At shift end
the desk writes one note, with the visits still open pre-filled; the next
shift sees every note nobody has acknowledged yet and acknowledges it. Notes
are never edited after writing: a correction is a new note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from frontdesk import audit, clock, stages
from frontdesk.db.models import (
    OPEN_STAGES,
    Department,
    HandoverNote,
    Patient,
    Shift,
    Visit,
    database_proxy,
)
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import localized, text
from frontdesk.permissions import Perm, require
from frontdesk.queue.numbers import queue_label
from frontdesk.reception.visit_numbers import visit_number
from frontdesk.validation import clean_text, lookup_id

FIELD_MAX = 1000
FIELDS = ("equipment", "hard_cases", "staff_swaps", "open_visits")


@dataclass(frozen=True)
class OpenVisit:
    visit_id: int
    ticket: str  # the number the patient holds: 内-012, else the door ticket A024
    patient_name: str
    stage: str

    def line(self, lang: str | None = None) -> str:
        who = f" {self.patient_name}" if self.patient_name else ""
        return f"{self.ticket}{who} — {stages.stage_name(self.stage).text(lang)}"


def open_visits(*, actor, day: dt.date) -> list[OpenVisit]:
    """Visits of `day` not yet with a doctor and not left: the next shift takes them over."""
    require(actor, Perm.WRITE_HANDOVER)
    rows = (Visit.select(Visit, Department, Patient)
            .join(Department, join_type=JOIN.LEFT_OUTER, on=(Visit.department == Department.id))
            .switch(Visit)
            .join(Patient, join_type=JOIN.LEFT_OUTER, on=(Visit.patient == Patient.id))
            .where(Visit.visit_date == day, Visit.stage.in_(OPEN_STAGES))
            .order_by(Visit.created_at, Visit.id))
    out = []
    for v in rows:
        dept = v.department if v.department_id else None
        # The number the patient holds, as the board, the display and the desk show it
        # (内-012 in both languages), else the door ticket (A024), else the visit number.
        ticket = ((queue_label(dept.short_zh, v.queue_no) if dept is not None else "")
                  or v.door_ticket or visit_number(v.visit_date, v.id))
        name = (v.patient.name if v.patient_id else "") or v.door_name
        out.append(OpenVisit(v.id, ticket, name, v.stage))
    return out


def open_visits_text(*, actor, day: dt.date, lang: str | None = None) -> str:
    """The pre-filled 'open visits' field: a count line, then one line per visit."""
    visits = open_visits(actor=actor, day=day)
    if not visits:
        return text("无未完成的就诊。", "No open visits.", lang)
    head = text(f"未完成的就诊 {len(visits)} 人：", f"{len(visits)} open visit(s):", lang)
    return "\n".join([head, *(v.line(lang) for v in visits)])


@dataclass(frozen=True)
class NoteView:
    id: int
    day: dt.date
    shift_name: str
    author_id: int
    author_name: str
    written_at: dt.datetime
    equipment: str
    hard_cases: str
    staff_swaps: str
    open_visits: str
    acknowledged_by_name: str
    acknowledged_at: dt.datetime | None


def _view(n: HandoverNote) -> NoteView:
    return NoteView(
        id=n.id, day=n.date, shift_name=localized(n.shift, "name") if n.shift_id else "",
        author_id=n.author_id, author_name=n.author.display_name, written_at=n.written_at,
        equipment=n.equipment, hard_cases=n.hard_cases, staff_swaps=n.staff_swaps,
        open_visits=n.open_visits,
        acknowledged_by_name=n.acknowledged_by.display_name if n.acknowledged_by_id else "",
        acknowledged_at=n.acknowledged_at,
    )


def write_note(*, actor, day: dt.date, shift: Shift | None = None, equipment: str = "",
               hard_cases: str = "", staff_swaps: str = "", open_visits: str = "",
               at: dt.datetime | None = None) -> NoteView:
    """Write the handover note for the shift ending now; at least one field must say something."""
    require(actor, Perm.WRITE_HANDOVER)
    values = {name: clean_text(value, name, FIELD_MAX) for name, value in
              zip(FIELDS, (equipment, hard_cases, staff_swaps, open_visits), strict=True)}
    if not any(values[f] for f in ("equipment", "hard_cases", "staff_swaps")):
        raise ValidationError(
            "请至少填写设备情况、疑难问题或人员调班中的一项（一切正常也请写“正常”）。",
            "Fill in at least one of equipment, hard cases or staff swaps "
            "(write “all normal” if nothing happened).", field="equipment")
    with database_proxy.atomic():
        note = HandoverNote.create(shift=shift, date=day, author=actor,
                                   written_at=(at or clock.now()).replace(microsecond=0),
                                   **values)
        audit.record(actor, "create", "handover_note", note.id,
                     {"date": day.isoformat(), "shift": shift.code if shift else None})
    return _view(note)


def pending_notes(*, actor) -> list[NoteView]:
    """Notes nobody has acknowledged yet, oldest first (what the next shift must read)."""
    require(actor, Perm.WRITE_HANDOVER)
    rows = (HandoverNote.select().where(HandoverNote.acknowledged_at.is_null())
            .order_by(HandoverNote.written_at, HandoverNote.id))
    return [_view(n) for n in rows]


def recent_notes(*, actor, days: int = 7, today: dt.date | None = None) -> list[NoteView]:
    """Notes of the last `days` days, newest first."""
    require(actor, Perm.WRITE_HANDOVER)
    since = (today or clock.today()) - dt.timedelta(days=days)
    rows = (HandoverNote.select().where(HandoverNote.date > since)
            .order_by(HandoverNote.written_at.desc(), HandoverNote.id.desc()))
    return [_view(n) for n in rows]


def acknowledge_note(*, actor, note_id: int, at: dt.datetime | None = None) -> NoteView:
    """The incoming shift confirms it has read the note; the author cannot."""
    require(actor, Perm.WRITE_HANDOVER)
    with database_proxy.atomic():
        note = HandoverNote.get_or_none(HandoverNote.id == lookup_id(note_id))
        if note is None:
            raise NotFound("找不到该交接记录。", "No such handover note.")
        if note.acknowledged_at is not None:
            who = note.acknowledged_by.display_name if note.acknowledged_by_id else ""
            raise ConflictError(f"{who} 已于 {note.acknowledged_at:%H:%M} 确认过这条交接记录。",
                                f"{who} already acknowledged this note at "
                                f"{note.acknowledged_at:%H:%M}.")
        if note.author_id == actor.id:
            raise ValidationError("交接记录须由接班人确认，不能确认自己写的记录。",
                                  "The incoming shift acknowledges a note, not its author.",
                                  field="note")
        note.acknowledged_by = actor
        note.acknowledged_at = (at or clock.now()).replace(microsecond=0)
        note.save()
        audit.record(actor, "update", "handover_note", note.id, {"acknowledged": True})
    return _view(note)

