"""Print preview and printing of slips: the SAME reportlab PDF on screen and on paper.

The domain layer (:mod:`frontdesk.slips`) makes PDF bytes. Here QtPdf's
QPdfDocument renders those pages into images for the preview, and onto a
QPrinter (at the printer's resolution) for paper. Printer choices are passed in
by the caller (settings storage lives elsewhere): a per-kind default printer
and an optional "print without asking". A cancelled or failed print returns a
:class:`PrintResult` saying so and changes nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.slips.model import SlipKind

MAX_PRINT_DPI = 600  # enough for any slip; keeps page images to a few MB
PREVIEW_ZOOM = 1.5  # page_images(): pixels per CSS pixel (96 dpi)
KINDS = tuple(SlipKind)


class PrintOutcome(enum.Enum):
    PRINTED = "printed"
    CANCELLED = "cancelled"
    FAILED = "failed"
    PRINTER_MISSING = "printer_missing"


@dataclass(frozen=True)
class PrintResult:
    """What happened to a print request; `message` is translated, for the desk."""

    outcome: PrintOutcome
    message: str = ""
    printer: str = ""
    pages: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome is PrintOutcome.PRINTED


@dataclass(frozen=True)
class PrintSettings:
    """Printer choice for one kind of slip (stored by the settings module, not here)."""

    default_printer: str = ""  # "" = the system default
    print_without_asking: bool = False


@dataclass(frozen=True)
class SlipPrintSettings:
    """Per-kind printer choices: guide slips and billing slips often go to different printers."""

    guide: PrintSettings = field(default_factory=PrintSettings)
    billing: PrintSettings = field(default_factory=PrintSettings)

    def for_kind(self, kind: str) -> PrintSettings:
        if kind not in KINDS:
            raise ValueError(f"unknown slip kind {kind!r}")
        return getattr(self, kind)


class PdfLoadError(Exception):
    pass


def load_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over `data` (the buffer is parented to the document)."""
    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(bytes(data)))
    buf.open(QBuffer.OpenModeFlag.ReadOnly)
    doc.load(buf)
    if doc.status() == QPdfDocument.Status.Loading:  # not expected for a QBuffer, but be safe
        loop = QEventLoop()
        doc.statusChanged.connect(lambda _s: loop.quit())
        QTimer.singleShot(5000, loop.quit)
        loop.exec()
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        err = doc.error()
        doc.deleteLater()
        raise PdfLoadError(f"PDF could not be loaded ({err})")
    return doc


def render_page(doc: QPdfDocument, page: int, dpi: float) -> QImage:
    """One PDF page as an image at `dpi`, on white (paper) background."""
    pts = doc.pagePointSize(page)
    size = QSize(max(1, round(pts.width() * dpi / 72)), max(1, round(pts.height() * dpi / 72)))
    image = doc.render(page, size)
    # Pages render on transparency; paper is white (Qt 6.12's fillColor does this itself).
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def paint_pdf(doc: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `doc` onto `printer`; return the page count printed.

    The printer's page is set to the PDF page size (full page, no margins) so an
    80 mm roll slip comes out at its real size. Raises RuntimeError when the
    printer cannot start or reports an error.
    """
    first = doc.pagePointSize(0)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(
        QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point, "",
                  QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point,
    ))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("QPainter.begin failed")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for page in range(doc.pageCount()):
            if page:
                pts = doc.pagePointSize(page)
                printer.setPageSize(QPageSize(QSizeF(pts.width(), pts.height()),
                                              QPageSize.Unit.Point, "",
                                              QPageSize.SizeMatchPolicy.ExactMatch))
                if not printer.newPage():
                    raise RuntimeError("QPrinter.newPage failed")
            image = render_page(doc, page, dpi)
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            # top-aligned (a roll feeds from the top), centred across
            painter.drawImage(QRectF(target.x() + (target.width() - w) / 2, target.y(), w, h),
                              image)
    finally:
        ended = painter.end()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise RuntimeError("the printer reported an error")
    return doc.pageCount()


class SlipPrinter(QObject):
    """Prints PDF bytes: Qt's print dialog (unless told not to ask), then paint.

    `run_dialog` and `printer_factory` are seams for tests and kiosks: the
    first runs a QPrintDialog and returns its DialogCode (default: ``exec()``),
    the second makes the QPrinter (default: high resolution, native).
    """

    def __init__(self, settings: PrintSettings | None = None, parent: QWidget | None = None, *,
                 run_dialog=None, printer_factory=None):
        super().__init__(parent)
        self.setObjectName("slipPrinter")
        self.settings = settings or PrintSettings()
        self._parent_widget = parent
        self._run_dialog = run_dialog or (lambda dialog: dialog.exec())
        self._printer_factory = printer_factory or (
            lambda: QPrinter(QPrinter.PrinterMode.HighResolution))
        self.warning = ""  # a note for the user from the last request (e.g. printer gone)

    @staticmethod
    def available_printers() -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def missing_printer_message(self, name: str) -> str:
        return self.tr(
            "The printer “{name}” is no longer available. Choose another printer "
            "in the print dialog or in the settings."
        ).format(name=name)

    def print_pdf(self, data: bytes, *, document_name: str = "",
                  ask: bool | None = None) -> PrintResult:
        """Print `data`; `ask` overrides the settings' "print without asking"."""
        self.warning = ""
        if ask is None:
            ask = not self.settings.print_without_asking
        wanted = (self.settings.default_printer or "").strip()
        if wanted and wanted not in self.available_printers():
            message = self.missing_printer_message(wanted)
            if not ask:
                return PrintResult(PrintOutcome.PRINTER_MISSING, message, wanted)
            self.warning = message  # let the person pick another one in the dialog
            wanted = ""
        try:
            doc = load_pdf(data, self)
        except PdfLoadError:
            return PrintResult(PrintOutcome.FAILED,
                               self.tr("The slip could not be prepared for printing."))
        try:
            printer = self._printer_factory()
            if document_name:
                printer.setDocName(document_name)
            if wanted and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
                printer.setPrinterName(wanted)
            if ask:
                dialog = QPrintDialog(printer, self._parent_widget)
                dialog.setObjectName("printDialog")
                dialog.setWindowTitle(self.tr("Print slip"))
                accepted = self._run_dialog(dialog) == QDialog.DialogCode.Accepted
                dialog.deleteLater()
                if not accepted:
                    return PrintResult(PrintOutcome.CANCELLED,
                                       self.tr("Printing was cancelled. Nothing was changed."))
            name = printer.printerName() or printer.outputFileName()
            try:
                pages = paint_pdf(doc, printer)
            except RuntimeError:
                return PrintResult(
                    PrintOutcome.FAILED,
                    self.tr("Printing on “{name}” failed. Nothing was changed; check the "
                            "printer and try again.").format(name=name or self.tr("printer")),
                    name)
            return PrintResult(PrintOutcome.PRINTED,
                               self.tr("Sent to “{name}”.").format(name=name), name, pages)
        finally:
            doc.deleteLater()


class PrintPreviewDialog(QDialog):
    """Qt's own PDF view of the pages exactly as they will print, with a Print button.

    QPdfView renders only the pages in sight (a 43-page report opens at once),
    fits the page width by default (an A4 table keeps its last column), zooms
    (Ctrl++ / Ctrl+- / Ctrl+0 fit width / fit page) and pages (PgUp/PgDn, the
    page box, Home/End).
    """

    ZOOM_STEP = 1.25

    def __init__(self, data: bytes, *, title: str = "", settings: PrintSettings | None = None,
                 parent: QWidget | None = None, printer: SlipPrinter | None = None):
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(title or self.tr("Print preview"))
        self._data = bytes(data)
        self._title = title
        self.printer = printer or SlipPrinter(settings, self)
        self.print_result: PrintResult | None = None
        self.document: QPdfDocument | None = None

        self.view = QPdfView(self)
        self.view.setObjectName("printPreviewView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Slip preview"))

        self.page_box = QSpinBox()
        self.page_box.setObjectName("printPreviewPageBox")
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_count_label = QLabel()
        self.page_count_label.setObjectName("printPreviewPageCount")
        self.prev_button = self._tool("printPreviewPrev", "‹", self.tr("Previous page"),
                                      "PgUp", lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = self._tool("printPreviewNext", "›", self.tr("Next page"),
                                      "PgDown", lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out_button = self._tool("printPreviewZoomOut", "−", self.tr("Zoom out"),
                                          "Ctrl+-", lambda: self.zoom_by(1 / self.ZOOM_STEP))
        self.zoom_in_button = self._tool("printPreviewZoomIn", "+", self.tr("Zoom in"),
                                         "Ctrl++", lambda: self.zoom_by(self.ZOOM_STEP))
        self.fit_width_button = self._tool("printPreviewFitWidth", self.tr("Fit width"),
                                           self.tr("Fit the page width"), "Ctrl+0",
                                           self.fit_width)
        self.fit_page_button = self._tool("printPreviewFitPage", self.tr("Whole page"),
                                          self.tr("Show the whole page"), "Ctrl+9",
                                          self.fit_page)
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Print status"))

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.print_button.clicked.connect(self.print_slip)
        self.close_button.clicked.connect(self.reject)
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        for key, page in (("Home", lambda: 0), ("End", lambda: self.page_count() - 1)):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda page=page: self.go_to_page(page()))

        tools = QHBoxLayout()
        for w in (self.prev_button, self.page_box, self.page_count_label, self.next_button):
            tools.addWidget(w)
        tools.addSpacing(16)
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button,
                  self.fit_page_button):
            tools.addWidget(w)
        tools.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self._load_document()

    def _tool(self, name: str, text: str, tip: str, keys: str, slot) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(f"{tip} ({keys})")
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        sc = QShortcut(QKeySequence(keys), self)
        sc.activated.connect(slot)
        return button

    def _load_document(self) -> None:
        try:
            self.document = load_pdf(self._data, self)
        except PdfLoadError:
            self.page_count_label.setText(self.tr("No pages"))
            self.status_label.setText(self.tr("The slip could not be shown."))
            self.print_button.setEnabled(False)
            for w in (self.page_box, self.prev_button, self.next_button):
                w.setEnabled(False)
            return
        self.view.setDocument(self.document)
        n = self.document.pageCount()
        self.page_box.setRange(1, n)
        # tools.i18n fills plain messages only (no numerus forms); Chinese has no plural.
        self.page_count_label.setText(self.tr("of {n}").format(n=n))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._page_changed(0)
        first = self.document.pagePointSize(0)
        # Wide enough for the page at screen size; the view fits its width anyway.
        width = round(first.width() * 96 / 72) + 80
        self.resize(min(max(width, 420), 1000), 860)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    # --- viewing --------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if not self.page_count():
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def zoom_by(self, factor: float) -> None:
        zoom = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            zoom = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(zoom * factor, 8.0)))

    def _effective_zoom(self) -> float:
        """The zoom a fit mode shows now (QPdfView keeps zoomFactor at its last custom)."""
        if self.document is None:
            return 1.0
        pts = self.document.pagePointSize(self.current_page())
        page_px = pts.width() * self.logicalDpiX() / 72
        return max(0.1, (self.view.viewport().width() - 2 * self.view.documentMargins().left())
                   / max(1.0, page_px))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def page_images(self, dpi: float = 96 * PREVIEW_ZOOM) -> list[QImage]:
        """Every page as an image (rendered now: for tests and screenshots only)."""
        if self.document is None:
            return []
        return [render_page(self.document, page, dpi) for page in range(self.page_count())]

    def print_slip(self) -> PrintResult:
        """Print (through the print dialog unless the settings say not to ask)."""
        result = self.printer.print_pdf(self._data, document_name=self._title)
        self.print_result = result
        text = result.message
        if self.printer.warning and not result.ok:
            text = self.printer.warning + "\n" + text
        self.status_label.setText(text)
        if result.ok:
            self.accept()
        return result


def kind_title(kind: str) -> str:
    if kind == SlipKind.GUIDE:
        return QCoreApplication.translate("PrintPreviewDialog", "Guide slip")
    if kind == SlipKind.BILLING:
        return QCoreApplication.translate("PrintPreviewDialog", "Billing slip")
    if kind == SlipKind.TICKET:
        return QCoreApplication.translate("PrintPreviewDialog", "Door ticket")
    raise ValueError(f"unknown slip kind {kind!r}")


def print_slip(data: bytes, kind: str, settings: SlipPrintSettings | PrintSettings | None = None,
               parent: QWidget | None = None, *, preview: bool = True,
               run_dialog=None, printer_factory=None) -> PrintResult:
    """The one call the reception screens make to put a slip on paper.

    With "print without asking" the slip goes straight to the kind's printer;
    otherwise the preview dialog opens (modal) and its Print button asks.
    Whatever happens, the caller gets a PrintResult and nothing else changes.
    `run_dialog` and `printer_factory` are :class:`SlipPrinter`'s seams.
    """
    if isinstance(settings, SlipPrintSettings):
        settings = settings.for_kind(kind)
    settings = settings or PrintSettings()
    title = kind_title(kind)
    if settings.print_without_asking or not preview:
        printer = SlipPrinter(settings, parent, run_dialog=run_dialog,
                              printer_factory=printer_factory)
        try:
            return printer.print_pdf(data, document_name=title)
        finally:
            printer.deleteLater()
    dialog = PrintPreviewDialog(data, title=title, settings=settings, parent=parent)
    if run_dialog is not None or printer_factory is not None:
        dialog.printer = SlipPrinter(settings, dialog, run_dialog=run_dialog,
                                     printer_factory=printer_factory)
    try:
        dialog.exec()
        return dialog.print_result or PrintResult(
            PrintOutcome.CANCELLED,
            QCoreApplication.translate("SlipPrinter",
                                       "Printing was cancelled. Nothing was changed."))
    finally:
        dialog.deleteLater()
