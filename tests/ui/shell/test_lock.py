"""Idle lock with a shortened timeout: patient data covered and unreachable; unlock restores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from frontdesk.db.models import AuditLog
from frontdesk.ui.shell import lock as lock_mod
from frontdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui

PATIENT = "王小明 13800138000"


@pytest.fixture
def desk(qtbot, ctx, make_staff):
    amy = make_staff("desk", username="amy", pin="1234")
    ctx.set_staff(amy)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = QWidget()
    page.setObjectName("patientPage")
    layout = QVBoxLayout(page)
    page.label = QLabel(PATIENT)
    page.label.setStyleSheet("background: white; color: black; font-size: 18pt;")
    page.edit = QLineEdit(PATIENT)
    layout.addWidget(page.label)
    layout.addWidget(page.edit)
    window.stack.addWidget(page)
    window.stack.setCurrentWidget(page)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    idle = lock_mod.install(window, ctx, timeout_ms=60_000)  # tests that wait shorten it
    return window, page, idle


def covered(window, widget) -> bool:
    cover = window.findChild(QWidget, "lockOverlay")
    if cover is None or not cover.isVisible():
        return False
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return cover.geometry().contains(rect)


def test_idle_timeout_locks_and_hides_patient_data(qtbot, desk):
    window, page, idle = desk
    idle.set_timeout_ms(150)
    qtbot.waitUntil(idle.is_locked, timeout=3000)
    assert covered(window, window.centralWidget())
    assert covered(window, page.label)
    assert not page.edit.isEnabled() and not window.menuBar().isEnabled()
    # What is on screen over the patient's name is the cover's colour, not the label's white.
    image = window.grab().toImage()
    corner = page.label.mapTo(window, QPoint(6, 6))
    assert image.pixelColor(corner).name() == "#0f3d3a"
    # Keyboard: tabbing never reaches the patient fields, and menu shortcuts are off.
    form = idle.form()
    for _ in range(6):
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        assert window.focusWidget() is not page.edit
    assert not window.act_settings.isEnabled()
    entry = AuditLog.select().where(AuditLog.action == "lock").get()
    assert entry.detail == '{"reason": "idle"}'
    assert form.username.text() == "amy"


def test_unlock_with_pin_restores(qtbot, desk, ctx):
    window, page, idle = desk
    idle.lock("manual")
    form = idle.form()
    qtbot.keyClicks(form.secret, "0000")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert idle.is_locked() and "PIN 码不正确" in form.secret_error.text()
    assert form.secret_error.isVisible()
    qtbot.keyClicks(form.secret, "12")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert idle.is_locked() and "4–6 位数字" in form.secret_error.text()
    qtbot.keyClicks(form.secret, "1234")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert not idle.is_locked()
    assert window.findChild(QWidget, "lockOverlay") is None or not window.findChild(
        QWidget, "lockOverlay").isVisible()
    assert page.edit.isEnabled() and window.act_settings.isEnabled()
    assert ctx.staff.username == "amy"
    assert [a.action for a in AuditLog.select().where(AuditLog.action.in_(("lock", "unlock")))
            .order_by(AuditLog.id)] == ["lock", "unlock"]


def test_unlock_with_password_and_empty_fields(qtbot, desk):
    window, page, idle = desk
    idle.lock("manual")
    form = idle.form()
    form.username.clear()
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert "请输入用户名" in form.username_error.text()
    qtbot.keyClicks(form.username, "amy")
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert "请输入密码或 PIN 码" in form.secret_error.text()
    assert idle.is_locked()
    qtbot.keyClicks(form.secret, "pw123456")
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert not idle.is_locked()


def test_switch_user_without_closing(qtbot, desk, ctx, make_staff):
    window, page, idle = desk
    make_staff("guide", username="bob", pin="5678")
    window.findChild(type(idle.act_switch), "actionSwitchUser").trigger()
    assert idle.is_locked() and idle.mode == "switch"
    form = idle.form()
    assert form.username.text() == ""
    qtbot.keyClicks(form.username, "bob")
    qtbot.keyClicks(form.secret, "5678")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert idle.is_locked()  # switching user is a log-in: a PIN is not enough
    form.secret.clear()
    qtbot.keyClicks(form.secret, "pw123456")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert not idle.is_locked() and ctx.staff.username == "bob"
    assert ctx.staff.display_name in window.staff_label.text()


def test_someone_elses_pin_does_not_unlock(qtbot, desk, ctx, make_staff):
    """Was: any staff member's PIN (the admin's too) unlocked the screen as that person."""
    window, page, idle = desk
    make_staff("admin", username="boss", pin="5678")
    idle.lock("manual")
    form = idle.form()
    form.username.clear()
    qtbot.keyClicks(form.username, "boss")
    qtbot.keyClicks(form.secret, "5678")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert idle.is_locked() and ctx.staff.username == "amy"
    assert "切换用户" in form.username_error.text()
    # The lock screen's own "Switch user": a password log-in for someone else.
    switch = window.findChild(QWidget, "lockSwitchUser")
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert idle.mode == "switch" and form.username.text() == "" and not form.allow_pin
    qtbot.keyClicks(form.username, "boss")
    qtbot.keyClicks(form.secret, "pw123456")
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert not idle.is_locked() and ctx.staff.username == "boss"


def test_activity_postpones_the_lock(qtbot, desk):
    window, page, idle = desk
    idle.set_timeout_ms(500)
    for _ in range(10):
        qtbot.wait(70)
        qtbot.keyClick(page.edit, Qt.Key.Key_A)
    assert not idle.is_locked()  # 700 ms of typing under a 500 ms limit
    qtbot.waitUntil(idle.is_locked, timeout=3000)  # and once the typing stops, it locks


def test_open_dialog_is_covered_too(qtbot, desk):
    window, page, idle = desk
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    inside = QLabel(PATIENT, dialog)
    dialog.resize(300, 200)
    dialog.show()
    idle.lock("manual")
    cover = dialog.findChild(QWidget, "lockCover")
    assert cover is not None and cover.isVisible()
    assert cover.geometry().contains(QRect(inside.pos(), inside.size()))
    assert not inside.isEnabled()
    assert idle.try_unlock("amy", "1234")
    assert inside.isEnabled() and not cover.isVisible()
