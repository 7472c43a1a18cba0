"""The two transaction shapes every write path uses (one definition each)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from peewee import PostgresqlDatabase, SqliteDatabase

from frontdesk.db.models import database_proxy


def write_tx() -> AbstractContextManager:
    """A write transaction that takes SQLite's write lock at BEGIN (IMMEDIATE).

    A deferred one reads, then may fail to become a writer when another desk wrote in
    between (SQLITE_BUSY without waiting); IMMEDIATE waits its turn under busy_timeout,
    which also makes "max + 1" numbers safe. Nested calls and PostgreSQL get a plain
    atomic block. (Connections open with IMMEDIATE as their default too; saying it here
    keeps a write path right on any connection.)
    """
    db = database_proxy.obj
    if isinstance(db, SqliteDatabase) and db.transaction_depth() == 0:
        return db.transaction("IMMEDIATE")  # what atomic() gives at depth 0, made directly
    return database_proxy.atomic()


def retry_point() -> AbstractContextManager:
    """Around one try of a write that may clash (a unique number taken meanwhile).

    PostgreSQL aborts the whole transaction on an error, so the try gets a savepoint to
    undo; SQLite undoes only the failed statement, so it needs none.
    """
    if isinstance(database_proxy.obj, PostgresqlDatabase):
        return database_proxy.atomic()
    return nullcontext()


def take_turn(lock_class: int, key: int) -> None:
    """Inside a write transaction: desks doing this for the same `key` go one at a time
    until the transaction ends, so each reads what the one before it committed.

    PostgreSQL: a transaction-scoped advisory lock (`lock_class` names what is guarded;
    the classes are listed where they are used, "FD" + a number). SQLite: nothing to do,
    write_tx's IMMEDIATE BEGIN already lets one writer in at a time.
    """
    db = database_proxy.obj
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(f"SELECT pg_advisory_xact_lock({db.param}, {db.param})",
                       (lock_class, key))


def one_writer() -> bool:
    """True when write_tx lets one writer in at a time (SQLite: BEGIN IMMEDIATE).

    A check on other rows folded into an UPDATE's WHERE (NOT EXISTS …) then sees every
    earlier commit. On PostgreSQL two transactions run at once and a sub-select reads
    its statement's snapshot, so such a check is not a guard there: read first, and let
    a version-checked UPDATE (or take_turn) decide.
    """
    return isinstance(database_proxy.obj, SqliteDatabase)
