"""Schema step 5: an old database (through step 4) gains the clinic queue tables, and works."""

from __future__ import annotations

from frontdesk.db import connection, migrations
from frontdesk.db.models import QUEUE_MODELS, ClinicState, QueueEntry, QueueEvent

TABLES = {m._meta.table_name for m in QUEUE_MODELS}


def test_an_old_database_gains_the_queue_tables(tmp_path):
    db = connection.connect(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    migrations.migrate(db, migrations=[m for m in migrations.MIGRATIONS if m.version < 5])
    # Step 1 builds today's models: drop the step-5 tables again, as an old file lacks them.
    db.drop_tables(QUEUE_MODELS)
    assert not TABLES & set(db.get_tables())
    report = migrations.migrate(db, backup_dir=tmp_path / "bk")
    assert report.from_version == 4 and report.to_version == migrations.latest_version()
    assert TABLES <= set(db.get_tables())
    # Usable at once: the unique keys are there.
    names = {i.name for i in db.get_indexes("queue_entry")} | {
        i.name for i in db.get_indexes("clinic_state")}
    assert any("visit" in n for n in names) and any("doctor_key" in n for n in names)
    assert QueueEntry.select().count() == QueueEvent.select().count() == 0
    assert ClinicState.select().count() == 0
    connection.close()


def test_step_5_keeps_tables_already_there(tmp_path):
    db = connection.connect(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    migrations.migrate(db)
    step = next(m for m in migrations.MIGRATIONS if m.version == 5)
    step.apply(db)  # safe=True: a re-run changes nothing
    assert TABLES <= set(db.get_tables())
    connection.close()
