"""Checking one person: the checklist dialog and the PIN acknowledgement dialog.

Every item passes until the supervisor says otherwise: Space (or a click on
the result) toggles a failure on the focused row, C toggles "corrected on the
spot", typing a row number jumps to that row, F2 edits the note. The fine
total is recomputed from the check's snapshot after every change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import FrontdeskError
from frontdesk.i18n import text
from frontdesk.staffing import grooming
from frontdesk.staffing.fines import format_yuan
from frontdesk.staffing.grooming import CheckForm, ItemOutcome
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating

FAIL_BRUSH = QBrush(QColor(style.FILL_RED))
COL_NO, COL_CATEGORY, COL_ITEM, COL_RESULT, COL_CORRECTED, COL_NOTE, COL_FINE = range(7)


class PinDialog(QDialog):
    """Asks one person for their own PIN; `verify(pin)` raises FrontdeskError when wrong."""

    def __init__(self, title: str, prompt: str, verify: Callable[[str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        self._verify = verify
        self.result_value: object = None
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_error = error_label("pinError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("pinOkButton")
        self.ok_button.setText(self.tr("Confirm"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.pin_error)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self.result_value = self._verify(self.pin_edit.text())
        except FrontdeskError as exc:
            show_error(self.pin_error, exc.message())
            self.pin_edit.selectAll()
            self.pin_edit.setFocus()
            return
        self.accept()


class _TableKeys(QObject):
    """Space / C / digits on the checklist table (an event filter keeps the table stock)."""

    def __init__(self, dialog: CheckDialog):
        super().__init__(dialog)
        self.dialog = dialog
        self.digits = ""
        self.timer = QTimer(self, singleShot=True, interval=800)
        self.timer.timeout.connect(self._clear)

    def _clear(self) -> None:
        self.digits = ""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or self.dialog.table.state() == \
                QAbstractItemView.State.EditingState:
            return False
        key = event.key()
        row = self.dialog.table.currentRow()
        if key == Qt.Key.Key_Space and row >= 0:
            self.dialog.toggle_failure(row)
            return True
        if key == Qt.Key.Key_C and row >= 0:
            self.dialog.toggle_corrected(row)
            return True
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.digits += chr(key)
            self.timer.start()
            number = int(self.digits)
            if 1 <= number <= self.dialog.table.rowCount():
                self.dialog.table.setCurrentCell(number - 1, COL_RESULT)
            else:
                self.digits = chr(key)  # start again with this digit
                number = int(self.digits)
                if 1 <= number <= self.dialog.table.rowCount():
                    self.dialog.table.setCurrentCell(number - 1, COL_RESULT)
            return True
        return False


class CheckDialog(Retranslating, QDialog):
    """The checklist for one person; records the check, then asks for their PIN."""

    recorded = Signal(int)  # check id

    def __init__(self, ctx, form: CheckForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        self.check_id: int | None = None
        self.pin_dialog: PinDialog | None = None
        self.setObjectName("groomingCheckDialog")
        self.resize(900, 680)
        self.outcomes: dict[str, ItemOutcome] = {}

        self.header = QLabel()
        self.header.setObjectName("checkHeader")
        self.warning = QLabel(form.warning())
        self.warning.setObjectName("checkWarning")
        self.warning.setWordWrap(True)
        self.warning.setProperty(style.ROLE, "warning-box")
        self.warning.setVisible(bool(form.warning()))
        self.help = QLabel()
        self.help.setObjectName("checkHelp")
        self.help.setWordWrap(True)
        self.help.setProperty(style.ROLE, "secondary")

        self.table = QTableWidget(len(form.items), 7)
        self.table.setObjectName("checklistTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_NO, COL_CATEGORY, COL_RESULT, COL_CORRECTED, COL_FINE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._filling = True
        for row, item in enumerate(form.items):
            for col, value in ((COL_NO, str(row + 1)),
                               (COL_CATEGORY, grooming.category_name(item["category"])),
                               (COL_ITEM, text(item["name_zh"], item["name_en"]))):
                cell = QTableWidgetItem(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
            for col in (COL_RESULT, COL_CORRECTED, COL_FINE):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
            self.table.setItem(row, COL_NOTE, QTableWidgetItem(""))
        self._filling = False
        self.table.cellClicked.connect(self._clicked)
        self.table.itemChanged.connect(self._note_changed)
        self.keys = _TableKeys(self)
        self.table.installEventFilter(self.keys)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("offShiftReasonEdit")
        self.reason_error = error_label("offShiftReasonError")
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("checkNotesEdit")
        self.notes_error = error_label("checkNotesError")
        form_layout = QFormLayout()
        self.reason_label = QLabel()
        reason_box = QVBoxLayout()
        reason_box.addWidget(self.reason_edit)
        reason_box.addWidget(self.reason_error)
        form_layout.addRow(self.reason_label, reason_box)
        self.reason_label.setVisible(not form.on_roster)
        self.reason_edit.setVisible(not form.on_roster)
        self.notes_label = QLabel()
        notes_box = QVBoxLayout()
        notes_box.addWidget(self.notes_edit)
        notes_box.addWidget(self.notes_error)
        form_layout.addRow(self.notes_label, notes_box)

        self.total_label = QLabel()
        self.total_label.setObjectName("fineTotalLabel")
        self.error = error_label("checkError")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveCheckButton")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelCheckButton")
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.warning)
        layout.addWidget(self.help)
        layout.addWidget(self.table, 1)
        layout.addLayout(form_layout)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.retranslate()
        for row in range(self.table.rowCount()):
            self._paint(row)
        self.table.setCurrentCell(0, COL_RESULT)
        self.table.setFocus()

    # --- text ------------------------------------------------------------------

    def retranslate(self) -> None:
        f = self.form
        self.setWindowTitle(self.tr("Grooming check: {name}").format(name=f.staff_name))
        shift = f.shift_label() or self.tr("not on the roster")
        self.header.setText(self.tr("{name} — {day}, {shift}").format(
            name=f.staff_name, day=f.day.isoformat(), shift=shift))
        self.warning.setText(f.warning())
        self.help.setText(self.tr(
            "Every item passes unless marked. Space or a click on the result toggles a failure; C marks it corrected on the spot (still fined); type a row number to jump; F2 edits the note."))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Category"), self.tr("Item"), self.tr("Result"),
            self.tr("Corrected"), self.tr("Note"), self.tr("Fine (yuan)")])
        self.table.setAccessibleName(self.tr("Checklist"))
        self.reason_label.setText(self.tr("Reason for checking:"))
        self.reason_edit.setAccessibleName(self.tr("Reason for checking someone not on the roster"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. covering a swapped shift"))
        self.notes_label.setText(self.tr("Notes:"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.save_button.setText(self.tr("&Save check"))
        self.save_button.setAccessibleName(self.tr("Save check"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._filling = True  # the items' own names, in the language now shown
        for row, item in enumerate(f.items[:self.table.rowCount()]):
            self.table.item(row, COL_CATEGORY).setText(grooming.category_name(item["category"]))
            self.table.item(row, COL_ITEM).setText(text(item["name_zh"], item["name_en"]))
        self._filling = False
        for row in range(self.table.rowCount()):
            self._paint(row)


    # --- outcomes --------------------------------------------------------------

    def code(self, row: int) -> str:
        return self.form.items[row]["code"]

    def outcome(self, row: int) -> ItemOutcome:
        return self.outcomes.get(self.code(row), ItemOutcome())

    def toggle_failure(self, row: int) -> None:
        o = self.outcome(row)
        # Passing again also clears "corrected": it only means something on a failure.
        self._set(row, ItemOutcome(not o.passed, False, o.note))

    def toggle_corrected(self, row: int) -> None:
        o = self.outcome(row)
        if o.passed:
            # Corrected implies it was wrong first: mark both with one key.
            self._set(row, ItemOutcome(False, True, o.note))
        else:
            self._set(row, ItemOutcome(False, not o.corrected, o.note))

    def set_note(self, row: int, note: str) -> None:
        self.table.item(row, COL_NOTE).setText(note)

    def _set(self, row: int, outcome: ItemOutcome) -> None:
        self.outcomes[self.code(row)] = outcome
        self._paint(row)

    def _clicked(self, row: int, col: int) -> None:
        if col == COL_RESULT:
            self.toggle_failure(row)
        elif col == COL_CORRECTED:
            self.toggle_corrected(row)

    def _note_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != COL_NOTE:
            return
        o = self.outcome(cell.row())
        self.outcomes[self.code(cell.row())] = ItemOutcome(o.passed, o.corrected, cell.text())

    def _paint(self, row: int) -> None:
        if self._filling:
            return
        self._filling = True
        o = self.outcome(row)
        fine = grooming.item_fine(self.form, self.code(row), o)
        result = self.tr("Pass") if o.passed else self.tr("FAIL")
        if not o.passed and not fine and self.code(row) in self.form.already_fined:
            result = self.tr("FAIL (fined earlier this shift)")
        self.table.item(row, COL_RESULT).setText(result)
        self.table.item(row, COL_CORRECTED).setText(self.tr("Corrected") if o.corrected else "")
        self.table.item(row, COL_FINE).setText(format_yuan(fine) if fine else "")
        brush = FAIL_BRUSH if not o.passed else QBrush()
        for col in range(self.table.columnCount()):
            self.table.item(row, col).setBackground(brush)
        # Bold red result text stays readable on the selected (highlighted) row too.
        result_cell = self.table.item(row, COL_RESULT)
        font = result_cell.font()
        font.setBold(not o.passed)
        result_cell.setFont(font)
        result_cell.setForeground(QBrush(QColor(style.ERROR)) if not o.passed else QBrush())
        self._filling = False
        self._update_total()

    def _update_total(self) -> None:
        failures = sum(1 for o in self.outcomes.values() if not o.passed)
        total = grooming.fine_total(self.form, self.outcomes)
        self.total_label.setText(self.tr("{count} failed · fines {total} yuan").format(
            count=failures, total=format_yuan(total)))

    # --- saving ----------------------------------------------------------------

    def save(self) -> None:
        for label in (self.error, self.reason_error, self.notes_error):
            show_error(label, "")
        check = self.ctx.run(
            grooming.record_check, actor=self.ctx.staff, form=self.form,
            outcomes=dict(self.outcomes), off_shift_reason=self.reason_edit.text(),
            notes=self.notes_edit.text(), on_error=self._refused)
        if check is None:
            return
        # The runner has announced grooming_changed by now.
        self.check_id = check.id
        self.recorded.emit(check.id)
        self.save_button.setEnabled(False)
        self.ask_acknowledgement()

    def _refused(self, exc: FrontdeskError) -> None:
        target = {"off_shift_reason": self.reason_error, "notes": self.notes_error}.get(
            exc.field or "", self.error)
        show_error(target, exc.message())
        if exc.field and exc.field.startswith("item:"):
            code = exc.field[5:]
            rows = [r for r in range(len(self.form.items)) if self.code(r) == code]
            if rows:
                self.table.setCurrentCell(rows[0], COL_NOTE)

    def ask_acknowledgement(self) -> PinDialog:
        """Ask the checked person for their PIN; closing it leaves the check unacknowledged."""
        self.pin_dialog = acknowledgement_dialog(self.ctx, self.check_id, self.form.staff_name,
                                                 self)
        self.pin_dialog.finished.connect(lambda _result: self.accept())
        self.pin_dialog.open()
        return self.pin_dialog


def acknowledgement_dialog(ctx, check_id: int, staff_name: str,
                           parent: QWidget | None = None) -> PinDialog:
    def verify(pin: str):
        # A wrong PIN raises FrontdeskError to the dialog; the runner announces the change.
        return ctx.run(grooming.acknowledge, check_id=check_id, pin=pin)

    return PinDialog(
        QCoreApplication.translate("PinDialog", "Acknowledge the check"),
        QCoreApplication.translate(
            "PinDialog", "{name}, please read the result and enter your own PIN to acknowledge it.").format(name=staff_name),
        verify, parent)
