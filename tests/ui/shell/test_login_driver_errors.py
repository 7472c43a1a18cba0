"""Log-in, unlock and switch user when the database fails: a sentence at the form, typing kept."""

from __future__ import annotations

import sqlite3

import peewee
import psycopg2
import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import database_proxy
from frontdesk.ui.shell import lock as lock_mod
from frontdesk.ui.shell.login import LoginDialog
from frontdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui

DRIVER_ERRORS = [
    lambda: sqlite3.OperationalError("database is locked"),
    lambda: peewee.InterfaceError("connection already closed"),
    lambda: psycopg2.OperationalError("server closed the connection unexpectedly"),
]


@pytest.fixture(params=range(len(DRIVER_ERRORS)), ids=["sqlite-locked", "interface", "pg"])
def broken(request, monkeypatch, db):
    """Call broken(True) to make every statement fail with the driver error."""
    state = {"on": False}
    real = db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if state["on"]:
            raise DRIVER_ERRORS[request.param]()
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database_proxy.obj, "execute_sql", execute_sql)
    return lambda on: state.__setitem__("on", on)


def submit(qtbot, form, username, secret):
    form.username.setText(username)
    form.secret.setText(secret)
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)


def test_login_says_so_and_keeps_the_fields(qtbot, ctx, make_staff, broken):
    make_staff("desk", username="amy")
    dlg = LoginDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    broken(True)
    submit(qtbot, dlg.form, "amy", "pw123456")
    broken(False)
    assert dlg.result() != LoginDialog.DialogCode.Accepted and dlg.staff is None
    assert dlg.form.secret_error.isVisibleTo(dlg) and dlg.form.secret_error.text().strip()
    assert (dlg.form.username.text(), dlg.form.secret.text()) == ("amy", "pw123456")
    qtbot.mouseClick(dlg.form.submit, Qt.MouseButton.LeftButton)
    assert dlg.result() == LoginDialog.DialogCode.Accepted


@pytest.mark.parametrize("mode", ["manual", "switch"])
def test_lock_unlock_and_switch_say_so(qtbot, ctx, make_staff, broken, mode):
    amy = make_staff("desk", username="amy", pin="1234")
    make_staff("desk", username="bob")
    ctx.set_staff(amy)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    idle = lock_mod.install(window, ctx, timeout_ms=60_000)
    broken(True)
    idle.lock(mode)  # the audit fails: the screen still locks, nothing escapes
    assert idle.is_locked()
    form = idle.form()
    user = "bob" if mode == "switch" else "amy"
    secret = "pw123456" if mode == "switch" else "1234"
    submit(qtbot, form, user, secret)
    assert idle.is_locked()
    assert form.secret_error.text().strip()
    assert (form.username.text(), form.secret.text()) == (user, secret)
    broken(False)
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert not idle.is_locked()
    assert ctx.staff.username == user
    broken(True)
    idle._log_out()  # quitting while the database is gone: nothing escapes
    broken(False)
