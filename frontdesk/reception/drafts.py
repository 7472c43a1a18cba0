"""Registration drafts: the half-filled form kept as JSON, so a crash loses nothing typed.

A draft holds ID numbers and history, so it lives only while the form can
still be saved; register(), complete_deferred() and leave() delete it in
their own transaction.
"""

from __future__ import annotations

import json
from typing import Any

from frontdesk import audit, clock, stages
from frontdesk.db.models import VisitDraft, database_proxy
from frontdesk.errors import ValidationError
from frontdesk.permissions import Perm, require
from frontdesk.reception._db import _load, _VisitRow
from frontdesk.stages import stage_name
from frontdesk.validation import lookup_id


def save_draft(visit_id: int, data: dict[str, Any], *, actor) -> None:
    """Keep a half-filled registration form (JSON) so a crash loses nothing typed.

    Only while the form can still be saved: at REGISTRATION, or a deferred
    (red-flag) visit whose late registration is not done. A draft holds ID
    numbers and history, so it never outlives the visit's registration.
    """
    require(actor, Perm.RUN_VISIT)
    visit = _load(visit_id)
    if not _draft_allowed(visit):
        zh, en = stage_name(visit.stage).pair()
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不再保存登记草稿。",
            f"This visit is at {en}: its registration draft is no longer kept.",
            field="stage")
    payload = json.dumps(data, ensure_ascii=False, default=str)
    at = clock.now()
    VisitDraft.insert(visit=visit_id, data=payload, updated_at=at).on_conflict(
        conflict_target=[VisitDraft.visit],
        update={VisitDraft.data: payload, VisitDraft.updated_at: at},
    ).execute()


def _draft_allowed(visit: _VisitRow) -> bool:
    if visit.stage == stages.REGISTRATION:
        return True
    if visit.stage not in stages.LATE_STAGES:
        return False
    db = database_proxy.obj
    actions = {r[0] for r in db.execute_sql(
        f"SELECT action FROM visit_event WHERE visit_id = {db.param} AND action IN "
        f"({db.param}, {db.param})", [visit.id, stages.DEFERRED, stages.REGISTERED_LATE])}
    return actions == {stages.DEFERRED}


def load_draft(visit_id: int, *, actor) -> dict[str, Any] | None:
    """The saved half-filled form of the visit, or None."""
    require(actor, Perm.RUN_VISIT)
    visit_id = lookup_id(visit_id)  # nonsense reads as "no draft", not a driver error
    row = VisitDraft.get_or_none(VisitDraft.visit == visit_id)
    if row is None:
        return None
    audit.viewed(actor, "visit_draft", visit_id)
    try:
        return json.loads(row.data)
    except ValueError:
        return None  # a damaged draft is dropped, not shown as an error


def booked_form(visit_id: int, *, actor) -> dict[str, str] | None:
    """The name and phone a new patient's booking was made with, to start the registration
    form from (taken on the phone by the service desk, checked in at the door), or None:
    no booking, or the visit has its patient on file (the record fills the form then)."""
    require(actor, Perm.RUN_VISIT)
    db = database_proxy.obj
    p = db.param
    row = db.execute_sql(
        "SELECT a.patient_name, a.phone FROM visit v JOIN appointment a "
        f"ON a.id = v.appointment_id WHERE v.id = {p} AND v.patient_id IS NULL",
        [lookup_id(visit_id)]).fetchone()
    if row is None or not (row[0] or row[1]):
        return None
    audit.viewed(actor, "visit_booking", visit_id)
    return {"name": row[0] or "", "phone": row[1] or ""}


def drop_draft(visit_id: int, *, actor) -> None:
    """Forget the visit's draft (the desk cleared the form)."""
    require(actor, Perm.RUN_VISIT)
    VisitDraft.delete().where(VisitDraft.visit == lookup_id(visit_id)).execute()
