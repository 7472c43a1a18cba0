"""One thread per app that follows the change log and hands on what it finds.

`on_changes(list[Change])` gets every batch (each seq once, in order; this station's own
rows too: the caller knows `db.change_log.STATION`); `on_status(True/False)` says when the
database is reached / lost. Both are called on the feed's thread. While the database is
lost the feed retries (0.5 s, doubling to 5 s) and, once back, catches up from the last
seq it saw. Idle it sleeps in select() (PostgreSQL) or reads one counter every
`poll_s` (SQLite); every `sweep_s` it reads the log anyway, in case a note was lost.
"""

from __future__ import annotations

import logging
import select
import socket
import sqlite3
import threading
import time
from collections.abc import Callable

from frontdesk.db.connection import sqlite_path
from frontdesk.live.local import SqliteWatch
from frontdesk.live.log import Change, Tracker
from frontdesk.live.server import ServerListen, connector

log = logging.getLogger(__name__)

POLL_S = 0.05  # SQLite: data_version checks per second = 1 / POLL_S
SWEEP_S = 10.0  # the safety net: read the log anyway this often
RETRY_S = (0.5, 5.0)  # first and longest wait before reconnecting


def _driver_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)
    try:
        import psycopg2

        errors += (psycopg2.Error,)
    except ImportError:
        pass
    return errors


def make_source(url: str, tracker: Tracker | None = None):
    """The watcher for the database at `url`: SqliteWatch or ServerListen."""
    path = sqlite_path(url)
    if path is not None:
        return SqliteWatch(path, tracker)
    return ServerListen(connector(url), tracker)


class LiveFeed:
    def __init__(self, url: str, on_changes: Callable[[list[Change]], None],
                 on_status: Callable[[bool], None] | None = None, *,
                 poll_s: float = POLL_S, sweep_s: float = SWEEP_S):
        self.url = url
        self.on_changes, self.on_status = on_changes, on_status
        self.poll_s, self.sweep_s = poll_s, sweep_s
        self.source = make_source(url)
        self.connected: bool | None = None
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()  # select()able on Windows too
        self._thread = threading.Thread(target=self._run, name="frontdesk-live", daemon=True)

    @property
    def tracker(self) -> Tracker:
        return self.source.tracker

    def start(self, since: int | None = None) -> LiveFeed:
        """Follow the log on the feed's thread. `since`: the seq the caller's screens were
        read at; later changes are delivered even if they came before the thread ran."""
        if since is not None and self.tracker.last is None:
            self.tracker.start_at(since)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        self._wake_r.close()
        self._wake_w.close()

    # --- the thread ------------------------------------------------------------------

    def _status(self, ok: bool) -> None:
        if ok != self.connected:
            self.connected = ok
            if ok:
                log.info("live updates: following the change log")
            else:
                log.warning("live updates: database lost, reconnecting")
            if self.on_status is not None:
                self.on_status(ok)

    def _deliver(self, changes: list[Change]) -> None:
        if changes:
            self.on_changes(changes)

    def _run(self) -> None:
        errors = _driver_errors()
        retry = RETRY_S[0]
        while not self._stop.is_set():
            try:
                if not self.source.is_open:
                    changes = self.source.open()
                    self._status(True)
                    retry = RETRY_S[0]
                    self._deliver(changes)
                self._follow()
            except errors as exc:
                log.debug("live updates: %s", exc)
                self.source.close()
                self._status(False)
                self._stop.wait(retry)
                retry = min(retry * 2, RETRY_S[1])
        self.source.close()

    def _follow(self) -> None:
        """Wait for changes until the next sweep is due (or stop); deliver them."""
        due = time.monotonic() + self.sweep_s
        server = isinstance(self.source, ServerListen)
        while not self._stop.is_set():
            left = due - time.monotonic()
            if left <= 0:
                self._deliver(self.source.sweep())
                return
            if server:
                ready, _, _ = select.select([self.source.fileno(), self._wake_r], [], [], left)
                if self.source.fileno() in ready:
                    self._deliver(self.source.drain())
            else:
                if self._stop.wait(min(self.poll_s, left)):
                    return
                self._deliver(self.source.poll())
