"""PostgreSQL: one LISTENing psycopg2 connection per app (peewee has no API for it).

Each writing transaction sends NOTIFY with "seq kinds id station" (db/change_log.py);
PostgreSQL delivers notifications in commit order, and seq is the commit order, so a run
of payloads that follows on from the last seq seen is taken as it is. Anything else (a
gap, a payload we cannot read) is read from the log. After a reconnect the log is read
from the last seq: LISTEN first, then the read, so nothing falls in between.
"""

from __future__ import annotations

from collections.abc import Callable

from frontdesk.db.change_log import CHANNEL, parse_kinds
from frontdesk.live.log import Change, Tracker, catch_up, read_since

# The listening connection must notice a dead server or a pulled cable by itself.
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
             "keepalives_count": 3}
CONNECT_TIMEOUT_S = 5


def connector(url: str) -> Callable[[], object]:
    """A function opening a new psycopg2 connection to the database of `url`."""
    from frontdesk.db.connection import make_database

    db = make_database(url)
    params = {**db.connect_params, **KEEPALIVE, "connect_timeout": CONNECT_TIMEOUT_S,
              "application_name": "frontdesk-live"}

    def connect():
        import psycopg2

        return psycopg2.connect(dbname=db.database, **params)

    return connect


def parse_payload(payload: str) -> Change | None:
    parts = payload.split(" ")
    if len(parts) != 4 or not parts[0].isdigit():
        return None
    seq, kinds, entity, station = parts
    return Change(int(seq), parse_kinds(kinds), int(entity) if entity.isdigit() else None,
                  station)


class ServerListen:
    """LISTEN on a connection of its own; `fileno()` for select(), `drain()` when readable."""

    style = "format"

    def __init__(self, connect: Callable[[], object], tracker: Tracker | None = None):
        self.connect = connect
        self.tracker = tracker or Tracker()
        self.conn = None

    def open(self) -> list[Change]:
        conn = self.connect()
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f"LISTEN {CHANNEL}")
                changes = catch_up(cur, self.tracker, self.style)
        except BaseException:
            conn.close()
            raise
        self.conn = conn
        return changes

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    def fileno(self) -> int:
        return self.conn.fileno()

    def drain(self) -> list[Change]:
        """The notifications that arrived (read the socket first); in seq order, each once."""
        conn = self.conn
        conn.poll()
        notes = [n.payload for n in conn.notifies]
        conn.notifies.clear()
        if not notes:
            return []
        parsed = [parse_payload(p) for p in notes]
        expected = (self.tracker.last or 0) + 1
        run = sorted((c for c in parsed if c is not None), key=lambda c: c.seq)
        if None not in parsed and run and run[0].seq <= expected and all(
                b.seq == a.seq + 1 for a, b in zip(run, run[1:], strict=False)):
            return self.tracker.accept(run)
        with conn.cursor() as cur:  # a gap (a failed commit's seq, a lost note): ask the log
            return self.tracker.accept(read_since(cur, self.tracker.last or 0, self.style))

    def sweep(self) -> list[Change]:
        """The safety net (and a keep-alive): read the log whatever arrived."""
        with self.conn.cursor() as cur:
            return catch_up(cur, self.tracker, self.style)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a dead connection may refuse even that
                pass
            self.conn = None
