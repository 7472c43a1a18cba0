"""The VIP card control at billing: only supervisors and admins see it; the fee is waived."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db.models import Patient, Staff, Visit
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def supervisor_area(qtbot, demo_db, pinned):
    """The reception area logged in as the demo supervisor (雷婷婷, leitt)."""
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.reception.area import ReceptionArea

    ctx = AppContext(db_url=str(demo_db.database), staff=Staff.get(Staff.username == "leitt"))
    widget = ReceptionArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    ctx.tasks.wait()


def _to_billing(area, qtbot) -> tuple[int, Patient]:
    """A returning patient without a VIP card, walked to the billing step."""
    plain = Patient.select().where((Patient.vip_tier == "") & Patient.merged_into.is_null()
                                   ).order_by(Patient.id).first()
    visit_id = arrive(area, qtbot, booked=False, first_visit=False)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    desk.attach(plain.id)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "咳嗽发热")
    press(qtbot, triage.complaint, modifier=CTRL)
    form = desk.registration.form
    form.choose_not_asked()  # the media question, answered
    press(qtbot, form.name, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, form.errors() or desk.notice_text()
    return visit_id, plain


def test_supervisor_sets_a_vip_card_and_the_fee_is_waived(supervisor_area, qtbot, monkeypatch):
    visit_id, plain = _to_billing(supervisor_area, qtbot)
    desk = supervisor_area.show_desk()
    billing = desk.billing
    assert not billing.is_waived() and Visit.get_by_id(visit_id).fee_fen > 0
    assert billing.vip_button.isVisibleTo(billing) and billing.vip_button.accessibleName()
    asked = []
    monkeypatch.setattr(desk, "ask_vip_tier",
                        lambda parent, current: asked.append(current) or "gold")
    qtbot.mouseClick(billing.vip_button, Qt.MouseButton.LeftButton)
    assert asked == [""]
    # Stored: the patient's tier and the visit's waived fee; shown: the waiver.
    assert Patient.get_by_id(plain.id).vip_tier == "gold"
    stored = Visit.get_by_id(visit_id)
    assert stored.fee_waived and stored.fee_fen == 0 and stored.stage == stages.BILLING
    assert billing.is_waived() and "¥0.00" in billing.total_text()
    assert billing.waiver_note.text()
    assert "vip_card_set" in [e.action for e in
                              reception.get_visit(visit_id, actor=viewer()).events]


def test_desk_staff_do_not_see_the_vip_card_control(area, qtbot):
    _to_billing(area, qtbot)
    billing = area.show_desk().billing
    assert not billing.vip_button.isVisibleTo(billing)
