"""The real start-up path of `frontdesk` (no arguments): database, first run, log-in,
main window with idle lock — with the modal dialogs answered by the test."""

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from frontdesk.db import connection
from frontdesk.db.models import Staff
from frontdesk.ui.admin.backup import DailyBackup
from frontdesk.ui.shell import app as app_module
from frontdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def heap_left_alone():
    """A start in this process freezes the heap at its first event-loop turn (window_up):
    unfrozen after each test, so later tests' garbage cycles are collected as usual."""
    import gc

    yield
    gc.unfreeze()


@pytest.fixture
def no_event_loop(monkeypatch, qapp):
    """run_app ends in app.exec(); return at once so the test can look at the window.

    The heap is not settled in the test process (gc.freeze would keep every later test's
    garbage cycles that exist now); settle_heap has its own test in a new process."""
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "settle_heap", lambda: None)
    yield
    close_main_windows()
    connection.close()


def close_main_windows() -> None:
    """Delete the windows run_app left behind, now, and wait for their background work.

    close() + deleteLater() is not enough: the deletion waits for an event loop, which
    a later test may never run, while the window's timers keep firing on every
    processEvents(). Its daily backup (3 s after start-up) then ran on its own pool
    thread against the database the NEXT test had bound to the models: a second writer
    in that test, "database is locked" in its set-up (issue #12).
    """
    contexts = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.attached:
            contexts.append(widget.ctx)
            widget.ctx.tasks.wait()
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for ctx in contexts:
        ctx.tasks.wait()


def main_windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
            and w.isVisible()]


def test_first_start_of_a_real_installation(tmp_path, monkeypatch, no_event_loop):
    from frontdesk.ui.shell.first_run import FirstRunDialog

    def answer(dialog):
        dialog.name.setText("南城医院")
        dialog.username.setText("chief")
        dialog.display_name.setText("院办主任")
        dialog.password.setText("secret123")
        dialog.password2.setText("secret123")
        dialog.pin.setText("1357")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    login_asked = []
    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login", lambda ctx: login_asked.append(1))
    code = app_module.run_app(f"sqlite:///{tmp_path / 'real.sqlite3'}")
    assert code == 0
    [window] = main_windows()
    assert window.windowTitle().startswith("南城医院")
    assert window.ctx.staff.username == "chief"  # logged in by creating the account
    assert not login_asked
    assert getattr(window, "idle_lock", None) is not None
    assert Staff.get(Staff.username == "chief").role == "admin"


def test_a_started_app_leaves_nothing_running_for_the_next_test(tmp_path, monkeypatch,
                                                                 no_event_loop):
    # Regression (issue #12): the window of a started app, with its daily backup and idle
    # lock timers, must be gone when the test ends, not whenever an event loop next runs.
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app_module.open_and_prepare(url, demo=True)
    connection.close()
    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login",
                        lambda ctx: ctx.set_staff(Staff.get(Staff.username == "desk1")) or True)
    assert app_module.run_app(url) == 0
    [window] = main_windows()
    [daily] = window.findChildren(DailyBackup)
    children = window.findChildren(QObject)
    assert daily.timer.isActive() and window.idle_lock is not None
    close_main_windows()
    # A timer fires through its object (QTimer.singleShot(3000, daily.run) included): all gone.
    assert not shiboken6.isValid(daily)
    assert not any(shiboken6.isValid(c) for c in children)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_cancelled_log_in_opens_nothing(tmp_path, monkeypatch, no_event_loop):
    from frontdesk.db.session import open_database
    from frontdesk.demo import install_demo

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    open_database(url)
    install_demo()
    connection.close()
    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login", lambda ctx: False)
    assert app_module.run_app(url) == 0
    assert not main_windows()


def test_cancelled_first_run_writes_nothing(tmp_path, monkeypatch, no_event_loop):
    from frontdesk import rules
    from frontdesk.ui.shell.first_run import FirstRunDialog

    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.run_app(f"sqlite:///{tmp_path / 'new.sqlite3'}") == 0
    assert not main_windows()
    assert not rules.rules_loaded()


def test_unusable_database_is_one_clear_message(tmp_path, monkeypatch, no_event_loop):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database" * 50)
    assert app_module.run_app(f"sqlite:///{bad}") == 2
    assert len(shown) == 1 and str(bad) in shown[0]
    assert not main_windows()


def test_a_logged_in_start_loads_printing_on_the_worker_after_the_first_frame(
        tmp_path, monkeypatch, no_event_loop):
    # The first slip of the day must not pay for reportlab, the font and QtPdf (issue 20).
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app_module.open_and_prepare(url, demo=True)
    connection.close()
    warmed = []
    monkeypatch.setattr(app_module, "warm_up_printing", lambda: warmed.append(1))
    monkeypatch.setattr(app_module, "warm_up_desk", lambda: warmed.append("desk"))
    monkeypatch.setattr(app_module, "settle_heap", lambda: warmed.append("heap"))  # over the fixture's
    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login",
                        lambda ctx: ctx.set_staff(Staff.get(Staff.username == "desk1")) or True)
    assert app_module.run_app(url) == 0
    [window] = main_windows()
    assert not warmed  # not before the window is up: it waits for the first frame
    painted = []
    window.nav.installEventFilter(
        _Seen(window.nav, QEvent.Type.Paint, lambda: painted.append(list(warmed))))
    for _ in range(50):
        QApplication.processEvents()
        window.ctx.tasks.wait()
        if len(warmed) == 3:
            break
    assert painted and painted[0] == []  # the first frame came before any of it
    assert warmed == ["desk", 1, "heap"]  # the heap is settled after the warm-ups, not before


def test_settling_the_heap_freezes_what_start_up_built():
    import gc
    import subprocess
    import sys

    code = ("import gc; from frontdesk.ui.shell.app import settle_heap; "
            "assert gc.get_freeze_count() == 0; settle_heap(); "
            "assert gc.get_freeze_count() > 1000; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "ok", out.stderr
    assert gc.get_freeze_count() == 0  # the test process itself was left alone


def test_the_desk_warm_up_loads_the_write_paths_the_first_screen_left_out():
    import subprocess
    import sys

    steps = ("frontdesk.reception.steps", "frontdesk.reception.deferred",
             "frontdesk.reception.escorts", "frontdesk.fees")
    code = ("import sys; from frontdesk.ui.shell.app import warm_up_desk; "
            f"steps = {steps!r}; assert not any(s in sys.modules for s in steps); "
            "warm_up_desk(); assert all(s in sys.modules for s in steps); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "ok", out.stderr


def test_the_collector_rests_while_the_window_is_built_and_works_again_after(
        tmp_path, monkeypatch, no_event_loop):
    # Start-up makes long-lived objects only: no cyclic collection until the window is up;
    # the login dialog (a person typing) and everything after the window run with it on.
    import gc

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app_module.open_and_prepare(url, demo=True)
    connection.close()
    seen = {}

    def login(ctx):
        seen["login"] = gc.isenabled()
        ctx.set_staff(Staff.get(Staff.username == "desk1"))
        return True

    real_attach = MainWindow.attach

    def built(self, ctx):
        seen["window"] = gc.isenabled()
        real_attach(self, ctx)

    def loop(self):
        seen["loop"] = gc.isenabled()  # the event loop starts before the first frame
        frozen = gc.get_freeze_count()
        QApplication.processEvents()
        seen["first turn"] = gc.isenabled()  # the window is up: collect as usual
        # ...without walking what start-up built, which is out of the collector's sight
        seen["start-up frozen"] = gc.get_freeze_count() > frozen
        return 0

    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login", login)
    monkeypatch.setattr(MainWindow, "attach", built)
    monkeypatch.setattr(QApplication, "exec", loop)
    assert gc.isenabled()
    assert app_module.run_app(url) == 0
    assert seen == {"login": True, "window": False, "loop": False, "first turn": True,
                    "start-up frozen": True}
    assert gc.isenabled()


def test_the_collector_is_never_left_off_by_a_start_that_fails(tmp_path, monkeypatch, qapp):
    import gc

    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database" * 50)
    assert app_module.run_app(f"sqlite:///{bad}") == 2
    assert gc.isenabled()


class _Seen(QObject):
    """Calls `then` each time `obj` gets an event of `kind`."""

    def __init__(self, obj, kind, then):
        super().__init__(obj)
        self._kind, self._then = kind, then

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == self._kind:
            self._then()
        return False
