"""The complaint screen's work panel: what is typed belongs to the complaint it was typed for.

A supervisor works through two complaints. The resolution typed for one is never saved on
the other (it stayed in the box and "Mark handled" saved it on the next one selected);
what was typed for a complaint not yet saved is there again when it is selected again.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import Complaint
from frontdesk.service import complaints as cp
from frontdesk.ui.service.complaints import ComplaintPanel
from tests.ui.reception.reception_support import type_text

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("supervisor", name="周主管")
    w = ComplaintPanel(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def select(qtbot, panel, complaint_id: int) -> None:
    row = next(i for i in range(panel.model.rowCount())
               if panel.model.row_at(i).id == complaint_id)
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), LEFT, pos=rect.center())
    assert panel.selected().id == complaint_id


def test_a_resolution_typed_for_one_complaint_is_never_saved_on_another(qtbot, panel):
    boss = panel.ctx.staff
    fee = cp.record(actor=boss, description="多收了挂号费", severity=cp.GENERAL)
    rude = cp.record(actor=boss, description="导医态度冷淡", severity=cp.GENERAL)
    panel.refresh()
    resolution = panel.work.editor("resolution")

    select(qtbot, panel, fee.id)
    type_text(resolution, "退还多收的费用并致歉")
    qtbot.mouseClick(panel.handle_button, LEFT)
    assert Complaint.get_by_id(fee.id).resolution == "退还多收的费用并致歉", panel.error.text()
    assert resolution.toPlainText() == ""  # saved: the box is empty again

    select(qtbot, panel, rude.id)
    assert resolution.toPlainText() == ""
    type_text(resolution, "当面道歉")
    select(qtbot, panel, fee.id)  # a look at the other one…
    assert resolution.toPlainText() == ""
    select(qtbot, panel, rude.id)  # …and back: what was typed for this one is still there
    assert resolution.toPlainText() == "当面道歉"
    qtbot.mouseClick(panel.handle_button, LEFT)
    assert Complaint.get_by_id(rude.id).resolution == "当面道歉", panel.error.text()
    assert Complaint.get_by_id(fee.id).resolution == "退还多收的费用并致歉"


def test_a_resolution_left_in_the_box_is_not_saved_on_the_next_complaint(qtbot, panel):
    boss = panel.ctx.staff
    first = cp.record(actor=boss, description="候诊太久", severity=cp.GENERAL)
    second = cp.record(actor=boss, description="厕所不干净", severity=cp.GENERAL)
    panel.refresh()
    select(qtbot, panel, first.id)
    type_text(panel.work.editor("resolution"), "增派导医")
    select(qtbot, panel, second.id)
    qtbot.mouseClick(panel.handle_button, LEFT)  # nothing typed for this one
    assert Complaint.get_by_id(second.id).status == cp.OPEN
    assert panel.work.error_text("resolution")  # asked for at the field
