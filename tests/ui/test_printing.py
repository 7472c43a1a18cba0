from __future__ import annotations

import io
import os
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialog, QLabel, QPushButton  # noqa: E402

from frontdesk.slips import render_billing, render_guide  # noqa: E402
from frontdesk.slips.samples import sample_billing_slip, sample_guide_slip  # noqa: E402
from frontdesk.ui.widgets.printing import (  # noqa: E402
    PrintOutcome,
    PrintPreviewDialog,
    PrintSettings,
    SlipPrinter,
    SlipPrintSettings,
    load_pdf,
    print_slip,
)

pytestmark = pytest.mark.gui


def two_page_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(100, 700, "page one")
    c.showPage()
    c.drawString(100, 700, "page two")
    c.showPage()
    c.save()
    return buf.getvalue()


def pdf_printer(path):
    def make():
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(path))
        return p

    return make


def never_called(dialog):
    raise AssertionError("the print dialog must not open")


@pytest.fixture
def guide_pdf():
    return render_guide(sample_guide_slip())


def test_preview_shows_the_pdf_pages(qtbot, guide_pdf):
    dlg = PrintPreviewDialog(guide_pdf, title="Guide slip")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.objectName() == "printPreviewDialog"
    assert dlg.page_count() == 1
    page = dlg.findChild(QLabel, "printPreviewPage0")
    assert page is not None and not page.pixmap().isNull()
    image = dlg.page_images()[0]
    # 80 mm wide at 1.5 × 96 dpi, taller than wide, with ink on it
    assert abs(image.width() - 80 / 25.4 * 96 * 1.5 * dlg.devicePixelRatioF()) < 3
    assert image.height() > image.width()
    assert "1" in dlg.findChild(QLabel, "printPreviewPageCount").text()
    assert dlg.findChild(QPushButton, "printButton").isEnabled()
    assert dlg.findChild(QPushButton, "closeButton") is not None


def test_preview_page_count_for_two_pages(qtbot):
    dlg = PrintPreviewDialog(two_page_pdf())
    qtbot.addWidget(dlg)
    assert dlg.page_count() == 2
    assert dlg.findChild(QLabel, "printPreviewPage1") is not None
    assert "2" in dlg.page_count_label.text()


def test_preview_of_bad_bytes(qtbot):
    dlg = PrintPreviewDialog(b"not a pdf")
    qtbot.addWidget(dlg)
    assert dlg.page_count() == 0
    assert not dlg.print_button.isEnabled()


@pytest.mark.parametrize("fmt", ["roll80", "a5", "a4"])
def test_print_to_pdf_file(qtbot, tmp_path, fmt):
    out = tmp_path / "printed.pdf"
    data = render_billing(sample_billing_slip(), fmt)
    printer = SlipPrinter(PrintSettings(), run_dialog=lambda d: QDialog.DialogCode.Accepted,
                          printer_factory=pdf_printer(out))
    result = printer.print_pdf(data, document_name="Billing slip")
    assert result.ok, result.message
    assert result.outcome is PrintOutcome.PRINTED and result.pages == 1
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        size = next(line for line in info.splitlines() if line.startswith("Page size"))
        width_pt = float(size.split()[2])
        expected = {"roll80": 80, "a5": 148, "a4": 210}[fmt] / 25.4 * 72
        assert abs(width_pt - expected) < 2, size


def test_print_without_asking_skips_the_dialog(qtbot, tmp_path, guide_pdf):
    out = tmp_path / "direct.pdf"
    printer = SlipPrinter(PrintSettings(print_without_asking=True), run_dialog=never_called,
                          printer_factory=pdf_printer(out))
    assert printer.print_pdf(guide_pdf).ok
    assert out.exists()


def test_cancelled_dialog_prints_nothing(qtbot, tmp_path, guide_pdf):
    out = tmp_path / "cancelled.pdf"
    seen = []

    def cancel(dialog):
        seen.append(dialog.objectName())
        return QDialog.DialogCode.Rejected

    printer = SlipPrinter(PrintSettings(), run_dialog=cancel, printer_factory=pdf_printer(out))
    result = printer.print_pdf(guide_pdf)
    assert seen == ["printDialog"]
    assert result.outcome is PrintOutcome.CANCELLED and not result.ok
    assert result.message
    assert not out.exists()


def test_vanished_printer_without_asking(qtbot, guide_pdf):
    printer = SlipPrinter(PrintSettings("Gone-Printer-42", print_without_asking=True),
                          run_dialog=never_called)
    result = printer.print_pdf(guide_pdf)
    assert result.outcome is PrintOutcome.PRINTER_MISSING
    assert "Gone-Printer-42" in result.message
    assert result.printer == "Gone-Printer-42"


def test_vanished_printer_when_asking_warns_and_lets_user_choose(qtbot, tmp_path, guide_pdf):
    out = tmp_path / "other.pdf"
    printer = SlipPrinter(PrintSettings("Gone-Printer-42"),
                          run_dialog=lambda d: QDialog.DialogCode.Accepted,
                          printer_factory=pdf_printer(out))
    result = printer.print_pdf(guide_pdf)
    assert result.ok
    assert "Gone-Printer-42" in printer.warning


def test_bad_pdf_fails_cleanly(qtbot):
    result = SlipPrinter(PrintSettings(print_without_asking=True)).print_pdf(b"garbage")
    assert result.outcome is PrintOutcome.FAILED and result.message


def test_preview_print_button_cancel_then_print(qtbot, tmp_path, guide_pdf):
    out = tmp_path / "button.pdf"
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]
    printer = SlipPrinter(PrintSettings(), run_dialog=lambda d: answers.pop(0),
                          printer_factory=pdf_printer(out))
    dlg = PrintPreviewDialog(guide_pdf, printer=printer)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.print_button.click()
    assert dlg.print_result.outcome is PrintOutcome.CANCELLED
    assert dlg.isVisible() and dlg.status_label.text()
    assert not out.exists()
    dlg.print_button.click()
    assert dlg.print_result.ok
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert out.exists()


def test_print_slip_direct_with_per_kind_settings(qtbot, guide_pdf):
    settings = SlipPrintSettings(
        guide=PrintSettings("Gone-Guide-Printer", print_without_asking=True),
        billing=PrintSettings(""),
    )
    result = print_slip(guide_pdf, "guide", settings)
    assert result.outcome is PrintOutcome.PRINTER_MISSING
    assert "Gone-Guide-Printer" in result.message
    with pytest.raises(ValueError):
        settings.for_kind("receipt")


def test_load_pdf_page_count(qtbot):
    doc = load_pdf(two_page_pdf())
    assert doc.pageCount() == 2
    doc.deleteLater()
