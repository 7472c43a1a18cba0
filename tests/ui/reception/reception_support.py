"""Shared set-up for the reception screen tests: the clock at NOW, staff, typing helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import DEMO_TODAY
from tests.helpers.actors import viewer

# A Monday morning in clinic hours, on the demo hospital's "today".
NOW = dt.datetime.combine(DEMO_TODAY, dt.time(10, 0))


@pytest.fixture
def pinned(clock):
    """The clock stands at NOW (the demo's Monday, 10:00) for the whole test."""
    clock.freeze(NOW)
    return NOW


@pytest.fixture
def desk_staff(demo_db):
    from frontdesk.db.models import Staff

    return Staff.get(Staff.username == "desk1")


@pytest.fixture
def demo_ctx(demo_db, desk_staff):
    """An AppContext on the demo hospital (the `ctx` fixture would open an empty database)."""
    from frontdesk.ui.context import AppContext

    context = AppContext(db_url=str(demo_db.database), staff=desk_staff)
    yield context
    context.tasks.wait()


@pytest.fixture
def area(qtbot, demo_ctx, pinned):
    """The reception area as the desk sees it, logged in as desk1."""
    from frontdesk.ui.reception.area import ReceptionArea

    ctx = demo_ctx
    widget = ReceptionArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    # Shortcuts (F2, F4, Ctrl+Enter…) only fire in the active window.
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def type_text(widget, text: str) -> None:
    """Type like a person: ASCII as key presses, Chinese as an input-method commit."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            from PySide6.QtTest import QTest

            QTest.keyClick(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def press(qtbot, widget, key=Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def actions(visit_id: int) -> list[str]:
    from frontdesk import reception

    return [e.action for e in reception.get_visit(visit_id, actor=viewer()).events]


def arrive(area, qtbot, *, booked: bool, first_visit: bool) -> int:
    """The door guide records an arrival with the keyboard only; returns the visit id."""
    door = area.show_door()
    qtbot.keyClick(door, Qt.Key.Key_F2)
    qtbot.keyClick(door, Qt.Key.Key_1 if booked else Qt.Key.Key_2)
    qtbot.keyClick(door, Qt.Key.Key_3 if first_visit else Qt.Key.Key_4)
    qtbot.keyClick(door, Qt.Key.Key_Return)
    assert door.last_visit is not None, door.message.text()
    return door.last_visit.id


def pdf_slip_printer(tmp_path, files: list, name: str = "{kind}-{visit_id}.pdf"):
    """A desk's slip_printer that prints each slip to a PDF in tmp_path (no preview, no
    dialog) through the real print path; each file is appended to `files`."""
    from PySide6.QtPrintSupport import QPrinter

    from frontdesk.ui.reception.slip_actions import print_visit_slip

    def to_pdf(ctx, visit_id, kind, parent):
        out = tmp_path / name.format(kind=kind, visit_id=visit_id)
        files.append(out)

        def factory():
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            return printer

        return print_visit_slip(ctx, visit_id, kind, parent, preview=False,
                                run_dialog=lambda _d: 1, printer_factory=factory)

    return to_pdf
