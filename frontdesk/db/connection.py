"""Open the database named by a URL and bind it to the models' proxy.

SQLite (the default, one file per desk or per hospital) is tuned for a desk
PC: WAL so readers never block the writer, foreign keys on, a busy timeout so
a second desk waits instead of failing, synchronous=NORMAL (safe with WAL).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlparse

from peewee import Database, OperationalError, PostgresqlDatabase, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from frontdesk.db.models import database_proxy
from frontdesk.errors import ConfigError

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,  # NORMAL
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": 2,  # MEMORY
}
SQLITE_HEADER = b"SQLite format 3\x00"


def resolve_url(url: str | None, default_path: Path) -> str:
    """--db beats FRONTDESK_DB beats the default file in the user data directory."""
    return url or os.environ.get("FRONTDESK_DB") or f"sqlite:///{default_path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (or bare path); None for other databases."""
    parsed = urlparse(url)
    if parsed.scheme in ("", "file") and "://" not in url:
        return Path(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them
        path = unquote(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else ""
        return Path(path) if path else None
    return None


def make_database(url: str) -> Database:
    """Build (not connect) a peewee database for `url`; refuse unknown schemes."""
    parsed = urlparse(url)
    path = sqlite_path(url)
    if path is not None:
        if str(path) == ":memory:":
            return SqliteDatabase(":memory:", pragmas=SQLITE_PRAGMAS)
        _check_sqlite_file(path)
        return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    if parsed.scheme in ("postgresql", "postgres"):
        try:
            import psycopg2  # noqa: F401 - only to fail here, with a message, if absent
        except ImportError as exc:
            raise ConfigError(
                "此安装不含 PostgreSQL 驱动。请安装 frontdesk[postgres]（psycopg2），"
                "或使用含 PostgreSQL 的安装包。",
                "This installation has no PostgreSQL driver. Install frontdesk[postgres] "
                "(psycopg2) or use the bundle built with PostgreSQL support.",
            ) from exc
        return PostgresqlDatabase(
            unquote(parsed.path.lstrip("/")),
            user=unquote(parsed.username) if parsed.username else None,
            password=unquote(parsed.password) if parsed.password else None,
            host=parsed.hostname,
            port=parsed.port,
        )
    raise ConfigError(
        f"不支持的数据库地址“{url}”。请使用 sqlite:///文件路径 或 postgresql://用户@主机/库名。",
        f"Unsupported database URL '{url}'. Use sqlite:///path/to/file or "
        "postgresql://user@host/dbname.",
    )


def _check_sqlite_file(path: Path) -> None:
    """Fail early, with the file's name, on a directory we cannot write or a non-database."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"无法创建数据目录 {folder}：{exc.strerror}。请检查权限，或用 --db 指定其他位置。",
            f"Cannot create the data folder {folder}: {exc.strerror}. Check its permissions "
            "or pick another place with --db.",
        ) from exc
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            header = fh.read(16)
        if header != SQLITE_HEADER:
            raise ConfigError(
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


def connect(url: str) -> Database:
    """Bind the models to the database at `url` and open the connection."""
    db = make_database(url)
    database_proxy.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, SqliteDatabase):
            # Touch the file so a locked or damaged database fails here, by name.
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (OperationalError, PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
        raise describe_database_error(url, exc) from exc
    return db


def describe_database_error(url: str, exc: Exception) -> ConfigError:
    """Turn a driver error into one sentence naming the database and what to do."""
    where = sqlite_path(url) or url
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return ConfigError(
            f"数据库 {where} 正被其他程序占用。请关闭其他 Frontdesk 窗口后重试。",
            f"The database {where} is locked by another program. Close other Frontdesk "
            "windows and try again.",
        )
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return ConfigError(
            f"数据库 {where} 已损坏。请从备份恢复（frontdesk restore）。",
            f"The database {where} is damaged. Restore it from a backup (frontdesk restore).",
        )
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return ConfigError(
            f"无法写入数据库 {where}。请检查文件和目录权限。",
            f"Cannot write the database {where}. Check the file's and folder's permissions.",
        )
    return ConfigError(
        f"无法打开数据库 {where}：{exc}",
        f"Cannot open the database {where}: {exc}",
    )


def close() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()
