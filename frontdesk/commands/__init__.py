"""One module per CLI subcommand: HELP, add_arguments(parser), run(args) -> int."""

from __future__ import annotations

import argparse

from frontdesk import i18n, settings
from frontdesk.db.session import open_database


def open_for(args: argparse.Namespace):
    """Open and migrate the database the arguments name; adopt its language setting."""
    from frontdesk.cli import database_url

    db = open_database(database_url(args))
    if not args.lang:
        i18n.set_language(settings.get("ui.language"))
    return db


def say(zh: str, en: str) -> None:
    print(i18n.text(zh, en))
