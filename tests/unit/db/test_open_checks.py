"""Opening a database: concurrent migrations, empty version table, empty or damaged files (issue 21)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.db import connection, migrations
from frontdesk.db.session import open_database
from frontdesk.errors import DatabaseDamaged, FrontdeskError

ROOT = Path(__file__).resolve().parents[3]


def _old_schema(path: Path) -> None:
    """A database as version 1 left it: no birth_date_estimated column, stamped 1."""
    open_database(f"sqlite:///{path}")
    connection.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_version SET version = 1")  # a new file is stamped once
    con.execute("ALTER TABLE patient DROP COLUMN birth_date_estimated")
    con.commit()
    con.close()


def test_processes_migrating_one_old_file_at_once_take_turns(tmp_path):
    path = tmp_path / "old.sqlite3"
    _old_schema(path)
    # Every process in the same second: the pre-migration copies must not share a name.
    env = dict(os.environ, PYTHONPATH=str(ROOT), FRONTDESK_NOW="2026-11-23T08:30:00",
               FRONTDESK_DATA_DIR=str(tmp_path / "data"))
    code = ("import sys; from frontdesk.db.session import open_database; "
            "open_database(sys.argv[1])")
    procs = [subprocess.Popen([sys.executable, "-c", code, f"sqlite:///{path}"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [r for r, _ in results] == [0, 0, 0, 0], [e[-500:] for _, e in results]
    con = sqlite3.connect(path)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version")]
    con.close()
    assert versions == list(range(1, migrations.latest_version() + 1))
    assert len(list(tmp_path.glob("*before-migration*"))) == 1


def test_a_copy_left_by_a_killed_migration_in_the_same_second_is_no_obstacle(tmp_path, clock):
    import datetime as dt

    clock.freeze(dt.datetime(2026, 11, 23, 8, 30))
    path = tmp_path / "old.sqlite3"
    _old_schema(path)
    # What the old naming would produce for this second: a killed run left it behind.
    (tmp_path / "old.v1.20261123-083000.before-migration.sqlite3").write_bytes(b"half")
    open_database(f"sqlite:///{path}")
    try:
        assert migrations.current_version(connection.database_proxy.obj) == migrations.latest_version()
    finally:
        connection.close()


def test_an_empty_version_table_is_not_a_new_database(tmp_path):
    path = tmp_path / "v.sqlite3"
    open_database(f"sqlite:///{path}")
    connection.close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM schema_version")
    con.commit()
    con.close()
    with pytest.raises(DatabaseDamaged):
        open_database(f"sqlite:///{path}")
    connection.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0  # not stamped
    con.close()


def test_a_zero_byte_file_is_not_a_new_database(tmp_path):
    path = tmp_path / "z.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as err:
        open_database(f"sqlite:///{path}")
    assert "0" in err.value.en and str(path) in err.value.en
    assert path.stat().st_size == 0


def _damaged(tmp_path) -> Path:
    path = tmp_path / "d.sqlite3"
    open_database(f"sqlite:///{path}")
    db = connection.database_proxy.obj
    db.execute_sql("CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT)")
    db.execute_sql("CREATE INDEX filler_t ON filler (t)")
    for i in range(300):
        db.execute_sql("INSERT INTO filler (t) VALUES (?)", (f"row {i} " * 20,))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the last pages (the filler's table and index): page 1 stays readable.
    for i in range(len(data) - page * 6, len(data) - page):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    return path


def test_damaged_pages_are_found_at_open(tmp_path):
    path = _damaged(tmp_path)
    with pytest.raises(DatabaseDamaged) as err:
        open_database(f"sqlite:///{path}")
    assert str(path) in err.value.en and "restore" in err.value.en
    connection.close()


def test_damaged_pages_stop_the_command_line_with_a_message(tmp_path, capsys):
    from frontdesk import cli

    path = _damaged(tmp_path)
    code = cli.main(["--db", f"sqlite:///{path}", "backup", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "损坏" in err and "Traceback" not in err
    connection.close()


def test_every_open_error_is_a_frontdesk_error_for_a_folder(tmp_path):
    with pytest.raises(FrontdeskError):
        open_database(f"sqlite:///{tmp_path}")


def test_the_desk_can_leave_the_page_check_to_its_worker(tmp_path):
    # The window opens without reading every page; the check it then runs on its worker
    # finds the damage and says it the same way.
    path = _damaged(tmp_path)
    url = f"sqlite:///{path}"
    open_database(url, check_pages=False)
    with pytest.raises(DatabaseDamaged) as err:
        connection.check_pages_of(url)
    assert str(path) in err.value.en and "restore" in err.value.en
    connection.close()


def test_a_smoke_run_on_damaged_pages_says_so_and_fails(tmp_path):
    import os
    import subprocess
    import sys

    path = _damaged(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-m", "frontdesk", "--db", f"sqlite:///{path}",
                          "--smoke"], capture_output=True, text=True, env=env, timeout=120,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.returncode == 2, out.stderr
    assert "损坏" in out.stderr and "Traceback" not in out.stderr
