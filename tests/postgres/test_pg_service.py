"""The service desk on PostgreSQL: two desks for the last place of a slot (threads, each with
its own connection), and the daily summary's arrival rate with a phone-booked new patient."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from frontdesk import stages
from frontdesk.db.models import (
    Appointment,
    AppointmentSlot,
    Department,
    Doctor,
    DoctorSchedule,
    Patient,
    Visit,
    database_proxy,
)
from frontdesk.errors import ValidationError
from frontdesk.reports import queries
from frontdesk.service import appointments as ap

pytestmark = pytest.mark.postgres
TUESDAY = dt.date(2026, 11, 24)


@pytest.fixture
def desk(pg_rules_db, pg_make_staff, clock):
    return pg_make_staff("desk")


def _book(desk, phone, time="09:00"):
    d = Doctor.get(Doctor.name == "梁振华")
    return ap.book(actor=desk, department_id=d.department_id, doctor_id=d.id, day=TUESDAY,
                   time=time, name="王芳", phone=phone)


def test_eight_desks_for_the_last_place_on_postgres(desk):
    DoctorSchedule.update(capacity=1).execute()
    desks = 8
    barrier = threading.Barrier(desks)
    results: list[str] = []
    lock = threading.Lock()

    def one(i):
        try:
            barrier.wait(10)
            _book(desk, f"1380000{i:04d}")
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
    assert Appointment.select().count() == 1 and AppointmentSlot.get().booked == 1


def test_phone_booked_new_patient_counts_as_arrived_on_postgres(desk):
    _book(desk, "13900000001")
    _book(desk, "13900000002")
    p = Patient.create(record_no="N1", name="新病人", sex="F", phone="13900000001")
    Visit.create(visit_date=TUESDAY, stage=stages.DONE, patient=p, queue_no=1,
                 department=Department.get(Department.code == "anorectal"))
    t = queries.totals(TUESDAY, TUESDAY)
    assert (t.booked, t.booked_arrived) == (2, 1)
