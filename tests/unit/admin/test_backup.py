"""Online backup, verification, retention, daily backup, restore round trip and refusals."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from frontdesk import settings
from frontdesk.admin import backup
from frontdesk.db.models import AuditLog, Department, database_proxy
from frontdesk.errors import ConfigError, PermissionDenied, ValidationError


@pytest.fixture(autouse=True)
def _half_past_eight(clock):
    clock.freeze(dt.datetime(2026, 11, 23, 8, 30, 0))


def test_backup_verify_restore_round_trip(rules_db, tmp_path, make_staff, clock):
    admin = make_staff("admin")
    out = tmp_path / "backups"
    out.mkdir()
    result = backup.make_backup(out, actor=admin)
    assert result.path.name == "frontdesk-20261123-083000.sqlite3"
    assert backup.verify(result.path) == []
    assert not list(out.glob("*.partial"))
    # The copy holds the data: open it on its own.
    conn = sqlite3.connect(result.path)
    assert conn.execute("SELECT count(*) FROM department").fetchone()[0] == Department.select().count()
    conn.close()
    entry = AuditLog.get(AuditLog.action == "backup")
    assert entry.staff_id == admin.id and str(result.path) in entry.detail

    # Change the data, then restore: the change is gone and the changed DB is kept aside.
    departments = Department.select().count()
    Department.create(code="new", name_zh="新科", name_en="New", short_zh="新", short_en="NW")
    assert Department.select().count() == departments + 1
    clock.freeze(dt.datetime(2026, 11, 23, 9))
    restored = backup.restore(result.path, actor=admin)
    assert Department.select().count() == departments
    assert database_proxy.obj.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database_proxy.obj.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert restored.kept_aside.exists()
    aside = sqlite3.connect(restored.kept_aside)
    assert aside.execute("SELECT count(*) FROM department").fetchone()[0] == departments + 1
    aside.close()
    assert AuditLog.select().where(AuditLog.action == "restore").count() == 1


def test_restore_refuses_a_corrupt_file_and_changes_nothing(rules_db, tmp_path):
    good = backup.make_backup(tmp_path).path
    data = bytearray(good.read_bytes())
    # Scribble over the middle of the file (past the header): pages no longer add up.
    for i in range(4096 * 2, min(len(data), 4096 * 6)):
        data[i] = 0xA5
    bad = tmp_path / "corrupt.sqlite3"
    bad.write_bytes(bytes(data))
    assert backup.verify(bad) != []
    before = Department.select().count()
    files_before = sorted(p.name for p in rules_db_dir(rules_db).iterdir())
    with pytest.raises(ValidationError) as exc:
        backup.restore(bad)
    assert "corrupt.sqlite3" in exc.value.message("zh_CN")
    assert Department.select().count() == before
    assert sorted(p.name for p in rules_db_dir(rules_db).iterdir()) == files_before


def rules_db_dir(db):
    from pathlib import Path

    return Path(db.database).parent


def test_restore_refuses_non_database_and_foreign_database(rules_db, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ValidationError):
        backup.restore(text)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "schema_version" in " ".join(backup.verify(other))
    with pytest.raises(ValidationError):
        backup.restore(other)


@pytest.mark.permissions
def test_missing_and_read_only_folder_are_refused(rules_db, tmp_path):
    with pytest.raises(ValidationError) as exc:
        backup.make_backup(tmp_path / "unplugged")
    assert "不存在" in exc.value.message("zh_CN")
    assert not (tmp_path / "unplugged").exists()
    locked = tmp_path / "ro"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(ValidationError) as exc:
            backup.make_backup(locked)
        assert "只读" in exc.value.message("zh_CN")
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)
    assert AuditLog.select().where(AuditLog.action == "backup").count() == 0


def test_read_only_folder_as_root_is_still_refused(rules_db, tmp_path, monkeypatch):
    # The suite may run as root, where chmod does not bite: simulate what os.access reports.
    real_access = os.access
    monkeypatch.setattr(backup.os, "access",
                        lambda p, mode: False if str(p) == str(tmp_path) else real_access(p, mode))
    with pytest.raises(ValidationError) as exc:
        backup.make_backup(tmp_path)
    assert "read-only" in exc.value.message("en")
    assert backup.list_backups(tmp_path) == []


def test_retention_prunes_old_backups_by_name(rules_db, tmp_path):
    tmp_path = tmp_path / "kept"
    tmp_path.mkdir()
    settings.set("backup.keep_days", 7)
    for day in range(1, 13):
        (tmp_path / f"frontdesk-202611{day:02d}-080000.sqlite3").write_bytes(b"x")
    (tmp_path / "unrelated.sqlite3").write_bytes(b"x")
    result = backup.make_backup(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    # Past keep_days, but the newest KEEP_NEWEST stay whatever their dates.
    assert names == [f"frontdesk-202611{day:02d}-080000.sqlite3" for day in range(7, 13)] + [
        "frontdesk-20261123-083000.sqlite3", "unrelated.sqlite3"]
    assert len(result.pruned) == 6


def test_automatic_backup_runs_hourly(rules_db, tmp_path, clock):
    settings.set("backup.folder", str(tmp_path))
    first = backup.auto_backup()
    assert first is not None and first.path.parent == tmp_path
    clock.advance(dt.timedelta(minutes=30))
    assert backup.auto_backup() is None
    clock.advance(dt.timedelta(days=1))
    assert backup.auto_backup() is not None
    assert len(backup.list_backups(tmp_path)) == 2
    assert settings.get("backup.last_run") == clock().isoformat()


def test_default_folder_is_created(rules_db):
    result = backup.make_backup()
    assert result.path.parent == backup.configured_folder()


def test_backup_needs_permission(rules_db, tmp_path, make_staff):
    desk = make_staff("desk")
    with pytest.raises(PermissionDenied):
        backup.make_backup(tmp_path, actor=desk)
    with pytest.raises(PermissionDenied):
        backup.restore(tmp_path / "x.sqlite3", actor=desk)


def test_postgres_is_pointed_at_pg_dump(monkeypatch):
    from peewee import PostgresqlDatabase

    monkeypatch.setattr(database_proxy, "obj", PostgresqlDatabase("frontdesk"))
    with pytest.raises(ConfigError) as exc:
        backup.make_backup()
    assert "pg_dump" in exc.value.message("zh_CN") and "pg_dump" in exc.value.message("en")
    assert backup.auto_backup() is None


def test_restore_over_damaged_file(rules_db, tmp_path):
    good = backup.make_backup(tmp_path).path
    target = tmp_path / "live" / "frontdesk.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"garbage that is not a database" * 100)
    result = backup.restore_over_damaged(good, target)
    assert backup.verify(target) == []
    assert result.kept_aside.read_bytes().startswith(b"garbage")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)  # the usual umask: files would otherwise come out 0644
    yield
    os.umask(old)


def _mode(path) -> int:
    return os.stat(path).st_mode & 0o777


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_backups_and_kept_aside_copies_are_owner_only(rules_db, tmp_path, umask_022, clock):
    result = backup.make_backup(tmp_path)
    assert _mode(result.path) == 0o600
    clock.freeze(dt.datetime(2026, 11, 23, 9))
    restored = backup.restore(result.path)
    assert _mode(restored.kept_aside) == 0o600
    live = tmp_path / "live" / "frontdesk.sqlite3"
    live.parent.mkdir()
    live.write_bytes(b"garbage that is not a database" * 100)
    live.chmod(0o640)
    over = backup.restore_over_damaged(result.path, live)
    assert _mode(over.kept_aside) == 0o600
    assert _mode(live) == 0o640  # the live file keeps the mode it had
    assert backup.verify(live) == []


@pytest.mark.parametrize("folder", ["bk#1 %x", "bk?q=1%20 #"])
def test_folder_with_uri_characters(rules_db, tmp_path, folder, clock):
    # Pasted into "file:{path}?mode=ro", '#' '?' '%' would open another file (or none).
    out = tmp_path / folder
    out.mkdir()
    result = backup.make_backup(out)
    assert backup.verify(result.path) == []
    assert backup.list_backups(out)[0][0] == result.path
    Department.create(code="new", name_zh="新科", name_en="New", short_zh="新", short_en="NW")
    clock.freeze(dt.datetime(2026, 11, 23, 9))
    backup.restore(result.path)
    assert Department.get_or_none(Department.code == "new") is None


DESK = """
import sqlite3, sys
desk = sqlite3.connect(sys.argv[1])  # a running desk: WAL, idle, holding only a shared lock
desk.execute("PRAGMA journal_mode=wal")
desk.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("ready", flush=True)
sys.stdin.readline()
"""


def test_restore_over_damaged_refuses_a_file_in_use(rules_db, tmp_path):
    good = backup.make_backup(tmp_path).path
    live = tmp_path / "live" / "frontdesk.sqlite3"
    live.parent.mkdir()
    live.write_bytes(good.read_bytes())
    desk = subprocess.Popen([sys.executable, "-c", DESK, str(live)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert desk.stdout.readline().strip() == "ready"
        with open(live, "r+b") as fh:  # damaged under the running desk
            fh.write(b"\xff" * 100)
        before = live.read_bytes()
        with pytest.raises(ConfigError) as exc:
            backup.restore_over_damaged(good, live)
        assert "Close the other Frontdesk first" in exc.value.message("en")
        assert live.read_bytes() == before
        assert not list(live.parent.glob("*.before-restore.*"))
        assert not list(live.parent.glob("*.restoring"))
    finally:
        desk.communicate("\n", timeout=10)


def test_desks_sharing_one_file_take_one_hourly_backup(rules_db, tmp_path, clock):
    """Eight desks opening one shared file in the same instant: one copy, not eight."""
    import threading

    settings.set("backup.folder", str(tmp_path))
    clock.freeze(clock())
    start = threading.Barrier(8)
    results, errors = [], []

    def desk():
        try:
            start.wait()
            results.append(backup.auto_backup())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            database_proxy.close()

    threads = [threading.Thread(target=desk) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sum(r is not None for r in results) == 1
    assert len(backup.list_backups(tmp_path)) == 1


def test_a_claim_left_by_a_desk_that_died_expires(rules_db, tmp_path, clock):
    settings.set("backup.folder", str(tmp_path))
    clock.freeze(clock())
    assert backup.claim_turn()  # this desk claimed, then crashed before copying
    assert backup.auto_backup() is None  # the others wait for it …
    clock.advance(backup.CLAIM_HOLD + dt.timedelta(seconds=1))
    assert backup.auto_backup() is not None  # … but not forever


def test_a_failed_backup_gives_the_turn_back(rules_db, tmp_path, clock, monkeypatch):
    settings.set("backup.folder", str(tmp_path))

    def broken(*args, **kwargs):
        raise ValidationError("磁盘已满", "The disk is full", field="folder")

    monkeypatch.setattr(backup, "make_backup", broken)
    with pytest.raises(ValidationError):
        backup.auto_backup()
    monkeypatch.undo()
    assert backup.auto_backup() is not None  # retried at once, no 10-minute gap


def test_a_backup_copied_in_steps_is_the_snapshot_of_its_start_while_desks_write(
        rules_db, tmp_path, monkeypatch):
    # One page a step, and a desk committing at every pause: SQLite would restart a stepped
    # copy at each such commit (for ever on a busy day) unless the copy holds its snapshot.
    from frontdesk.db.models import Setting

    monkeypatch.setattr(backup, "BACKUP_STEP_PAGES", 1)
    before = Setting.select().count()
    pauses = []
    live = sqlite3.connect(backup.live_database_path(), timeout=5)

    def desk_commits(*_args):
        pauses.append(1)
        if len(pauses) <= 5:
            live.execute("INSERT INTO setting (key, value) VALUES (?, '1')",
                         (f"test.step{len(pauses)}",))
            live.commit()

    monkeypatch.setattr(backup, "_pause", desk_commits)
    result = backup.make_backup(tmp_path)
    live.close()
    assert len(pauses) > 5  # it went in steps, with pauses
    assert backup.verify(result.path) == []
    copy = sqlite3.connect(result.path)
    assert copy.execute("SELECT count(*) FROM setting WHERE key LIKE 'test.step%'"
                        ).fetchone()[0] == 0
    copy.close()
    assert Setting.select().count() >= before + 5


def test_a_second_desk_backing_up_in_the_same_second_does_not_touch_the_first_ones_file(
        rules_db, tmp_path):
    # Found in review: both took "<name>.partial"; the second unlinked the first's copy.
    from frontdesk import clock

    writing = tmp_path / (backup.backup_name(clock.now()) + ".partial")
    writing.write_bytes(b"another desk's copy, half written")
    result = backup.make_backup(tmp_path)
    assert writing.read_bytes() == b"another desk's copy, half written"
    assert result.path.exists() and not backup.verify(result.path)
    assert not [p for p in tmp_path.glob("*.partial") if p != writing]


def test_verify_says_why_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    from frontdesk.admin import backup as backup_module

    path = tmp_path / "b.sqlite3"
    path.write_bytes(b"x")

    def denied(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup_module, "open", denied, raising=False)
    assert backup_module.verify(path) == ["Permission denied"]


def test_a_backup_folder_name_over_the_system_limit_is_a_message_at_the_folder(tmp_path):
    from frontdesk.admin import backup as backup_module
    from frontdesk.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        backup_module.check_folder(tmp_path / ("x" * 300), create=True)
    assert err.value.field == "folder" and "backup folder" in err.value.message("en")


def test_a_refused_backup_is_said_in_chinese_too(tmp_path):
    from frontdesk.admin import backup as backup_module

    garbage = tmp_path / "x.sqlite3"
    garbage.write_bytes(b"\x00garbage" * 10)
    err = backup_module.refusal(garbage, backup_module.verify(garbage))
    assert "不是 SQLite 数据库" in err.message("zh_CN") and "SQLite database" not in err.zh
    assert "not an SQLite database" in err.message("en")


def test_a_truncated_backup_is_said_to_be_damaged_in_chinese(tmp_path, db):
    from frontdesk.admin import backup as backup_module

    whole = backup_module.make_backup(tmp_path, reason="test").path
    half = tmp_path / "half.sqlite3"
    half.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    err = backup_module.refusal(half, backup_module.verify(half))
    assert "malformed" in err.en or "file is not a database" in err.en
    assert "malformed" not in err.zh and "file is not a database" not in err.zh


def test_a_backup_the_folder_refuses_is_said_in_the_users_language(rules_db, tmp_path,
                                                                   monkeypatch):
    """A backup into a folder the system refuses (/proc, a full or read-only disk) showed
    Python's '[Errno 2] No such file or directory: '….partial'' inside the Chinese sentence."""
    from frontdesk.errors import ValidationError

    def refuse(source, target):
        raise FileNotFoundError(2, "No such file or directory", str(target))

    monkeypatch.setattr(backup, "_write_copy", refuse)
    with pytest.raises(ValidationError) as err:
        backup.make_backup(tmp_path)
    assert "Errno" not in err.value.zh and "partial" not in err.value.zh
    assert "文件或文件夹不存在" in err.value.zh and "no such file or folder" in err.value.en


def test_a_backup_missing_a_table_is_refused_and_nothing_is_replaced(rules_db, tmp_path):
    """A backup file of this version with a table dropped (or cut short) passed verify and
    replaced a sound database with one that failed at its first fine or complaint."""
    good = backup.make_backup(tmp_path).path
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(good.read_bytes())
    with sqlite3.connect(broken) as con:
        con.execute("DROP TABLE fine")
    assert backup.verify(good) == []
    assert backup.verify(broken) == ["tables or columns missing: fine"]
    with pytest.raises(ValidationError) as err:
        backup.restore(broken)
    assert "缺少表或列：fine" in err.value.zh and err.value.field == "file"
    assert database_proxy.obj.table_exists("fine")


def test_a_backup_whose_version_is_no_version_is_refused(rules_db, tmp_path):
    good = backup.make_backup(tmp_path).path
    with sqlite3.connect(good) as con:
        con.execute("UPDATE schema_version SET version = -5")
    assert backup.verify(good) == ["schema version -5 is not a version"]
    assert "结构版本“-5”无效" in backup.refusal(good, backup.verify(good)).zh
