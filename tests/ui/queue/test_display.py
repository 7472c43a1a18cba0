"""The waiting-room display, driven like a TV in the hall: calls arrive, the screen follows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontdesk import i18n
from frontdesk.queue import clinic, waiting_room
from frontdesk.ui.queue.display import DisplayWindow
from frontdesk.voice.announcement import CallKind
from tests.helpers.reception_flow import dept, make_env
from tests.ui.queue.display_data import call_next, morning

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: save screenshots there to look at


class Recorder:
    """A speaker that only remembers what it was asked to say."""

    def __init__(self):
        self.said = []

    def announce(self, a):
        self.said.append(a)


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def open_display(qtbot, ctx, departments=None, speaker=None, size=(1920, 1080)):
    w = DisplayWindow(ctx, departments, speaker, hospital="测试医院")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        w.refresh()
    return w


def shot(w, name):
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        for _ in range(3):  # let the layout follow the last texts and fonts
            QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        w.grab().save(str(Path(SHOTS) / f"{name}.png"))


def texts(w) -> str:
    from PySide6.QtWidgets import QLabel

    return " | ".join(lbl.text() for lbl in w.findChildren(QLabel) if lbl.isVisible())


def test_display_shows_called_next_and_ahead_with_masked_names(qtbot, ctx, env, clock):
    from frontdesk.ui import translation

    translation.install("zh_CN")  # the waiting room reads Chinese (removed after the test)
    morning(env, clock)
    w = open_display(qtbot, ctx)
    shown = texts(w)
    assert "内-001" in shown and "王*芳" in shown and "3 诊室" in shown
    assert "王小芳" not in shown and "欧阳娜娜" not in shown and "欧阳*娜" in shown
    assert "前面 1 人" in shown  # the third waiting patient has one ahead of them
    assert w.current is not None and w.current.ticket == "内-001"  # the latest call
    assert w.shown_time() == clock().replace(microsecond=0)  # SQLite: the app's clock (PostgreSQL: the server's)
    assert "正在呼叫" in shown and "测试医院 · 候诊叫号" in shown
    shot(w, "display_1920x1080_zh")
    w.resize(1366, 768)
    qtbot.wait(50)
    shot(w, "display_1366x768_zh")


def test_a_call_committed_elsewhere_appears_and_is_announced_once(qtbot, ctx, env, clock):
    morning(env, clock)
    speaker = Recorder()
    w = open_display(qtbot, ctx, speaker=speaker)
    assert speaker.said == []  # calls made before the display started are not said again
    row = call_next(env, "internal", "3 诊室")  # another station's call (domain write)
    again = clinic.recall(row.entry_id, actor=env.desk, expected_version=row.version)
    clinic.mark_missed(again.entry_id, actor=env.desk, expected_version=again.version)
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        ctx.changes.queue_changed.emit()  # what the live bridge emits for another station
    kinds = [(a.kind, a.ticket) for a in speaker.said]
    assert kinds == [(CallKind.CALL, "内-002"), (CallKind.RECALL, "内-002"),
                     (CallKind.MISSED, "内-002")]
    assert w.hero_ticket.text() == "内-002"
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        ctx.changes.queue_changed.emit()
    assert len(speaker.said) == 3  # nothing said twice


def test_one_department_only(qtbot, ctx, env, clock):
    morning(env, clock)
    w = open_display(qtbot, ctx, [dept("surgery").id])
    shown = texts(w)
    assert "外-001" in shown and "内-001" not in shown


def test_notice_and_broadcast_reach_the_screen(qtbot, ctx, env, clock):
    from frontdesk.ui import translation

    translation.install("zh_CN")
    morning(env, clock)
    w = open_display(qtbot, ctx)
    waiting_room.set_notice("请保持安静，留意叫号。就诊请携带医保卡。", actor=env.supervisor)
    waiting_room.send_broadcast("急诊通道请勿停留，请让出通道", minutes=10, actor=env.supervisor)
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        ctx.changes.settings_changed.emit()
    assert w.ticker.isVisible() and "医保卡" in w.ticker.text()
    assert w.broadcast.isVisible() and "急诊通道" in w.broadcast.text()
    shot(w, "display_broadcast_1920x1080_zh")
    waiting_room.clear_broadcast(actor=env.supervisor)
    with qtbot.waitSignal(w.refreshed, timeout=10_000):
        ctx.changes.settings_changed.emit()
    assert not w.broadcast.isVisible()


def test_server_gone_then_back_recovers_by_itself(qtbot, ctx, env, clock, monkeypatch):
    from frontdesk.errors import DatabaseUnavailable

    morning(env, clock)
    w = open_display(qtbot, ctx)
    real = waiting_room.screen
    calls = {"n": 0}

    def down(*a, **k):
        calls["n"] += 1
        raise DatabaseUnavailable("服务器无法连接。", "The server cannot be reached.")

    monkeypatch.setattr(waiting_room, "screen", down)
    monkeypatch.setattr("frontdesk.ui.queue.display.RETRY_MS", 50)
    w.refresh()
    qtbot.waitUntil(lambda: w.status.isVisible(), timeout=5_000)
    assert "内-001" in texts(w)  # the last known queue stays on screen
    monkeypatch.setattr(waiting_room, "screen", real)
    qtbot.waitUntil(lambda: w.connected and not w.status.isVisible(), timeout=5_000)
    assert calls["n"] >= 1


def test_english_display(qtbot, ctx, env, clock):
    morning(env, clock)
    i18n.set_language("en")
    from frontdesk.ui import translation

    translation.install("en")
    try:
        w = open_display(qtbot, ctx)
        assert "Now calling" in w.hero_label.text()
        shot(w, "display_1920x1080_en")
    finally:
        translation.install("zh_CN")
        i18n.set_language("zh_CN")
