"""The reception flow: every step, shortcut, conflict and bad input, asserting what is stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk import reception, stages
from frontdesk.db.models import (
    Appointment,
    AuditLog,
    Patient,
    PatientSearchKey,
    Payment,
    Visit,
    VisitDraft,
    VisitEvent,
)
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import (
    FIXED_NOW,
    dept,
    doctor,
    events,
    form,
    id_number,
    make_env,
    walk,
)

S = stages


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)



# --- The whole walk ---------------------------------------------------------------------


def test_first_visit_walk_in_from_door_to_back_at_post(env):
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True, note="带孩子")
    assert (v.stage, v.version, v.visit_date) == (S.GREETING, 1, FIXED_NOW.date())
    assert [q.id for q in reception.desk_queue(actor=viewer())] == [v.id]
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=1)
    assert reception.desk_queue(actor=viewer()) == []
    anorectal, doc = dept("anorectal"), doctor("anorectal")
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="便血一周，肛门疼痛", department_id=anorectal.id, doctor_id=doc.id)
    assert (v.stage, v.queue_label, v.triage_reason) == (S.REGISTRATION, "肛-001", "便血、肛门疼痛 → 肛门痛")
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="单田芳", sex="", age=None, phone="138-0013-8000",
                                     id_number=id_number(), address="朝阳区1号"))
    assert v.stage == S.BILLING and v.fee_fen == 5000 and not v.fee_waived  # expert: ¥50
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    assert v.stage == S.ESCORT
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide2.id)
    assert (v.stage, v.escort_name) == (S.DONE, "张丽娜")
    v = reception.back_at_post(v.id, actor=env.guide2)

    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version, stored.queue_no) == (S.DONE, 7, 1)
    assert stored.department_id == anorectal.id and stored.doctor_id == doc.id
    assert stored.escort_id == env.guide2.id and stored.fee_fen == 5000
    assert json.loads(stored.fee_snapshot)["fee_class"] == "expert"
    assert events(v.id) == [
        ("", S.GREETING, S.ARRIVED, env.guide.id),
        (S.GREETING, S.TRIAGE, S.AT_DESK, env.desk.id),
        (S.TRIAGE, S.REGISTRATION, S.TRIAGED, env.desk.id),
        (S.REGISTRATION, S.BILLING, S.REGISTERED, env.desk.id),
        (S.BILLING, S.ESCORT, S.PAID, env.desk.id),
        (S.ESCORT, S.DONE, S.HANDED_TO_DOCTOR, env.desk.id),
        (S.DONE, S.DONE, S.BACK_AT_POST, env.guide2.id),
    ]
    assert VisitEvent.get(VisitEvent.action == S.ARRIVED).note == "带孩子"
    p = Patient.get_by_id(stored.patient_id)
    # Sex and birth date come from the ID number; phone stored as 11 digits.
    assert (p.name, p.sex, p.birth_date, p.phone) == ("单田芳", "M", dt.date(1990, 3, 7),
                                                      "13800138000")
    assert {"shantianfang", "stf", "13800138000", "#00083100831"} <= {
        k.key for k in PatientSearchKey.select().where(PatientSearchKey.patient == p.id)}
    pay = Payment.get(Payment.visit == v.id)
    assert (pay.amount_fen, pay.waived, pay.confirmed_by_id) == (5000, False, env.desk.id)
    assert v.escort_back and not v.open and v.arrived_at == FIXED_NOW
    assert [e.staff_name for e in v.events][:2] == ["王悦", "李静"]


def test_returning_patient_with_appointment_prefills_triage(env):
    p = Patient.create(record_no="P00000042", name="李四", sex="F", phone="13912345678",
                       birth_date=dt.date(1970, 5, 1))
    derm, doc = dept("derm"), doctor("derm")
    appt = Appointment.create(patient=p, patient_name="李四", phone=p.phone, department=derm,
                              doctor=doc, date=FIXED_NOW.date(), time="10:30",
                              complaint="手上湿疹")
    Appointment.create(patient=p, patient_name="李四", phone=p.phone, department=derm,
                       date=FIXED_NOW.date() + dt.timedelta(days=1), complaint="复诊")
    v = walk(env, S.TRIAGE, booked=True, first_visit=False)
    v = reception.attach_patient(v.id, actor=env.desk, expected_version=v.version,
                                 patient_id=p.id)
    assert v.stage == S.TRIAGE and v.patient_name == "李四"
    assert (v.complaint, v.department_id, v.doctor_id) == ("手上湿疹", derm.id, doc.id)
    assert v.appointment_id == appt.id and v.has_appointment and not v.first_visit
    assert Appointment.get_by_id(appt.id).status == "arrived"
    assert events(v.id)[-1] == (S.TRIAGE, S.TRIAGE, reception.PATIENT_ATTACHED, env.desk.id)
    # The desk confirms the pre-filled choice; the existing record is updated, not duplicated.
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint=v.complaint, department_id=v.department_id,
                         doctor_id=v.doctor_id)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="李四", sex="F", phone="13912345678",
                                     birth_date=dt.date(1970, 5, 1), address="海淀区"))
    assert Patient.select().count() == 1
    assert Patient.get_by_id(p.id).address == "海淀区"
    assert Visit.get_by_id(v.id).patient_id == p.id and v.fee_fen == 3500  # associate


def test_appointment_booked_by_phone_without_record_is_found(env):
    p = Patient.create(record_no="P00000001", name="赵六", sex="M", phone="13700001111")
    appt = Appointment.create(patient_name="赵六", phone="13700001111", department=dept("ent"),
                              date=FIXED_NOW.date(), complaint="耳鸣")
    v = walk(env, S.TRIAGE)
    v = reception.attach_patient(v.id, actor=env.desk, expected_version=v.version,
                                 patient_id=p.id)
    assert v.appointment_id == appt.id and v.department_id == dept("ent").id
    assert Appointment.get_by_id(appt.id).patient_id == p.id


@pytest.mark.parametrize("tier", ["gold", "diamond"])
def test_vip_tier_waives_the_registration_fee(env, tier):
    p = Patient.create(record_no="P00000007", name="钱七", sex="M", phone="13600000000",
                       birth_date=dt.date(1960, 1, 1), vip_tier=tier)
    v = walk(env, S.BILLING, patient_id=p.id,
             reg_form=form(name="钱七", phone="13600000000", birth_date=dt.date(1960, 1, 1)))
    assert v.fee_waived and v.fee_fen == 0 and v.vip_tier == tier
    assert "免挂号费" in v.waiver_reason
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    assert events(v.id)[-1][2] == S.WAIVED
    pay = Payment.get(Payment.visit == v.id)
    assert (pay.amount_fen, pay.waived) == (0, True) and "免挂号费" in pay.waiver_reason
    snapshot = json.loads(Visit.get_by_id(v.id).fee_snapshot)
    assert snapshot["amount_fen"] == 5000 and snapshot["waiver_fen"] == 5000
    assert AuditLog.get(AuditLog.action == "waive").entity_id == str(v.id)


def test_red_flag_goes_to_emergency_and_escort_with_billing_deferred(env):
    v = walk(env, S.TRIAGE)
    with pytest.raises(ValidationError) as err:
        reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="胸痛半小时，出冷汗", department_id=dept("internal").id)
    assert err.value.field == "department_id" and "胸痛" in err.value.zh
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version, stored.queue_no) == (S.TRIAGE, v.version, None)
    er = dept("emergency")
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="胸痛半小时，出冷汗", department_id=er.id)
    assert v.stage == S.ESCORT and v.red_flag and v.billing_deferred
    assert v.queue_label == "急-001" and v.triage_reason == "胸痛"
    assert events(v.id)[-1][:3] == (S.TRIAGE, S.ESCORT, S.DEFERRED)
    assert Payment.select().count() == 0 and v.fee_fen == 0
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide.id)
    assert Visit.get_by_id(v.id).stage == S.DONE


def test_emergency_may_be_chosen_without_a_red_flag(env):
    v = walk(env, S.TRIAGE)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="手指割伤", department_id=dept("emergency").id)
    assert v.stage == S.REGISTRATION and not v.red_flag


# --- Illegal moves, conflicts, leaving -----------------------------------------------------


@pytest.mark.parametrize("stage", [S.GREETING, S.TRIAGE, S.REGISTRATION, S.BILLING, S.ESCORT])
def test_left_from_each_open_stage(env, stage):
    v = walk(env, stage)
    with pytest.raises(ValidationError) as err:
        reception.leave(v.id, actor=env.desk, expected_version=v.version, reason="   ")
    assert err.value.field == "reason"
    left = reception.leave(v.id, actor=env.desk, expected_version=v.version, reason="等候时间太长")
    stored = Visit.get_by_id(v.id)
    # Stored as the reason's code, shown as its label.
    assert (stored.stage, stored.left_reason, stored.version) == (S.LEFT, "waited_too_long",
                                                                  v.version + 1)
    assert left.left_reason == "等候时间太长"
    assert events(v.id)[-1] == (stage, S.LEFT, S.LEFT_ACTION, env.desk.id)
    assert left.id not in [o.id for o in reception.open_visits(actor=viewer())]


def test_leave_is_refused_once_closed(env):
    v = walk(env, S.DONE)
    with pytest.raises(ValidationError) as err:
        reception.leave(v.id, actor=env.desk, expected_version=v.version, reason="x")
    assert "已就诊" in err.value.zh and "已离开" in err.value.zh


def test_illegal_transitions_name_both_stages(env):
    v = walk(env, S.TRIAGE)
    with pytest.raises(ValidationError) as err:
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert err.value.zh == "不能从“分诊”转到“分诊”。"
    assert "from Triage to Triage" in err.value.en and err.value.field == "stage"
    with pytest.raises(ValidationError) as err:
        reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    assert "“分诊”" in err.value.zh and "“陪诊”" in err.value.zh
    with pytest.raises(ValidationError):
        reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide.id)
    with pytest.raises(ValidationError):
        reception.back_at_post(v.id, actor=env.guide)
    with pytest.raises(ValidationError):
        reception.register(v.id, actor=env.desk, expected_version=v.version, form=form())
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.TRIAGE, v.version)
    assert Patient.select().count() == 0  # the refused register wrote no patient


def test_back_at_post_twice_is_refused(env):
    v = walk(env, S.DONE)
    reception.back_at_post(v.id, actor=env.guide)
    with pytest.raises(ConflictError):
        reception.back_at_post(v.id, actor=env.guide)
    assert [e[2] for e in events(v.id)].count(S.BACK_AT_POST) == 1


def test_two_desks_advancing_the_same_visit_conflict(env):
    v = walk(env, S.GREETING)
    seen_by_a = seen_by_b = v.version
    reception.take_at_desk(v.id, actor=env.desk, expected_version=seen_by_a)
    with pytest.raises(ConflictError) as err:
        reception.take_at_desk(v.id, actor=env.desk2, expected_version=seen_by_b)
    assert "其他导医台" in err.value.zh and "Another desk" in err.value.en
    with pytest.raises(ConflictError):
        reception.leave(v.id, actor=env.desk2, expected_version=seen_by_b, reason="走了")
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.TRIAGE, 2)
    assert [e[3] for e in events(v.id)] == [env.guide.id, env.desk.id]


def test_stale_version_conflicts_even_if_the_move_would_be_legal(env):
    v = walk(env, S.REGISTRATION)
    reception.save_draft(v.id, {"name": "张"}, actor=viewer())
    assert Visit.get_by_id(v.id).version == v.version  # drafts do not bump the version
    Visit.update(version=Visit.version + 1).where(Visit.id == v.id).execute()
    with pytest.raises(ConflictError):
        reception.register(v.id, actor=env.desk, expected_version=v.version, form=form())
    assert Patient.select().count() == 0


def test_unknown_visit_is_not_found(env):
    with pytest.raises(NotFound):
        reception.take_at_desk(99999, actor=env.desk, expected_version=1)
    with pytest.raises(NotFound):
        reception.get_visit(99999, actor=viewer())


# --- Permissions ------------------------------------------------------------------------------


def test_guide_greets_admin_does_not_run_visits(env):
    v = reception.new_arrival(actor=env.guide, booked=True, first_visit=False)
    assert v.has_appointment and not v.first_visit
    with pytest.raises(PermissionDenied):
        reception.new_arrival(actor=env.admin, booked=False, first_visit=True)
    with pytest.raises(PermissionDenied):
        reception.take_at_desk(v.id, actor=env.admin, expected_version=v.version)
    with pytest.raises(PermissionDenied):
        reception.new_arrival(actor=None, booked=False, first_visit=True)
    env.desk.active = False
    with pytest.raises(PermissionDenied):
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert Visit.select().count() == 1 and Visit.get_by_id(v.id).stage == S.GREETING


def test_guide_may_record_a_patient_leaving_at_the_door(env):
    v = walk(env, S.GREETING)
    reception.leave(v.id, actor=env.guide, expected_version=v.version, reason="只是咨询")
    assert Visit.get_by_id(v.id).stage == S.LEFT


# --- Bad input -------------------------------------------------------------------------------


def test_huge_complaint_is_refused_at_the_field_and_nothing_is_stored(env):
    v = walk(env, S.TRIAGE)
    with pytest.raises(ValidationError) as err:
        reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="肚子疼" * 1667, department_id=dept("internal").id)
    assert err.value.field == "complaint" and "5001" in err.value.zh
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.complaint, stored.version) == (S.TRIAGE, "", v.version)
    with pytest.raises(ValidationError) as err:
        reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint="  ",
                         department_id=dept("internal").id)
    assert err.value.field == "complaint"


def test_emoji_and_sql_looking_text_are_stored_verbatim(env):
    nasty = "头痛😷'); DROP TABLE visit; -- \" OR 1=1"
    v = walk(env, S.TRIAGE)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint=nasty,
                         department_id=dept("internal").id)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(address="1号'; DELETE FROM patient;--",
                                     concerns="价格🤔 UNION SELECT * FROM staff"))
    assert Visit.get_by_id(v.id).complaint == nasty
    assert Visit.get_by_id(v.id).concerns == "价格🤔 UNION SELECT * FROM staff"
    assert Patient.get().address == "1号'; DELETE FROM patient;--"
    assert Visit.select().count() == 1 and Patient.select().count() == 1


def test_bad_registration_form_reports_every_field_and_stores_nothing(env):
    v = walk(env, S.REGISTRATION)
    bad = form(name="", phone="12345", age=150, sex="", address="x" * 201)
    with pytest.raises(reception.FormInvalid) as err:
        reception.register(v.id, actor=env.desk, expected_version=v.version, form=bad)
    assert set(err.value.errors) == {"name", "phone", "age", "sex", "address"}
    assert all(e.field == f for f, e in err.value.errors.items())
    assert Patient.select().count() == 0
    assert Visit.get_by_id(v.id).stage == S.REGISTRATION


@pytest.mark.parametrize("age", [0, 150, "abc", None])
def test_implausible_age_is_refused(rules_db, age):
    errors = form(age=age).validate(FIXED_NOW.date())
    assert errors["age"].field == "age"


def test_form_fills_sex_and_birth_from_the_id_and_catches_mismatches(rules_db):
    f = form(sex="", age=None, id_number=id_number("19851231", "022").lower())
    assert f.validate(FIXED_NOW.date()) == {}
    assert (f.sex, f.birth_date, f.age) == ("F", dt.date(1985, 12, 31), 40)
    f = form(sex="男", age=None, id_number=id_number("19851231", "022"))
    assert set(f.validate(FIXED_NOW.date())) == {"sex"}
    f = form(age=None, birth_date=dt.date(1985, 1, 1), sex="F",
             id_number=id_number("19851231", "022"))
    assert set(f.validate(FIXED_NOW.date())) == {"birth_date"}
    f = form(sex="", age=None, id_number="110105198512310220")  # wrong check digit
    assert set(f.validate(FIXED_NOW.date())) == {"id_number"}  # not also sex and age


def test_age_only_patient_gets_an_estimated_birth_date(env):
    v = walk(env, S.BILLING, reg_form=form(age=60))
    p = Patient.get_by_id(v.patient_id)
    assert p.birth_date == dt.date(1966, 11, 23) and p.birth_date_estimated
    assert v.age == 60


# --- Drafts, restart, lists ------------------------------------------------------------------


def test_drafts_survive_reopening_the_database(env, rules_db):
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    v = walk(env, S.REGISTRATION)
    data = {"name": "张三", "phone": "1380013", "concerns": "价格😀", "birth_date": dt.date(1990, 1, 2)}
    reception.save_draft(v.id, data, actor=viewer())
    reception.save_draft(v.id, {**data, "phone": "13800138000"}, actor=viewer())
    path = rules_db.database
    connection.close()
    open_database(f"sqlite:///{path}")
    assert reception.load_draft(v.id, actor=viewer()) == {**data, "phone": "13800138000",
                                          "birth_date": "1990-01-02"}
    assert [o.stage for o in reception.open_visits(actor=viewer())] == [S.REGISTRATION]
    restored = reception.RegistrationForm.from_dict(reception.load_draft(v.id, actor=viewer()))
    assert restored.birth_date == dt.date(1990, 1, 2) and restored.sex == ""
    reception.register(v.id, actor=env.desk, expected_version=v.version, form=form())
    assert reception.load_draft(v.id, actor=viewer()) is None and VisitDraft.select().count() == 0


def test_drop_draft_and_damaged_draft(env):
    v = walk(env, S.REGISTRATION)
    reception.save_draft(v.id, {"a": 1}, actor=viewer())
    reception.drop_draft(v.id, actor=viewer())
    assert reception.load_draft(v.id, actor=viewer()) is None
    VisitDraft.create(visit=v.id, data="{not json")
    assert reception.load_draft(v.id, actor=viewer()) is None


def test_open_visits_are_oldest_first_and_show_their_stage(env):
    a = walk(env, S.BILLING)
    b = walk(env, S.GREETING)
    c = walk(env, S.DONE)
    d = walk(env, S.TRIAGE)
    assert [(o.id, o.stage) for o in reception.open_visits(actor=viewer())] == [
        (a.id, S.BILLING), (b.id, S.GREETING), (d.id, S.TRIAGE)]
    assert reception.open_visits(FIXED_NOW.date() - dt.timedelta(days=1), actor=viewer()) == []
    assert c.id not in [o.id for o in reception.open_visits(actor=viewer())]


def test_free_escorts_until_back_at_post(env):
    everyone = {env.guide.id, env.guide2.id, env.desk.id, env.desk2.id}
    assert {s for s, _ in reception.free_escorts()} == everyone
    assert reception.free_escorts()[0][0] in (env.guide.id, env.guide2.id)  # guides first
    v = walk(env, S.ESCORT)
    v = reception.assign_escort(v.id, actor=env.desk, expected_version=v.version,
                                escort_id=env.guide2.id)
    assert env.guide2.id not in {s for s, _ in reception.free_escorts()}
    assert [o.id for o in reception.escorts_out(actor=viewer())] == [v.id]
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide2.id)
    assert env.guide2.id not in {s for s, _ in reception.free_escorts()}
    reception.back_at_post(v.id, actor=env.guide2)
    assert {s for s, _ in reception.free_escorts()} == everyone
    assert reception.escorts_out(actor=viewer()) == []


def test_escort_must_be_active_front_staff(env):
    v = walk(env, S.ESCORT)
    with pytest.raises(ValidationError) as err:
        reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.admin.id)
    assert err.value.field == "escort_id"


def test_doctor_must_belong_to_the_department(env):
    v = walk(env, S.TRIAGE)
    with pytest.raises(ValidationError) as err:
        reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint="牙疼",
                         department_id=dept("dental").id, doctor_id=doctor("internal").id)
    assert err.value.field == "doctor_id"
    with pytest.raises(ValidationError) as err:
        reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint="牙疼",
                         department_id=None)
    assert err.value.field == "department_id"


def test_english_messages(env):
    from frontdesk import i18n

    v = walk(env, S.GREETING)
    reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    i18n.set_language("en")
    with pytest.raises(ConflictError) as err:
        reception.take_at_desk(v.id, actor=env.desk2, expected_version=v.version)
    assert str(err.value).startswith("Another desk has just moved this visit on (it is now at Triage)")
    assert reception.get_visit(v.id, actor=viewer()).events[0].staff_name == "王悦"


def test_fee_quote_is_the_one_stored_at_registration(env):
    from frontdesk.db.models import FeeClass

    v = walk(env, S.TRIAGE)
    assert reception.fee_quote(v.id, actor=viewer()).total_fen == 1000  # no doctor yet: the ordinary fee
    v = walk(env, S.BILLING)
    FeeClass.update(amount_fen=9900).execute()  # prices change after registration
    q = reception.fee_quote(v.id, actor=viewer())
    assert (q.lines, q.total_fen, q.waived) == ([("专家号", 5000)], 5000, False)
    assert Visit.get_by_id(v.id).fee_fen == 5000


# --- Busy escorts ------------------------------------------------------------------------


def test_escort_out_with_another_patient_is_refused_until_back_at_post(env):
    first = walk(env, S.DONE)  # the guide (王悦) walked this patient and is not back
    second = walk(env, S.ESCORT, dept_code="internal", reg_form=form(name="李四"))
    with pytest.raises(ValidationError) as err:
        reception.hand_to_doctor(second.id, actor=env.desk, expected_version=second.version,
                                 escort_id=env.guide.id)
    assert err.value.field == "escort_id"
    assert "王悦" in err.value.zh and first.queue_label in err.value.zh
    assert "not back at the post" in err.value.en and "10:00" in err.value.en
    with pytest.raises(ValidationError):
        reception.assign_escort(second.id, actor=env.desk, expected_version=second.version,
                                escort_id=env.guide.id)
    stored = Visit.get_by_id(second.id)
    assert (stored.stage, stored.escort_id, stored.version) == (S.ESCORT, None, second.version)
    # Why the guide is missing from the picker.
    [busy] = reception.busy_escorts()
    assert (busy.staff_id, busy.visit_id, busy.queue_label) == (env.guide.id, first.id,
                                                                first.queue_label)
    assert busy.since == FIXED_NOW
    # Another escort is fine; once the guide is back, the guide is fine too.
    reception.back_at_post(first.id, actor=env.guide)
    assert reception.busy_escorts() == []
    v = reception.hand_to_doctor(second.id, actor=env.desk, expected_version=second.version,
                                 escort_id=env.guide.id)
    assert (v.stage, v.escort_id) == (S.DONE, env.guide.id)


def test_the_escort_assigned_to_this_visit_may_hand_it_over(env):
    v = walk(env, S.ESCORT)
    v = reception.assign_escort(v.id, actor=env.desk, expected_version=v.version,
                                escort_id=env.guide2.id)
    assert [b.staff_id for b in reception.busy_escorts()] == [env.guide2.id]
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide2.id)
    assert v.stage == S.DONE


def test_an_escort_left_out_yesterday_is_free_today(env, clock):
    walk(env, S.DONE)  # never came back (forgotten "back at post")
    clock.freeze(FIXED_NOW + dt.timedelta(days=1))
    v = walk(env, S.DONE)
    assert v.escort_id == env.guide.id


def test_the_escort_check_reads_every_visit_of_the_day_whatever_its_id(env):
    # The check reads the escort's visits from the day's first visit id on: a visit of
    # another day with a higher id (entered late) must not count, and today's must.
    first = walk(env, S.DONE)  # the guide is out with today's first visit
    day_before = FIXED_NOW - dt.timedelta(days=1)
    late = Visit.create(visit_date=day_before.date(), stage=S.DONE, escort=env.guide.id,
                        created_at=day_before, updated_at=day_before)
    assert late.id > first.id
    second = walk(env, S.ESCORT, dept_code="internal", reg_form=form(name="李四"))
    with pytest.raises(ValidationError) as err:
        reception.hand_to_doctor(second.id, actor=env.desk, expected_version=second.version,
                                 escort_id=env.guide.id)
    assert first.queue_label in err.value.zh
    reception.back_at_post(first.id, actor=env.guide)
    v = reception.assign_escort(second.id, actor=env.desk, expected_version=second.version,
                                escort_id=env.guide.id)
    assert v.escort_id == env.guide.id


# --- Returning patient: only what changed is written ----------------------------------------


def _update_audits(patient_id: int) -> list[dict]:
    rows = AuditLog.select().where((AuditLog.action == "update") & (AuditLog.entity == "patient")
                                   & (AuditLog.entity_id == str(patient_id)))
    return [json.loads(a.detail) for a in rows.order_by(AuditLog.id)]


def test_registering_a_reviewed_record_writes_only_the_changed_fields(env):
    from frontdesk import patients

    first = walk(env, S.BILLING, reg_form=form(name="欧阳娜娜", sex="F", age=None,
                                               id_number=id_number("19880412", "124"),
                                               address="朝阳区1号", medical_history="青霉素过敏"))
    pid = first.patient_id
    before = Patient.get_by_id(pid)
    reviewed = patients.form_for(pid, actor=env.desk)
    v = walk(env, S.REGISTRATION, patient_id=pid, first_visit=False)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version, form=reviewed,
                           patient_id=pid)
    assert v.stage == S.BILLING and _update_audits(pid) == []  # unchanged: nothing written
    reviewed = patients.form_for(pid, actor=env.desk)
    reviewed.address = "海淀区2号"
    v = walk(env, S.REGISTRATION, patient_id=pid, first_visit=False)
    reception.register(v.id, actor=env.desk, expected_version=v.version, form=reviewed,
                       patient_id=pid)
    after = Patient.get_by_id(pid)
    assert after.address == "海淀区2号"
    for name in ("name", "sex", "birth_date", "phone", "id_number", "medical_history",
                 "record_no", "vip_tier"):
        assert getattr(after, name) == getattr(before, name), name
    assert _update_audits(pid) == [{"fields": ["address"]}]


# --- Red flag: treat first, register and bill later --------------------------------------------


def _red_flag(env, **kw) -> reception.VisitView:
    v = walk(env, S.TRIAGE, **kw)
    return reception.triage(v.id, actor=env.desk, expected_version=v.version,
                            complaint="胸痛半小时", department_id=dept("emergency").id)


def test_deferred_visit_is_registered_and_billed_after_the_doctor(env):
    v = _red_flag(env)
    assert v.billing_open and not v.registered_late
    assert [d.id for d in reception.deferred_billing(actor=viewer())] == [v.id]
    with pytest.raises(ValidationError) as err:  # nothing to pay before the fee is quoted
        reception.confirm_deferred_payment(v.id, actor=env.desk, expected_version=v.version)
    assert err.value.field == "stage"
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide.id)
    v = reception.complete_deferred(v.id, actor=env.desk, expected_version=v.version,
                                    form=form(name="赵六", phone="13700001234"))
    assert (v.stage, v.patient_name, v.registered_late, v.billing_open) == (
        S.DONE, "赵六", True, True)
    assert v.fee_fen == 1000 and not v.fee_waived  # no doctor named: the ordinary fee
    assert reception.fee_quote(v.id, actor=viewer()).total_fen == 1000
    assert [d.id for d in reception.deferred_billing(actor=viewer())] == [v.id]  # still unpaid
    v = reception.confirm_deferred_payment(v.id, actor=env.desk2, expected_version=v.version)
    assert v.stage == S.DONE and not v.billing_open
    assert reception.deferred_billing(actor=viewer()) == []
    pay = Payment.get(Payment.visit == v.id)
    assert (pay.amount_fen, pay.waived, pay.confirmed_by_id) == (1000, False, env.desk2.id)
    stored = Visit.get_by_id(v.id)
    assert stored.patient.name == "赵六" and stored.stage == S.DONE
    assert json.loads(stored.fee_snapshot)["fee_class"] == "general"
    assert events(v.id)[2:] == [
        (S.TRIAGE, S.ESCORT, S.DEFERRED, env.desk.id),
        (S.ESCORT, S.DONE, S.HANDED_TO_DOCTOR, env.desk.id),
        (S.DONE, S.DONE, S.REGISTERED_LATE, env.desk.id),
        (S.DONE, S.DONE, S.PAID_LATE, env.desk2.id),
    ]
    # The escort is still out: catching up the billing does not touch that.
    assert reception.escorts_out(actor=viewer())[0].id == v.id
    with pytest.raises(ConflictError):
        reception.confirm_deferred_payment(v.id, actor=env.desk, expected_version=v.version)
    with pytest.raises(ConflictError):
        reception.complete_deferred(v.id, actor=env.desk, expected_version=v.version,
                                    form=form(name="赵六", phone="13700001234"))


def test_deferred_vip_is_waived_late_and_audited(env):
    p = reception.register(walk(env, S.REGISTRATION).id, actor=env.desk, expected_version=3,
                           form=form(name="钱多多", phone="13900009999"))
    Patient.update(vip_tier="gold").where(Patient.id == p.patient_id).execute()
    v = _red_flag(env, patient_id=p.patient_id, first_visit=False)
    assert v.patient_id == p.patient_id  # linked at triage, before the red flag
    v = reception.complete_deferred(v.id, actor=env.desk, expected_version=v.version,
                                    form=form(name="钱多多", phone="13900009999"))
    assert v.stage == S.ESCORT and v.fee_waived and v.fee_fen == 0
    v = reception.confirm_deferred_payment(v.id, actor=env.desk, expected_version=v.version)
    assert events(v.id)[-1][2] == S.WAIVED_LATE and v.stage == S.ESCORT
    assert Payment.get(Payment.visit == v.id).waived
    waive = AuditLog.get((AuditLog.action == "waive") & (AuditLog.entity_id == str(v.id)))
    assert json.loads(waive.detail)["deferred"] is True
    # Still at ESCORT: the normal hand-over continues from there.
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide2.id)
    assert v.stage == S.DONE


def test_late_steps_are_only_for_deferred_visits_at_escort_or_done(env):
    normal = walk(env, S.ESCORT)
    with pytest.raises(ValidationError) as err:
        reception.complete_deferred(normal.id, actor=env.desk, expected_version=normal.version,
                                    form=form())
    assert err.value.field == "stage"
    red = _red_flag(env)
    red = reception.leave(red.id, actor=env.desk, expected_version=red.version,
                          reason="转院")
    with pytest.raises(ValidationError):
        reception.complete_deferred(red.id, actor=env.desk, expected_version=red.version,
                                    form=form())
    assert reception.deferred_billing(actor=viewer()) == []  # left: nothing is owed
    red = _red_flag(env)
    with pytest.raises(reception.FormInvalid) as bad:
        reception.complete_deferred(red.id, actor=env.desk, expected_version=red.version,
                                    form=form(phone="123"))
    assert "phone" in bad.value.errors
    with pytest.raises(ConflictError):
        reception.complete_deferred(red.id, actor=env.desk, expected_version=red.version - 1,
                                    form=form())
    with pytest.raises(PermissionDenied):
        reception.complete_deferred(red.id, actor=env.admin, expected_version=red.version,
                                    form=form())
    assert Visit.get_by_id(red.id).patient_id is None and Visit.get_by_id(red.id).version == \
        red.version


def test_deferred_billing_list_reaches_back_and_stops_at_the_window(env, clock):
    old = _red_flag(env)
    clock.freeze(FIXED_NOW + dt.timedelta(days=10))
    assert [d.id for d in reception.deferred_billing(actor=viewer())] == [old.id]  # days later: still there
    assert reception.deferred_billing(days=5, actor=viewer()) == []
