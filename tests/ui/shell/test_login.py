"""The log-in dialog: success sets the session; each failure is told at its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import accounts
from frontdesk.db.models import AuditLog, Staff
from frontdesk.ui.shell.login import LoginDialog, ask_login

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, ctx, make_staff):
    make_staff("desk", username="amy", name="艾米")
    make_staff("guide", username="gone")
    admin = make_staff("admin")
    accounts.deactivate_staff(actor=admin, staff_id=Staff.get(Staff.username == "gone").id)
    dlg = LoginDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def type_and_submit(qtbot, dlg, username, password):
    dlg.form.username.clear()
    dlg.form.secret.clear()
    qtbot.keyClicks(dlg.form.username, username)
    qtbot.keyClicks(dlg.form.secret, password)
    qtbot.mouseClick(dlg.form.submit, Qt.MouseButton.LeftButton)


def test_login_success_accepts(qtbot, dialog):
    type_and_submit(qtbot, dialog, "amy", "pw123456")
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.staff.username == "amy"
    assert AuditLog.get(AuditLog.action == "login").staff_id == dialog.staff.id


@pytest.mark.parametrize("username,password,where,text", [
    ("", "pw123456", "username", "请输入用户名"),
    ("amy", "", "password", "请输入密码"),
    ("nobody", "pw123456", "username", "没有这个用户名的员工"),
    ("amy", "wrongpass1", "password", "密码不正确"),
    ("gone", "pw123456", "username", "已停用"),
])
def test_login_failure_message_at_field(qtbot, dialog, username, password, where, text):
    type_and_submit(qtbot, dialog, username, password)
    assert dialog.isVisible() and dialog.staff is None
    label = dialog.form.username_error if where == "username" else dialog.form.secret_error
    other = dialog.form.secret_error if where == "username" else dialog.form.username_error
    assert label.isVisible() and text in label.text()
    assert not other.isVisible()
    if where == "password" and password:
        assert dialog.form.secret.text() == ""  # a wrong password is cleared for the next try
    amy = Staff.get(Staff.username == "amy")
    assert amy.failed_logins == (1 if password == "wrongpass1" else 0)


def test_lockout_message_shows_wait(qtbot, dialog):
    from frontdesk import settings

    settings.set("security.lockout_after", 2)
    for _ in range(2):
        type_and_submit(qtbot, dialog, "amy", "wrongpass1")
    assert "锁定" in dialog.form.secret_error.text()
    type_and_submit(qtbot, dialog, "amy", "pw123456")  # refused while the account waits
    assert dialog.staff is None and "锁定" in dialog.form.secret_error.text()


def test_ask_login_sets_the_session(qtbot, ctx, make_staff, monkeypatch):
    make_staff("desk", username="amy")
    seen = []
    ctx.changes.session_changed.connect(lambda: seen.append(ctx.staff))

    def fake_exec(self):
        self.try_login("amy", "pw123456")
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    assert ask_login(ctx) is True
    assert ctx.staff.username == "amy" and seen and seen[0].username == "amy"


def test_cancel_logs_nobody_in(qtbot, ctx, make_staff, monkeypatch):
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    assert ask_login(ctx) is False and ctx.staff is None
