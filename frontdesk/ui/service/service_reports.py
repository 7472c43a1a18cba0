"""The service desk's reports on screen: consultation statistics, complaints, satisfaction.

Choose the report, the days and the grouping, Show (Enter) lists its tables; Print
previews the PDF as it will print (the audit log notes a print once the printer took it,
not when the preview opened); Export writes PDF, CSV or XLSX by the file's extension.
Supervisors and admins (Perm.PRINT_REPORTS), like the daily summary.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.permissions import Perm, allowed
from frontdesk.reports.tables import format_cell
from frontdesk.service import service_report as sr
from frontdesk.ui import style
from frontdesk.ui.service.form import combo, date_edit
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating


class ServiceReportsPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serviceReportsPanel")
        self.report: sr.ServiceReport | None = None
        # Seams for tests and kiosks: where to save, how to preview for printing.
        self.ask_save_path = self._ask_save_path
        self.open_print_preview = self._open_print_preview
        today = clock.today()
        self.kind = combo([(k, "") for k in sr.KINDS], "serviceReportKind")
        self.start = date_edit("serviceReportFrom", today.replace(day=1))
        self.end = date_edit("serviceReportTo", today)
        self.period = combo([(p, "") for p in sr.PERIODS], "serviceReportPeriod")
        self.show_button = QPushButton()
        self.show_button.setObjectName("serviceReportShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_report)
        self.print_button = QPushButton()
        self.print_button.setObjectName("serviceReportPrint")
        self.print_button.clicked.connect(self.print_report)
        self.export_button = QPushButton()
        self.export_button.setObjectName("serviceReportExport")
        self.export_button.clicked.connect(self.export_report)
        self.labels = [QLabel() for _ in range(4)]
        row = QHBoxLayout()
        for label, w in zip(self.labels, (self.kind, self.start, self.end, self.period),
                            strict=True):
            label.setBuddy(w)
            row.addWidget(label)
            row.addWidget(w)
        for b in (self.show_button, self.print_button, self.export_button):
            row.addWidget(b)
        row.addStretch()
        self.status = QLabel()
        self.status.setObjectName("serviceReportStatus")
        self.error = error_label("serviceReportError")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        ctx.changes.session_changed.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def _update_buttons(self) -> None:
        may = allowed(self.ctx.staff, Perm.PRINT_REPORTS)
        self.show_button.setEnabled(may)
        self.print_button.setEnabled(may and self.report is not None)
        self.export_button.setEnabled(may and self.report is not None)
        show_error(self.error, "" if may else self.tr("Reports are for supervisors and admins."))

    def _args(self) -> dict:
        return dict(actor=self.ctx.staff, kind=self.kind.currentData(),
                    start=self.start.date().toPython(), end=self.end.date().toPython(),
                    period=self.period.currentData())

    def show_report(self) -> None:
        show_error(self.error, "")
        self.ctx.run(sr.build, **self._args(), on_done=self._shown,
                     on_error=lambda exc: show_error(self.error, exc.message()))

    def _shown(self, report: sr.ServiceReport) -> None:
        self.report = report
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for table in report.tables:
            title = QLabel(table.title)
            title.setProperty(style.ROLE, "service-report-title")
            self.body_layout.addWidget(title)
            grid = QTableWidget(max(len(table.rows), 1), len(table.columns))
            grid.setObjectName(f"serviceReport_{table.key}")
            grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            grid.setHorizontalHeaderLabels(list(table.columns))
            grid.verticalHeader().hide()
            grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            if table.rows:
                for r, row in enumerate(table.rows):
                    for c, value in enumerate(row):
                        grid.setItem(r, c, QTableWidgetItem(format_cell(value)))
            else:
                grid.setItem(0, 0, QTableWidgetItem(table.empty))
            grid.setFixedHeight(min(32 + 30 * max(len(table.rows), 1), 420))
            self.body_layout.addWidget(grid)
        self.body_layout.addStretch()
        self.status.setText(report.title())
        self._update_buttons()

    # --- print and export -------------------------------------------------------------

    def _ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(Path.home() / suggested),
            self.tr("PDF (*.pdf);;CSV for Excel (*.csv);;Excel workbook (*.xlsx)"))
        return path

    def _open_print_preview(self, data: bytes, title: str):
        from frontdesk import settings
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        # The reports' printer, as the daily summary prints (ui/reports/area.py).
        chosen = PrintSettings(default_printer=settings.get("printing.report.printer"))
        dialog = PrintPreviewDialog(data, title=title, settings=chosen, parent=self)
        try:
            dialog.exec()
            return dialog.print_result
        finally:
            dialog.deleteLater()

    def export_report(self) -> None:
        if self.report is None:
            return
        r = self.report
        path = self.ask_save_path(f"{r.kind}-{r.start:%Y-%m-%d}-{r.end:%Y-%m-%d}.pdf")
        if not path:
            return
        self.ctx.run(sr.save, r, path, actor=self.ctx.staff,
                     on_done=lambda written: self.status.setText(
                         self.tr("Saved to {path}.").format(path=written)),
                     on_error=lambda exc: show_error(self.error, exc.message()))

    def print_report(self) -> None:
        """Preview the PDF as it will print; audit a print only once it was made."""
        if self.report is None:
            return
        report = self.report
        show_error(self.error, "")
        data = self.ctx.run(sr.print_pdf, report, actor=self.ctx.staff,
                            on_error=lambda exc: show_error(self.error, exc.message()))
        if not data:
            return
        result = self.open_print_preview(data, report.title())
        if result is None:  # the preview was closed without printing
            return
        self.status.setText(result.message)
        if result.ok:  # printed: a failing audit says so, the print stands
            self.ctx.run(sr.record_print, report, actor=self.ctx.staff, printer=result.printer,
                         on_error=lambda exc: show_error(self.error, exc.message()))

    def retranslate(self) -> None:
        for label, name in zip(self.labels, (self.tr("&Report"), self.tr("&From"),
                                             self.tr("&To"), self.tr("&Group by")), strict=True):
            label.setText(name)
        for i, k in enumerate(sr.KINDS):
            self.kind.setItemText(i, sr.KIND_NAMES[k].text())
        for i, name in enumerate((self.tr("Day"), self.tr("Week"), self.tr("Month"))):
            self.period.setItemText(i, name)
        self.show_button.setText(self.tr("&Show"))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("&Export…"))

