"""The consultation screen, driven with the keyboard: type, Enter through, Ctrl+Enter saves;
bad fields are marked where they are; a saved one is listed and can be corrected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import Consultation, MediaSource
from frontdesk.service import consultations as cs
from frontdesk.ui.service.consultations import ConsultationPanel
from frontdesk.ui.service.desk import ServiceDeskArea


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("desk", name="李静")
    w = ConsultationPanel(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    return w


def choose(box, value):
    box.setCurrentIndex(box.findData(value))


def test_typed_consultation_is_saved_with_ctrl_enter(qtbot, panel):
    f = panel.form
    f.editor("name").setFocus()
    f.editor("name").insert("王芳")  # what the IME commits
    qtbot.keyClick(f.editor("name"), Qt.Key.Key_Return)  # Enter moves on
    qtbot.keyClicks(f.editor("age"), "36")
    qtbot.keyClicks(f.editor("phone"), "13800138000")
    group = MediaSource.get(MediaSource.code == "short_video")
    choose(panel.group_combo, group.id)
    choose(panel.source_combo, MediaSource.get(MediaSource.code == "douyin").id)
    choose(f.editor("outcome"), cs.WILL_COME)
    panel.call_back.setChecked(True)
    qtbot.keyClick(f.editor("phone"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    c = Consultation.get()
    assert (c.name, c.age, c.phone, c.outcome, c.media_source.code) == (
        "王芳", 36, "13800138000", "will_come", "douyin")
    assert c.follow_up_on is not None
    assert panel.model.rowCount() == 1
    assert f.value("name") == ""  # ready for the next call


def test_bad_fields_are_marked_at_the_field_and_nothing_saved(qtbot, panel):
    f = panel.form
    qtbot.keyClicks(f.editor("phone"), "12345")
    qtbot.keyClicks(f.editor("age"), "abc")
    panel.save_button.click()
    assert "11" in f.error_text("phone")
    assert f.error_text("age")
    assert Consultation.select().count() == 0
    assert f.value("phone") == "12345"  # the typing stays


def test_a_listed_consultation_is_loaded_and_corrected(qtbot, panel):
    row = cs.record(actor=panel.ctx.staff, form=dict(channel="wechat", name="张伟",
                                                     phone="13900139000",
                                                     outcome=cs.PRICE_ONLY))
    panel.refresh()
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.editing is not None and panel.form.value("name") == "张伟"
    choose(panel.form.editor("outcome"), cs.NOT_INTERESTED)
    panel.save_button.click()
    c = Consultation.get_by_id(row.id)
    assert (c.outcome, c.version) == ("not_interested", 2)


def test_service_desk_area_builds_tabs_on_demand(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("supervisor")
    area = ServiceDeskArea(ctx)
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    assert isinstance(area.panels["consultations"], ConsultationPanel)
    assert list(area.panels) == ["consultations"]
    area.activateWindow()
    qtbot.waitActive(area)
    name = area.panels["consultations"].form.editor("name")
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClick(name, Qt.Key.Key_2,
                   Qt.KeyboardModifier.AltModifier)
    assert area.tabs.currentIndex() == 1
    assert type(area.panels["appointments"]).__name__ == "AppointmentPanel"


def test_overdue_complaints_are_loud_on_every_tab_for_supervisors(qtbot, rules_db, make_staff,
                                                                  ctx):
    import datetime as dt

    from frontdesk.service import complaints as cp

    ctx.staff = make_staff("supervisor")
    cp.record(actor=ctx.staff, description="久等", severity=cp.MAJOR,
              at=dt.datetime(2026, 11, 16, 9, 0))
    area = ServiceDeskArea(ctx)
    qtbot.addWidget(area)
    area.show()
    assert area.overdue_banner.isVisible() and "1" in area.overdue_banner.text()
    area.overdue_banner.click()
    assert area.specs[area.tabs.currentIndex()][0] == "complaints"
    assert not area.overdue_banner.isVisible()  # the complaints tab has its own
    ctx.staff = make_staff("desk")
    area.check_overdue()
    area.show_tab("consultations")
    assert not area.overdue_banner.isVisible()


def test_reports_tab_shows_prints_and_exports(qtbot, rules_db, make_staff, ctx, tmp_path):
    from frontdesk.ui.service.service_reports import ServiceReportsPanel

    ctx.staff = make_staff("supervisor")
    cs.record(actor=ctx.staff, form=dict(channel="phone", phone="13800138000",
                                         outcome=cs.WILL_COME))
    panel = ServiceReportsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.print_button.isEnabled()
    panel.show_button.click()
    assert panel.report is not None and panel.report.tables[0].rows[0][1] == 1
    from frontdesk.ui.widgets.printing import PrintOutcome, PrintResult

    previews = []

    def printed(data, title):
        previews.append(data[:4])
        return PrintResult(PrintOutcome.PRINTED, "已发送", "Front", 1)

    panel.open_print_preview = printed
    panel.print_button.click()
    assert previews == [b"%PDF"]
    from frontdesk.db.models import AuditLog

    assert AuditLog.select().where(AuditLog.action == "print", AuditLog.entity == "report",
                                   AuditLog.staff == ctx.staff.id).count() == 1
    panel.ask_save_path = lambda suggested: str(tmp_path / "c.xlsx")
    panel.export_button.click()
    assert (tmp_path / "c.xlsx").exists()
    ctx.staff = make_staff("desk")
    panel._update_buttons()
    assert not panel.show_button.isEnabled()


def test_call_backs_due_are_listed(qtbot, panel, clock):
    import datetime as dt

    cs.record(actor=panel.ctx.staff, form=dict(channel="phone", name="回访我", phone="13900139001",
                                               outcome=cs.WILL_COME,
                                               follow_up_on=dt.date(2026, 11, 24)))
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    choose(panel.which, "call_backs")
    assert panel.model.rowCount() == 1 and panel.model.row_at(0).name == "回访我"


def test_a_booked_consultation_opens_the_appointment_form(qtbot, rules_db, make_staff, ctx):
    from frontdesk.db.models import Appointment, Department, Doctor

    ctx.staff = make_staff("desk")
    area = ServiceDeskArea(ctx)
    qtbot.addWidget(area)
    area.show()
    panel = area.panels["consultations"]
    panel.form.editor("name").insert("赵敏")
    panel.form.set_value("phone", "13700137000")
    choose(panel.form.editor("outcome"), cs.BOOKED)
    panel.save_button.click()
    appt = area.panels["appointments"]
    assert area.specs[area.tabs.currentIndex()][0] == "appointments"
    assert (appt.form.value("name"), appt.form.value("phone")) == ("赵敏", "13700137000")
    import datetime as dt

    from PySide6.QtCore import QDate

    appt.form.editor("date").setDate(QDate(dt.date(2026, 11, 24)))
    appt.form.set_value("department", Department.get(Department.code == "anorectal").id)
    appt.form.set_value("doctor", Doctor.get(Doctor.name == "梁振华").id)
    appt.form.set_value("time", "09:00")
    appt.book_button.click()
    a = Appointment.get()
    assert a.patient_name == "赵敏" and Consultation.get().appointment_id == a.id
