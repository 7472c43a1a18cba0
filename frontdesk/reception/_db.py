"""The visit row under every change (private): write transaction, load, version-checked commit.

Shared by steps.py, deferred.py and drafts.py. A change reads the columns it
decides on with _load(), then _commit() writes the visit (stage, version + 1)
and its VisitEvent in one go; a stale `expected_version` is a ConflictError. A
step with one legal source stage calls _write() without reading first: the
UPDATE's WHERE (version and stage) is the check, and a miss returns False for
the step to read the visit and say why.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from frontdesk import clock
from frontdesk.db import prepared
from frontdesk.db.faults import is_connection_lost
from frontdesk.db.models import Visit, database_proxy
from frontdesk.errors import ConflictError, DatabaseUnavailable, ValidationError
from frontdesk.reception.views import _as_date, _built, _get_visit, _not_found
from frontdesk.stages import stage_name
from frontdesk.validation import lookup_id

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class _VisitRow:
    """The columns a step decides on, read with one raw select (see _VIEW_SQL's note)."""

    id: int
    version: int
    stage: str
    visit_date: dt.date
    queue_no: int | None
    patient_id: int | None
    department_id: int | None
    doctor_id: int | None
    appointment_id: int | None
    complaint: str
    first_visit: bool
    fee_fen: int
    fee_waived: bool
    waiver_reason: str
    fee_snapshot: str


_LOAD_COLUMNS = ("id, version, stage, visit_date, queue_no, patient_id, department_id, "
                 "doctor_id, appointment_id, complaint, first_visit, fee_fen, fee_waived, "
                 "waiver_reason, fee_snapshot")
_LOAD_SQL = f"SELECT {_LOAD_COLUMNS} FROM visit WHERE id = {{p}}"
_LOAD_WIDTH = _LOAD_COLUMNS.count(",") + 1


def _load(visit_id: int) -> _VisitRow:
    db = database_proxy.obj
    row = prepared.execute(_LOAD_SQL.format(p=db.param), [lookup_id(visit_id)]).fetchone()
    if row is None:
        raise _not_found(visit_id)
    return _visit_row(row)


def _visit_row(row: tuple) -> _VisitRow:
    """A _VisitRow from _LOAD_COLUMNS' values (built as views._built builds a view: the
    frozen dataclass's __init__ sets each field through object.__setattr__)."""
    (vid, version, stage, visit_date, queue_no, patient_id, department_id, doctor_id,
     appointment_id, complaint, first_visit, fee_fen, fee_waived, waiver_reason,
     fee_snapshot) = row
    return _built(_VisitRow, dict(
        id=vid, version=version, stage=stage, visit_date=_as_date(visit_date),
        queue_no=queue_no, patient_id=patient_id, department_id=department_id,
        doctor_id=doctor_id, appointment_id=appointment_id, complaint=complaint,
        first_visit=bool(first_visit), fee_fen=fee_fen, fee_waived=bool(fee_waived),
        waiver_reason=waiver_reason, fee_snapshot=fee_snapshot))


def _conflict(visit: Visit) -> ConflictError:
    zh, en = stage_name(visit.stage).pair()
    return ConflictError(
        f"这位患者刚刚已由其他导医台处理（现在是“{zh}”一步）。已为您刷新，请从这一步继续。",
        f"Another desk has just moved this visit on (it is now at {en}). "
        "Refresh and continue from there.",
    )


def _illegal(src: str, dst: str) -> ValidationError:
    s_zh, s_en = stage_name(src).pair()
    d_zh, d_en = stage_name(dst).pair()
    return ValidationError(
        f"不能从“{s_zh}”转到“{d_zh}”。",
        f"A visit cannot move from {s_en} to {d_en}.",
        field="stage",
    )


def _check_version(visit: Visit, expected_version: int) -> None:
    if visit.version != expected_version:
        raise _conflict(visit)


# Visit field name -> (field, column name, the Python type the field stores as it is)
_COLUMNS: dict[str, tuple[Any, str, type | None]] = {}
# Fields whose db_value gives a value of this exact type back unchanged.
_AS_IS = {CharField: str, TextField: str, IntegerField: int, AutoField: int, BooleanField: bool}


def _field(name: str) -> tuple[Any, str, type | None]:
    entry = _COLUMNS.get(name)
    if entry is None:
        fld = Visit._meta.fields[name]
        target = fld.rel_field if isinstance(fld, ForeignKeyField) else fld  # an id: its key's
        entry = _COLUMNS[name] = (fld, fld.column_name, _AS_IS.get(type(target)))
    return entry


def _db_value(name: str, value: Any) -> tuple[str, Any]:
    """Column name and driver value for a Visit field given by its model name."""
    fld, column, as_is = _field(name)
    if value is None or type(value) is as_is:  # what db_value would give back
        return column, value
    if isinstance(value, dt.datetime):
        value = value.replace(microsecond=0)
    value = fld.db_value(value)
    if isinstance(value, dt.datetime | dt.date):
        value = str(value)  # what peewee stores on SQLite, without the deprecated adapters
    return column, value


# The UPDATE text per (changed fields, guarded by stage, parameter mark): built once.
_UPDATES: dict[tuple, str] = {}


def _update_sql(names: tuple[str, ...], guarded: bool, p: str) -> str:
    key = (names, guarded, p)
    sql = _UPDATES.get(key)
    if sql is None:
        sets = [f"stage = {p}", "version = version + 1", f"updated_at = {p}"]
        sets += [f"{_field(name)[1]} = {p}" for name in names]
        where = f"id = {p} AND version = {p}" + (f" AND stage = {p}" if guarded else "")
        sql = _UPDATES[key] = f"UPDATE visit SET {', '.join(sets)} WHERE {where}"
    return sql


def _commit(visit: _VisitRow, *, actor, expected_version: int, stage: str, action: str,
            note: str = "", at: dt.datetime | None = None, from_stage: str | None = None,
            **changes) -> None:
    """Write the visit (version-checked) and its event; call inside write_tx().

    Raw SQL: this runs on every step and peewee would spend longer building the
    statements than SQLite takes to run them. A stale version is a ConflictError.
    """
    _write(visit.id, visit.stage if from_stage is None else from_stage, actor=actor,
           expected_version=expected_version, stage=stage, action=action, note=note, at=at,
           changes=changes)


def _write(visit_id: int, from_stage: str, *, actor, expected_version: int, stage: str,
           action: str, note: str = "", at: dt.datetime | None = None,
           only_from: str | None = None, changes: dict[str, Any] | None = None) -> bool:
    """_commit without a loaded row: the visit's id and the stage its event comes from.

    A step whose one legal source stage is `only_from` calls this without reading the
    visit first: the UPDATE's WHERE (version and stage) is the check, and a miss returns
    False for the caller to read the visit and say why. Without `only_from` a miss is
    the ConflictError _commit raises.
    """
    db = database_proxy.obj
    p = db.param
    at = clock.now() if at is None else at.replace(microsecond=0)
    params = [stage, str(at)]
    names: tuple[str, ...] = ()
    if changes:
        names = tuple(changes)
        for name in names:
            params.append(_db_value(name, changes[name])[1])
    params += [visit_id, expected_version]
    if only_from is not None:
        params.append(only_from)
    cursor = prepared.execute(_update_sql(names, only_from is not None, p), params)
    if cursor.rowcount != 1:
        if only_from is not None:
            return False
        raise _conflict(_load(visit_id))
    _insert_event(visit_id, from_stage, stage, action, at, actor, note)
    return True


_EVENT_SQL: dict[str, str] = {}


def _insert_event(visit_id: int, from_stage: str, stage: str, action: str, at: dt.datetime,
                  actor, note: str = "") -> None:
    """The VisitEvent row (raw SQL, as _commit writes it); `at` is stored as given."""
    db = database_proxy.obj
    p = db.param
    sql = _EVENT_SQL.get(p)
    if sql is None:
        sql = _EVENT_SQL[p] = (
            "INSERT INTO visit_event (visit_id, from_stage, stage, action, at, staff_id, note) "
            f"VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})")
    prepared.execute(sql, [visit_id, from_stage, stage, action, str(at),
                           actor.id if actor is not None else None, note])


# --- a step whose commit reply was lost ------------------------------------------------


def _newest_event_by(visit_id: int, actor) -> bool:
    db = database_proxy.obj
    p = db.param
    row = db.execute_sql(f"SELECT staff_id FROM visit_event WHERE visit_id = {p} "
                         "ORDER BY id DESC LIMIT 1", [visit_id]).fetchone()
    actor_id = actor.id if actor is not None else None
    return row is not None and row[0] == actor_id


def _step_landed(visit_id: int, actor, expected_version: int) -> bool:
    """The visit moved past `expected_version` and its newest event is this actor's."""
    db = database_proxy.obj
    row = db.execute_sql(f"SELECT version FROM visit WHERE id = {db.param}",
                         [visit_id]).fetchone()
    return row is not None and row[0] > expected_version and _newest_event_by(visit_id, actor)


def _re_read(check: Callable[[], bool]):
    """Run the re-read `check` (tried twice: the first may meet the dropped connection).

    True/False: what it found; None: the database still cannot be reached.
    """
    for _attempt in range(2):
        try:
            return bool(check())
        except Exception as exc:
            if not is_connection_lost(exc):
                raise
            db = database_proxy.obj
            if not db.in_transaction():
                try:
                    db.close()  # the next statement connects afresh
                except Exception:  # noqa: BLE001 - closing a dead connection may fail too
                    pass
    return None


def _settled(landed: Callable[..., bool] | None = None):
    """A step whose commit outcome is unknown is re-read before anyone is told anything.

    When the connection to the server breaks during a step (typically the reply to
    COMMIT is lost) the step may or may not have been written. The visit is read
    again: if our step is there (the version moved on and the newest event is this
    actor's, or `landed(visit_id, actor=…)` says so) the step succeeded and its view
    is returned; if not, DatabaseUnavailable says that nothing was saved — never
    "another desk moved this visit". Inside an outer transaction nothing is decided
    here: that transaction's commit is the one whose outcome matters.
    """
    def wrap(step):
        @functools.wraps(step)
        def run(visit_id: int, *args, **kwargs):
            # Nonsense (a list, 10**30) as the id or version reads as "not found" or
            # "changed" (0 matches no row), never as a driver error.
            visit_id = lookup_id(visit_id)
            if "expected_version" in kwargs:
                kwargs["expected_version"] = lookup_id(kwargs["expected_version"])
            try:
                return step(visit_id, *args, **kwargs)
            except Exception as exc:
                if not is_connection_lost(exc) or database_proxy.obj.in_transaction():
                    raise
                actor = kwargs.get("actor")
                if landed is not None:
                    found = _re_read(lambda: landed(visit_id, actor=actor))
                else:
                    expected = kwargs["expected_version"]
                    found = _re_read(lambda: _step_landed(visit_id, actor, expected))
                log.warning("%s on visit %s: connection lost (%s); re-read: %s",
                            step.__name__, visit_id, type(exc).__name__,
                            {True: "it was saved", False: "not saved", None: "unreachable"}[found])
                if found:
                    try:
                        return _get_visit(visit_id)
                    except Exception as again:
                        if not is_connection_lost(again):
                            raise
                        found = None
                if found is None:
                    raise DatabaseUnavailable(
                        "与数据库服务器的连接中断，暂时无法确认这一步是否已保存。"
                        "连接恢复后请重新打开这位患者，核对后再继续。",
                        "The connection to the database server was lost, and whether this "
                        "step was saved cannot be checked yet. When the connection is back, "
                        "reopen this visit and check it before going on.") from exc
                raise DatabaseUnavailable(
                    "与数据库服务器的连接中断，这一步没有保存。请再试一次，填写的内容仍然保留。",
                    "The connection to the database server was lost and this step was not "
                    "saved. Try again; what you typed is kept.") from exc
        return run
    return wrap
