"""The service desk's screens with a failing database driver: a sentence where the user
looks, what was typed kept, nothing half-saved, no escape."""

from __future__ import annotations

import pytest

from frontdesk.db.models import Appointment, Complaint, Consultation, Department, Doctor, Staff
from frontdesk.ui import translation
from frontdesk.ui.service.appointments import AppointmentPanel
from frontdesk.ui.service.complaints import ComplaintPanel
from frontdesk.ui.service.consultations import ConsultationPanel
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, demo_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


@pytest.fixture
def staff(demo_db, ctx):
    translation.install("zh_CN")
    ctx.staff = Staff.get(Staff.username == "desk1")
    return ctx


def said(label) -> str:
    text = label.text()
    assert text.strip() and label.isVisibleTo(label.window())
    assert "locked" not in text and "server closed" not in text and "duplicate" not in text
    return text


def test_consultation_save(qtbot, staff, faults):
    w = ConsultationPanel(staff)
    qtbot.addWidget(w)
    w.show()
    before = Consultation.select().count()
    w.form.set_value("phone", "13800138000")
    w.form.editor("name").insert("王芳")
    with faults.on():
        w.save_button.click()
    said(w.form_error)
    assert w.form.value("name") == "王芳" and Consultation.select().count() == before


def test_appointment_booking(qtbot, staff, faults):
    import datetime as dt

    from PySide6.QtCore import QDate

    w = AppointmentPanel(staff)
    qtbot.addWidget(w)
    w.show()
    w.form.editor("date").setDate(QDate(dt.date(2026, 11, 24)))
    w.form.set_value("department", Department.get(Department.code == "anorectal").id)
    w.form.set_value("doctor", Doctor.get(Doctor.name == "梁振华").id)
    w.form.set_value("time", "09:00")
    w.form.editor("name").insert("王芳")
    w.form.set_value("phone", "13800138000")
    before = Appointment.select().count()
    with faults.on():
        w.book_button.click()
    said(w.error)
    assert w.form.value("phone") == "13800138000" and Appointment.select().count() == before


def test_complaint_record(qtbot, staff, faults):
    w = ComplaintPanel(staff)
    qtbot.addWidget(w)
    w.show()
    w.new_form.editor("description").insertPlainText("候诊太久")
    with faults.on():
        w.record_button.click()
    said(w.error)
    assert w.new_form.value("description") == "候诊太久" and Complaint.select().count() == 0
