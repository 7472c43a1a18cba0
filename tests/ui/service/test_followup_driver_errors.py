"""Follow-up calls with a failing database driver: a sentence, the notes kept, no escape (issue 21)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import FollowUp, Staff
from frontdesk.ui import translation
from frontdesk.ui.service.followups import FollowUpArea
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, demo_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


@pytest.fixture
def area(qtbot, demo_db, ctx, faults):
    translation.install("zh_CN")
    ctx.staff = Staff.get(Staff.username == "desk1")
    widget = FollowUpArea(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def test_recording_an_outcome_says_so_and_keeps_the_notes(area, qtbot, faults):
    call = area.current_call()
    assert call is not None
    area.notes.insertPlainText("恢复良好")
    with faults.on():
        qtbot.mouseClick(area.done_button, Qt.MouseButton.LeftButton)
    said = area.record_error.text()
    assert said.strip() and area.record_error.isVisible()
    assert "locked" not in said and "server closed" not in said
    assert area.notes.toPlainText() == "恢复良好"
    assert FollowUp.get_by_id(call.followup_id).status != "done"


def test_refreshing_the_list_says_so(area, faults):
    with faults.on():
        area.refresh()
    assert area.list_error.text().strip() and "locked" not in area.list_error.text()
