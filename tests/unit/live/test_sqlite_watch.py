"""SQLite: PRAGMA data_version, then the log since the last seq (two connections, one file)."""

from __future__ import annotations

import sqlite3
import threading

from frontdesk import settings
from frontdesk.changes import ALL_DATA, Changed
from frontdesk.db import change_log
from frontdesk.db.models import ChangeLog
from frontdesk.live import LiveFeed
from frontdesk.live.local import SqliteWatch
from frontdesk.live.log import EVERYTHING, Tracker


def test_watch_sees_each_commit_of_another_connection_once(db):
    watch = SqliteWatch(db.database)
    assert watch.open() == []  # starts at the present: no history
    assert watch.poll() == []
    settings.set("hospital.name", "甲")
    settings.set("hospital.name", "乙")
    seen = watch.poll()
    assert [c.kinds for c in seen] == [Changed.SETTINGS, Changed.SETTINGS]
    assert seen[0].station == change_log.STATION and seen[1].seq == seen[0].seq + 1
    assert watch.poll() == [] and watch.sweep() == []  # nothing twice
    watch.close()


def test_a_read_only_commit_elsewhere_costs_one_read_and_delivers_nothing(db):
    watch = SqliteWatch(db.database)
    watch.open()
    other = sqlite3.connect(db.database, isolation_level=None)
    other.execute("CREATE TABLE scratch (x)")  # a change, but none in the log
    assert watch.poll() == []
    other.close()
    watch.close()


def test_reopen_catches_up_from_the_last_seq(db):
    tracker = Tracker()
    watch = SqliteWatch(db.database, tracker)
    watch.open()
    watch.close()  # lost
    settings.set("hospital.name", "丙")
    again = SqliteWatch(db.database, tracker)
    assert [c.kinds for c in again.open()] == [Changed.SETTINGS]
    again.close()


def test_a_log_that_went_back_means_everything(db):
    settings.set("hospital.name", "丁")
    tracker = Tracker()
    watch = SqliteWatch(db.database, tracker)
    watch.open()
    watch.close()
    ChangeLog.delete().execute()  # as after restoring an older backup
    again = SqliteWatch(db.database, tracker)
    assert again.open() == [EVERYTHING]
    assert EVERYTHING.kinds == ALL_DATA
    again.close()


def test_the_feed_thread_delivers_within_its_polls_and_says_connected(db):
    got: list = []
    status: list[bool] = []
    arrived = threading.Event()

    def on_changes(batch):
        got.extend(batch)
        arrived.set()

    feed = LiveFeed(f"sqlite:///{db.database}", on_changes, status.append, poll_s=0.02)
    feed.start()
    try:
        for _ in range(200):
            if feed.connected:
                break
            threading.Event().wait(0.01)
        settings.set("hospital.name", "戊")
        assert arrived.wait(5)
    finally:
        feed.stop()
    assert [c.kinds for c in got] == [Changed.SETTINGS] and status == [True]


def test_a_missing_file_is_lost_not_created_and_found_again(db, tmp_path):
    # A shared folder that is not there yet: "lost", and no empty database is made.
    path = tmp_path / "share" / "hospital.sqlite3"
    status: list[bool] = []
    changed = threading.Condition()

    def on_status(ok):
        with changed:
            status.append(ok)
            changed.notify_all()

    feed = LiveFeed(f"sqlite:///{path}", lambda batch: None, on_status, poll_s=0.02)
    feed.start()
    try:
        with changed:
            assert changed.wait_for(lambda: status == [False], 5)
        assert not path.exists()
        path.parent.mkdir()
        source, copy = sqlite3.connect(db.database), sqlite3.connect(path)
        source.backup(copy)  # the share is back, with the hospital's database
        source.close()
        copy.close()
        with changed:
            assert changed.wait_for(lambda: status == [False, True], 10)
    finally:
        feed.stop()
