"""Escort (陪诊): who walks the patient, where to (room, floor, directions), the guide slip.

"Handed to the doctor" closes the visit; "back at post" frees the escort for
the next patient. Enter presses whichever of the two is due.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import stages
from frontdesk.ui.widgets.fields import FieldBox, button_shortcut
from frontdesk.ui.widgets.retranslate import Retranslating


class EscortPanel(Retranslating, QWidget):
    """Emits `handed_requested(escort_id)`, `back_requested()` and `print_requested()`."""

    handed_requested = Signal(int)
    back_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("escortPanel")
        self.view = None
        self.deferred = QLabel()
        self.deferred.setObjectName("deferredBanner")
        self.deferred.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("escortWhere")
        self.where.setWordWrap(True)
        self.directions = QLabel()
        self.directions.setObjectName("escortDirections")
        self.directions.setWordWrap(True)
        self.doctor = QLabel()
        self.doctor.setObjectName("escortDoctor")
        self.escort = QComboBox()
        self.escort.setObjectName("escortChoice")
        self.escort.setMinimumWidth(200)
        self.escort_box = FieldBox("escort_id", self.escort)
        self.escort_label = QLabel()
        self.escort_label.setBuddy(self.escort)
        self.busy_note = QLabel()
        self.busy_note.setObjectName("busyEscortsNote")
        self.busy_note.setWordWrap(True)
        self.busy: list = []  # reception.BusyEscort: why someone is not in the picker
        self.status = QLabel()
        self.status.setObjectName("escortStatus")
        self.status.setWordWrap(True)

        self.print_button = QPushButton()
        self.print_button.setObjectName("printGuideSlip")
        self.print_shortcut = button_shortcut(self.print_button, "Ctrl+G")
        self.handed_button = QPushButton()
        self.handed_button.setObjectName("handedToDoctor")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backAtPost")
        for b in (self.handed_button, self.back_button):
            b.setMinimumHeight(40)

        form = QFormLayout()
        form.addRow(self.escort_label, self.escort_box)
        form.addRow("", self.busy_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.handed_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.deferred)
        layout.addWidget(self.where)
        layout.addWidget(self.directions)
        layout.addWidget(self.doctor)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.handed_button.clicked.connect(self._handed)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.escort.installEventFilter(self)
        self.retranslate()

    def show_visit(self, view, escorts: list[tuple[int, str]], busy: list | None = None) -> None:
        """Show where the visit goes; `escorts` are the staff free to walk with the patient.

        `busy` (reception.BusyEscort) are those out with another patient: they are not
        offered, and the note under the picker says where they are.
        """
        self.view = view
        self.busy = [b for b in (busy or []) if b.visit_id != view.id]
        self.escort_box.clear_error()
        choices = list(escorts)
        if view.escort_id and all(e[0] != view.escort_id for e in choices):
            choices.insert(0, (view.escort_id, view.escort_name))
        self.escort.clear()
        for staff_id, name in choices:
            self.escort.addItem(name, staff_id)
        if view.escort_id:
            self.escort.setCurrentIndex(max(0, self.escort.findData(view.escort_id)))
        done = view.stage == stages.DONE
        self.escort.setEnabled(not done)
        self.handed_button.setVisible(not done)
        self.back_button.setVisible(done and not view.escort_back)
        self.handed_button.setDefault(not done)
        self.back_button.setDefault(done)
        self._texts()

    def escort_id(self) -> int | None:
        return self.escort.currentData()

    def press_default(self) -> None:
        """What Enter does: hand over, or back at post once handed over."""
        if self.back_button.isVisibleTo(self):
            self.back_requested.emit()
        elif self.handed_button.isVisibleTo(self):
            self._handed()

    def _handed(self) -> None:
        escort_id = self.escort_id()
        if escort_id is None:
            self.escort_box.set_error(self.tr("Choose who escorts the patient."))
            self.escort.setFocus()
            return
        self.handed_requested.emit(escort_id)

    def show_error(self, exc) -> bool:
        if exc.field == "escort_id":
            self.escort_box.set_error(exc.message())
            return True
        return False

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and obj is self.escort
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not self.escort.view().isVisible()):
            self.press_default()
            return True
        return False

    def _busy_text(self) -> str:
        if not self.busy or self.view is None or self.view.stage != stages.ESCORT:
            return ""
        people = self.tr("; ").join(
            self.tr("{name} (with {number} since {time})").format(
                name=b.name, number=b.queue_label or f"#{b.visit_id}",
                time=b.since.strftime("%H:%M") if b.since else "")
            for b in self.busy)
        return self.tr("Not in the list — still out with a patient: {people}. "
                       "When they return, open that visit and press “Back at post”."
                       ).format(people=people)

    def _texts(self) -> None:
        v = self.view
        if v is None:
            return
        self.busy_note.setText(self._busy_text())
        self.busy_note.setVisible(bool(self.busy_note.text()))
        place = " · ".join(p for p in (v.department_name, v.room, v.floor) if p)
        self.where.setText(f"{v.queue_label}  {place}".strip())
        self.directions.setText(v.directions or self.tr("No directions are set for this room."))
        doctor = f"{v.doctor_name} {v.doctor_title}".strip() or self.tr("any doctor on duty")
        self.doctor.setText(self.tr("Doctor: {doctor}").format(doctor=doctor))
        self.deferred.setVisible(bool(v.billing_deferred) and v.stage == stages.ESCORT)
        self.deferred.setText(self.tr("⚠ Red flag: take the patient to Emergency now. "
                                      "The fee is paid later."))
        if v.stage == stages.DONE:
            self.status.setText(
                self.tr("With the doctor. {name}, press “Back at post” when you are back.")
                .format(name=v.escort_name or "") if not v.escort_back
                else self.tr("The escort is back at the post."))
        else:
            self.status.clear()

    def retranslate(self) -> None:
        self.escort_label.setText(self.tr("&Escort:"))
        self.escort.setAccessibleName(self.tr("Escort"))
        self.print_button.setText(self.tr("Print guide slip (Ctrl+G)"))
        self.print_button.setAccessibleName(self.tr("Print guide slip"))
        self.handed_button.setText(self.tr("Handed to the doctor (Enter)"))
        self.handed_button.setAccessibleName(self.tr("Handed to the doctor"))
        self.back_button.setText(self.tr("Back at post (Enter)"))
        self.back_button.setAccessibleName(self.tr("Back at post"))
        self._texts()
