"""The window opens before anything else loads: the desk's layout in shapes, then the desk.

What the issue asks (#20, start-up to the first painted frame) is checked by what the
first frame needs, not by time: no database, no ORM, no style, no screens, no text.
"""

import subprocess
import sys

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox

from frontdesk.db import connection
from frontdesk.db.models import Staff
from frontdesk.ui.shell import app as app_module
from frontdesk.ui.shell.main_window import AREAS, MainWindow
from frontdesk.ui.shell.skeleton import NAV_ITEMS, NAV_WIDTH, Skeleton

pytestmark = pytest.mark.gui


class _Painted(QObject):
    """Counts the Paint events of `window` and its children."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.count = 0
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Paint and hasattr(obj, "window")
                and obj.window() is self.window):
            self.count += 1
        return False

    def stop(self):
        QApplication.instance().removeEventFilter(self)


def test_an_unbuilt_window_shows_the_desk_in_shapes_without_text(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.attached
    skeleton = window.centralWidget()
    assert isinstance(skeleton, Skeleton)
    assert not window.findChildren(QLabel) and not window.findChildren(QListWidget)
    window.show()
    qtbot.waitExposed(window)
    # the navigation column where the navigation will be, one shape per area
    assert NAV_ITEMS == len(AREAS)
    nav = skeleton.layout().itemAt(0).widget()
    assert nav.width() == NAV_WIDTH and nav.layout().count() == NAV_ITEMS + 1  # + stretch
    assert window.windowTitle() == "Frontdesk"


def test_attach_builds_the_window_once_in_place_of_the_shapes(qtbot, rules_db, ctx):
    window = MainWindow()
    qtbot.addWidget(window)
    skeleton = window.centralWidget()
    window.attach(ctx)
    assert window.attached and window.ctx is ctx
    assert window.nav.count() == len(AREAS) and window.nav.item(0).text()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(skeleton)  # replaced by the built window, and gone
    assert not window.findChildren(Skeleton)
    with pytest.raises(RuntimeError):
        window.attach(ctx)


def test_a_language_change_before_the_window_is_built_is_harmless(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert not window.attached


def test_start_up_paints_the_window_before_it_opens_the_database(tmp_path, monkeypatch, qapp):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app_module.open_and_prepare(url, demo=True)
    connection.close()
    seen = {}
    real_show = app_module.show_first_frame

    def show(window, **kwargs):
        seen["painter"] = _Painted(window)
        real_show(window, **kwargs)

    def opened(*args, **kwargs):
        painted = seen["painter"]
        seen["at open"] = (painted.count, painted.window.isVisible(), painted.window.attached)
        painted.stop()
        return real_open(*args, **kwargs)

    real_open = app_module.open_and_prepare
    monkeypatch.setattr(app_module, "show_first_frame", show)
    monkeypatch.setattr(app_module, "open_and_prepare", opened)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "settle_heap", lambda: None)
    monkeypatch.setattr("frontdesk.ui.shell.login.ask_login",
                        lambda ctx: ctx.set_staff(Staff.get(Staff.username == "desk1")) or True)
    try:
        assert app_module.run_app(url) == 0
        count, visible, attached = seen["at open"]
        assert count > 0 and visible and not attached  # painted, shown, not built yet
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]
        assert window.attached and window.nav.count() == len(AREAS)  # the same window, built
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                if w.attached:
                    w.ctx.tasks.wait()
                w.close()
                w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        connection.close()


def test_a_window_that_is_never_painted_does_not_hold_up_the_start(monkeypatch, qapp):
    window = MainWindow()
    monkeypatch.setattr(app_module, "FIRST_FRAME_WAIT_MS", 50)
    monkeypatch.setattr(window, "show", lambda: None)  # minimised, or never exposed
    app_module.show_first_frame(window, smoke=True)  # returns: the wait is bounded
    assert not window.isVisible()
    window.deleteLater()


def test_a_database_that_does_not_open_closes_the_unbuilt_window(tmp_path, monkeypatch, qapp):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, *args: shown.append(parent))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database" * 50)
    assert app_module.run_app(f"sqlite:///{bad}") == 2
    [parent] = shown
    assert isinstance(parent, MainWindow)  # the message stands over the window just opened
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]


FIRST_FRAME_PROBE = """
import os, sys
from frontdesk.ui.shell import app
real = app.show_first_frame

def show(window, **kwargs):
    real(window, **kwargs)
    heavy = ("peewee", "sqlite3", "frontdesk.db.models", "frontdesk.db.connection",
             "frontdesk.settings", "frontdesk.ui.style", "frontdesk.ui.context",
             "frontdesk.ui.reception.area", "frontdesk.ui.translation", "frontdesk.logs",
             "logging.handlers")
    print("loaded:", [m for m in heavy if m in sys.modules], flush=True)
    os._exit(0)

app.show_first_frame = show
from frontdesk.cli import main
main(["--db", "sqlite:///" + sys.argv[1], "--smoke"])
"""


def test_the_first_frame_loads_neither_the_database_nor_the_screens(tmp_path):
    # nor the log file's machinery: the log starts just after the first frame
    # What keeps the first frame near a bare window's cost (bench/run.py, start-up row):
    # a module added to this path shows up here, not only in the benchmark.
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, str(tmp_path / "x.sqlite3")],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "loaded: []" in out.stdout, out.stdout + out.stderr


def test_opening_the_app_still_writes_its_log_file_from_the_first_frame_on(tmp_path):
    # The log starts after the first frame (above): a start still leaves its lines.
    import os

    data = tmp_path / "data"
    out = subprocess.run(
        [sys.executable, "-m", "frontdesk", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
         "--smoke"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_DATA_DIR": str(data)})
    assert out.returncode == 0, out.stderr
    text = (data / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    assert "Frontdesk " in text and "database:" in text
