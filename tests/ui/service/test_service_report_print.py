"""The service report's Print: the real preview dialog and print flow; the audit log notes
a print only once the printer took it (not when the preview opened, not when the person
closed it or cancelled the print dialog)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from frontdesk.db.models import AuditLog
from frontdesk.service import consultations as cs
from frontdesk.ui.service.service_reports import ServiceReportsPanel
from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings, SlipPrinter

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    from frontdesk.ui import translation

    translation.install("zh_CN")
    ctx.staff = make_staff("supervisor", name="周主管")
    cs.record(actor=ctx.staff, form=dict(channel="phone", phone="13800138000",
                                         outcome=cs.WILL_COME))
    w = ServiceReportsPanel(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.mouseClick(w.show_button, Qt.MouseButton.LeftButton)
    assert w.report is not None and w.print_button.isEnabled()
    return w


def prints():
    return list(AuditLog.select().where(AuditLog.action == "print", AuditLog.entity == "report"))


def in_the_preview(panel, act, seen: list):
    """Once the panel's (modal) print preview is up, `act(dialog)` on it."""

    def poll():
        dialog = next((d for d in panel.findChildren(PrintPreviewDialog) if d.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.page_count())
        try:
            act(dialog)
        finally:  # whatever happened, the modal preview must not stay open
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)


def printer_to(path, answer):
    """The preview's printer: Qt's print dialog answered with `answer`, paper a PDF file."""

    def make():
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(path))
        return p

    def use(dialog):
        dialog.printer = SlipPrinter(PrintSettings(), dialog, run_dialog=lambda _d: answer,
                                     printer_factory=make)

    return use


def test_a_preview_closed_unprinted_is_not_audited(qtbot, panel):
    seen: list = []
    in_the_preview(panel, lambda d: qtbot.mouseClick(d.close_button, Qt.MouseButton.LeftButton),
                   seen)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0] >= 1  # the real preview showed the report's pages
    assert prints() == []


def test_a_cancelled_print_dialog_is_not_audited(qtbot, panel, tmp_path):
    out = tmp_path / "paper.pdf"
    seen: list = []

    def cancel_then_close(dialog):
        printer_to(out, QDialog.DialogCode.Rejected)(dialog)
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        seen.append((dialog.isVisible(), dialog.status_label.text()))  # "cancelled", open
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    in_the_preview(panel, cancel_then_close, seen)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert seen[1] == (True, "已取消打印，未做任何更改。") and not out.exists()
    assert prints() == []


def test_a_print_made_is_audited_once_with_its_printer(qtbot, panel, tmp_path):
    out = tmp_path / "paper.pdf"
    seen: list = []

    def print_it(dialog):
        printer_to(out, QDialog.DialogCode.Accepted)(dialog)
        seen.append(len(prints()))  # the preview is up: nothing printed yet
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    in_the_preview(panel, print_it, seen)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert seen[1] == 0 and out.exists() and out.read_bytes().startswith(b"%PDF")
    [entry] = prints()
    detail = json.loads(entry.detail)
    assert entry.staff_id == panel.ctx.staff.id
    assert entry.entity_id.startswith("consultations-")
    assert detail["report"] == "consultations" and detail["by"] == "周主管"
    assert detail["printer"] == str(out)
    assert str(out) in panel.status.text()  # "已发送到 …"
