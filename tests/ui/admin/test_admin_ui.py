"""Admin area: add and deactivate staff, edit a fee at the field, settings, audit filters, backups."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from frontdesk import accounts, audit, settings
from frontdesk.admin import backup
from frontdesk.db.models import AuditLog, FeeClass, Staff
from frontdesk.ui.admin.area import AdminArea
from frontdesk.ui.admin.audit import COL_ACTION, COL_STAFF, AuditTableModel
from frontdesk.ui.admin.staff import StaffDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def area(qtbot, ctx, rules_db, make_staff):
    boss = make_staff("admin", username="boss", name="老板")
    ctx.set_staff(boss)
    widget = AdminArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_non_admin_sees_no_tabs(qtbot, ctx, rules_db, make_staff):
    ctx.set_staff(make_staff("supervisor"))
    widget = AdminArea(ctx)
    qtbot.addWidget(widget)
    assert widget.tabs is None and widget.stack.currentWidget() is widget.refused
    ctx.set_staff(make_staff("admin"))
    assert widget.stack.currentWidget() is widget.tabs


def test_add_staff_member_through_the_dialog(qtbot, area, ctx, monkeypatch):
    tab = area.staff_tab

    def fill_and_accept(dialog: StaffDialog):
        qtbot.keyClicks(dialog.username, "newbie")
        dialog.display_name.setText("新人")  # QTest cannot type CJK characters
        dialog.role.setCurrentIndex(dialog.role.findData("guide"))
        qtbot.keyClicks(dialog.password, "Secret123")
        qtbot.keyClicks(dialog.pin, "12")
        dialog.accept()  # PIN too short: stays open, message at the PIN field
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert not dialog.form.errors["pin"].isHidden()
        assert "4 位数字" in dialog.form.errors["pin"].text()
        assert Staff.get_or_none(Staff.username == "newbie") is None
        qtbot.keyClicks(dialog.pin, "34")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StaffDialog, "exec", fill_and_accept)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    newbie = Staff.get(Staff.username == "newbie")
    assert newbie.role == "guide" and newbie.active
    assert accounts.login("newbie", "Secret123").id == newbie.id
    assert tab.current().username == "newbie"
    assert "新人" in tab.message.text()


def test_deactivate_staff_member(qtbot, area, make_staff):
    amy = make_staff("desk", username="amy")
    tab = area.staff_tab
    tab.refresh()
    tab.select_username("amy")
    assert tab.deactivate_button.isEnabled()
    tab.toggle_active(confirm=False)
    assert Staff.get_by_id(amy.id).active is False
    assert tab.current().active is False
    assert AuditLog.get(AuditLog.action == "deactivate").entity_id == str(amy.id)
    # The boss cannot deactivate themself: the message says so, nothing changes.
    tab.select_username("boss")
    tab.toggle_active(confirm=False)
    assert "自己" in tab.message.text()
    assert Staff.get(Staff.username == "boss").active


def test_fee_error_at_field_and_save(qtbot, area):
    tab = area.fees_tab
    area.tabs.setCurrentWidget(tab)
    expert = FeeClass.get(FeeClass.code == "expert")
    for r in range(tab.table.rowCount()):
        if tab.table.item(r, 0).text() == "expert":
            tab.table.selectRow(r)
    assert tab.editing == expert.id and tab.amount.text() == "50.00"
    tab.amount.setText("abc")
    assert not tab.submit()
    assert not tab.form.errors["amount"].isHidden()
    assert FeeClass.get_by_id(expert.id).amount_fen == 5000
    tab.amount.setText("60")
    assert tab.submit()
    assert FeeClass.get_by_id(expert.id).amount_fen == 6000


def test_doctor_schedule_typo_saves_nothing(qtbot, area):
    tab = area.doctors_tab
    tab.table.selectRow(0)
    doctor_id = tab.editing
    before = next(d for d in tab.items.values() if d.id == doctor_id).schedule
    tab.days[0].setText("08:00-12:00, 9點")
    assert not tab.submit()
    assert not tab.schedule_form.errors["day0"].isHidden()
    tab.days[6].setText("09:00-11:00")
    tab.days[0].setText("")
    assert tab.submit()
    tab.refresh()
    after = tab.items[doctor_id].schedule
    assert after != before and (6, "09:00", "11:00") in after


def test_settings_tab_saves_and_refuses_missing_folder(qtbot, area, tmp_path):
    tab = area.settings_tab
    tab.idle.setValue(3)
    tab.folder.setText(str(tmp_path / "missing"))
    assert not tab.submit()
    assert not tab.form.errors["backup.folder"].isHidden()
    assert settings.get("security.idle_lock_minutes") == 5
    tab.folder.setText(str(tmp_path))
    assert tab.submit()
    assert settings.get("security.idle_lock_minutes") == 3
    assert settings.get("backup.folder") == str(tmp_path)


def test_settings_tab_renames_the_hospital_and_refuses_control_characters(qtbot, area):
    tab = area.settings_tab
    assert tab.hospital.text() == settings.hospital_name()
    tab.hospital.setText("城东\u202e医院")  # a pasted bidi override would reverse every slip
    assert not tab.submit()
    assert not tab.form.errors["hospital.name"].isHidden()
    assert settings.hospital_name() != "城东\u202e医院"
    tab.hospital.clear()
    tab.hospital.setText("城东人民医院")  # QTest types ASCII only
    assert tab.submit()
    assert tab.form.errors["hospital.name"].isHidden()
    assert settings.hospital_name() == "城东人民医院"


def test_audit_model_and_filters(qtbot, area, make_staff, qtmodeltester):
    amy = make_staff("desk", username="amy", name="艾米")
    boss = Staff.get(Staff.username == "boss")
    AuditLog.create(at=dt.datetime(2026, 11, 1, 9), staff=amy, action="view", entity="patient",
                    entity_id="7")
    AuditLog.create(at=dt.datetime(2026, 11, 2, 9), staff=boss, action="rule_change",
                    entity="fee_class", entity_id="1")
    AuditLog.create(at=dt.datetime(2026, 11, 3, 9), staff=amy, action="print", entity="patient",
                    entity_id="7")
    tab = area.audit_tab
    tab._fill_choices()
    tab.since.setDate(QDate(2026, 11, 1))
    tab.until.setDate(QDate(2026, 11, 3))
    assert tab.model.rowCount() == 3
    tab.staff.setCurrentIndex(tab.staff.findData(amy.id))
    assert tab.model.rowCount() == 2
    assert {tab.model.index(r, COL_STAFF).data() for r in range(2)} == {"艾米"}
    tab.action.setCurrentIndex(tab.action.findData("print"))
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, COL_ACTION).data() == audit.action_name("print")
    tab.until.setDate(QDate(2026, 11, 2))
    assert tab.model.rowCount() == 0 and "0" in tab.count.text()
    qtmodeltester.check(tab.model)


def test_audit_model_without_widget(qtmodeltester):
    model = AuditTableModel()
    model.set_rows([audit.AuditEntry(1, dt.datetime(2026, 1, 1), None, "", "backup", "database",
                                     "", "{}")])
    assert model.rowCount() == 1 and model.index(0, COL_STAFF).data() == "(system)"
    qtmodeltester.check(model)


def test_backup_now_from_the_tab(qtbot, area, ctx, tmp_path):
    settings.set("backup.folder", str(tmp_path))
    tab = area.backup_tab
    tab.refresh()
    tab.back_up_now()
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10000)
    assert len(backup.list_backups(tmp_path)) == 1
    assert tab.table.rowCount() == 1
    assert str(tmp_path) in tab.status.text()


def test_settings_tab_door_ticket_and_ages(qtbot, area):
    from frontdesk.reception import tickets

    tab = area.settings_tab
    assert tab.ticket_prefix.text() == "A"
    assert (tab.child_age.value(), tab.elder_age.value()) == (14, 60)
    tab.ticket_prefix.selectAll()
    qtbot.keyClicks(tab.ticket_prefix, "7")
    tab.elder_age.selectAll()
    qtbot.keyClicks(tab.elder_age, "65")
    assert not tab.submit()
    assert tab.form.errors["door.ticket_prefix"].isVisibleTo(tab)
    assert settings.get("door.elder_min_age") == 60  # nothing saved half-way
    tab.ticket_prefix.selectAll()
    qtbot.keyClicks(tab.ticket_prefix, "k")
    assert tab.submit()
    assert not tab.form.errors["door.ticket_prefix"].isVisibleTo(tab)
    assert tab.ticket_prefix.text() == "K"
    assert tickets.ticket_label(3) == "K003" and tickets.elder_min_age() == 65


def test_settings_tab_threshold_grid_refuses_red_before_amber_at_the_cell(qtbot, area):
    from frontdesk.reception import urgency

    tab = area.settings_tab
    grid = tab.thresholds
    assert grid.cells["desk.red_minutes", "REGISTRATION"].value() == 20
    amber = grid.cells["desk.amber_minutes", "BILLING"]
    red = grid.cells["desk.red_minutes", "BILLING"]
    for spin, typed in ((amber, "12"), (red, "9")):
        spin.selectAll()
        qtbot.keyClicks(spin, typed)
    tab.hospital.setText("城西医院")
    assert not tab.submit()
    error = tab.form.errors["desk.thresholds"]
    assert error.isVisibleTo(tab) and "挂号缴费" in error.text()
    assert red.hasFocus()
    assert urgency.thresholds()["BILLING"] == urgency.default_thresholds()["BILLING"]
    assert settings.hospital_name() != "城西医院"
    red.selectAll()
    qtbot.keyClicks(red, "30")
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    assert not error.isVisibleTo(tab)
    assert urgency.thresholds()["BILLING"] == urgency.Thresholds(12, 30)
    assert settings.hospital_name() == "城西医院"
