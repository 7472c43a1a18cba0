"""Door tickets on PostgreSQL: door devices handing out numbers in the same millisecond.

Threads, each on its own connection (peewee keeps one per thread), released
together by a barrier: the advisory lock makes them take turns, the unique
index would refuse a duplicate; every ticket is handed out once, without gaps.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from frontdesk import reception
from frontdesk.db.models import Appointment, Visit, database_proxy
from frontdesk.errors import ValidationError
from frontdesk.reception import tickets
from frontdesk.reception.tickets import AgeBand
from tests.helpers.reception_flow import FIXED_NOW, dept, make_env

pytestmark = pytest.mark.postgres


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)


def _together(devices: int, work) -> tuple[list, list[BaseException]]:
    barrier = threading.Barrier(devices)
    got, errors, lock = [], [], threading.Lock()

    def device(i: int):
        try:
            barrier.wait(30)
            for item in work(i):
                with lock:
                    got.append(item)
        except BaseException as exc:  # noqa: BLE001 - the test asserts on it
            with lock:
                errors.append(exc)
        finally:
            database_proxy.obj.close()

    threads = [threading.Thread(target=device, args=(i,)) for i in range(devices)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return got, errors


@pytest.mark.parametrize("devices, per_device", [(2, 25), (8, 10)])
def test_door_devices_at_once_get_unique_gapless_tickets(env, devices, per_device):
    def work(_i):
        for _ in range(per_device):
            yield reception.new_arrival(actor=env.guide, booked=False, first_visit=True,
                                        sex="F", age_band="adult").door_ticket

    got, errors = _together(devices, work)
    assert errors == []
    assert sorted(got) == [f"A{n:03d}" for n in range(1, devices * per_device + 1)]
    numbers = [n for (n,) in Visit.select(Visit.door_ticket_no).tuples()]
    assert len(numbers) == len(set(numbers)) == devices * per_device


def test_tickets_start_again_each_day_and_old_visits_never_clash(env, clock):
    assert reception.new_arrival(actor=env.guide, booked=False, first_visit=True).door_ticket \
        == "A001"
    clock.freeze(FIXED_NOW + dt.timedelta(days=1))
    assert reception.new_arrival(actor=env.guide, booked=False, first_visit=True).door_ticket \
        == "A001"
    Visit.create(visit_date=FIXED_NOW.date(), stage="DONE")  # an old visit: no ticket
    Visit.create(visit_date=FIXED_NOW.date(), stage="DONE")


def test_two_devices_checking_in_one_booking_one_wins(env):
    appt = Appointment.create(code="K7P2QX", patient_name="钱多多", phone="13700001111",
                              department=dept("anorectal"), date=FIXED_NOW.date(), time="10:30")
    match = tickets.find_booking("k7p2qx", actor=env.guide)
    assert (match.appointment_id, match.age_band) == (appt.id, AgeBand.UNKNOWN)

    def work(_i):
        try:
            yield reception.new_arrival(actor=env.guide, booked=True, first_visit=True,
                                        appointment_id=appt.id).door_ticket
        except ValidationError as exc:
            yield exc

    got, errors = _together(2, work)
    assert errors == []
    assert sorted(type(g).__name__ for g in got) == ["ValidationError", "str"]
    refused = next(g for g in got if isinstance(g, ValidationError))
    assert refused.field == "booking"
    assert Visit.select().where(Visit.appointment == appt.id).count() == 1
    assert Appointment.get_by_id(appt.id).status == "arrived"


def test_an_old_server_database_gains_the_door_ticket_columns(pg_url):
    from frontdesk.db import connection, migrations

    db = connection.connect(pg_url)
    migrations.migrate(db, migrations=[m for m in migrations.MIGRATIONS if m.version < 8])
    # Step 1 builds today's models: take the step-8 columns away, as an old database lacks them.
    db.execute_sql("DROP INDEX IF EXISTS visit_visit_date_door_ticket_no")
    for column in ("door_ticket_no", "door_ticket", "door_sex", "door_age_band", "door_name",
                   "priority"):
        db.execute_sql(f"ALTER TABLE visit DROP COLUMN {column}")
    assert migrations.migrate(db).from_version == 7
    columns = {c.name for c in db.get_columns("visit")}
    assert {"door_ticket_no", "door_ticket", "door_sex", "door_age_band", "door_name",
            "priority"} <= columns
    assert any(ix.name == "visit_visit_date_door_ticket_no" and ix.unique
               for ix in db.get_indexes("visit"))
