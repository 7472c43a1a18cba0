"""The complaint screen: record with the keyboard, a missing description at its field,
handle / approve (wrong role refused at the field) / revisit / close, and the loud overdue
banner for supervisors only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import Complaint, ComplaintApproval
from frontdesk.service import complaints as cp
from frontdesk.service import desk_rules as dr
from frontdesk.ui.service.complaints import OVERDUE_BG, ComplaintPanel


@pytest.fixture
def make_panel(qtbot, rules_db, make_staff, ctx):
    def make(role="supervisor"):
        ctx.staff = make_staff(role, name="周主管")
        w = ComplaintPanel(ctx)
        qtbot.addWidget(w)
        w.resize(1366, 700)
        w.show()
        return w
    return make


def test_record_with_the_keyboard_and_missing_description(qtbot, make_panel):
    panel = make_panel("desk")
    f = panel.new_form
    f.set_value("severity", cp.MAJOR)
    qtbot.keyClicks(f.editor("phone"), "13800138000")
    panel.record_button.click()
    assert f.error_text("description") and Complaint.select().count() == 0
    f.editor("description").insertPlainText("导医态度冷淡")
    f.editor("phone").setFocus()
    qtbot.keyClick(f.editor("phone"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    c = Complaint.get()
    assert (c.severity, c.phone, c.description) == ("major", "13800138000", "导医态度冷淡")
    assert panel.model.rowCount() == 1
    assert not panel.handle_button.isEnabled() or panel.selected() is None  # desk: no handling


def test_handle_approve_revisit_close(qtbot, make_panel):
    panel = make_panel()
    c = cp.record(actor=panel.ctx.staff, description="多收费", severity=cp.GENERAL)
    panel.refresh()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    w = panel.work
    w.editor("resolution").insertPlainText("退还多收的费用并致歉")
    w.set_value("compensation", "5000.01")
    panel.handle_button.click()
    assert Complaint.get_by_id(c.id).approver_role == dr.GENERAL_MANAGER
    assert w.value("approver_role") == dr.GENERAL_MANAGER  # preselected
    w.set_value("approver_role", dr.VICE_PRESIDENT)
    w.set_value("approver_name", "钱副总")
    panel.approve_button.click()
    assert "总经理" in w.error_text("approver_role") and ComplaintApproval.select().count() == 0
    w.set_value("approver_role", dr.GENERAL_MANAGER)
    w.set_value("approver_name", "赵总")
    panel.approve_button.click()
    assert ComplaintApproval.get().approver_name == "赵总"
    w.set_value("outcome", "satisfied")
    panel.revisit_button.click()
    panel.close_button.click()
    assert Complaint.get_by_id(c.id).status == "closed"


def test_overdue_banner_for_supervisors(qtbot, make_panel, clock):
    panel = make_panel()
    cp.record(actor=panel.ctx.staff, description="久等", severity=cp.MAJOR,
              at=dt.datetime(2026, 11, 16, 9, 0))
    panel.refresh()
    assert panel.banner.isVisible() and "1" in panel.banner.text()
    assert panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == OVERDUE_BG


def test_no_banner_for_the_desk(qtbot, make_panel):
    panel = make_panel("desk")
    cp.record(actor=panel.ctx.staff, description="久等", severity=cp.MAJOR,
              at=dt.datetime(2026, 11, 16, 9, 0))
    panel.refresh()
    assert not panel.banner.isVisible()
