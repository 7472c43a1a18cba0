"""Appointments: slots from the schedule, capacity, two desks for the last place, change,
cancel, no-show feeding the follow-up calls, and arrival counting (conversion)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from frontdesk import stages
from frontdesk.db.models import (
    Appointment,
    AppointmentSlot,
    Consultation,
    Department,
    Doctor,
    DoctorSchedule,
    FollowUp,
    Patient,
    Visit,
    database_proxy,
)
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.patient_form import FormInvalid
from frontdesk.reports import queries
from frontdesk.service import appointments as ap
from frontdesk.service import consultations as cs
from frontdesk.service import conversion, followups

MONDAY = dt.date(2026, 11, 23)  # the tests' today (10:00)
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def desk(rules_db, make_staff):
    return make_staff("desk", name="李静")


def liang():
    return Doctor.get(Doctor.name == "梁振华")  # anorectal, Mon-Sat 08:00-18:00


def book(desk, day=TUESDAY, time="09:00", name="王芳", phone="13800138000", **kw):
    d = liang()
    return ap.book(actor=desk, department_id=d.department_id, doctor_id=d.id, day=day, time=time,
                   name=name, phone=phone, **kw)


def test_slots_come_from_the_schedule_with_capacity(desk):
    slots = ap.slots(liang().id, TUESDAY)
    assert slots[0].time == "08:00" and slots[-1].time == "17:30" and len(slots) == 20
    assert all(s.capacity == 4 and s.free == 4 for s in slots)
    # Today: only the slots still ahead (it is 10:00).
    assert ap.slots(liang().id, MONDAY)[0].time == "10:30"
    assert ap.slots(liang().id, MONDAY + dt.timedelta(days=6)) == []  # Sunday: not working


def test_a_booking_has_a_short_unique_code_and_takes_a_place(desk):
    a = book(desk)
    assert len(a.code) == 6 and set(a.code) <= set(ap.CODE_ALPHABET)
    assert ap.find(actor=desk, code=a.code.lower()).id == a.id
    assert {s.time: s.booked for s in ap.slots(liang().id, TUESDAY)}["09:00"] == 1
    stored = Appointment.get_by_id(a.id)
    assert (stored.patient_name, stored.phone, stored.booked_by_id, stored.status) == (
        "王芳", "13800138000", desk.id, "booked")


@pytest.mark.parametrize(("kw", "field"), [
    (dict(day=MONDAY - dt.timedelta(days=1)), "date"),
    (dict(day=MONDAY, time="08:00"), "time"),
    (dict(time="08:10"), "time"),
    (dict(time="19:00"), "time"),
    (dict(day=MONDAY + dt.timedelta(days=6)), "date"),
    (dict(day=MONDAY + dt.timedelta(days=400)), "date"),
])
def test_bad_dates_and_times_are_refused_at_the_field(desk, kw, field):
    with pytest.raises(ValidationError) as err:
        book(desk, **kw)
    assert err.value.field == field
    assert Appointment.select().count() == 0 and AppointmentSlot.select().count() == 0


def test_bad_phone_and_name_are_named_and_nothing_saved(desk):
    with pytest.raises(FormInvalid) as err:
        book(desk, phone="1380013800", name="")
    assert set(err.value.errors) == {"phone", "name"}
    assert Appointment.select().count() == 0


def test_a_full_slot_is_refused(desk):
    DoctorSchedule.update(capacity=2).where(DoctorSchedule.doctor == liang().id).execute()
    book(desk, phone="13800000001")
    book(desk, phone="13800000002")
    with pytest.raises(ValidationError) as err:
        book(desk, phone="13800000003")
    assert err.value.field == "time"
    assert Appointment.select().count() == 2


def test_two_desks_booking_the_last_place_in_the_same_millisecond(desk, make_staff):
    """Threads with their own connections, released together: exactly one gets the place."""
    DoctorSchedule.update(capacity=1).where(DoctorSchedule.doctor == liang().id).execute()
    desks = 6
    barrier = threading.Barrier(desks)
    results: list[str] = []
    lock = threading.Lock()

    def one(i):
        try:
            barrier.wait(10)
            book(desk, phone=f"1380000{i:04d}")
            outcome = "ok"
        except ValidationError as exc:
            outcome = f"full:{exc.field}"
        except BaseException as exc:  # noqa: BLE001 - the test asserts on it
            outcome = f"error:{exc!r}"
        finally:
            database_proxy.obj.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results) == ["full:time"] * (desks - 1) + ["ok"]
    assert Appointment.select().count() == 1
    assert AppointmentSlot.get().booked == 1


def test_change_moves_the_place_and_cancel_gives_it_back(desk):
    a = book(desk)
    moved = ap.change(actor=desk, appointment_id=a.id, expected_version=a.version,
                      day=TUESDAY, time="14:00")
    taken = {s.time: s.booked for s in ap.slots(liang().id, TUESDAY)}
    assert (taken["09:00"], taken["14:00"], moved.version) == (0, 1, 2)
    with pytest.raises(ConflictError):  # a stale screen
        ap.cancel(actor=desk, appointment_id=a.id, expected_version=a.version)
    gone = ap.cancel(actor=desk, appointment_id=a.id, expected_version=moved.version,
                     reason="改天")
    assert gone.status == "cancelled"
    assert {s.time: s.booked for s in ap.slots(liang().id, TUESDAY)}["14:00"] == 0


def test_booking_from_a_consultation_links_it(desk):
    c = cs.record(actor=desk, form=dict(channel="phone", name="赵敏", phone="13700137000",
                                        outcome=cs.WILL_COME))
    a = book(desk, name="", phone="", consultation_id=c.id)
    assert (a.name, a.phone) == ("赵敏", "13700137000")
    stored = Consultation.get_by_id(c.id)
    assert (stored.appointment_id, stored.outcome) == (a.id, "booked")


_seq = iter(range(1, 10_000))


def came(day, phone, name="某人", patient=None, stage=stages.DONE):
    n = next(_seq)
    dept = Department.get(Department.code == "anorectal")
    patient = patient or Patient.create(record_no=f"N{n}", name=name, sex="F", phone=phone)
    return Visit.create(visit_date=day, stage=stage, department=dept, queue_no=n,
                        patient=patient)


def test_no_shows_of_the_day_appear_in_the_follow_up_calls(desk):
    came_one = book(desk, phone="13800000001", name="来了")
    gone = book(desk, phone="13800000002", name="没来")
    came(TUESDAY, "13800000001")  # new patient, registered with the booking's phone
    day_after = TUESDAY + dt.timedelta(days=1)
    calls = followups.due_calls(actor=desk, day=day_after)
    no_shows = [c for c in calls if c.no_show_date]
    assert [(c.patient_name, c.phone, c.no_show_date) for c in no_shows] == [
        ("没来", "13800000002", TUESDAY)]
    assert no_shows[0].patient_id is None and no_shows[0].department_zh
    assert Appointment.get_by_id(gone.id).status == "no_show"
    assert Appointment.get_by_id(came_one.id).status == "arrived"
    # Listing again (another desk) makes no second call.
    followups.due_calls(actor=desk, day=day_after)
    assert FollowUp.select().where(FollowUp.appointment.is_null(False)).count() == 1
    followups.record_call(actor=desk, followup_id=no_shows[0].followup_id, outcome="done")
    assert not [c for c in followups.due_calls(actor=desk, day=day_after) if c.no_show_date]


def test_marking_a_no_show_now_puts_the_call_on_todays_list(desk, clock):
    a = book(desk)
    with pytest.raises(ValidationError):
        ap.mark_no_show(actor=desk, appointment_id=a.id, expected_version=a.version)
    clock.set(dt.datetime(2026, 11, 24, 17, 0))
    ap.mark_no_show(actor=desk, appointment_id=a.id, expected_version=a.version)
    calls = followups.due_calls(actor=desk, day=TUESDAY)
    assert [c.no_show_date for c in calls] == [TUESDAY]


def test_follow_up_closes_after_the_rules_number_of_failed_attempts(desk):
    a = book(desk)
    ap.change  # noqa: B018 - the booking only makes a call
    Appointment.update(status="no_show").where(Appointment.id == a.id).execute()
    ap._no_show_followup(Appointment.get_by_id(a.id), MONDAY)
    assert followups.max_attempts() == 3
    [call] = followups.due_calls(actor=desk, day=MONDAY)
    for attempt in (1, 2):
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome="unreachable",
                              retry_on=MONDAY + dt.timedelta(days=attempt))
        assert FollowUp.get_by_id(call.followup_id).status == "open"
    followups.record_call(actor=desk, followup_id=call.followup_id, outcome="unreachable",
                          retry_on=MONDAY + dt.timedelta(days=3))
    assert FollowUp.get_by_id(call.followup_id).status == "unreachable"


def test_a_day_with_four_bookings_and_two_arrivals_reports_fifty_percent(desk, make_staff):
    """Hand-computed day (Tuesday): 4 bookings, 1 cancelled (not counted).
    1. returning patient, linked by the desk (visit.appointment)        -> arrived
    2. first-time caller, booked by phone, registered new with that phone -> arrived
    3. booked, came the NEXT day                                        -> not arrived
    4. booked, never came                                               -> not arrived
    => 2 / 4 = 50%. Counting linked bookings only gave 1 / 4 = 25%."""
    old = Patient.create(record_no="R1", name="老病人", sex="M", phone="13900000001")
    a1 = book(desk, patient_id=old.id, name="", phone="")
    a2 = book(desk, name="新病人", phone="13900000002")
    book(desk, name="晚一天", phone="13900000003")
    book(desk, name="没来", phone="13900000004", time="15:00")
    a5 = book(desk, name="取消", phone="13900000005", time="15:00")
    ap.cancel(actor=desk, appointment_id=a5.id, expected_version=a5.version)
    v1 = came(TUESDAY, "", patient=old)
    Visit.update(appointment=a1.id, has_appointment=True).where(Visit.id == v1.id).execute()
    came(TUESDAY, "13900000002", name="新病人")
    came(TUESDAY + dt.timedelta(days=1), "13900000003")
    totals = queries.totals(TUESDAY, TUESDAY)
    assert (totals.booked, totals.booked_arrived, totals.arrival_rate) == (4, 2, 0.5)
    assert queries.totals_by_day(TUESDAY, TUESDAY)[TUESDAY].arrival_rate == 0.5
    assert conversion.appointment_counts(TUESDAY, TUESDAY) == (4, 2)
    assert a2.id in conversion.arrived_appointment_ids([a2.id])


def test_consultation_conversion_by_channel_media_and_staff(desk, make_staff):
    other = make_staff("desk", name="张三")
    from frontdesk.db.models import MediaSource

    baidu = MediaSource.get(MediaSource.code == "baidu").id
    douyin = MediaSource.get(MediaSource.code == "douyin").id
    c1 = cs.record(actor=desk, form=dict(channel="phone", phone="13600000001", outcome="will_come",
                                         media_source_id=baidu))
    cs.record(actor=desk, form=dict(channel="phone", phone="13600000002", outcome="will_come",
                                    media_source_id=baidu))
    cs.record(actor=other, form=dict(channel="wechat", phone="13600000003",
                                     outcome="will_come", media_source_id=douyin))
    cs.record(actor=other, form=dict(channel="online", outcome="price_only"))
    came(MONDAY + dt.timedelta(days=3), "13600000001")  # within 30 days: converted
    came(MONDAY + dt.timedelta(days=45), "13600000002")  # too late: not this consultation's
    came(MONDAY, "13600000003")  # same day
    conv = conversion.conversion(MONDAY, MONDAY)
    assert (conv.consultations.total, conv.consultations.arrived) == (4, 2)
    by_channel = {r.key: (r.total, r.arrived) for r in conv.consultations_by_channel}
    assert by_channel == {"电话": (2, 1), "微信": (1, 1), "网络咨询（商务通）": (1, 0)}
    by_media = {r.key: (r.total, r.arrived) for r in conv.consultations_by_media}
    assert by_media == {"搜索引擎 / 百度": (2, 1), "短视频 / 抖音": (1, 1), "（未填）": (1, 0)}
    by_staff = {r.key: (r.total, r.arrived) for r in conv.consultations_by_staff}
    assert by_staff == {"李静": (2, 1), "张三": (2, 1)}
    assert conversion.link_arrivals(MONDAY + dt.timedelta(days=3)) == 2
    assert Consultation.get_by_id(c1.id).visit_id is not None
    assert conversion.link_arrivals(MONDAY + dt.timedelta(days=3)) == 0  # idempotent


def test_link_visit_on_arrival_by_record_or_phone(desk):
    c = cs.record(actor=desk, form=dict(channel="phone", name="新病人", phone="13500000001",
                                        outcome=cs.WILL_COME))
    a = book(desk, day=MONDAY, time="15:00", name="新病人", phone="13500000001")
    other = book(desk, day=MONDAY, time="15:00", name="别人", phone="13500000002")
    v = came(MONDAY, "13500000001", name="新病人")  # registered as a new patient
    assert conversion.link_visit(v.id) == 2
    assert Appointment.get_by_id(a.id).status == "arrived"
    assert Appointment.get_by_id(a.id).patient_id == v.patient_id
    assert Appointment.get_by_id(other.id).status == "booked"
    stored = Consultation.get_by_id(c.id)
    assert (stored.visit_id, stored.patient_id) == (v.id, v.patient_id)
    assert conversion.link_visit(v.id) == 0  # idempotent


def test_moving_to_a_full_slot_keeps_the_old_place(desk):
    DoctorSchedule.update(capacity=1).where(DoctorSchedule.doctor == liang().id).execute()
    a = book(desk, time="09:00", phone="13800000001")
    book(desk, time="10:00", phone="13800000002")
    with pytest.raises(ValidationError) as err:
        ap.change(actor=desk, appointment_id=a.id, expected_version=a.version, day=TUESDAY,
                  time="10:00")
    assert err.value.field == "time"
    taken = {s.time: s.booked for s in ap.slots(liang().id, TUESDAY)}
    assert (taken["09:00"], taken["10:00"]) == (1, 1)
    stored = Appointment.get_by_id(a.id)
    assert (stored.time, stored.version) == ("09:00", 1)
    with pytest.raises(ValidationError) as err:
        ap.change(actor=desk, appointment_id=a.id, expected_version=a.version,
                  day=MONDAY - dt.timedelta(days=1), time="09:00")
    assert err.value.field == "date"
