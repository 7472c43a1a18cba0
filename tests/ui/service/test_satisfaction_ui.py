"""The satisfaction screen: rate the selected visit by keyboard (a poor mark stays poor),
the week's grid and follow-up rate; nothing rated is told at the first point."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from frontdesk import stages
from frontdesk.db.models import Department, Patient, SatisfactionRating, Visit
from frontdesk.ui.service.satisfaction import SatisfactionPanel


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("desk", name="李静")
    p = Patient.create(record_no="S1", name="王芳", sex="F", phone="13800138000")
    Visit.create(visit_date=dt.date(2026, 11, 23), stage=stages.DONE, queue_no=1, patient=p,
                 department=Department.get(Department.code == "internal"))
    w = SatisfactionPanel(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    return w


def test_rate_with_the_keyboard(qtbot, panel):
    assert panel.model.rowCount() == 1
    box = panel.form.editor("attitude")
    box.setFocus()
    qtbot.keyClicks(box, "1")  # 1 较差
    skill = panel.form.editor("skill")
    qtbot.keyClicks(skill, "4")
    qtbot.keyClick(skill, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    r = SatisfactionRating.get()
    assert (r.attitude, r.skill, r.timeliness) == (1, 4, None)
    assert panel.grid.item(0, 3).text() == "1"  # attitude: one 较差
    assert panel.grid.item(0, 4).text() == "0%"
    assert "1 of 1" in panel.rate_label.text() or "0 of 1" in panel.rate_label.text()


def test_nothing_rated_is_told_at_the_first_point(qtbot, panel):
    panel.save_button.click()
    assert panel.form.error_text("attitude") and SatisfactionRating.select().count() == 0


def test_the_number_column_shows_the_queue_label(panel):
    """"内-001" as the board, the desk and the slips say it, not the bare "1"."""
    number = panel.model.index(0, 1)
    assert panel.model.data(number) == "内-001"
