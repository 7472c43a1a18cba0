"""Schema versions: a version table and an ordered chain of steps.

A new database gets the current schema in one go and is stamped with the
latest version. An existing one runs each missing step in its own transaction,
after an online backup of the file. A database newer than this app is refused:
we never "upgrade" down.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, InterfaceError, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from frontdesk import __version__, clock
from frontdesk.db.models import ALL_MODELS, SchemaVersion
from frontdesk.errors import ConfigError, DatabaseDamaged

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Database], None]


def _initial(db: Database) -> None:
    db.create_tables(ALL_MODELS)


def _patient_birth_date_estimated(db: Database) -> None:
    from peewee import BooleanField
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    migrator = SqliteMigrator(db) if isinstance(db, SqliteDatabase) else PostgresqlMigrator(db)
    migrate(migrator.add_column("patient", "birth_date_estimated", BooleanField(default=False)))


def _postgres_search_key_byte_order(db: Database) -> None:
    """PostgreSQL: patient_search_key.key compares byte by byte (COLLATE "C"), as on SQLite.

    Lookup is a range scan `key >= q AND key < q || U+FFFF`. Under a server's
    linguistic collation (zh_CN.UTF-8, en_US.UTF-8, ICU …) that range is not
    "keys starting with q" (U+FFFF, punctuation such as the '#' of phone tails,
    case can all be weighed differently) and hits come in another order than
    on SQLite. Changing the column's collation rebuilds its index in C order.
    SQLite compares bytes already (BINARY): nothing to do there.
    """
    if isinstance(db, SqliteDatabase):
        return
    db.execute_sql('ALTER TABLE patient_search_key ALTER COLUMN "key" TYPE VARCHAR(64) '
                   'COLLATE "C"')


def _follow_up_one_per_visit(db: Database) -> None:
    """follow_up.visit_id becomes unique: the index peewee made for the key, now UNIQUE."""
    db.execute_sql("DROP INDEX IF EXISTS follow_up_visit_id")
    db.execute_sql("CREATE UNIQUE INDEX follow_up_visit_id ON follow_up (visit_id)")


def _front_of_house(db: Database) -> None:
    """The queue after the desk: clinic queue entries, their events and paused clinics."""
    from frontdesk.db.models import QUEUE_MODELS

    db.create_tables(QUEUE_MODELS, safe=True)


def _staffing_rules(db: Database) -> None:
    """Roster, swaps, leave and the rules ledger: four tables, three columns on fine, and
    (when the house rules are loaded) the staffing rules of resources/rules/staffing.toml."""
    from peewee import CharField, DateTimeField
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    from frontdesk.db.models import STAFFING_MODELS

    db.create_tables(STAFFING_MODELS, safe=True)
    migrator = SqliteMigrator(db) if isinstance(db, SqliteDatabase) else PostgresqlMigrator(db)
    have = {c.name for c in db.get_columns("fine")}
    columns = [("rule_code", CharField(max_length=32, default="", index=True)),
               ("acknowledged_at", DateTimeField(null=True)),
               ("paid_at", DateTimeField(null=True))]
    migrate(*[migrator.add_column("fine", name, field)
              for name, field in columns if name not in have])
    from frontdesk.staffing import staffing_rules

    staffing_rules.load_into_existing()


def _service_desk(db: Database) -> None:
    """Consultations, appointments, complaints and satisfaction (service desk work).

    New tables; media sources in two levels (media_source.parent_id); bookings get a
    scannable code, who booked, a version and a change time; a slot's capacity per
    schedule block; a no-show's follow-up call has a booking and maybe no patient record.
    The service rules (and the media groups) are installed when the rules are loaded.
    """
    from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, SmallIntegerField
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    from frontdesk.db import models as m

    migrator = SqliteMigrator(db) if isinstance(db, SqliteDatabase) else PostgresqlMigrator(db)
    columns = [
        ("doctor_schedule", "capacity", SmallIntegerField(default=4)),
        ("media_source", "parent_id", ForeignKeyField(
            m.MediaSource, field=m.MediaSource.id, null=True, on_delete="SET NULL")),
        ("appointment", "code", CharField(max_length=10, null=True, unique=True)),
        ("appointment", "booked_by_id", ForeignKeyField(
            m.Staff, field=m.Staff.id, null=True, on_delete="RESTRICT")),
        ("appointment", "version", IntegerField(default=1)),
        ("appointment", "updated_at", DateTimeField(null=True)),
        ("follow_up", "appointment_id", ForeignKeyField(
            m.Appointment, field=m.Appointment.id, null=True, unique=True,
            on_delete="SET NULL")),
    ]
    # Idempotent: a database made from the current models has them already.
    have = {(t, c.name) for t in ("doctor_schedule", "media_source", "appointment", "follow_up")
            for c in db.get_columns(t)}
    migrate(*[migrator.add_column(t, c, f) for t, c, f in columns if (t, c) not in have])
    if any(c.name == "patient_id" and not c.null for c in db.get_columns("follow_up")):
        migrate(migrator.drop_not_null("follow_up", "patient_id"))
    db.create_tables(m.SERVICE_MODELS, safe=True)
    # Bookings made before this step get a code too (the door scans it); unique index decides.
    from peewee import IntegrityError

    for (appointment_id,) in m.Appointment.select(m.Appointment.id).where(
            m.Appointment.code.is_null()).tuples():
        for _attempt in range(10):
            try:
                with db.atomic():  # a savepoint: a clash of codes only redraws this one
                    m.Appointment.update(code=m.booking_code()).where(
                        m.Appointment.id == appointment_id).execute()
                break
            except IntegrityError:
                continue
    if m.Department.select().exists():  # rules loaded: arrange the media list, store the rules
        from frontdesk.service import desk_rules

        desk_rules.install()


def _door_tickets(db: Database) -> None:
    """Door tickets: the visit gains the door's ticket, sex, age band, name and priority.

    The unique index (visit_date, door_ticket_no) is what keeps two door devices from
    handing out one number; old visits keep NULL tickets, which never clash. Columns
    or the index already there (a file re-stamped to an older version) are kept.
    """
    from peewee import CharField, IntegerField
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    migrator = SqliteMigrator(db) if isinstance(db, SqliteDatabase) else PostgresqlMigrator(db)
    have = {c.name for c in db.get_columns("visit")}
    wanted = {
        "door_ticket_no": IntegerField(null=True),
        "door_ticket": CharField(max_length=12, default=""),
        "door_sex": CharField(max_length=1, default=""),
        "door_age_band": CharField(max_length=8, default=""),
        "door_name": CharField(max_length=40, default=""),
        "priority": CharField(max_length=16, default=""),
    }
    ops = [migrator.add_column("visit", name, field)
           for name, field in wanted.items() if name not in have]
    if not any(ix.name == "visit_visit_date_door_ticket_no" for ix in db.get_indexes("visit")):
        ops.append(migrator.add_index("visit", ("visit_date", "door_ticket_no"), True))
    if ops:
        migrate(*ops)


def _change_log(db: Database) -> None:
    """What changed, for live updates between stations: the change_log table."""
    from frontdesk.db.models import ChangeLog

    db.create_tables([ChangeLog], safe=True)


def _consultation_outcome_width(db: Database) -> None:
    """consultation.outcome: varchar(12) → varchar(16), so "not_interested" (14) fits.

    PostgreSQL refused a consultation whose caller was not interested. SQLite never
    checks a VARCHAR's length: nothing to do there.
    """
    if isinstance(db, SqliteDatabase):
        return
    db.execute_sql("ALTER TABLE consultation ALTER COLUMN outcome TYPE VARCHAR(16)")


# Append new steps at the end; never edit or reorder a step that has shipped.
MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _initial),
    Migration(2, "patient.birth_date_estimated (age given instead of a birth date)",
              _patient_birth_date_estimated),
    Migration(3, "PostgreSQL: byte-order (C) collation for patient search keys",
              _postgres_search_key_byte_order),
    Migration(4, "one follow-up call per visit (unique index)", _follow_up_one_per_visit),
    Migration(5, "the queue after the desk", _front_of_house),
    Migration(6, "roster, swaps, leave and the rules ledger", _staffing_rules),
    Migration(7, "consultations, appointments, complaints, satisfaction", _service_desk),
    Migration(8, "door tickets", _door_tickets),
    Migration(9, "change log for live updates between stations", _change_log),
    Migration(10, "consultation outcome wide enough for not_interested",
              _consultation_outcome_width),
]

# Steps whose effect the models cannot express (engine-specific DDL): a new
# database, created from the models in one go, runs these after create_tables.
AFTER_CREATE: list[Callable[[Database], None]] = [_postgres_search_key_byte_order]


def latest_version(migrations: list[Migration] | None = None) -> int:
    return (migrations or MIGRATIONS)[-1].version


def current_version(db: Database) -> int:
    """0 for an empty database; the highest applied step otherwise."""
    if not db.table_exists(SchemaVersion._meta.table_name):
        if db.get_tables():
            raise ConfigError(
                "该数据库不是 Frontdesk 数据库（缺少版本表）。",
                "This database is not a Frontdesk database (no schema version table).",
            )
        return 0
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    if row is None and set(db.get_tables()) - {SchemaVersion._meta.table_name}:
        # Tables but no version: never "new" (that would stamp it current without migrating).
        where = getattr(db, "database", "")
        raise DatabaseDamaged(
            f"数据库 {where} 的版本表是空的，无法确定它的结构版本。请从备份恢复（frontdesk restore）。",
            f"The database {where} has an empty schema version table, so its version is "
            "unknown. Restore it from a backup (frontdesk restore).")
    if row is not None and (type(row.version) is not int or row.version < 1):
        # Edited by hand: from "version -5" every step would run again over tables that
        # are there ("duplicate column name"). Never guess which steps a file has had.
        where = getattr(db, "database", "")
        shown = str(row.version)[:20]
        raise DatabaseDamaged(
            f"数据库 {where} 的版本表记录的版本“{shown}”无效，无法确定它的结构版本。"
            "请从备份恢复（frontdesk restore）。",
            f"The database {where} records the schema version '{shown}', which is not a "
            "version, so its version is unknown. Restore it from a backup (frontdesk restore).")
    return row.version if row else 0


def schema_gaps(db: Database) -> list[str]:
    """Tables ("fine") and columns ("visit.door_ticket_no") of the current schema that the
    database lacks: dropped by hand, or a file whose version row says more than it holds."""
    return gaps_between(set(db.get_tables()), lambda t: {c.name for c in db.get_columns(t)})


def gaps_between(tables: set[str], columns_of) -> list[str]:
    """schema_gaps for any connection: its table names and a function giving a table's
    column names (a raw sqlite3 connection to a backup file has no peewee Database)."""
    gaps = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        if table not in tables:
            gaps.append(table)
            continue
        have = columns_of(table)
        gaps += [f"{table}.{f.column_name}" for f in model._meta.sorted_fields
                 if f.column_name not in have]
    return gaps


SCHEMA_LOCK_KEY = 0x46440002  # PostgreSQL advisory lock ("FD" 2): schema changes


@dataclass
class MigrationReport:
    from_version: int
    to_version: int
    backup: Path | None


def migrate(
    db: Database,
    *,
    backup_dir: Path | None = None,
    migrations: list[Migration] | None = None,
) -> MigrationReport:
    """Bring the schema to the latest version; back up an existing file first."""
    if isinstance(db, SqliteDatabase):
        if current_version(db) == latest_version(migrations):
            return _migrate(db, backup_dir=backup_dir, migrations=migrations)  # nothing to do
        # Processes opening one old file together take turns, like desks on a server: the
        # first migrates, the others then find it current (_migrate re-reads the version).
        with sqlite_schema_lock(db):
            return _migrate(db, backup_dir=backup_dir, migrations=migrations)
    # Desks started together on a shared server take turns: the first migrates, the
    # others then find the schema current (a session lock, as steps commit one by one).
    db.execute_sql(f"SELECT pg_advisory_lock({db.param})", (SCHEMA_LOCK_KEY,))
    try:
        return _migrate(db, backup_dir=backup_dir, migrations=migrations)
    finally:
        # A dropped connection has released the lock already; keep the first error.
        with contextlib.suppress(PeeweeDatabaseError, InterfaceError):
            db.execute_sql(f"SELECT pg_advisory_unlock({db.param})", (SCHEMA_LOCK_KEY,))


def _migrate(db: Database, *, backup_dir: Path | None,
             migrations: list[Migration] | None) -> MigrationReport:
    steps = migrations or MIGRATIONS
    target = latest_version(steps)
    have = current_version(db)
    if have > target:
        raise ConfigError(
            f"数据库版本（{have}）比本程序支持的版本（{target}）新。请升级 Frontdesk，不要用旧版本打开。",
            f"The database schema (version {have}) is newer than this Frontdesk supports "
            f"({target}). Upgrade Frontdesk; an older version must not open it.",
        )
    if have == target:
        return MigrationReport(have, have, None)
    if have == 0:
        with db.atomic():
            db.create_tables(ALL_MODELS)
            for fix in AFTER_CREATE:
                fix(db)
            SchemaVersion.create(version=target, app_version=__version__)
        return MigrationReport(0, target, None)

    is_sqlite = isinstance(db, SqliteDatabase)
    backup = backup_before_migration(db, have, backup_dir) if is_sqlite else None
    if is_sqlite:
        # SQLite rebuilds a table (copy, drop, rename) for many ALTERs; with foreign
        # keys on, dropping a referenced table fails. The documented procedure: keys
        # off outside the transaction, then foreign_key_check before committing.
        db.execute_sql("PRAGMA foreign_keys=OFF")
    try:
        for step in steps:
            if step.version <= have:
                continue
            try:
                with db.atomic():
                    step.apply(db)
                    if is_sqlite and db.execute_sql("PRAGMA foreign_key_check").fetchone():
                        raise ConfigError(
                            f"数据库升级步骤 {step.version} 破坏了数据关联，已撤销。请联系技术支持。",
                            f"Schema step {step.version} broke foreign keys and was rolled back. "
                            "Contact support.",
                        )
                    SchemaVersion.create(version=step.version, app_version=__version__)
            except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
                _step_failed(exc, step.version, have, getattr(db, "database", ""))
    finally:
        if is_sqlite:
            db.execute_sql("PRAGMA foreign_keys=ON")
    return MigrationReport(have, target, backup)


def _step_failed(exc: Exception, version: int, have: int, where: str):
    """A schema step the driver refused (rolled back): the tables do not match the version
    the file records (a column already there, a table missing). Said as such, never as the
    driver's 'duplicate column name'; a busy or unreachable database stays what it is."""
    from frontdesk.db import faults

    text = " ".join(str(e) for e in faults.error_chain(exc)).lower()
    if faults.is_connection_lost(exc) or any(w in text for w in faults.BUSY_WORDS):
        raise faults.translate(exc, what=f"schema step {version}") from exc
    # The log file only (with the traceback): the terminal and the window get the sentence.
    log.info("schema step %s refused: %s", version, exc, exc_info=exc)
    raise DatabaseDamaged(
        f"数据库 {where} 无法从结构版本 {have} 升级（第 {version} 步被拒绝，已撤销，未做任何更改）："
        "它的表与版本表记录的版本不符。请从备份恢复（frontdesk restore），或联系技术支持。",
        f"The database {where} cannot be upgraded from schema version {have} (step {version} "
        "was refused and rolled back; nothing was changed): its tables do not match the "
        "version it records. Restore it from a backup (frontdesk restore), or contact "
        "support.") from exc


# How long a process waits for another one's migration of the same file.
SCHEMA_LOCK_WAIT_S = 600.0


@contextlib.contextmanager
def sqlite_schema_lock(db: SqliteDatabase):
    """An exclusive lock on `<file>.migrate.lock` for the duration of a migration.

    The operating system drops it when the process dies, so a killed migration
    never blocks the next start. :memory: databases need none.
    """
    if db.database == ":memory:":
        yield
        return
    lock_path = Path(str(db.database) + ".migrate.lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + SCHEMA_LOCK_WAIT_S
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise ConfigError(
                    f"另一个 Frontdesk 正在升级数据库 {db.database}，等待超时。请稍后重试。",
                    f"Another Frontdesk is upgrading the database {db.database} and did not "
                    "finish in time. Try again shortly.")
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: lock the first byte instead
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


MIGRATION_COPY_MARK = ".before-migration"
KEEP_MIGRATION_COPIES = 3  # per database file, newest first; older ones are removed


def backup_before_migration(db: SqliteDatabase, version: int, backup_dir: Path | None) -> Path:
    """Online copy of the live file with SQLite's backup API, named by version, time and a tag.

    Written under `.partial` and renamed when whole (a killed run leaves only a
    `.partial`, which backup.clean_leftovers removes); the tag (process id and
    random) keeps two copies of one second apart. Only the newest
    KEEP_MIGRATION_COPIES copies of a file are kept.
    """
    source = Path(db.database)
    folder = backup_dir or source.parent
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    tag = f"{os.getpid()}{os.urandom(3).hex()}"
    target = folder / f"{source.stem}.v{version}.{stamp}-{tag}{MIGRATION_COPY_MARK}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    from frontdesk.files import create_private  # only when migrating, not at every start

    create_private(partial)  # a full copy of the patients' data: owner-only from the first byte
    try:
        dest = sqlite3.connect(partial)
        try:
            db.connection().backup(dest)
        finally:
            dest.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune_migration_copies(folder, source.stem, keep=KEEP_MIGRATION_COPIES)
    return target


def migration_copies(folder: Path, stem: str) -> list[Path]:
    """The finished pre-migration copies of database `stem` in `folder`, newest first."""
    found = [p for p in Path(folder).glob(f"{stem}.v*{MIGRATION_COPY_MARK}.sqlite3")
             if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def prune_migration_copies(folder: Path, stem: str, *, keep: int = KEEP_MIGRATION_COPIES
                           ) -> list[Path]:
    """Remove all but the newest `keep` pre-migration copies (each a full copy of the data)."""
    removed = []
    for old in migration_copies(folder, stem)[keep:]:
        try:
            old.unlink()
        except OSError:
            continue
        removed.append(old)
        log.info("removed an old pre-migration copy: %s", old)
    return removed
