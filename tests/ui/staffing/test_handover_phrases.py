"""Handover notes get a gentle word on the forbidden phrases (issue 18, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import HandoverNote
from tests.ui.staffing.test_grooming_ui import team  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(team, ctx, qtbot):  # noqa: F811
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.handover import HandoverTab

    translation.install("zh_CN")
    widget = HandoverTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_forbidden_phrase_in_a_handover_note_is_warned_not_refused(tab, qtbot):
    tab.cases_edit.setFocus()
    tab.cases_edit.insertPlainText("3床家属问费用，")
    tab.cases_edit.insertPlainText("我说不知道")
    check = tab.phrase_checks[1]
    qtbot.waitUntil(lambda: check.label.isVisible())
    assert "不知道" in check.label.text() and "我帮您问一下相关科室" in check.label.text()
    # Allowed words stay quiet (喂药 is feeding medicine, not 喂).
    tab.equipment_edit.setPlainText("5床喂药已完成")
    assert tab.phrase_checks[0].check() == ""
    # Gentle: the note is saved as written.
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert HandoverNote.select().where(HandoverNote.hard_cases.contains("不知道")).count() == 1
    tab.cases_edit.setPlainText("3床家属问费用，已请收费处回电")
    assert check.check() == "" and not check.label.isVisible()
