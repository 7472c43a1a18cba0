"""Shift handover (交接班): read and acknowledge open notes, write the note for your shift."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import localized, text
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import attendance, handover, shift_rules
from frontdesk.ui import style
from frontdesk.ui.widgets import phrase_check
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating


class HandoverTab(Retranslating, QWidget):
    notes_changed = Signal()  # the list of notes waiting for acknowledgement was reloaded
    _saved = False  # the status says a note was saved

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handoverTab")
        self.notes: list[handover.NoteView] = []

        # Left: notes waiting for the incoming shift.
        self.pending_box = QGroupBox()
        self.pending_list = QListWidget()
        self.pending_list.setObjectName("pendingNotesList")
        self.pending_list.setWordWrap(True)
        self.pending_list.setProperty(style.ROLE, "notes")
        self.pending_list.itemSelectionChanged.connect(self._update_buttons)
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("acknowledgeNoteButton")
        self.ack_error = error_label("acknowledgeNoteError")
        left = QVBoxLayout(self.pending_box)
        left.addWidget(self.pending_list, 1)
        left.addWidget(self.ack_error)
        left.addWidget(self.ack_button)

        # Right: the note for the shift now ending.
        self.write_box = QGroupBox()
        self.shift_combo = QComboBox()
        self.shift_combo.setObjectName("handoverShiftCombo")
        self.equipment_edit = QPlainTextEdit()
        self.equipment_edit.setObjectName("equipmentEdit")
        self.equipment_error = error_label("equipmentError")
        self.cases_edit = QPlainTextEdit()
        self.cases_edit.setObjectName("hardCasesEdit")
        self.cases_error = error_label("hardCasesError")
        self.swaps_edit = QPlainTextEdit()
        self.swaps_edit.setObjectName("staffSwapsEdit")
        self.swaps_error = error_label("staffSwapsError")
        self.visits_edit = QPlainTextEdit()
        self.visits_edit.setObjectName("openVisitsEdit")
        self.visits_error = error_label("openVisitsError")
        self.fill_button = QPushButton()
        self.fill_button.setObjectName("fillOpenVisitsButton")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveHandoverButton")
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self.write_box)
        self.phrase_checks = []
        form.addRow(self.labels[0], self.shift_combo)
        for label, edit, error in ((self.labels[1], self.equipment_edit, self.equipment_error),
                                   (self.labels[2], self.cases_edit, self.cases_error),
                                   (self.labels[3], self.swaps_edit, self.swaps_error),
                                   (self.labels[4], self.visits_edit, self.visits_error)):
            edit.setTabChangesFocus(True)
            # The open visits are one a line: a morning's five and their count line were cut
            # at four lines with space to spare below; the other notes stay short boxes.
            edit.setMaximumHeight(220 if edit is self.visits_edit else 90)
            box = QVBoxLayout()
            box.addWidget(edit)
            box.addWidget(error)
            # Notes may reach patients: a gentle word on the house rules' forbidden phrases.
            self.phrase_checks.append(phrase_check.attach(edit, box))
            form.addRow(label, box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fill_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form.addRow(self.status)
        # 接班人未到，交班人不得离岗 (004): may the outgoing shift leave yet?
        self.relief_label = QLabel()
        self.relief_label.setObjectName("handoverRelief")
        self.relief_label.setWordWrap(True)
        form.addRow(self.relief_label)
        self.shift_combo.currentIndexChanged.connect(lambda _i: self._show_relief())

        splitter = QSplitter()
        splitter.addWidget(self.pending_box)
        splitter.addWidget(self.write_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.fill_button.clicked.connect(self.fill_open_visits)
        self.save_button.clicked.connect(self.save)
        ctx.changes.visits_changed.connect(self._visits_changed)
        self._visits_touched = False  # once the desk edits it, a refresh must not overwrite it
        self._filling_visits = False
        self.visits_edit.textChanged.connect(self._mark_touched)
        self.retranslate()

    def retranslate(self) -> None:
        self.pending_box.setTitle(self.tr("Notes for the incoming shift"))
        self.pending_list.setAccessibleName(self.tr("Handover notes not yet acknowledged"))
        self.ack_button.setText(self.tr("I have read it — &acknowledge"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the selected note"))
        self.write_box.setTitle(self.tr("Handover note for my shift"))
        for label, source in zip(self.labels, (self.tr("Shift:"), self.tr("Equipment:"),
                                               self.tr("Hard cases:"), self.tr("Staff swaps:"),
                                               self.tr("Open visits:")), strict=True):
            label.setText(source)
        self.shift_combo.setAccessibleName(self.tr("Shift"))
        self.equipment_edit.setAccessibleName(self.tr("Equipment problems"))
        self.equipment_edit.setPlaceholderText(self.tr("Printer, phone, computer, signage… or “all normal”"))
        self.cases_edit.setAccessibleName(self.tr("Hard cases"))
        self.cases_edit.setPlaceholderText(self.tr("Patients or questions the next shift must follow up"))
        self.swaps_edit.setAccessibleName(self.tr("Staff swaps"))
        self.swaps_edit.setPlaceholderText(self.tr("Who swapped shifts with whom"))
        self.visits_edit.setAccessibleName(self.tr("Open visits"))
        self.fill_button.setText(self.tr("Refresh open visits"))
        self.save_button.setText(self.tr("&Save handover note"))
        self.save_button.setAccessibleName(self.tr("Save handover note"))
        if self._saved:  # said again in the language switched to
            self._say_saved()
        self.refresh()

    # --- data ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the shifts, the waiting notes and the open visits."""
        try:
            with driver_errors("handover"):
                self._refresh()
        except FrontdeskError as exc:  # a driver error: say so where the tab speaks
            show_error(self.ack_error, exc.message())

    def _refresh(self) -> None:
        show_error(self.ack_error, "")
        actor = self.ctx.staff
        may = allowed(actor, Perm.WRITE_HANDOVER)
        self.save_button.setEnabled(may)
        self.pending_list.clear()
        self.notes = []
        if not may:
            self._update_buttons()
            self.notes_changed.emit()
            return
        code = self.shift_combo.currentData()
        if code is None:  # first look: the shift this person works today (the roster)
            mine = attendance.assigned_shifts(actor, clock.today())
            code = mine[-1].code if mine else None
        self.shift_combo.blockSignals(True)  # the relief line is shown once, below
        self.shift_combo.clear()
        for s in attendance.shifts():
            self.shift_combo.addItem(localized(s, "name"), s.code)
        self.shift_combo.setCurrentIndex(max(0, self.shift_combo.findData(code)))
        self.shift_combo.blockSignals(False)
        self.notes = handover.pending_notes(actor=actor)
        for note in self.notes:
            item = QListWidgetItem(note_text(note))
            self.pending_list.addItem(item)
        if not self._visits_touched:
            self.fill_open_visits()
        self._show_relief()
        self._update_buttons()
        self.notes_changed.emit()

    def _show_relief(self) -> None:
        if not hasattr(self, "relief_label"):
            return
        try:
            with driver_errors("handover"):
                message = shift_rules.relief_message(self.shift_combo.currentData(),
                                                     clock.today())
        except FrontdeskError as exc:  # a driver error: said where the tab speaks
            show_error(self.ack_error, exc.message())
            self.relief_label.hide()
            return
        self.relief_label.setText(message.text())
        self.relief_label.setVisible(bool(message.zh))

    def _mark_touched(self) -> None:
        if not self._filling_visits:
            self._visits_touched = True

    def fill_open_visits(self) -> None:
        """Pre-fill the open visits (the desk may then add to it)."""
        if not allowed(self.ctx.staff, Perm.WRITE_HANDOVER):
            return
        self._filling_visits = True
        self.visits_edit.setPlainText(handover.open_visits_text(actor=self.ctx.staff,
                                                                day=clock.today()))
        self._filling_visits = False
        self._visits_touched = False

    def _visits_changed(self) -> None:
        if not self._visits_touched:
            self.fill_open_visits()

    def _update_buttons(self) -> None:
        self.ack_button.setEnabled(bool(self.pending_list.selectedItems()))

    # --- actions ---------------------------------------------------------------

    def acknowledge_selected(self) -> None:
        show_error(self.ack_error, "")
        row = self.pending_list.currentRow()
        if row < 0 or row >= len(self.notes):
            return
        if self.ctx.run(handover.acknowledge_note, actor=self.ctx.staff,
                        note_id=self.notes[row].id,
                        on_error=lambda exc: show_error(self.ack_error, exc.message())) is None:
            return
        self.refresh()

    def save(self) -> None:
        errors = {"equipment": self.equipment_error, "hard_cases": self.cases_error,
                  "staff_swaps": self.swaps_error, "open_visits": self.visits_error}
        for label in errors.values():
            show_error(label, "")
        self.status.setText("")
        self._saved = False
        code = self.shift_combo.currentData()
        failed: list[Exception] = []

        def refused(exc: FrontdeskError) -> None:
            failed.append(exc)
            show_error(errors.get(exc.field or "", self.equipment_error), exc.message())

        def write(**fields):
            shift = next((s for s in attendance.shifts() if s.code == code), None)
            return handover.write_note(actor=self.ctx.staff, day=clock.today(), shift=shift,
                                       **fields)

        self.ctx.run(write, equipment=self.equipment_edit.toPlainText(),
                     hard_cases=self.cases_edit.toPlainText(),
                     staff_swaps=self.swaps_edit.toPlainText(),
                     open_visits=self.visits_edit.toPlainText(), on_error=refused)
        if failed:
            return
        for edit in (self.equipment_edit, self.cases_edit, self.swaps_edit):
            edit.clear()
        self._visits_touched = False
        self._saved = True
        self._say_saved()
        self.refresh()

    def _say_saved(self) -> None:
        self.status.setText(self.tr("Handover note saved; the next shift will see it."))


def note_text(n: handover.NoteView) -> str:
    """A handover note as the next shift reads it (the handover tab and the shift-start window)."""
    translate = QCoreApplication.translate
    lines = [translate("HandoverNote", "{day} {shift} — written by {author} at {time}").format(
        day=n.day.isoformat(), shift=n.shift_name, author=n.author_name,
        time=n.written_at.strftime("%H:%M"))]
    for label, value in ((translate("HandoverNote", "Equipment"), n.equipment),
                         (translate("HandoverNote", "Hard cases"), n.hard_cases),
                         (translate("HandoverNote", "Staff swaps"), n.staff_swaps),
                         (translate("HandoverNote", "Open visits"), n.open_visits)):
        if value:  # a full-width colon in Chinese, as every other label says it
            lines.append(f"{label}{text('：', ': ')}{value}")
    return "\n".join(lines)
