"""The desk's later additions: busy escorts, deferred billing, reviewing an existing record.

Each test drives the real widgets and asserts what is STORED.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.ui.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception_support import NOW, actions, press

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def _dept(code: str):
    from frontdesk.db.models import Department

    return Department.get(Department.code == code)


def _to_escort(staff, complaint: str = "咳嗽三天", name: str = "韩梅"):
    """A paid walk-in waiting for its escort, moved through the domain."""
    v = reception.new_arrival(actor=staff, booked=False, first_visit=True)
    v = reception.take_at_desk(v.id, actor=staff, expected_version=v.version)
    v = reception.triage(v.id, actor=staff, expected_version=v.version, complaint=complaint,
                         department_id=_dept("internal").id)
    form = reception.RegistrationForm(name=name, sex="F", phone="13512340000", age=40)
    v = reception.register(v.id, actor=staff, expected_version=v.version, form=form)
    return reception.confirm_payment(v.id, actor=staff, expected_version=v.version)


def test_escort_picker_offers_only_free_escorts_and_says_who_is_out(area, qtbot, desk_staff):
    out_visit = _to_escort(desk_staff, name="韩梅")
    busy_id, busy_name = reception.free_escorts(NOW.date())[0]
    out_visit = reception.hand_to_doctor(out_visit.id, actor=desk_staff,
                                         expected_version=out_visit.version, escort_id=busy_id)
    waiting = _to_escort(desk_staff, name="李雷")
    desk = area.show_desk()
    desk.open_visit(waiting.id)
    panel = desk.escort
    offered = [panel.escort.itemData(i) for i in range(panel.escort.count())]
    assert busy_id not in offered and offered
    assert panel.busy_note.isVisibleTo(panel)
    assert busy_name in panel.busy_note.text() and out_visit.queue_label in panel.busy_note.text()
    area.grab().save("/tmp/gap2_escort_busy.png")

    # A stale picker (another desk sent the escort out meanwhile): refused at the field.
    desk.hand_to_doctor(busy_id)
    assert busy_name in panel.escort_box.error_text()
    stored = reception.get_visit(waiting.id)
    assert stored.stage == stages.ESCORT and stored.escort_id is None

    # Back at post on the other visit: the escort is offered again and can take this one.
    reception.back_at_post(out_visit.id, actor=desk_staff)
    desk.open_visit(waiting.id)
    offered = [panel.escort.itemData(i) for i in range(panel.escort.count())]
    assert busy_id in offered and not panel.busy_note.isVisibleTo(panel)
    panel.escort.setCurrentIndex(panel.escort.findData(busy_id))
    press(qtbot, panel.escort)
    stored = reception.get_visit(waiting.id)
    assert (stored.stage, stored.escort_id) == (stages.DONE, busy_id)
    assert actions(waiting.id)[-1] == stages.HANDED_TO_DOCTOR
