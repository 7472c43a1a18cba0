"""Rules broken and rewards: a supervisor records, the staff member confirms with a PIN.

The form picks the staff member and the rule of the list (its amounts shown),
the day and a note; the staff member may type their PIN at once. The month's
ledger below: confirm with the PIN later, mark paid, or waive with a reason
(fines.waive, the same path as every fine). An administrator's part lists the
rules to switch off and the behaviour (举止) items to add to the pre-shift check.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, settings
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import fines, ledger, roster, shift_rules, staff_report
from frontdesk.staffing.fines import format_yuan
from frontdesk.ui.staffing.requests import _date_edit, _narrow, _RequestsBase
from frontdesk.ui.staffing.roster_week import pydate
from frontdesk.ui.widgets.fields import FieldBox, error_label
from frontdesk.ui.widgets.tables import fill_table, read_only_table, selected_id


class LedgerTab(_RequestsBase):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ledgerTab")
        self.lines: list[fines.FineLine] = []
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("ledgerStaffCombo")
        self.rule_combo = QComboBox()
        self.rule_combo.setObjectName("ledgerRuleCombo")
        self.day_edit = _date_edit("ledgerDayEdit", clock.today())
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("ledgerNoteEdit")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("ledgerPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.waive_edit = QLineEdit()
        self.waive_edit.setObjectName("ledgerWaiveEdit")
        # Away from the post (minutes, consent) and leaving before relief (the shift).
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("ledgerMinutesSpin")
        self.minutes_spin.setRange(0, 600)
        self.permitted_check = QCheckBox()
        self.permitted_check.setObjectName("ledgerPermittedCheck")
        self.away_button = QPushButton()
        self.away_button.setObjectName("ledgerAwayButton")
        self.shift_combo = QComboBox()
        self.shift_combo.setObjectName("ledgerShiftCombo")
        self.relief_button = QPushButton()
        self.relief_button.setObjectName("ledgerReliefButton")
        self.fields = {"minutes": FieldBox("ledgerMinutes", self.minutes_spin),
                       "permitted": FieldBox("ledgerPermitted", self.permitted_check),
                       "shift": FieldBox("ledgerShift", self.shift_combo),
                       "staff": FieldBox("ledgerStaff", self.staff_combo),
                       "rule": FieldBox("ledgerRule", self.rule_combo),
                       "day": FieldBox("ledgerDay", self.day_edit),
                       "note": FieldBox("ledgerNote", self.note_edit),
                       "pin": FieldBox("ledgerPin", self.pin_edit),
                       "waive_reason": FieldBox("ledgerWaive", self.waive_edit)}
        self.form = QFormLayout()
        for key in ("staff", "rule", "day", "note", "pin"):
            self.form.addRow(QLabel(), self.fields[key])
        self.record_button = QPushButton()
        self.record_button.setObjectName("ledgerRecordButton")
        self.error = error_label("ledgerError")
        self.table = read_only_table("ledgerTable", 7, stretch=3, striped=True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.ack_button, self.paid_button, self.waive_button = (QPushButton() for _ in range(3))
        self.ack_button.setObjectName("ledgerAckButton")
        self.paid_button.setObjectName("ledgerPaidButton")
        self.waive_button.setObjectName("ledgerWaiveButton")
        actions = QHBoxLayout()
        for w in (self.ack_button, self.paid_button, self.fields["waive_reason"],
                  self.waive_button):
            actions.addWidget(w)
        away = QHBoxLayout()
        for w in (self.fields["minutes"], self.fields["permitted"], self.away_button,
                  self.fields["shift"], self.relief_button):
            away.addWidget(w)
        away.addStretch(1)
        # The monthly staff report: attendance, lateness, fines, rewards, swaps, leave.
        self.month_edit = _date_edit("ledgerMonthEdit", clock.today())
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.report_button, self.save_button = QPushButton(), QPushButton()
        self.report_button.setObjectName("staffReportButton")
        self.save_button.setObjectName("staffReportSaveButton")
        self.report_status = QLabel()
        self.report_status.setObjectName("staffReportStatus")
        for w in (self.month_edit, self.report_button, self.save_button, self.report_status):
            actions.addWidget(w)
        self.preview = None
        layout = QVBoxLayout(self)
        self.form.addRow(QLabel(), self.record_button)
        layout.addWidget(_narrow(self.form))
        layout.addLayout(away)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.record_button.clicked.connect(self.record)
        self.away_button.clicked.connect(self.record_away)
        self.relief_button.clicked.connect(self.record_left_before_relief)
        self.ack_button.clicked.connect(self.acknowledge)
        self.paid_button.clicked.connect(self.mark_paid)
        self.waive_button.clicked.connect(self.waive)
        self.report_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        ctx.changes.roster_changed.connect(self.refresh)
        ctx.changes.grooming_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in {"staff": self.tr("Staff member"), "rule": self.tr("Rule or reward"),
                          "day": self.tr("Day"), "note": self.tr("What happened"),
                          "pin": self.tr("Staff member's PIN")}.items():
            self.form.labelForField(self.fields[key]).setText(text)
        self.pin_edit.setPlaceholderText(self.tr("The staff member types it (or confirms later)"))
        self.waive_edit.setPlaceholderText(self.tr("Reason for waiving"))
        self.record_button.setText(self.tr("Record it"))
        self.minutes_spin.setSuffix(self.tr(" min away"))
        self.permitted_check.setText(self.tr("with the supervisor's consent"))
        self.away_button.setText(self.tr("Away from the post"))
        self.relief_button.setText(self.tr("Left before relieved"))
        self.ack_button.setText(self.tr("Confirm with PIN"))
        self.paid_button.setText(self.tr("Paid now"))
        self.waive_button.setText(self.tr("Waive"))
        self.report_button.setText(self.tr("Monthly staff report…"))
        self.save_button.setText(self.tr("Save the report…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Staff member"), self.tr("Kind"), self.tr("Reason"),
            self.tr("Amount (yuan)"), self.tr("Confirmed"), self.tr("Paid / waived")])
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.staff
        if not allowed(actor, Perm.MANAGE_ROSTER):
            self.table.setRowCount(0)
            return
        current = self.staff_combo.currentData()
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("(choose)"), None)
        for s in roster.rostered_staff():
            if s.id != actor.id:
                self.staff_combo.addItem(s.display_name, s.id)
        self.staff_combo.setCurrentIndex(max(self.staff_combo.findData(current), 0))
        current = self.rule_combo.currentData()
        self.rule_combo.clear()
        self.rule_combo.addItem(self.tr("(choose)"), None)
        for r in ledger.rule_list(recordable=True):
            sign = "+" if r.kind == "reward" else ""
            self.rule_combo.addItem(f"{r.name}  {sign}{r.amounts_text()}", r.code)
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(current), 0))
        current = self.shift_combo.currentData()
        self.shift_combo.clear()
        for c in roster.choices():
            self.shift_combo.addItem(c.name, c.code)
        self.shift_combo.setCurrentIndex(max(self.shift_combo.findData(current), 0))
        today = clock.today()
        self.ctx.run(fines.fines_for, actor=actor, year=today.year, month=today.month,
                     on_done=self._fill, on_error=self._show)

    def _fill(self, lines) -> None:
        self.lines = lines
        rows = []
        for f in lines:
            if f.waived:
                state = self.tr("waived")
            elif f.paid_at:
                state = f"{f.paid_at:%m-%d %H:%M}" + ("" if f.paid_same_day
                                                     else self.tr(" (not the same day)"))
            else:
                state = ""
            rows.append([f"{f.day:%m-%d}", f.staff_name, fines.kind_name(f.kind), f.reason(),
                         ("+" if f.is_reward else "") + format_yuan(f.amount_fen),
                         "✓" if f.acknowledged_at else "", state])
        fill_table(self.table, rows, [f.id for f in lines])

    def record(self) -> None:
        self._clear()
        self.ctx.run(ledger.record, actor=self.ctx.staff, staff_id=self.staff_combo.currentData(),
                     rule_code=self.rule_combo.currentData(), day=pydate(self.day_edit.date()),
                     note=self.note_edit.text(), pin=self.pin_edit.text() or None,
                     on_done=self._recorded, on_error=self._show)

    def _recorded(self, _line) -> None:
        self.note_edit.clear()
        self.pin_edit.clear()

    def record_away(self) -> None:
        self._clear()
        self.ctx.run(shift_rules.record_post_absence, actor=self.ctx.staff,
                     staff_id=self.staff_combo.currentData(), minutes=self.minutes_spin.value(),
                     permitted=self.permitted_check.isChecked(),
                     day=pydate(self.day_edit.date()), note=self.note_edit.text(),
                     on_done=self._recorded, on_error=self._show)

    def record_left_before_relief(self) -> None:
        self._clear()
        self.ctx.run(shift_rules.record_left_before_relief, actor=self.ctx.staff,
                     staff_id=self.staff_combo.currentData(),
                     shift_code=self.shift_combo.currentData(),
                     day=pydate(self.day_edit.date()), note=self.note_edit.text(),
                     on_done=self._recorded, on_error=self._show)

    def _month(self) -> tuple[int, int]:
        day = pydate(self.month_edit.date())
        return day.year, day.month

    def print_report(self) -> None:
        year, month = self._month()
        self._preview_month = (year, month)
        self.ctx.run(staff_report.pdf, actor=self.ctx.staff, year=year, month=month,
                     background=True, on_done=self._show_preview, on_error=self._show)

    def _show_preview(self, data: bytes) -> None:
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        self.preview = PrintPreviewDialog(
            data, title=self.tr("Monthly staff report"), parent=self,
            settings=PrintSettings(default_printer=settings.get("printing.report.printer")))
        year, month = self._preview_month
        preview = self.preview
        preview.finished.connect(lambda _code: self._preview_closed(preview, year, month))
        self.preview.open()

    def _preview_closed(self, preview, year: int, month: int) -> None:
        """Audit a print only once the printer took the report (as the daily and service
        reports do), never for a preview closed unprinted or a cancelled print dialog."""
        result = preview.print_result
        if result is None or not result.ok:
            return
        self.report_status.setText(result.message)
        self.ctx.run(staff_report.record_print, actor=self.ctx.staff, year=year, month=month,
                     printer=result.printer, on_error=self._show)

    def save_report(self) -> None:
        year, month = self._month()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the monthly staff report"), f"staff-{year}-{month:02d}.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
        if path:
            self.save_report_to(path)

    def save_report_to(self, path) -> None:
        """Write the month's staff report to `path` (.pdf / .csv / .xlsx) in the background."""
        year, month = self._month()
        actor = self.ctx.staff

        def write():
            report = staff_report.build(actor=actor, year=year, month=month)
            return staff_report.save(report, path, actor=actor)

        self.ctx.run(write, background=True, on_error=self._show, on_done=self._saved)

    def _saved(self, written) -> None:
        self.report_status.setText(self.tr("Saved: {path}").format(path=str(written)))

    def acknowledge(self) -> None:
        fine_id = selected_id(self.table)
        if fine_id is None:
            return
        self._clear()
        self.ctx.run(ledger.acknowledge, actor=self.ctx.staff, fine_id=fine_id,
                     pin=self.pin_edit.text(), on_done=self._recorded, on_error=self._show)

    def mark_paid(self) -> None:
        fine_id = selected_id(self.table)
        if fine_id is not None:
            self._clear()
            self.ctx.run(ledger.mark_paid, actor=self.ctx.staff, fine_id=fine_id,
                         on_error=self._show)

    def waive(self) -> None:
        fine_id = selected_id(self.table)
        if fine_id is not None:
            self._clear()
            self.ctx.run(fines.waive, actor=self.ctx.staff, fine_id=fine_id,
                         reason=self.waive_edit.text(),
                         on_done=lambda _l: self.waive_edit.clear(), on_error=self._show)


class RulesListTab(_RequestsBase):
    """An administrator switches rules of the list on and off and adds behaviour items."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rulesListTab")
        self.fields = {}
        self.table = read_only_table("rulesListTable", 5, stretch=1, striped=True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.toggle_button, self.add_button = QPushButton(), QPushButton()
        self.toggle_button.setObjectName("ruleToggleButton")
        self.add_button.setObjectName("conductAddButton")
        self.error = error_label("rulesListError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.toggle_button.clicked.connect(self.toggle)
        self.add_button.clicked.connect(self.add_to_check)
        ctx.changes.rules_changed.connect(self.refresh)
        ctx.changes.grooming_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.toggle_button.setText(self.tr("Switch on/off"))
        self.add_button.setText(self.tr("Add to the pre-shift check"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("Rule"), self.tr("Amount (yuan)"), self.tr("Where in the rules"),
            self.tr("State")])
        self.refresh()

    def refresh(self) -> None:
        if not allowed(self.ctx.staff, Perm.MANAGE_RULES):
            self.table.setRowCount(0)
            return
        self.rules = ledger.rule_list(kinds=("fine", "reward", "conduct"), active_only=False)
        kinds = {"fine": self.tr("Fine"), "reward": self.tr("Reward"),
                 "conduct": self.tr("Behaviour")}
        rows = []
        for r in self.rules:
            if r.kind == "conduct":
                state = self.tr("in the check") if r.in_check else self.tr("optional")
            else:
                state = self.tr("on") if r.active else self.tr("off")
            rows.append([kinds[r.kind], r.name, r.amounts_text(), r.source, state])
        fill_table(self.table, rows, list(range(len(self.rules))))

    def _selected(self):
        index = selected_id(self.table)
        return None if index is None else self.rules[index]

    def toggle(self) -> None:
        rule = self._selected()
        if rule is not None and rule.kind != "conduct":
            self.ctx.run(ledger.set_rule_active, actor=self.ctx.staff, code=rule.code,
                         active=not rule.active, on_error=self._show)

    def add_to_check(self) -> None:
        rule = self._selected()
        if rule is not None:
            self.ctx.run(ledger.add_conduct_to_check, actor=self.ctx.staff, code=rule.code,
                         on_error=self._show)
