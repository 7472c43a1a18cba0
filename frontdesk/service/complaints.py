"""Complaints (投诉): record, handle, approve compensation, revisit, close — with deadlines.

The rules (resources/rules/service.toml, seed 002 回访制度 and 000 第4篇):
- a major complaint (重大) is put right within 1 WORKING day, a general one (一般)
  within 3; the revisit (回访) follows within 1 week (major) / 2 weeks (general) of
  that; every complaint is closed within 6 (calendar) days of being received.
- compensation is approved by amount: under 1,000 yuan the department manager,
  1,000-5,000 inclusive the vice-president, over 5,000 the general manager.
Deadlines are computed when the complaint is received (handle, close) or handled
(revisit) from the rules in force then, which are kept on the record
(`rules_snapshot`): a later change of the rules never moves an old deadline.
Working days are Monday-Friday corrected by the admin's calendar (desk_rules).

Recording and revisiting: Perm.CONSULT (the desk). Handling, approving and
closing: Perm.SUPERVISE_COMPLAINTS. Each approval names the person and their role;
the role must be the one the amount needs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, fn

from frontdesk import audit, clock, validation
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    Complaint,
    ComplaintApproval,
    ComplaintRevisit,
    Department,
    Patient,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.i18n import Msg
from frontdesk.patient_form import FormInvalid
from frontdesk.permissions import Perm, require
from frontdesk.service import desk_rules
from frontdesk.validation import lookup_id

ENTITY = "complaint"
MAJOR, GENERAL = "major", "general"
SEVERITIES = (GENERAL, MAJOR)
SEVERITY_NAMES = {MAJOR: Msg("重大", "Major"), GENERAL: Msg("一般", "General")}
CHANNELS = ("desk", "phone", "online", "wechat", "letter", "other")
CHANNEL_NAMES = {
    "desk": Msg("现场", "In person"), "phone": Msg("电话", "Phone"),
    "online": Msg("网络", "Online"), "wechat": Msg("微信", "WeChat"),
    "letter": Msg("信件", "Letter"), "other": Msg("其他", "Other"),
}
OPEN, HANDLED, CLOSED = "open", "handled", "closed"
STATUS_NAMES = {OPEN: Msg("待处理", "Open"), HANDLED: Msg("已处理", "Handled"),
                CLOSED: Msg("已结案", "Closed")}
REVISIT_OUTCOMES = ("satisfied", "partly", "unsatisfied", "unreachable")
REVISIT_NAMES = {
    "satisfied": Msg("满意", "Satisfied"), "partly": Msg("基本满意", "Partly satisfied"),
    "unsatisfied": Msg("不满意", "Not satisfied"), "unreachable": Msg("未联系上", "Not reached"),
}
DESCRIPTION_MAX = 2000


@dataclass(frozen=True)
class Deadlines:
    handle_by: dt.date
    close_by: dt.date


def deadlines(received: dt.date, severity: str, rules: dict[str, Any],
              calendar: desk_rules.Calendar) -> Deadlines:
    c = rules["complaints"]
    days = c["major_handle_working_days"] if severity == MAJOR else c["general_handle_working_days"]
    return Deadlines(handle_by=calendar.add_working_days(received, days),
                     close_by=received + dt.timedelta(days=c["close_days"]))


def revisit_deadline(handled: dt.date, severity: str, rules: dict[str, Any]) -> dt.date:
    c = rules["complaints"]
    return handled + dt.timedelta(days=c["major_revisit_days"] if severity == MAJOR
                                  else c["general_revisit_days"])


@dataclass(frozen=True)
class ComplaintView:
    id: int
    received_at: dt.datetime
    channel: str
    severity: str
    name: str
    phone: str
    description: str
    department_id: int | None
    department_zh: str
    department_en: str
    staff_concerned: str
    status: str
    handle_by: dt.date
    revisit_by: dt.date | None
    close_by: dt.date
    resolution: str
    compensation_fen: int
    approver_role: str
    approved: bool
    revisits: int
    last_revisit: str
    closed_at: dt.datetime | None
    version: int
    overdue: tuple[str, ...]  # which deadlines have passed: handle / revisit / close


def overdue_parts(c: Complaint, day: dt.date, revisits: int) -> tuple[str, ...]:
    parts = []
    if c.status == OPEN and day > c.handle_by:
        parts.append("handle")
    if c.status != CLOSED and day > c.close_by:
        parts.append("close")
    if c.status != OPEN and c.revisit_by and not revisits and day > c.revisit_by:
        parts.append("revisit")
    return tuple(parts)


def _view(c: Complaint, day: dt.date) -> ComplaintView:
    dept = c.department if c.department_id else None
    visits = [v for v in c.revisits.order_by(ComplaintRevisit.at.desc(), ComplaintRevisit.id.desc())
              if v.outcome != "unreachable"]
    approved = (not c.approver_role or ComplaintApproval.select().where(
        ComplaintApproval.complaint == c.id, ComplaintApproval.amount_fen == c.compensation_fen,
        ComplaintApproval.role == c.approver_role).exists())
    return ComplaintView(
        c.id, c.received_at, c.channel, c.severity, c.name, c.phone, c.description,
        c.department_id, dept.name_zh if dept else "", dept.name_en if dept else "",
        c.staff_concerned, c.status, c.handle_by, c.revisit_by, c.close_by, c.resolution,
        c.compensation_fen, c.approver_role, approved, len(visits),
        visits[0].outcome if visits else "", c.closed_at, c.version,
        overdue_parts(c, day, len(visits)))


def _load(complaint_id) -> Complaint:
    c = Complaint.get_or_none(Complaint.id == lookup_id(complaint_id))
    if c is None:
        raise NotFound("找不到该投诉。", "That complaint was not found.")
    return c


def _bump(c: Complaint, expected_version: int, **fields) -> None:
    n = (Complaint.update(version=Complaint.version + 1, **fields)
         .where(Complaint.id == c.id, Complaint.version == lookup_id(expected_version))
         .execute())
    if n != 1:
        raise ConflictError("这条投诉刚被同事处理过，已重新读取。",
                            "A colleague has just worked on this complaint; it was read again.")


@changes(Changed.SERVICE)
def record(*, actor, description: str, severity: str, channel: str = "desk", name: str = "",
           phone: str = "", department_id: int | None = None, staff_concerned: str = "",
           patient_id: int | None = None, at: dt.datetime | None = None) -> ComplaintView:
    """Register a complaint; its handle and close deadlines are fixed now."""
    require(actor, Perm.CONSULT)
    at = (at or clock.now()).replace(microsecond=0)
    errors: dict[str, ValidationError] = {}

    def check(field, fn_, *args, **kw):
        try:
            return fn_(*args, **kw)
        except ValidationError as exc:
            exc.field = field
            errors.setdefault(field, exc)
            return None

    text = check("description", validation.clean_text, description, "description",
                 DESCRIPTION_MAX)
    if text is not None and not text:
        errors["description"] = ValidationError("请填写投诉内容。",
                                                "Describe what the complaint is about.",
                                                field="description")
    if severity not in SEVERITIES:
        errors["severity"] = ValidationError("请选择投诉级别（重大或一般）。",
                                             "Choose the severity (major or general).",
                                             field="severity")
    if channel not in CHANNELS:
        errors["channel"] = ValidationError("请选择投诉渠道。", "Choose the channel.",
                                            field="channel")
    if isinstance(name, str) and name.strip():
        name = check("name", validation.validate_name, name)
    else:
        name = ""
    if isinstance(phone, str) and phone.strip():
        phone = check("phone", validation.normalise_mobile, phone)
    else:
        phone = ""
    who = check("staff_concerned", validation.clean_text, staff_concerned, "staff_concerned", 40,
                single_line=True) or ""
    if department_id is not None and not Department.get_or_none(
            Department.id == lookup_id(department_id)):
        errors["department"] = ValidationError("请选择有效的科室。",
                                               "Choose a department from the list.",
                                               field="department")
    if patient_id is not None and not Patient.get_or_none(Patient.id == lookup_id(patient_id)):
        errors["patient"] = ValidationError("找不到该患者档案。",
                                            "That patient record was not found.", field="patient")
    if errors:
        raise FormInvalid(errors)
    rules = desk_rules.current()
    with write_tx():
        due = deadlines(at.date(), severity, rules, desk_rules.calendar())
        c = Complaint.create(
            received_at=at, channel=channel, severity=severity, name=name, phone=phone,
            patient=patient_id, description=text, department=department_id,
            staff_concerned=who, recorded_by=actor, handle_by=due.handle_by,
            close_by=due.close_by, rules_snapshot=json.dumps(rules), status=OPEN)
        audit.record(actor, "create", ENTITY, c.id, {"severity": severity, "channel": channel,
                                                     "handle_by": due.handle_by.isoformat()})
    return _view(c, at.date())


@changes(Changed.SERVICE)
def handle(*, actor, complaint_id: int, expected_version: int, resolution: str,
           compensation: str | float | int = 0) -> ComplaintView:
    """Record how it was put right (and any compensation, in yuan); the revisit is now due."""
    require(actor, Perm.SUPERVISE_COMPLAINTS)
    text = validation.clean_text(resolution, "resolution", DESCRIPTION_MAX)
    if not text:
        raise ValidationError("请填写处理结果。", "Describe how it was put right.",
                              field="resolution")
    fen = desk_rules.yuan_to_fen(compensation or 0)
    now = clock.now().replace(microsecond=0)
    with write_tx():
        c = _load(complaint_id)
        if c.status == CLOSED:
            raise ConflictError("这条投诉已经结案。", "This complaint is closed already.")
        rules = json.loads(c.rules_snapshot)
        role = desk_rules.approver_for(fen, rules)
        _bump(c, expected_version, status=HANDLED, handled_at=now, handled_by=actor.id,
              resolution=text, compensation_fen=fen, approver_role=role,
              revisit_by=revisit_deadline(now.date(), c.severity, rules))
        audit.record(actor, "update", ENTITY, c.id, {"status": HANDLED, "compensation_fen": fen,
                                                     "approver_role": role})
    return _view(_load(c.id), now.date())


@changes(Changed.SERVICE)
def approve(*, actor, complaint_id: int, role: str, approver_name: str) -> ComplaintView:
    """A named person approves the compensation; their role must be the one the amount needs."""
    require(actor, Perm.SUPERVISE_COMPLAINTS)
    name = validation.clean_label(approver_name, "approver_name", 40, "审批人姓名",
                                  "approver's name")
    with write_tx():
        c = _load(complaint_id)
        if not c.approver_role:
            raise ValidationError("这条投诉没有需要审批的赔偿金额。",
                                  "This complaint has no compensation to approve.",
                                  field="approver_role")
        if role != c.approver_role:
            need = desk_rules.APPROVER_NAMES[c.approver_role]
            amount = f"{c.compensation_fen / 100:,.2f}"
            raise ValidationError(
                f"赔偿 {amount} 元须由{need.zh}审批。",
                f"A compensation of {amount} yuan is approved by the {need.en.lower()}.",
                field="approver_role")
        ComplaintApproval.insert(complaint=c.id, amount_fen=c.compensation_fen, role=role,
                                 approver_name=name, recorded_by=actor,
                                 at=clock.now()).on_conflict_ignore().execute()
        audit.record(actor, "update", ENTITY, c.id, {"approved_by_role": role,
                                                     "amount_fen": c.compensation_fen})
    return _view(_load(c.id), clock.today())


@changes(Changed.SERVICE)
def revisit(*, actor, complaint_id: int, outcome: str, notes: str = "") -> ComplaintView:
    """The revisit call (回访记录) and what the complainant said of the remedy."""
    require(actor, Perm.CONSULT)
    if outcome not in REVISIT_OUTCOMES:
        raise ValidationError("请选择回访结果。", "Choose the outcome of the revisit.",
                              field="outcome")
    text = validation.clean_text(notes, "notes", 1000)
    with write_tx():
        c = _load(complaint_id)
        if c.status == OPEN:
            raise ValidationError("投诉处理之后才能回访。",
                                  "A complaint is revisited after it has been handled.",
                                  field="outcome")
        # "unreachable" is kept as an attempt; it does not count as the revisit (deadline stands)
        ComplaintRevisit.create(complaint=c.id, at=clock.now(), staff=actor, outcome=outcome,
                                notes=text)
        audit.record(actor, "update", ENTITY, c.id, {"revisit": outcome})
    return _view(_load(c.id), clock.today())


@changes(Changed.SERVICE)
def close(*, actor, complaint_id: int, expected_version: int) -> ComplaintView:
    require(actor, Perm.SUPERVISE_COMPLAINTS)
    with write_tx():
        c = _load(complaint_id)
        if c.status != HANDLED:
            raise ValidationError("投诉处理之后才能结案。", "Only a handled complaint is closed.",
                                  field="status")
        view = _view(c, clock.today())
        if not view.approved:
            need = desk_rules.APPROVER_NAMES[c.approver_role]
            raise ValidationError(f"赔偿须先由{need.zh}审批。",
                                  f"The compensation needs the {need.en.lower()}'s approval "
                                  "first.", field="approver_role")
        _bump(c, expected_version, status=CLOSED, closed_at=clock.now().replace(microsecond=0))
        audit.record(actor, "update", ENTITY, c.id, {"status": CLOSED})
    return _view(_load(c.id), clock.today())


def listing(*, actor, day: dt.date, include_closed: bool = False,
            since: dt.date | None = None) -> list[ComplaintView]:
    """Complaints (open and handled; with `include_closed` also closed ones received since).

    A closed complaint whose revisit is still owed stays listed: the rules close a complaint
    within days but allow the revisit weeks after the remedy (seed 002), and it is
    recorded from this list; it turns red like any other when the revisit is late.
    """
    require(actor, Perm.CONSULT)
    q = (Complaint.select(Complaint, Department)
         .join(Department, JOIN.LEFT_OUTER, on=(Complaint.department == Department.id))
         .order_by(Complaint.received_at.desc(), Complaint.id.desc()))
    shown = (Complaint.status != CLOSED) | (
        Complaint.revisit_by.is_null(False)
        & Complaint.id.not_in(ComplaintRevisit.select(ComplaintRevisit.complaint)
                              .where(ComplaintRevisit.outcome != "unreachable")))
    if include_closed:
        if since is not None:
            q = q.where(shown
                        | (Complaint.received_at >= dt.datetime.combine(since, dt.time())))
    else:
        q = q.where(shown)
    out = [_view(c, day) for c in q.limit(1000)]
    audit.viewed(actor, "complaint_list", day.isoformat())
    return out


def overdue(*, actor, day: dt.date) -> list[ComplaintView]:
    """Complaints past a deadline (handle, revisit or close) on `day`."""
    return [v for v in listing(actor=actor, day=day) if v.overdue]


def revisit_count(complaint_ids: list[int]) -> dict[int, int]:
    if not complaint_ids:
        return {}
    q = (ComplaintRevisit.select(ComplaintRevisit.complaint, fn.COUNT(ComplaintRevisit.id))
         .where(ComplaintRevisit.complaint.in_(complaint_ids),
                ComplaintRevisit.outcome != "unreachable")
         .group_by(ComplaintRevisit.complaint).tuples())
    return dict(q)
