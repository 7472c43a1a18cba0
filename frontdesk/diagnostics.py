"""Facts IT asks for when a desk calls: version, database, log file, schema, platform.

The About dialog shows them and the crash dialog copies them; both take them
from here, so the command line could print the same. No Qt here: the UI adds
its Qt versions as `extra` lines. Text meant to leave the PC (copied for IT)
goes through `logs.scrub`, so it names no patient and no database password.
"""

from __future__ import annotations

import platform
import sys
import traceback
from dataclasses import dataclass
from types import TracebackType

from frontdesk import __version__, logs


@dataclass(frozen=True)
class Facts:
    version: str
    python: str
    system: str
    database_kind: str  # "SQLite", "PostgreSQL" or the URL's scheme
    database_location: str  # a file path, or server/database: never a password
    schema_version: int | None  # None when the database could not be asked
    latest_schema_version: int
    log_file: str  # "" when there is no log file
    log_problem: str  # why there is no log file, if there is none


def database_location(db_url: str) -> tuple[str, str]:
    """(kind, location) of a database URL; a server's location leaves out user and password."""
    from frontdesk.db.connection import server_parts, sqlite_path

    if not db_url:
        return "", ""
    path = sqlite_path(db_url)
    if path is not None:
        return "SQLite", str(path)
    scheme = db_url.split(":", 1)[0].lower()
    if scheme in ("postgresql", "postgres"):
        server, database, _user = server_parts(db_url)
        return "PostgreSQL", f"{database} @ {server}"
    return scheme, logs.scrub(db_url)


def schema_version() -> int | None:
    """The open database's schema version; None if none is open or it cannot say."""
    from frontdesk.db.migrations import current_version
    from frontdesk.db.models import database_proxy

    db = database_proxy.obj
    if db is None:
        return None
    try:
        return current_version(db)
    except Exception:  # a diagnostic must never raise
        return None


def gather(db_url: str, *, ask_database: bool = True) -> Facts:
    """Collect the facts; `ask_database=False` skips the query (a crash may have broken it)."""
    from frontdesk.db.migrations import latest_version

    kind, location = database_location(db_url)
    rec = logs.current()
    active = logs.active_log_file()
    if active is not None:
        log_file, problem = str(active), ""
    elif rec is not None:
        log_file, problem = "", rec.problem or "stderr only"
    else:
        log_file, problem = str(logs.log_file()), ""
    return Facts(
        version=__version__,
        python=f"{platform.python_implementation()} {platform.python_version()}",
        system=f"{platform.system()} {platform.release()} ({platform.machine()})"
        + (" frozen" if getattr(sys, "frozen", False) else ""),
        database_kind=kind,
        database_location=location,
        schema_version=schema_version() if ask_database else None,
        latest_schema_version=latest_version(),
        log_file=log_file,
        log_problem=problem,
    )


def report_lines(facts: Facts, extra: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """(label, value) pairs in English, for IT."""
    schema = ("?" if facts.schema_version is None else str(facts.schema_version))
    lines = [
        ("Frontdesk", facts.version),
        ("Python", facts.python),
        ("System", facts.system),
        *extra,
        ("Database", f"{facts.database_kind} {facts.database_location}".strip()),
        ("Schema version", f"{schema} (this version knows {facts.latest_schema_version})"),
        ("Log file", facts.log_file or f"none ({facts.log_problem})"),
    ]
    return lines


def report_text(facts: Facts, extra: list[tuple[str, str]] = ()) -> str:
    """The facts as plain text to paste into a ticket (masked: see logs.scrub)."""
    return logs.scrub("\n".join(f"{label}: {value}" for label, value in report_lines(facts, extra)))


def crash_report(exc_type: type[BaseException], exc: BaseException | None,
                 tb: TracebackType | None, facts: Facts,
                 extra: list[tuple[str, str]] = ()) -> str:
    """What happened, for IT: the facts and the traceback, masked.

    The traceback carries file names, line numbers, code lines and the exception's
    message, never local variables (they would hold the patient on screen).
    """
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return logs.scrub(report_text(facts, extra) + "\n\n" + trace.rstrip())
