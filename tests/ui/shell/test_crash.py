"""An unhandled exception in the running app: logged, masked, one calm dialog, the app goes on."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QtMsgType, Signal, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from frontdesk.ui import translation
from frontdesk.ui.shell import crash

pytestmark = pytest.mark.gui

NAME, PHONE, ID_NUMBER = "王小明", "13800138000", "11010119900307123X"


class Button(QObject):
    clicked = Signal()


@pytest.fixture
def handler(qapp):
    translation.install("zh_CN")
    guard = crash.install("sqlite:///desk.sqlite3")
    yield guard
    guard.uninstall()
    if guard.dialog is not None:
        guard.dialog.close()
    QApplication.processEvents()


def _raise_with_patient_data():
    raise ValueError(f"patient {NAME} phone {PHONE} id {ID_NUMBER}")


def _crash_dialogs():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, crash.CrashDialog) and w.isVisible()]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_one_dialog_and_the_app_goes_on(handler, qtbot, caplog):
    button = Button()
    button.clicked.connect(_raise_with_patient_data)
    # Three failures in a row (one fault, a burst of errors): one dialog.
    for _ in range(3):
        QTimer.singleShot(0, button.clicked.emit)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    qtbot.wait(50)
    assert len(_crash_dialogs()) == 1 and handler.suppressed == 2
    dialog = handler.dialog
    assert dialog.message.text() == "出了点问题；已保存的内容都在。"
    assert [r.getMessage().startswith("unhandled ValueError\n") for r in caplog.records
            if r.name == "frontdesk.unhandled"] == \
        3 * [True]
    assert NAME not in caplog.text and PHONE not in caplog.text

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handler.dialog is None)
    # The app still answers, and the next fault gets its dialog again.
    QTimer.singleShot(0, button.clicked.emit)
    qtbot.waitUntil(lambda: handler.dialog is not None)


def test_copy_details_puts_a_masked_report_on_the_clipboard(handler, qtbot):
    try:
        _raise_with_patient_data()
    except ValueError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)  # what Python calls
    dialog = handler.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text == dialog.report
    for needed in ("Frontdesk: ", "Python: ", "Qt: ", "Database: SQLite desk.sqlite3",
                   "Log file: ", "ValueError", "test_crash.py"):
        assert needed in text
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in text and secret not in dialog.details.toPlainText()
    assert dialog.copied.text()


def test_an_exception_in_a_worker_thread_shows_the_dialog_on_the_ui_thread(handler, qtbot):
    thread = threading.Thread(target=_raise_with_patient_data, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "ValueError" in handler.dialog.report and NAME not in handler.dialog.report


def test_the_dialog_speaks_english_too(handler, qtbot):
    translation.install("en")
    try:
        dialog = crash.CrashDialog("report")
        qtbot.addWidget(dialog)
        assert dialog.message.text() == "Something went wrong; what you saved is safe."
        assert dialog.copy_button.text() == "&Copy details"
    finally:
        translation.install("zh_CN")


def test_qt_messages_go_to_the_log(handler, caplog):
    with caplog.at_level(logging.DEBUG, logger="qt"):
        qWarning(f"font missing for {PHONE}")
    [record] = [r for r in caplog.records if r.name == "qt"]
    assert record.levelno == logging.WARNING and "font missing" in record.getMessage()


def test_levels_of_qt_messages():
    assert crash._QT_LEVELS[QtMsgType.QtCriticalMsg] == logging.ERROR


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("error", ["sqlite-locked", "pg-gone"])
def test_a_database_error_a_refresh_let_through_is_a_sentence_not_a_crash(handler, qtbot, error):
    """A list refreshed on a change signal while another desk holds the file (or the server
    went away): the status bar says so in a sentence; no crash dialog, no traceback."""
    import sqlite3

    import psycopg2
    from PySide6.QtWidgets import QMainWindow

    make = {"sqlite-locked": lambda: sqlite3.OperationalError("database is locked"),
            "pg-gone": lambda: psycopg2.OperationalError("server closed the connection "
                                                         "unexpectedly")}[error]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    button = Button()

    def refresh():
        raise make()

    button.clicked.connect(refresh)
    button.clicked.emit()
    qtbot.waitUntil(lambda: bool(handler.notices))
    QApplication.processEvents()
    assert not _crash_dialogs()
    said = window.statusBar().currentMessage()
    assert said and said == handler.notices[-1]
    assert "Traceback" not in said and "locked" not in said and "server closed" not in said
