"""Reading visits: VisitView/EventView and get_visit, open_visits, desk_queue.

Every step returns a fresh VisitView built here. Escort and deferred-billing
lists (escorts.py, deferred.py) reuse _views() with their own conditions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from frontdesk import audit, clock, leave_reasons, stages
from frontdesk.db import prepared
from frontdesk.db.models import database_proxy
from frontdesk.errors import NotFound
from frontdesk.i18n import text
from frontdesk.permissions import Perm, require
from frontdesk.queue.numbers import queue_label
from frontdesk.validation import lookup_id


@dataclass(frozen=True)
class EventView:
    stage: str
    action: str
    at: dt.datetime
    staff_name: str
    from_stage: str = ""
    note: str = ""


@dataclass(frozen=True)
class VisitView:
    id: int
    version: int
    stage: str
    visit_date: dt.date
    queue_label: str
    patient_id: int | None
    patient_name: str
    sex: str
    age: int | None
    vip_tier: str
    first_visit: bool
    has_appointment: bool
    appointment_id: int | None
    complaint: str
    red_flag: bool
    triage_reason: str
    department_id: int | None
    department_name: str
    room: str
    floor: str
    directions: str
    doctor_id: int | None
    doctor_name: str
    doctor_title: str
    fee_fen: int
    fee_waived: bool
    waiver_reason: str
    escort_id: int | None
    escort_name: str
    left_reason: str
    arrived_at: dt.datetime | None
    stage_since: dt.datetime | None
    events: list[EventView] = field(default_factory=list)
    # additions to the contract
    billing_deferred: bool = False
    queue_no: int | None = None
    patient_phone: str = ""
    record_no: str = ""
    department_code: str = ""
    escort_back: bool = False  # DONE and the escort is back at the post
    open: bool = True
    registered_late: bool = False  # a deferred visit registered after treatment began
    billing_open: bool = False  # billing deferred and not yet paid or waived
    left_reason_code: str = ""  # leave_reasons code (left_reason is its label, localised)
    # What the door recorded (reception/tickets.py): ticket "A012", sex and age band as
    # seen, the name or surname given, a queue.priority.PriorityClass value.
    door_ticket: str = ""
    door_sex: str = ""
    door_age_band: str = ""
    door_name: str = ""
    priority: str = ""


# Reading is raw SQL on purpose: peewee spends longer building a five-table select
# than SQLite spends running it, and every step returns a fresh view (bench/).
_VIEW_SQL = (
    "SELECT v.id, v.version, v.stage, v.visit_date, v.queue_no, v.patient_id, v.first_visit, "
    "v.has_appointment, v.appointment_id, v.complaint, v.red_flag, v.triage_reason, "
    "v.department_id, v.doctor_id, v.fee_fen, v.fee_waived, v.waiver_reason, v.escort_id, "
    "v.left_reason, p.name, p.sex, p.birth_date, p.vip_tier, p.phone, p.record_no, "
    "d.code, d.name_zh, d.name_en, d.short_zh, d.room, d.floor, d.directions_zh, "
    "d.directions_en, doc.name, doc.title_zh, doc.title_en, s.display_name, "
    "v.door_ticket, v.door_sex, v.door_age_band, v.door_name, v.priority "
    "FROM visit v "
    "LEFT JOIN patient p ON p.id = v.patient_id "
    "LEFT JOIN department d ON d.id = v.department_id "
    "LEFT JOIN doctor doc ON doc.id = v.doctor_id "
    "LEFT JOIN staff s ON s.id = v.escort_id "
)
_EVENTS_SQL = (
    "SELECT e.visit_id, e.stage, e.action, e.at, s.display_name, e.from_stage, e.note "
    "FROM visit_event e LEFT JOIN staff s ON s.id = e.staff_id "
    "WHERE e.visit_id IN ({marks}) ORDER BY e.visit_id, e.at, e.id"
)


# One visit and its events in one statement (what every step returns): the visit's columns
# repeat on each event row, which costs less than a second round trip.
_ONE_SQL = (
    _VIEW_SQL.replace(" FROM visit v ", ", e.stage, e.action, e.at, es.display_name, "
                      "e.from_stage, e.note FROM visit v ", 1)
    + "LEFT JOIN visit_event e ON e.visit_id = v.id "
    "LEFT JOIN staff es ON es.id = e.staff_id "
    "WHERE v.id = {p} ORDER BY e.at, e.id"
)
_VIEW_COLUMNS = 42


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _events_for(visit_ids: list[int]) -> dict[int, list[EventView]]:
    out: dict[int, list[EventView]] = {vid: [] for vid in visit_ids}
    if not visit_ids:
        return out
    db = database_proxy.obj
    sql = _EVENTS_SQL.format(marks=",".join([db.param] * len(visit_ids)))
    for vid, *event in db.execute_sql(sql, visit_ids):
        out[vid].append(_event(*event))
    return out


_new = object.__new__


def _built(cls, values: dict):
    """`cls(**values)` for a frozen dataclass, `values` naming every field.

    The generated __init__ sets each field through object.__setattr__ (the price of
    frozen=True): for a VisitView's 48 fields that was half the time of building the
    view every step returns. The instance is the same (equal, still frozen).
    """
    obj = _new(cls)
    obj.__dict__.update(values)
    return obj


def _event(stage: str, action: str, at, staff_name: str | None, from_stage: str,
           note: str) -> EventView:
    """EventView(...) from a row of _EVENTS_SQL's columns (built as _built does)."""
    obj = _new(EventView)
    obj.__dict__.update(stage=stage, action=action, at=_as_datetime(at),
                        staff_name=staff_name or "", from_stage=from_stage, note=note)
    return obj


def _view(row: tuple, events: list[EventView]) -> VisitView:
    (vid, version, stage, visit_date, queue_no, patient_id, first_visit, has_appointment,
     appointment_id, complaint, red_flag, triage_reason, department_id, doctor_id, fee_fen,
     fee_waived, waiver_reason, escort_id, left_reason, p_name, p_sex, p_birth, p_vip, p_phone,
     p_record, d_code, d_name_zh, d_name_en, d_short, d_room, d_floor, d_dir_zh, d_dir_en,
     doc_name, doc_title_zh, doc_title_en, escort_name) = row[:37]
    door_ticket, door_sex, door_age_band, door_name, priority = row[37:42]
    visit_date = _as_date(visit_date)
    has_patient, has_dept = patient_id is not None, department_id is not None
    stage_since = None
    for e in reversed(events):
        if e.from_stage != e.stage:  # the newest move
            stage_since = e.at
            break
    actions = {e.action for e in events}
    deferred = stages.DEFERRED in actions
    return _built(VisitView, dict(
        id=vid, version=version, stage=stage, visit_date=visit_date,
        queue_label=queue_label(d_short, queue_no) if has_dept else "",
        patient_id=patient_id, patient_name=p_name or "", sex=p_sex or door_sex or "",
        age=clock.age_on(_as_date(p_birth), visit_date) if has_patient else None,
        vip_tier=p_vip or "", first_visit=bool(first_visit),
        has_appointment=bool(has_appointment), appointment_id=appointment_id,
        complaint=complaint, red_flag=bool(red_flag), triage_reason=triage_reason,
        department_id=department_id,
        department_name=text(d_name_zh, d_name_en or d_name_zh) if has_dept else "",
        room=d_room or "", floor=d_floor or "",
        directions=text(d_dir_zh or "", d_dir_en or d_dir_zh or "") if has_dept else "",
        doctor_id=doctor_id, doctor_name=doc_name or "",
        doctor_title=text(doc_title_zh, doc_title_en or doc_title_zh) if doctor_id else "",
        fee_fen=fee_fen, fee_waived=bool(fee_waived), waiver_reason=waiver_reason,
        escort_id=escort_id, escort_name=escort_name or "",
        left_reason=leave_reasons.label(left_reason or ""),
        arrived_at=events[0].at if events else None,
        stage_since=stage_since,
        events=events,
        billing_deferred=deferred,
        queue_no=queue_no, patient_phone=p_phone or "", record_no=p_record or "",
        department_code=d_code or "",
        escort_back=stages.BACK_AT_POST in actions,
        open=stages.is_open(stage),
        registered_late=stages.REGISTERED_LATE in actions,
        left_reason_code=leave_reasons.code_of(left_reason or ""),
        door_ticket=door_ticket or "", door_sex=door_sex or "",
        door_age_band=door_age_band or "", door_name=door_name or "",
        priority=priority or "",
        billing_open=(deferred and stages.PAID_LATE not in actions
                      and stages.WAIVED_LATE not in actions),
    ))


def _views(where: str, params: list, order: str = "") -> list[VisitView]:
    """Views of the visits matching `where` (SQL with `{p}` for each parameter)."""
    db = database_proxy.obj
    sql = _VIEW_SQL + "WHERE " + where.format(p=db.param) + (" ORDER BY " + order if order else "")
    rows = db.execute_sql(sql, params).fetchall()
    events = _events_for([r[0] for r in rows])
    return [_view(r, events[r[0]]) for r in rows]


def _not_found(visit_id) -> NotFound:
    """"No such visit", naming the id only when it is one (never a pasted page of text)."""
    if not lookup_id(visit_id):
        return NotFound("找不到这次就诊。", "No such visit.")
    return NotFound(f"找不到这次就诊（编号 {visit_id}）。", f"No visit with id {visit_id}.")


# Inside a transaction (every step reads its view before COMMIT): the visit row, then its
# events. Two statements cost less than _ONE_SQL once a visit has three events (each event
# row repeats the visit's 42 columns), and inside the step's transaction they see one state:
# SQLite's write lock keeps other desks out, and on PostgreSQL the step's UPDATE holds the
# visit's row lock (an event without a version bump may appear, as with one statement).
_ROW_SQL = _VIEW_SQL + "WHERE v.id = {p}"
_ONE_EVENTS_SQL = (
    "SELECT e.stage, e.action, e.at, s.display_name, e.from_stage, e.note "
    "FROM visit_event e LEFT JOIN staff s ON s.id = e.staff_id "
    "WHERE e.visit_id = {p} ORDER BY e.at, e.id"
)
_BY_PARAM: dict[str, tuple[str, str, str]] = {}


def _one_sql(param: str) -> tuple[str, str, str]:
    """(_ONE_SQL, _ROW_SQL, _ONE_EVENTS_SQL) with the driver's parameter mark, made once."""
    sql = _BY_PARAM.get(param)
    if sql is None:
        sql = _BY_PARAM[param] = (_ONE_SQL.format(p=param), _ROW_SQL.format(p=param),
                                  _ONE_EVENTS_SQL.format(p=param))
    return sql


def _get_visit(visit_id: int) -> VisitView:
    """The view a step returns; the step has checked its own permission.

    Outside a transaction one statement reads the visit and its events (one snapshot);
    inside one (a step, before its COMMIT) two statements do, which is cheaper.
    """
    db = database_proxy.obj
    one, row_sql, events_sql = _one_sql(db.param)
    vid = lookup_id(visit_id)
    if db.in_transaction():
        row = prepared.execute(row_sql, [vid]).fetchone()
        if row is None:
            raise _not_found(visit_id)
        return _view(row, [_event(*e) for e in prepared.execute(events_sql, [vid])])
    rows = db.execute_sql(one, [vid]).fetchall()
    if not rows:
        raise _not_found(visit_id)
    n = _VIEW_COLUMNS
    events = [_event(*r[n:]) for r in rows if r[n + 1] is not None]  # no events: one NULL row
    return _view(rows[0][:n], events)


def get_visit(visit_id: int, *, actor) -> VisitView:
    """One visit with its patient's name and phone: needs Perm.VIEW_PATIENT."""
    require(actor, Perm.VIEW_PATIENT)
    view = _get_visit(visit_id)
    audit.viewed(actor, "visit", visit_id)  # once per visit and desk in a while, not per refresh
    return view


def _stage_in(stage_list) -> str:
    return "v.stage IN (" + ",".join(["{p}"] * len(stage_list)) + ")"


def open_visits(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Visits at an open stage, oldest first (all days unless `day` is given)."""
    require(actor, Perm.VIEW_PATIENT)
    where, params = _stage_in(stages.OPEN_STAGES), list(stages.OPEN_STAGES)
    if day is not None:
        where, params = where + " AND v.visit_date = {p}", params + [day]
    rows = _views(where, params, "v.created_at, v.id")
    audit.viewed(actor, "visit_list", "", {"rows": len(rows)})
    return rows


def visits_by_id(visit_ids, *, actor) -> list[VisitView]:
    """Only these visits, open or not: what another station just changed (live updates),
    so a list updates those rows instead of reading every open visit again."""
    require(actor, Perm.VIEW_PATIENT)
    ids = sorted({i for i in map(lookup_id, visit_ids or ()) if i})[:500]
    if not ids:
        return []
    rows = _views(f"v.id IN ({','.join(['{p}'] * len(ids))})", ids, "v.id")
    audit.viewed(actor, "visit_list", "", {"rows": len(rows)})
    return rows


def desk_queue(day: dt.date | None = None, *, actor) -> list[VisitView]:
    """Arrivals the door handed over, waiting for the desk (GREETING), oldest first."""
    require(actor, Perm.VIEW_PATIENT)
    day = day or clock.today()
    return _views("v.visit_date = {p} AND v.stage = {p}", [day, stages.GREETING],
                  "v.created_at, v.id")


def describe_stage(stage: str) -> str:
    return stages.stage_name(stage).text()


DEFERRED_LOOKBACK_DAYS = 14  # the desk chases a deferred fee for two weeks; then billing office

# "(v.stage || '')" keeps the planner off the stage index (DONE is nearly every visit):
# the date range is the selective index (1M-patient bench: 210 ms → see the API doc).
_DEFERRED_OPEN = (
    "v.visit_date >= {p} AND v.visit_date <= {p} AND v.red_flag = {p} "
    "AND (v.stage || '') IN ({p}, {p}) "
    "AND EXISTS (SELECT 1 FROM visit_event d WHERE d.visit_id = v.id AND d.action = {p}) "
    "AND NOT EXISTS (SELECT 1 FROM visit_event x WHERE x.visit_id = v.id "
    "AND x.action IN ({p}, {p}))"
)


def deferred_billing(today: dt.date | None = None, days: int = DEFERRED_LOOKBACK_DAYS, *,
                     actor) -> list[VisitView]:
    """Red-flag visits whose billing was deferred and is not yet paid_late / waived_late.

    Oldest first.

    ESCORT or DONE (a patient who LEFT owes nothing), from `days` days back to
    `today`: the desk's reminder list, so a deferred fee is never forgotten.
    """
    require(actor, Perm.VIEW_PATIENT)
    today = today or clock.today()
    since = today - dt.timedelta(days=days)
    return _views(_DEFERRED_OPEN, [since, today, True, stages.ESCORT, stages.DONE,
                                   stages.DEFERRED, stages.PAID_LATE, stages.WAIVED_LATE],
                  "v.created_at, v.id")
