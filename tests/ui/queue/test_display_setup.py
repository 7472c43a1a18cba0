"""File → Waiting-room display…: open a display, set the notice, send and stop a broadcast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import settings
from frontdesk.queue import waiting_room
from frontdesk.ui.queue.display_setup import DisplaySetupDialog
from tests.helpers.reception_flow import dept, make_env

pytestmark = pytest.mark.gui


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def dialog(qtbot, ctx, staff):
    ctx.staff = staff
    d = DisplaySetupDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def test_supervisor_sets_notice_and_broadcasts(qtbot, ctx, env):
    d = dialog(qtbot, ctx, env.supervisor)
    d.notice.insert("请保持安静")  # an IME commits Chinese as one insert
    qtbot.mouseClick(d.notice_save, Qt.MouseButton.LeftButton)
    assert waiting_room.notice() == "请保持安静"
    d.message.insert("请让出急诊通道")
    d.minutes.setValue(10)
    qtbot.mouseClick(d.send, Qt.MouseButton.LeftButton)
    b = waiting_room.broadcast()
    assert b is not None and b.text == "请让出急诊通道"
    assert "请让出急诊通道" in d.notice_state.text()
    qtbot.mouseClick(d.clear, Qt.MouseButton.LeftButton)
    assert waiting_room.broadcast() is None


def test_an_empty_broadcast_is_refused_at_the_field_and_desk_staff_are_told(qtbot, ctx, env):
    d = dialog(qtbot, ctx, env.supervisor)
    qtbot.mouseClick(d.send, Qt.MouseButton.LeftButton)
    assert d.notice_fields["broadcast"].error_text()
    d.close()
    d = dialog(qtbot, ctx, env.desk)
    d.tabs.setCurrentIndex(2)  # Notice and broadcast
    qtbot.keyClicks(d.message, "hello")
    qtbot.mouseClick(d.send, Qt.MouseButton.LeftButton)
    assert d.notice_error.isVisible() and "主管" in d.notice_error.text()
    assert waiting_room.broadcast() is None


def test_open_the_display_for_ticked_departments_remembers_the_choice(qtbot, ctx, env):
    d = dialog(qtbot, ctx, env.desk)
    surgery = dept("surgery").id
    for i in range(d.departments.count()):
        item = d.departments.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == surgery:
            item.setCheckState(Qt.CheckState.Checked)
    d.with_voice.setChecked(False)
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    w = d.window_opened  # deletes itself on close
    qtbot.waitUntil(lambda: w.screen_data is not None, timeout=10_000)
    assert w.departments == [surgery] and w.speaker is None
    assert settings.get("display.departments") == [surgery]
    w.close()
