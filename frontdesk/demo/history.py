"""The demo hospital's history: staff, patients, appointments, a past week of visits.

Deterministic (seeded) so screenshots, reports and benchmarks see the same
data every time. Last week's visits are written in bulk with the same rows and
events the reception flow writes one at a time (see frontdesk/stages.py for the
events); the roster, sign-ins, grooming checks, consultations, complaints,
handover notes and this morning's patients and clinic queues are written through
the domain APIs by today.py, so they obey the same rules as a real day.
"""

from __future__ import annotations

import datetime as dt
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from frontdesk import clock, settings, stages
from frontdesk.accounts import auth
from frontdesk.db.models import (
    Appointment,
    Department,
    Doctor,
    FollowUp,
    MediaSource,
    Patient,
    PatientSearchKey,
    Shift,
    ShiftAssignment,
    Staff,
    VipTier,
    Visit,
    VisitEvent,
    database_proxy,
)
from frontdesk.demo.people import COMPLAINTS, DEMO_STAFF, GIVEN, SURNAMES
from frontdesk.permissions import Role

DEMO_HOSPITAL = ("仁和医院（演示）", "Renhe Hospital (demo)")
DEMO_PASSWORD = "demo1234"

DEPT_WEIGHTS = {"internal": 24, "surgery": 10, "gyn": 12, "paeds": 14, "anorectal": 16,
                "derm": 8, "ent": 7, "dental": 7, "emergency": 2}
HOUR_WEIGHTS = {8: 12, 9: 16, 10: 14, 11: 9, 12: 4, 13: 6, 14: 10, 15: 9, 16: 7, 17: 5, 18: 3, 19: 2}
LEFT_REASONS = ["waited_too_long", "personal", "other_hospital", "consult_only"]  # codes


def _id_number(rng: random.Random, birth: dt.date, sex: str) -> str:
    from frontdesk.validation import id_check_char

    seq = rng.randrange(0, 50) * 2 + (1 if sex == "M" else 0)
    body = f"110105{birth:%Y%m%d}{rng.randrange(10)}{seq:02d}"
    return body + id_check_char(body)


def _search_keys(p: Patient) -> list[dict]:
    # The same keys the desk writes (frontdesk.patients), so lookups find demo patients.
    from frontdesk.patients import search_keys_for

    keys = search_keys_for(p.name, p.phone, p.record_no, p.id_number)
    return [{"patient": p.id, "key": k} for k in sorted(keys)]


@dataclass
class DemoReport:
    staff: int
    patients: int
    visits: int  # last week's and this morning's
    appointments: int
    sign_ins: int = 0  # today's
    consultations: int = 0
    complaints: int = 0
    queued: int = 0  # this morning's patients who reached a clinic queue


def install_demo(*, today: dt.date | None = None, this_week: bool = True) -> DemoReport:
    """Rules plus demo hospital in one transaction: a failure leaves the database empty.

    `this_week=False` is the quiet hospital (last week's visits and a plain rota, nothing
    yet today): the shared test template, on which each area's tests add their own today.
    """
    from frontdesk import rules

    with database_proxy.atomic():
        rules.load_rules()
        return load_demo(today=today, this_week=this_week)


def load_demo(*, today: dt.date | None = None, patients: int = 300, seed: int = 7,
              this_week: bool = True) -> DemoReport:
    """Add demo staff, patients, appointments and last week's visits (rules must be loaded);
    with `this_week`, also the week's roster, service desk and this morning (today.py)."""
    rng = random.Random(seed)
    today = today or clock.today()
    with database_proxy.atomic():
        settings.set("hospital.name", DEMO_HOSPITAL[0])
        settings.set("hospital.demo", True)
        # argon2 is slow on purpose (~0.1 s a secret) and lets go of the GIL: the staff's
        # secrets are hashed on two threads while the patients are written.
        with ThreadPoolExecutor(2) as pool:
            hashes = pool.map(auth.hash_secret,
                              [DEMO_PASSWORD] + [pin for *_rest, pin in DEMO_STAFF])
            pats = _make_patients(rng, patients, today)
            staff = _make_staff(list(hashes))
        depts = {d.code: d for d in Department.select()}
        doctors: dict[int, list[Doctor]] = {}
        for doc in Doctor.select():
            doctors.setdefault(doc.department_id, []).append(doc)
        media = list(MediaSource.select())
        if not this_week:
            _make_rota(staff, today)
        visits = 0
        for back in range(7, 0, -1):
            visits += _make_day(rng, today - dt.timedelta(days=back), staff, pats, depts,
                                doctors, media)
        appts = _make_appointments(rng, today, pats, depts, doctors)
        _past_follow_ups(today, staff)
        if not this_week:
            return DemoReport(len(staff), len(pats), visits, appts)
        from frontdesk.demo.today import load_week_and_today

        week = load_week_and_today(today=today, staff=staff, patients=pats)
    return DemoReport(len(staff), len(pats), visits + week.visits_today, appts,
                      week.sign_ins, week.consultations, week.complaints, week.queued)


FOLLOW_UP_NOTES = ["恢复良好，已按医嘱服药", "症状减轻，约好下周复诊", "对导医服务满意", "家属接听，已转告"]


def _past_follow_ups(today: dt.date, staff: list[Staff]) -> None:
    """The desk has called everyone seen before yesterday; yesterday's patients are due today."""
    rng = random.Random(today.toordinal())  # own generator: the visits above stay the same
    desks = [s for s in staff if s.role == "desk"]
    done = (Visit.select(Visit.id, Visit.patient, Visit.visit_date)
            .where(Visit.stage == stages.DONE, Visit.visit_date < today - dt.timedelta(days=1)))
    rows = []
    for v in done:
        called = dt.datetime.combine(v.visit_date + dt.timedelta(days=1),
                                     dt.time(rng.randrange(9, 17), rng.randrange(60)))
        rows.append({"visit": v.id, "patient": v.patient_id, "due_date": called.date(),
                     "status": rng.choices(["done", "unreachable"], [9, 1])[0],
                     "called_by": rng.choice(desks), "called_at": called,
                     "notes": f"{called:%m-%d %H:%M} {rng.choice(FOLLOW_UP_NOTES)}"})
    if rows:
        FollowUp.insert_many(rows).execute()


def _make_staff(hashes: list[str]) -> list[Staff]:
    """The demo staff; `hashes` are the password's (shared) and then each one's PIN's."""
    password, pins = hashes[0], hashes[1:]
    rows = []
    for (username, name, role, sex, _pin), pin_hash in zip(DEMO_STAFF, pins, strict=True):
        rows.append(Staff.create(username=username, display_name=name, role=role, sex=sex,
                                 password_hash=password, pin_hash=pin_hash))
    return rows


def _make_patients(rng: random.Random, count: int, today: dt.date) -> list[Patient]:
    out = []
    for i in range(count):
        sex = rng.choice("MF")
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        birth = today - dt.timedelta(days=rng.randrange(3 * 365, 85 * 365))
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        p = Patient.create(
            record_no=f"D{i + 1:07d}", name=name, sex=sex, birth_date=birth, phone=phone,
            id_number=_id_number(rng, birth, sex) if rng.random() < 0.8 else None,
            address=rng.choice(["朝阳区", "海淀区", "东城区", "西城区", "丰台区"]) + f"{rng.randrange(1, 200)}号",
            vip_tier=rng.choices([VipTier.NONE, VipTier.GOLD, VipTier.DIAMOND], [90, 7, 3])[0],
        )
        PatientSearchKey.insert_many(_search_keys(p)).execute()
        out.append(p)
    return out


def _make_rota(staff: list[Staff], today: dt.date) -> None:
    """The quiet hospital's rota: everyone on a shift every day from last week to tomorrow."""
    from frontdesk.staffing import staffing_rules

    seasonal = staffing_rules.current().seasonal_codes()  # office hours: not the desk's rota
    shifts = [s for s in Shift.select().order_by(Shift.id) if s.code not in seasonal]
    rows = []
    for back in range(7, -2, -1):
        day = today - dt.timedelta(days=back)
        for i, s in enumerate(staff):
            if s.role != "admin":
                rows.append({"staff": s, "shift": shifts[(i + back) % len(shifts)], "date": day})
    ShiftAssignment.insert_many(rows).execute()


def _make_day(rng, day, staff, pats, depts, doctors, media) -> int:
    guides = [s for s in staff if s.role == Role.GUIDE]
    desks = [s for s in staff if s.role == "desk"]
    codes, weights = zip(*DEPT_WEIGHTS.items(), strict=True)
    hours, hweights = zip(*HOUR_WEIGHTS.items(), strict=True)
    queue: dict[int, int] = {}
    came: set[int] = set()
    count = rng.randrange(45, 75)
    for _ in range(count):
        dept = depts[rng.choices(codes, weights)[0]]
        doc = rng.choice(doctors[dept.id])
        patient = rng.choice(pats)
        came.add(patient.id)
        first = rng.random() < 0.45
        t0 = dt.datetime.combine(day, dt.time(rng.choices(hours, hweights)[0], rng.randrange(60)))
        queue[dept.id] = queue.get(dept.id, 0) + 1
        red = dept.is_emergency
        left = not red and rng.random() < 0.05
        guide, desk, escort = rng.choice(guides), rng.choice(desks), rng.choice(guides)
        waived = patient.vip_tier in (VipTier.GOLD, VipTier.DIAMOND)
        fee = 0 if waived else doc.fee_class.amount_fen
        visit = Visit.create(
            visit_date=day, stage=stages.LEFT if left else stages.DONE, patient=patient,
            first_visit=first, has_appointment=rng.random() < 0.25, department=dept, doctor=doc,
            queue_no=queue[dept.id], complaint=rng.choice(COMPLAINTS[dept.code]), red_flag=red,
            media_source=rng.choice(media), fee_fen=fee, fee_waived=waived,
            waiver_reason="VIP" if waived else "", escort=escort, created_at=t0, updated_at=t0,
            left_reason=rng.choice(LEFT_REASONS) if left else "",
        )
        _write_events(rng, visit, t0, guide, desk, escort, red, waived, left)
        if visit.has_appointment:
            _booked(visit, day, t0)
    _no_shows(random.Random(day.toordinal()), day, [p for p in pats if p.id not in came],
              depts, doctors)
    return count


def _booked(visit, day: dt.date, t0: dt.datetime) -> None:
    """The appointment a booked visit came for (arrived), so the report's arrival rate is real."""
    slot = (t0 - dt.timedelta(minutes=t0.minute % 30)).strftime("%H:%M")
    appt = Appointment.create(patient=visit.patient, patient_name=visit.patient.name,
                              phone=visit.patient.phone, department=visit.department,
                              doctor=visit.doctor, date=day, time=slot,
                              complaint=visit.complaint, status="arrived")
    Visit.update(appointment=appt).where(Visit.id == visit.id).execute()


def _no_shows(rng: random.Random, day: dt.date, pats, depts, doctors) -> None:
    """Bookings nobody came for: `pats` are the patients who did not come that day (the
    desk links a patient's booking of the day to their visit, so a booked patient who came
    is no no-show; the week summary counted such bookings as arrived beside walk-in visits)."""
    # A separate generator: adding no-shows must not change the visits of the demo.
    for _ in range(rng.randrange(2, 6)):
        p = rng.choice(pats)
        dept = depts[rng.choice([c for c in DEPT_WEIGHTS if c != "emergency"])]
        Appointment.create(patient=p, patient_name=p.name, phone=p.phone, department=dept,
                           doctor=rng.choice(doctors[dept.id]), date=day,
                           time=f"{rng.randrange(8, 17):02d}:{rng.choice(['00', '30'])}",
                           complaint=rng.choice(COMPLAINTS[dept.code]), status="booked")


def event_path(rng: random.Random, t0: dt.datetime, *, red: bool, waived: bool, left: bool,
               escort, desk, guide, late_billing: bool = True) -> list[tuple]:
    """A made-up visit's events as (from_stage, stage, action, at, staff), in time order,
    as stages.TRANSITIONS allows (the demo hospital and the benchmark database).

    A red-flag visit is treated first; with `late_billing` the desk catches up its
    registration and billing afterwards. A visit that `left` is cut after 2-4 events.
    The order of `rng` calls is part of the contract: the same seed, the same events.
    """
    s = stages
    path = [(s.GREETING, s.ARRIVED, guide, 0), (s.TRIAGE, s.AT_DESK, desk, rng.randrange(1, 4))]
    if red:
        path.append((s.ESCORT, s.DEFERRED, desk, 1))
    else:
        path += [(s.REGISTRATION, s.TRIAGED, desk, rng.randrange(1, 4)),
                 (s.BILLING, s.REGISTERED, desk, rng.randrange(2, 8)),
                 (s.ESCORT, s.WAIVED if waived else s.PAID, desk, rng.randrange(1, 10))]
    path += [(s.DONE, s.HANDED_TO_DOCTOR, escort, rng.randrange(2, 15)),
             (s.DONE, s.BACK_AT_POST, escort, rng.randrange(1, 4))]
    if red and late_billing:
        path += [(s.DONE, s.REGISTERED_LATE, desk, rng.randrange(20, 60)),
                 (s.DONE, s.WAIVED_LATE if waived else s.PAID_LATE, desk, rng.randrange(1, 10))]
    if left:
        cut = rng.randrange(2, 5)
        path = path[:cut] + [(s.LEFT, s.LEFT_ACTION, desk, rng.randrange(5, 30))]
    out, at, prev = [], t0, ""
    for stage, action, who, minutes in path:
        at = at + dt.timedelta(minutes=minutes, seconds=rng.randrange(60))
        out.append((prev, stage, action, at, who))
        prev = stage
    return out


def _write_events(rng, visit, t0, guide, desk, escort, red, waived, left) -> None:
    rows = [{"visit": visit, "from_stage": prev, "stage": stage, "action": action, "at": at,
             "staff": who}
            for prev, stage, action, at, who in event_path(
                rng, t0, red=red, waived=waived, left=left, escort=escort, desk=desk,
                guide=guide)]
    VisitEvent.insert_many(rows).execute()


def _make_appointments(rng, today, pats, depts, doctors) -> int:
    rows = []
    for day in (today, today + dt.timedelta(days=1)):
        for _ in range(12):
            p = rng.choice(pats)
            dept = depts[rng.choice([c for c in DEPT_WEIGHTS if c != "emergency"])]
            rows.append({"patient": p, "patient_name": p.name, "phone": p.phone,
                         "department": dept, "doctor": rng.choice(doctors[dept.id]), "date": day,
                         "time": f"{rng.randrange(8, 17):02d}:{rng.choice(['00', '30'])}",
                         "complaint": rng.choice(COMPLAINTS[dept.code]), "status": "booked"})
    Appointment.insert_many(rows).execute()
    return len(rows)
