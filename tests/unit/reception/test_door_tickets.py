"""Door tickets: the day's numbering, two door devices at once, address forms, check-in."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import reception, settings, stages
from frontdesk.db.models import Appointment, AuditLog, Patient, Visit, database_proxy
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.queue.priority import PriorityClass
from frontdesk.reception import tickets
from frontdesk.reception.tickets import AgeBand
from tests.helpers.actors import viewer
from tests.helpers.races import race
from tests.helpers.reception_flow import FIXED_NOW, dept, doctor, id_number, make_env


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def arrive(env, **kw):
    kw.setdefault("booked", False)
    kw.setdefault("first_visit", True)
    return reception.new_arrival(actor=env.guide, **kw)


# --- numbering ------------------------------------------------------------------------


def test_tickets_count_per_day_and_start_again_tomorrow(env, clock):
    labels = [arrive(env).door_ticket for _ in range(3)]
    assert labels == ["A001", "A002", "A003"]
    clock.freeze(FIXED_NOW + dt.timedelta(days=1))
    assert arrive(env).door_ticket == "A001"
    stored = Visit.select(Visit.visit_date, Visit.door_ticket_no).order_by(Visit.id).tuples()
    assert [n for _, n in stored] == [1, 2, 3, 1]


def test_ticket_prefix_comes_from_settings(env):
    settings.set("door.ticket_prefix", "门")
    assert arrive(env).door_ticket == "门001"
    assert tickets.ticket_label(12, "A") == "A012" and tickets.ticket_label(None) == ""
    assert tickets.ticket_label(1234, "A") == "A1234"  # a busy day outgrows three digits


def test_the_unique_index_refuses_a_second_ticket_with_the_same_number(env):
    from peewee import IntegrityError

    v = arrive(env)
    other = arrive(env)
    with pytest.raises(IntegrityError), database_proxy.atomic():
        Visit.update(door_ticket_no=1).where(Visit.id == other.id).execute()
    assert Visit.get_by_id(v.id).door_ticket_no == 1


def test_a_ticket_clash_is_retried_and_leaves_one_row(env, monkeypatch):
    # The arrival is inserted holding its ticket: a stale max (a door that read a moment
    # too early) fails on the unique index, only that INSERT is undone, and the retry
    # takes the next free ticket. No savepoint on SQLite: the statement alone rolls back.
    first = arrive(env)
    real = tickets._next_ticket
    calls = []

    def stale(day):
        calls.append(day)
        number, prefix = real(day)
        return (1, prefix) if len(calls) == 1 else (number, prefix)

    monkeypatch.setattr(tickets, "_next_ticket", stale)
    second = arrive(env)
    assert len(calls) == 2
    assert (first.door_ticket, second.door_ticket) == ("A001", "A002")
    assert Visit.select().count() == 2
    assert database_proxy.obj.in_transaction() is False


def test_two_door_devices_in_the_same_millisecond_on_sqlite(env):
    """Threads, each with its own connection, released together: no ticket twice, no gap."""
    devices, per_device = 6, 8

    def device():
        return [arrive(env).door_ticket for _ in range(per_device)]

    batches, _told, errors = race([device] * devices, told=())
    assert errors == []
    got = [ticket for batch in batches for ticket in batch]
    expected = [f"A{n:03d}" for n in range(1, devices * per_device + 1)]
    assert sorted(got) == expected


# --- what the door records ------------------------------------------------------------------


def test_the_visit_stores_what_the_guide_saw(env):
    v = arrive(env, sex="F", age_band="elder", name="王", priority="elderly", first_visit=False)
    stored = Visit.get_by_id(v.id)
    assert (stored.door_sex, stored.door_age_band, stored.door_name, stored.priority) == (
        "F", "elder", "王", "elderly")
    assert (v.door_ticket, v.door_sex, v.sex, v.door_age_band, v.door_name, v.priority) == (
        "A001", "F", "F", "elder", "王", "elderly")
    assert [q.door_ticket for q in reception.desk_queue(actor=viewer())] == ["A001"]


def test_nothing_but_the_two_answers_is_still_a_ticket(env):
    v = arrive(env)
    assert (v.door_ticket, v.door_sex, v.door_age_band, v.door_name, v.priority) == (
        "A001", "", "", "", "")


@pytest.mark.parametrize(("kw", "field"), [
    (dict(sex="X"), "sex"),
    (dict(age_band="teen"), "age_band"),
    (dict(priority="king"), "priority"),
    (dict(name="王\x07"), "door_name"),
    (dict(name="王123"), "door_name"),
    (dict(name="王" * 41), "door_name"),
])
def test_bad_door_details_are_refused_at_their_field_and_nothing_is_saved(env, kw, field):
    with pytest.raises(ValidationError) as err:
        arrive(env, **kw)
    assert err.value.field == field and err.value.zh and err.value.en
    assert Visit.select().count() == 0


def test_only_staff_who_greet_may_hand_out_tickets(env, make_staff):
    with pytest.raises(PermissionDenied):
        reception.new_arrival(actor=None, booked=False, first_visit=True)
    with pytest.raises(PermissionDenied):
        tickets.find_booking("K7P2QX", actor=None)


# --- forms of address ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "sex", "band", "zh", "title_zh"), [
    ("", "M", "adult", "先生", "先生"),
    ("", "F", "adult", "小姐", "小姐"),
    ("", "M", "elder", "叔叔", "叔叔"),
    ("", "F", "elder", "阿姨", "阿姨"),
    ("", "M", "child", "小朋友", "小朋友"),
    ("", "F", "child", "小朋友", "小朋友"),
    ("王", "F", "elder", "王阿姨", "阿姨"),
    ("李建国", "M", "adult", "李先生", "先生"),
    ("", "", "", "先生／女士", "先生／女士"),
    ("", "F", "", "女士", "女士"),  # band unknown: never guess 小姐
])
def test_address_by_sex_and_age_band(name, sex, band, zh, title_zh):
    assert tickets.door_address(name, sex, band, "zh_CN") == zh
    assert tickets.door_title(sex, band, "zh_CN") == title_zh


def test_english_address_and_labels():
    assert tickets.door_address("王", "F", "elder", "en") == "Ms Wang"
    assert tickets.door_title("M", "child", "en") == "young patient"
    assert tickets.describe("F", "elder", "zh_CN") == "女 · 老人"
    assert tickets.describe("M", "", "en") == "male"
    assert tickets.describe("", "", "en") == ""
    assert tickets.priority_label("elderly", "zh_CN") == "老年人"
    assert tickets.priority_label("", "en") == tickets.priority_label("bogus", "en") == ""


def test_age_bands_follow_the_settings_at_their_edges(rules_db):
    assert [tickets.band_of_age(a) for a in (None, 0, 13, 14, 59, 60, 99)] == [
        AgeBand.UNKNOWN, AgeBand.CHILD, AgeBand.CHILD, AgeBand.ADULT, AgeBand.ADULT,
        AgeBand.ELDER, AgeBand.ELDER]
    settings.set("door.elder_min_age", 70)
    settings.set("door.child_below_age", 12)
    assert [tickets.band_of_age(a) for a in (11, 12, 69, 70)] == [
        AgeBand.CHILD, AgeBand.ADULT, AgeBand.ADULT, AgeBand.ELDER]
    # An elder is 叔叔/阿姨 even when the elder age is set below the coach's own.
    settings.set("door.elder_min_age", 45)
    assert tickets.door_title("F", "elder", "zh_CN") == "阿姨"


# --- check-in of a booking ---------------------------------------------------------------------


def _patient(**kw) -> Patient:
    values = dict(record_no=f"R{Patient.select().count() + 1:05d}", name="赵敏", sex="F",
                  birth_date=dt.date(1950, 3, 7), phone="13912345678",
                  id_number=id_number("19500307", "124"))
    values.update(kw)
    return Patient.create(**values)


def _booking(patient: Patient | None = None, **kw) -> Appointment:
    codes = iter(["K7P2QX", "M3N4PR", "T5W6YZ", "H8J9KL"][Appointment.select().count():])
    values = dict(code=next(codes),
                  patient=patient, patient_name=patient.name if patient else "钱多多",
                  phone=patient.phone if patient else "13700001111",
                  department=dept("anorectal"), doctor=doctor("anorectal"),
                  date=FIXED_NOW.date(), time="10:30", complaint="便血三天")
    values.update(kw)
    return Appointment.create(**values)


def test_a_scanned_code_is_read_in_any_case_with_the_scanners_enter(env):
    appt = _booking(_patient())
    match = tickets.find_booking(" k7p2qx\n", actor=env.guide)
    assert (match.appointment_id, match.code) == (appt.id, "K7P2QX")


def test_a_code_pasted_with_bidi_marks_or_typed_full_width_is_read(env):
    appt = _booking(_patient())
    for typed in ("\u202dK7P2QX\u202c", "Ｋ７Ｐ２ＱＸ", "\u200bk7p2qx"):
        assert tickets.find_booking(typed, actor=env.guide).appointment_id == appt.id


def test_check_in_by_booking_code_pre_fills_and_the_hand_over_claims_it(env):
    patient = _patient()
    appt = _booking(patient)
    match = tickets.find_booking(appt.code, actor=env.guide)
    assert (match.appointment_id, match.matched_by, match.name, match.sex, match.age_band) == (
        appt.id, "code", "赵敏", "F", AgeBand.ELDER)
    assert match.first_visit and match.department_name.zh == dept("anorectal").name_zh
    assert AuditLog.select().where((AuditLog.action == "view") & (AuditLog.entity == "appointment")
                                   & (AuditLog.entity_id == str(appt.id))).exists()
    v = arrive(env, booked=True, first_visit=match.first_visit, sex=match.sex,
               age_band=match.age_band, name=match.name, appointment_id=match.appointment_id)
    assert (v.has_appointment, v.appointment_id, v.patient_id, v.patient_name) == (
        True, appt.id, patient.id, "赵敏")
    assert (v.complaint, v.department_id, v.doctor_id) == (
        "便血三天", dept("anorectal").id, doctor("anorectal").id)
    assert Appointment.get_by_id(appt.id).status == "arrived"
    # The same booking scanned again (another door device, a second scan) is told so.
    with pytest.raises(ValidationError) as err:
        tickets.find_booking(appt.code, actor=env.guide)
    assert err.value.field == "booking" and "已经签到" in err.value.zh
    with pytest.raises(ValidationError) as err:
        arrive(env, booked=True, appointment_id=appt.id)
    assert err.value.field == "booking"
    assert Visit.select().count() == 1  # nothing half-saved
    # The desk's later link to the record does not claim the booking twice.
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    assert v.stage == stages.TRIAGE and v.appointment_id == appt.id


def test_check_in_by_id_card_number(env):
    patient = _patient()
    other_day = _booking(patient, date=FIXED_NOW.date() + dt.timedelta(days=1))
    appt = _booking(patient)
    match = tickets.find_booking(patient.id_number.lower(), actor=env.guide)  # x typed small
    assert (match.appointment_id, match.matched_by) == (appt.id, "id_number")
    assert other_day.id != appt.id


def test_check_in_by_phone_number_also_for_a_booking_without_a_record(env):
    appt = _booking(None)
    match = tickets.find_booking("137 0000 1111", actor=env.guide)
    assert (match.appointment_id, match.matched_by, match.name, match.patient_id) == (
        appt.id, "phone", "钱多多", None)
    assert (match.sex, match.age_band, match.first_visit) == ("", AgeBand.UNKNOWN, True)


def test_a_returning_patient_is_not_a_first_visit(env, clock):
    patient = _patient()
    Visit.create(visit_date=FIXED_NOW.date() - dt.timedelta(days=30), stage="DONE",
                 patient=patient)
    appt = _booking(patient)
    assert not tickets.find_booking(appt.code, actor=env.guide).first_visit


@pytest.mark.parametrize(("raw", "words"), [
    ("", "请扫描"),
    ("hello world!", "不是预约码"),
    ("ZZZZZZ", "找不到"),
    ("K7P2-QX", "不是预约码"),
    (id_number("19500307", "124")[:-1] + "0", "校验位"),  # a bad ID checksum
    (id_number("19800101", "555"), "今天没有这个身份证号"),
    ("13800000000", "今天没有这个手机号"),
])
def test_bad_check_in_input_is_said_at_the_field(env, raw, words):
    _patient()
    with pytest.raises(ValidationError) as err:
        tickets.find_booking(raw, actor=env.guide)
    assert err.value.field == "booking" and words in err.value.zh and err.value.en


def test_cancelled_and_other_days_bookings_are_refused(env):
    patient = _patient()
    cancelled = _booking(patient, status="cancelled")
    tomorrow = _booking(patient, date=FIXED_NOW.date() + dt.timedelta(days=1))
    for appt, words in ((cancelled, "已取消"), (tomorrow, "不是今天")):
        with pytest.raises(ValidationError) as err:
            tickets.find_booking(appt.code, actor=env.guide)
        assert words in err.value.zh


def test_two_devices_checking_in_one_booking_at_once_one_wins(env):
    appt = _booking(_patient())

    def device():
        return arrive(env, booked=True, appointment_id=appt.id).door_ticket

    tickets_, refused, errors = race([device, device], told=(ValidationError,))
    assert errors == []
    outcomes = [*tickets_, *refused]
    assert sorted(type(o).__name__ for o in outcomes) == ["ValidationError", "str"]
    assert Visit.select().where(Visit.appointment == appt.id).count() == 1


def test_priority_classes_are_the_queue_areas_own(env):
    for prio in PriorityClass:
        assert arrive(env, priority=prio.value).priority == prio.value


def test_a_booking_on_a_merged_record_checks_in_on_the_record_kept(env):
    kept = _patient()
    old = _patient(record_no="R09999", id_number=None, merged_into=kept)
    appt = _booking(old)
    match = tickets.find_booking(appt.code, actor=env.guide)
    assert match.patient_id == kept.id
    v = arrive(env, booked=True, appointment_id=appt.id)
    assert v.patient_id == kept.id


def test_settings_typos_never_break_the_door(env):
    settings.set("door.ticket_prefix", " 门 诊 号 码 太长 ")
    assert arrive(env).door_ticket == "门诊号码001"
    settings.set("door.elder_min_age", "sixty")
    settings.set("door.child_below_age", -3)
    assert (tickets.band_of_age(13), tickets.band_of_age(60)) == (AgeBand.CHILD, AgeBand.ELDER)


def test_a_check_in_also_tells_the_booking_screens(env):
    from frontdesk.changes import Changed, collecting

    appt = _booking(_patient())
    with collecting() as plain:
        arrive(env)
    assert plain.changed == Changed.VISITS
    with collecting() as checked_in:
        arrive(env, booked=True, appointment_id=appt.id)
    assert checked_in.changed == Changed.VISITS | Changed.SERVICE
