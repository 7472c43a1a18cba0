"""PostgreSQL live updates: NOTIFY from the writing transaction, each seq exactly once,
and catching up through a server restart (frontdesk/live/server.py, live/feed.py)."""

from __future__ import annotations

import select
import threading

from frontdesk import settings
from frontdesk.changes import Changed
from frontdesk.db import change_log
from frontdesk.db.models import ChangeLog
from frontdesk.live import LiveFeed
from frontdesk.live.server import ServerListen, connector


def wait_readable(listen: ServerListen, timeout: float = 5.0) -> bool:
    ready, _, _ = select.select([listen.fileno()], [], [], timeout)
    return bool(ready)


def test_notify_arrives_from_the_writing_transaction(pg_db, pg_url):
    listen = ServerListen(connector(pg_url))
    assert listen.open() == []
    settings.set("hospital.name", "测试医院")
    assert wait_readable(listen)
    got = listen.drain()
    row = ChangeLog.select().order_by(ChangeLog.seq.desc()).get()
    assert [(c.seq, c.kinds, c.station) for c in got] == [
        (row.seq, Changed.SETTINGS, change_log.STATION)]
    assert listen.sweep() == []  # nothing twice
    listen.close()


def test_a_rolled_back_write_sends_nothing(pg_db, pg_url):
    from frontdesk.changes import changes
    from frontdesk.db.models import Setting, database_proxy

    @changes(Changed.SETTINGS)
    def broken():
        with database_proxy.atomic():
            Setting.create(key="x.y", value="1")
            raise RuntimeError("half-way")

    listen = ServerListen(connector(pg_url))
    listen.open()
    try:
        broken()
    except RuntimeError:
        pass
    assert not wait_readable(listen, 0.3)
    assert ChangeLog.select().count() == 0
    listen.close()


def _writers(url: str, threads: int, each: int) -> None:
    """`threads` desks writing at once, each on its own connection (peewee: per thread)."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            barrier.wait(10)
            for i in range(each):
                settings.set("hospital.name", f"院{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - the test fails with it
            errors.append(exc)

    workers = [threading.Thread(target=desk, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert errors == []


def test_concurrent_writers_every_seq_seen_once_in_order(pg_db, pg_url):
    got: list = []
    done = threading.Event()
    total = 4 * 25

    def on_changes(batch):
        got.extend(batch)
        if len(got) >= total:
            done.set()

    feed = LiveFeed(pg_url, on_changes, sweep_s=60)
    feed.start()
    try:
        for _ in range(500):
            if feed.connected:
                break
            threading.Event().wait(0.01)
        _writers(pg_url, 4, 25)
        assert done.wait(10)
    finally:
        feed.stop()
    seqs = [c.seq for c in got]
    assert seqs == sorted(set(seqs))  # once each, in order
    assert seqs == [r.seq for r in ChangeLog.select().order_by(ChangeLog.seq)]


def test_catching_up_through_a_server_restart(pg_db, pg_url, pg_cluster):
    got: list = []
    status: list[bool] = []
    changed = threading.Condition()

    def on_changes(batch):
        with changed:
            got.extend(batch)
            changed.notify_all()

    def on_status(ok):
        with changed:
            status.append(ok)
            changed.notify_all()

    def wait_for(predicate, timeout=30.0):
        with changed:
            assert changed.wait_for(predicate, timeout), (got, status)

    feed = LiveFeed(pg_url, on_changes, on_status, sweep_s=60)
    feed.start()
    try:
        wait_for(lambda: status == [True])
        settings.set("hospital.name", "重启前")
        wait_for(lambda: len(got) == 1)
        pg_cluster.stop()
        try:
            wait_for(lambda: status == [True, False])
        finally:
            assert pg_cluster._start().returncode == 0  # the next tests need their server
        # Written while the feed is still away: it must come with the catch-up.
        settings.set("hospital.name", "重启后")
        settings.set("hospital.name", "重启后 2")
        wait_for(lambda: status == [True, False, True] and len(got) == 3)
        settings.set("hospital.name", "重新收听")
        wait_for(lambda: len(got) == 4)
    finally:
        feed.stop()
    seqs = [c.seq for c in got]
    assert seqs == [r.seq for r in ChangeLog.select().order_by(ChangeLog.seq)]
    assert all(c.kinds == Changed.SETTINGS for c in got)


def test_a_gap_in_seq_is_read_from_the_log_not_waited_for(pg_db, pg_url):
    # A seq drawn by a transaction that then failed leaves a hole: the next note does
    # not follow on, so the listener asks the log, and goes on from there.
    from frontdesk.db.models import database_proxy

    listen = ServerListen(connector(pg_url))
    listen.open()
    database_proxy.obj.execute_sql("SELECT nextval(pg_get_serial_sequence('change_log', 'seq'))")
    settings.set("hospital.name", "甲")
    assert wait_readable(listen)
    first = listen.drain()
    settings.set("hospital.name", "乙")
    assert wait_readable(listen)
    second = listen.drain()
    assert [len(first), len(second)] == [1, 1] and second[0].seq == first[0].seq + 1
    assert [c.seq for c in first + second] == [r.seq for r in ChangeLog.select()
                                               .order_by(ChangeLog.seq)]
    listen.close()
