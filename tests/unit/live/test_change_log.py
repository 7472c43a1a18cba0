"""The change log is written by the writing transaction itself (frontdesk/db/change_log.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import reception, settings
from frontdesk.changes import Changed, changes
from frontdesk.db import change_log, connection, migrations
from frontdesk.db.models import ChangeLog, SchemaVersion, Setting, database_proxy
from frontdesk.errors import ConflictError
from tests.helpers.reception_flow import dept, make_env


def rows() -> list[tuple[str, int | None, str]]:
    return [(r.kinds, r.entity_id, r.station) for r in ChangeLog.select().order_by(ChangeLog.seq)]


def test_a_declared_write_leaves_one_row_with_its_kinds_id_and_station(rules_db, make_staff,
                                                                        clock):
    env = make_env(make_staff, clock)
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    log = rows()
    assert log[-2][0] == "VISITS" and log[-2][1] is None  # new_arrival has no *_id argument
    assert log[-1] == ("VISITS", v.id, change_log.STATION)


def test_the_queue_number_retry_loop_still_works_under_the_hook(rules_db, make_staff, clock):
    # triage allocates a queue number in a savepoint per try (queue.numbers.assign_queue_no).
    env = make_env(make_staff, clock)
    numbers = []
    for _ in range(3):
        v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
        v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
        v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                             complaint="便血一周", department_id=dept("anorectal").id)
        numbers.append(v.queue_no)
    assert numbers == [1, 2, 3]
    assert [k for k, _e, _s in rows()][-1] == "VISITS"
    assert len([r for r in rows() if r[0] == "VISITS"]) == 9


def test_a_refused_write_leaves_no_row(rules_db, make_staff, clock):
    env = make_env(make_staff, clock)
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    before = len(rows())
    with pytest.raises(ConflictError):
        reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version + 5)
    assert len(rows()) == before


def test_rollback_inside_an_operation_leaves_no_row(db):
    @changes(Changed.SETTINGS)
    def broken():
        with database_proxy.atomic():
            Setting.create(key="x.y", value="1")
            raise RuntimeError("half-way")

    with pytest.raises(RuntimeError):
        broken()
    assert rows() == [] and not Setting.select().where(Setting.key == "x.y").exists()


def test_a_transaction_that_wrote_nothing_leaves_no_row(db):
    @changes(Changed.STAFF, when=bool)
    def nothing_to_do():
        with database_proxy.atomic():
            Setting.select().count()
        return False

    nothing_to_do()
    assert rows() == []


def test_an_autocommit_write_becomes_one_transaction_with_its_row(db):
    settings.set("hospital.name", "测试医院")  # one INSERT … ON CONFLICT, no atomic()
    assert rows() == [("SETTINGS", None, change_log.STATION)]


def test_undeclared_writes_are_not_logged(db):
    with database_proxy.atomic():
        Setting.create(key="private.note", value="1")
    Setting.create(key="private.other", value="2")
    assert rows() == []


def test_composite_operation_records_the_kinds_of_what_ran(db):
    @changes(Changed.PATIENTS)
    def inner(patient_id: int):
        Setting.create(key=f"p.{patient_id}", value="1")

    @changes(Changed.VISITS)
    def outer():
        with database_proxy.atomic():
            inner(7)

    outer()
    assert rows() == [("VISITS,PATIENTS", 7, change_log.STATION)]


def test_old_rows_are_pruned_by_the_writer(db, clock, monkeypatch):
    monkeypatch.setattr(change_log, "PRUNE_EVERY", 4)
    for i in range(3):
        settings.set("hospital.name", f"H{i}")
    clock.advance(days=2)
    settings.set("hospital.name", "H3")  # seq 4: prunes what is older than a day
    assert [r.seq for r in ChangeLog.select()] == [4]


def test_kinds_are_stored_by_name():
    assert change_log.kinds_text(Changed.VISITS | Changed.QUEUE) == "VISITS,QUEUE"
    assert change_log.parse_kinds("QUEUE,VISITS,NOT_A_KIND") == Changed.VISITS | Changed.QUEUE
    assert change_log.parse_kinds("") == Changed.NONE


def test_an_old_database_gains_the_change_log(tmp_path):
    db = connection.connect(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    migrations.migrate(db)
    db.drop_tables([ChangeLog])
    SchemaVersion.delete().where(SchemaVersion.version > 8).execute()
    SchemaVersion.insert(version=8, app_version="0.1.0").on_conflict_ignore().execute()
    report = migrations.migrate(db, backup_dir=tmp_path / "bk",
                                migrations=migrations.MIGRATIONS[:9])
    assert report.from_version == 8 and report.to_version == 9
    assert "change_log" in db.get_tables()
    settings.set("hospital.name", "旧库")
    assert rows()[-1][0] == "SETTINGS"
    assert isinstance(ChangeLog.get().at, dt.datetime)
    connection.close()
