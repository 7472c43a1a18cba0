"""Triage (分诊): the complaint, suggested departments with their reasons, doctors on duty.

The rules only suggest; the choice is the staff's. A red-flag complaint shows
a red banner and puts the emergency department first. Keyboard: type the
complaint, Enter → department list, Enter → doctor list, Enter → confirm;
Ctrl+Enter confirms from anywhere; Shift+Enter is a new line in the complaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, i18n, triage
from frontdesk.errors import FrontdeskError, ValidationError
from frontdesk.money import format_fen
from frontdesk.reception.load import WaitingLoad, waiting_load
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import ENTER_KEYS, FieldBox
from frontdesk.ui.widgets.retranslate import Retranslating

SUGGEST_DELAY_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole
NO_DOCTOR = 0  # the "any doctor on duty" row


@dataclass(frozen=True)
class TriageChoice:
    complaint: str
    department_id: int | None
    doctor_id: int | None


class TriagePanel(Retranslating, QWidget):
    """Emits `confirm_requested(TriageChoice)`; the desk calls the domain."""

    confirm_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("triagePanel")
        self.suggestion = triage.TriageSuggestion(False)
        self._departments: list[triage.DepartmentView] = []
        # The patient's sex ("M"/"F") and age in years when the desk knows them
        # (a returning patient attached before triage, an appointment).
        self._sex: str | None = None
        self._age: float | None = None
        self.load_now = WaitingLoad()  # who waits per department and doctor (read at load)

        self.complaint_label = QLabel()
        self.complaint = QPlainTextEdit()
        self.complaint.setObjectName("complaint")
        self.complaint.setTabChangesFocus(True)
        self.complaint.setFixedHeight(64)
        self.complaint_box = FieldBox("complaint", self.complaint)
        self.complaint_label.setBuddy(self.complaint)

        self.red_banner = QLabel()
        self.red_banner.setObjectName("redFlagBanner")
        self.red_banner.setWordWrap(True)
        self.red_banner.hide()

        self.dept_label = QLabel()
        self.departments = QListWidget()
        self.departments.setObjectName("departmentList")
        self.dept_box = FieldBox("department_id", self.departments)
        self.dept_label.setBuddy(self.departments)
        self.doctor_label = QLabel()
        self.doctors = QListWidget()
        self.doctors.setObjectName("doctorList")
        self.doctor_box = FieldBox("doctor_id", self.doctors)
        self.doctor_label.setBuddy(self.doctors)
        for lst in (self.departments, self.doctors):
            lst.setMinimumHeight(150)
            # Long English lines wrap instead of hiding the fee past a sideways scroll.
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("triageConfirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.setMinimumHeight(36)

        grid = QGridLayout()
        grid.addWidget(self.dept_label, 0, 0)
        grid.addWidget(self.doctor_label, 0, 1)
        grid.addWidget(self.dept_box, 1, 0)
        grid.addWidget(self.doctor_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.complaint_label)
        layout.addWidget(self.complaint_box)
        layout.addWidget(self.red_banner)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.update_suggestions)
        self.complaint.textChanged.connect(self._timer.start)
        self._updating = False
        self._picked_by_hand = False  # once the staff picks, typing no longer re-picks
        self._said_too_long = False  # the complaint box shows "too long" (cleared once it fits)
        self.departments.currentItemChanged.connect(self._department_changed)
        self.confirm_button.clicked.connect(self.confirm)
        for w in (self.complaint, self.departments, self.doctors):
            w.installEventFilter(self)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.confirm)
        self.retranslate()

    # --- public ------------------------------------------------------------------

    def load(self, complaint: str, department_id: int | None, doctor_id: int | None, *,
             sex: str | None = None, age: float | None = None) -> None:
        """Show a visit's triage so far (an appointment may have pre-filled it).

        `sex` and `age` are the linked patient's, when there is one: the
        suggestions then use them (a child → paediatrics, no gynaecology for a man).
        """
        self.set_patient(sex, age)
        try:
            self.load_now = waiting_load()
        except FrontdeskError:
            self.load_now = WaitingLoad()  # the load is a hint: triage goes on without it
        try:
            self._departments = triage.departments()
        except FrontdeskError as exc:
            self.dept_box.set_error(exc.message())
            self._departments = []
        for box in (self.complaint_box, self.dept_box, self.doctor_box):
            box.clear_error()
        self._picked_by_hand = bool(department_id)
        self.complaint.blockSignals(True)
        self.complaint.setPlainText(complaint or "")
        self.complaint.blockSignals(False)
        self.update_suggestions(prefer=department_id, doctor=doctor_id)

    def set_patient(self, sex: str | None, age: float | None) -> None:
        """The patient the suggestions are for (None, None: not known yet)."""
        self._sex = sex if sex in ("M", "F") else None
        self._age = float(age) if age is not None and age >= 0 else None

    def choice(self) -> TriageChoice:
        dept = self.departments.currentItem()
        doc = self.doctors.currentItem()
        doctor_id = doc.data(ID_ROLE) if doc is not None else None
        return TriageChoice(
            complaint=self.complaint.toPlainText(),
            department_id=dept.data(ID_ROLE) if dept is not None else None,
            doctor_id=doctor_id or None,
        )

    def confirm(self) -> None:
        self.complaint_box.clear_error()
        if not self.complaint.toPlainText().strip():
            self.show_error(ValidationError("请填写主诉（哪里不舒服）。",
                                            "Please enter the complaint.", field="complaint"))
            return
        if self._timer.isActive():
            self.update_suggestions()
        self.confirm_requested.emit(self.choice())

    def show_error(self, exc: ValidationError) -> bool:
        """Show a domain error at its field; False when it belongs to no field here."""
        box = {"complaint": self.complaint_box, "department_id": self.dept_box,
               "doctor_id": self.doctor_box}.get(exc.field or "")
        if box is None:
            return False
        box.set_error(exc.message())
        box.editor.setFocus()
        return True

    def department_ids(self) -> list[int]:
        return [self.departments.item(i).data(ID_ROLE) for i in range(self.departments.count())]

    def doctor_ids(self) -> list[int]:
        return [self.doctors.item(i).data(ID_ROLE) for i in range(self.doctors.count())]

    def select_department(self, department_id: int) -> None:
        for i in range(self.departments.count()):
            if self.departments.item(i).data(ID_ROLE) == department_id:
                self.departments.setCurrentRow(i)
                return

    def select_doctor(self, doctor_id: int | None) -> None:
        for i in range(self.doctors.count()):
            if self.doctors.item(i).data(ID_ROLE) == (doctor_id or NO_DOCTOR):
                self.doctors.setCurrentRow(i)
                return

    # --- suggestions -------------------------------------------------------------------

    def update_suggestions(self, prefer: int | None = None, doctor: int | None = None) -> None:
        """Re-rank departments for the complaint; keep the staff's pick unless told otherwise."""
        self._timer.stop()
        current = self.departments.currentItem()
        keep = prefer or (current.data(ID_ROLE) if current is not None else None)
        touched = current is not None and self._picked_by_hand
        text = self.complaint.toPlainText()
        try:
            from frontdesk import validation
            from frontdesk.db.faults import driver_errors
            from frontdesk.reception import COMPLAINT_MAX_LENGTH

            if len(text) > COMPLAINT_MAX_LENGTH:
                # Too long to confirm: say so now rather than rank a pasted page (seconds on
                # the UI thread for 10,000 characters).
                self._said_too_long = True
                validation.clean_text(text, "complaint", COMPLAINT_MAX_LENGTH)
            if self._said_too_long:  # cut down to size: the message goes
                self._said_too_long = False
                self.complaint_box.clear_error()
            with driver_errors("triage suggestions"):  # another desk writing: a sentence
                self.suggestion = triage.suggest(text, sex=self._sex, age=self._age)
        except FrontdeskError as exc:
            self.complaint_box.set_error(exc.message())
            self.suggestion = triage.TriageSuggestion(False)
        self._show_red_flag()
        ranked = {d[0]: d for d in self.suggestion.departments}
        emergency = [d for d in self._departments if d.is_emergency]
        order: list[triage.DepartmentView] = []
        if self.suggestion.red_flag:
            order += emergency
        order += [d for dept_id in ranked for d in self._departments
                  if d.id == dept_id and d not in order]
        order += [d for d in self._departments if d not in order]

        self._updating = True
        self.departments.blockSignals(True)
        self.departments.clear()
        for d in order:
            match = ranked.get(d.id)
            label = d.name + "  " + self.waiting_text(self.load_now.department(d.id))
            if match:
                label += "  — " + self.tr("matched: {words}").format(
                    words=i18n.text("、", ", ").join(match[2]))
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, d.id)
            if d.is_emergency and self.suggestion.red_flag:
                item.setForeground(QBrush(QColor(style.ERROR)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            elif match:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            else:
                item.setForeground(QBrush(QColor(style.SECONDARY)))
            self.departments.addItem(item)
        self.departments.blockSignals(False)

        if prefer:
            target = prefer
        elif self.suggestion.red_flag and emergency:
            target = emergency[0].id
        elif touched and keep:
            target = keep
        elif self.suggestion.departments:
            target = self.suggestion.departments[0][0]
        else:
            target = keep
        if target:
            self.select_department(target)
        if self.departments.currentItem() is None and self.departments.count():
            self.departments.setCurrentRow(0)
        self._updating = False
        self._load_doctors(doctor)

    def _department_changed(self, *_args) -> None:
        if self._updating:
            return
        self._picked_by_hand = True
        self._load_doctors()

    def _show_red_flag(self) -> None:
        s = self.suggestion
        self.red_banner.setVisible(s.red_flag)
        if s.red_flag:
            self.red_banner.setText(self.tr(
                "⚠ RED FLAG: {words} — send to Emergency now, escort at once; "
                "the fee is paid later.").format(words=s.red_flag_reason()))

    def _load_doctors(self, prefer: int | None = None) -> None:
        dept = self.departments.currentItem()
        current = self.doctors.currentItem()
        keep = prefer if prefer is not None else (current.data(ID_ROLE) if current else None)
        self.doctors.clear()
        any_item = QListWidgetItem(self.tr("Any doctor on duty"))
        any_item.setData(ID_ROLE, NO_DOCTOR)
        self.doctors.addItem(any_item)
        self.doctor_box.clear_error()
        if dept is not None:
            try:
                views = triage.doctors(dept.data(ID_ROLE), clock.now())
            except FrontdeskError as exc:
                self.doctor_box.set_error(exc.message())
                views = []
            for d in views:
                text = (f"{d.name}  {d.title}  · {format_fen(d.fee_fen)}  · "
                        + self.waiting_text(self.load_now.doctor(d.id)))
                if d.specialty:
                    text += "\n    " + d.specialty
                if not d.on_duty:
                    text += "  " + self.tr("(not on duty now)")
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, d.id)
                if not d.on_duty:
                    item.setForeground(QBrush(QColor(style.DISABLED)))
                self.doctors.addItem(item)
        self.select_doctor(keep)
        if self.doctors.currentItem() is None:
            self.doctors.setCurrentRow(0)

    def waiting_text(self, count: int) -> str:
        return self.tr("{n} waiting").format(n=count)

    # --- keyboard --------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier:
                self.confirm()
                return True
            if obj is self.complaint:
                if mods & Qt.KeyboardModifier.ShiftModifier:
                    return False  # a new line
                self.update_suggestions()
                self.departments.setFocus()
                return True
            if obj is self.departments:
                self.doctors.setFocus()
                return True
            if obj is self.doctors:
                self.confirm()
                return True
        return False

    def retranslate(self) -> None:
        self.complaint_label.setText(self.tr("&Complaint — what is bothering the patient most?"))
        self.complaint.setPlaceholderText(self.tr("e.g. stomach ache for three days"))
        self.complaint.setAccessibleName(self.tr("Complaint"))
        self.dept_label.setText(self.tr("&Department (suggested first)"))
        self.departments.setAccessibleName(self.tr("Department"))
        self.doctor_label.setText(self.tr("D&octor (on duty first)"))
        self.doctors.setAccessibleName(self.tr("Doctor"))
        self.confirm_button.setText(self.tr("Confirm triage (Ctrl+Enter)"))
        self.confirm_button.setAccessibleName(self.tr("Confirm triage"))
        if self._departments:  # shown already: their names and the doctors' are read in
            self._relist()      # the language, so read them again, keeping the choice

    def _relist(self) -> None:
        try:
            self._departments = triage.departments()
        except FrontdeskError:
            return  # the lists stay as they are; the next load reads them again
        dept, doc = self.departments.currentItem(), self.doctors.currentItem()
        picked = self._picked_by_hand
        self.update_suggestions(
            prefer=dept.data(ID_ROLE) if dept is not None and picked else None,
            doctor=doc.data(ID_ROLE) if doc is not None else None)
        self._picked_by_hand = picked
