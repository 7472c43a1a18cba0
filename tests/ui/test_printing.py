from __future__ import annotations

import io
import os
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtPdfWidgets import QPdfView  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton  # noqa: E402

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
    # Qt's own PDF view shows the document (issue 18, point 4), not home-made images.
    assert isinstance(dlg.view, QPdfView) and dlg.view.document() is dlg.document
    image = dlg.page_images()[0]
    # 80 mm wide at 1.5 × 96 dpi, taller than wide, with ink on it
    assert abs(image.width() - 80 / 25.4 * 96 * 1.5) < 3
    assert image.height() > image.width()
    assert "1" in dlg.findChild(QLabel, "printPreviewPageCount").text()
    assert dlg.findChild(QPushButton, "printButton").isEnabled()
    assert dlg.findChild(QPushButton, "closeButton") is not None


def test_preview_page_count_for_two_pages(qtbot):
    dlg = PrintPreviewDialog(two_page_pdf())
    qtbot.addWidget(dlg)
    assert dlg.page_count() == 2
    assert "2" in dlg.page_count_label.text()


def many_page_a4_pdf(pages: int = 12) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.drawString(40, 800, f"page {n + 1}")
        c.drawRightString(A4[0] - 30, 800, "right edge column")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_preview_pages_zooms_and_keeps_the_a4_width(qtbot):
    """Issue 18, point 4: zoom, page navigation, and no A4 page cut off on the right."""
    dlg = PrintPreviewDialog(many_page_a4_pdf(12), title="Report")
    qtbot.addWidget(dlg)
    dlg.resize(700, 700)  # narrower than an A4 page at 100 %
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()  # the keys are window shortcuts
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=3000)
    assert dlg.page_count() == 12 and "12" in dlg.page_count_label.text()
    # Fit to width: the whole page width is in sight, no sideways scrolling.
    assert dlg.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dlg.view.horizontalScrollBar().maximum() == 0
    # Page navigation: keys, buttons and the page box.
    assert not dlg.prev_button.isEnabled()
    qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    assert dlg.current_page() == 1 and dlg.page_box.value() == 2
    qtbot.keyClick(dlg, Qt.Key.Key_End)
    assert dlg.current_page() == 11 and not dlg.next_button.isEnabled()
    dlg.page_box.setValue(5)
    assert dlg.current_page() == 4
    # Zoom in and out, then back to fit width.
    qtbot.mouseClick(dlg.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dlg.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = dlg.view.zoomFactor()
    qtbot.keyClick(dlg, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dlg.view.zoomFactor() < bigger
    qtbot.keyClick(dlg, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dlg.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.mouseClick(dlg.fit_page_button, Qt.MouseButton.LeftButton)
    assert dlg.view.zoomMode() == QPdfView.ZoomMode.FitInView


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
