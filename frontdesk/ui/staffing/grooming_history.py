"""History per staff member and month: checks, failures by item, late arrivals, fines.

Fines are waived here with a reason (never deleted); the monthly fines report
is previewed for printing or exported as PDF or CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, settings
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import fines, grooming, grooming_report, history_focus
from frontdesk.staffing.fines import format_yuan, kind_name
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import read_only_table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)  # long reasons are cut in the cell
            table.setItem(r, c, cell)


class HistoryTab(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("historyTab")
        self.month_data: grooming.StaffMonth | None = None
        self.preview = None

        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("historyStaffCombo")
        self.staff_combo.setMinimumWidth(160)
        today = clock.today()
        self.month_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.month_edit.setObjectName("historyMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.staff_label, self.month_label = QLabel(), QLabel()
        self.report_button = QPushButton()
        self.report_button.setObjectName("monthlyReportButton")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportFinesButton")
        top = QHBoxLayout()
        for w in (self.staff_label, self.staff_combo, self.month_label, self.month_edit):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.report_button)
        top.addWidget(self.export_button)

        self.checks_table = read_only_table("historyChecksTable", 6)
        self.items_table = read_only_table("historyItemsTable", 2, stretch=0)
        self.late_table = read_only_table("historyLateTable", 4)
        self.fines_table = read_only_table("historyFinesTable", 5, stretch=2)
        self.fines_table.itemSelectionChanged.connect(self._update_waive)
        self.boxes = [QGroupBox() for _ in range(4)]
        grid = QGridLayout()
        for box, table, (r, c) in zip(self.boxes, (self.checks_table, self.items_table,
                                                  self.late_table, self.fines_table),
                                      ((0, 0), (0, 1), (1, 0), (1, 1)), strict=True):
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            grid.addWidget(box, r, c)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("waiveReasonEdit")
        self.waive_button = QPushButton()
        self.waive_button.setObjectName("waiveButton")
        self.waive_error = error_label("waiveError")
        fines_box = self.boxes[3].layout()
        waive_row = QHBoxLayout()
        waive_row.addWidget(self.reason_edit, 1)
        waive_row.addWidget(self.waive_button)
        fines_box.addLayout(waive_row)
        fines_box.addWidget(self.waive_error)

        self.error = error_label("historyError")
        self.status = QLabel()
        self.status.setObjectName("historyStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

        self.staff_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.month_edit.dateChanged.connect(lambda _d: self.load())
        self.waive_button.clicked.connect(self.waive_selected)
        self.report_button.clicked.connect(self.show_report)
        self.export_button.clicked.connect(self.choose_export)
        ctx.changes.grooming_changed.connect(self.load)
        self.retranslate()

    def retranslate(self) -> None:
        self.staff_label.setText(self.tr("Staff:"))
        self.staff_combo.setAccessibleName(self.tr("Staff member"))
        self.month_label.setText(self.tr("Month:"))
        self.month_edit.setAccessibleName(self.tr("Month"))
        self.report_button.setText(self.tr("Monthly fines report…"))
        self.report_button.setAccessibleName(self.tr("Monthly fines report"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the month's fines as PDF or CSV"))
        for box, title in zip(self.boxes, (self.tr("Checks"), self.tr("Failures by item"),
                                           self.tr("Late arrivals"), self.tr("Fines")),
                              strict=True):
            box.setTitle(title)
        self.checks_table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Time"), self.tr("Checked by"), self.tr("Failures"),
            self.tr("Fines (yuan)"), self.tr("Acknowledged")])
        self.items_table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Times")])
        self.late_table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Signed in"), self.tr("Minutes late"), self.tr("Shift")])
        self.fines_table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Kind"), self.tr("Reason"), self.tr("Yuan"),
            self.tr("Waived")])
        self.reason_edit.setPlaceholderText(self.tr("Reason for waiving the selected fine"))
        self.reason_edit.setAccessibleName(self.tr("Reason for waiving"))
        self.waive_button.setText(self.tr("&Waive fine"))
        self.waive_button.setAccessibleName(self.tr("Waive the selected fine"))
        self.load()

    # --- data ------------------------------------------------------------------

    @property
    def year_month(self) -> tuple[int, int]:
        d = self.month_edit.date()
        return d.year(), d.month()

    def set_month(self, year: int, month: int) -> None:
        self.month_edit.setDate(QDate(year, month, 1))

    def refresh(self) -> None:
        """Refill the staff list (after a log-in), then the month."""
        try:
            with driver_errors("fines history"):
                self._refresh()
        except FrontdeskError as exc:  # a driver error: say so where the tab speaks
            show_error(self.error, exc.message())

    def _refresh(self) -> None:
        actor = self.ctx.staff
        current = self.staff_combo.currentData()
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        if allowed(actor, Perm.VIEW_FINES):
            for staff_id, name in fines.staff_choices(actor=actor):
                self.staff_combo.addItem(name, staff_id)
            if current is None:  # first time: whoever was checked or fined last this month
                current = history_focus.latest_staff(*self.year_month, actor=actor)
            self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(current)))
        self.staff_combo.blockSignals(False)
        self.load()

    def select_staff(self, name: str) -> None:
        self.staff_combo.setCurrentIndex(self.staff_combo.findText(name))

    def load(self) -> None:
        show_error(self.error, "")
        staff_id = self.staff_combo.currentData()
        if staff_id is None or not allowed(self.ctx.staff, Perm.VIEW_FINES):
            self.month_data = None
            for table in (self.checks_table, self.items_table, self.late_table, self.fines_table):
                table.setRowCount(0)
            self.summary.setText("")
            self._update_waive()
            return
        year, month = self.year_month
        try:
            with driver_errors("staff month"):
                m = grooming.staff_month(actor=self.ctx.staff, staff_id=staff_id, year=year,
                                         month=month)
        except FrontdeskError as exc:
            show_error(self.error, exc.message())
            return
        self.month_data = m
        yes, no = self.tr("Yes"), self.tr("No")
        _fill(self.checks_table, [
            [c.day.isoformat(), c.checked_at.strftime("%H:%M"), c.supervisor_name
             + (self.tr(" (re-check)") if c.recheck_of else ""), str(c.failures),
             format_yuan(c.fine_fen) if c.fine_fen else "", yes if c.acknowledged else no]
            for c in m.checks])
        _fill(self.items_table, [[i.name(), str(i.count)] for i in m.failures_by_item])
        _fill(self.late_table, [[a.day.isoformat(), a.signed_at.strftime("%H:%M"),
                                 str(a.minutes_late), a.shift_name] for a in m.late])
        _fill(self.fines_table, [
            [f.day.isoformat(), kind_name(f.kind), f.reason(), format_yuan(f.amount_fen),
             self.tr("Waived: {reason}").format(reason=f.waive_reason) if f.waived else ""]
            for f in m.fines])
        failures = sum(i.count for i in m.failures_by_item)
        # Counts after a colon: English has no plural to get wrong ("1 checks").
        self.summary.setText(self.tr(
            "Checks: {checks} · Failures: {failures} · Late arrivals: {late} · "
            "Fines due: {due} yuan")
            .format(checks=len(m.checks), failures=failures, late=len(m.late),
                    due=format_yuan(m.fines_due_fen)))
        self._update_waive()

    def _selected_fine(self):
        rows = self.fines_table.selectionModel().selectedRows()
        if not rows or self.month_data is None:
            return None
        return self.month_data.fines[rows[0].row()]

    def _update_waive(self) -> None:
        fine = self._selected_fine()
        may = allowed(self.ctx.staff, Perm.WAIVE_FINES)
        self.waive_button.setEnabled(bool(may and fine and not fine.waived))
        self.reason_edit.setEnabled(may)

    def select_fine(self, row: int) -> None:
        self.fines_table.selectRow(row)

    def waive_selected(self) -> None:
        show_error(self.waive_error, "")
        fine = self._selected_fine()
        if fine is None:
            show_error(self.waive_error, self.tr("Select the fine to waive first."))
            return
        self.ctx.run(fines.waive, actor=self.ctx.staff, fine_id=fine.id,
                     reason=self.reason_edit.text(), on_done=self._waived,
                     on_error=lambda exc: show_error(self.waive_error, exc.message()))

    def _waived(self, _line) -> None:
        self.reason_edit.clear()
        self.status.setText(self.tr("Fine waived; it stays in the ledger, marked as waived."))

    # --- report and export -------------------------------------------------------

    def show_report(self) -> None:
        actor, (year, month) = self.ctx.staff, self.year_month
        self.report_button.setEnabled(False)
        self.ctx.run(grooming_report.monthly_fines_pdf, actor=actor, year=year, month=month,
                     background=True, on_done=self._show_preview, on_error=self._failed)

    def _show_preview(self, data: bytes) -> None:
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        self.report_button.setEnabled(True)
        self.preview = PrintPreviewDialog(
            data, title=self.tr("Monthly fines report"), parent=self,
            settings=PrintSettings(default_printer=settings.get("printing.report.printer")))
        self.preview.open()

    def choose_export(self) -> None:
        year, month = self.year_month
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the month's fines"), f"fines-{year}-{month:02d}.csv",
            self.tr("CSV (*.csv);;PDF (*.pdf)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Write the month's fines to `path` (.csv or .pdf) in the background."""
        actor, (year, month) = self.ctx.staff, self.year_month
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.ctx.run(grooming_report.export_monthly_fines, actor=actor, year=year, month=month,
                     path=path, background=True, on_done=self._exported, on_error=self._failed)

    def _exported(self, path) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Saved {path}").format(path=str(path)))

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.report_button.setEnabled(True)
        self.status.setText("")
        show_error(self.error, exc.message() if isinstance(exc, FrontdeskError) else str(exc))

