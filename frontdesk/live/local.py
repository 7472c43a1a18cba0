"""SQLite: several windows or processes on one file. `PRAGMA data_version` tells, for the
price of reading a counter, whether any other connection committed since we last looked;
only then is the change log read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from frontdesk.live.log import Change, Tracker, catch_up, read_since


class SqliteWatch:
    """Its own read-only connection to the file; `poll()` is cheap when nothing changed."""

    style = "qmark"

    def __init__(self, path: str | Path, tracker: Tracker | None = None):
        self.path = str(path)
        self.tracker = tracker or Tracker()
        self.conn: sqlite3.Connection | None = None
        self.version: int | None = None

    def open(self) -> list[Change]:
        """Connect; the first time start at the present, after a loss catch up."""
        # mode=rw: a file that is gone (an unplugged share) is an error, never a new file.
        uri = Path(self.path).resolve().as_uri() + "?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=2.0, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = 1")
            self.version = conn.execute("PRAGMA data_version").fetchone()[0]
            changes = catch_up(conn.cursor(), self.tracker)
        except BaseException:
            conn.close()
            raise
        self.conn = conn
        return changes

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    def poll(self) -> list[Change]:
        """What other connections committed since the last poll ([] at once if nothing)."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self.version:
            return []
        self.version = version
        return self.tracker.accept(read_since(self.conn.cursor(), self.tracker.last or 0))

    def sweep(self) -> list[Change]:
        """The safety net: read the log whatever data_version says."""
        return catch_up(self.conn.cursor(), self.tracker)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None
