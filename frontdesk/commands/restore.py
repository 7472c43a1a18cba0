"""`frontdesk restore FILE`: replace the database with a verified backup, keeping the current one."""

from __future__ import annotations

import sys
from pathlib import Path

from frontdesk.commands import say
from frontdesk.errors import ConfigError, DatabaseDamaged

HELP = "restore the database from a backup file (the current database is kept aside first)"


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="a backup written by `frontdesk backup`")
    p.add_argument("--yes", action="store_true",
                   help="restore without asking (what is lost is still printed); needed where "
                        "nobody can answer, as in a script")


def run(args) -> int:
    from frontdesk.admin import backup
    from frontdesk.cli import database_url
    from frontdesk.commands import open_for
    from frontdesk.db.connection import sqlite_path

    source = Path(args.file)
    problems = backup.verify(source)
    if problems:  # checked before the live database is even opened: nothing changes
        raise backup.refusal(source, problems)
    url = database_url(args)
    db_path = sqlite_path(url)
    if db_path is None:
        raise ConfigError(backup.PG_DUMP_ZH, backup.PG_DUMP_EN)
    # Only a damaged file is set aside raw and replaced. A lock (a desk is running) or a
    # newer schema (an older Frontdesk) is refused as is: the file is fine, never touch it.
    try:
        open_for(args)
        # Say what the restore loses before doing it; at a terminal, ask.
        loss = backup.restore_preview(source)
        say(loss.message("zh_CN"), loss.message("en"))
        if not args.yes and not sys.stdin.isatty():
            # A script, a scheduler or a pipe: nobody can answer, and a restore replaces
            # today's data. It must say so itself.
            say("恢复会替换当前数据库，但这里无法询问确认：确定要恢复时请加 --yes。未做任何更改。",
                "A restore replaces the current database and nobody can be asked here: add "
                "--yes to restore. Nothing was changed.")
            return 1
        if not args.yes:
            from frontdesk.i18n import text

            if input(text("继续恢复？[y/N] ", "Restore anyway? [y/N] ")).strip().lower() not in (
                    "y", "yes", "是"):
                say("未做任何更改。", "Nothing was changed.")
                return 1
        result = backup.restore(source)
    except DatabaseDamaged:
        if not db_path.exists():
            raise
        from frontdesk.db.connection import close

        close()
        result = backup.restore_over_damaged(source, db_path)
        open_for(args)
        from frontdesk import audit

        audit.record(None, "restore", "database", "",
                     {"file": str(source), "kept_aside": str(result.kept_aside), "via": "cli"})
    say(f"已从 {source} 恢复数据库。", f"Database restored from {source}.")
    if result.kept_aside:
        say(f"原数据库已另存为 {result.kept_aside}。", f"The previous database was kept as {result.kept_aside}.")
    return 0
