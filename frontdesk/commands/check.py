from __future__ import annotations

from peewee import SqliteDatabase

from frontdesk import __version__
from frontdesk.commands import open_for, say
from frontdesk.db import migrations

HELP = "check the database's integrity and schema version"


def add_arguments(p) -> None:
    p.add_argument("--full", action="store_true", help="full integrity_check instead of quick_check")


def run(args) -> int:
    db = open_for(args)
    version = migrations.current_version(db)
    say(f"Frontdesk {__version__}，数据库结构版本 {version}（最新 {migrations.latest_version()}）。",
        f"Frontdesk {__version__}, schema version {version} (latest {migrations.latest_version()}).")
    if isinstance(db, SqliteDatabase):
        pragma = "integrity_check" if args.full else "quick_check"
        rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
        fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if rows != ["ok"] or fk:
            say("数据库完整性检查失败：", "Database integrity check FAILED:")
            for line in rows[:20]:
                print(f"  {line}")
            if fk:
                print(f"  foreign key violations: {len(fk)}")
            return 1
    else:
        # A server checks its own storage; what a desk can vouch for is the connection.
        say("已连接数据库服务器（PostgreSQL 的完整性由服务器保证；备份请用 pg_dump）。",
            "Connected to the database server (PostgreSQL keeps its own integrity; back it "
            "up with pg_dump).")
        return 0
    say("数据库完整性检查通过。", "Database integrity check passed.")
    return 0
