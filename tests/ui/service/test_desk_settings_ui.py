"""Media list, calendar and follow-up attempts: an admin edits them, a desk only reads."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import CalendarDay, MediaSource
from frontdesk.service import desk_rules
from frontdesk.ui.service.desk_settings import DeskSettingsPanel


@pytest.fixture
def make_panel(qtbot, rules_db, make_staff, ctx):
    def make(role):
        ctx.staff = make_staff(role)
        w = DeskSettingsPanel(ctx)
        qtbot.addWidget(w)
        w.show()
        return w
    return make


def test_admin_adds_a_source_sets_a_holiday_and_attempts(qtbot, make_panel):
    panel = make_panel("admin")
    assert panel.tree.topLevelItemCount() >= 10
    m = panel.media
    m.set_value("parent", MediaSource.get(MediaSource.code == "short_video").id)
    m.set_value("code", "bilibili")
    m.set_value("name_zh", "哔哩哔哩")
    panel.media_add.click()
    assert MediaSource.get(MediaSource.code == "bilibili").parent.code == "short_video"
    m.set_value("code", "bad code!")
    panel.media_add.click()
    assert m.error_text("code")
    panel.cal.set_value("day", dt.date(2026, 12, 31))
    panel.cal.set_value("working", False)
    panel.cal.set_value("name", "元旦前")
    panel.cal_set.click()
    assert CalendarDay.get().name == "元旦前" and panel.days.count() == 1
    panel.attempts.setValue(5)
    panel.attempts_save.click()
    assert desk_rules.current()["follow_up"]["max_attempts"] == 5


def test_a_desk_sees_but_cannot_edit(qtbot, make_panel):
    panel = make_panel("desk")
    assert not panel.media_add.isEnabled() and not panel.cal_set.isEnabled()
