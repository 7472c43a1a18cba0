"""Live updates between stations: another process commits, this window's signals fire.

The other station is a real second process on the same SQLite file (the PostgreSQL twin
is tests/postgres/test_pg_live_ui.py); "within a second" is waitSignal's timeout, counted
from the moment the other process is told to write (its imports happen before).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import settings
from frontdesk.ui.shell import live
from frontdesk.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


class Station:
    """tests/helpers/live_station.py in a subprocess."""

    def __init__(self, url: str, count: int = 1):
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.live_station", url,
                                      str(count)], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"

    def go(self, what: str = "go") -> None:
        self.proc.stdin.write(what + "\n")
        self.proc.stdin.flush()

    def answer(self) -> str:
        return self.proc.stdout.readline().strip()

    def wait_done(self) -> None:
        assert self.proc.stdout.readline().strip() == "done"

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture
def window(qtbot, ctx, make_staff):
    make_staff("guide")
    make_staff("desk")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.live = live.install(w, ctx)
    qtbot.waitUntil(lambda: w.live.connected is True, timeout=5000)
    yield w
    w.live.stop()


def test_a_door_arrival_in_another_process_reaches_this_window_within_a_second(
        qtbot, ctx, window, db):
    station = Station(f"sqlite:///{db.database}")
    try:
        with qtbot.waitSignal(ctx.changes.visits_changed, timeout=1000):
            station.go()
        station.wait_done()
    finally:
        station.close()


def test_kinds_not_shown_do_not_fire_other_signals(qtbot, ctx, window, db):
    fired: list[str] = []
    ctx.changes.staff_changed.connect(lambda: fired.append("staff"))
    ctx.changes.settings_changed.connect(lambda: fired.append("settings"))
    station = Station(f"sqlite:///{db.database}", count=3)
    try:
        with qtbot.waitSignal(ctx.changes.visits_changed, timeout=1000):
            station.go()
        station.wait_done()
    finally:
        station.close()
    assert fired == []


def test_this_stations_own_changes_are_announced_once(qtbot, ctx, window):
    fired: list[int] = []
    ctx.changes.settings_changed.connect(lambda: fired.append(1))
    ctx.run(settings.set, "hospital.name", "一院", on_error=pytest.fail)
    assert fired == [1]  # the runner
    seq = window.live.feed.tracker.last
    qtbot.waitUntil(lambda: window.live.feed.tracker.last == seq + 1, timeout=2000)
    qtbot.wait(50)  # the feed's batch crossed to this thread: skipped, not announced again
    assert fired == [1]


def test_changes_name_the_rows_they_changed(qtbot, ctx, window, db):
    from frontdesk.changes import Changed

    named: list[dict] = []
    ctx.changes.rows_changed.connect(named.append)
    station = Station(f"sqlite:///{db.database}")
    try:
        with qtbot.waitSignal(ctx.changes.visits_changed, timeout=1000):
            station.go()
        station.wait_done()
        assert named == [{Changed.VISITS: None}]  # a new arrival: no id to name yet
        with qtbot.waitSignal(ctx.changes.visits_changed, timeout=1000):
            station.go("take")
        took = int(station.answer().split()[1])
        assert named[-1] == {Changed.VISITS: frozenset({took})}
    finally:
        station.close()


def test_a_change_made_while_the_window_was_being_built_is_announced(qtbot, ctx, db,
                                                                      make_staff):
    # The position is read before the window reads its data; the feed starts later (after
    # the first frame), and what another station committed in between still arrives.
    make_staff("guide")
    make_staff("desk")
    since = live.log_position()
    assert since is not None
    station = Station(f"sqlite:///{db.database}")
    try:
        station.go()
        station.wait_done()  # committed before this window's feed exists
    finally:
        station.close()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    with qtbot.waitSignal(ctx.changes.visits_changed, timeout=5000):
        w.live = live.install(w, ctx, since=since)
    w.live.stop()


def test_the_feed_waits_for_the_first_frame_when_asked(qtbot, ctx, make_staff):
    make_staff("guide")
    make_staff("desk")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.live = live.install(w, ctx, since=live.log_position(), when_painted=True)
    try:
        qtbot.wait(50)
        assert w.live.connected is None  # not started: nothing painted yet
        w.show()
        qtbot.waitUntil(lambda: w.live.connected is True, timeout=5000)
    finally:
        w.live.stop()
