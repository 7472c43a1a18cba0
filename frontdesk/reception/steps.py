"""The steps of a visit: new_arrival → take_at_desk → triage → register → confirm_payment
→ assign_escort / hand_to_doctor → back_at_post, or leave; plus attach_patient,
set_vip_card and fee_quote.

Each step is one domain call (keyword `actor` = the logged-in Staff row) that
checks the permission, then in ONE transaction moves the visit, bumps its
`version` and writes a VisitEvent (stage, from_stage, action, staff, at).
Steps take `expected_version`: when another desk advanced the visit first,
ConflictError says so and nothing is written. A move the flow does not allow
raises ValidationError naming both stages. See docs/reception_api.md.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from frontdesk import audit, clock, fees, leave_reasons, patients, stages, validation
from frontdesk.changes import Changed, changes
from frontdesk.db import prepared
from frontdesk.db.models import Appointment, Patient, Payment, Visit, database_proxy
from frontdesk.db.transaction import one_writer, write_tx
from frontdesk.errors import ConfigError, ConflictError, ValidationError
from frontdesk.patient_form import FormInvalid, RegistrationForm
from frontdesk.permissions import Perm, Role, require
from frontdesk.queue.numbers import numbered
from frontdesk.reception import tickets
from frontdesk.reception._db import (
    _LOAD_COLUMNS,
    _LOAD_WIDTH,
    _check_version,
    _commit,
    _conflict,
    _illegal,
    _insert_event,
    _load,
    _settled,
    _visit_row,
    _VisitRow,
    _write,
)
from frontdesk.reception.escorts import ESCORT_ASSIGNED, _check_escort_free, _checked_escort
from frontdesk.reception.views import (
    _ROW_SQL,
    VisitView,
    _event,
    _get_visit,
    _not_found,
    _one_sql,
    _view,
)
from frontdesk.stages import stage_name

# Action on a visit that does not move it: a patient record was linked.
PATIENT_ATTACHED = "patient_attached"

COMPLAINT_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 200


_SOURCES: dict[str, list[str]] = {}


def _sources(to_stage: str) -> list[str]:
    """The stages a visit may move to `to_stage` from (stages.TRANSITIONS, read once)."""
    found = _SOURCES.get(to_stage)
    if found is None:
        found = _SOURCES[to_stage] = [src for src, targets in stages.TRANSITIONS.items()
                                      if to_stage in targets]
    return found


def _move(visit_id: int, *, actor, expected_version: int, to_stage: str, action: str,
          **changes) -> VisitView:
    """A plain move: check version and transition, write the visit and its event."""
    with write_tx():
        _move_in_tx(visit_id, actor=actor, expected_version=expected_version,
                    to_stage=to_stage, action=action, **changes)
        return _get_visit(visit_id)  # before COMMIT: the state this step wrote


def _move_in_tx(visit_id: int, *, actor, expected_version: int, to_stage: str, action: str,
                **changes) -> None:
    """_move's writes, inside the caller's transaction."""
    sources = _sources(to_stage)
    if len(sources) == 1:
        # One legal source: the guarded update is the check, no read first.
        if _write(visit_id, sources[0], actor=actor, expected_version=expected_version,
                  stage=to_stage, action=action, only_from=sources[0], changes=changes):
            return
    visit = _load(visit_id)
    _check_version(visit, expected_version)
    if not stages.can_move(visit.stage, to_stage):
        raise _illegal(visit.stage, to_stage)
    _commit(visit, actor=actor, expected_version=expected_version, stage=to_stage,
            action=action, **changes)


def _require_stage(visit: Visit, allowed: tuple[str, ...], action_zh: str, action_en: str) -> None:
    if visit.stage not in allowed:
        zh, en = stage_name(visit.stage).pair()
        raise ValidationError(
            f"这次就诊在“{zh}”一步，不能{action_zh}。",
            f"This visit is at {en}; it cannot {action_en} now.",
            field="stage",
        )


@changes(Changed.VISITS)
def new_arrival(*, actor, booked: bool, first_visit: bool, note: str = "", sex: str = "",
                age_band: str = "", name: str = "", priority: str = "",
                appointment_id: int | None = None) -> VisitView:
    """The door guide greets a patient: a new visit at GREETING ("arrived").

    The visit gets the day's door ticket (A012, see tickets.py) and what the guide
    saw: sex, age band, a name or surname, a priority class. With `appointment_id`
    (a booking checked in at the door, tickets.find_booking) the booking is marked
    arrived in the same transaction and pre-fills the visit: its patient record,
    complaint, department and doctor.
    """
    require(actor, Perm.GREET)
    note = validation.clean_text(note, "note", NOTE_MAX_LENGTH)
    details = tickets.check_details(sex, age_band, name, priority)
    at = clock.now()
    with write_tx():
        fields: dict[str, Any] = {}
        if appointment_id is not None:
            appt = Appointment.get_or_none(
                Appointment.id == validation.lookup_id(appointment_id))
            tickets.claim_appointment(appt.id if appt else 0, at.date())
            booked = True
            fields = dict(appointment=appt.id, complaint=appt.complaint or "",
                          department=appt.department_id, doctor=appt.doctor_id)
            if appt.patient_id is not None:
                fields["patient"] = tickets.kept_record(appt.patient_id)
        # The row is inserted with its door ticket (one INSERT, prepared SQL: peewee's
        # Visit.create spent longer building the statement than SQLite running it).
        visit_id = tickets.insert_ticketed_visit(
            at.date(), visit_date=at.date(), stage=stages.GREETING, version=1,
            first_visit=bool(first_visit), has_appointment=bool(booked),
            door_sex=details.sex, door_age_band=details.age_band.value,
            door_name=details.name, priority=details.priority.value,
            created_at=at, updated_at=at, **fields)
        _insert_event(visit_id, "", stages.GREETING, stages.ARRIVED, at, actor, note)
        return _get_visit(visit_id)


@changes(Changed.VISITS)
@_settled()
def take_at_desk(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The desk takes over from the door guide (GREETING → TRIAGE, "at_desk")."""
    require(actor, Perm.RUN_VISIT)
    return _move(visit_id, actor=actor, expected_version=expected_version,
                 to_stage=stages.TRIAGE, action=stages.AT_DESK)


def _todays_appointment(patient: Patient, day: dt.date) -> Appointment | None:
    booked = Appointment.status == "booked"
    appt = (
        Appointment.select()
        .where((Appointment.patient == patient.id) & (Appointment.date == day) & booked)
        .order_by(Appointment.time, Appointment.id)
        .first()
    )
    if appt is None and patient.phone:
        # Booked by phone before a record existed: matched by the number.
        appt = (
            Appointment.select()
            .where((Appointment.patient.is_null()) & (Appointment.phone == patient.phone)
                   & (Appointment.date == day) & booked)
            .order_by(Appointment.time, Appointment.id)
            .first()
        )
    return appt


@changes(Changed.VISITS)
@_settled()
def attach_patient(visit_id: int, *, actor, expected_version: int, patient_id: int) -> VisitView:
    """Link the visit to an existing record (a returning patient found by lookup).

    Today's booked appointment, if any, pre-fills triage (complaint,
    department, doctor) and is marked arrived. The stage does not change; the
    event is "patient_attached".
    """
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        _require_stage(visit, (stages.TRIAGE, stages.REGISTRATION),
                       "关联患者档案", "be linked to a patient record")
        patient = patients.get_patient(patient_id, actor=actor)
        while patient.merged_into_id is not None:  # follow a merge to the record kept
            patient = patients.get_patient(patient.merged_into_id, actor=actor)
        changes: dict[str, Any] = {"patient": patient.id, "first_visit": False}
        appt = _todays_appointment(patient, visit.visit_date) if not visit.appointment_id else None
        note = ""
        if appt is not None:
            changes.update(appointment=appt.id, has_appointment=True)
            if visit.stage == stages.TRIAGE:
                if not visit.complaint:
                    changes["complaint"] = appt.complaint
                if not visit.department_id:
                    changes["department"] = appt.department_id
                if not visit.doctor_id and appt.doctor_id:
                    changes["doctor"] = appt.doctor_id
            Appointment.update(status="arrived", patient=patient.id).where(
                Appointment.id == appt.id).execute()
            note = f"appointment {appt.id}"
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=PATIENT_ATTACHED, note=note, **changes)
        _link_bookings(visit.id)
        return _get_visit(visit_id)


def _checked_complaint(complaint: str) -> str:
    value = validation.clean_text(complaint, "complaint", COMPLAINT_MAX_LENGTH)
    if not value:
        raise ValidationError("请填写主诉（哪里不舒服）。", "Please enter the complaint.",
                              field="complaint")
    return value


@dataclass(frozen=True)
class _Dept:
    """The department columns triage decides on (one prepared read, no model)."""

    id: int
    active: bool
    is_emergency: bool
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class _Doc:
    id: int
    active: bool
    department_id: int | None
    name: str


def _row(sql: str, params: list) -> tuple | None:
    return prepared.execute(sql.format(p=database_proxy.obj.param), params).fetchone()


def _checked_department(department_id: int | None) -> _Dept:
    row = (_row("SELECT id, active, is_emergency, name_zh, name_en FROM department "
                "WHERE id = {p}", [validation.lookup_id(department_id)])
           if department_id else None)
    dept = _Dept(row[0], bool(row[1]), bool(row[2]), row[3], row[4]) if row else None
    if dept is None or not dept.active:
        raise ValidationError("请选择科室。", "Please choose a department.", field="department_id")
    return dept


def _checked_doctor(doctor_id: int | None, dept: _Dept) -> _Doc | None:
    if doctor_id is None:
        return None
    row = _row("SELECT id, active, department_id, name FROM doctor WHERE id = {p}",
               [validation.lookup_id(doctor_id)])
    doc = _Doc(row[0], bool(row[1]), row[2], row[3]) if row else None
    if doc is None or not doc.active:
        raise ValidationError("请选择在职的医生。", "Choose an active doctor.", field="doctor_id")
    if doc.department_id != dept.id:
        raise ValidationError(
            f"{doc.name}医生不属于{dept.name_zh}。",
            f"Dr {doc.name} does not work in {dept.name_en}.", field="doctor_id")
    return doc


def _patient_for_triage(visit_id: int) -> dict[str, Any]:
    """The linked patient's sex and age on the visit day, for triage.suggest ({} if none)."""
    row = _row("SELECT p.sex, p.birth_date, v.visit_date FROM visit v "
               "JOIN patient p ON p.id = v.patient_id WHERE v.id = {p}", [visit_id])
    if row is None:
        return {}
    sex, birth, day = (v if not isinstance(v, str) or len(v) < 10 else dt.date.fromisoformat(v[:10])
                       for v in row)
    return {"sex": sex if sex in ("M", "F") else None,
            "age": patients.age_on(birth, day) if birth is not None else None}


@changes(Changed.VISITS)
@_settled()
def triage(visit_id: int, *, actor, expected_version: int, complaint: str, department_id: int,
           doctor_id: int | None = None) -> VisitView:
    """Record the complaint and the staff's choice of department (and doctor).

    A red-flag complaint must go to the emergency department and moves
    straight to ESCORT ("deferred": treat first, bill later); otherwise the
    visit moves to REGISTRATION ("triaged"). Either way the visit gets the
    department's next queue number for the day.
    """
    require(actor, Perm.RUN_VISIT)
    complaint = _checked_complaint(complaint)
    # The triage engine loads with the first triage (the desk's first screen does not need
    # it), and before the write transaction starts: no import while holding the lock.
    from frontdesk import triage as triage_rules  # `triage` is this step's name

    suggestion = triage_rules.suggest(complaint, **_patient_for_triage(visit_id))
    with write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        dept = _checked_department(department_id)
        doc = _checked_doctor(doctor_id, dept)
        if suggestion.red_flag and not dept.is_emergency:
            if triage_rules.emergency_department() is None:
                # Said plainly, not "choose Emergency" when no department can be chosen.
                raise ConfigError(
                    "没有启用的急诊科室，危急症状的患者无处可分。请立即联系管理员在"
                    "“规则”中启用急诊科室（勾选“急诊”）。",
                    "No active emergency department exists, so a red-flag patient cannot be "
                    "sent anywhere. Ask an administrator to switch on an emergency department "
                    "(tick “Emergency”) in the rules now.",
                    field="department_id")
            words = "、".join(suggestion.red_flag_words)
            raise ValidationError(
                f"主诉含危急症状（{words}），必须分到急诊，先救治后缴费。",
                f"The complaint has red-flag symptoms ({', '.join(suggestion.red_flag_words)}): "
                "send the patient to Emergency — treat first, bill later.",
                field="department_id")
        red = suggestion.red_flag
        to_stage, action = (stages.ESCORT, stages.DEFERRED) if red else (
            stages.REGISTRATION, stages.TRIAGED)
        if not stages.can_move(visit.stage, to_stage):
            raise _illegal(visit.stage, to_stage)
        reason = ("、".join(suggestion.red_flag_words) if red
                  else suggestion.reason_for(dept.id))
        def write(number: int) -> None:
            _commit(visit, actor=actor, expected_version=expected_version, stage=to_stage,
                    action=action, complaint=complaint, department=dept.id,
                    doctor=doc.id if doc else None, red_flag=red, triage_reason=reason,
                    queue_no=number)

        if visit.queue_no and visit.department_id == dept.id:
            write(visit.queue_no)
        else:
            # The department's next number, written by the visit's own UPDATE (retried
            # on a clash: queue.numbers).
            numbered(dept.id, visit.visit_date, write)
        view = _get_visit(visit_id)
    # The staff's choice teaches later suggestions (department ranking only, never red flags);
    # the rules are the ones suggest() checked before the transaction.
    triage_rules.remember_choice(complaint, dept.id, red_flag=red, checked=True,
                                 understood=suggestion.understood)
    return view


@changes(Changed.VISITS | Changed.PATIENTS)
@_settled()
def register(visit_id: int, *, actor, expected_version: int, form: RegistrationForm,
             patient_id: int | None = None) -> VisitView:
    """Save the registration form: create or update the patient, quote the fee → BILLING.

    Raises FormInvalid (with every field's error) before anything is written.
    """
    require(actor, Perm.RUN_VISIT)
    errors = form.validate(clock.today())
    if errors:
        raise FormInvalid(errors)
    patients.load_search_keys()  # an import must not hold the write lock
    with write_tx():
        # The visit and the record it is registered to (the one given, else the one
        # linked) in one statement.
        row = prepared.execute(_register_load_sql(), [
            validation.lookup_id(patient_id) if patient_id else None, visit_id]).fetchone()
        if row is None:
            raise _not_found(visit_id)
        visit = _visit_row(row[:_LOAD_WIDTH])
        fee = row[_LOAD_WIDTH:_LOAD_WIDTH + fees.FEE_WIDTH]
        _check_version(visit, expected_version)
        if not stages.can_move(visit.stage, stages.BILLING):
            raise _illegal(visit.stage, stages.BILLING)
        pid = patient_id or visit.patient_id
        returning = pid is not None
        # The permission is checked, the form validated and pypinyin loaded above: the
        # record's writes join this transaction without doing those again.
        # A typed age is the age on the visit's day, not today's: a night arrival
        # registered after midnight is aged as the visit list and banner show it.
        if returning:
            if row[-1] is None:
                raise patients._not_found(pid)
            patient_id, vip_tier = patients._update_for_visit(
                pid, actor, form, patients.stored_from(row[_LOAD_WIDTH + fees.FEE_WIDTH:-1]),
                visit.visit_date)
        else:
            patient = patients._create(actor, form, visit.visit_date)
            patient_id, vip_tier = patient.id, patient.vip_tier
        _save_registration(visit, actor=actor, expected_version=expected_version, form=form,
                           patient_id=patient_id, vip_tier=vip_tier, stage=stages.BILLING,
                           action=stages.REGISTERED,
                           first_visit=visit.first_visit and not returning, fee=fee,
                           link=False)
        return _linked_view(visit_id)


_REGISTER_LOAD: dict[str, str] = {}


def _register_load_sql() -> str:
    """What register reads before it writes, in one statement: _load's columns of the visit,
    the fee's (fees.FEE_COLUMNS), then the record's (patients.STORED_COLUMNS) and its id."""
    p = database_proxy.obj.param
    sql = _REGISTER_LOAD.get(p)
    if sql is None:
        visit = ", ".join(f"v.{c}" for c in _LOAD_COLUMNS.split(", "))
        record = ", ".join(f"r.{c}" for c in patients.STORED_COLUMNS)
        sql = _REGISTER_LOAD[p] = (
            f"SELECT {visit}, {fees.FEE_COLUMNS}, {record}, r.id FROM visit v "
            f"LEFT JOIN patient r ON r.id = COALESCE({p}, v.patient_id) {fees.FEE_JOIN} "
            f"WHERE v.id = {p}")
    return sql


def _fee_changes(doctor_id: int | None, vip_tier: str,
                 read: tuple | None = None) -> dict[str, Any]:
    """The visit's fee columns for a fresh quote (fees.quote; a VIP tier may waive it)."""
    total, snapshot, waived, reason = fees.registration_fee(doctor_id=doctor_id,
                                                            vip_tier=vip_tier, read=read)
    return dict(fee_fen=total, fee_snapshot=snapshot, fee_waived=waived, waiver_reason=reason)


def _save_registration(visit: _VisitRow, *, actor, expected_version: int,
                       form: RegistrationForm, patient_id: int, vip_tier: str, stage: str,
                       action: str, first_visit: bool, fee: tuple | None = None,
                       link: bool = True) -> None:
    """What register() and complete_deferred() both write, inside their transaction.

    The visit gets the patient, the form's answers and media source and the fee
    quote, with the event `action`; the registration draft is deleted. The day's
    booking and the caller's consultations are linked to the visit in the same
    transaction (service.conversion), so 来院就诊达到率 counts the arrival; with
    `link` False the caller links them (_linked_view, as it reads the view). `fee`: the
    fee's rows as the caller read them with the visit (fees.FEE_COLUMNS), else read here.
    """
    _commit(
        visit, actor=actor, expected_version=expected_version, stage=stage, action=action,
        patient=patient_id, first_visit=first_visit,
        illness_duration=form.illness_duration, disease_category=form.disease_category,
        intention=form.intention, concerns=form.concerns,
        health_question=form.health_question, price_comparison=form.price_comparison,
        habits=form.habits, media_source=form.media_source_id,
        **_fee_changes(visit.doctor_id, vip_tier, fee),
    )
    _drop_draft(visit.id)
    if link:
        _link_bookings(visit.id)


def _drop_draft(visit_id: int) -> None:
    prepared.execute(f"DELETE FROM visit_draft WHERE visit_id = {database_proxy.obj.param}",
                     [visit_id])


# Is there anything conversion.link_visit would link? A booking of the visit's day by the
# patient's record or phone, or a consultation without a visit by either in the window it
# links. One read; most arrivals have neither, and link_visit's four statements are spared.
_MAY_LINK_TEST = (
    "EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = v.patient_id "
    "AND a.date = v.visit_date) "
    "OR EXISTS (SELECT 1 FROM appointment a WHERE a.phone = p.phone AND a.date = v.visit_date) "
    "OR EXISTS (SELECT 1 FROM consultation c WHERE c.patient_id = v.patient_id "
    "AND c.visit_id IS NULL) "
    "OR EXISTS (SELECT 1 FROM consultation c WHERE c.phone = p.phone AND c.visit_id IS NULL)"
)
_MAY_LINK_SQL = (f"SELECT {_MAY_LINK_TEST} "
                 "FROM visit v JOIN patient p ON p.id = v.patient_id WHERE v.id = {p}")
# The view's row (views._ROW_SQL: the visit joined to its patient as p) with the test as
# its last column.
_VIEW_LINK_SQL = _ROW_SQL.replace(" FROM visit v ", f", ({_MAY_LINK_TEST}) FROM visit v ", 1)


_VIEW_LINK: dict[str, str] = {}


def _link_bookings(visit_id: int) -> None:
    """The caller's booking and consultations now belong to this visit (来院就诊达到率)."""
    row = _row(_MAY_LINK_SQL, [visit_id])
    if row is None or not row[0]:
        return  # no patient, or nothing of theirs to link: link_visit would change nothing
    _link(visit_id)


def _link(visit_id: int) -> None:
    from frontdesk.service import conversion  # the service desk: not needed at start-up

    conversion.link_visit(visit_id)


def _linked_view(visit_id: int) -> VisitView:
    """_link_bookings, then the view the step returns (_get_visit, inside the transaction).

    The visit's row carries the link test: when nothing is to link (most visits) that is
    one statement fewer; otherwise the bookings are linked and the view read again.
    """
    db = database_proxy.obj
    sql = _VIEW_LINK.get(db.param)
    if sql is None:  # formatted once: the text is long (hashing and formatting it per call)
        sql = _VIEW_LINK[db.param] = _VIEW_LINK_SQL.format(p=db.param)
    row = prepared.execute(sql, [visit_id]).fetchone()
    if row is None:
        raise _not_found(visit_id)
    if row[-1]:
        _link(visit_id)
        return _get_visit(visit_id)
    events_sql = _one_sql(db.param)[2]
    return _view(row[:-1], [_event(*e) for e in prepared.execute(events_sql, [visit_id])])


def fee_quote(visit_id: int, *, actor) -> fees.FeeQuote:
    """The fee as quoted at registration (from the stored snapshot), for the billing slip.

    Before registration there is no snapshot: the current rules are quoted.
    """
    require(actor, Perm.VIEW_PATIENT)
    visit = _load(visit_id)
    snap = json.loads(visit.fee_snapshot or "{}")
    if not snap.get("fee_class"):
        patient = Patient.get_or_none(Patient.id == visit.patient_id) if visit.patient_id else None
        return fees.quote(doctor_id=visit.doctor_id, vip_tier=patient.vip_tier if patient else "")
    return fees.quote_from_snapshot(snap)


VIP_CARD_SET = "vip_card_set"  # event: the patient's VIP card changed (fee re-quoted)


@changes(Changed.VISITS)
@_settled()
def set_vip_card(visit_id: int, *, actor, expected_version: int, tier: str) -> VisitView:
    """A supervisor or admin records the patient's VIP card at the desk (Perm.SET_VIP).

    At REGISTRATION (patient linked) the tier is stored and register() quotes
    with it; at BILLING the fee is quoted again at once, so a gold or diamond
    card waives it. Event "vip_card_set" (stage unchanged); the patient change
    is audited with the tier before and after.
    """
    require(actor, Perm.SET_VIP)
    with write_tx():
        visit = _load(visit_id)
        _check_version(visit, expected_version)
        _require_stage(visit, (stages.REGISTRATION, stages.BILLING),
                       "设置 VIP 卡", "have the patient's VIP card set")
        if visit.patient_id is None:
            raise ValidationError("请先关联或登记患者档案，再设置 VIP 卡。",
                                  "Link or register the patient's record first, then set the "
                                  "VIP card.", field="vip_tier")
        patient = patients.set_vip_tier(actor=actor, patient_id=visit.patient_id, tier=tier)
        changes = (_fee_changes(visit.doctor_id, patient.vip_tier)
                   if visit.stage == stages.BILLING else {})
        _commit(visit, actor=actor, expected_version=expected_version, stage=visit.stage,
                action=VIP_CARD_SET, note=patient.vip_tier, **changes)
        return _get_visit(visit_id)


@changes(Changed.VISITS)
@_settled()
def confirm_payment(visit_id: int, *, actor, expected_version: int) -> VisitView:
    """The cashier has been paid (or the fee was waived): BILLING → ESCORT, Payment written."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        at = clock.now()
        # The version and stage are the UPDATE's WHERE and the fee it returns is what the
        # payment records (one statement, no read first); a miss reads the visit to say why.
        db = database_proxy.obj
        rows = prepared.execute(_PAID_SQL.format(p=db.param), [
            stages.ESCORT, str(at), visit_id, expected_version, stages.BILLING]).fetchall()
        if not rows:
            visit = _load(visit_id)
            _check_version(visit, expected_version)
            raise _illegal(visit.stage, stages.ESCORT)
        fee_fen, fee_waived, waiver_reason, fee_snapshot = rows[0]
        fee_waived = bool(fee_waived)
        action = stages.WAIVED if fee_waived else stages.PAID
        _insert_event(visit_id, stages.BILLING, stages.ESCORT, action, at, actor)
        prepared.insert(Payment, visit=visit_id, amount_fen=fee_fen, waived=fee_waived,
                        waiver_reason=waiver_reason, confirmed_by=actor.id, confirmed_at=at)
        if fee_waived:
            audit.record(actor, "waive", "visit", visit_id,
                         {"reason": waiver_reason, "fee_snapshot": fee_snapshot})
        return _get_visit(visit_id)


# BILLING → ESCORT, version-checked, returning the fee the payment records (fetchall: the
# statement is finished before COMMIT).
_PAID_SQL = ("UPDATE visit SET stage = {p}, version = version + 1, updated_at = {p} "
             "WHERE id = {p} AND version = {p} AND stage = {p} "
             "RETURNING fee_fen, fee_waived, waiver_reason, fee_snapshot")


@changes(Changed.VISITS)  # the version moves and the escort is out: other desks must see it
@_settled()
def assign_escort(visit_id: int, *, actor, expected_version: int, escort_id: int) -> VisitView:
    """Name the escort while walking to the clinic (ESCORT stays; event "escort_assigned").

    An escort still out with another patient is refused (ValidationError, field "escort_id").
    """
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        try:
            escort = _checked_escort(escort_id)
            _check_escort_free(escort, visit_id)
        except ValidationError:
            _explain_escort_refusal(visit_id, expected_version)  # the visit's own first
            raise
        # The version and stage checks are the UPDATE's WHERE; the visit is read only to
        # say why it refused (not found, changed meanwhile, another stage).
        if not _write(visit_id, stages.ESCORT, actor=actor, expected_version=expected_version,
                      stage=stages.ESCORT, action=ESCORT_ASSIGNED, only_from=stages.ESCORT,
                      changes={"escort": escort.id}):
            raise _conflict(_explain_escort_refusal(visit_id, expected_version))
        return _get_visit(visit_id)


def _explain_escort_refusal(visit_id: int, expected_version: int) -> _VisitRow:
    """Raise what assign_escort says about the visit itself (not found, changed, stage)."""
    visit = _load(visit_id)
    _check_version(visit, expected_version)
    _require_stage(visit, (stages.ESCORT,), "指定陪诊人员", "have an escort assigned")
    return visit


@changes(Changed.VISITS | Changed.QUEUE)
@_settled()
def hand_to_doctor(visit_id: int, *, actor, expected_version: int, escort_id: int) -> VisitView:
    """The escort has introduced the patient to the doctor: ESCORT → DONE.

    The visit joins its clinic's queue in the same transaction (queue.clinic).
    An escort still out with another patient today (handed over, not back at
    post) is refused: ValidationError, field "escort_id", naming that visit.
    """
    require(actor, Perm.RUN_VISIT)
    escort = _checked_escort(escort_id)
    with write_tx():
        _check_escort_free(escort, visit_id)
        _move_in_tx(visit_id, actor=actor, expected_version=expected_version,
                    to_stage=stages.DONE, action=stages.HANDED_TO_DOCTOR, escort=escort.id)
        from frontdesk.queue import clinic  # the calling rules: not needed at start-up

        clinic.enqueue_in_tx(visit_id, actor=actor)
        return _get_visit(visit_id)  # the queue entry changes nothing the view shows


def _is_back(visit_id: int) -> bool:
    return _row("SELECT 1 FROM visit_event WHERE visit_id = {p} AND action = {p} LIMIT 1",
                [visit_id, stages.BACK_AT_POST]) is not None


# Back at post on a DONE visit that has none yet: the checks are the UPDATE's WHERE.
_BACK_SQL = ("UPDATE visit SET stage = {p}, version = version + 1, updated_at = {p} "
             "WHERE id = {p} AND stage = {p} AND NOT EXISTS (SELECT 1 FROM visit_event "
             "WHERE visit_id = {p} AND action = {p})")


def _record_back(visit_id: int, actor) -> bool:
    """One statement records back at post when the visit is DONE and not back yet.

    Only where one writer runs at a time (SQLite): on PostgreSQL the sub-select reads
    the statement's snapshot, so two desks could both pass it; there the visit is read
    and the version-checked UPDATE decides (back_at_post below).
    """
    if not one_writer():
        return False
    db = database_proxy.obj
    at = clock.now().replace(microsecond=0)
    cursor = prepared.execute(_BACK_SQL.format(p=db.param), [
        stages.DONE, str(at), visit_id, stages.DONE, visit_id, stages.BACK_AT_POST])
    if cursor.rowcount != 1:
        return False
    _insert_event(visit_id, stages.DONE, stages.DONE, stages.BACK_AT_POST, at, actor)
    return True


@changes(Changed.VISITS)
@_settled(lambda visit_id, actor: _is_back(visit_id))
def back_at_post(visit_id: int, *, actor) -> VisitView:
    """The escort is back at the post (event on a DONE visit), free for the next patient."""
    require(actor, Perm.RUN_VISIT)
    with write_tx():
        if not _record_back(visit_id, actor):
            # Refused (or PostgreSQL): read the visit, say why, or write it version-checked.
            visit = _load(visit_id)
            if visit.stage != stages.DONE:
                zh, en = stage_name(visit.stage).pair()
                raise ValidationError(
                    f"这次就诊在“{zh}”一步，尚未交给医生，不能记录“已返回岗位”。",
                    f"This visit is at {en}, not yet with the doctor: cannot record back at "
                    "post.", field="stage")
            if _is_back(visit.id):
                raise _already_back()
            try:
                _commit(visit, actor=actor, expected_version=visit.version, stage=stages.DONE,
                        action=stages.BACK_AT_POST)
            except ConflictError:
                # PostgreSQL: another desk recorded it while this one waited on the row;
                # say so, as SQLite's desks and a desk a minute late are told.
                if _is_back(visit.id):
                    raise _already_back() from None
                raise
        return _get_visit(visit_id)


def _already_back() -> ConflictError:
    return ConflictError("已经记录过“已返回岗位”。", "Back at post was already recorded.")


@changes(Changed.VISITS)
@_settled()
def leave(visit_id: int, *, actor, expected_version: int, reason: str,
          note: str = "") -> VisitView:
    """The patient left before seeing the doctor: any open stage → LEFT, with the reason.

    `reason` is a code of frontdesk.leave_reasons (or its label, or the desk's own
    words, stored as "other" with the text); `note` adds free text to a code.
    The reason is stored as a code, so reports and screens show it in their language.
    """
    require(actor, Perm.GREET if actor is not None and actor.role == Role.GUIDE else Perm.RUN_VISIT)
    reason = validation.clean_text(reason, "reason", REASON_MAX_LENGTH)
    note = validation.clean_text(note, "reason", REASON_MAX_LENGTH)
    if not reason:
        raise ValidationError("请填写患者离开的原因。", "Please give the reason the patient left.",
                              field="reason")
    stored = leave_reasons.encode(reason, note)
    with write_tx():
        _move_in_tx(visit_id, actor=actor, expected_version=expected_version,
                    to_stage=stages.LEFT, action=stages.LEFT_ACTION, left_reason=stored)
        # The draft may hold an ID number and history: it goes with the visit, atomically.
        _drop_draft(visit_id)
        return _get_visit(visit_id)
