import os
import sqlite3
import stat

import pytest
from peewee import IntegerField, SqliteDatabase
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_ops

from frontdesk.db import connection, migrations
from frontdesk.db.models import SchemaVersion, Staff, database_proxy
from frontdesk.errors import ConfigError


def _connect(path):
    return connection.connect(f"sqlite:///{path}")


def test_empty_database_gets_latest_schema(tmp_path):
    db = _connect(tmp_path / "a.sqlite3")
    report = migrations.migrate(db)
    assert (report.from_version, report.to_version) == (0, migrations.latest_version())
    assert report.backup is None
    assert "visit" in db.get_tables() and "visit_event" in db.get_tables()
    assert migrations.current_version(db) == migrations.latest_version()
    # Running again is a no-op.
    assert migrations.migrate(db).from_version == migrations.latest_version()
    db.close()


def test_sqlite_pragmas_for_a_desk_pc(tmp_path):
    db = _connect(tmp_path / "p.sqlite3")
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 1
    db.close()


def _add_column(db):
    run_ops(SqliteMigrator(db).add_column("staff", "shoe_size", IntegerField(default=0)))


def test_upgrade_from_previous_version_takes_a_backup_first(tmp_path):
    old_umask = os.umask(0o022)
    try:
        _upgrade_takes_a_backup_first(tmp_path)
    finally:
        os.umask(old_umask)


def _upgrade_takes_a_backup_first(tmp_path):
    path = tmp_path / "b.sqlite3"
    db = _connect(path)
    migrations.migrate(db)
    last = migrations.latest_version()  # the test step goes after whatever has shipped
    Staff.create(username="u1", display_name="甲", role="desk")
    chain = migrations.MIGRATIONS + [migrations.Migration(last + 1, "shoe size", _add_column)]
    report = migrations.migrate(db, backup_dir=tmp_path / "bk", migrations=chain)
    assert (report.from_version, report.to_version) == (last, last + 1)
    assert report.backup is not None and report.backup.exists()
    if os.name == "posix":  # every patient's data: readable by the owner only
        assert stat.S_IMODE(report.backup.stat().st_mode) == 0o600
    # The backup is the database as it was before the step: no new column.
    with sqlite3.connect(report.backup) as old:
        assert old.execute("SELECT max(version) FROM schema_version").fetchone()[0] == last
        cols = [r[1] for r in old.execute("PRAGMA table_info(staff)")]
        assert "shoe_size" not in cols
        assert old.execute("SELECT username FROM staff").fetchone()[0] == "u1"
    cols = [r[1] for r in db.execute_sql("PRAGMA table_info(staff)")]
    assert "shoe_size" in cols
    assert migrations.current_version(db) == last + 1
    db.close()


def test_failed_step_rolls_back_and_keeps_version(tmp_path):
    db = _connect(tmp_path / "c.sqlite3")
    migrations.migrate(db)
    last = migrations.latest_version()

    def broken(database):
        database.execute_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("step failed")

    chain = migrations.MIGRATIONS + [migrations.Migration(last + 1, "broken", broken)]
    with pytest.raises(RuntimeError):
        migrations.migrate(db, backup_dir=tmp_path, migrations=chain)
    assert migrations.current_version(db) == last
    assert "half_done" not in db.get_tables()
    db.close()


def test_newer_database_is_refused_not_downgraded(tmp_path):
    db = _connect(tmp_path / "d.sqlite3")
    migrations.migrate(db)
    SchemaVersion.create(version=99, app_version="9.9")
    with pytest.raises(ConfigError) as err:
        migrations.migrate(db)
    assert "99" in err.value.message("en") and "newer" in err.value.message("en")
    assert "升级" in err.value.message("zh_CN")
    assert migrations.current_version(db) == 99
    db.close()


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER)")
    db = _connect(path)
    with pytest.raises(ConfigError) as err:
        migrations.migrate(db)
    assert "not a Frontdesk database" in err.value.message("en")
    db.close()
    assert database_proxy.obj is db
    assert isinstance(db, SqliteDatabase)


def test_table_rebuild_on_a_populated_database_keeps_foreign_keys(tmp_path, demo_db):
    """A NOT NULL column added to a referenced table forces SQLite to rebuild it."""
    from peewee import BooleanField

    from frontdesk.db.models import Patient, Visit

    visits = Visit.select().count()

    def add_flag(db):
        run_ops(SqliteMigrator(db).add_column("patient", "flag_x", BooleanField(default=False)))

    latest = migrations.latest_version()
    chain = migrations.MIGRATIONS + [migrations.Migration(latest + 1, "flag", add_flag)]
    report = migrations.migrate(demo_db, backup_dir=tmp_path / "bk", migrations=chain)
    assert report.to_version == latest + 1
    assert Visit.select().count() == visits and Patient.select().count() > 0
    assert demo_db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not demo_db.execute_sql("PRAGMA foreign_key_check").fetchall()


def test_step_that_breaks_foreign_keys_is_rolled_back(tmp_path, demo_db):
    def orphan(db):
        db.execute_sql("DELETE FROM patient WHERE id IN (SELECT patient_id FROM visit LIMIT 1)")

    latest = migrations.latest_version()
    chain = migrations.MIGRATIONS + [migrations.Migration(latest + 1, "orphan", orphan)]
    with pytest.raises(ConfigError) as err:
        migrations.migrate(demo_db, backup_dir=tmp_path / "bk", migrations=chain)
    assert "foreign keys" in err.value.message("en")
    assert migrations.current_version(demo_db) == latest
    assert not demo_db.execute_sql("PRAGMA foreign_key_check").fetchall()
    assert demo_db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


class _FakeServerDb:
    """Not SQLite: records the SQL migrate() sends around the schema work."""

    param = "%s"

    def __init__(self):
        self.log = []

    def execute_sql(self, sql, params=()):
        self.log.append((sql, tuple(params)))


@pytest.mark.parametrize("fails", [False, True])
def test_server_migration_runs_under_the_schema_lock(monkeypatch, fails):
    # Two desks starting together must not both apply a step: the version is read and the
    # steps run only while holding the advisory lock, which is released even on failure.
    db = _FakeServerDb()

    def inner(d, **_):
        d.log.append(("migrate: read version, apply steps", ()))
        if fails:
            raise ConfigError("坏", "bad")
        return migrations.MigrationReport(1, 1, None)

    monkeypatch.setattr(migrations, "_migrate", inner)
    if fails:
        with pytest.raises(ConfigError):
            migrations.migrate(db)
    else:
        migrations.migrate(db)
    key = (migrations.SCHEMA_LOCK_KEY,)
    assert db.log == [("SELECT pg_advisory_lock(%s)", key),
                      ("migrate: read version, apply steps", ()),
                      ("SELECT pg_advisory_unlock(%s)", key)]


def test_step_4_makes_follow_ups_unique_per_visit(tmp_path, demo_db):
    """From version 3 (index not unique) to 4, on a populated database."""
    import datetime as dt

    from peewee import IntegrityError

    from frontdesk.db.models import FollowUp, Visit

    demo_db.execute_sql("DROP INDEX follow_up_visit_id")
    demo_db.execute_sql("CREATE INDEX follow_up_visit_id ON follow_up (visit_id)")
    SchemaVersion.delete().where(SchemaVersion.version > 3).execute()
    SchemaVersion.insert(version=3, app_version="0.1.0").on_conflict_ignore().execute()
    assert migrations.current_version(demo_db) == 3
    report = migrations.migrate(demo_db, backup_dir=tmp_path / "bk")
    assert report.from_version == 3 and report.backup is not None
    visit = Visit.select().first()
    FollowUp.delete().where(FollowUp.visit == visit).execute()  # the demo may have called
    FollowUp.create(visit=visit, patient=visit.patient, due_date=dt.date(2026, 11, 24))
    with pytest.raises(IntegrityError):
        FollowUp.create(visit=visit, patient=visit.patient, due_date=dt.date(2026, 11, 25))


def _current_file_recording(tmp_path, version):
    """A database of the latest schema whose version table was edited to say `version`."""
    path = tmp_path / "v.sqlite3"
    db = _connect(path)
    migrations.migrate(db)
    connection.close()
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (?, '2026-11-23 10:00:00', '0.1.0')",
                    (version,))
    return path


@pytest.mark.parametrize("version", [-5, 0])
def test_a_version_that_is_no_version_is_a_damaged_database(tmp_path, version):
    """'version -5' ran every step again over the tables that were there and the command
    line showed SQLite's 'duplicate column name: birth_date_estimated'."""
    from frontdesk.errors import DatabaseDamaged

    path = _current_file_recording(tmp_path, version)
    db = SqliteDatabase(str(path))
    database_proxy.initialize(db)
    with pytest.raises(DatabaseDamaged) as err:
        migrations.migrate(db, backup_dir=tmp_path)
    assert f"'{version}'" in err.value.message("en") and "duplicate" not in err.value.zh
    db.close()


def test_a_step_refused_over_tables_that_do_not_match_is_a_sentence(tmp_path):
    """A file saying version 1 while its tables are current: step 2 adds a column that is
    there. It is rolled back, the version stays 1, and the sentence says so."""
    from frontdesk.errors import DatabaseDamaged

    path = _current_file_recording(tmp_path, 1)
    db = SqliteDatabase(str(path))
    database_proxy.initialize(db)
    with pytest.raises(DatabaseDamaged) as err:
        migrations.migrate(db, backup_dir=tmp_path)
    assert "step 2" in err.value.message("en") and "第 2 步" in err.value.zh
    assert "duplicate column" not in err.value.zh + err.value.en
    db.close()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
