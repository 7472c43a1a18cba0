"""The grooming area: today's roster and checks, sign-in, history and fines.

Supervisors see the roster tab (everyone on shift, sign-in time, check status)
and history; every front-line role sees sign-in (the handover has its own area). What a person
may do is decided in the domain layer; tabs here only hide what would refuse.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, settings
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import localized
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import attendance, fines, grooming, grooming_report
from frontdesk.staffing.fines import format_yuan
from frontdesk.ui import style
from frontdesk.ui.staffing.grooming_check import CheckDialog, acknowledgement_dialog
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import read_only_table

COL_NAME, COL_SHIFT, COL_SIGNED, COL_LATE, COL_CHECK, COL_FINE, COL_ACK = range(7)
STATUS_COLOURS = {attendance.CHECK_NONE: style.FILL_YELLOW, attendance.CHECK_PASSED: style.FILL_GREEN,
                  attendance.CHECK_FAILED: style.FILL_RED}


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class RosterTab(Retranslating, QWidget):
    """Everyone rostered on the chosen day, their sign-in and their check; check from here."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterTab")
        self.rows: list[attendance.RosterEntry] = []
        self.dialog: CheckDialog | None = None
        self.preview = None

        self.day_edit = QDateEdit(qdate(clock.today()))
        self.day_edit.setObjectName("rosterDayEdit")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.shift_combo = QComboBox()
        self.shift_combo.setObjectName("rosterShiftCombo")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("rosterRefreshButton")
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        top = QHBoxLayout()
        self.day_label, self.shift_label = QLabel(), QLabel()
        for w in (self.day_label, self.day_edit, self.shift_label, self.shift_combo,
                  self.refresh_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.table = read_only_table("rosterTable", 7)
        self.table.doubleClicked.connect(lambda _index: self.check_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.check_button = QPushButton()
        self.check_button.setObjectName("checkButton")
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("acknowledgeButton")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printRecordButton")
        self.early_button = QPushButton()
        self.early_button.setObjectName("earlyLeaveButton")
        self.other_combo = QComboBox()
        self.other_combo.setObjectName("otherStaffCombo")
        self.other_button = QPushButton()
        self.other_button.setObjectName("checkOtherButton")
        self.error = error_label("rosterError")
        buttons = QHBoxLayout()
        for w in (self.check_button, self.ack_button, self.print_button, self.early_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.other_combo)
        buttons.addWidget(self.other_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.check_button.clicked.connect(self.check_selected)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.early_button.clicked.connect(self.early_leave_selected)
        self.other_button.clicked.connect(self.check_other)
        self.refresh_button.clicked.connect(self.refresh)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.shift_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.changes.grooming_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day:"))
        self.day_edit.setAccessibleName(self.tr("Day"))
        self.shift_label.setText(self.tr("Shift:"))
        self.shift_combo.setAccessibleName(self.tr("Shift"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Shift"), self.tr("Signed in"), self.tr("Late (min)"),
            self.tr("Check"), self.tr("Fines (yuan)"), self.tr("Acknowledged")])
        self.table.setAccessibleName(self.tr("Staff on shift"))
        self.check_button.setText(self.tr("&Check…"))
        self.check_button.setAccessibleName(self.tr("Check the selected person"))
        self.ack_button.setText(self.tr("&Acknowledge with PIN…"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the check with PIN"))
        self.print_button.setText(self.tr("&Print record…"))
        self.print_button.setAccessibleName(self.tr("Print the check record"))
        self.early_button.setText(self.tr("&Early leave…"))
        self.early_button.setAccessibleName(self.tr("Record that the selected person left early"))
        self.other_combo.setAccessibleName(self.tr("Someone not on the roster"))
        self.other_button.setText(self.tr("Check someone not on the roster…"))
        self.other_button.setAccessibleName(self.tr("Check someone not on the roster"))
        self._fill_shifts()
        self.refresh()

    def _fill_shifts(self) -> None:
        current = self.shift_combo.currentData()
        self.shift_combo.blockSignals(True)
        self.shift_combo.clear()
        self.shift_combo.addItem(self.tr("All shifts"), None)
        for s in attendance.shifts():
            self.shift_combo.addItem(localized(s, "name"), s.code)
        index = self.shift_combo.findData(current)
        self.shift_combo.setCurrentIndex(max(0, index))
        self.shift_combo.blockSignals(False)

    @property
    def day(self) -> dt.date:
        return pydate(self.day_edit.date())

    def set_day(self, day: dt.date) -> None:
        self.day_edit.setDate(qdate(day))

    def refresh(self) -> None:
        """Re-read the roster; a database failure is said in the error line."""
        try:
            with driver_errors("roster"):
                self._refresh()
        except FrontdeskError as exc:  # a driver error: say so where the tab speaks
            show_error(self.error, exc.message())

    def _refresh(self) -> None:
        show_error(self.error, "")
        actor = self.ctx.staff
        if not allowed(actor, Perm.GROOMING_CHECK):
            self.rows = []
            self.table.setRowCount(0)
            self.summary.setText("")
            return
        self.rows = attendance.roster(actor=actor, day=self.day,
                                      shift_code=self.shift_combo.currentData())
        selected = self.selected()
        self.table.setRowCount(len(self.rows))
        status_text = {attendance.CHECK_NONE: self.tr("Not checked"),
                       attendance.CHECK_PASSED: self.tr("Passed"),
                       attendance.CHECK_FAILED: self.tr("Failed")}
        for row, e in enumerate(self.rows):
            signed = e.signed_at.strftime("%H:%M") if e.signed_at else self.tr("Not signed in")
            values = [e.name, e.shift_name, signed, str(e.minutes_late) if e.minutes_late else "",
                      status_text[e.check_status],
                      format_yuan(e.check_fine_fen) if e.check_fine_fen else "",
                      (self.tr("Yes") if e.acknowledged else self.tr("No")) if e.check_id else ""]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, e.staff_id)
                self.table.setItem(row, col, cell)
            self.table.item(row, COL_CHECK).setBackground(
                QBrush(QColor(STATUS_COLOURS[e.check_status])))
            if e.minutes_late:
                self.table.item(row, COL_LATE).setForeground(QBrush(QColor(style.ERROR)))
            if selected and selected.staff_id == e.staff_id and selected.shift_id == e.shift_id:
                self.table.selectRow(row)
        done = sum(1 for e in self.rows if e.check_id)
        signed_in = sum(1 for e in self.rows if e.signed_at)
        self.summary.setText(self.tr("{total} on shift · {signed} signed in · {checked} checked")
                             .format(total=len(self.rows), signed=signed_in, checked=done))
        self._fill_others()
        self._update_buttons()

    def _fill_others(self) -> None:
        rostered = {e.staff_id for e in self.rows}
        me = self.ctx.staff.id if self.ctx.staff else None
        self.other_combo.clear()
        for staff_id, name in fines.staff_choices(actor=self.ctx.staff):
            if staff_id not in rostered and staff_id != me:
                self.other_combo.addItem(name, staff_id)
        # Nobody left to pick (everyone is rostered): the off-roster check has nothing to offer.
        self.other_combo.setVisible(self.other_combo.count() > 0)
        self.other_button.setVisible(self.other_combo.count() > 0)

    def selected(self) -> attendance.RosterEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_staff(self, name: str) -> None:
        for row, e in enumerate(self.rows):
            if e.name == name:
                self.table.selectRow(row)
                return
        raise LookupError(name)

    def _update_buttons(self) -> None:
        e = self.selected()
        self.check_button.setEnabled(e is not None)
        self.ack_button.setEnabled(bool(e and e.check_id and not e.acknowledged))
        self.print_button.setEnabled(bool(e and e.check_id))
        self.early_button.setEnabled(e is not None)

    # --- actions ---------------------------------------------------------------

    def check_selected(self) -> CheckDialog | None:
        e = self.selected()
        if e is None:
            return None
        try:
            with driver_errors("shifts"):
                shift = next((s for s in attendance.shifts() if s.id == e.shift_id), None)
        except FrontdeskError as exc:
            show_error(self.error, exc.message())
            return None
        return self._open_check(e.staff_id, shift)

    def check_other(self) -> CheckDialog | None:
        staff_id = self.other_combo.currentData()
        return self._open_check(staff_id, None) if staff_id else None

    def _open_check(self, staff_id: int, shift) -> CheckDialog | None:
        show_error(self.error, "")
        try:
            with driver_errors("open check"):
                form = grooming.open_check(actor=self.ctx.staff, staff=staff_id, day=self.day,
                                           shift=shift)
        except FrontdeskError as exc:
            show_error(self.error, exc.message())
            return None
        self.dialog = CheckDialog(self.ctx, form, self)
        self.dialog.open()
        return self.dialog

    def acknowledge_selected(self):
        e = self.selected()
        if e is None or not e.check_id:
            return None
        dialog = acknowledgement_dialog(self.ctx, e.check_id, e.name, self)
        dialog.open()
        return dialog

    def early_leave_selected(self) -> EarlyLeaveDialog | None:
        e = self.selected()
        if e is None:
            return None
        try:
            with driver_errors("shifts"):
                shift = next((s for s in attendance.shifts() if s.id == e.shift_id), None)
        except FrontdeskError as exc:
            show_error(self.error, exc.message())
            return None
        dialog = EarlyLeaveDialog(self.ctx, e.staff_id, e.name, shift, self.day, self)
        dialog.open()
        return dialog

    def print_selected(self) -> None:
        e = self.selected()
        if e is None or not e.check_id:
            return
        actor, check_id = self.ctx.staff, e.check_id
        self.print_button.setEnabled(False)
        self.ctx.run(grooming_report.check_record_pdf, actor=actor, check_id=check_id,
                     background=True, on_done=self._show_preview, on_error=self._task_failed)

    def _show_preview(self, data: bytes) -> None:
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        self._update_buttons()
        self.preview = PrintPreviewDialog(
            data, title=self.tr("Grooming check record"), parent=self,
            settings=PrintSettings(default_printer=settings.get("printing.report.printer")))
        self.preview.open()

    def _task_failed(self, exc: Exception) -> None:
        self._update_buttons()
        message = exc.message() if isinstance(exc, FrontdeskError) else str(exc)
        show_error(self.error, self.tr("Could not make the record: {error}").format(error=message))


class EarlyLeaveDialog(QDialog):
    """Record an early leave (早退): fined like a late arrival, counted in the same month."""

    def __init__(self, ctx, staff_id: int, name: str, shift, day: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.staff_id, self.shift, self.day = ctx, staff_id, shift, day
        self.setObjectName("earlyLeaveDialog")
        self.setWindowTitle(self.tr("Early leave: {name}").format(name=name))
        self.time_edit = QTimeEdit(QTime(clock.now().time()))
        self.time_edit.setObjectName("earlyLeaveTimeEdit")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Time the person left"))
        self.error = error_label("earlyLeaveError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record and fine"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Shift: {shift}, ends {end}").format(
            shift=localized(shift, "name"), end=shift.end)))
        form.addRow(self.tr("Left at:"), self.time_edit)
        form.addRow(self.error)
        form.addRow(buttons)

    def record(self) -> None:
        t = self.time_edit.time()
        left_at = dt.datetime.combine(self.day, dt.time(t.hour(), t.minute()))
        self.ctx.run(attendance.record_early_leave, actor=self.ctx.staff, staff=self.staff_id,
                     shift=self.shift, left_at=left_at,
                     on_done=lambda _fine: self.accept(),
                     on_error=lambda exc: show_error(self.error, exc.message()))


class GroomingArea(Retranslating, QWidget):
    """Tabs: today's checks (supervisors), sign-in, history and fines (supervisors).

    The handover has its own area (handover_area.py), where the incoming shift looks.
    """

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        from frontdesk.ui.staffing.grooming_history import HistoryTab
        from frontdesk.ui.staffing.signin import SignInPanel

        self.ctx = ctx
        self.setObjectName("groomingArea")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("groomingTabs")
        self.roster = RosterTab(ctx)
        self.sign_in = SignInPanel(ctx)
        self.history = HistoryTab(ctx)
        self.tabs.addTab(self.roster, "")
        self.tabs.addTab(self.sign_in, "")
        self.tabs.addTab(self.history, "")
        self.notice = QLabel()
        self.notice.setObjectName("groomingNotice")
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs)
        ctx.changes.session_changed.connect(self._session_changed)
        self.retranslate()
        self._session_changed()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Today's checks"))
        self.tabs.setTabText(1, self.tr("Sign in"))
        self.tabs.setTabText(2, self.tr("History and fines"))
        self.tabs.setAccessibleName(self.tr("Grooming area"))
        self._session_changed()

    def _session_changed(self) -> None:
        actor = self.ctx.staff
        supervisor = allowed(actor, Perm.GROOMING_CHECK)
        self.tabs.setTabVisible(0, supervisor)
        self.tabs.setTabVisible(2, allowed(actor, Perm.VIEW_FINES))
        self.tabs.setTabVisible(1, allowed(actor, Perm.SIGN_IN))
        if actor is None:
            self.notice.setText(self.tr("Log in to use the grooming area."))
        elif not supervisor:
            self.notice.setText(self.tr("Grooming checks are done by a supervisor; you can sign in here."))
        else:
            self.notice.setText("")
        self.notice.setVisible(bool(self.notice.text()))
        for tab in (self.roster, self.sign_in, self.history):
            tab.refresh()


