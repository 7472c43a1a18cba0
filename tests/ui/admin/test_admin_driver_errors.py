"""Admin tabs with a failing database driver: a sentence where the tab speaks, typing kept (issue 21).

Every statement fails with what sqlite3, peewee or psycopg2 raise (see
tests/ui/reception/test_driver_errors.py); pytest-qt fails the test if an exception
escapes a slot. After the fault is gone, the same action works.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from frontdesk import accounts, settings
from frontdesk.admin import backup
from frontdesk.db.models import FeeClass, Staff
from frontdesk.ui.admin.area import AdminArea
from frontdesk.ui.admin.staff import SecretDialog, StaffDialog
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, rules_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


@pytest.fixture
def area(qtbot, ctx, rules_db, make_staff, faults):
    ctx.set_staff(make_staff("admin", username="boss", name="老板"))
    make_staff("desk", username="amy", name="艾米", pin="1234")
    widget = AdminArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def said(label) -> str:
    text = label.text()
    assert text.strip(), f"{label.objectName() or label} says nothing"
    for raw in ("Traceback", "locked", "server closed", "connection already closed"):
        assert raw not in text, text
    return text


def test_staff_tab(area, faults):
    tab = area.staff_tab
    with faults.on():
        tab.refresh()
    said(tab.message)
    tab.refresh()
    tab.select_username("amy")
    amy = tab.current()
    assert amy is not None

    # Deactivate, reactivate, clear a lock-out.
    for expect_active in (False, True):
        tab.message.clear()
        with faults.on():
            tab.toggle_active(confirm=False)
        said(tab.message)
        assert Staff.get_by_id(amy.id).active is not expect_active
        tab.toggle_active(confirm=False)
        assert Staff.get_by_id(amy.id).active is expect_active, tab.message.text()
        tab.select_username("amy")
    tab.message.clear()
    with faults.on():
        tab.clear_lockout()
    said(tab.message)
    tab.clear_lockout()


def test_add_staff_keeps_the_fields(area, ctx, faults):
    dialog = StaffDialog(ctx, area)
    dialog.username.setText("newbie")
    dialog.display_name.setText("新人")
    dialog.role.setCurrentIndex(dialog.role.findData("guide"))
    dialog.password.setText("Secret123")
    dialog.pin.setText("5678")
    with faults.on():
        dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    said(dialog.form.general)
    assert (dialog.username.text(), dialog.display_name.text(), dialog.password.text(),
            dialog.pin.text()) == ("newbie", "新人", "Secret123", "5678")
    assert Staff.get_or_none(Staff.username == "newbie") is None
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.login("newbie", "Secret123").display_name == "新人"


@pytest.mark.parametrize("pin", [True, False], ids=["pin", "password"])
def test_new_password_or_pin_keeps_what_was_typed(area, ctx, faults, pin):
    amy = Staff.get(Staff.username == "amy")
    dialog = SecretDialog(ctx, amy.id, pin=pin, parent=area)
    secret = "9876" if pin else "Newpass123"
    dialog.secret.setText(secret)
    with faults.on():
        dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert any(label.text().strip() for label in
               [dialog.form.general, *dialog.form.errors.values()])
    for label in [dialog.form.general, *dialog.form.errors.values()]:
        assert "locked" not in label.text() and "server closed" not in label.text()
    assert dialog.secret.text() == secret
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    if pin:
        assert accounts.unlock(None, "amy", "9876").id == amy.id
    else:
        assert accounts.login("amy", "Newpass123").id == amy.id


def test_rule_tabs_keep_the_form(area, faults):
    tab = area.fees_tab
    expert = FeeClass.get(FeeClass.code == "expert")
    for r in range(tab.table.rowCount()):
        if tab.table.item(r, 0).text() == "expert":
            tab.table.selectRow(r)
    tab.amount.setText("60")
    with faults.on():
        assert not tab.submit()
    said(tab.form.general)
    assert tab.amount.text() == "60" and FeeClass.get_by_id(expert.id).amount_fen == 5000
    assert tab.submit()
    assert FeeClass.get_by_id(expert.id).amount_fen == 6000
    # Reading each rules list, and switching an entry off.
    for rules in (area.departments_tab, area.doctors_tab, area.fees_tab, area.grooming_tab):
        rules.message.clear()
        with faults.on():
            rules.refresh()
        said(rules.message)
        rules.refresh()
    dept = area.departments_tab
    dept.table.selectRow(0)
    dept.message.clear()
    with faults.on():
        dept._toggle()
    said(dept.message)


def test_settings_tab(area, faults):
    tab = area.settings_tab
    tab.idle.setValue(3)
    with faults.on():
        assert not tab.submit()
    said(tab.form.general)
    assert tab.idle.value() == 3 and settings.get("security.idle_lock_minutes") == 5
    assert tab.submit()
    assert settings.get("security.idle_lock_minutes") == 3
    with faults.on():
        tab.load()
    said(tab.message)


def test_audit_tab(area, faults):
    tab = area.audit_tab
    with faults.on():
        tab.refresh()
        tab._fill_choices()
    error = said(tab.count)
    tab.refresh()
    assert tab.count.text() != error


def test_backup_tab(area, ctx, qtbot, faults, tmp_path, monkeypatch):
    settings.set("backup.folder", str(tmp_path))
    tab = area.backup_tab
    with faults.on():
        tab.refresh()
    said(tab.folder)
    tab.refresh()
    assert str(tmp_path) in tab.folder.text()

    real_make = backup.make_backup

    def broken_make(**kwargs):
        raise faults.make()

    monkeypatch.setattr(backup, "make_backup", broken_make)
    tab.back_up_now()
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10000)
    said(tab.status)
    monkeypatch.setattr(backup, "make_backup", real_make)
    tab.back_up_now()
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10000)
    assert len(backup.list_backups(tmp_path)) == 1, tab.status.text()
    tab.refresh()
    assert tab.table.rowCount() == 1

    def broken_restore(path, **kwargs):
        raise faults.make()

    monkeypatch.setattr(backup, "restore", broken_restore)
    tab.table.selectRow(0)
    monkeypatch.setattr(tab, "_loss", lambda path: "")
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.restore_selected()
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=10000)
    said(tab.status)
