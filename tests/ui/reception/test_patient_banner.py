# ruff: noqa: F811 - the fixtures are imported from tests.ui.reception.reception_support
"""Every desk step shows who the patient is, and what the step needs (issue 18, point 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from frontdesk import reception, stages
from frontdesk.reception.load import waiting_load
from frontdesk.reception.visit_numbers import view_number
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


@pytest.fixture(autouse=True)
def chinese(qapp):
    from frontdesk.ui import translation

    translation.install("zh_CN")


def test_banner_on_every_step_with_the_context_each_step_needs(area, qtbot, clock):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    clock.advance(minutes=12)
    press(qtbot, desk, Qt.Key.Key_F4)
    banner = desk.header
    view = reception.get_visit(visit_id, actor=viewer())
    assert banner.isVisible()
    assert view_number(view) in banner.text()  # the one visible number
    assert "12" in banner.waited.text()  # minutes since arrival

    # Triage: the load per department and per doctor now.
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    load = waiting_load()
    dept_id = triage.department_ids()[0]
    assert f"{load.department(dept_id)} 人候诊" in triage.departments.item(0).text()
    doctor_rows = [triage.doctors.item(i).text() for i in range(1, triage.doctors.count())]
    assert doctor_rows and all("人候诊" in row for row in doctor_rows)
    before = load.department(dept_id)
    press(qtbot, triage.complaint, modifier=CTRL)
    assert waiting_load().department(dept_id) == before + 1  # this patient now waits there

    # Registration: complaint, department and doctor.
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION
    assert desk.steps.currentWidget() is desk.registration
    context = banner.context_row.text()
    assert "胃痛三天" in context and view.department_name in context
    assert "医生" in context

    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")
    form.media_source.setCurrentIndex(1)
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    assert desk.view.stage == stages.BILLING, form.errors()

    # Billing: name, sex/age, department and doctor.
    assert desk.steps.currentWidget() is desk.billing
    assert "欧阳娜娜" in banner.text() and "女" in banner.sex_age.text()
    assert "27" in banner.sex_age.text()
    assert desk.view.department_name in banner.context_row.text()
    assert "胃痛" not in banner.context_row.text()


def red_flag_at_desk(area, qtbot):
    """A new arrival taken at the desk and triaged with a red-flag complaint."""
    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "突然胸痛，出汗")
    triage.update_suggestions()
    press(qtbot, triage.complaint, modifier=CTRL)
    return desk


def test_banner_shows_vip_and_red_flag(area, qtbot):
    from frontdesk.db.models import Patient

    vip = Patient.select().where(Patient.vip_tier == "gold").order_by(Patient.id).first()
    arrive(area, qtbot, booked=False, first_visit=False)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    desk.attach(vip.id)
    assert desk.header.vip.isVisibleTo(desk) and desk.header.vip.text() == "金卡"
    assert not desk.header.red_flag.isVisibleTo(desk)

    desk = red_flag_at_desk(area, qtbot)
    assert desk.view.red_flag
    assert desk.header.red_flag.isVisibleTo(desk)


def test_a_narrow_banner_keeps_the_number_whole_and_shortens_the_name(area, qtbot):
    # At 1366 in English the red-flag pill and a long name left the number "急-0".
    import dataclasses

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from frontdesk.ui.reception.banner import PatientBanner

    desk = red_flag_at_desk(area, qtbot)
    long_name = "欧阳娜娜娜娜娜娜娜娜娜娜娜娜"
    view = dataclasses.replace(desk.view, patient_name=long_name)

    host = QWidget()
    QVBoxLayout(host).addWidget(banner := PatientBanner())
    qtbot.addWidget(host)
    host.resize(600, 80)
    host.show()
    qtbot.waitExposed(host)
    banner.show_visit(view)
    qtbot.wait(50)
    number = banner.number
    assert view.red_flag and banner.red_flag.isVisibleTo(banner)
    assert number.text().endswith(view.queue_label)
    assert number.width() >= number.fontMetrics().horizontalAdvance(number.text())
    shown = banner.name.text()
    assert shown.endswith("…") and len(shown) > 1 and banner.name.toolTip() == long_name
    name = banner.name
    assert name.fontMetrics().horizontalAdvance(shown) <= name.width()
    # The next patient has no red flag: the name gets that room back at once (it is
    # shortened against its own width, not a width from before the pill was hidden).
    banner.show_visit(dataclasses.replace(view, red_flag=False))
    qtbot.wait(50)
    assert len(name.text()) > len(shown)
    assert name.fontMetrics().horizontalAdvance(name.text()) <= name.width()


def test_before_registration_the_banner_names_the_patient_as_the_door_recorded(area, qtbot):
    """The list and the coach already say 郑 / 郑小姐: the header says 郑 too, marked as the
    door's, not that no name was taken."""
    door = area.show_door()
    qtbot.keyClick(door, Qt.Key.Key_F2)
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):  # not booked, first visit
        qtbot.keyClick(door, key)
    door.name_edit.setFocus()
    door.name_edit.insert("郑")  # typed through the input method (keyClicks is ASCII only)
    qtbot.keyClick(door.handover_button, Qt.Key.Key_Return)
    visit_id = door.last_visit.id
    desk = area.show_desk()
    desk.open_visit(visit_id)
    banner = desk.header
    assert banner.isVisible()
    assert banner.name.text() == "郑（门口登记）"
    assert "尚未登记" not in banner.text()


def test_the_banner_is_built_with_the_first_patient_not_before(area, qtbot):
    # The desk opens with nobody chosen: the banner's boxed labels are made with the
    # first patient (start-up, issue 19); the box's rule comes with them.
    desk = area.show_desk()
    banner = desk.header
    assert not banner.built and banner.isHidden() and banner.text() == ""
    assert banner.findChildren(QLabel) == []
    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: banner.built and banner.isVisible())
    assert banner.objectName() == "patientBanner" and "#patientBanner" in banner.styleSheet()
    assert banner.number.text() and banner.number.isVisible()
