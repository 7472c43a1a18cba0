"""The reports screen: a day's (or a date range's) summary as tables and charts, printed or exported.

Everything is computed by :mod:`frontdesk.reports` on the background worker
(ctx.tasks) while a busy bar runs; this screen only lays the result out. The
charts on screen are the printed ones: each reportlab chart is made into a
one-page PDF by the domain and rendered here with QtPdf.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, i18n
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.reports import charts, export
from frontdesk.reports.daily import build_daily
from frontdesk.reports.model import DailySummary, RangeSummary
from frontdesk.reports.range import build_range
from frontdesk.reports.tables import (
    SECTION_NAMES,
    ReportTable,
    empty_notice,
    format_cell,
    range_empty_notice,
    tables_for,
    title_for,
)
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import error_label
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel

CHART_DPI = 110
MAX_CHART_DPI = 160
MAX_TABLE_ROWS = 18  # taller tables scroll inside their own view


@dataclass
class Loaded:
    """What the worker hands back: the summary, its charts as one-page PDFs, and its tables
    laid out in `lang` (10,000 call-back rows take ~0.1 s to lay out: not on the UI thread)."""

    summary: DailySummary | RangeSummary
    chart_pdfs: list[bytes]
    tables: list[ReportTable] | None = None
    lang: str = ""
    facts: dict[str, TableFacts] = field(default_factory=dict)  # by table key

    def tables_now(self) -> list[ReportTable]:
        """The tables in the current language (made again only after a language switch)."""
        if self.tables is None or self.lang != i18n.language():
            self.tables, self.lang = tables_for(self.summary), i18n.language()
            self.facts = {t.key: table_facts(t) for t in self.tables}
        return self.tables


@dataclass(frozen=True)
class TableFacts:
    """What the screen needs to know about a table's cells, worked out off the UI thread."""

    numeric: list[bool]  # per column: numbers (or nothing) only, right-aligned
    longest: list[list[int]]  # per column of a long table: the rows with the most characters


def table_facts(table: ReportTable) -> TableFacts:
    columns = list(zip(*table.rows, strict=True)) or [()] * len(table.columns)
    numeric = [bool(column) and all(issubclass(t, int | float) or t is type(None)
                                    for t in set(map(type, column))) for column in columns]
    longest = []
    if len(table.rows) > MAX_TABLE_ROWS:
        for column in columns:
            lengths = [len(format_cell(v)) for v in column]
            longest.append(heapq.nlargest(LONGEST_MEASURED, range(len(lengths)),
                                          key=lengths.__getitem__))
    return TableFacts(numeric, longest)


def _load(ctx_staff, mode: str, day: dt.date, start: dt.date, end: dt.date,
          full_phones: bool = False) -> Loaded:
    # A big day's rows (and its charts) are made in the report helper process
    # (separate=None): here they would hold the GIL in long stretches and stall the window.
    if mode == "day":
        summary, pdfs = build_daily(day, actor=ctx_staff, full_phones=full_phones,
                                    separate=None, then=charts.chart_pdfs)
    else:
        summary = build_range(start, end, actor=ctx_staff)
        pdfs = charts.chart_pdfs(summary)
    loaded = Loaded(summary, pdfs)
    loaded.tables_now()
    return loaded


LONGEST_MEASURED = 12  # texts per column of a long table measured for its width


def _fit_long_columns(view: QTableView, model: ReportTableModel,
                      longest: list[list[int]]) -> None:
    """Widths for a long table's columns: what the first rows need, widened for the
    longest texts further down (TableFacts.longest; measured with the view's delegate)."""
    header = view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(len(longest))]
    grid = 1 if view.showGrid() else 0
    for c, rows in enumerate(longest):
        need = max((view.sizeHintForIndex(model.index(r, c)).width() for r in rows),
                   default=0) + grid
        widths[c] = max(widths[c], need)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for c, width in enumerate(widths):
        header.resizeSection(c, width)


def chart_pixmap(doc, ratio: float, width: int = 0) -> QPixmap:
    """A chart page for the screen, rendered at the device's pixel ratio.

    Drawn at CHART_DPI, or larger to fill `width` logical pixels (a wide screen
    gets a wide chart, up to MAX_CHART_DPI). On a 2× (high-DPI) screen the page
    is drawn with twice the pixels and the pixmap says so: the same size, sharp.
    """
    from frontdesk.ui.widgets.printing import render_page

    ratio = max(1.0, float(ratio or 1.0))
    dpi = CHART_DPI
    if width > 0:
        dpi = max(CHART_DPI, min(MAX_CHART_DPI, width * 72 / doc.pagePointSize(0).width()))
    pixmap = QPixmap.fromImage(render_page(doc, 0, dpi * ratio))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _to_date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ReportTableModel(RowTableModel):
    """One report table, read-only; its own columns, rows numbered, numbers right-aligned."""

    ROW_NUMBERS = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self._numeric: list[bool] = []
        self._left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_table(self, table: ReportTable | None, facts: TableFacts | None = None) -> None:
        """Show `table` (None: nothing, no columns either); `facts`: table_facts(table),
        when worked out already."""
        self._numeric = [] if table is None else \
            (facts or table_facts(table)).numeric
        if table is None:
            self.set_rows([], columns=())
        else:
            self.set_rows(table.rows, columns=table.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        value = row[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_cell(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._right if self._numeric[index.column()] else self._left
        return None


class ReportsArea(Retranslating, QWidget):
    """Date picker (one day or a range), tables and charts, print and export."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsArea")
        self.loaded: Loaded | None = None
        self.busy = False
        self.models: dict[str, ReportTableModel] = {}
        self._shown_once = False
        # Seams for tests and kiosks: where to save, and how to preview for printing.
        self.ask_save_path = self._ask_save_path
        self.open_print_preview = self._open_print_preview

        today = QDate(clock.today())
        self.mode = QComboBox()
        self.mode.setObjectName("reportMode")
        self.mode.addItem("", "day")
        self.mode.addItem("", "range")
        self.day_edit = self._date_edit("reportDate", today)
        self.from_edit = self._date_edit("reportFrom", today.addDays(-6))
        self.to_edit = self._date_edit("reportTo", today)
        self.day_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel()
        self.day_label.setBuddy(self.day_edit)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.week_button = QPushButton()
        self.week_button.setObjectName("reportLastWeek")
        self.month_button = QPushButton()
        self.month_button.setObjectName("reportThisMonth")
        self.show_button = QPushButton()
        self.show_button.setObjectName("reportShow")
        self.show_button.setDefault(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("reportPrint")
        self.export_button = QPushButton()
        self.export_button.setObjectName("reportExport")
        # The call-back list's phone numbers are masked unless someone who makes the
        # follow-up calls asks for them (the choice is not remembered).
        self.full_phones = QCheckBox()
        self.full_phones.setObjectName("reportFullPhones")
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 0)  # busy: a report has no meaningful percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()

        self.error = error_label("reportError")
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.notice = QLabel()
        self.notice.setObjectName("reportNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")

        bar = QHBoxLayout()
        bar.addWidget(self.mode)
        for label, edit in ((self.day_label, self.day_edit), (self.from_label, self.from_edit),
                            (self.to_label, self.to_edit)):
            bar.addWidget(label)
            bar.addWidget(edit)
        bar.addWidget(self.week_button)
        bar.addWidget(self.month_button)
        bar.addWidget(self.show_button)
        bar.addWidget(self.full_phones)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.show_button.clicked.connect(self.refresh)
        self.full_phones.toggled.connect(lambda _on: self.loaded is not None and self.refresh())
        self.week_button.clicked.connect(self.pick_last_week)
        self.month_button.clicked.connect(self.pick_this_month)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.export_report)
        ctx.changes.session_changed.connect(self._update_buttons)
        self.retranslate()
        self._mode_changed()

    # --- building -------------------------------------------------------------------

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMaximumDate(QDate(clock.today()))  # a future day has nothing to report
        return edit

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("One day"))
        self.mode.setItemText(1, self.tr("Date range"))
        self.mode.setAccessibleName(self.tr("Report period"))
        self.day_label.setText(self.tr("&Day:"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self.day_edit.setAccessibleName(self.tr("Report day"))
        self.from_edit.setAccessibleName(self.tr("First day"))
        self.to_edit.setAccessibleName(self.tr("Last day"))
        self.week_button.setText(self.tr("Last 7 days"))
        self.week_button.setAccessibleName(self.tr("Last 7 days"))
        self.month_button.setText(self.tr("This month"))
        self.month_button.setAccessibleName(self.tr("This month"))
        self.show_button.setText(self.tr("&Show"))
        self.show_button.setAccessibleName(self.tr("Show report"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print report"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Export report"))
        self.full_phones.setText(self.tr("Full phone numbers"))
        self.full_phones.setToolTip(self.tr(
            "The call-back list shows phone numbers masked (138****8000) unless you "
            "need them for follow-up calls."))
        self.progress.setAccessibleName(self.tr("Report in progress"))
        self.tabs.setAccessibleName(self.tr("Report sections"))
        if self.loaded is not None:
            self._lay_out(self.loaded)  # the tables' own words follow the language too
        elif not self.busy:
            self.title.setText(self.tr("Choose a day and press Show."))
        self._update_buttons()


    def event(self, event) -> bool:  # noqa: A003
        # Moved to a screen with another pixel ratio: draw the charts again, sharp there.
        if event.type() == QEvent.Type.DevicePixelRatioChange and self.loaded is not None \
                and not self.busy:
            self._lay_out(self.loaded)
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:  # today's report the first time the screen is opened
            self._shown_once = True
            if allowed(self.ctx.staff, Perm.PRINT_REPORTS):
                self.refresh()

    def _mode_changed(self) -> None:
        day = self.mode.currentData() == "day"
        for w in (self.day_label, self.day_edit):
            w.setVisible(day)
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit,
                  self.week_button, self.month_button):
            w.setVisible(not day)
        self._update_buttons()

    def _update_buttons(self) -> None:
        may = allowed(self.ctx.staff, Perm.PRINT_REPORTS)
        has = self.loaded is not None and not self.busy
        self.print_button.setEnabled(may and has)
        self.export_button.setEnabled(may and has)
        self.show_button.setEnabled(not self.busy)
        phones = allowed(self.ctx.staff, Perm.FOLLOW_UP) and self.mode.currentData() == "day"
        self.full_phones.setVisible(phones)
        if not phones and self.full_phones.isChecked():
            self.full_phones.setChecked(False)

    # --- actions --------------------------------------------------------------------

    def pick_last_week(self) -> None:
        today = QDate(clock.today())
        self.from_edit.setDate(today.addDays(-6))
        self.to_edit.setDate(today)

    def pick_this_month(self) -> None:
        today = QDate(clock.today())
        self.from_edit.setDate(QDate(today.year(), today.month(), 1))
        self.to_edit.setDate(today)

    def set_day(self, day: dt.date) -> None:
        """Show one day (used by tests and by other screens linking here)."""
        self.mode.setCurrentIndex(0)
        self.day_edit.setMaximumDate(max(self.day_edit.maximumDate(), _qdate(day)))
        self.day_edit.setDate(_qdate(day))

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self.mode.setCurrentIndex(1)
        for edit, value in ((self.from_edit, start), (self.to_edit, end)):
            edit.setMaximumDate(max(edit.maximumDate(), _qdate(value)))
            edit.setDate(_qdate(value))

    def refresh(self) -> None:
        """Build the chosen report on the worker; the busy bar runs meanwhile."""
        if self.busy:
            return
        self._show_error("")
        self.status.setText("")
        mode = self.mode.currentData()
        day = _to_date(self.day_edit.date())
        start, end = _to_date(self.from_edit.date()), _to_date(self.to_edit.date())
        staff = self.ctx.staff
        self.busy = True
        self.progress.show()
        self.title.setText(self.tr("Working out the numbers…"))
        self._update_buttons()
        # ctx.run turns a driver error on the worker into a sentence (frontdesk.db.faults).
        full = self.full_phones.isChecked() and self.full_phones.isVisibleTo(self)
        self.ctx.run(_load, staff, mode, day, start, end, full, background=True,
                     on_done=self._loaded, on_error=self._failed)

    def _loaded(self, loaded: Loaded) -> None:
        self.busy = False
        self.progress.hide()
        self.loaded = loaded
        self._lay_out(loaded)
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.progress.hide()
        self.title.setText("")
        self._update_buttons()
        if isinstance(exc, FrontdeskError):
            self._show_error(exc.message(), exc.field)
        else:
            self._show_error(self.tr("The report could not be made: {error}").format(error=exc))

    def _show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        edits = {"date": self.day_edit, "from": self.from_edit, "to": self.to_edit}
        for name, edit in edits.items():
            bad = bool(message and name == field)
            if edit.property("invalid") != bad:  # the border: ui/style.py
                edit.setProperty("invalid", bad)
                style.repolish(edit)

    # --- laying out -----------------------------------------------------------------

    def _lay_out(self, loaded: Loaded) -> None:
        summary = loaded.summary
        self.title.setText(title_for(summary))
        if summary.is_empty:
            self.notice.setText(empty_notice() if isinstance(summary, DailySummary)
                                else range_empty_notice())
        self.notice.setVisible(summary.is_empty)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.models = {}
        pages: dict[str, QVBoxLayout] = {}
        images = self._chart_images(loaded.chart_pdfs)
        chart_places = {"days": images[:1] if isinstance(summary, RangeSummary) else [],
                        "breakdown": images[-3:] if images else []}
        for table in loaded.tables_now():
            if table.section not in pages:
                pages[table.section] = self._add_page(table.section)
                for i, image in enumerate(chart_places.get(table.section, [])):
                    chart = QLabel()
                    chart.setObjectName(f"reportChart_{table.section}_{i}")
                    chart.setPixmap(image)
                    chart.setAccessibleName(self.tr("Chart"))
                    pages[table.section].addWidget(chart)
            self._add_table(pages[table.section], table, loaded.facts.get(table.key))
        for layout in pages.values():
            layout.addStretch(1)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))

    def _add_page(self, section: str) -> QVBoxLayout:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        scroll = QScrollArea()
        scroll.setObjectName(f"reportPage_{section}")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.tabs.addTab(scroll, SECTION_NAMES[section].text())
        return layout

    def _add_table(self, layout: QVBoxLayout, table: ReportTable,
                   facts: TableFacts | None = None) -> None:
        if table.title != SECTION_NAMES[table.section].text():
            head = QLabel(table.title)
            head.setProperty(style.ROLE, "table-heading")
            layout.addWidget(head)
        if not table.rows:
            empty = QLabel(table.empty or "—")
            empty.setObjectName(f"reportEmpty_{table.key}")
            empty.setProperty(style.ROLE, "muted")
            layout.addWidget(empty)
        else:
            model = ReportTableModel(self)
            facts = facts or table_facts(table)
            model.set_table(table, facts)
            self.models[table.key] = model
            view = QTableView()
            view.setObjectName(f"reportTable_{table.key}")
            view.setAccessibleName(table.title)
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setAlternatingRowColors(True)
            view.setProperty(style.ROLE, "report-table")  # larger text: ui/style.py
            view.ensurePolished()
            view.verticalHeader().hide()
            header = view.horizontalHeader()
            long_table = len(table.rows) > MAX_TABLE_ROWS
            if long_table:
                # Sized from the first rows here and the longest texts below: by default
                # ResizeToContents reads 1,000 rows per column per layout pass (230,000
                # data() calls, 0.6 s on the UI thread for a 10,000-visit day's call-back
                # list). (0 would mean every row while the view is not shown yet.)
                header.setResizeContentsPrecision(MAX_TABLE_ROWS)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(False)
            # Rows of one fixed height, so the view's height can be known before it is shown:
            # short tables show every row (the page scrolls), long ones scroll inside.
            row_h = max(24, view.fontMetrics().height() + 10)
            rows_header = view.verticalHeader()
            rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows_header.setDefaultSectionSize(row_h)
            head_h = max(header.sizeHint().height(), view.fontMetrics().height() + 8)
            shown = min(len(table.rows), MAX_TABLE_ROWS)
            view.setFixedHeight(head_h + shown * row_h + 2 * view.frameWidth() + 2)
            if len(table.rows) <= MAX_TABLE_ROWS:
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # As wide as its columns: no empty white band to the right of a short table.
            view.resizeColumnsToContents()
            if long_table:
                _fit_long_columns(view, model, facts.longest)
            extra = view.verticalScrollBar().sizeHint().width() \
                if len(table.rows) > MAX_TABLE_ROWS else 0
            view.setMaximumWidth(header.length() + 2 * view.frameWidth() + extra + 4)
            layout.addWidget(view)
        if table.note:
            note = QLabel(table.note)
            note.setWordWrap(True)
            note.setProperty(style.ROLE, "note")
            layout.addWidget(note)

    def _chart_width(self) -> int:
        """The room for a chart on a report page (logical pixels)."""
        return max(0, self.tabs.width() - 60)

    def _chart_images(self, pdfs: list[bytes]) -> list[QPixmap]:
        from frontdesk.ui.widgets.printing import PdfLoadError, load_pdf

        out = []
        for data in pdfs:
            try:
                doc = load_pdf(data, self)
            except PdfLoadError:
                continue  # a chart that cannot be drawn leaves its tables in place
            try:
                out.append(chart_pixmap(doc, self.devicePixelRatioF(), self._chart_width()))
            finally:
                doc.deleteLater()
        return out

    # --- print and export -------------------------------------------------------------

    def _suggested_name(self, summary) -> str:
        if isinstance(summary, DailySummary):
            return f"daily-summary-{summary.day:%Y-%m-%d}.pdf"
        return f"summary-{summary.start:%Y-%m-%d}-{summary.end:%Y-%m-%d}.pdf"

    def _ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(Path.home() / suggested),
            self.tr("PDF (*.pdf);;CSV for Excel (*.csv);;Excel workbook (*.xlsx)"))
        return path

    def export_report(self) -> None:
        """Ask where, then write PDF/CSV/XLSX (by extension) on the worker."""
        if self.loaded is None or self.busy:
            return
        path = self.ask_save_path(self._suggested_name(self.loaded.summary))
        if not path:
            return
        summary, staff = self.loaded.summary, self.ctx.staff
        self.busy = True
        self.progress.show()
        self._show_error("")
        self._update_buttons()
        self.ctx.run(export.save_report, summary, path, actor=staff, background=True,
                     on_done=self._exported, on_error=self._export_failed)

    def _exported(self, written) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        self.status.setText(self.tr("Saved to {path}. It holds patients' phone numbers: keep it "
                                    "confidential.").format(path=written))

    def _export_failed(self, exc: Exception) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        message = exc.message() if isinstance(exc, FrontdeskError) else str(exc)
        self._show_error(self.tr("Nothing was saved or printed: {reason}").format(
            reason=message))

    def _open_print_preview(self, data: bytes, title: str):
        from frontdesk import settings
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        chosen = PrintSettings(default_printer=settings.get("printing.report.printer"))
        dialog = PrintPreviewDialog(data, title=title, settings=chosen, parent=self)
        try:
            dialog.exec()
            return dialog.print_result
        finally:
            dialog.deleteLater()

    def print_report(self) -> None:
        """Make the PDF on the worker, then preview it as it will print; audit a print made."""
        if self.loaded is None or self.busy:
            return
        summary, staff = self.loaded.summary, self.ctx.staff
        self.busy = True
        self.progress.show()
        self._show_error("")
        self._update_buttons()
        self.ctx.run(export.report_pdf, summary, actor=staff, background=True,
                     on_done=lambda data: self._preview(summary, data),
                     on_error=self._export_failed)

    def _preview(self, summary, data: bytes) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        result = self.open_print_preview(data, title_for(summary))
        if result is None:
            return
        self.status.setText(result.message)
        if result.ok:  # printed: a failing audit says so, the print stands
            self.ctx.run(export.record_print, summary, actor=self.ctx.staff,
                         printer=result.printer,
                         on_error=lambda exc: self._show_error(exc.message()))
