"""Escorts: who is out with a patient, who is free, and the checks on naming one.

An escort is out from being named on an ESCORT visit (or handing the patient
to the doctor) until "back at post" is recorded on that visit; out-ness is per
day. The steps that name an escort (assign_escort, hand_to_doctor) are in
steps.py and call _checked_escort / _check_escort_free from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import SqliteDatabase

from frontdesk import clock, stages
from frontdesk.db import prepared
from frontdesk.db.models import Staff, database_proxy
from frontdesk.db.transaction import take_turn
from frontdesk.errors import ValidationError
from frontdesk.permissions import Perm, Role, require
from frontdesk.reception.views import VisitView, _get_visit, _views
from frontdesk.validation import lookup_id

# Action on a visit that does not move it: the escort was named (assign_escort).
ESCORT_ASSIGNED = "escort_assigned"
ESCORT_ROLES = (Role.GUIDE, Role.DESK)


ESCORT_LOCK_CLASS = 0x46440004  # advisory lock namespace ("FD" 4): naming an escort, per staff


# A visit whose escort is still out: ESCORT with an escort named, or DONE and not back.
_ESCORT_OUT = (
    "v.visit_date = {p} AND v.escort_id IS NOT NULL AND (v.stage = {p} OR (v.stage = {p} "
    "AND NOT EXISTS (SELECT 1 FROM visit_event b WHERE b.visit_id = v.id AND b.action = {p})))"
)


def _escort_out_params(day: dt.date) -> list:
    return [day, stages.ESCORT, stages.DONE, stages.BACK_AT_POST]


def escorts_out(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Visits whose escort is still out: ESCORT with an escort named, or DONE, not back yet."""
    require(actor, Perm.VIEW_PATIENT)
    return _escorts_out(day)


def _escorts_out(day: dt.date | None) -> list[VisitView]:
    day = day or clock.today()
    return _views(_ESCORT_OUT, _escort_out_params(day), "v.updated_at, v.id")


@dataclass(frozen=True)
class BusyEscort:
    """An escort who is out with a patient: who, with which visit, since when."""

    staff_id: int
    name: str
    visit_id: int
    queue_label: str
    stage: str
    since: dt.datetime | None


def _busy_entry(view: VisitView) -> BusyEscort:
    named = [e.at for e in view.events
             if e.action in (ESCORT_ASSIGNED, stages.HANDED_TO_DOCTOR)]
    return BusyEscort(staff_id=view.escort_id, name=view.escort_name, visit_id=view.id,
                      queue_label=view.queue_label, stage=view.stage,
                      since=named[-1] if named else view.stage_since)


def busy_escorts(day: dt.date | None = None) -> list[BusyEscort]:
    """Escorts out with a patient (not back at post), one entry per person, earliest first.

    The escort picker lists only free_escorts(); this says why someone is missing.
    """
    seen: dict[int, BusyEscort] = {}
    for view in _escorts_out(day):  # only staff names and queue labels leave here
        entry = _busy_entry(view)
        seen.setdefault(entry.staff_id, entry)
    return sorted(seen.values(), key=lambda b: (b.since or dt.datetime.min, b.visit_id))


def free_escorts(day: dt.date | None = None) -> list[tuple[int, str]]:
    """Guides and desk staff who are not out escorting a patient right now."""
    day = day or clock.today()
    db = database_proxy.obj
    busy_sql = "SELECT v.escort_id FROM visit v WHERE " + _ESCORT_OUT.format(p=db.param)
    busy = {r[0] for r in db.execute_sql(busy_sql, _escort_out_params(day))}
    query = (
        Staff.select(Staff.id, Staff.display_name, Staff.role)
        .where((Staff.active == True) & Staff.role.in_(ESCORT_ROLES))  # noqa: E712
        .order_by(Staff.id)
    )
    # Door guides first: escorting is their job; the desk goes when no guide is free.
    rows = sorted((s for s in query if s.id not in busy), key=lambda s: (s.role != Role.GUIDE, s.id))
    return [(s.id, s.display_name) for s in rows]


@dataclass(frozen=True)
class _Escort:
    """The staff columns naming an escort needs (one prepared read, no model)."""

    id: int
    display_name: str
    role: str
    active: bool


def _checked_escort(escort_id: int) -> _Escort:
    db = database_proxy.obj
    row = prepared.execute(f"SELECT id, display_name, role, active FROM staff WHERE id = {db.param}",
                           [lookup_id(escort_id)]).fetchone()
    escort = _Escort(row[0], row[1], row[2], bool(row[3])) if row else None
    if escort is None or not escort.active or escort.role not in (*ESCORT_ROLES, Role.SUPERVISOR):
        raise ValidationError("请选择陪诊的导医。", "Choose who escorts the patient.",
                              field="escort_id")
    return escort


_ONE_ESCORT_OUT: dict[tuple[str, bool], str] = {}


def _one_escort_out_sql(p: str, sqlite: bool) -> str:
    """The first visit other than the given one on which this escort is out today.

    Read through the escort's index from the day's first visit id on (`v.id >= MIN(id)`
    of the day: every visit of the day passes it, so it changes no answer): the escort's
    visits of the day, not every visit of the day (a 10,000-visit day read each row).
    On SQLite the date term is written `+v.visit_date` so the planner does not pick the
    date index instead (it has no statistics to tell); PostgreSQL plans from its own.
    """
    sql = _ONE_ESCORT_OUT.get((p, sqlite))
    if sql is None:
        where = _ESCORT_OUT.replace("v.visit_date = {p}", "+v.visit_date = {p}", 1) if sqlite \
            else _ESCORT_OUT
        sql = _ONE_ESCORT_OUT[(p, sqlite)] = (
            "SELECT v.id FROM visit v WHERE " + where.format(p=p)
            + f" AND v.escort_id = {p} AND v.id <> {p}"
            + f" AND v.id >= (SELECT MIN(m.id) FROM visit m WHERE m.visit_date = {p})"
            + " ORDER BY v.id LIMIT 1")
    return sql


def _check_escort_free(escort: _Escort, visit_id: int) -> None:
    """Refuse an escort who is still out with another patient today (not back at post).

    One person cannot walk two patients at once; the desk records "back at post"
    on the other visit when the escort returns (call inside the write transaction).
    On PostgreSQL, desks naming the same escort take turns until their transaction
    ends (two desks each saw the escort free and both named them; on SQLite the
    write lock already serialises this): the second desk then sees the first's visit.
    """
    take_turn(ESCORT_LOCK_CLASS, escort.id)
    db = database_proxy.obj
    day = clock.today()
    row = prepared.execute(_one_escort_out_sql(db.param, isinstance(db, SqliteDatabase)),
                           [*_escort_out_params(day), escort.id, visit_id, day]).fetchone()
    if row is None:
        return
    out = _busy_entry(_get_visit(row[0]))
    label = out.queue_label or f"#{out.visit_id}"
    since = out.since.strftime("%H:%M") if out.since else ""
    raise ValidationError(
        f"{escort.display_name}正在陪同 {label} 的患者（{since} 起），尚未返回岗位。"
        "请另选陪诊人员；如已回来，请先在那次就诊上记录“已返回岗位”。",
        f"{escort.display_name} is still out with patient {label} (since {since}) and not "
        "back at the post. Choose another escort, or record “back at post” on that visit "
        "first if they are back.",
        field="escort_id")
