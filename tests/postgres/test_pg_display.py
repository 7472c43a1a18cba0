"""The waiting-room display on PostgreSQL: the server goes away and comes back, the screen
says so and catches up by itself (no one touches the kiosk)."""

from __future__ import annotations

import pytest

from frontdesk.queue import clinic
from frontdesk.ui.context import AppContext
from frontdesk.ui.queue.display import DisplayWindow
from tests.helpers.reception_flow import dept, make_env
from tests.ui.queue.display_data import morning

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def test_display_recovers_after_the_server_restarts(qtbot, pg_cluster, pg_url, pg_rules_db,
                                                     pg_make_staff, clock, monkeypatch):
    monkeypatch.setattr("frontdesk.ui.queue.display.RETRY_MS", 200)
    # The queue was written on the tests' Monday; the display reads the day from the
    # server's clock (test_pg_waiting_room checks that), here pinned to the same Monday.
    from frontdesk import clock as app_clock
    from frontdesk.queue import waiting_room

    real_server_now = waiting_room.server_now

    def server_now():
        real_server_now()  # still asks the server: fails while it is down
        return app_clock.now()

    monkeypatch.setattr(waiting_room, "server_now", server_now)
    env = make_env(pg_make_staff, clock)
    morning(env, clock)
    ctx = AppContext(db_url=pg_url)
    w = DisplayWindow(ctx, [], None, hospital="测试医院")
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        w.refresh()
    assert w.connected and w.current.ticket == "内-001"
    pg_cluster.stop()
    try:
        w.refresh()
        qtbot.waitUntil(lambda: not w.connected, timeout=15_000)
        assert w.status.isVisible() and w.hero_ticket.text() == "内-001"  # last known kept
    finally:
        assert pg_cluster._start().returncode == 0  # same port, as Cluster.restart does
    qtbot.waitUntil(lambda: w.connected, timeout=30_000)  # the retry timer, nobody clicks
    # The calling desk's own connection (this thread's) was dropped too: its first read
    # says so, the next reconnects (test_pg_connection); then it calls.
    from peewee import OperationalError

    from frontdesk.db.models import Setting

    try:
        Setting.select().count()
    except OperationalError:
        pass
    row = clinic.call_next(dept("internal").id, None, actor=env.desk, room="3 诊室")
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        ctx.changes.queue_changed.emit()
    assert w.hero_ticket.text() == row.queue_label and not w.status.isVisible()
    ctx.tasks.wait()
