"""Putting a visit's slip on paper, and reprinting it from the visit's print history.

The reception screens call :func:`print_visit_slip`; it builds the slip from
the database (frontdesk.slips.source), takes printer and paper from the
settings, prints through :mod:`frontdesk.ui.widgets.printing` and records the print in
the audit log only when the printer took it. A cancelled or failed print
changes nothing, and the returned PrintResult's message says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import settings
from frontdesk.errors import FrontdeskError
from frontdesk.slips import source
from frontdesk.ui import style
from frontdesk.ui.widgets.printing import (
    PrintOutcome,
    PrintResult,
    PrintSettings,
    kind_title,
    print_slip,
)
from frontdesk.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

def print_settings_for(kind: str) -> PrintSettings:
    """The printer set for `kind`; slips go straight to it once one is chosen.

    One key press per slip: with a slip printer chosen for this desk there is no
    preview and no dialog (a vanished printer is told, nothing printed); without
    one, the desk's "print without asking" choice decides.
    """
    printer = str(settings.get(f"printing.{kind}.printer") or "")
    return PrintSettings(
        default_printer=printer,
        print_without_asking=bool(printer) or bool(settings.get("printing.print_without_asking")),
    )


def print_visit_slip(ctx, visit_id: int, kind: str, parent: QWidget | None = None, *,
                     preview: bool = True, fmt: str | None = None,
                     run_dialog=None, printer_factory=None) -> PrintResult:
    """Print the visit's guide slip (``kind="guide"``) or billing slip (``"billing"``).

    Opens the preview (unless `preview` is False or the desk prints without
    asking), prints on the kind's printer in the kind's paper format (or
    `fmt`), and records the print for ``ctx.staff`` when it succeeded. Never
    raises for the desk's problems: an unknown visit, a visit not yet triaged or
    a vanished printer come back as a not-ok PrintResult with a translated
    message. `run_dialog` / `printer_factory` are the printing seams (tests,
    kiosks).
    """
    translate = QCoreApplication.translate
    try:
        slip = source.slip_for(visit_id, kind, actor=ctx.staff)
        fmt = fmt or source.default_format(kind)
        data = source.slip_pdf(slip, fmt)
        wanted = print_settings_for(kind)
    except FrontdeskError as exc:
        return PrintResult(PrintOutcome.FAILED, exc.message() + " "
                           + translate("SlipActions", "Nothing was printed."))
    result = print_slip(data, kind, wanted, parent, preview=preview,
                        run_dialog=run_dialog, printer_factory=printer_factory)
    if not result.ok:
        if result.outcome is PrintOutcome.PRINTER_MISSING:
            # The printer's own message names the printer; add what it meant.
            note = translate("SlipActions", "Nothing was printed and nothing was changed.")
            result = PrintResult(result.outcome, result.message + " " + note, result.printer,
                                 result.pages)
        return result
    try:
        source.record_print(visit_id, kind, actor=ctx.staff, fmt=fmt, printer=result.printer)
    except FrontdeskError as exc:
        # The paper is out; only the history entry is missing. Say so, don't hide it.
        log.warning("print of visit %s not recorded: %s", visit_id, exc.en)
        note = translate("SlipActions", "The print could not be added to the visit's "
                         "history: {reason}").format(reason=exc.message())
        return PrintResult(result.outcome, result.message + " " + note, result.printer,
                           result.pages)
    return result


class ReprintDialog(Retranslating, QDialog):
    """The visit's print history (newest first) with a Reprint button for the chosen slip."""

    def __init__(self, ctx, visit_id: int, parent: QWidget | None = None, *,
                 preview: bool = True, run_dialog=None, printer_factory=None):
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.ctx = ctx
        self.visit_id = visit_id
        self._preview = preview
        self._seams = {"run_dialog": run_dialog, "printer_factory": printer_factory}
        self.records: list[source.PrintRecord] = []
        self.last_result: PrintResult | None = None

        self.heading = QLabel()
        self.heading.setObjectName("reprintHeading")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("printHistoryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.reprint())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("printHistoryEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status_label = QLabel()
        self.status_label.setObjectName("reprintStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setDefault(True)
        self.reprint_button.clicked.connect(self.reprint)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)  # takes the table's place when empty
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(640, 320)

        self.retranslate()
        self.reload()

    # -- content

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reprint a slip"))
        self.heading.setText(self.tr("Slips printed for visit {visit}").format(
            visit=self._visit_no()))
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Slip"), self.tr("Paper"), self.tr("Printer or file"),
            self.tr("By")])
        self.table.setAccessibleName(self.tr("Print history"))
        self.empty_label.setText(self.tr("No slip of this visit has been printed yet."))
        self.reprint_button.setText(self.tr("&Reprint"))
        self.reprint_button.setAccessibleName(self.tr("Reprint the selected slip"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.status_label.setAccessibleName(self.tr("Reprint status"))
        if self.records:
            self._fill()

    def _visit_no(self) -> str:
        """The visit's one visible number ("V20261123-0042"), as on its slips."""
        if getattr(self, "_number", None) is None:
            from frontdesk import reception
            from frontdesk.reception.visit_numbers import view_number

            try:
                self._number = view_number(reception.get_visit(self.visit_id,
                                                               actor=self.ctx.staff))
            except FrontdeskError:
                return str(self.visit_id)  # not readable now: the id, still findable
        return self._number

    def reload(self) -> None:
        """Read the history again (after a reprint, or when another desk printed)."""
        try:
            self.records = source.print_history(self.visit_id, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.records = []
            self.status_label.setText(exc.message())
        self._fill()

    def _fill(self) -> None:
        paper = {"roll80": self.tr("80 mm roll"), "a5": "A5", "a4": "A4"}
        self.table.setRowCount(len(self.records))
        for row, rec in enumerate(self.records):
            where = rec.printer or self.tr("default printer")
            if rec.exported:
                where = self.tr("file {path}").format(path=where)
            cells = (rec.at.strftime("%Y-%m-%d %H:%M"), kind_title(rec.kind),
                     paper.get(rec.fmt, rec.fmt), where,
                     rec.staff_name or self.tr("system (command line)"))
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        has_rows = bool(self.records)
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        if has_rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.reprint_button.setEnabled(self.selected_record() is not None)

    def selected_record(self) -> source.PrintRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    # -- action

    def reprint(self) -> PrintResult | None:
        """Print the selected slip again, on today's printer, in the paper it had."""
        record = self.selected_record()
        if record is None:
            return None
        result = print_visit_slip(self.ctx, self.visit_id, record.kind, self,
                                  preview=self._preview, fmt=record.fmt, **self._seams)
        self.last_result = result
        self.status_label.setText(result.message)
        style.set_role(self.status_label, "" if result.ok else "error")
        if result.ok:
            self.reload()
        return result
