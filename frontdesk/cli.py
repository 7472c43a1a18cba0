"""The `frontdesk` command: no arguments opens the app; subcommands for admins and scripts.

Each subcommand lives in its own module with `add_arguments(parser)` and
`run(args) -> int`; heavy imports (Qt, reportlab) happen inside `run` so that
`frontdesk check` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import os
import sys
from pathlib import Path

from frontdesk import __version__, i18n
from frontdesk.errors import FrontdeskError

log = logging.getLogger("frontdesk")

# subcommand -> module providing add_arguments() and run()
COMMANDS: dict[str, str] = {
    "init": "frontdesk.commands.init",
    "check": "frontdesk.commands.check",
    "report": "frontdesk.commands.report",
    "slip": "frontdesk.commands.slip",
    "backup": "frontdesk.commands.backup",
    "restore": "frontdesk.commands.restore",
    "triage-eval": "frontdesk.commands.triage_eval",
    "staff-report": "frontdesk.commands.staff_report",
    "service-report": "frontdesk.commands.service_report",
    "display": "frontdesk.commands.display",
    "rules": "frontdesk.commands.rules",
}


def _initial_language() -> str:
    # Before the database is open, the environment is all we know.
    lang = os.environ.get("FRONTDESK_LANG") or os.environ.get("LANGUAGE") or ""
    return "en" if lang.lower().startswith("en") else i18n.DEFAULT_LANGUAGE


# Global options that take a value: the token after them is not a subcommand.
_VALUE_OPTIONS = frozenset({"--db", "--lang"})


def names_a_subcommand(argv: list[str]) -> bool:
    """Whether `argv` may name a subcommand (or asks for help, which lists them).

    Opening the app (no subcommand) is the common case and must not import
    every subcommand module to build parsers it will never use. Anything this
    cannot rule out (a bare word, an abbreviated option) gets the full parser,
    so argparse still gives its usual answer to a mistyped command.
    """
    skip_value = False
    for token in argv:
        if skip_value:
            skip_value = False
            continue
        if token in ("-h", "--help") or not token.startswith("-") or token == "--":
            return True
        skip_value = token in _VALUE_OPTIONS
    return False


def build_parser(*, subcommands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `subcommands=False` leaves out the subcommand parsers."""
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="Frontdesk — hospital reception desk companion (导医台).",
    )
    parser.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    parser.add_argument("--db", metavar="URL",
                        help="database URL: sqlite:///path/file.sqlite3 or "
                             "postgresql://user@host/db (default: env FRONTDESK_DB, "
                             "else a file in the user data directory)")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo hospital (its own database, demo data on first start)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the main window with the first screen's data (read-only, as the "
                             "command line reads), process events and exit 0 (packaging test)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="user interface language")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        mod = importlib.import_module(module)
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
    return parser


def database_url(args: argparse.Namespace) -> str:
    """--db, else FRONTDESK_DB, else the default (or demo) file in the data directory."""
    from frontdesk.paths import data_dir, default_db_path, resolve_url

    default = data_dir() / "demo.sqlite3" if getattr(args, "demo", False) else default_db_path()
    return resolve_url(args.db, Path(default))


def _database_errors() -> tuple[type[Exception], ...]:
    """sqlite3's and peewee's DatabaseError, of those imported: only they can have raised
    one. Opening the app imports them after its first frame, not with this module."""
    return tuple(module.DatabaseError for name in ("sqlite3", "peewee")
                 if (module := sys.modules.get(name)) is not None)


def main(argv: list[str] | None = None) -> int:
    i18n.set_language(_initial_language())
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(subcommands=names_a_subcommand(argv))
    args = parser.parse_args(argv)

    def start_logging() -> None:
        from frontdesk import logs

        logs.start(verbose=args.verbose)  # the log file; warnings also on stderr

    if args.command:
        start_logging()
    if args.lang:
        i18n.set_language(args.lang)
    try:
        if args.command:
            return importlib.import_module(COMMANDS[args.command]).run(args)
        from frontdesk.ui.shell.app import run_app  # Qt only when a window is wanted

        # The window's first frame comes before the log file, as before everything else.
        return run_app(database_url(args), demo=args.demo, smoke=args.smoke, lang=args.lang,
                       start_logging=start_logging)
    except FrontdeskError as exc:
        log.info("%s", exc.en)  # the file only: stderr gets the message below
        print(f"frontdesk: {exc.message()}", file=sys.stderr)
        return 2
    except _database_errors() as exc:
        # A damaged or vanished database mid-command: name it, no traceback.
        from frontdesk.db.connection import describe_database_error

        log.debug("database error", exc_info=True)
        print(f"frontdesk: {describe_database_error(database_url(args), exc).message()}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from frontdesk import logs

        logs.log_unhandled(type(exc), exc, exc.__traceback__)  # before the file closes
        raise
    finally:
        if (logs := sys.modules.get("frontdesk.logs")) is not None:
            logs.stop()  # (never imported: nothing to stop)
