"""The appointment screen driven by keyboard: book a slot, a full slot and a bad phone are
told at the field, move / cancel / no-show a listed booking."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from frontdesk.db.models import Appointment, Department, Doctor, DoctorSchedule, FollowUp
from frontdesk.service import consultations as cs
from frontdesk.ui.service.appointments import AppointmentPanel

TUESDAY = dt.date(2026, 11, 24)


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("desk", name="李静")
    w = AppointmentPanel(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    f = w.form
    f.editor("date").setDate(QDate(TUESDAY))
    dept = Department.get(Department.code == "anorectal")
    f.set_value("department", dept.id)
    f.set_value("doctor", Doctor.get(Doctor.name == "梁振华").id)
    f.set_value("time", "09:00")
    return w


def test_book_with_the_keyboard(qtbot, panel):
    f = panel.form
    f.editor("name").insert("王芳")
    qtbot.keyClick(f.editor("name"), Qt.Key.Key_Return)
    qtbot.keyClicks(f.editor("phone"), "13800138000")
    qtbot.keyClick(f.editor("phone"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    a = Appointment.get()
    assert (a.patient_name, a.phone, a.date, a.time) == ("王芳", "13800138000", TUESDAY, "09:00")
    assert a.code in panel.status.text()
    assert panel.model.rowCount() == 1
    assert "3" in f.editor("time").currentText()  # 3 of 4 free now


def test_bad_phone_at_the_field(qtbot, panel):
    f = panel.form
    f.editor("name").insert("王芳")
    qtbot.keyClicks(f.editor("phone"), "138")
    panel.book_button.click()
    assert f.error_text("phone") and Appointment.select().count() == 0


def test_full_slot_at_the_slot_field(qtbot, panel):
    DoctorSchedule.update(capacity=1).execute()
    Appointment.delete().execute()
    f = panel.form
    f.editor("name").insert("甲")
    f.set_value("phone", "13800000001")
    panel.book_button.click()
    assert Appointment.select().count() == 1
    f.set_value("time", "09:00")  # listed as 0 of 1 free; booking it is refused at the slot
    assert "0" in f.editor("time").currentText()
    f.editor("name").insert("乙")
    f.set_value("phone", "13800000002")
    panel.book_button.click()
    assert "full" in f.error_text("time") or "满" in f.error_text("time")
    assert Appointment.select().count() == 1


def test_move_cancel_and_no_show(qtbot, panel, clock):
    f = panel.form
    for name, phone in (("甲", "13800000001"), ("乙", "13800000002")):
        f.editor("name").insert(name)
        f.set_value("phone", phone)
        panel.book_button.click()
    assert panel.model.rowCount() == 2
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    f.set_value("time", "10:00")
    panel.move_button.click()
    assert Appointment.get(Appointment.patient_name == "甲").time == "10:00"
    panel.table.setFocus()
    row = next(i for i in range(2) if panel.model.row_at(i).name == "乙")
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert Appointment.get(Appointment.patient_name == "乙").status == "cancelled"
    clock.set(dt.datetime(2026, 11, 24, 17, 0))
    row = next(i for i in range(2) if panel.model.row_at(i).name == "甲")
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert Appointment.get(Appointment.patient_name == "甲").status == "no_show"
    assert FollowUp.select().where(FollowUp.appointment.is_null(False)).count() == 1


def test_book_for_a_consultation(qtbot, panel):
    c = cs.record(actor=panel.ctx.staff, form=dict(channel="phone", name="赵敏",
                                                   phone="13700137000", outcome="will_come"))
    panel.refresh()
    panel.form.set_value("consultation", c.id)
    assert panel.form.value("phone") == "13700137000"
    panel.book_button.click()
    assert Appointment.get().patient_name == "赵敏"
