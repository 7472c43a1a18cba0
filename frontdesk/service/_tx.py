"""The service desk's write transaction (private)."""

from __future__ import annotations

from contextlib import AbstractContextManager

from peewee import SqliteDatabase

from frontdesk.db.models import database_proxy


def write_tx() -> AbstractContextManager:
    """A transaction that takes SQLite's write lock at BEGIN (IMMEDIATE).

    A deferred one reads, then may fail to become a writer when another desk wrote
    in between (SQLITE_BUSY without waiting); IMMEDIATE waits its turn under
    busy_timeout. Nested calls and PostgreSQL get a plain atomic block.
    """
    db = database_proxy.obj
    if isinstance(db, SqliteDatabase) and db.transaction_depth() == 0:
        return db.atomic("IMMEDIATE")
    return database_proxy.atomic()
