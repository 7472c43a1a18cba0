# ruff: noqa: F811 - the fixtures are imported from tests.ui.reception.reception_support
"""A scanned guide-slip QR code (the visit number) opens the visit at the desk (issue 18, 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception
from frontdesk.reception.visit_numbers import view_number
from frontdesk.slips.source import guide_slip_for
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import (  # noqa: F401  (fixtures)
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


def test_scanning_the_guide_slip_number_opens_the_visit(area, qtbot):
    first = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(first, actor=viewer())
    # The guide slip exists as soon as the queue number does, and carries the number.
    slip = guide_slip_for(first, actor=viewer())
    assert slip.visit_no == view_number(view)

    second = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    desk.open_visit(second)
    assert desk.view.id == second
    press(qtbot, desk, Qt.Key.Key_K, CTRL)
    assert desk.scan.hasFocus()
    type_text(desk.scan, slip.visit_no)  # a scanner types like a keyboard
    press(qtbot, desk.scan)
    assert desk.view.id == first
    assert slip.visit_no in desk.header.text()
    assert desk.scan.text() == ""

    type_text(desk.scan, "V19990101-0001")
    press(qtbot, desk.scan)
    assert desk.view.id == first and desk.notice_text()  # told, nothing else opened


def test_print_history_and_deferred_list_name_the_visit_by_its_number(qtbot, demo_ctx):  # noqa: F811
    from frontdesk.db.models import Visit
    from frontdesk.reception.visit_numbers import visit_number
    from frontdesk.ui.reception.deferred import DeferredBillingPanel
    from frontdesk.ui.reception.slip_actions import ReprintDialog

    visit = Visit.select().order_by(Visit.id.desc()).first()
    number = visit_number(visit.visit_date, visit.id)
    dlg = ReprintDialog(demo_ctx, visit.id, preview=False)
    qtbot.addWidget(dlg)
    assert number in dlg.heading.text()
    view = reception.get_visit(visit.id, actor=viewer())
    from dataclasses import replace

    panel = DeferredBillingPanel()
    qtbot.addWidget(panel)
    assert number in panel.row_text(replace(view, queue_label=""))
