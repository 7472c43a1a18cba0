"""The change log: each committed write other stations show, written by that very transaction.

Where the row is written: at the database's COMMIT. A domain write is declared with
``@changes(Changed.X)`` and opens its own ``database_proxy.atomic()``; while it runs,
``changes.writing()`` names its kinds. Every statement run inside a transaction notes
that name, and just before the outermost COMMIT this mixin of the app's database
classes appends one ``change_log`` row (and on PostgreSQL sends ``NOTIFY``) inside the
same transaction. So the row commits or rolls back with the data (a ConflictError, a
failed COMMIT leave nothing), and no operation had to change:

- not wrapping each operation in an ``atomic()`` of its own: that would take SQLite's
  write lock before the work done ahead of BEGIN (pinyin, password hashing) and turn
  every read-only refusal into a write transaction. Retry loops on IntegrityError
  (queue.numbers.numbered: db.transaction.retry_point per try) run exactly as before;
- not an explicit ``record()`` in each of the 30-odd operations (easy to forget).

A transaction that changed no row writes no log row (SQLite: total_changes since BEGIN;
PostgreSQL: txid_current_if_assigned()), so `when=bool` no-ops cost nothing.

seq is the commit order, which is what readers rely on ("seq > last seen"): SQLite has
one writer at a time; on PostgreSQL the hook takes a transaction advisory lock before
it draws its seq and holds it through COMMIT. Rows older than a day are pruned by the
writer now and then (indexed on `at`). `STATION` names this process, so a station can
skip what it wrote itself (its own runner already announced it).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable

from frontdesk import clock
from frontdesk.changes import Changed, writing

STATION = os.urandom(6).hex()  # this process, as written in change_log.station
CHANNEL = "frontdesk_changes"  # PostgreSQL LISTEN/NOTIFY channel
LOG_LOCK = (0x46440002, 0)  # advisory lock namespace ("FD" 2): change log order
KEEP = dt.timedelta(days=1)
PRUNE_EVERY = 256  # every n-th seq the writer deletes rows older than KEEP


_KINDS_TEXT: dict[Changed, str] = {}


def kinds_text(kinds: Changed) -> str:
    """"VISITS,QUEUE": names, so the log survives a reordering of the flags."""
    text = _KINDS_TEXT.get(kinds)
    if text is None:  # a few dozen combinations at most: each spelled once per process
        text = _KINDS_TEXT[kinds] = ",".join(k.name for k in Changed if k in kinds)
    return text


def parse_kinds(text: str) -> Changed:
    """The flags named in `text`; names this app does not know are ignored."""
    out = Changed.NONE
    for name in (text or "").split(","):
        member = Changed.__members__.get(name.strip())
        if member is not None:
            out |= member
    return out


_WRITES = ("INSERT ", "UPDATE ", "DELETE ", "REPLACE")
_NONE = Changed.NONE  # the one member with no kinds (Changed(0) is it)


class _Pending(threading.local):
    kinds: Changed = Changed.NONE
    entity: int | None = None
    base: int = 0  # SQLite: total_changes at BEGIN


class LoggedCommits:
    """Mixin for the app's database classes: COMMIT writes what the transaction changed."""

    def __init__(self, *args, **kwargs):
        self._pending = _Pending()  # per thread, as peewee's connections are
        super().__init__(*args, **kwargs)

    # `kinds is not _NONE` and not `if kinds`: Flag's truth test and | are Python code,
    # and these run on every statement of every write (bench/: the desk steps).
    def execute_sql(self, sql, params=None):
        kinds, entity = writing()
        if kinds is not _NONE:
            if not self._state.transactions:
                if sql.lstrip()[:7].upper() in _WRITES:
                    # A declared write outside any transaction (autocommit): it becomes a
                    # one-statement transaction, so its log row commits with it.
                    with self.atomic():
                        return self.execute_sql(sql, params)
            else:
                self._note(kinds, entity)
        return super().execute_sql(sql, params)

    def note_statement(self) -> None:
        """What execute_sql notes for a statement inside a transaction, for a caller that
        runs the statement on the connection itself (db.prepared.execute)."""
        kinds, entity = writing()
        if kinds is not _NONE:
            self._note(kinds, entity)

    def _note(self, kinds: Changed, entity: int | None) -> None:
        p = self._pending
        noted = p.kinds
        if noted is _NONE:  # the transaction's first statement
            p.kinds = kinds
        elif noted is not kinds:  # the same kinds on every statement: no Flag |
            p.kinds = noted | kinds
        if entity is not None:
            p.entity = entity

    def begin(self, *args, **kwargs):
        result = super().begin(*args, **kwargs)
        p = self._pending
        p.kinds, p.entity = Changed.NONE, None
        p.base = self._changes_so_far()
        return result

    def rollback(self):
        p = self._pending
        p.kinds, p.entity = Changed.NONE, None
        return super().rollback()

    # Called with the seq after a COMMIT that wrote a log row (the benchmark times it).
    on_logged: Callable[[int], None] | None = None

    def commit(self):
        p = self._pending
        kinds, entity = p.kinds, p.entity
        p.kinds, p.entity = Changed.NONE, None
        seq = None
        if kinds is not _NONE and self._state.conn is not None and self._has_log():
            seq = self._write_log(kinds, entity, p.base)
        result = super().commit()
        if seq is not None and self.on_logged is not None:
            self.on_logged(seq)
        return result

    def _has_log(self) -> bool:
        # Before schema step 9 ran (a migration in progress) there is nowhere to write.
        if not self.__dict__.get("_log_ready"):
            self.__dict__["_log_ready"] = "change_log" in self.get_tables()
        return self.__dict__["_log_ready"]

    # Engine specifics below use the raw connection: never peewee's reconnecting cursor,
    # which could write the row outside the transaction it belongs to.
    def _changes_so_far(self) -> int:
        return 0

    def _write_log(self, kinds: Changed, entity: int | None, base: int) -> int | None:
        """Append the row (the seq), or None when the transaction wrote nothing."""
        raise NotImplementedError


class SqliteLog(LoggedCommits):
    def _changes_so_far(self) -> int:
        conn = self._state.conn
        return conn.total_changes if conn is not None else 0

    def _write_log(self, kinds: Changed, entity: int | None, base: int) -> int | None:
        conn = self._state.conn
        if conn.total_changes == base:
            return None  # nothing written
        at = clock.now()
        cur = conn.cursor()
        cur.execute("INSERT INTO change_log (kinds, entity_id, station, at) VALUES (?, ?, ?, ?)",
                    (kinds_text(kinds), entity, STATION, at.isoformat(" ")))
        seq = cur.lastrowid
        if seq % PRUNE_EVERY == 0:
            cur.execute("DELETE FROM change_log WHERE at < ?", ((at - KEEP).isoformat(" "),))
        return seq


class ServerLog(LoggedCommits):
    def _write_log(self, kinds: Changed, entity: int | None, base: int) -> int | None:
        cur = self._state.conn.cursor()
        # The lock makes seq the commit order; without a row written there is nothing to say.
        cur.execute("SELECT pg_advisory_xact_lock(%s, %s), txid_current_if_assigned()",
                    LOG_LOCK)
        if cur.fetchone()[1] is None:
            return None
        text, at = kinds_text(kinds), clock.now()
        # The payload is tiny: "seq kinds id station" (NOTIFY allows 8000 bytes).
        cur.execute(
            "WITH row AS (INSERT INTO change_log (kinds, entity_id, station, at) "
            "VALUES (%s, %s, %s, %s) RETURNING seq) "
            "SELECT seq, pg_notify(%s, seq::text || ' ' || %s) FROM row",
            (text, entity, STATION, at, CHANNEL,
             f"{text} {'-' if entity is None else entity} {STATION}"))
        seq = cur.fetchone()[0]
        if seq % PRUNE_EVERY == 0:
            cur.execute("DELETE FROM change_log WHERE at < %s", (at - KEEP,))
        return seq
