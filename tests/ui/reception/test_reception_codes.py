"""Codes the desk stores are never shown raw: leave reasons and the lookup's "matched on"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db.models import Visit
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_listed_leave_reason_is_stored_as_its_code(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    press(qtbot, desk, Qt.Key.Key_F8)
    box = desk.leave_box
    i = box.reason.findData("consult_only")
    assert i >= 0
    box.reason.setCurrentIndex(i)
    press(qtbot, box.reason.lineEdit())
    assert Visit.get_by_id(visit_id).left_reason == "consult_only"
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.LEFT and view.left_reason == "只是咨询"
    assert "只是咨询" in desk.closed.info.text()


def test_typed_leave_reason_is_kept_as_the_desks_words(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    press(qtbot, desk, Qt.Key.Key_F8)
    line = desk.leave_box.reason.lineEdit()
    type_text(line, "孩子哭闹")
    press(qtbot, line)
    assert Visit.get_by_id(visit_id).left_reason == "other:孩子哭闹"
    assert "孩子哭闹" in desk.closed.info.text() and "other" not in desk.closed.info.text()


def test_lookup_tooltip_names_what_matched_in_words(area, qtbot, desk_staff):
    from frontdesk import patients
    from frontdesk.ui.reception.lookup import PatientHitModel

    p = patients.search("138", actor=desk_staff)[0]
    tail = p.phone[-4:]
    hit = next(h for h in patients.search(tail, actor=desk_staff, limit=50) if h.id == p.id)
    assert hit.matched_on == "phone_tail"
    model = PatientHitModel()
    model.set_hits([hit])
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    # Words (translated through Qt like every string: 手机尾号 in Chinese), never the code.
    assert "phone_tail" not in tip and "last digits of the mobile number" in tip
