"""Open the database named by a URL and bind it to the models' proxy.

SQLite (the default, one file per desk or per hospital) is tuned for a desk
PC: WAL so readers never block the writer, foreign keys on, a busy timeout so
a second desk waits instead of failing, synchronous=NORMAL (safe with WAL).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PureWindowsPath
from urllib.parse import parse_qsl, unquote, urlparse

from peewee import Database, OperationalError, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from frontdesk.db.change_log import SqliteLog
from frontdesk.db.drivers import load_postgres_driver
from frontdesk.db.models import database_proxy
from frontdesk.db.server import ServerDatabase
from frontdesk.errors import ConfigError, DatabaseDamaged
from frontdesk.files import (
    PRIVATE_DIR_MODE,
    is_special_file,
    make_database_private,
    make_owner_only,
    make_private_dir,
    os_reason,
)
from frontdesk.logs import mask_passwords

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,  # NORMAL
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": 2,  # MEMORY
}
# Every top-level transaction starts with BEGIN IMMEDIATE: it takes the write lock at once
# and waits for it under busy_timeout. A DEFERRED one (SQLite's default) reads under a
# snapshot and only asks for the lock at its first write; if another connection (another
# desk, or this desk's background thread) committed in between, that write fails at once
# with "database is locked" (SQLITE_BUSY_SNAPSHOT: the busy timeout is never applied).
# Read-only snapshots that must not hold the lock ask for DEFERRED (reports.sql).
SQLITE_LOCK_TYPE = "IMMEDIATE"
SQLITE_HEADER = b"SQLite format 3\x00"
# A desk waits this long for an unreachable server before saying so (libpq waits for ever).
PG_CONNECT_TIMEOUT = 10


class LocalDatabase(SqliteLog, SqliteDatabase):
    """SqliteDatabase whose commits leave a change_log row for the other stations."""


def sqlite_location(url: str, os_name: str = os.name) -> str | None:
    """The file behind an SQLite URL or bare path, as text; None for other databases.

    `os_name` is the flavour of the paths ("posix" or "nt", as os.name), a parameter so
    that the Windows rules are tested on Linux too. On Windows a bare path may start with
    a drive (C:\\data\\x.sqlite3, C:/data/x.sqlite3), which urlparse would take for a
    URL scheme "c", or be a UNC path (\\\\server\\share\\x.sqlite3). A drive means
    nothing on POSIX, so there "C:/x" stays an unsupported URL.
    """
    if os_name == "nt" and "://" not in url and PureWindowsPath(url).drive:
        return url
    parsed = urlparse(url)
    if parsed.scheme in ("", "file") and "://" not in url:
        return url
    if parsed.scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them;
        # on Windows sqlite:///C:\\data\\x.sqlite3 (or sqlite:////C:/data/x.sqlite3).
        path = unquote(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else ""
        if os_name == "nt" and path[:1] in ("/", "\\") and PureWindowsPath(path[1:]).drive[1:2] == ":":
            path = path[1:]
        return path or None
    return None


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (or bare path) on this system; None for other databases."""
    location = sqlite_location(url)
    return Path(location) if location is not None else None


def _shown_url(url: str) -> str:
    """`url` as a message may show it: no password, no control characters, not too long."""
    text = mask_passwords(str(url))
    text = "".join("?" if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000
                   else ch for ch in text)
    return text if len(text) <= 200 else text[:200] + "…"


def _unsupported(url: str) -> ConfigError:
    shown = _shown_url(url)
    return ConfigError(
        f"不支持的数据库地址“{shown}”。请使用 sqlite:///文件路径 或 postgresql://用户@主机/库名。",
        f"Unsupported database URL '{shown}'. Use sqlite:///path/to/file or "
        "postgresql://user@host/dbname.",
    )


def _check_url(url: str) -> None:
    """Refuse a URL no driver can take: a NUL or control character (also as %00), a
    bracketed host left open, a port that is no port. Each was a ValueError traceback."""
    if not isinstance(url, str):
        raise _unsupported(repr(type(url)))
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - raises ValueError for "host:99999" or "host:x"
        decoded = unquote(url)
    except ValueError:
        raise _unsupported(url) from None
    if any(ord(ch) < 32 for ch in decoded):
        raise _unsupported(url)


def make_database(url: str) -> Database:
    """Build (not connect) a peewee database for `url`; refuse unknown schemes."""
    _check_url(url)
    parsed = urlparse(url)
    path = sqlite_path(url)
    if path is not None:
        if str(path) == ":memory:":
            return LocalDatabase(":memory:", pragmas=SQLITE_PRAGMAS, lock_type=SQLITE_LOCK_TYPE)
        _check_sqlite_file(path)
        return LocalDatabase(str(path), pragmas=SQLITE_PRAGMAS, lock_type=SQLITE_LOCK_TYPE,
                              check_same_thread=False)
    if parsed.scheme in ("postgresql", "postgres"):
        try:
            # peewee was imported without it (frontdesk.db.drivers); fail here, clearly.
            load_postgres_driver()
        except ImportError as exc:
            raise ConfigError(
                "此安装不含 PostgreSQL 驱动。请安装 frontdesk[postgres]（psycopg2），"
                "或使用含 PostgreSQL 的安装包。",
                "This installation has no PostgreSQL driver. Install frontdesk[postgres] "
                "(psycopg2) or use the bundle built with PostgreSQL support.",
            ) from exc
        # libpq keywords in the query go through: ?sslmode=require, ?host=/run/postgresql …
        options = dict(parse_qsl(parsed.query))
        options.setdefault("connect_timeout", str(PG_CONNECT_TIMEOUT))
        options.setdefault("application_name", "frontdesk")
        params = dict(
            user=unquote(parsed.username) if parsed.username else None,
            password=unquote(parsed.password) if parsed.password else None,
            host=parsed.hostname,
            port=parsed.port,
        )
        params.update(options)
        return ServerDatabase(unquote(parsed.path.lstrip("/")), **params)
    raise _unsupported(url)


def _check_sqlite_file(path: Path) -> None:
    """Fail early, with the file's name, on a directory we cannot write or a non-database."""
    try:
        _probe_sqlite_file(path)
    except OSError as exc:  # a name too long, no access to the file, a symlink loop
        zh, en = os_reason(exc)
        shown = str(path)[:200]
        raise ConfigError(
            f"无法使用数据库文件 {shown}：{zh}。请检查文件名和权限，或用 --db 指定其他位置。",
            f"Cannot use the database file {shown}: {en}. Check the name and the "
            "permissions, or pick another place with --db.") from exc


def _probe_sqlite_file(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        make_private_dir(folder)  # a folder we create for the database: owner-only
    except OSError as exc:
        zh, en = os_reason(exc)
        raise ConfigError(
            f"无法创建数据目录 {folder}：{zh}。请检查权限，或用 --db 指定其他位置。",
            f"Cannot create the data folder {folder}: {en}. Check its permissions "
            "or pick another place with --db.",
        ) from exc
    if path.is_dir():
        raise ConfigError(
            f"{path} 是一个文件夹，不是数据库文件。请用 --db 指定数据库文件。",
            f"{path} is a folder, not a database file. Name the database file with --db.")
    if is_special_file(path):
        raise ConfigError(
            f"{path} 不是普通文件（而是设备、管道或套接字），不能作为数据库。请用 --db 指定数据库文件。",
            f"{path} is not an ordinary file (a device, a pipe or a socket) and cannot be a "
            "database. Name the database file with --db.")
    wal = Path(str(path) + "-wal")
    if path.exists() and path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size):
        # SQLite writes its header when it creates a database: an empty file was cut short
        # (a failed copy, a full disk), and treating it as new would hide that.
        raise DatabaseDamaged(
            f"数据库文件 {path} 是空的（0 字节），可能在复制或写入时被截断。请从备份恢复"
            "（frontdesk restore）；若确实要新建数据库，请先删除该文件。",
            f"The database file {path} is empty (0 bytes): it was probably cut short while "
            "being copied or written. Restore it from a backup (frontdesk restore); to start "
            "a new database on purpose, delete the file first.")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            header = fh.read(16)
        if header != SQLITE_HEADER:
            raise DatabaseDamaged(
                f"文件 {path} 不是 Frontdesk 数据库（文件已损坏或类型不对）。请从备份恢复（frontdesk restore）。",
                f"The file {path} is not a Frontdesk database (damaged or of another kind). "
                "Restore it from a backup (frontdesk restore).",
            )
    elif not os.access(folder, os.W_OK):
        raise ConfigError(
            f"数据目录 {folder} 不可写。请检查权限，或用 --db 指定其他位置。",
            f"The data folder {folder} is not writable. Check its permissions or pick "
            "another place with --db.",
        )


def connect(url: str, *, check_pages: bool = True) -> Database:
    """Bind the models to the database at `url` and open the connection.

    `check_pages=False` leaves the page check to the caller: the desk's window runs
    it on its worker once shown (check_pages_of), so start-up does not wait for it.
    """
    db = make_database(url)
    database_proxy.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, SqliteDatabase):
            # Touch the file so a locked or damaged database fails here, by name.
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            _keep_private(db)
            if check_pages:
                quick_check(db, url)
    except (OperationalError, PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
        raise describe_database_error(url, exc) from exc
    return db


# PRAGMA quick_check reads every page: 0.3 s for 144 MB from the page cache, a few seconds
# from a cold disk. At open it runs for at most this long, on a connection of its own with
# a small page cache (the desk's 32 MB cache would otherwise fill with every page and stay
# resident: +15 MB at start on a small file); a bigger file is checked as far as that goes.
# Damage further in is still found by `frontdesk check`, by backups, and by the query that
# meets it (frontdesk.db.faults turns "malformed" into the same DatabaseDamaged sentence).
QUICK_CHECK_BUDGET_S = 0.5
QUICK_CHECK_CACHE_KIB = 1024


def quick_check(db: SqliteDatabase, url: str, budget_s: float = QUICK_CHECK_BUDGET_S) -> None:
    """DatabaseDamaged when PRAGMA quick_check finds damaged pages within `budget_s`."""
    if db.database == ":memory:":
        return
    import time

    conn = sqlite3.connect(db.database, timeout=5.0)
    deadline = time.monotonic() + budget_s
    try:
        conn.execute(f"PRAGMA cache_size = -{QUICK_CHECK_CACHE_KIB}")
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 20000)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc).lower():
                raise
            import logging

            logging.getLogger(__name__).info("quick_check at open stopped after %.1f s (big file)",
                                             budget_s)
            return
    finally:
        conn.close()
    if rows != ["ok"]:
        where = sqlite_path(url) or url
        detail = "; ".join(rows[:2])
        raise DatabaseDamaged(
            f"数据库 {where} 已损坏（{detail}）。请从备份恢复（frontdesk restore）。",
            f"The database {where} is damaged ({detail}). Restore it from a backup "
            "(frontdesk restore).")


def check_pages_of(url: str) -> None:
    """The open-time page check (quick_check) of the database at `url`, run on its own."""
    db = database_proxy.obj
    if isinstance(db, SqliteDatabase):
        try:
            quick_check(db, url)
        except sqlite3.DatabaseError as exc:
            raise describe_database_error(url, exc) from exc


def _keep_private(db: SqliteDatabase) -> None:
    """The database file, its -wal/-shm and the default data folder: owner-only (0600/0700).

    Every patient's data and every staff hash is in there; 0644/0755 let any user of
    the PC copy them. A file in a folder chosen with --db keeps that folder as it is.
    """
    if db.database == ":memory:" or str(db.database).startswith("file:"):
        return
    path = Path(db.database)
    make_database_private(path)
    from frontdesk.paths import data_dir

    if path.parent.resolve() == data_dir().resolve():
        make_owner_only(path.parent, PRIVATE_DIR_MODE)


def describe_database_error(url: str, exc: Exception) -> ConfigError:
    """Turn a driver error into one sentence naming the database and what to do."""
    from frontdesk.db.faults import missing_schema, missing_schema_error

    missing = missing_schema(exc)
    if urlparse(url).scheme in ("postgresql", "postgres"):
        if missing:
            return missing_schema_error(missing, server_parts(url)[1])
        return describe_server_error(url, exc)
    where = sqlite_path(url) or url
    if missing:
        return missing_schema_error(missing, str(where))
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return ConfigError(
            f"数据库 {where} 正被其他程序占用。请关闭其他 Frontdesk 窗口后重试。",
            f"The database {where} is locked by another program. Close other Frontdesk "
            "windows and try again.",
        )
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return DatabaseDamaged(
            f"数据库 {where} 已损坏。请从备份恢复（frontdesk restore）。",
            f"The database {where} is damaged. Restore it from a backup (frontdesk restore).",
        )
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return ConfigError(
            f"无法写入数据库 {where}。请检查文件和目录权限。",
            f"Cannot write the database {where}. Check the file's and folder's permissions.",
        )
    # Anything else: the driver's own words go to the log, the person gets a sentence.
    import logging

    logging.getLogger(__name__).warning("cannot open %s: %s: %s", where, type(exc).__name__,
                                        exc)
    return ConfigError(
        f"无法打开数据库 {where}（数据库拒绝了操作，详情已记录在日志中）。请运行 frontdesk check "
        "检查它，必要时从备份恢复（frontdesk restore）。",
        f"Cannot open the database {where} (the database refused; the details are in the "
        "log). Run frontdesk check on it, and restore a backup if need be (frontdesk restore).",
    )


def server_parts(url: str) -> tuple[str, str, str]:
    """(server, database, user) of a PostgreSQL URL for messages: never the password."""
    parsed = urlparse(url)
    options = dict(parse_qsl(parsed.query))
    host = options.get("host") or parsed.hostname or "localhost"
    try:
        port = options.get("port") or parsed.port or 5432
    except ValueError:
        port = "?"
    server = host if host.startswith("/") else f"{host}:{port}"
    database = unquote(parsed.path.lstrip("/")) or "?"
    user = unquote(parsed.username) if parsed.username else (options.get("user") or "")
    return server, database, user


def describe_server_error(url: str, exc: Exception) -> ConfigError:
    """A PostgreSQL connection or schema error as one sentence naming server and database.

    The URL itself is never shown: it may carry the password.
    """
    server, db, user = server_parts(url)
    msg = str(exc)
    low = msg.lower()
    who = user or "?"
    if "password authentication failed" in low or "no password supplied" in low or (
            "role" in low and "does not exist" in low):
        return ConfigError(
            f"数据库服务器 {server} 拒绝了用户 {who} 登录数据库 {db}：用户名或密码不对。"
            "请检查 --db 地址中的用户名和密码，或联系信息科。",
            f"The database server {server} refused user {who} for database {db}: wrong user "
            "name or password. Check the user and password in the --db URL, or ask IT.",
        )
    if "database" in low and "does not exist" in low:
        return ConfigError(
            f"数据库服务器 {server} 上没有数据库 {db}。请检查 --db 地址中的库名，"
            "或请信息科先创建它（见 docs/POSTGRES.md）。",
            f"The database server {server} has no database {db}. Check the database name in "
            "the --db URL, or ask IT to create it (see docs/POSTGRES.md).",
        )
    if "pg_hba.conf" in low:
        return ConfigError(
            f"数据库服务器 {server} 不允许这台电脑以用户 {who} 连接数据库 {db}。"
            "请信息科在 pg_hba.conf 中放行本机。",
            f"The database server {server} does not let this computer connect to database "
            f"{db} as {who}. Ask IT to allow it in pg_hba.conf.",
        )
    if "too many clients" in low or "too many connections" in low:
        return ConfigError(
            f"数据库服务器 {server} 的连接已满（数据库 {db}）。请稍后重试，或请信息科调高 "
            "max_connections。",
            f"The database server {server} has no free connections (database {db}). Try again "
            "shortly, or ask IT to raise max_connections.",
        )
    if "permission denied" in low or "must be owner" in low:
        return ConfigError(
            f"用户 {who} 在数据库 {db}（服务器 {server}）中没有建表或写入的权限。"
            "请信息科把该数据库的所有者设为这个用户（见 docs/POSTGRES.md）。",
            f"User {who} may not create or change tables in database {db} on {server}. Ask IT "
            "to make that user the database's owner (see docs/POSTGRES.md).",
        )
    if any(w in low for w in ("could not connect", "connection refused", "could not translate",
                              "timeout expired", "server closed the connection",
                              "no route to host", "network is unreachable", "failed:")):
        return ConfigError(
            f"无法连接数据库服务器 {server}（数据库 {db}）：服务器没有运行、地址或端口不对，"
            "或被防火墙拦截。请检查网络，或请信息科检查 PostgreSQL 服务。",
            f"Cannot reach the database server {server} (database {db}): it is not running, "
            "the address or port is wrong, or a firewall is in the way. Check the network or "
            "ask IT to check the PostgreSQL service.",
        )
    first = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
    return ConfigError(
        f"无法使用数据库 {db}（服务器 {server}）：{first}",
        f"Cannot use the database {db} on {server}: {first}",
    )


def close() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()
