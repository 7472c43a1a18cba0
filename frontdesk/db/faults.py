"""Driver errors as sentences for the person at the desk (no tracebacks, nothing silent).

sqlite3, psycopg2 and peewee raise their own exceptions; the desk only knows
FrontdeskError. `translate()` turns any driver error into one of:

- DatabaseBusy — another desk holds the write lock ("database is locked", a lock
  wait or deadlock on the server): try again in a moment;
- DatabaseUnavailable — the server cannot be reached or dropped the connection:
  the next action reconnects (db/server.py), so trying again is the answer;
- DatabaseDamaged — the SQLite file is malformed or not a database: call IT;
- DatabaseFailure — anything else the driver refused (details in the log).

The original goes to the log with its traceback (the log's ScrubFilter masks
patient data); the user sees only the sentence. `AppContext.run` applies this
to every operation; `driver_errors()` is the same for the few direct calls.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import InterfaceError, PeeweeException

from frontdesk.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseFailure,
    DatabaseUnavailable,
    FrontdeskError,
)

log = logging.getLogger(__name__)

_DAMAGED = ("malformed", "not a database", "disk image", "file is encrypted")
BUSY_WORDS = _BUSY = ("database is locked", "database table is locked", "database is busy",
         "deadlock detected", "could not obtain lock", "lock timeout",
         "could not serialize access")
# Words of libpq/psycopg2 (and peewee's own) messages when the connection is gone or never came.
_CONNECTION = ("server closed the connection", "connection already closed",
               "connection not open", "no connection to the server", "could not connect",
               "connection refused", "connection timed out", "timeout expired",
               "terminating connection", "ssl syscall error", "eof detected",
               "could not receive data", "could not send data", "connection reset",
               "lost synchronization with server", "server conn crashed",
               "the database system is shutting down", "the database system is starting up",
               "could not translate host name", "network is unreachable", "no route to host",
               "cannot operate on a closed database", "broken pipe")


def error_chain(exc: BaseException | None) -> Iterator[BaseException]:
    """The exception, the driver errors peewee wrapped in it, and their causes."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend(a for a in e.args[:1] if isinstance(a, BaseException))
        todo.extend((getattr(e, "orig", None), e.__cause__, e.__context__))


def _is_driver_class(e: BaseException) -> bool:
    module = type(e).__module__ or ""
    return (isinstance(e, PeeweeException | sqlite3.Error)
            or module.startswith(("psycopg2", "psycopg")))


def is_driver_error(exc: BaseException) -> bool:
    """True for an error raised by the database driver or peewee (never a FrontdeskError)."""
    return not isinstance(exc, FrontdeskError) and _is_driver_class(exc)


def _text(exc: BaseException) -> str:
    return " ".join(str(e) for e in error_chain(exc)).lower()


# SQLite: "no such table: fine", "no such column: visit.door_ticket_no";
# PostgreSQL: 'relation "fine" does not exist', 'column visit.door_ticket_no does not exist'.
_MISSING = re.compile(r'no such (?:table|column): *([\w."]+)|(?:relation|column) "?([\w.]+)"? does '
                      r'not exist')


def missing_schema(exc: BaseException) -> str | None:
    """The table or column a driver error says is missing (the schema was cut short: a
    table dropped by hand, a restore of another program's file), else None."""
    if not is_driver_error(exc):
        return None
    for e in error_chain(exc):
        found = _MISSING.search(str(e))
        if found:
            name = (found.group(1) or found.group(2)).strip('"')
            return re.sub(r"^t\d+\.", "", name)[:80]  # peewee's alias t1.column: the column
    return None


def missing_schema_error(name: str, where: str = "") -> DatabaseDamaged:
    """The sentence for a database without a table or column Frontdesk needs."""
    at = f" {where}" if where else ""
    return DatabaseDamaged(
        f"数据库{at + ' ' if at else ''}缺少 {name}（结构不完整，可能被手工改动或升级中断），这一步无法完成。"
        "请联系信息科运行 frontdesk check，并从备份恢复（frontdesk restore）。",
        f"The database{at} has no {name} (its structure is incomplete: changed by hand, or "
        "an upgrade was cut short), so this cannot be done. Ask IT to run frontdesk check "
        "and restore a backup (frontdesk restore).")


def is_connection_lost(exc: BaseException) -> bool:
    """The driver error says the server is unreachable or the connection is gone.

    After such an error during a commit nobody knows whether the commit landed.
    """
    if not is_driver_error(exc):
        return False
    if any(w in _text(exc) for w in _CONNECTION):
        return True
    for e in error_chain(exc):
        # psycopg2: a connection-level failure has no SQLSTATE; an InterfaceError is
        # "connection already closed" and the like. 08xxx and 57P0x are connection classes.
        code = getattr(e, "pgcode", None)
        if code and (code.startswith("08") or code in ("57P01", "57P02", "57P03")):
            return True
        if type(e).__module__.startswith("psycopg2") and type(e).__name__ == "InterfaceError":
            return True
    return False


def translate(exc: BaseException, *, what: str = "") -> FrontdeskError:
    """The FrontdeskError to show for `exc` (a FrontdeskError is returned as it is).

    Logs the driver error with its traceback; `what` names the operation in the log.
    """
    if isinstance(exc, FrontdeskError):
        return exc
    log.warning("database error%s: %s: %s", f" in {what}" if what else "",
                type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                exc_info=exc)
    text = _text(exc)
    if any(w in text for w in _DAMAGED):
        return DatabaseDamaged(
            "数据库文件已损坏，无法继续。请立即联系信息科（可用 frontdesk restore 从备份恢复）。"
            "刚才填写的内容仍保留在屏幕上。",
            "The database file is damaged and cannot be used. Call IT now (a backup can be "
            "restored with frontdesk restore). What you typed is still on the screen.")
    if any(w in text for w in _BUSY):
        return DatabaseBusy(
            "其他导医台正在写入数据库，这一步没有保存。请稍等片刻再试一次，填写的内容仍然保留。",
            "Another desk is writing to the database, so this was not saved. Wait a moment "
            "and try again; what you typed is kept.")
    missing = missing_schema(exc)
    if missing:
        return missing_schema_error(missing)
    if is_connection_lost(exc) or any(isinstance(e, InterfaceError) for e in error_chain(exc)):
        return DatabaseUnavailable(
            "无法连接数据库服务器（网络或服务器中断）。下一步操作时会自动重新连接，请稍后再试；"
            "填写的内容仍然保留。若持续出现，请联系信息科。",
            "The database server cannot be reached (the network or the server is down). The "
            "desk reconnects at your next action — try again in a moment; what you typed is "
            "kept. If this goes on, call IT.")
    return DatabaseFailure(
        "数据库拒绝了这次操作（详情已记录在日志中）。请再试一次；若仍不行，请联系信息科。",
        "The database refused the action (details are in the log). Try again; if it still "
        "fails, call IT.")


@contextmanager
def driver_errors(what: str = "") -> Iterator[None]:
    """Raise any driver error inside the block as its FrontdeskError (see translate)."""
    try:
        yield
    except Exception as exc:
        if not is_driver_error(exc):
            raise
        raise translate(exc, what=what) from exc
