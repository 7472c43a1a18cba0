"""The calling panel's dialogs: transfer a patient, pause a clinic (停诊), record a priority.

Both keep what was typed and show a refusal at its field (a paused clinic or an
inactive doctor at "doctor"); Enter confirms, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk.money import format_fen
from frontdesk.queue import clinic
from frontdesk.queue.priority import LABELS, PriorityClass
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.form_dialog import lay_out_form_dialog, show_refusal


class TransferDialog(QDialog):
    """Move the patient to another department or doctor; says the fee due, if any."""

    def __init__(self, ctx, row: clinic.QueueRow, choices: list[clinic.ClinicChoice],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.choices = choices
        self.result_info: clinic.TransferResult | None = None
        self.setObjectName("transferDialog")
        self.setMinimumWidth(480)  # room for a refusal at the field on one or two lines
        self.setWindowTitle(self.tr("Transfer {number} {name}").format(
            number=row.queue_label, name=row.patient_name))
        self.department = QComboBox()
        self.department.setObjectName("transferDepartment")
        for c in choices:
            self.department.addItem(c.name.text(), c.department_id)
        self.department.setCurrentIndex(max(0, self.department.findData(row.department_id)))
        self.doctor = QComboBox()
        self.doctor.setObjectName("transferDoctor")
        self.note = QLineEdit()
        self.note.setObjectName("transferNote")
        self.note.setMaxLength(clinic.REASON_MAX_LENGTH)
        self.department_box = FieldBox("department_id", self.department)
        self.doctor_box = FieldBox("doctor_id", self.doctor)
        self.note_box = FieldBox("note", self.note)
        form = QFormLayout()
        form.addRow(self.tr("&Department"), self.department_box)
        form.addRow(self.tr("Doc&tor"), self.doctor_box)
        form.addRow(self.tr("&Note"), self.note_box)
        self.hint = QLabel(self.tr("No new registration: the fee rules say whether anything more "
                                   "is due."))
        self.hint.setWordWrap(True)
        self.error = error_label("transferError")
        lay_out_form_dialog(self, form, self.hint, self.error, ok_text=self.tr("Transfer"))
        self.department.currentIndexChanged.connect(self._fill_doctors)
        self.doctor.currentIndexChanged.connect(lambda _i: self.doctor_box.clear_error())
        self._fill_doctors()
        self.doctor.setFocus()

    def _fill_doctors(self, _index: int = -1) -> None:
        self.department_box.clear_error()
        self.doctor_box.clear_error()
        dept = self.department.currentData()
        choice = next((c for c in self.choices if c.department_id == dept), None)
        self.doctor.clear()
        self.doctor.addItem(self.tr("Any doctor"), None)
        for doc_id, name in choice.doctors if choice else []:
            if doc_id != self.row.doctor_id or dept != self.row.department_id:
                self.doctor.addItem(name, doc_id)

    def submit(self) -> None:
        show_error(self.error, "")
        self.ctx.run(clinic.transfer, self.row.entry_id, actor=self.ctx.staff,
                     expected_version=self.row.version,
                     department_id=self.department.currentData(),
                     doctor_id=self.doctor.currentData(), note=self.note.text(),
                     on_done=self._done, on_error=self._failed)

    def _done(self, result: clinic.TransferResult) -> None:
        self.result_info = result
        parent = self.parent()
        if result.fee_due_fen and hasattr(parent, "now"):
            parent.now.setText(self.tr("{number} transferred: {fee} more to pay at billing.")
                               .format(number=result.row.queue_label,
                                       fee=format_fen(result.fee_due_fen)))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        show_refusal(exc, {"department_id": self.department_box, "doctor_id": self.doctor_box,
                           "note": self.note_box}, self.error)
        self.adjustSize()  # the message's lines need room; nothing typed is lost


class PauseDialog(QDialog):
    """Pause the clinic with a reason; the waiting patients may go to another doctor at once."""

    def __init__(self, ctx, department_id: int, doctor_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.department_id = department_id
        self.doctor_id = doctor_id
        self.is_paused = False
        self.setObjectName("pauseDialog")
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("Pause clinic (停诊)"))
        self.reason = QLineEdit()
        self.reason.setObjectName("pauseReason")
        self.reason.setMaxLength(clinic.REASON_MAX_LENGTH)
        self.reason.setPlaceholderText(self.tr("e.g. called to an emergency"))
        self.move_to = QComboBox()
        self.move_to.setObjectName("pauseMoveTo")
        self.move_to.addItem(self.tr("Keep them waiting here"), None)
        self.reason_box = FieldBox("reason", self.reason)
        self.move_box = FieldBox("doctor_id", self.move_to)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason_box)
        form.addRow(self.tr("&Waiting patients go to"), self.move_box)
        self.error = error_label("pauseError")
        lay_out_form_dialog(self, form, self.error, ok_text=self.tr("Pause"))
        ctx.run(clinic.alternatives, department_id, doctor_id, on_done=self._fill,
                on_error=self._failed)
        self.reason.setFocus()

    def _fill(self, alternatives: list[tuple[int, str]]) -> None:
        for doc_id, name in alternatives:
            self.move_to.addItem(name, doc_id)

    def submit(self) -> None:
        show_error(self.error, "")
        if self.is_paused:  # paused already; only the move failed: try the move again
            self._paused(None)
            return
        self.ctx.run(clinic.pause_clinic, self.department_id, self.doctor_id,
                     actor=self.ctx.staff, reason=self.reason.text(), on_done=self._paused,
                     on_error=self._failed)

    def _paused(self, _result: clinic.PauseResult | None) -> None:
        self.is_paused = True
        self.reason.setEnabled(False)
        target = self.move_to.currentData()
        if target is None:
            self.accept()
            return
        self.ctx.run(clinic.transfer_waiting, self.department_id, self.doctor_id,
                     actor=self.ctx.staff, to_doctor_id=target,
                     on_done=lambda _moved: self.accept(), on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        show_refusal(exc, {"reason": self.reason_box, "doctor_id": self.move_box}, self.error)
        self.adjustSize()  # the message's lines need room; nothing typed is lost


class PriorityDialog(QDialog):
    """Record the class the panel sees (pregnant, disabled, military, …); None clears it."""

    def __init__(self, ctx, row: clinic.QueueRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("priorityDialog")
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Priority for {number} {name}").format(
            number=row.queue_label, name=row.patient_name))
        self.choice = QComboBox()
        self.choice.setObjectName("priorityChoice")
        for cls in PriorityClass:
            self.choice.addItem(LABELS[cls].text(), cls.value)
        self.choice_box = FieldBox("priority", self.choice)
        form = QFormLayout()
        form.addRow(self.tr("&Class"), self.choice_box)
        self.error = error_label("priorityError")
        lay_out_form_dialog(self, form, self.error)
        self.choice.setFocus()

    def submit(self) -> None:
        show_error(self.error, "")
        self.ctx.run(clinic.set_priority, self.row.entry_id, actor=self.ctx.staff,
                     expected_version=self.row.version, priority=self.choice.currentData(),
                     on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        show_refusal(exc, {"priority": self.choice_box}, self.error)
        self.adjustSize()
