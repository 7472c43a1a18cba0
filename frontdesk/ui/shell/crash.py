"""When something goes wrong in the app: Qt's messages into the log, and one calm dialog.

An exception nobody caught (in a slot, an event handler or another thread) is
logged, masked, to the log file and shown as "Something went wrong; what you
saved is safe" with a button that copies a technical report for IT. The app
keeps running. While that dialog is open, further exceptions (a burst from one
fault) are only logged: the desk sees one dialog, not a stack of them.

A database driver error that a screen's refresh let through (another desk holds the
SQLite file, the server went away while a change signal refreshed a list) is not a
crash: it is translated like any other (db.faults) and its sentence shown in the status
bar of the window the person is using, with no technical report.
"""

from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, Slot, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk import logs
from frontdesk.ui.widgets.copy_row import CopyCloseRow
from frontdesk.ui.widgets.retranslate import Retranslating

qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context, message: str) -> None:
    """Qt's own warnings (a missing font, a bad style sheet) go to the log like ours."""
    category = getattr(context, "category", None) or "default"
    prefix = "" if category == "default" else f"{category}: "
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", prefix, message)


def qt_versions() -> list[tuple[str, str]]:
    """(label, value) lines about Qt for the reports IT reads."""
    import PySide6
    from PySide6.QtCore import qVersion

    platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else "-"
    return [("Qt", f"{qVersion()} (PySide6 {PySide6.__version__}, {platform_name})")]


class CrashDialog(Retranslating, QDialog):
    """"Something went wrong; what you saved is safe", with Copy details and Close."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.message = QLabel()
        self.message.setObjectName("crashMessage")
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.details = QPlainTextEdit(report)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(160)
        row = CopyCloseRow(self, self.copy_details, "copyDetailsButton")
        self.copied, self.copy_button, self.close_button = (
            row.copied, row.copy_button, row.close_button)
        self.copied.setObjectName("crashCopied")

        buttons = row
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(560, 320)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Something went wrong"))
        self.message.setText(self.tr("Something went wrong; what you saved is safe."))
        self.hint.setText(self.tr("You can close this message and carry on. If it happens "
                                  "again, copy the details and send them to IT."))
        self.copy_button.setText(self.tr("&Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy details for IT"))
        self.close_button.setText(self.tr("Close"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copied.setText(self.tr("Copied. Paste it into the message to IT."))


class CrashHandler(QObject):
    """The app's sys.excepthook / threading.excepthook while the window is up."""

    _report = Signal(str)  # from any thread; the dialog is shown on the UI thread
    _notice = Signal(str)  # a database sentence, shown on the UI thread
    NOTICE_MS = 15_000

    def __init__(self, db_url: str, parent: QObject | None = None):
        super().__init__(parent)
        self.db_url = db_url
        self.dialog: CrashDialog | None = None
        self.suppressed = 0  # exceptions only logged while the dialog was open
        self._report.connect(self._show)
        self._notice.connect(self._show_notice)
        self.notices: list[str] = []  # what was said, latest last (tests, diagnostics)
        self._box: QMessageBox | None = None
        self._previous = None
        self._previous_thread = None
        self._previous_qt = None

    def install(self) -> CrashHandler:
        self._previous, sys.excepthook = sys.excepthook, self.excepthook
        self._previous_thread, threading.excepthook = threading.excepthook, self.thread_excepthook
        self._previous_qt = qInstallMessageHandler(qt_message_handler)
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread
        qInstallMessageHandler(self._previous_qt)

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback,
                    thread_name=getattr(args.thread, "name", None))

    def handle(self, exc_type, exc, tb, *, thread_name: str | None = None) -> None:
        """Log the exception and ask the UI thread to show the dialog (if none is open)."""
        try:
            from frontdesk.db import faults

            if exc is not None and faults.is_driver_error(exc):
                # translate() logs it with its traceback; the desk gets the sentence.
                self._notice.emit(faults.translate(exc, what="screen refresh").message())
                return
        except Exception:  # never fail while reporting a failure: fall back to the dialog
            logging.getLogger(__name__).exception("could not translate a database error")
        logs.log_unhandled(exc_type, exc, tb, thread_name=thread_name)
        try:
            from frontdesk import diagnostics

            facts = diagnostics.gather(self.db_url, ask_database=False)
            report = diagnostics.crash_report(exc_type, exc, tb, facts, qt_versions())
        except Exception:  # the report is a courtesy: never fail while reporting a failure
            logging.getLogger(__name__).exception("could not build the crash report")
            report = logs.scrub(f"{exc_type.__name__}: {exc}")
        self._report.emit(report)

    @Slot(str)
    def _show(self, report: str) -> None:
        if self.dialog is not None:
            self.suppressed += 1
            return
        if QApplication.instance() is None:
            return
        # No parent: a parent window closing (or itself failing) must not take it along.
        self.dialog = CrashDialog(report)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    @Slot(str)
    def _show_notice(self, text: str) -> None:
        self.notices.append(text)
        del self.notices[:-20]
        window = QApplication.activeWindow()
        windows = [window] if window is not None else []
        windows += [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for w in windows:
            w = w.window()
            if isinstance(w, QMainWindow):
                w.statusBar().showMessage(text, self.NOTICE_MS)
                return
        # No main window (log-in, a dialog on its own): one message box, its text updated.
        if self._box is None:
            self._box = QMessageBox(QMessageBox.Icon.Warning, "Frontdesk", text)
            self._box.setObjectName("databaseNotice")
            self._box.finished.connect(self._box_closed)
            self._box.show()
        else:
            self._box.setText(text)

    def _box_closed(self, _result: int) -> None:
        box, self._box = self._box, None
        if box is not None:
            box.deleteLater()

    def _closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()


def install(db_url: str) -> CrashHandler:
    """Route Qt's messages to the log and show unhandled exceptions in one dialog."""
    app = QApplication.instance()
    return CrashHandler(db_url, app).install()
