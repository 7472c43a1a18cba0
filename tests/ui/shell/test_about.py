"""Help → About: what IT asks on the phone, and a Copy button for the ticket."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from frontdesk import __version__, logs
from frontdesk.db.migrations import latest_version
from frontdesk.ui import translation
from frontdesk.ui.shell.about import AboutDialog
from frontdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, rules_db, ctx):
    translation.install("zh_CN")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    translation.install("zh_CN")


def test_help_about_shows_version_database_log_and_schema(window, qtbot, ctx):
    assert window.menu_help.title() == "帮助(&H)"
    window.act_about.trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, AboutDialog) and w.isVisible()]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于 Frontdesk"
    assert dialog.value("version") == __version__
    db_file = ctx.db_url.removeprefix("sqlite:///")
    assert dialog.value("database") == f"SQLite {db_file}"
    assert dialog.value("log") == str(logs.log_file())
    assert dialog.value("schema").startswith(f"{latest_version()}（")
    assert "PySide6" in dialog.value("qt") and dialog.value("python")

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert f"Frontdesk: {__version__}" in text and "Schema version: " in text
    assert "Database: SQLite" in text and "Log file: " in text and "Qt: " in text
    dialog.close()


def test_a_server_database_shows_no_password(qtbot, rules_db):
    dialog = AboutDialog("postgresql://desk:s3cret@db.hospital.local:5433/frontdesk")
    qtbot.addWidget(dialog)
    assert dialog.value("database") == "PostgreSQL frontdesk @ db.hospital.local:5433"
    dialog.copy_facts()
    assert "s3cret" not in QGuiApplication.clipboard().text()


def test_no_shortcut_is_bound_twice(window):
    from PySide6.QtGui import QAction

    bound = [a.shortcut().toString() for a in window.findChildren(QAction)
             if not a.shortcut().isEmpty()]
    assert len(bound) == len(set(bound)), bound
    assert QKeySequence("Ctrl+1").toString() in bound
