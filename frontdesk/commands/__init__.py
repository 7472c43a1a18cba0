"""One module per CLI subcommand: HELP, add_arguments(parser), run(args) -> int."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontdesk import i18n, settings
from frontdesk.db.session import open_database
from frontdesk.errors import ValidationError

# What each format's bytes look like (frontdesk.files.check_output compares the existing file).
_OUTPUT_KINDS = {".pdf": "pdf", ".xlsx": "zip", ".csv": "text"}


def open_for(args: argparse.Namespace):
    """Open and migrate the database the arguments name; adopt its language setting."""
    from frontdesk.cli import database_url

    db = open_database(database_url(args))
    if not args.lang:
        i18n.set_language(settings.get("ui.language"))
    return db


def say(zh: str, en: str) -> None:
    print(i18n.text(zh, en))


def check_out_file(args: argparse.Namespace) -> None:
    """Refuse --out FILE before the database is opened: an unknown format, a missing
    folder, or a file that may not be replaced (an existing one only with --force)."""
    if not args.out:
        return
    from frontdesk.files import check_name, check_output
    from frontdesk.reports.export import format_of

    check_name(args.out)  # before any message echoes the name
    fmt = format_of(args.out)
    folder = Path(args.out).expanduser().parent
    if not folder.is_dir():
        raise ValidationError(f"文件夹不存在：{folder}", f"The folder does not exist: {folder}",
                              field="out")
    check_output(args.out, _OUTPUT_KINDS.get(fmt), replace=args.force)


def print_table(heading: str, table) -> None:
    """A report table on the terminal: the heading, the column titles, one line a row."""
    from frontdesk.reports.tables import format_cell

    print(heading)
    print(" | ".join(table.columns))
    for row in table.rows:
        print(" | ".join(format_cell(v) for v in row))
