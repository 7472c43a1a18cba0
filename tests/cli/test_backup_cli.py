"""`frontdesk backup --out DIR` and `frontdesk restore FILE` end to end (in-process)."""

from __future__ import annotations

import sqlite3

from frontdesk import cli
from frontdesk.db import connection


def init_db(path) -> str:
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init", "--hospital", "测试医院"]) == 0
    connection.close()
    return url


def count(path, sql) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_backup_then_restore_round_trip(tmp_path, capsys):
    db_path, url, backup_file = _backed_up(tmp_path, capsys, lang="en", keep_output=True)
    assert "verified" in capsys.readouterr().out
    assert [backup_file] == list(backup_file.parent.glob("frontdesk-*.sqlite3"))
    departments = count(db_path, "SELECT count(*) FROM department")

    assert cli.main(["--db", url, "--lang", "en", "restore", "--yes", str(backup_file)]) == 0
    connection.close()
    text = capsys.readouterr().out
    assert "restored" in text and "kept" in text
    assert count(db_path, "SELECT count(*) FROM department") == departments
    assert renamed(db_path) == 0
    assert len(list(tmp_path.glob("fd.before-restore.*.sqlite3"))) == 1
    assert count(db_path, "SELECT count(*) FROM audit_log WHERE action='restore'") == 1


def test_restore_refuses_corrupt_file(tmp_path, capsys):
    db_path = tmp_path / "fd.sqlite3"
    url = init_db(db_path)
    before = db_path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert cli.main(["--db", url, "--lang", "en", "restore", str(bad)]) == 2
    connection.close()
    err = capsys.readouterr().err
    assert "bad.sqlite3" in err and "nothing was changed" in err
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore.*"))


def test_backup_to_missing_folder_fails_clearly(tmp_path, capsys):
    url = init_db(tmp_path / "fd.sqlite3")
    assert cli.main(["--db", url, "--lang", "en", "backup", "--out", str(tmp_path / "nope")]) == 2
    connection.close()
    assert "does not exist" in capsys.readouterr().err


def test_restore_over_a_damaged_database(tmp_path, capsys):
    db_path = tmp_path / "fd.sqlite3"
    url = init_db(db_path)
    out = tmp_path / "bk"
    out.mkdir()
    assert cli.main(["--db", url, "backup", "--out", str(out)]) == 0
    connection.close()
    backup_file = next(out.glob("frontdesk-*.sqlite3"))
    db_path.write_bytes(b"this is no longer a database" * 200)
    assert cli.main(["--db", url, "check"]) == 2
    assert cli.main(["--db", url, "restore", str(backup_file)]) == 0
    connection.close()
    assert cli.main(["--db", url, "check"]) == 0
    connection.close()
    assert count(db_path, "SELECT count(*) FROM audit_log WHERE action='restore'") == 1


def _backup(tmp_path, url):
    out = tmp_path / "bk"
    out.mkdir()
    assert cli.main(["--db", url, "backup", "--out", str(out)]) == 0
    connection.close()
    return next(out.glob("frontdesk-*.sqlite3"))


def test_restore_refuses_a_newer_schema_and_leaves_the_file(tmp_path, capsys):
    # A newer Frontdesk's database is sound: an older restore must neither move nor delete it.
    db_path = tmp_path / "fd.sqlite3"
    url = init_db(db_path)
    backup_file = _backup(tmp_path, url)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_version (version, app_version, applied_at) "
                 "VALUES (999, 'future', '2030-01-01 00:00:00')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    capsys.readouterr()
    assert cli.main(["--db", url, "--lang", "en", "restore", str(backup_file)]) == 2
    connection.close()
    assert "newer" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("fd.before-restore.*"))


def test_restore_refuses_a_locked_database(tmp_path, capsys, monkeypatch):
    db_path = tmp_path / "fd.sqlite3"
    url = init_db(db_path)
    backup_file = _backup(tmp_path, url)
    monkeypatch.setitem(connection.SQLITE_PRAGMAS, "busy_timeout", 0)  # fail now, not in 5 s
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert cli.main(["--db", url, "--lang", "en", "restore", str(backup_file)]) == 2
        connection.close()
        err = capsys.readouterr().err
        assert "locked" in err and "Close other Frontdesk" in err
    finally:
        holder.rollback()
        holder.close()
    assert db_path.exists() and backup_file.exists()
    assert not list(tmp_path.glob("fd.before-restore.*"))
    assert count(db_path, "SELECT count(*) FROM audit_log WHERE action='restore'") == 0


def _backed_up(tmp_path, capsys, lang: str | None = None, keep_output: bool = False):
    """A hospital backed up to tmp_path/bk, then renamed (the change a restore undoes);
    what the backup printed is left for the caller to read if `keep_output`."""
    db_path = tmp_path / "fd.sqlite3"
    url = init_db(db_path)
    out = tmp_path / "bk"
    out.mkdir()
    capsys.readouterr()
    language = ["--lang", lang] if lang else []
    assert cli.main(["--db", url, *language, "backup", "--out", str(out)]) == 0
    connection.close()
    if not keep_output:
        capsys.readouterr()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE setting SET value='\"改名医院\"' WHERE key='hospital.name'")
    conn.commit()
    conn.close()
    assert renamed(db_path) == 1
    return db_path, url, next(out.glob("frontdesk-*.sqlite3"))


def renamed(db_path) -> int:
    return count(db_path, "SELECT count(*) FROM setting WHERE value LIKE '%改名%'")


def test_restore_without_yes_where_nobody_can_answer_changes_nothing(tmp_path, capsys,
                                                                     monkeypatch):
    # A script or a scheduler: no terminal to ask at, so no restore without --yes
    # (it replaces today's data). Found by the end-to-end round.
    db_path, url, backup_file = _backed_up(tmp_path, capsys)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["--db", url, "--lang", "en", "restore", str(backup_file)]) == 1
    connection.close()
    assert "--yes" in capsys.readouterr().out
    assert renamed(db_path) == 1 and not list(tmp_path.glob("fd.before-restore.*"))


def test_restore_at_a_terminal_asks_and_no_keeps_the_database(tmp_path, capsys, monkeypatch):
    db_path, url, backup_file = _backed_up(tmp_path, capsys)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert cli.main(["--db", url, "--lang", "en", "restore", str(backup_file)]) == 1
    connection.close()
    assert "Nothing was changed" in capsys.readouterr().out and renamed(db_path) == 1
    assert cli.main(["--db", url, "--lang", "en", "restore", str(backup_file)]) == 0
    connection.close()
    assert renamed(db_path) == 0


def test_two_restores_in_the_same_second_keep_both_databases_aside(tmp_path, capsys, clock):
    db_path, url, backup_file = _backed_up(tmp_path, capsys)
    clock.freeze()
    for _ in range(2):
        assert cli.main(["--db", url, "--lang", "en", "restore", "--yes", str(backup_file)]) == 0
        connection.close()
    kept = sorted(p.name for p in tmp_path.glob("fd.before-restore.*.sqlite3"))
    assert len(kept) == 2 and kept[0] != kept[1], kept
