"""Whole working days, third round: stretches of a day the earlier scenarios
(test_scenarios.py) do not walk. Each test drives the real widgets of the MainWindow
as the people at the desk do, and checks what was STORED and what the screen says.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import NOW, pdf_slip_printer, press, type_text
from tests.ui.shell.test_scenarios import (
    door_ticket,
    fill_new_patient,
    reception_area,
    register,
    window,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def test_a_visit_that_crosses_midnight_reaches_the_doctor_of_the_new_day(
        window, qtbot, clock, tmp_path):  # noqa: F811
    """The night desk: a walk-in at 23:50 is triaged, registered and handed to the doctor
    after midnight. The clinic's calling panel of the new day has them, and calls them."""
    from frontdesk.ui.queue.calling import CallingModel

    late = dt.datetime.combine(NOW.date(), dt.time(23, 50))
    clock.freeze(late)
    area = reception_area(window)
    visit = door_ticket(qtbot, area)
    desk = area.show_desk()
    desk.slip_printer = pdf_slip_printer(tmp_path, [])
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    assert desk.view.stage == stages.TRIAGE, desk.notice_text()
    triage = desk.triage_step.triage
    type_text(triage.complaint, "咳嗽发热两天")
    qtbot.waitUntil(lambda: triage.departments.count() > 0, timeout=3000)
    clock.freeze(late + dt.timedelta(minutes=20))  # midnight passes while the desk types
    press(qtbot, triage.complaint, modifier=CTRL)
    form = desk.registration.form
    fill_new_patient(qtbot, form, name="夜归人", sex="M", phone="13900001111", age="40")
    register(qtbot, desk)
    assert reception.get_visit(visit.id, actor=viewer()).stage == stages.BILLING, \
        desk.notice_text() or form.errors()
    qtbot.mouseClick(desk.billing.confirm_button, LEFT)
    press(qtbot, desk.escort.escort)  # walked to the clinic and handed to the doctor
    view = reception.get_visit(visit.id, actor=viewer())
    assert view.stage == stages.DONE, desk.notice_text()
    assert view.visit_date == NOW.date()  # the visit stays on the day it began (reports)

    # The doctor's calling panel, after midnight: the patient is waiting, and is called.
    panel = window.show_area("calling")
    panel.department.setCurrentIndex(panel.department.findData(view.department_id))
    panel.refresh()
    names = [panel.model.data(panel.model.index(r, CallingModel.COL_NAME))
             for r in range(panel.model.rowCount())]
    assert "夜归人" in names
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)  # call next
    assert not panel.error.isVisible(), panel.error.text()
    from frontdesk.queue import clinic

    [called] = clinic.queue_rows(view.department_id).active
    assert called.visit_id == visit.id

