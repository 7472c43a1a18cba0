"""PostgreSQL, two processes: a door arrival in one reaches the other's window within a
second; a lost server shows the banner, keeps what was typed, and catches up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLineEdit

from frontdesk.ui.context import AppContext
from frontdesk.ui.shell import live
from frontdesk.ui.shell.main_window import MainWindow
from tests.ui.shell.test_live_updates import Station


@pytest.fixture
def pg_window(qtbot, pg_url, pg_db, pg_make_staff):
    from frontdesk.ui import translation

    translation.install("zh_CN")
    pg_make_staff("guide")
    ctx = AppContext(db_url=pg_url)
    w = MainWindow(ctx)
    w.live = live.install(w, ctx)
    qtbot.waitUntil(lambda: w.live.connected is True, timeout=5000)
    yield w
    w.live.stop()
    ctx.tasks.wait()
    # Gone before its database is dropped (removing the translator would re-read settings).
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_door_arrival_in_another_process_reaches_this_window_within_a_second(
        qtbot, pg_window, pg_url):
    station = Station(pg_url)
    try:
        with qtbot.waitSignal(pg_window.ctx.changes.visits_changed, timeout=1000):
            station.go()
        station.wait_done()
    finally:
        station.close()


def test_lost_server_banner_keeps_typing_and_catches_up(qtbot, pg_window, pg_url,
                                                       pg_cluster, tmp_path):
    window = pg_window
    window.resize(1366, 768)
    window.show()
    banner = window.findChild(live.ConnectionBanner, "connectionBanner")
    assert banner.isHidden()
    field = QLineEdit()  # stands for any form being filled in
    window.statusBar().addWidget(field)
    qtbot.keyClicks(field, "Wang 138")
    pg_cluster.stop()
    try:
        qtbot.waitUntil(banner.isVisible, timeout=10000)
        assert banner.text() == "与服务器的连接已断开，正在重连…"
        assert window.isEnabled() and field.text() == "Wang 138"
        window.grab().save(str(tmp_path / "lost.png"))
    finally:
        assert pg_cluster._start().returncode == 0
    station = Station(pg_url)  # writes the moment the server is back: caught up, not lost
    try:
        with qtbot.waitSignal(window.ctx.changes.visits_changed, timeout=15000):
            station.go()
            station.wait_done()
        qtbot.waitUntil(banner.isHidden, timeout=15000)
    finally:
        station.close()
    assert field.text() == "Wang 138"
