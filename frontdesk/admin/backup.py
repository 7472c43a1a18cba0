"""Backups of the SQLite database: online copies, verified, kept for a number of days.

A backup is taken with SQLite's backup API from a separate connection, so the
desk keeps working while it runs and the copy is consistent (a plain file copy
of a live WAL database is not). It is written under a temporary name,
checked with `PRAGMA integrity_check`, and only then given its final name, so
a file named like a backup is always a good one.

Restore refuses a file that fails the same check, and first keeps the current
database aside. PostgreSQL installations back up with the server's own tools
(pg_dump / pg_restore); this module says so instead of pretending.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import logging
import os
import re
import secrets
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from frontdesk import audit, clock, settings
from frontdesk.changes import ALL_DATA, changes
from frontdesk.db import migrations
from frontdesk.db.connection import SQLITE_HEADER
from frontdesk.db.models import Setting, database_proxy
from frontdesk.errors import ConfigError, DatabaseDamaged, ValidationError
from frontdesk.files import create_private, make_private_dir, os_reason, set_mode
from frontdesk.paths import backup_dir
from frontdesk.permissions import Perm, require

log = logging.getLogger(__name__)

PREFIX = "frontdesk-"
SUFFIX = ".sqlite3"
NAME_RE = re.compile(r"^frontdesk-(\d{8})-(\d{6})\.sqlite3$")

PG_DUMP_ZH = ("PostgreSQL 数据库请用服务器自带的 pg_dump 备份（例如 pg_dump -Fc -f frontdesk.dump 库名），"
              "用 pg_restore 恢复。Frontdesk 的备份功能只用于 SQLite 数据库文件。")
PG_DUMP_EN = ("Back up a PostgreSQL database with the server's pg_dump (e.g. pg_dump -Fc -f "
              "frontdesk.dump dbname) and restore it with pg_restore. Frontdesk's backup only "
              "covers SQLite database files.")




@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    pruned: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None


# --- where the live database and the backups are ------------------------------


def live_database_path() -> Path:
    """The file of the open SQLite database; ConfigError (pointing at pg_dump) otherwise."""
    from peewee import SqliteDatabase

    db = database_proxy.obj
    if not isinstance(db, SqliteDatabase):
        raise ConfigError(PG_DUMP_ZH, PG_DUMP_EN)
    if db.database == ":memory:":
        raise ConfigError("内存数据库无法备份。", "An in-memory database cannot be backed up.")
    return Path(db.database)


def configured_folder() -> Path:
    """The folder from settings, else the default one in the user data directory."""
    folder = (settings.get("backup.folder") or "").strip()
    return Path(folder) if folder else backup_dir()


def check_folder(folder: Path, *, create: bool = False) -> Path:
    """A folder we can write to, or a ValidationError naming it (missing, not a folder, read-only)."""
    folder = Path(folder).expanduser()
    try:
        exists = folder.exists()
    except (OSError, ValueError) as exc:  # a name over the system's limit, a NUL
        shown, (zh, en) = str(folder)[:200].replace("\x00", "?"), os_reason(exc)
        raise ValidationError(f"无法使用备份文件夹 {shown}：{zh}。",
                              f"Cannot use the backup folder {shown}: {en}.",
                              field="folder") from exc
    if not exists:
        if create:
            try:
                make_private_dir(folder)  # holds copies of every patient's data: owner-only
            except OSError as exc:
                zh, en = os_reason(exc)
                raise ValidationError(
                    f"无法创建备份文件夹 {folder}：{zh}。",
                    f"Cannot create the backup folder {folder}: {en}.", field="folder",
                ) from exc
        else:
            # An explicit folder that is missing is often an unplugged drive: never guess.
            raise ValidationError(
                f"备份文件夹 {folder} 不存在。请检查路径，或插上备份用的移动硬盘。",
                f"The backup folder {folder} does not exist. Check the path or plug in the "
                "backup drive.", field="folder")
    if not folder.is_dir():
        raise ValidationError(f"{folder} 不是文件夹。", f"{folder} is not a folder.", field="folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(
            f"备份文件夹 {folder} 是只读的，无法写入。请换一个文件夹或修改权限。",
            f"The backup folder {folder} is read-only. Choose another folder or change its "
            "permissions.", field="folder")
    return folder


def backup_name(at: dt.datetime) -> str:
    return f"{PREFIX}{at:%Y%m%d-%H%M%S}{SUFFIX}"


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was taken, read from its name; None for files that are not our backups."""
    m = NAME_RE.match(path.name)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def list_backups(folder: Path | None = None) -> list[tuple[Path, dt.datetime, int]]:
    """(path, taken at, size in bytes) of the backups in `folder`, newest first."""
    folder = Path(folder) if folder else configured_folder()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        at = backup_time(path)
        if at is not None and path.is_file():
            found.append((path, at, path.stat().st_size))
    return sorted(found, key=lambda t: t[1], reverse=True)


# --- checking a file -----------------------------------------------------------


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening `path` read-only; '#', '?', '%' and spaces in it are escaped.

    Pasted together by hand ("file:" + path) such characters would be read as a
    fragment, query or escape and SQLite would open some other file.
    """
    return Path(path).resolve().as_uri() + "?mode=ro"


def verify(path: Path) -> list[str]:
    """Problems with a backup file (empty list = good): header, integrity_check, schema version."""
    path = Path(path)
    try:
        if not path.is_file():
            return [f"not a file: {path}"]
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:  # no access, or gone since is_file
        return [exc.strerror or str(exc)]
    if head != SQLITE_HEADER:
        return ["not an SQLite database"]
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        # Reads the whole file: pause now and then, as the copy does (a 0 keeps it going).
        conn.set_progress_handler(lambda: _pause() or 0, VERIFY_PAUSE_EVERY)
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return rows[:20]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables:
            return ["not a Frontdesk database (no schema_version table)"]
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
        if type(version) is not int or version < 1:
            return [f"schema version {str(version)[:20]} is not a version"]
        if version > migrations.latest_version():
            return [f"schema version {version} is newer than this Frontdesk supports"]
        if version == migrations.latest_version():
            # A file of this version must hold every table and column (an older one gets
            # them from the migrations); restoring one cut short replaced a sound database.
            gaps = migrations.gaps_between(tables, lambda t: {
                r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')})
            if gaps:
                return [f"tables or columns missing: {', '.join(gaps[:5])}"]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    return []


# verify()'s own problems in Chinese (SQLite's and the system's words stay as they are).
_PROBLEMS_ZH = ((re.compile(r"not a file: (.*)", re.S), r"不是文件：\1"),
                (re.compile(r"not an SQLite database"), "不是 SQLite 数据库"),
                (re.compile(r"not a Frontdesk database \(no schema_version table\)"),
                 "不是 Frontdesk 数据库（没有 schema_version 表）"),
                (re.compile(r"schema version (\d+) is newer than this Frontdesk supports"),
                 r"结构版本 \1 比此版本的 Frontdesk 新"),
                (re.compile(r"database disk image is malformed"), "文件已损坏（不完整或被改写）"),
                (re.compile(r"file is not a database"), "不是数据库文件"),
                (re.compile(r"tables or columns missing: (.*)", re.S), r"缺少表或列：\1"),
                (re.compile(r"schema version (.*) is not a version", re.S), r"结构版本“\1”无效"))


def _problem_zh(problem: str) -> str:
    for pattern, zh in _PROBLEMS_ZH:
        if pattern.fullmatch(problem):
            return pattern.sub(zh, problem)
    return problem


def refusal(path: Path, problems: list[str]) -> ValidationError:
    detail = "; ".join(problems[:3])
    detail_zh = "；".join(_problem_zh(p) for p in problems[:3])
    return ValidationError(
        f"文件 {path} 不是完好的 Frontdesk 备份（{detail_zh}），未做任何更改。",
        f"The file {path} is not a sound Frontdesk backup ({detail}); nothing was changed.",
        field="file")


# --- backing up ------------------------------------------------------------------


# The copy goes BACKUP_STEP_PAGES pages at a time with a short pause after each step, and the
# check after it pauses as often: a 1 GB file copied or checked in one go starves the desk's
# window of disk and CPU on a small PC (a 70 ms stall, issue 20). ~+1 s on a 1 GB file.
BACKUP_STEP_PAGES = 1024  # 4 MiB at SQLite's default 4 KiB page
BACKUP_PAUSE_S = 0.002
VERIFY_PAUSE_EVERY = 1_000_000  # SQLite VM instructions between pauses of the check (~0.1 s)


def _pause(*_args) -> None:
    """Between two backup steps (and every so many instructions of a check): let the
    desk's threads and the disk catch up. time.sleep releases the GIL."""
    time.sleep(BACKUP_PAUSE_S)


def _write_copy(source: Path, target: Path) -> None:
    """Online copy `source` → `target` (a new file, owner-only) with the backup API.

    The copy holds every patient's data: `target` is created 0600 before
    SQLite writes a byte into it, and is never renamed into place wider.

    It is copied in steps, all inside one read transaction on the source: the copy is the
    snapshot of its start (a desk committing meanwhile would otherwise make SQLite restart
    the copy at the next step, for ever on a busy day).
    """
    src = sqlite3.connect(read_only_uri(source), uri=True, isolation_level=None)
    try:
        create_private(target)
        dest = sqlite3.connect(target)
        try:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            src.backup(dest, pages=BACKUP_STEP_PAGES, progress=_pause)
            src.execute("COMMIT")
            # A backup is a single self-contained file: no WAL beside it when it is moved.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        src.close()


def make_backup(folder: Path | None = None, *, actor=None, reason: str = "manual", create_folder: bool | None = None) -> BackupResult:
    """Back up the live database into `folder`, verify it, prune old ones, audit it.

    `actor` is None for the automatic daily backup and the command line, which
    run as the system; anyone else needs the backup permission.
    """
    if actor is not None:
        require(actor, Perm.MANAGE_BACKUPS)
    source = live_database_path()
    explicit = folder is not None or bool((settings.get("backup.folder") or "").strip())
    folder = check_folder(Path(folder) if folder else configured_folder(),
                          create=(not explicit) if create_folder is None else create_folder)
    clean_leftovers(folder, source)
    at = clock.now()
    target = folder / backup_name(at)
    n = 1
    while target.exists():  # two backups in one second: keep both
        target = folder / f"{PREFIX}{at:%Y%m%d-%H%M%S}{SUFFIX}.{n}"
        n += 1
    # Its own temporary name: a second desk backing up into the same folder in the same
    # second writes its own file, never over (or unlinking) this one. A crash's
    # leftover is removed by clean_leftovers once stale.
    partial = target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(3)}.partial")
    try:
        _write_copy(source, partial)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        log.info("backup to %s failed: %s", partial, exc)  # the file only: stderr gets the sentence
        zh, en = os_reason(exc)
        raise ValidationError(
            f"无法写入备份文件 {target}：{zh}。请检查文件夹权限和磁盘空间。",
            f"Cannot write the backup file {target}: {en}. Check the folder's permissions and "
            "free space.", field="folder") from exc
    problems = verify(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise ConfigError(
            f"备份写入后检查失败（{'; '.join(problems[:3])}），已删除该文件。请检查磁盘后重试。",
            f"The backup failed its check after writing ({'; '.join(problems[:3])}) and was "
            "removed. Check the disk and try again.")
    os.replace(partial, target)
    pruned = prune(folder, keep_days=int(settings.get("backup.keep_days")), keep=target)
    with database_proxy.atomic():
        settings.set("backup.last_run", at.isoformat())
        audit.record(actor, "backup", "database", "", {"file": str(target), "reason": reason,
                                                       "pruned": len(pruned)})
    return BackupResult(target, target.stat().st_size, tuple(pruned))


# Retention: the newest KEEP_NEWEST backups stay whatever their dates say (a desk clock
# set years ahead must not make every earlier one look expired), every backup of the last
# day stays (hourly ones), and for older days within keep_days the newest of each day.
# Files dated in the future (taken while the clock was ahead) are neither counted nor
# removed: the admin decides about them.
KEEP_NEWEST = 7
KEEP_ALL_FOR = dt.timedelta(hours=24)
FUTURE_SLACK = dt.timedelta(minutes=5)
# A backup every hour while the app runs: a restore loses at most that much.
BACKUP_EVERY = dt.timedelta(hours=1)
# A `.partial` / `.restoring` this much older than now is left by a killed run, not one running.
STALE_AFTER = dt.timedelta(hours=1)


def prune(folder: Path, *, keep_days: int, keep: Path | None = None
          ) -> list[Path]:
    """Delete our backups past the retention rule above (keep_days 0 keeps everything)."""
    if keep_days <= 0:
        return []
    now = clock.now()
    cutoff = now - dt.timedelta(days=keep_days)
    past = [(p, at) for p, at, _ in list_backups(folder) if at <= now + FUTURE_SLACK]
    kept: set[Path] = {p for p, _ in past[:KEEP_NEWEST]}
    days_seen: set[dt.date] = set()
    for path, at in past:  # newest first
        if at >= now - KEEP_ALL_FOR:
            kept.add(path)
        elif at >= cutoff and at.date() not in days_seen:
            kept.add(path)
        days_seen.add(at.date())
    removed = []
    for path, _ in past:
        if path in kept or path == keep:
            continue
        try:
            path.unlink()
        except OSError:
            continue  # a file we cannot remove is left for the admin, not an error
        removed.append(path)
    return removed


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def clean_leftovers(folder: Path | None = None, db_path: Path | None = None) -> list[Path]:
    """Remove what killed backups, restores and migrations left: full-size temporary copies.

    `.partial` files in the backup folder and beside the database, and
    `.restoring` beside it, untouched for STALE_AFTER (one being written now is
    younger); pre-migration copies beyond the newest few (migrations.KEEP_MIGRATION_COPIES).
    """
    limit = clock.now() - STALE_AFTER
    removed = []
    folders = [Path(f) for f in (folder, db_path.parent if db_path else None) if f is not None]
    for where in dict.fromkeys(folders):
        if not where.is_dir():
            continue
        for path in list(where.glob("*.partial")) + list(where.glob("*.restoring")):
            at = _mtime(path)
            if at is None or at > limit or not path.is_file():
                continue
            if not (path.name.startswith(PREFIX) or migrations.MIGRATION_COPY_MARK in path.name
                    or (db_path is not None and path.name.startswith(db_path.name))):
                continue  # not ours
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    if db_path is not None:
        removed += migrations.prune_migration_copies(db_path.parent, db_path.stem)
    return removed


def backup_due() -> bool:
    """True when the configured folder holds no backup of the last hour (BACKUP_EVERY)."""
    now = clock.now()
    return not any(now - BACKUP_EVERY < at <= now + FUTURE_SLACK
                   for _, at, _ in list_backups(configured_folder()))


# A desk that claimed the hour's backup and then died: another desk takes over after this.
CLAIM_HOLD = dt.timedelta(minutes=10)
CLAIM_KEY = "backup.claim"


def claim_turn() -> bool:
    """True for exactly one of the desks sharing this database that ask within CLAIM_HOLD.

    Twenty desks opening one shared file at 8:00 would otherwise each find no
    backup of the last hour and copy the whole file at once. The claim is a
    compare-and-set on one settings row: the UPDATE succeeds for one desk only.
    """
    now = clock.now()
    Setting.insert(key=CLAIM_KEY, value=json.dumps("")).on_conflict_ignore().execute()
    old = Setting.get(Setting.key == CLAIM_KEY).value
    try:
        claimed_at = dt.datetime.fromisoformat(json.loads(old) or "")
    except (TypeError, ValueError):
        claimed_at = None
    if claimed_at is not None and now - CLAIM_HOLD < claimed_at <= now + FUTURE_SLACK:
        return False  # another desk is taking it (or just took it)
    won = (Setting.update(value=json.dumps(now.isoformat()))
           .where((Setting.key == CLAIM_KEY) & (Setting.value == old)).execute())
    return won == 1


def _release_claim() -> None:
    """The claimed backup failed: the next desk (or this one) may try again at once."""
    Setting.update(value=json.dumps("")).where(Setting.key == CLAIM_KEY).execute()


def auto_backup() -> BackupResult | None:
    """The automatic backup: hourly while the app runs, when the database is SQLite.

    Of the desks sharing one file, the one that wins claim_turn() takes it.
    """
    try:
        live_database_path()
    except ConfigError:
        return None  # PostgreSQL: the server's pg_dump job does this
    if not backup_due() or not claim_turn():
        return None
    try:
        return make_backup(reason="hourly")
    except Exception:
        _release_claim()
        raise


# --- restoring -------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreLoss:
    """What restoring a backup takes away: the work done since it was taken."""

    taken_at: dt.datetime
    visits: int  # visits registered after the backup
    audit_entries: int  # audit entries after it (these are carried over, see restore())

    def message(self, lang: str | None = None) -> str:
        from frontdesk.i18n import text

        at = f"{self.taken_at:%Y-%m-%d %H:%M}"
        return text(f"该备份制作于 {at}。恢复后，此后登记的 {self.visits} 次就诊及其他所有更改"
                    f"都会丢失；此后的 {self.audit_entries} 条审计记录会保留到恢复后的数据库中。",
                    f"This backup was taken at {at}. Restoring it loses the {self.visits} "
                    f"visit(s) registered since then and every other change; the "
                    f"{self.audit_entries} audit entries made since then are carried over.",
                    lang)


def _max_ids(path: Path) -> dict[str, int]:
    """Highest visit and audit_log ids in a backup file (read-only)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return {table: conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
                for table in ("visit", "audit_log")}
    finally:
        conn.close()


def taken_at(path: Path) -> dt.datetime:
    """When a backup was taken: from its name, else the file's modification time."""
    return backup_time(Path(path)) or _mtime(Path(path)) or clock.now()


def restore_preview(backup_file: Path) -> RestoreLoss:
    """What restoring `backup_file` over the open database would lose (say it before restoring)."""
    backup_file = Path(backup_file)
    problems = verify(backup_file)
    if problems:
        raise refusal(backup_file, problems)
    ids = _max_ids(backup_file)
    db = database_proxy.obj
    counts = {table: db.execute_sql(f"SELECT count(*) FROM {table} WHERE id > ?",
                                    (ids[table],)).fetchone()[0] for table in ids}
    return RestoreLoss(taken_at(backup_file), counts["visit"], counts["audit_log"])


_AUDIT_COLUMNS = ("at", "staff_id", "action", "entity", "entity_id", "detail")


def _audit_since(backup_file: Path) -> list[tuple]:
    """The live audit entries the backup does not have (by id), oldest first."""
    last = _max_ids(backup_file)["audit_log"]
    cols = ", ".join(_AUDIT_COLUMNS)
    return list(database_proxy.obj.execute_sql(
        f"SELECT {cols} FROM audit_log WHERE id > ? ORDER BY id", (last,)).fetchall())


def _carry_audit(rows: list[tuple]) -> None:
    """Append audit entries to the restored database; staff it does not know become the system."""
    if not rows:
        return
    db = database_proxy.obj
    staff_ids = {r[0] for r in db.execute_sql("SELECT id FROM staff").fetchall()}
    cols = ", ".join(_AUDIT_COLUMNS)
    with database_proxy.atomic():
        for at, staff_id, *rest in rows:
            db.execute_sql(f"INSERT INTO audit_log ({cols}) VALUES (?, ?, ?, ?, ?, ?)",
                           (at, staff_id if staff_id in staff_ids else None, *rest))


def aside_path(db_path: Path, at: dt.datetime) -> Path:
    """A name beside the database for what a restore replaces, not yet taken: a second
    restore in the same second gets "-2" (it failed on the first one's file)."""
    stem = f"{db_path.stem}.before-restore.{at:%Y%m%d-%H%M%S}"
    candidate = db_path.with_name(f"{stem}{SUFFIX}")
    n = 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        n += 1
        candidate = db_path.with_name(f"{stem}-{n}{SUFFIX}")
    return candidate


@changes(ALL_DATA)
def restore(backup_file: Path, *, actor=None) -> RestoreResult:
    """Replace the open database's contents with `backup_file`, keeping the current one aside.

    Written through the backup API into the live connection, so other
    connections see the restored data at once; then migrated if older.
    """
    if actor is not None:
        require(actor, Perm.MANAGE_BACKUPS)
    backup_file = Path(backup_file)
    db_path = live_database_path()
    problems = verify(backup_file)
    if problems:
        raise refusal(backup_file, problems)
    if backup_file.resolve() == db_path.resolve():
        raise ValidationError("不能用正在使用的数据库文件恢复自身。",
                              "That file is the database in use; pick a backup file.", field="file")
    at = clock.now()
    aside = aside_path(db_path, at)
    db = database_proxy.obj
    conn = db.connection()
    try:
        create_private(aside)  # the current data, patients and all: owner-only
        dest = sqlite3.connect(aside)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except (sqlite3.Error, OSError) as exc:
        log.info("keeping the database aside at %s failed: %s", aside, exc)
        zh, en = os_reason(exc)
        raise ConfigError(
            f"无法先保存当前数据库到 {aside}：{zh}。未做任何更改。",
            f"Cannot keep the current database aside at {aside}: {en}. Nothing was changed.",
        ) from exc
    # Overwrite only once the kept copy is known to be whole: it is the way back.
    aside_problems = verify(aside)
    if aside_problems:
        # The live file is damaged: `frontdesk restore` keeps it aside raw (byte for byte) instead.
        aside.unlink(missing_ok=True)
        detail = "; ".join(aside_problems[:3])
        raise DatabaseDamaged(
            f"当前数据库已损坏（{detail}），无法完整另存，未做任何更改。请关闭所有 Frontdesk 窗口，"
            f"然后在命令行运行 frontdesk restore {backup_file}。",
            f"The current database is damaged ({detail}) and could not be kept aside whole; "
            f"nothing was changed. Close every Frontdesk window, then run frontdesk restore "
            f"{backup_file} on the command line.")
    # The trail of who saw and did what must survive the restore (privacy law): carried over.
    carried = _audit_since(backup_file)
    try:
        src = sqlite3.connect(read_only_uri(backup_file), uri=True)
        try:
            src.backup(conn)
        finally:
            src.close()
    except sqlite3.Error as exc:
        log.info("restoring from %s failed: %s", backup_file, exc)
        zh, en = os_reason(exc)
        raise ConfigError(
            f"从 {backup_file} 恢复时出错：{zh}。原数据库已另存为 {aside}。",
            f"Restoring from {backup_file} failed: {en}. The previous database is kept as "
            f"{aside}.") from exc
    migrations.migrate(db, backup_dir=db_path.parent)
    _carry_audit(carried)
    audit.record(_still_there(actor), "restore", "database", "",
                 {"file": str(backup_file), "kept_aside": str(aside),
                  "audit_carried_over": len(carried)})
    return RestoreResult(backup_file, aside)


def _still_there(actor):
    """The actor row may not exist in the restored data; then the entry is the system's."""
    if actor is None:
        return None
    from frontdesk.db.models import Staff

    return Staff.get_or_none(Staff.id == actor.id)


# SQLite's lock bytes (os_unix.c / os_win.c): PENDING, RESERVED, then the SHARED range.
_SQLITE_LOCK_START, _SQLITE_LOCK_LEN = 0x40000000, 2 + 510


def _in_use_error(db_path: Path) -> ConfigError:
    return ConfigError(
        f"数据库 {db_path} 正被其他程序使用。请先关闭其他 Frontdesk（包括其他电脑上打开它的），"
        "再恢复。未做任何更改。",
        f"The database {db_path} is in use by another program. Close the other Frontdesk "
        "first (on every computer that opens it), then restore. Nothing was changed.")


def _locked_by_another_process(db_path: Path) -> bool:
    """POSIX: does anyone hold one of SQLite's locks on the file (read, even of a damaged one)?"""
    try:
        import fcntl
    except ImportError:
        # Windows: a file another program has open cannot be replaced, so the final
        # rename fails with the original still in place.
        return False
    probe = os.open(db_path, os.O_RDWR)
    try:
        # Any SHARED (an open desk in WAL mode), RESERVED or PENDING lock conflicts.
        fcntl.lockf(probe, fcntl.LOCK_EX | fcntl.LOCK_NB, _SQLITE_LOCK_LEN, _SQLITE_LOCK_START,
                    os.SEEK_SET)
    except OSError:
        return True
    finally:
        os.close(probe)  # closing releases our own lock
    return False


def ensure_not_in_use(db_path: Path) -> None:
    """ConfigError if another program (a running Frontdesk) has `db_path` open.

    In WAL mode an idle desk holds only a shared lock, which a plain BEGIN
    EXCLUSIVE does not conflict with: in exclusive locking mode SQLite needs
    the exclusive lock on the file itself. A file whose header is gone is
    refused by SQLite before it locks anything, so on POSIX the lock bytes are
    also probed directly. Only a check: the caller moves the file right after.
    """
    if _locked_by_another_process(db_path):
        raise _in_use_error(db_path)
    conn = sqlite3.connect(db_path, timeout=1.0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        text_ = str(exc).lower()
        if "locked" in text_ or "busy" in text_:
            raise _in_use_error(db_path) from exc
    except sqlite3.DatabaseError:
        pass  # damaged, and nobody holds it
    finally:
        conn.close()


def restore_over_damaged(backup_file: Path, db_path: Path) -> RestoreResult:
    """Restore when the current file is damaged: keep it (and its WAL) aside, then replace it.

    Only for the command line and only for DatabaseDamaged, with no Frontdesk
    using the file (checked). The restored copy is written and verified beside
    the live file, the damaged one is copied aside and compared byte for byte,
    and only then is the restored copy renamed over it: at every step either
    the old file or the new one is in place.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    problems = verify(backup_file)
    if problems:
        raise refusal(backup_file, problems)
    if db_path.exists():
        ensure_not_in_use(db_path)
    partial = db_path.with_name(db_path.name + ".restoring")
    partial.unlink(missing_ok=True)
    aside = aside_path(db_path, clock.now()) if db_path.exists() else None
    try:
        _write_copy(backup_file, partial)
        written = verify(partial)
        if written:
            raise ConfigError(
                f"恢复的副本写入后检查失败（{'; '.join(written[:3])}），未做任何更改。请检查磁盘后重试。",
                f"The restored copy failed its check after writing ({'; '.join(written[:3])}); "
                "nothing was changed. Check the disk and try again.")
        sides = []
        if aside is not None:
            for src in [db_path] + [Path(str(db_path) + x) for x in ("-wal", "-shm")]:
                if src.exists():
                    kept = Path(str(aside) + str(src)[len(str(db_path)):])
                    create_private(kept)
                    shutil.copyfile(src, kept)
                    if not filecmp.cmp(src, kept, shallow=False):
                        raise ConfigError(
                            f"另存的副本 {kept} 与原文件不一致，未做任何更改。请检查磁盘后重试。",
                            f"The copy kept aside at {kept} differs from the original; nothing "
                            "was changed. Check the disk and try again.")
                    sides.append(src)
        if db_path.exists():
            set_mode(partial, db_path.stat().st_mode & 0o777)  # the live file keeps its mode
        for side in sides[1:]:
            side.unlink()  # a WAL of the damaged file must not be replayed into the restored one
        os.replace(partial, db_path)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        log.info("restoring %s over %s failed: %s", backup_file, db_path, exc)
        zh, en = os_reason(exc)
        raise ConfigError(
            f"无法从 {backup_file} 恢复到 {db_path}：{zh}。",
            f"Cannot restore {backup_file} over {db_path}: {en}.") from exc
    except ConfigError:
        partial.unlink(missing_ok=True)
        raise
    return RestoreResult(backup_file, aside)
