"""The display in this process, the calling station in another: the live path carries the call."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from frontdesk.db.models import Staff
from frontdesk.ui.context import AppContext
from frontdesk.ui.queue.display import DisplayWindow
from frontdesk.ui.shell.live import LiveBridge
from frontdesk.voice.announcement import CallKind
from tests.helpers.reception_flow import make_env
from tests.ui.queue.display_data import morning

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]

STATION = textwrap.dedent("""
    import sys
    from frontdesk.db.session import open_database
    from frontdesk.db.models import Department, Staff
    from frontdesk.queue import clinic, waiting_room

    open_database("sqlite:///" + sys.argv[1])
    desk = Staff.get(Staff.username == sys.argv[2])
    boss = Staff.get(Staff.username == sys.argv[3])
    internal = Department.get(Department.code == "internal")
    row = clinic.call_next(internal.id, None, actor=desk, room="3 诊室")
    clinic.recall(row.entry_id, actor=desk, expected_version=row.version)
    waiting_room.send_broadcast("请勿在通道停留", minutes=5, actor=boss)
    print("called", row.queue_label)
""")


class Recorder:
    def __init__(self):
        self.said = []

    def announce(self, a):
        self.said.append(a)


def test_a_call_at_another_station_reaches_display_and_voice(qtbot, rules_db, make_staff, clock,
                                                             tmp_path):
    env = make_env(make_staff, clock)
    morning(env, clock)
    path = Path(rules_db.database)
    ctx = AppContext(db_url=f"sqlite:///{path}")
    speaker = Recorder()
    w = DisplayWindow(ctx, [], speaker, hospital="测试医院")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        w.refresh()
    bridge = LiveBridge(ctx, None, w).start()
    try:
        qtbot.waitUntil(lambda: bridge.connected, timeout=10_000)
        env_vars = dict(os.environ, FRONTDESK_NOW=clock().isoformat(timespec="seconds"))
        out = subprocess.run(
            [sys.executable, "-c", STATION, str(path), env.desk2.username, env.supervisor.username],
            cwd=ROOT, env=env_vars, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "called 内-002" in out.stdout
        qtbot.waitUntil(lambda: len(speaker.said) == 2 and w.broadcast.isVisible(), timeout=15_000)
    finally:
        bridge.stop()
        ctx.tasks.wait()
    assert [(a.kind, a.ticket) for a in speaker.said] == [(CallKind.CALL, "内-002"),
                                                         (CallKind.RECALL, "内-002")]
    assert w.hero_ticket.text() == "内-002" and "请勿在通道停留" in w.broadcast.text()
    assert Staff.select().count() == 6
