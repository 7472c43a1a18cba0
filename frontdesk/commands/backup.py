"""`frontdesk backup --out DIR`: an online, verified backup of the SQLite database."""

from __future__ import annotations

from pathlib import Path

from frontdesk.commands import open_for, say

HELP = "back up the database (SQLite backup API, verified with integrity_check)"


def add_arguments(p) -> None:
    p.add_argument("--out", metavar="DIR",
                   help="folder for the backup file (default: the backup folder in settings)")


def run(args) -> int:
    from frontdesk.admin import backup

    open_for(args)
    result = backup.make_backup(Path(args.out) if args.out else None, reason="cli")
    say(f"备份已写入并通过完整性检查：{result.path}（{result.size // 1024} KB）。",
        f"Backup written and verified: {result.path} ({result.size // 1024} KB).")
    if result.pruned:
        say(f"已按保留期限删除 {len(result.pruned)} 个旧备份。",
            f"Removed {len(result.pruned)} old backup(s) past the retention period.")
    return 0
