"""Registering at the desk links the caller's booking and consultation to the visit.

来院就诊达到率 depends on it: a first-time caller who booked by phone has no record
until the desk registers them, so the link can only be made then (by phone).
"""

from __future__ import annotations

from frontdesk import reception, stages
from frontdesk.db.models import Appointment, Consultation
from frontdesk.service import appointments, consultations
from tests.helpers.reception_flow import FIXED_NOW, doctor, form, make_env, walk


def test_a_phone_booking_arrives_when_the_caller_is_registered(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    doc = doctor("anorectal")
    asked = consultations.record(actor=env.desk, form=dict(
        channel="phone", name="新病人", phone="13911112222", outcome=consultations.WILL_COME))
    booked = appointments.book(actor=env.desk, department_id=doc.department_id, doctor_id=doc.id,
                               day=FIXED_NOW.date(), time="15:00", name="新病人",
                               phone="13911112222")
    someone_else = appointments.book(actor=env.desk, department_id=doc.department_id,
                                     doctor_id=doc.id, day=FIXED_NOW.date(), time="15:00",
                                     name="别人", phone="13933334444")

    v = walk(env, stages.BILLING, reg_form=form(name="新病人", phone="13911112222"))

    assert Appointment.get_by_id(booked.id).status == "arrived"
    assert Appointment.get_by_id(booked.id).patient_id == v.patient_id
    assert Appointment.get_by_id(someone_else.id).status == "booked"
    assert Consultation.get_by_id(asked.id).visit_id == v.id


def test_attaching_a_record_links_its_consultation(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    first = walk(env, stages.BILLING, reg_form=form(name="老病人", phone="13955556666"))
    asked = consultations.record(actor=env.desk, form=dict(
        channel="wechat", phone="13955556666", outcome=consultations.WILL_COME))
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=False)
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    v = reception.attach_patient(v.id, actor=env.desk, expected_version=v.version,
                                 patient_id=first.patient_id)
    assert Consultation.get_by_id(asked.id).visit_id == v.id


# Registration asks link_visit only when something could be linked (one read first):
# every case link_visit handles must still be linked.


def test_a_consultation_alone_is_linked_by_phone(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    asked = consultations.record(actor=env.desk, form=dict(
        channel="phone", name="只咨询", phone="13977778888", outcome=consultations.WILL_COME))
    v = walk(env, stages.BILLING, reg_form=form(name="只咨询", phone="13977778888"))
    assert Consultation.get_by_id(asked.id).visit_id == v.id


def test_a_returning_patients_no_show_of_the_day_arrives_by_record(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    first = walk(env, stages.BILLING, reg_form=form(name="老病人", phone="13955556666"))
    doc = doctor("anorectal")
    booked = appointments.book(actor=env.desk, department_id=doc.department_id, doctor_id=doc.id,
                               day=FIXED_NOW.date(), time="15:00", name="老病人",
                               phone="13900001111", patient_id=first.patient_id)
    Appointment.update(status="no_show").where(Appointment.id == booked.id).execute()
    v = walk(env, stages.BILLING, reg_form=form(name="老病人", phone="13955556666"),
             patient_id=first.patient_id)
    got = Appointment.get_by_id(booked.id)
    assert got.status == "arrived" and got.patient_id == v.patient_id


def test_nothing_to_link_asks_the_service_desk_nothing(rules_db, make_staff, clock,
                                                        monkeypatch):
    from frontdesk.service import conversion

    env = make_env(make_staff, clock)
    calls = []
    real = conversion.link_visit
    monkeypatch.setattr(conversion, "link_visit", lambda vid: calls.append(vid) or real(vid))
    walk(env, stages.BILLING, reg_form=form(name="无预约", phone="13922223333"))
    assert calls == []
    appointments.book(actor=env.desk, department_id=doctor("anorectal").department_id,
                      doctor_id=doctor("anorectal").id, day=FIXED_NOW.date(), time="16:00",
                      name="有预约", phone="13944445555")
    v = walk(env, stages.BILLING, reg_form=form(name="有预约", phone="13944445555"))
    assert calls == [v.id]
