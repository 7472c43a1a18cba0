"""Schema step 8: an old database (through step 7) gains the door-ticket columns and index."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError
from playhouse.migrate import SqliteMigrator, migrate

from frontdesk.db import connection, migrations
from frontdesk.db.models import Visit, database_proxy

DOOR_COLUMNS = ("door_ticket_no", "door_ticket", "door_sex", "door_age_band", "door_name",
                "priority")


def _columns(db) -> set[str]:
    return {c.name for c in db.get_columns("visit")}


def test_an_old_database_gains_the_door_ticket_columns(tmp_path):
    db = connection.connect(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    chain = [m for m in migrations.MIGRATIONS if m.version < 8]
    migrations.migrate(db, migrations=chain)
    # Step 1 builds today's models: take the step-8 columns away again, as an old file lacks them.
    db.execute_sql("DROP INDEX IF EXISTS visit_visit_date_door_ticket_no")
    migrate(*(SqliteMigrator(db).drop_column("visit", c) for c in DOOR_COLUMNS))
    assert not _columns(db) & set(DOOR_COLUMNS)
    day = dt.date(2026, 11, 22)
    db.execute_sql("INSERT INTO visit (visit_date, stage, version, first_visit, has_appointment, "
                   "complaint, red_flag, triage_reason, illness_duration, disease_category, "
                   "intention, concerns, health_question, price_comparison, habits, fee_fen, "
                   "fee_snapshot, fee_waived, waiver_reason, left_reason, created_at, updated_at)"
                   " VALUES (?, 'DONE', 1, 1, 0, '', 0, '', '', '', '', '', '', '', '', 0, '{}',"
                   " 0, '', '', ?, ?)", (str(day), f"{day} 09:00:00", f"{day} 09:00:00"))

    report = migrations.migrate(db, backup_dir=tmp_path / "bk")
    assert report.from_version == 7 and report.to_version == migrations.latest_version()
    assert set(DOOR_COLUMNS) <= _columns(db)
    old = Visit.get()
    assert (old.door_ticket_no, old.door_ticket, old.door_sex, old.priority) == (None, "", "", "")
    # The index keeps one ticket per number and day; untouched old visits never clash.
    Visit.create(visit_date=day, door_ticket_no=1, door_ticket="A001")
    with pytest.raises(IntegrityError), database_proxy.atomic():
        Visit.create(visit_date=day, door_ticket_no=1, door_ticket="A001")
    Visit.create(visit_date=day + dt.timedelta(days=1), door_ticket_no=1)
    connection.close()


def test_step_8_keeps_columns_already_there(tmp_path):
    db = connection.connect(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    migrations.migrate(db)
    step = next(m for m in migrations.MIGRATIONS if m.version == 8)
    step.apply(db)  # a file re-stamped to an older version runs it again: nothing breaks
    assert set(DOOR_COLUMNS) <= _columns(db)
    connection.close()
