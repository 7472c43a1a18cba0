"""Another desk holds the write lock: how long the UI thread waits, and when to try again.

The desk's window runs a step at once on its UI thread (frontdesk/ui/context.py).
SQLite's busy timeout (5 s, frontdesk/db/connection.py) would freeze the window that
long whenever another station is saving. `brief_lock_wait()` makes the UI thread's
connection wait only UI_LOCK_WAIT_MS for the lock, for the length of one call; the
worker's connection (another thread, another connection) keeps the long wait, so the
runner re-runs a refused step there (`lock_refused` says when that is safe).

Scoped to the call, not to every connection of the main thread: the command line,
the import tools and the processes of the load tests run on their main thread too,
and they should keep waiting the full timeout.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

from frontdesk.db.connection import SQLITE_PRAGMAS
from frontdesk.db.faults import error_chain
from frontdesk.db.models import database_proxy

UI_LOCK_WAIT_MS = 250

# SQLite result codes (low byte of the extended code) of a lock another connection holds.
_SQLITE_LOCK_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# PostgreSQL: deadlock_detected, lock_not_available, serialization_failure. The server
# aborted the whole transaction; nothing of it was committed.
_PG_LOCK_CODES = ("40P01", "55P03", "40001")


@contextmanager
def brief_lock_wait(ms: int = UI_LOCK_WAIT_MS) -> Iterator[None]:
    """Within the block, the main thread's open SQLite connection waits at most `ms` for a lock.

    Elsewhere (another thread, PostgreSQL, no open connection) nothing changes.
    """
    db = database_proxy.obj
    if (threading.current_thread() is not threading.main_thread()
            or not isinstance(db, SqliteDatabase) or db.is_closed()):
        yield
        return
    conn = db.connection()
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        try:  # back to what every connection opens with (no read of it per call)
            conn.execute(f"PRAGMA busy_timeout = {int(SQLITE_PRAGMAS['busy_timeout'])}")
        except sqlite3.Error:
            pass  # the call closed the connection (a restore): the next one starts fresh


def lock_refused(exc: BaseException | None) -> bool:
    """The database itself said a lock was not granted, so the transaction did not commit.

    True only for the driver's own error codes (SQLite SQLITE_BUSY/SQLITE_LOCKED, which
    under BEGIN IMMEDIATE come at BEGIN, before any write; a PostgreSQL deadlock, lock
    timeout or serialization failure, which abort the transaction). Such a step is safe
    to run again. A message alone ("database is locked" built by hand) is not enough.
    """
    for e in error_chain(exc):
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_LOCK_CODES:
            return True
        if getattr(e, "pgcode", None) in _PG_LOCK_CODES:
            return True
    return False
