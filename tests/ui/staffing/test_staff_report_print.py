"""The monthly staff report's Print (ledger tab): the real preview dialog and print flow; the
audit log notes a print only once the printer took it (not when the preview opened, not when
the person closed it unprinted)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from frontdesk.db.models import AuditLog
from frontdesk.ui.widgets.printing import PrintSettings, SlipPrinter
from tests.helpers.clock import TEST_NOW

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(qtbot, rules_db, make_staff, ctx):
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.ledger_tab import LedgerTab

    translation.install("zh_CN")
    ctx.set_staff(make_staff("supervisor", name="雷婷婷", pin="1001"))
    w = LedgerTab(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def prints():
    return list(AuditLog.select().where(AuditLog.action == "print", AuditLog.entity == "report"))


def open_preview(qtbot, tab):
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "preview", None) is not None
                    and tab.preview.isVisible(), timeout=20000)
    assert tab.preview.page_count() >= 1  # the real preview shows the report
    return tab.preview


def printer_to(dialog, path, answer):
    """The preview's printer: Qt's print dialog answered with `answer`, paper a PDF file."""

    def make():
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(path))
        return p

    dialog.printer = SlipPrinter(PrintSettings(), dialog, run_dialog=lambda _d: answer,
                                 printer_factory=make)


def test_a_preview_closed_unprinted_is_not_audited(qtbot, tab):
    dialog = open_preview(qtbot, tab)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert prints() == []


def test_a_cancelled_print_dialog_is_not_audited(qtbot, tab, tmp_path):
    out = tmp_path / "paper.pdf"
    dialog = open_preview(qtbot, tab)
    printer_to(dialog, out, QDialog.DialogCode.Rejected)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not out.exists()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert prints() == []


def test_a_print_made_is_audited_once_with_its_printer(qtbot, tab, tmp_path):
    out = tmp_path / "paper.pdf"
    dialog = open_preview(qtbot, tab)
    printer_to(dialog, out, QDialog.DialogCode.Accepted)
    assert prints() == []  # the preview is up: nothing printed yet
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and out.read_bytes().startswith(b"%PDF")
    [entry] = prints()
    detail = json.loads(entry.detail)
    assert entry.staff_id == tab.ctx.staff.id
    assert entry.entity_id == f"staff-{TEST_NOW:%Y-%m}"
    assert detail["report"] == "staff_month" and detail["by"] == "雷婷婷"
    assert detail["printer"] == str(out)
    assert str(out) in tab.report_status.text()
