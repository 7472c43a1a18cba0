"""Deferred billing of red-flag visits: treat first, register and bill later.

triage() sends a red-flag patient straight to ESCORT with the event
"deferred". Here the desk completes the registration afterwards
(complete_deferred, "registered_late"), confirms the fee
(confirm_deferred_payment, "paid_late" | "waived_late"). What is still owed
(deferred_billing) is a read and lives with the reads in views.py, so the
desk's first screen does not import these write paths. The stage never moves
in this module.
"""

from __future__ import annotations

from frontdesk import audit, clock, patients, stages
from frontdesk.changes import Changed, changes
from frontdesk.db.models import Payment, database_proxy
from frontdesk.db.transaction import write_tx
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.patient_form import FormInvalid, RegistrationForm
from frontdesk.permissions import Perm, require
from frontdesk.reception._db import (
    _check_version,
    _commit,
    _load,
    _settled,
    _VisitRow,
)
from frontdesk.reception.steps import _save_registration
from frontdesk.reception.views import (  # noqa: F401 - deferred_billing re-exported
    DEFERRED_LOOKBACK_DAYS,
    VisitView,
    _get_visit,
    deferred_billing,
)
from frontdesk.stages import stage_name


def _late_visit(visit_id: int, expected_version: int) -> tuple[_VisitRow, set[str]]:
    """Load a deferred visit for a late step: (row, its late actions so far); inside write_tx."""
    visit = _load(visit_id)
    _check_version(visit, expected_version)
    db = database_proxy.obj
    wanted = (stages.DEFERRED, stages.REGISTERED_LATE, stages.PAID_LATE, stages.WAIVED_LATE)
    marks = ",".join([db.param] * len(wanted))
    done = {r[0] for r in db.execute_sql(
        f"SELECT action FROM visit_event WHERE visit_id = {db.param} AND action IN ({marks})",
        [visit.id, *wanted])}
    if stages.DEFERRED not in done:
        raise ValidationError(
            "这次就诊没有“先救治后缴费”，请按正常流程登记和缴费。",
            "This visit's billing was not deferred: register and bill it the normal way.",
            field="stage")
    if visit.stage not in stages.LATE_STAGES:
        zh, en = stage_name(visit.stage).pair()
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不能补办登记或缴费。",
            f"This visit is at {en}: its deferred registration and billing cannot be "
            "completed.", field="stage")
    return visit, done


@changes(Changed.VISITS | Changed.PATIENTS)
@_settled()
def complete_deferred(visit_id: int, *, actor, expected_version: int, form: RegistrationForm,
                      patient_id: int | None = None) -> VisitView:
    """Register a red-flag patient after treatment began, and quote the fee ("registered_late").

    For a visit whose billing was deferred, at ESCORT or DONE. The stage does not
    move; the patient record is created (or the linked / given one updated, only
    changed fields), the visit's answers and media source stored and the fee
    quoted (fees.quote; VIP waived) as register() would. Once only: a second call
    is a ConflictError. Raises FormInvalid before anything is written.
    """
    require(actor, Perm.RUN_VISIT)
    errors = form.validate(clock.today())
    if errors:
        raise FormInvalid(errors)
    patients.load_search_keys()  # an import must not hold the write lock
    with write_tx():
        visit, done = _late_visit(visit_id, expected_version)
        if stages.REGISTERED_LATE in done:
            raise ConflictError("这位患者已经补办过登记。",
                                "This patient's deferred registration is already done.")
        pid = patient_id or visit.patient_id
        if pid is not None:
            patient = patients.get_patient(pid, actor=actor)
            while patient.merged_into_id is not None:  # follow a merge to the record kept
                patient = patients.get_patient(patient.merged_into_id, actor=actor)
            # A typed age is the age on the visit's day (registered late: often another day).
            patient = patients.update_patient(patient.id, actor=actor, form=form,
                                              day=visit.visit_date)
        else:
            patient = patients.create_patient(actor=actor, form=form, day=visit.visit_date)
        _save_registration(visit, actor=actor, expected_version=expected_version, form=form,
                           patient_id=patient.id, vip_tier=patient.vip_tier, stage=visit.stage,
                           action=stages.REGISTERED_LATE,
                           first_visit=visit.first_visit and pid is None)
    return _get_visit(visit_id)


@changes(Changed.VISITS)
@_settled()
def confirm_deferred_payment(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The deferred fee was paid ("paid_late") or waived ("waived_late"); stage unchanged.

    Needs complete_deferred first (the fee is quoted there). Writes the Payment
    row; a waiver is audited. A second confirmation is a ConflictError.
    """
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        visit, done = _late_visit(visit_id, expected_version)
        if done & {stages.PAID_LATE, stages.WAIVED_LATE}:
            raise ConflictError("这次就诊的费用已经确认过。",
                                "This visit's deferred fee was already confirmed.")
        if stages.REGISTERED_LATE not in done:
            raise ValidationError(
                "请先补办登记（建档并计算费用），再确认缴费。",
                "Complete the deferred registration first (record and fee), then confirm "
                "the payment.", field="stage")
        at = clock.now()
        action = stages.WAIVED_LATE if visit.fee_waived else stages.PAID_LATE
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=action, at=at)
        Payment.create(visit=visit.id, amount_fen=visit.fee_fen, waived=visit.fee_waived,
                       waiver_reason=visit.waiver_reason, confirmed_by=actor, confirmed_at=at)
        if visit.fee_waived:
            audit.record(actor, "waive", "visit", visit.id,
                         {"reason": visit.waiver_reason, "fee_snapshot": visit.fee_snapshot,
                          "deferred": True})
    return _get_visit(visit_id)
