"""A fixture day for the report tests, built through the domain APIs with a pinned clock.

Every number the daily summary should show follows from what is done here,
and is written down in `Expected` by hand — not read back from the database.

The day, 2026-11-20 (a Friday):
  V1 08:10 walk-in, first visit, 肛肠科, friend → doctor 08:30 (escort guide2)
  V2 09:05 booked returning patient (appointment A1), 肛肠科, search → doctor 09:35 (guide)
  V3 09:30 walk-in, first visit, 内科, friend → doctor 10:20 (guide2)
  V4 10:02 red flag (胸痛), 急诊科, billing deferred → doctor 10:06 (guide); no record made
  V5 11:00 left at the desk at 11:20, "等候时间太长"
  V6 14:00 left at the door at 14:10, "临时有事"
  V7 16:30 triaged to 口腔科 at 16:35, still waiting for registration
Appointments booked for the day: A1 (arrives as V2), A2 (never comes), A3 (cancelled).
Grooming: 雷婷婷 checks 王悦 (hair failed; face_hands failed, corrected) and 李静 (all pass).
Sign-ins: 王悦 on time at 08:00; 李静 12 min late (late fine, later waived); 张丽娜 3 min late
at the late shift (fine stands).
Handover: 李静 writes one note at 18:05; 陈晓雪 acknowledges it.
Other days: 11-19 two visits (both left), 11-17 four visits (one booked, one done),
11-12 ten arrivals (outside the 7-day window), none on 11-18.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field

import pytest

from frontdesk import clock as app_clock
from frontdesk import patients, reception, settings
from frontdesk.db.models import (
    Appointment,
    Department,
    Doctor,
    Fine,
    GroomingItem,
    MediaSource,
    Shift,
    Staff,
)
from frontdesk.staffing import attendance, fines, grooming, handover
from tests.helpers.clock import pinned

DAY = dt.date(2026, 11, 20)
TODAY = dt.date(2026, 11, 23)


class DayClock:
    """The story's clock: stands at a day and an "HH:MM" until moved (drives the app's clock)."""

    def __init__(self, travel: app_clock.Travel):
        self.travel = travel

    def set(self, day: dt.date, hhmm: str) -> None:
        h, m = (int(x) for x in hhmm.split(":"))
        self.travel.freeze(dt.datetime.combine(day, dt.time(h, m)))


@dataclass
class Staffing:
    guide: Staff
    guide2: Staff
    desk: Staff
    desk2: Staff
    supervisor: Staff
    admin: Staff


@dataclass
class Expected:
    """The fixture day's numbers, worked out by hand from the story above."""

    visits: int = 7
    first_visits: int = 6
    returning: int = 1
    appointments: int = 1
    walk_ins: int = 6
    done: int = 4
    left: int = 2
    red_flags: int = 1
    still_open: int = 1
    booked: int = 2
    booked_arrived: int = 1
    # by reason code: the desk chose "等候时间太长" and "临时有事"
    left_reasons: dict = field(default_factory=lambda: {"waited_too_long": 1, "personal": 1})
    # department name -> (visits, first, appointments, done, left); "" = not triaged
    by_department: dict = field(default_factory=lambda: {
        "肛肠科": (2, 1, 1, 2, 0), "内科": (1, 1, 0, 1, 0), "急诊科": (1, 1, 0, 1, 0),
        "口腔科": (1, 1, 0, 0, 0), "": (2, 2, 0, 0, 2)})
    by_hour: dict = field(default_factory=lambda: {8: 1, 9: 2, 10: 1, 11: 1, 14: 1, 16: 1})
    by_media: dict = field(default_factory=lambda: {"亲友介绍": 2, "网络搜索": 1, "": 4})
    # segment -> (count, median s, p90 s)
    flow: dict = field(default_factory=lambda: {
        "door_desk": (6, 120.0, 300.0),  # 60 60 120 120 240 300
        "desk_billing": (3, 480.0, 540.0),  # 360 480 540
        "billing_doctor": (3, 1200.0, 2400.0),  # 600 1200 2400
        "door_doctor": (4, 1500.0, 3000.0),  # 240 1200 1800 3000
        "waited_doctor": (0, None, None),  # the clinic queue: see test_clinic_times.py
        "consultation": (0, None, None),
    })
    # name -> (greeted, registered, escorted)
    staff: dict = field(default_factory=lambda: {
        "王悦": (5, 0, 2), "张丽娜": (2, 0, 2), "李静": (0, 2, 0), "陈晓雪": (0, 1, 0)})
    callbacks: tuple = (("张三", "13800000001"), ("赵敏", "13900000002"), ("钱伟", "13800000003"))
    # previous 7 days (11-13 … 11-19): 11-19 has 2 visits, 11-17 has 4 → 2 days
    comparison_days: int = 2
    avg_visits: float = 3.0
    avg_first: float = 2.0  # 11-19: 2 first; 11-17: 2 first → (2 + 2) / 2
    avg_left: float = 2.5  # 11-19: 2; 11-17: 3
    avg_done: float = 0.5  # 11-17: 1
    handover_notes: int = 1
    grooming_checks: int = 2
    grooming_staff_failed: int = 1
    grooming_failures: dict = field(default_factory=dict)  # code -> (failures, corrected)
    grooming_fine_fen: int = 0  # both failed items' fines (a corrected item is still fined)
    late_sign_ins: dict = field(default_factory=lambda: {"李静": 12, "张丽娜": 3})
    sign_ins: int = 3
    late_fine_fen: int = 0  # the one that stands (张丽娜's)


@dataclass
class FixtureDay:
    staff: Staffing
    clock: DayClock
    expected: Expected
    day: dt.date = DAY
    today: dt.date = TODAY
    visit_ids: dict = field(default_factory=dict)
    db: object = None  # the open copy (set by the `fx` fixture)
    db_url: str = ""


def _dept(code: str) -> Department:
    return Department.get(Department.code == code)


def _doctor(code: str) -> Doctor:
    return Doctor.select().where(Doctor.department == _dept(code)).order_by(Doctor.id).first()


def _media(code: str) -> int:
    return MediaSource.get(MediaSource.code == code).id


def _form(name: str, phone: str, media: str | None = None) -> reception.RegistrationForm:
    return reception.RegistrationForm(name=name, sex="M", phone=phone, age=40,
                                      media_source_id=_media(media) if media else None)


def build(make_staff, travel: app_clock.Travel) -> FixtureDay:
    """Write the story through the domain, moving `travel` (the app's clock) as it goes."""
    clock = DayClock(travel)
    clock.set(DAY, "07:00")
    s = Staffing(
        guide=make_staff("guide", name="王悦"), guide2=make_staff("guide", name="张丽娜"),
        desk=make_staff("desk", name="李静"), desk2=make_staff("desk", name="陈晓雪"),
        supervisor=make_staff("supervisor", name="雷婷婷"), admin=make_staff("admin", name="管理员"))
    settings.set("hospital.name", "测试医院")
    settings.set("rules.lateness", {"fine_fen": 1000, "repeat_fine_fen": 2000, "repeat_from": 5,
                                    "grace_minutes": 0})
    fx = FixtureDay(s, clock, Expected())

    # A returning patient, registered on an earlier visit.
    clock.set(DAY - dt.timedelta(days=30), "10:00")
    returning = patients.create_patient(actor=s.desk, form=_form("赵敏", "13900000002"))
    Appointment.create(patient=returning, patient_name="赵敏", phone="13900000002",
                       department=_dept("anorectal"), doctor=_doctor("anorectal"), date=DAY,
                       time="09:00", complaint="痔疮复发", status="booked")
    Appointment.create(patient_name="孙某", phone="13900000098", department=_dept("internal"),
                       date=DAY, time="10:00", complaint="头晕", status="booked")
    Appointment.create(patient_name="周某", phone="13900000099", department=_dept("internal"),
                       date=DAY, time="11:00", complaint="复查", status="cancelled")

    def at(hhmm: str, day: dt.date = DAY) -> None:
        clock.set(day, hhmm)

    def step(hhmm: str, fn, visit, **kwargs):
        at(hhmm)
        return fn(visit.id, expected_version=visit.version, **kwargs)

    def arrive(hhmm, who, *, booked=False, first=True, day=DAY):
        at(hhmm, day)
        return reception.new_arrival(actor=who, booked=booked, first_visit=first)

    # V1: walk-in, first visit, anorectal
    v = arrive("08:10", s.guide)
    v = step("08:12", reception.take_at_desk, v, actor=s.desk)
    v = step("08:15", reception.triage, v, actor=s.desk,
             complaint="便血一周", department_id=_dept("anorectal").id,
             doctor_id=_doctor("anorectal").id)
    v = step("08:20", reception.register, v, actor=s.desk,
             form=_form("张三", "13800000001", "friend"))
    v = step("08:22", reception.confirm_payment, v, actor=s.desk)
    v = step("08:30", reception.hand_to_doctor, v, actor=s.desk,
             escort_id=s.guide2.id)
    at("08:33")
    reception.back_at_post(v.id, actor=s.guide2)
    fx.visit_ids["V1"] = v.id

    # V2: booked, returning (appointment A1 pre-fills triage)
    v = arrive("09:05", s.guide2, booked=True, first=False)
    v = step("09:09", reception.take_at_desk, v, actor=s.desk2)
    v = step("09:10", reception.attach_patient, v, actor=s.desk2,
             patient_id=returning.id)
    v = step("09:11", reception.triage, v, actor=s.desk2,
             complaint="痔疮复发", department_id=_dept("anorectal").id,
             doctor_id=_doctor("anorectal").id)
    v = step("09:15", reception.register, v, actor=s.desk2,
             form=_form("赵敏", "13900000002", "search"),
             patient_id=returning.id)
    v = step("09:18", reception.confirm_payment, v, actor=s.desk2)
    v = step("09:35", reception.hand_to_doctor, v, actor=s.desk2,
             escort_id=s.guide.id)
    fx.visit_ids["V2"] = v.id

    # V3: walk-in, first visit, internal medicine
    v = arrive("09:30", s.guide)
    v = step("09:31", reception.take_at_desk, v, actor=s.desk)
    v = step("09:33", reception.triage, v, actor=s.desk,
             complaint="头晕乏力一周", department_id=_dept("internal").id,
             doctor_id=_doctor("internal").id)
    v = step("09:40", reception.register, v, actor=s.desk,
             form=_form("钱伟", "13800000003", "friend"))
    v = step("09:41", reception.confirm_payment, v, actor=s.desk)
    v = step("10:20", reception.hand_to_doctor, v, actor=s.desk,
             escort_id=s.guide2.id)
    fx.visit_ids["V3"] = v.id

    # V4: red flag, straight to emergency and escort, no registration
    v = arrive("10:02", s.guide)
    v = step("10:03", reception.take_at_desk, v, actor=s.desk)
    v = step("10:04", reception.triage, v, actor=s.desk,
             complaint="胸痛半小时", department_id=_dept("emergency").id)
    at("10:05")  # the guide is back from V2 (a busy escort cannot take V4)
    reception.back_at_post(fx.visit_ids["V2"], actor=s.guide)
    v = step("10:06", reception.hand_to_doctor, v, actor=s.desk,
             escort_id=s.guide.id)
    fx.visit_ids["V4"] = v.id

    # V5: left at the desk; V6: left at the door
    v = arrive("11:00", s.guide2)
    v = step("11:05", reception.take_at_desk, v, actor=s.desk)
    step("11:20", reception.leave, v, actor=s.desk,
             reason="等候时间太长")
    v = arrive("14:00", s.guide)
    step("14:10", reception.leave, v, actor=s.guide,
             reason="临时有事")

    # V7: still waiting for registration when the report is made
    v = arrive("16:30", s.guide)
    v = step("16:32", reception.take_at_desk, v, actor=s.desk2)
    step("16:35", reception.triage, v, actor=s.desk2,
             complaint="牙疼两天", department_id=_dept("dental").id)

    _staff_day(fx)
    _other_days(fx, arrive)
    return fx


def _staff_day(fx: FixtureDay) -> None:
    s, e = fx.staff, fx.expected
    day_shift = Shift.get(Shift.code == "day")
    late_shift = Shift.get(Shift.code == "late")
    at = lambda hh, mm: dt.datetime.combine(DAY, dt.time(hh, mm))  # noqa: E731
    attendance.sign_in(staff=s.guide, pin="1234", at=at(8, 0), shift=day_shift)
    late = attendance.sign_in(staff=s.desk, pin="1234", at=at(8, 12), shift=day_shift)
    stands = attendance.sign_in(staff=s.guide2, pin="1234", at=at(12, 3), shift=late_shift)
    fines.waive(actor=s.supervisor, fine_id=late.fine.id, reason="交通管制")
    e.late_fine_fen = stands.fine.amount_fen
    assert e.late_fine_fen == 1000  # the rule set above: first lateness of the month

    form = grooming.open_check(actor=s.supervisor, staff=s.guide, day=DAY, shift=day_shift)
    grooming.record_check(
        actor=s.supervisor, form=form, off_shift_reason="抽查", at=at(8, 5),
        outcomes={"hair": grooming.ItemOutcome(passed=False),
                  "face_hands": grooming.ItemOutcome(passed=False, corrected=True)})
    form = grooming.open_check(actor=s.supervisor, staff=s.desk, day=DAY, shift=day_shift)
    grooming.record_check(actor=s.supervisor, form=form, outcomes={}, off_shift_reason="抽查",
                          at=at(8, 15))
    fen = {i.code: i.fine_fen for i in GroomingItem.select()}
    e.grooming_failures = {"hair": (1, 0), "face_hands": (1, 1)}
    e.grooming_fine_fen = fen["hair"] + fen["face_hands"]
    # the ledger agrees with the rules (so the report's sum can be trusted to mean this)
    assert sum(f.amount_fen for f in Fine.select().where(Fine.kind == "grooming")) == \
        e.grooming_fine_fen

    note = handover.write_note(actor=s.desk, day=DAY, shift=day_shift, equipment="打印机缺纸",
                               hard_cases="V5 等候太久离开", at=at(18, 5))
    handover.acknowledge_note(actor=s.desk2, note_id=note.id, at=at(18, 10))


def _other_days(fx: FixtureDay, arrive) -> None:
    s = fx.staff
    d1, d3, d8 = (DAY - dt.timedelta(days=n) for n in (1, 3, 8))
    for hhmm in ("09:00", "10:00"):  # 11-19: two first visits, both leave
        v = arrive(hhmm, s.guide, day=d1)
        reception.leave(v.id, actor=s.guide, expected_version=v.version, reason="只是咨询")
    # 11-17: four arrivals: two first visits, one booked; three leave, one reaches the doctor
    for hhmm, first, booked in (("09:00", True, False), ("09:30", True, True),
                                ("10:00", False, False)):
        v = arrive(hhmm, s.guide, day=d3, first=first, booked=booked)
        reception.leave(v.id, actor=s.guide, expected_version=v.version, reason="只是咨询")
    v = arrive("11:00", s.guide, day=d3, first=False)
    fx.clock.set(d3, "11:02")
    v = reception.take_at_desk(v.id, actor=s.desk, expected_version=v.version)
    fx.clock.set(d3, "11:04")
    v = reception.triage(v.id, actor=s.desk, expected_version=v.version, complaint="胸痛",
                         department_id=_dept("emergency").id)
    fx.clock.set(d3, "11:20")
    reception.hand_to_doctor(v.id, actor=s.desk, expected_version=v.version,
             escort_id=s.guide.id)
    for i in range(10):  # 11-12: outside the 7-day window
        v = arrive(f"09:{i:02d}", s.guide, day=d8)
    fx.clock.set(TODAY, "09:00")


# --- pytest fixtures (import them into a test module or conftest) ---------------------


def _staff_factory():
    from frontdesk.accounts import auth

    hashed = {"pin": auth.hash_secret("1234"), "pw": auth.hash_secret("pw123456")}

    def make(role: str = "desk", username: str | None = None, pin: str = "1234",
             name: str | None = None):
        n = Staff.select().count() + 1
        return Staff.create(username=username or f"{role}{n}", display_name=name or f"{role}-{n}",
                            role=role, password_hash=hashed["pw"], pin_hash=hashed["pin"])

    return make


@pytest.fixture(scope="session")
def _report_day_template(tmp_path_factory):
    # Built once per session (password hashing and ~80 domain calls), copied per test.
    from frontdesk import rules
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    path = tmp_path_factory.mktemp("report_day") / "day.sqlite3"
    db = open_database(f"sqlite:///{path}")
    rules.load_rules()
    with pinned() as travel:
        fx = build(_staff_factory(), travel)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path, fx


@pytest.fixture
def fx(_report_day_template, tmp_path):
    """The fixture day in a fresh copy of its database (passwords: pw123456, PINs: 1234)."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    template, day = _report_day_template
    path = tmp_path / "fixture-db" / "day.sqlite3"  # tmp_path itself stays free for outputs
    path.parent.mkdir()
    shutil.copy(template, path)
    day.db = open_database(f"sqlite:///{path}")
    day.db_url = f"sqlite:///{path}"
    yield day
    connection.close()
