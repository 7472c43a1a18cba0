"""Swaps (换班) and leave (请假): a staff member asks, a supervisor approves or refuses.

Each tab is a small form (every editor in a FieldBox: a refusal shows at its
field) over the month's list; a supervisor's list has Approve / Refuse for what
is pending. All work goes through ctx.run to staffing.swaps / staffing.leave.

The leave list says what a pending request still needs before anyone decides
(leave.LeaveLine.needs: the manager's note seed 004 asks for a holiday on duty, a
night shift, a late 事假; or `refused`: approval would now be refused), in a column
of its own with the whole sentence as the tooltip; approving such a request without
a note puts the cursor in the note field, with what to write, before asking the domain.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import leave, roster, swaps
from frontdesk.staffing.staff_report import status_name
from frontdesk.ui.staffing.roster_week import pydate, qdate
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.tables import fill_table, read_only_table, selected_id


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _narrow(form: QFormLayout) -> QWidget:
    """A form no wider than it needs to be on a wide screen."""
    box = QWidget()
    box.setLayout(form)
    box.setMaximumWidth(760)
    return box


class _RequestsBase(Retranslating, QWidget):
    """Shared: field boxes, errors at the field, the month list with approve/refuse."""

    fields: dict[str, FieldBox]
    domain: ModuleType  # staffing.swaps or staffing.leave: their decide() and withdraw()
    id_arg: str  # how those functions name the selected request's id

    def _show(self, exc: Exception) -> None:
        for box in self.fields.values():
            box.clear_error()
        message = exc.message() if isinstance(exc, FrontdeskError) else str(exc)
        field = getattr(exc, "field", None)
        box = self.fields.get(field) if field else None
        if box is not None:
            box.set_error(message)
            show_error(self.error, "")
        else:
            show_error(self.error, message)

    def _clear(self) -> None:
        for box in self.fields.values():
            box.clear_error()
        show_error(self.error, "")

    def _lay_out(self, prefix: str, columns: int) -> None:
        """Under the form's fields: its request button; then the error, the list, the note
        on a decision and the approve / refuse / withdraw buttons."""
        self.request_button = QPushButton()
        self.request_button.setObjectName(f"{prefix}RequestButton")
        self.error = error_label(f"{prefix}Error")
        # The last column (the leave's "before approving", the swap's decider) takes the
        # spare width; the others fit their contents, so no Chinese is cut off.
        self.table = read_only_table(f"{prefix}Table", columns, stretch=columns - 1,
                                     striped=True)
        layout = QVBoxLayout(self)
        self.form.addRow(QLabel(), self.request_button)
        layout.addWidget(_narrow(self.form))
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fields["note"])
        layout.addLayout(self._decide_buttons(prefix))

    def _decide_buttons(self, prefix: str) -> QHBoxLayout:
        self.approve_button, self.refuse_button = QPushButton(), QPushButton()
        self.approve_button.setObjectName(f"{prefix}ApproveButton")
        self.refuse_button.setObjectName(f"{prefix}RefuseButton")
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName(f"{prefix}WithdrawButton")
        row = QHBoxLayout()
        for b in (self.approve_button, self.refuse_button, self.withdraw_button):
            row.addWidget(b)
        row.addStretch(1)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        self.withdraw_button.clicked.connect(self.withdraw)
        return row

    def decide(self, approve: bool) -> None:
        request_id = selected_id(self.table)
        if request_id is None:
            return
        self._clear()
        self.ctx.run(self.domain.decide, actor=self.ctx.staff, **{self.id_arg: request_id},
                     approve=approve, note=self.note_edit.text(),
                     on_done=lambda _l: self.note_edit.clear(), on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        """A decision refused: said at its field; one refused at the note puts the cursor
        there, where the supervisor writes what it needs."""
        self._show(exc)
        if getattr(exc, "field", None) == "note":
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def withdraw(self) -> None:
        request_id = selected_id(self.table)
        if request_id is not None:
            self._clear()
            self.ctx.run(self.domain.withdraw, actor=self.ctx.staff,
                         **{self.id_arg: request_id}, on_error=self._show)


class SwapsTab(_RequestsBase):
    domain = swaps
    id_arg = "swap_id"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("swapsTab")
        self.day_edit = _date_edit("swapDayEdit", clock.today())
        self.shift_combo = QComboBox()
        self.shift_combo.setObjectName("swapShiftCombo")
        self.partner_combo = QComboBox()
        self.partner_combo.setObjectName("swapPartnerCombo")
        self.return_combo = QComboBox()  # the partner's shift that comes back, if any
        self.return_combo.setObjectName("swapReturnCombo")
        self.return_day_edit = _date_edit("swapReturnDayEdit", clock.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("swapReasonEdit")
        self.fields = {"day": FieldBox("swapDay", self.day_edit),
                       "requester_shift": FieldBox("swapShift", self.shift_combo),
                       "partner": FieldBox("swapPartner", self.partner_combo),
                       "partner_shift": FieldBox("swapReturn", self.return_combo),
                       "reason": FieldBox("swapReason", self.reason_edit),
                       "note": FieldBox("swapNote", QLineEdit())}
        self.note_edit = self.fields["note"].editor
        self.note_edit.setObjectName("swapNoteEdit")
        self.form = QFormLayout()
        for key in ("day", "requester_shift", "partner"):
            self.form.addRow(QLabel(), self.fields[key])
        self.form.addRow(QLabel(), self.return_day_edit)
        for key in ("partner_shift", "reason"):
            self.form.addRow(QLabel(), self.fields[key])
        self._lay_out("swap", columns=7)
        self.day_edit.dateChanged.connect(lambda _d: self._fill_my_shifts())
        self.return_day_edit.dateChanged.connect(lambda _d: self._fill_return())
        self.partner_combo.currentIndexChanged.connect(lambda _i: self._fill_return())
        self.request_button.clicked.connect(self.request)
        ctx.changes.roster_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        names = {"day": self.tr("Day"), "requester_shift": self.tr("My shift"),
                 "partner": self.tr("Swap with"), "partner_shift": self.tr("Their shift back")}
        names["reason"] = self.tr("Reason")
        for key, text in names.items():
            self.form.labelForField(self.fields[key]).setText(text)
        self.form.labelForField(self.return_day_edit).setText(self.tr("Back on"))
        self.request_button.setText(self.tr("Ask for the swap"))
        self.approve_button.setText(self.tr("Approve"))
        self.refuse_button.setText(self.tr("Refuse"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.note_edit.setPlaceholderText(self.tr("Note on the decision (optional)"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Asked by"), self.tr("Shift"), self.tr("Swap with"),
            self.tr("Back"), self.tr("Status"), self.tr("Decided by")])
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.staff
        if not allowed(actor, Perm.REQUEST_ROSTER):
            self.table.setRowCount(0)
            return
        manager = allowed(actor, Perm.MANAGE_ROSTER)
        for w in (self.approve_button, self.refuse_button, self.fields["note"]):
            w.setVisible(manager)
        self._fill_my_shifts()
        current = self.partner_combo.currentData()
        self.partner_combo.blockSignals(True)
        self.partner_combo.clear()
        self.partner_combo.addItem(self.tr("(choose)"), None)
        for s in roster.rostered_staff():
            if s.id != actor.id:
                self.partner_combo.addItem(s.display_name, s.id)
        index = self.partner_combo.findData(current)
        self.partner_combo.setCurrentIndex(max(index, 0))
        self.partner_combo.blockSignals(False)
        self._fill_return()
        today = clock.today()
        # As the leave tab: a month back and three ahead (a swap asked now for a day next
        # month vanished from the list when only this month's were read, and could be
        # neither decided nor withdrawn until that month came).
        self.ctx.run(swaps.listing, actor=actor, first=today - dt.timedelta(days=31),
                     last=today + dt.timedelta(days=92), on_done=self._fill, on_error=self._show)

    def _shifts_of(self, staff_id, day: dt.date, combo: QComboBox, none: str | None) -> None:
        combo.clear()
        if none is not None:
            combo.addItem(none, None)
        if staff_id is not None:
            for code, name in swaps.shifts_of(staff_id, day):
                combo.addItem(name, code)

    def _fill_my_shifts(self) -> None:
        actor = self.ctx.staff
        self._shifts_of(getattr(actor, "id", None), pydate(self.day_edit.date()),
                        self.shift_combo, None)

    def _fill_return(self) -> None:
        self._shifts_of(self.partner_combo.currentData(), pydate(self.return_day_edit.date()),
                        self.return_combo, self.tr("(nothing back)"))

    def _fill(self, lines) -> None:
        self.lines = lines
        fill_table(self.table, [[
            f"{s.requester_date:%m-%d}", s.requester, s.requester_shift, s.partner,
            f"{s.partner_date:%m-%d} {s.partner_shift}" if s.partner_date else "",
            status_name(s.status), s.decided_by] for s in lines], [s.id for s in lines])

    def request(self) -> None:
        self._clear()
        back = self.return_combo.currentData()
        self.ctx.run(swaps.request_swap, actor=self.ctx.staff, day=pydate(self.day_edit.date()),
                     shift_code=self.shift_combo.currentData(),
                     partner_id=self.partner_combo.currentData(),
                     partner_day=pydate(self.return_day_edit.date()) if back else None,
                     partner_shift_code=back, reason=self.reason_edit.text(),
                     on_done=lambda _l: self.reason_edit.clear(), on_error=self._show)


class LeaveTab(_RequestsBase):
    domain = leave
    id_arg = "leave_id"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("leaveTab")
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("leaveStaffCombo")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("leaveKindCombo")
        self.start_edit = _date_edit("leaveStartEdit", clock.today())
        self.end_edit = _date_edit("leaveEndEdit", clock.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("leaveReasonEdit")
        self.fields = {"staff": FieldBox("leaveStaff", self.staff_combo),
                       "kind": FieldBox("leaveKind", self.kind_combo),
                       "start": FieldBox("leaveStart", self.start_edit),
                       "end": FieldBox("leaveEnd", self.end_edit),
                       "reason": FieldBox("leaveReason", self.reason_edit),
                       "note": FieldBox("leaveNote", QLineEdit())}
        self.note_edit = self.fields["note"].editor
        self.note_edit.setObjectName("leaveNoteEdit")
        self.form = QFormLayout()
        for key in ("staff", "kind", "start", "end", "reason"):
            self.form.addRow(QLabel(), self.fields[key])
        self._lay_out("leave", columns=7)
        self.lines: list[leave.LeaveLine] = []
        self.table.currentCellChanged.connect(lambda *_a: self._show_needs())
        self.start_edit.dateChanged.connect(
            lambda d: self.end_edit.setDate(d) if self.end_edit.date() < d else None)
        self.request_button.clicked.connect(self.request)
        ctx.changes.roster_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in {"staff": self.tr("Staff member"), "kind": self.tr("Type of leave"),
                          "start": self.tr("First day"), "end": self.tr("Last day"),
                          "reason": self.tr("Reason")}.items():
            self.form.labelForField(self.fields[key]).setText(text)
        self.request_button.setText(self.tr("Ask for leave"))
        self.approve_button.setText(self.tr("Approve"))
        self.refuse_button.setText(self.tr("Refuse"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Staff member"), self.tr("Type"), self.tr("From"), self.tr("To"),
            self.tr("Days"), self.tr("Status"), self.tr("Before approving")])
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.staff
        if not allowed(actor, Perm.REQUEST_ROSTER):
            self.table.setRowCount(0)
            return
        manager = allowed(actor, Perm.MANAGE_ROSTER)
        for w in (self.approve_button, self.refuse_button, self.fields["note"],
                  self.fields["staff"]):
            w.setVisible(manager)
        self.form.labelForField(self.fields["staff"]).setVisible(manager)
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("(myself)"), None)
        if manager:
            for s in roster.rostered_staff():
                if s.id != actor.id:
                    self.staff_combo.addItem(s.display_name, s.id)
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        for code, name in leave.leave_types():
            self.kind_combo.addItem(name, code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current), 0))
        today = clock.today()
        self.ctx.run(leave.leave_list, actor=actor, first=today - dt.timedelta(days=31),
                     last=today + dt.timedelta(days=92), on_done=self._fill, on_error=self._show)

    def _fill(self, lines) -> None:
        self.lines = lines
        fill_table(self.table, [[s.staff, s.kind_name, f"{s.start:%Y-%m-%d}", f"{s.end:%m-%d}",
                                 str(s.days), status_name(s.status), self._needs_cell(s)]
                                for s in lines], [s.id for s in lines])
        for row, line in enumerate(lines):
            tip = self._needs_tip(line)
            if tip:
                for col in range(self.table.columnCount()):
                    self.table.item(row, col).setToolTip(tip)
        self._show_needs()

    def _needs_cell(self, line: leave.LeaveLine) -> str:
        if line.refused:
            return self.tr("Cannot be approved: {reason}").format(reason=line.refused)
        if line.needs:
            return self.tr("Note needed: {needs}").format(needs=line.needs)
        return ""

    def _needs_tip(self, line: leave.LeaveLine) -> str:
        if line.refused:
            return line.refused
        if line.needs:
            return self.tr("To approve this leave, write the special circumstances in the "
                           "note: it stands only with a manager's approval ({needs}).").format(
                needs=line.needs)
        return ""

    def _current(self) -> leave.LeaveLine | None:
        request_id = selected_id(self.table)
        return next((x for x in self.lines if x.id == request_id), None)

    def _show_needs(self) -> None:
        """The note's placeholder says whether the selected request's approval needs it."""
        line = self._current()
        if line is not None and line.needs:
            self.note_edit.setPlaceholderText(
                self.tr("Note on the decision (needed to approve: the special circumstances)"))
        else:
            self.note_edit.setPlaceholderText(self.tr("Note on the decision (optional)"))

    def decide(self, approve: bool) -> None:
        line = self._current()
        if approve and line is not None and line.needs and not self.note_edit.text().strip():
            self._clear()
            self.fields["note"].set_error(self.tr(
                "This leave stands only with a manager's approval: {needs}. To approve it, "
                "write the special circumstances in the note.").format(needs=line.needs))
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().decide(approve)

    def request(self) -> None:
        self._clear()
        self.ctx.run(leave.request_leave, actor=self.ctx.staff,
                     kind=self.kind_combo.currentData(), start=pydate(self.start_edit.date()),
                     end=pydate(self.end_edit.date()), reason=self.reason_edit.text(),
                     staff_id=self.staff_combo.currentData(),
                     on_done=lambda _l: self.reason_edit.clear(), on_error=self._show)
