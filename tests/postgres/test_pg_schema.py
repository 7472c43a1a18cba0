"""Schema, rules and the demo hospital on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from frontdesk.db import migrations
from frontdesk.db.models import ALL_MODELS, SchemaVersion

pytestmark = pytest.mark.postgres


def test_migrations_create_every_table_and_stamp_the_version(pg_db):
    tables = set(pg_db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert migrations.current_version(pg_db) == migrations.latest_version()
    assert [r.version for r in SchemaVersion.select()] == [migrations.latest_version()]


def key_collation(db) -> str | None:
    return db.execute_sql(
        "SELECT collation_name FROM information_schema.columns "
        "WHERE table_name = 'patient_search_key' AND column_name = 'key'").fetchone()[0]


def test_new_database_has_byte_ordered_search_keys(pg_db):
    assert key_collation(pg_db) == "C"
    indexes = [r[0] for r in pg_db.execute_sql(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'patient_search_key'")]
    assert any("(key, patient_id)" in i for i in indexes), indexes


def test_version_2_database_is_upgraded_in_place(pg_url):
    """A server database made by the previous release (schema 2) gets step 3 on opening."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    db = connection.connect(pg_url)
    migrations.migrate(db, migrations=migrations.MIGRATIONS[:2])
    db.execute_sql("ALTER TABLE patient_search_key ALTER COLUMN key TYPE VARCHAR(64) "
                   "COLLATE \"default\"")
    assert migrations.current_version(db) == 2 and key_collation(db) is None
    connection.close()
    db = open_database(pg_url)
    assert migrations.current_version(db) == migrations.latest_version() >= 3
    assert key_collation(db) == "C"
    assert [r.version for r in SchemaVersion.select().order_by(SchemaVersion.version)] == \
        list(range(2, migrations.latest_version() + 1))


def test_reopening_a_current_database_changes_nothing(pg_url):
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    open_database(pg_url)
    connection.close()
    db = open_database(pg_url)
    assert [r.version for r in SchemaVersion.select()] == [migrations.latest_version()]
    assert key_collation(db) == "C"


def test_rules_load(pg_db):
    from frontdesk import rules, triage
    from frontdesk.db.models import Department, Doctor, GroomingItem, Shift

    first = rules.load_rules()
    assert first.departments == Department.select().count() > 5
    assert first.doctors == Doctor.select().count() > 0
    assert first.grooming_items == GroomingItem.select().count() > 0
    assert first.shifts == Shift.select().count() > 0
    assert rules.rules_loaded()
    emergency = triage.suggest("胸痛半小时")
    assert emergency.red_flag


def test_demo_hospital_installs_and_works(pg_demo_db):
    from frontdesk import accounts, demo, patients
    from frontdesk.db.models import Patient, Staff, Visit, VisitEvent
    from frontdesk.reception import RegistrationForm

    assert Staff.select().count() == len(demo.DEMO_STAFF)
    assert Patient.select().count() == 300
    assert Visit.select().count() > 7 * 40 and VisitEvent.select().count() > Visit.select().count()
    admin = accounts.authenticate("admin", demo.DEMO_PASSWORD)
    assert admin.role == "admin"
    desk = accounts.authenticate("desk1", "2001", allow_pin=True)
    # Sequences follow the demo's rows: new rows get fresh ids.
    p = patients.create_patient(actor=desk, form=RegistrationForm(
        name="新病人", sex="F", phone="13700000000", age=30))
    assert p.id == Patient.select(Patient.id).order_by(Patient.id.desc()).first().id
    assert p.record_no == "P00000001"


def test_desks_starting_together_on_an_empty_database(pg_url):
    """Four desks open a brand-new server database at once: one creates the schema, the
    others wait their turn and find it current; nobody fails."""
    import multiprocessing

    from tests.postgres import workers

    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(4), spawn.Queue()
    procs = [spawn.Process(target=workers.open_and_migrate, args=(pg_url, barrier, results))
             for _ in range(4)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, errors[0]
    assert [v for _, v in outcomes] == [migrations.latest_version()] * 4
    from frontdesk.db import connection

    db = connection.connect(pg_url)
    assert [r.version for r in SchemaVersion.select()] == [migrations.latest_version()]
    assert key_collation(db) == "C"


def outcome_width(db) -> int:
    return db.execute_sql(
        "SELECT character_maximum_length FROM information_schema.columns "
        "WHERE table_name = 'consultation' AND column_name = 'outcome'").fetchone()[0]


def test_a_version_9_database_gets_the_wider_consultation_outcome(pg_url):
    """Step 10 widens consultation.outcome on a server database made before it."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    db = connection.connect(pg_url)
    migrations.migrate(db, migrations=migrations.MIGRATIONS[:9])
    db.execute_sql("ALTER TABLE consultation ALTER COLUMN outcome TYPE VARCHAR(12)")
    assert migrations.current_version(db) == 9 and outcome_width(db) == 12
    connection.close()
    db = open_database(pg_url)
    assert migrations.current_version(db) == migrations.latest_version() >= 10
    assert outcome_width(db) == 16


def test_two_rules_reloads_at_the_same_moment_both_land(pg_rules_db, monkeypatch):
    from tests.helpers.rules_races import two_reloads_at_once

    two_reloads_at_once(monkeypatch)
