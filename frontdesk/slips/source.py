"""Slips filled in from the database, and the record of every slip printed.

:mod:`frontdesk.slips.model` holds plain data; this module reads a visit (with
its patient, department, doctor, fee and payment) and makes a GuideSlip or a
BillingSlip of it. Money comes from the visit's own fee snapshot when it has
one, so a later change of prices never changes a reprinted slip.

Every print (and every file export) is written to the audit log; the same log
is the visit's print history, from which the desk reprints.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from frontdesk import audit, settings, stages
from frontdesk.db.models import (
    AuditLog,
    Department,
    Payment,
    Staff,
    Visit,
    VisitEvent,
    database_proxy,
)
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import localized, text
from frontdesk.permissions import Perm, require
from frontdesk.slips.model import BillingSlip, FeeLine, GuideSlip, SlipFormat, SlipKind, Waiver

KINDS = tuple(SlipKind)
FORMATS = tuple(SlipFormat)

# Events that fix what a slip says: the guide slip's time is when the patient
# was sent on (department, then number and fee), the billing slip's when the
# billing handoff began.
_GUIDE_TIME_ACTIONS = (stages.TRIAGED, stages.REGISTERED, stages.DEFERRED, stages.PAID,
                       stages.WAIVED)
_BILLING_TIME_ACTIONS = (stages.REGISTERED, stages.REGISTERED_LATE)  # red flags register late


# ---------------------------------------------------------------- reading a visit


def _visit(visit_id: object) -> Visit:
    if isinstance(visit_id, bool) or not isinstance(visit_id, int) or visit_id <= 0:
        raise ValidationError(f"就诊编号无效：{visit_id!r:.40}",
                              f"Invalid visit id: {visit_id!r:.40}", field="visit_id")
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFound(f"找不到就诊记录（编号 {visit_id}）。", f"No visit with id {visit_id}.")
    return visit


def _department(visit: Visit, kind_zh: str, kind_en: str) -> Department:
    dept = visit.department
    if dept is None:
        raise ValidationError(
            f"就诊 {visit.id} 尚未分诊到科室：请先分诊，再打印{kind_zh}。",
            f"Visit {visit.id} has no department yet: triage first, then print the {kind_en}.",
            field="department",
        )
    return dept


def queue_number(dept: Department, queue_no: int | None) -> str:
    """"内-012" — the department's short name (as on the queue board) and the number."""
    if not queue_no:
        return ""
    return f"{dept.short_zh}-{queue_no:03d}"


def visit_number(visit: Visit) -> str:
    """"V20261123-0042": the visit's one visible number (frontdesk.reception.visit_numbers)."""
    from frontdesk.reception.visit_numbers import visit_number as number

    return number(visit.visit_date, visit.id)


def _event_time(visit: Visit, actions: tuple[str, ...]) -> dt.datetime | None:
    event = (VisitEvent.select(VisitEvent.at)
             .where((VisitEvent.visit == visit) & (VisitEvent.action.in_(actions)))
             .order_by(VisitEvent.at.desc(), VisitEvent.id.desc())
             .first())
    return event.at if event else None


def guide_slip_for(visit_id: int, *, actor, lang: str | None = None) -> GuideSlip:
    """导诊单 of a visit (it names the patient: Perm.VIEW_PATIENT). Raises NotFound for an
    unknown id, ValidationError when the visit has no department or queue number yet."""
    require(actor, Perm.VIEW_PATIENT)
    visit = _visit(visit_id)
    dept = _department(visit, "导诊单", "guide slip")
    number = queue_number(dept, visit.queue_no)
    if not number:
        raise ValidationError(
            f"就诊 {visit.id} 还没有排队号：请先完成登记，再打印导诊单。",
            f"Visit {visit.id} has no queue number yet: register it first, then print "
            f"the guide slip.",
            field="queue_number",
        )
    doctor = visit.doctor
    return GuideSlip(
        hospital=settings.hospital_name(),
        queue_number=number,
        department=localized(dept, "name", lang),
        room=dept.room,
        floor=dept.floor,
        directions=localized(dept, "directions", lang),
        doctor_name=doctor.name if doctor else "",
        doctor_title=localized(doctor, "title", lang) if doctor else "",
        time=_event_time(visit, _GUIDE_TIME_ACTIONS) or visit.created_at,
        patient_name=visit.patient.name if visit.patient else "",
        visit_id=visit.id,
        visit_no=visit_number(visit),
    )


def _snapshot(visit: Visit) -> dict[str, Any]:
    try:
        data = json.loads(visit.fee_snapshot or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _named(data: dict[str, Any], lang: str | None) -> str:
    zh = str(data.get("name_zh") or "")
    return text(zh, str(data.get("name_en") or zh), lang)


def _vip_waiver_label(vip_tier: str, lang: str | None) -> str:
    with settings.reading_rule("rules.fee_waivers"):
        for rule in settings.get("rules.fee_waivers") or []:
            if rule.get("vip_tier") == vip_tier:
                return _named(rule, lang)
    return ""


def _fees(visit: Visit, lang: str | None) -> tuple[list[FeeLine], Waiver | None]:
    """Fee lines and waiver: the visit's snapshot if it has one, else its doctor's fee class
    with the visit's own amount (older visits, and the demo hospital's, have no snapshot)."""
    snap = _snapshot(visit)
    payment = (Payment.select().where(Payment.visit == visit)
               .order_by(Payment.confirmed_at.desc(), Payment.id.desc()).first())
    if "amount_fen" in snap:
        label = _named(snap, lang) or text("挂号费", "Registration fee", lang)
        amount = int(snap["amount_fen"])
        waived = int(snap.get("waiver_fen") or 0)
        rule = snap.get("waiver") if isinstance(snap.get("waiver"), dict) else {}
        waiver_label = _named(rule, lang) if rule else ""
    else:
        fee_class = visit.doctor.fee_class if visit.doctor else None
        label = (localized(fee_class, "name", lang) if fee_class
                 else text("挂号费", "Registration fee", lang))
        charged = payment.amount_fen if payment is not None else visit.fee_fen
        amount = max(fee_class.amount_fen if fee_class else 0, charged)
        waived = amount - charged if (visit.fee_waived or (payment and payment.waived)) else 0
        waiver_label = ""
    if waived and not waiver_label:
        tier = visit.patient.vip_tier if visit.patient else ""
        waiver_label = (_vip_waiver_label(tier, lang) if tier else "") or (
            visit.waiver_reason or (payment.waiver_reason if payment else "")
            or text("减免", "Waived", lang))
    lines = [FeeLine(label, amount)]
    return lines, (Waiver(waiver_label, waived) if waived else None)


def billing_slip_for(visit_id: int, *, actor, lang: str | None = None) -> BillingSlip:
    """缴费单 of a visit (it names the patient: Perm.VIEW_PATIENT). Raises NotFound for an
    unknown id, ValidationError when the visit has no department or patient record yet."""
    require(actor, Perm.VIEW_PATIENT)
    visit = _visit(visit_id)
    dept = _department(visit, "缴费单", "billing slip")
    patient = visit.patient
    if patient is None or not patient.record_no:
        raise ValidationError(
            f"就诊 {visit.id} 还没有患者档案：请先登记患者，再打印缴费单。",
            f"Visit {visit.id} has no patient record yet: register the patient first, then "
            f"print the billing slip.",
            field="patient",
        )
    doctor = visit.doctor
    doctor_text = ""
    if doctor is not None:
        doctor_text = f"{doctor.name} {localized(doctor, 'title', lang)}".strip()
    lines, waiver = _fees(visit, lang)
    return BillingSlip(
        hospital=settings.hospital_name(),
        visit_no=visit_number(visit),
        record_no=patient.record_no,
        patient_name=patient.name,
        department=localized(dept, "name", lang),
        doctor=doctor_text,
        lines=tuple(lines),
        waiver=waiver,
        time=_event_time(visit, _BILLING_TIME_ACTIONS) or visit.created_at,
    )


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(
            f"未知的单据类型：{kind!r}（可选 guide 导诊单、billing 缴费单、ticket 取号小票）",
            f"Unknown slip kind: {kind!r} (choose guide, billing or ticket)", field="kind")
    return kind


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationError(
            f"未知的纸张格式：{fmt!r}（可选 {', '.join(FORMATS)}）",
            f"Unknown paper format: {fmt!r} (choose {', '.join(FORMATS)})", field="format")
    return fmt


def slip_for(visit_id: int, kind: str, *, actor,
             lang: str | None = None) -> GuideSlip | BillingSlip:
    """The guide or billing slip of a visit, by `kind`.

    A slip names the patient: `actor` needs Perm.VIEW_PATIENT (the command line
    passes permissions.SYSTEM).
    """
    if _check_kind(kind) == SlipKind.GUIDE:
        return guide_slip_for(visit_id, actor=actor, lang=lang)
    if kind == SlipKind.TICKET:
        return ticket_slip_for(visit_id, actor=actor)
    return billing_slip_for(visit_id, actor=actor, lang=lang)


def ticket_slip_for(visit_id: int, *, actor):
    """The door ticket of a visit: its number, when it was taken, how many wait before it."""
    from frontdesk.slips.ticket import DoorTicket

    require(actor, Perm.VIEW_PATIENT)
    visit = _visit(visit_id)
    ahead = Visit.select().where(
        (Visit.visit_date == visit.visit_date) & (Visit.stage == stages.GREETING)
        & (Visit.door_ticket_no < visit.door_ticket_no)).count() if visit.door_ticket_no else 0
    return DoorTicket(hospital=settings.hospital_name(), ticket=visit.door_ticket,
                      time=visit.created_at, waiting_ahead=ahead)


def default_format(kind: str) -> str:
    """The paper format set for `kind` (setting ``slips.<kind>.format``), checked."""
    fmt = settings.get(f"slips.{_check_kind(kind)}.format")
    return fmt if fmt in FORMATS else SlipFormat.ROLL80.value


def slip_pdf(slip: GuideSlip | BillingSlip, fmt: str, *,
                      lang: str | None = None) -> bytes:
    """PDF bytes of a slip made by :func:`slip_for`, in a checked format."""
    from frontdesk.slips import render_slip  # reportlab only when a slip is drawn

    return render_slip(slip, _check_format(fmt), lang=lang)


# ---------------------------------------------------------------- print history


@dataclass(frozen=True)
class PrintRecord:
    """One past print (or file export) of a visit's slip, from the audit log."""

    entry_id: int
    at: dt.datetime
    kind: str  # guide / billing
    fmt: str  # roll80 / a5 / a4
    printer: str  # printer name, or the file written for an export
    staff_name: str  # "" when the system (the command line) did it
    exported: bool = False  # True: written to a file, not printed

    def kind_name(self, lang: str | None = None) -> str:
        return text("导诊单", "Guide slip", lang) if self.kind == "guide" else text(
            "缴费单", "Billing slip", lang)


def record_print(visit_id: int, kind: str, *, actor, fmt: str, printer: str,
                 exported: bool = False) -> AuditLog:
    """Write one audit entry for a slip that was printed (or exported to a file).

    `actor` is the logged-in staff member, or permissions.SYSTEM (the command
    line). Call it only after the printer accepted the job: a failed or
    cancelled print records nothing.

    A slip of a registered patient is a patient access: the entry is the
    patient's ("patient", patient id — where the audit browser finds who saw a
    patient), with the visit in the detail. Before a record exists it is the
    visit's.
    """
    require(actor, Perm.VIEW_PATIENT)
    visit = _visit(visit_id)
    detail = {"kind": _check_kind(kind), "format": _check_format(fmt),
              "printer": str(printer or "")}
    action = "export" if exported else "print"
    with database_proxy.atomic():
        if visit.patient_id is None:
            return audit.record(actor, action, "visit", visit.id, detail)
        return audit.patient_access(actor, action, visit.patient_id,
                                    {"visit": visit.id, **detail})


def print_history(visit_id: int, *, actor) -> list[PrintRecord]:
    """Every print and export of the visit's slips, newest first (needs Perm.VIEW_PATIENT)."""
    require(actor, Perm.VIEW_PATIENT)
    visit = _visit(visit_id)
    mine = (AuditLog.entity == "visit") & (AuditLog.entity_id == str(visit.id))
    if visit.patient_id is not None:
        mine |= (AuditLog.entity == "patient") & (AuditLog.entity_id == str(visit.patient_id))
    rows = (AuditLog.select(AuditLog, Staff)
            .join(Staff, join_type=JOIN.LEFT_OUTER, on=(AuditLog.staff == Staff.id))
            .where(mine & (AuditLog.action.in_(("print", "export"))))
            .order_by(AuditLog.at.desc(), AuditLog.id.desc()))
    out = []
    for row in rows:
        try:
            detail = json.loads(row.detail or "{}")
        except ValueError:
            detail = {}
        if not isinstance(detail, dict) or detail.get("kind") not in KINDS:
            continue  # not a slip (another kind of print of the visit)
        if row.entity == "patient" and detail.get("visit") != visit.id:
            continue  # the same patient's slip of another visit
        staff = row.staff if row.staff_id is not None else None
        out.append(PrintRecord(
            entry_id=row.id, at=row.at, kind=detail["kind"],
            fmt=str(detail.get("format") or "roll80"), printer=str(detail.get("printer") or ""),
            staff_name=staff.display_name if staff else "", exported=row.action == "export",
        ))
    return out
