"""The desk's step pages that combine smaller widgets, and the "patient left" box.

- GreetingStep: a handed-over arrival waiting for the desk ("take" with Enter).
- TriageStep: the record lookup (returning patients) above the triage panel.
- RegistrationStep: the registration form with the duplicate warning.
- ClosedStep: a finished or abandoned visit, read-only.
- LeaveBox: why the patient left, from any open stage.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk import stages
from frontdesk.ui import style
from frontdesk.ui.reception.lookup import PatientLookup, sex_text, vip_text
from frontdesk.ui.reception.registration import RegistrationFormWidget
from frontdesk.ui.reception.triage import TriagePanel
from frontdesk.ui.widgets.fields import FieldBox, button_shortcut
from frontdesk.ui.widgets.retranslate import Retranslating


def patient_summary(view) -> str:
    """王丽 · 女 26 · 金卡 · D0000012 — one line for the header."""
    parts = [view.patient_name]
    sex_age = f"{sex_text(view.sex)} {'' if view.age is None else view.age}".strip()
    if sex_age:
        parts.append(sex_age)
    if view.vip_tier:
        parts.append(vip_text(view.vip_tier))
    if view.record_no:
        parts.append(view.record_no)
    return " · ".join(p for p in parts if p)


class GreetingStep(Retranslating, QWidget):
    take_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("greetingStep")
        self.info = QLabel()
        self.info.setObjectName("greetingInfo")
        self.info.setWordWrap(True)
        self.take_button = QPushButton()
        self.take_button.setObjectName("takeAtDesk")
        self.take_button.setAutoDefault(True)
        self.take_button.setProperty(style.ROLE, "primary")
        self.take_button.clicked.connect(self.take_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.take_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.view = None
        self.retranslate()

    def show_visit(self, view) -> None:
        self.view = view
        self._texts()
        self.take_button.setFocus()

    def _texts(self) -> None:
        v = self.view
        if v is None:
            return
        first = self.tr("First visit") if v.first_visit else self.tr("Has been here before")
        booked = self.tr("booked") if v.has_appointment else self.tr("no appointment")
        self.info.setText(self.tr("A patient from the door: {first}, {booked}.").format(
            first=first, booked=booked))

    def retranslate(self) -> None:
        self.take_button.setText(self.tr("Take this patient (Enter)"))
        self.take_button.setAccessibleName(self.tr("Take this patient"))
        self._texts()


class TriageStep(Retranslating, QWidget):
    """Lookup first when the patient has been here before; F3 opens it any time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("triageStep")
        self.patient_line = QLabel()
        self.patient_line.setObjectName("triagePatient")
        self.find_button = QPushButton()
        self.find_button.setObjectName("showLookup")
        self.find_shortcut = button_shortcut(self.find_button, "F3")
        self.find_button.clicked.connect(self.show_lookup)
        self.lookup = PatientLookup()
        self.lookup.setMaximumHeight(260)
        self.triage = TriagePanel()
        top = QHBoxLayout()
        top.addWidget(self.patient_line, 1)
        top.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.lookup)
        layout.addWidget(self.triage, 1)
        self.lookup.new_patient.connect(self.hide_lookup)
        self.view = None
        self.retranslate()

    def show_visit(self, view, keep_typed: bool = False) -> None:
        same = self.view is not None and self.view.id == view.id
        self.view = view
        if view.patient_id:
            self.patient_line.setText(patient_summary(view))
        else:
            self.patient_line.setText(self.tr("No record linked yet"))
        # A linked patient's sex and age shape the suggestions (a child → paediatrics).
        sex, age = (view.sex or None, view.age) if view.patient_id else (None, None)
        if not (keep_typed and same):
            self.triage.load(view.complaint, view.department_id, view.doctor_id,
                             sex=sex, age=age)
            if view.patient_id is None and not view.first_visit:
                self.show_lookup()
            else:
                self.hide_lookup()
        elif view.patient_id:
            # An appointment may have filled in the triage: show it unless typed over.
            if not self.triage.complaint.toPlainText().strip():
                self.triage.load(view.complaint, view.department_id, view.doctor_id,
                                 sex=sex, age=age)
            else:
                self.triage.set_patient(sex, age)
                self.triage.update_suggestions()
            self.hide_lookup()

    def show_lookup(self) -> None:
        self.lookup.show()
        self.lookup.reset()
        self.lookup.query.setFocus()

    def hide_lookup(self) -> None:
        self.lookup.hide()
        self.triage.complaint.setFocus()

    def retranslate(self) -> None:
        self.find_button.setText(self.tr("Find record (F3)"))
        if self.view is not None and not self.view.patient_id:
            self.patient_line.setText(self.tr("No record linked yet"))


class DuplicateWarning(Retranslating, QFrame):
    """Likely duplicates of the record about to be created, with the reasons."""

    use_requested = Signal(int)
    create_anyway = Signal()
    _dups: list = []  # (hit, reasons) shown, said again in another language

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.heading = QLabel()
        self.heading.setObjectName("duplicateHeading")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("duplicateList")
        self.list.setMaximumHeight(110)
        self.use_button = QPushButton()
        self.use_button.setObjectName("useDuplicate")
        self.use_button.setAutoDefault(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createAnyway")
        self.create_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self._use)
        self.create_button.clicked.connect(self.create_anyway.emit)
        self.list.itemActivated.connect(lambda _i: self._use())
        self.retranslate()

    def show_duplicates(self, dups) -> None:
        self._dups = list(dups)
        self._fill(0)
        self.show()
        self.list.setFocus()

    def _fill(self, row: int) -> None:
        """The records found, in the language now (sex, the reasons and their commas)."""
        from frontdesk import i18n, patients

        self.list.clear()
        for hit, reasons in self._dups:
            age = "" if hit.age is None else str(hit.age)
            why = i18n.text("、", ", ").join(map(patients.duplicate_reason_now, reasons))
            text = (f"{hit.name}  {sex_text(hit.sex)} {age}  {hit.phone_masked}  {hit.record_no}"
                    f"  — {why}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.list.addItem(item)
        self.list.setCurrentRow(row)

    def _use(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.use_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("This may be a patient we already have. Use the existing "
                                     "record unless you are sure it is someone else."))
        self.use_button.setText(self.tr("Same person: use this record (Enter)"))
        self.create_button.setText(self.tr("Someone else: create a new record"))
        if self._dups:
            self._fill(max(0, self.list.currentRow()))


class RegistrationStep(Retranslating, QWidget):
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("registrationStep")
        self.form = RegistrationFormWidget()
        self.duplicates = DuplicateWarning()
        self.duplicates.hide()
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("registerSubmit")
        self.submit_button.setProperty(style.ROLE, "primary")
        self.submit_button.setAutoDefault(True)
        self.late_banner = QLabel()
        self.late_banner.setObjectName("lateRegistrationBanner")
        self.late_banner.setWordWrap(True)
        self.late_banner.hide()
        self.review_note = QLabel()
        self.review_note.setObjectName("recordReviewNote")
        self.review_note.setWordWrap(True)
        self.review_note.hide()
        self.draft_note = QLabel()
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setProperty(style.ROLE, "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_note, 1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.late_banner)
        layout.addWidget(self.review_note)
        scroll = QScrollArea()  # the form is long on a small screen
        scroll.setObjectName("registrationScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.duplicates)
        layout.addLayout(buttons)
        self.submit_button.clicked.connect(self.submit_requested.emit)
        self.form.submit_requested.connect(self.submit_requested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.late_banner.setText(self.tr(
            "Deferred registration: this red-flag patient was treated first. Register now; "
            "the visit stays at its step, billing follows."))
        self.submit_button.setText(self.tr("Register, then billing (Ctrl+Enter)"))
        self.submit_button.setAccessibleName(self.tr("Register"))


class ClosedStep(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closedStep")
        self.info = QLabel()
        self.info.setObjectName("closedInfo")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addStretch(1)

    def show_visit(self, view) -> None:
        if view.stage == stages.LEFT:
            self.info.setText(self.tr("The patient left: {reason}").format(
                reason=view.left_reason))
        else:
            self.info.setText(self.tr("With the doctor; the escort is back at the post. "
                                      "This visit is complete."))


# (code stored by the domain — frontdesk.leave_reasons — , label shown here)
LEAVE_REASONS = (
    ("waited_too_long", QT_TRANSLATE_NOOP("LeaveBox", "Waited too long")),
    ("fee", QT_TRANSLATE_NOOP("LeaveBox", "The fee")),
    ("another_day", QT_TRANSLATE_NOOP("LeaveBox", "Will come another day")),
    ("other_hospital", QT_TRANSLATE_NOOP("LeaveBox", "Went to another hospital")),
    ("personal", QT_TRANSLATE_NOOP("LeaveBox", "Something came up")),
    ("consult_only", QT_TRANSLATE_NOOP("LeaveBox", "Only came to ask")),
)


class LeaveBox(Retranslating, QFrame):
    """Inline (not a modal dialog): reason, then Enter; Esc closes it."""

    leave_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("leaveBox")
        self.label = QLabel()
        self.reason = QComboBox()
        self.reason.setObjectName("leaveReason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setMinimumWidth(260)
        self.reason_box = FieldBox("reason", self.reason)
        self.label.setBuddy(self.reason)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("leaveConfirm")
        self.confirm_button.setAutoDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("leaveCancel")
        row = QHBoxLayout(self)
        row.addWidget(self.label)
        row.addWidget(self.reason_box, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self.hide)
        self.reason.lineEdit().returnPressed.connect(self._confirm)
        esc = QShortcut(QKeySequence("Escape"), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.hide)
        self.retranslate()

    def open(self) -> None:
        self.reason_box.clear_error()
        self.reason.setEditText("")
        self.show()
        self.reason.setFocus()

    def _confirm(self) -> None:
        # A listed reason is sent as its code (stored language-free); typed words as typed.
        i, typed = self.reason.currentIndex(), self.reason.currentText().strip()
        listed = i >= 0 and typed == self.reason.itemText(i)
        self.leave_requested.emit(self.reason.itemData(i) if listed else typed)

    def show_error(self, exc) -> bool:
        if exc.field == "reason":
            self.reason_box.set_error(exc.message())
            return True
        return False

    def retranslate(self) -> None:
        self.label.setText(self.tr("Why did the patient leave?"))
        self.reason.setAccessibleName(self.tr("Reason the patient left"))
        typed, i = self.reason.currentText(), self.reason.currentIndex()
        listed = i >= 0 and typed == self.reason.itemText(i)  # a reason picked, not typed
        self.reason.clear()
        for code, reason in LEAVE_REASONS:
            self.reason.addItem(QCoreApplication.translate("LeaveBox", reason), code)
        if listed:
            self.reason.setCurrentIndex(i)  # the same reason, in the new language
        else:
            self.reason.setEditText(typed)
        self.confirm_button.setText(self.tr("Record: patient left (Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
