"""End to end through the real reception widgets; every test checks what was STORED."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.ui.reception_support import (  # noqa: F401 - fixtures
    NOW,
    actions,
    area,
    arrive,
    demo_ctx,
    desk_staff,
    pinned,
    press,
    type_text,
)

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_first_visit_walk_in_from_the_door_to_back_at_post(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    # The desk saw the arrival at once (visits_changed), waiting for the desk.
    assert desk.visit_list.first_waiting().id == visit_id
    press(qtbot, desk, Qt.Key.Key_F4)  # take the next waiting patient
    assert desk.view.stage == stages.TRIAGE, desk.notice_text()
    assert not desk.triage_step.lookup.isVisible()  # first visit: straight to the complaint

    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    internal = triage.department_ids()[0]
    assert "胃痛" in triage.departments.item(0).text()  # the reason is shown
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(visit_id)
    assert view.stage == stages.REGISTRATION and view.department_id == internal
    assert view.complaint == "胃痛三天" and view.queue_label

    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")
    form.media_source.setCurrentIndex(1)
    assert desk.coach.address_text() == "欧阳小姐"  # the coach follows the typed name
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():  # a similar demo patient is possible
        desk.registration.duplicates.create_button.click()
    view = reception.get_visit(visit_id)
    assert view.stage == stages.BILLING, desk.notice_text() or form.errors()
    assert view.patient_name == "欧阳娜娜" and view.patient_phone == "13912345678"
    assert not view.fee_waived and view.fee_fen > 0

    press(qtbot, desk.billing.confirm_button)
    assert reception.get_visit(visit_id).stage == stages.ESCORT
    escort_id = desk.escort.escort_id()
    assert escort_id is not None
    press(qtbot, desk.escort.escort)
    view = reception.get_visit(visit_id)
    assert view.stage == stages.DONE and view.escort_id == escort_id
    assert desk.escort.back_button.isVisibleTo(desk.escort)
    press(qtbot, desk.escort.back_button)
    assert actions(visit_id) == [
        stages.ARRIVED, stages.AT_DESK, stages.TRIAGED, stages.REGISTERED, stages.PAID,
        stages.HANDED_TO_DOCTOR, stages.BACK_AT_POST]
    # The escort is free again.
    assert escort_id in [s for s, _ in reception.free_escorts(NOW.date())]
    assert desk.coach.farewell_text() == "请慢走，祝您健康！"
