"""Printing a demo visit's slips from the desk: settings, audit only when printed, reprint."""

from __future__ import annotations

import os
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTableWidget  # noqa: E402

from frontdesk import settings  # noqa: E402
from frontdesk.db.models import Patient, Staff, Visit  # noqa: E402
from frontdesk.slips import source  # noqa: E402
from frontdesk.ui.reception.slip_actions import ReprintDialog, print_visit_slip  # noqa: E402
from frontdesk.ui.widgets import printing  # noqa: E402
from frontdesk.ui.widgets.printing import PrintOutcome  # noqa: E402
from tests.helpers.actors import viewer

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_ctx(demo_db):
    from frontdesk.ui.context import AppContext

    context = AppContext(db_url=str(demo_db.database))
    context.set_staff(Staff.get(Staff.username == "desk1"))
    yield context
    context.tasks.wait()


@pytest.fixture
def visit() -> Visit:
    return (Visit.select().join(Patient).where(Patient.vip_tier == "")
            .order_by(Visit.id).first())


def pdf_printer(path):
    def make():
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(path))
        return p

    return make


def dialog_says(code):
    calls = []

    def run(dialog):
        calls.append(dialog.objectName())
        return code

    run.calls = calls
    return run


def never_called(dialog):
    raise AssertionError("the print dialog must not open")


def page_size(path) -> str:
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size:"))


def snapshot(visit_id: int) -> tuple:
    v = Visit.get_by_id(visit_id)
    return v.stage, v.version, v.updated_at


def test_print_without_asking_prints_and_records_once(qtbot, demo_ctx, visit, tmp_path):
    settings.set("printing.print_without_asking", True)
    out = tmp_path / "printed.pdf"
    before = snapshot(visit.id)
    result = print_visit_slip(demo_ctx, visit.id, "guide", preview=True,
                              run_dialog=never_called, printer_factory=pdf_printer(out))
    assert result.ok, result.message
    assert result.outcome is PrintOutcome.PRINTED and result.pages == 1
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    history = source.print_history(visit.id, actor=viewer())
    assert len(history) == 1
    entry = history[0]
    assert (entry.kind, entry.fmt, entry.exported) == ("guide", "roll80", False)
    assert entry.staff_name == demo_ctx.staff.display_name
    assert entry.printer == result.printer
    assert snapshot(visit.id) == before  # printing never moves the visit


def test_print_dialog_accepted_uses_the_kind_format(qtbot, demo_ctx, visit, tmp_path):
    settings.set("slips.billing.format", "a4")
    out = tmp_path / "billing.pdf"
    run = dialog_says(QDialog.DialogCode.Accepted)
    result = print_visit_slip(demo_ctx, visit.id, "billing", preview=False,
                              run_dialog=run, printer_factory=pdf_printer(out))
    assert result.ok, result.message
    assert run.calls == ["printDialog"]
    size = page_size(out)
    assert "595" in size and ("841" in size or "842" in size), size  # A4, from the setting
    [entry] = source.print_history(visit.id, actor=viewer())
    assert (entry.kind, entry.fmt) == ("billing", "a4")


def test_cancelled_print_records_nothing(qtbot, demo_ctx, visit, tmp_path):
    out = tmp_path / "never.pdf"
    before = snapshot(visit.id)
    result = print_visit_slip(demo_ctx, visit.id, "guide", preview=False,
                              run_dialog=dialog_says(QDialog.DialogCode.Rejected),
                              printer_factory=pdf_printer(out))
    assert result.outcome is PrintOutcome.CANCELLED and not result.ok
    assert "Nothing was changed" in result.message
    assert not out.exists()
    assert source.print_history(visit.id, actor=viewer()) == []
    assert snapshot(visit.id) == before


def test_preview_then_print(qtbot, demo_ctx, visit, tmp_path, monkeypatch):
    out = tmp_path / "from_preview.pdf"
    shown = []

    def exec_and_press_print(dialog):
        shown.append(dialog.page_count())
        dialog.findChild(QPushButton, "printButton").click()
        return dialog.result()

    monkeypatch.setattr(printing.PrintPreviewDialog, "exec", exec_and_press_print)
    result = print_visit_slip(demo_ctx, visit.id, "guide",
                              run_dialog=dialog_says(QDialog.DialogCode.Accepted),
                              printer_factory=pdf_printer(out))
    assert shown == [1]
    assert result.ok, result.message
    assert len(source.print_history(visit.id, actor=viewer())) == 1


def test_preview_closed_without_printing(qtbot, demo_ctx, visit, monkeypatch):
    monkeypatch.setattr(printing.PrintPreviewDialog, "exec", lambda dialog: dialog.reject())
    result = print_visit_slip(demo_ctx, visit.id, "billing", run_dialog=never_called,
                              printer_factory=pdf_printer("/nonexistent/x.pdf"))
    assert result.outcome is PrintOutcome.CANCELLED
    assert source.print_history(visit.id, actor=viewer()) == []


def test_vanished_printer_says_nothing_changed(qtbot, demo_ctx, visit, tmp_path):
    settings.set("printing.print_without_asking", True)
    settings.set("printing.guide.printer", "Roll printer that was unplugged")
    result = print_visit_slip(demo_ctx, visit.id, "guide", run_dialog=never_called,
                              printer_factory=pdf_printer(tmp_path / "x.pdf"))
    assert result.outcome is PrintOutcome.PRINTER_MISSING
    assert "Roll printer that was unplugged" in result.message
    assert "nothing was changed" in result.message
    assert not (tmp_path / "x.pdf").exists()
    assert source.print_history(visit.id, actor=viewer()) == []


def test_unknown_visit_and_untriaged_visit(qtbot, demo_ctx, tmp_path):
    result = print_visit_slip(demo_ctx, 987654, "guide", run_dialog=never_called,
                              printer_factory=pdf_printer(tmp_path / "x.pdf"))
    assert result.outcome is PrintOutcome.FAILED
    assert "987654" in result.message and "Nothing was printed" in result.message
    fresh = Visit.create(visit_date="2026-11-23", stage="GREETING")
    result = print_visit_slip(demo_ctx, fresh.id, "billing", run_dialog=never_called,
                              printer_factory=pdf_printer(tmp_path / "x.pdf"))
    assert result.outcome is PrintOutcome.FAILED and "分诊" in result.message
    assert not (tmp_path / "x.pdf").exists()
    assert source.print_history(fresh.id, actor=viewer()) == []


def test_nobody_logged_in_prints_nothing(qtbot, demo_ctx, visit, tmp_path):
    demo_ctx.set_staff(None)
    result = print_visit_slip(demo_ctx, visit.id, "guide", run_dialog=never_called,
                              printer_factory=pdf_printer(tmp_path / "x.pdf"))
    assert result.outcome is PrintOutcome.FAILED and "登录" in result.message
    assert source.print_history(visit.id, actor=viewer()) == []


def test_reprint_dialog_lists_the_history_and_reprints(qtbot, demo_ctx, visit, tmp_path):
    settings.set("printing.print_without_asking", True)
    first = print_visit_slip(demo_ctx, visit.id, "billing", fmt="a5", run_dialog=never_called,
                             printer_factory=pdf_printer(tmp_path / "first.pdf"))
    assert first.ok
    dlg = ReprintDialog(demo_ctx, visit.id, preview=False, run_dialog=never_called,
                        printer_factory=pdf_printer(tmp_path / "again.pdf"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.objectName() == "reprintDialog"
    table = dlg.findChild(QTableWidget, "printHistoryTable")
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[1] == "Billing slip" and row[2] == "A5"
    assert row[4] == demo_ctx.staff.display_name
    button = dlg.findChild(QPushButton, "reprintButton")
    assert button.isEnabled()
    button.click()
    assert dlg.last_result is not None and dlg.last_result.ok, dlg.last_result
    assert (tmp_path / "again.pdf").exists()
    # the reprint is on paper of the same size as the first print
    assert page_size(tmp_path / "again.pdf") == page_size(tmp_path / "first.pdf")
    assert table.rowCount() == 2
    history = source.print_history(visit.id, actor=viewer())
    assert [(h.kind, h.fmt) for h in history] == [("billing", "a5"), ("billing", "a5")]
    assert dlg.findChild(QLabel, "reprintStatus").text() == dlg.last_result.message


def test_reprint_dialog_without_history(qtbot, demo_ctx, visit):
    dlg = ReprintDialog(demo_ctx, visit.id, preview=False, run_dialog=never_called)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.findChild(QTableWidget, "printHistoryTable").isHidden()
    assert dlg.findChild(QLabel, "printHistoryEmpty").isVisible()
    assert not dlg.findChild(QPushButton, "reprintButton").isEnabled()
    assert dlg.reprint() is None
    assert source.print_history(visit.id, actor=viewer()) == []


def test_reprint_dialog_unknown_visit_says_so(qtbot, demo_ctx):
    dlg = ReprintDialog(demo_ctx, 987654, preview=False, run_dialog=never_called)
    qtbot.addWidget(dlg)
    assert "987654" in dlg.findChild(QLabel, "reprintStatus").text()
    assert not dlg.findChild(QPushButton, "reprintButton").isEnabled()
