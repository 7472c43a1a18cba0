"""The patient banner above every desk step: who this is and how long they have waited.

One row says number, name, sex/age, VIP card, red flag and the time since
arrival; a second row says what the step needs from earlier steps
(registration: complaint, department, doctor; billing and escort: department
and doctor). It reads only the VisitView the desk already holds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from frontdesk import clock, stages
from frontdesk.ui import style
from frontdesk.ui.widgets.labels import ElidedLabel, set_whole_text
from frontdesk.ui.widgets.retranslate import Retranslating

TICK_MS = 30_000  # the "waited" minutes


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    return label


class PatientBanner(Retranslating, QFrame):
    """Number · name · sex/age · VIP · red flag · waited; and the step's context row."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = None
        self.built = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.hide()

    def _build(self) -> None:
        """The rows, made with the first patient: the desk opens with nobody chosen, and
        the banner's boxed labels are not worth their start-up time before then."""
        self.built = True
        self.setObjectName("patientBanner")  # its box: ui/style.py
        style.repolish(self)
        self.number = _label("bannerNumber")
        self.name = ElidedLabel()  # a long name gives way; the number never does
        self.name.setObjectName("bannerName")
        self.sex_age = _label("bannerSexAge")
        self.vip = _label("bannerVip")
        self.red_flag = _label("bannerRedFlag")
        self.waited = _label("bannerWaited")
        self.context_row = _label("bannerContext")
        self.context_row.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(12)  # synthetic bold CJK runs wider than its metrics say
        for w in (self.number, self.name, self.sex_age, self.vip, self.red_flag):
            top.addWidget(w, 1 if w is self.name else 0)
        # The wait goes beside the context: the first row keeps room for a long name.
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.context_row, 1)
        second.addWidget(self.waited, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(second)
        self._timer.start()

    def show_visit(self, view) -> None:
        """Fill the banner from `view` (None: hide it)."""
        self.view = view
        if view is None:
            self.hide()
            return
        if not self.built:
            self._build()
        # Imported here: frontdesk.reception (the whole domain package) is not needed to
        # paint the first frame, and the banner is built with the desk at start-up.
        from frontdesk.reception.visit_numbers import view_number
        from frontdesk.ui.reception.lookup import sex_text, vip_text

        number = view_number(view)
        if view.queue_label:
            number += f"  {view.queue_label}"
        set_whole_text(self.number, number)
        self.name.setText(self.name_text(view))
        age = self.tr("{n} y").format(n=view.age) if view.age is not None else ""
        sex_age = f"{sex_text(view.sex)} {age}"
        self.sex_age.setText(sex_age.strip())
        self.sex_age.setVisible(bool(sex_age.strip()))
        self.vip.setText(vip_text(view.vip_tier))
        self.vip.setVisible(bool(view.vip_tier))
        self.red_flag.setText(self.tr("⚠ Red flag"))
        self.red_flag.setVisible(bool(view.red_flag))
        self.context_row.setText(self.context_text(view))
        self._tick()
        self.show()

    def name_text(self, view) -> str:
        """The record's name; before registration what the door recorded (the list and the
        coach already call the patient by it), marked as the door's; else that none is taken."""
        if view.patient_name:
            return view.patient_name
        door_name = getattr(view, "door_name", "")
        if door_name:
            return self.tr("{name} (given at the door)").format(name=door_name)
        return self.tr("(name not taken yet)")

    def context_text(self, view) -> str:
        """What this step needs from the earlier ones, in one line."""
        complaint = (self.tr("Complaint: {text}").format(text=view.complaint)
                     if view.complaint else "")
        dept = self.tr("Department: {name}").format(name=view.department_name) \
            if view.department_name else ""
        doctor = ""
        if view.doctor_name:
            doctor = self.tr("Doctor: {name}").format(
                name=f"{view.doctor_name} {view.doctor_title}".strip())
        elif view.department_name:
            doctor = self.tr("Doctor: any on duty")
        if view.stage in (stages.REGISTRATION, stages.TRIAGE, stages.GREETING):
            parts = [complaint, dept, doctor]
        else:
            parts = [dept, doctor]
        return "   ·   ".join(p for p in parts if p)

    def waited_minutes(self) -> int | None:
        v = self.view
        if v is None or v.arrived_at is None:
            return None
        return max(0, int((clock.now() - v.arrived_at).total_seconds() // 60))

    def _tick(self) -> None:
        if not self.built:
            return
        minutes = self.waited_minutes()
        if minutes is None:
            self.waited.clear()
            return
        if minutes < 60:
            self.waited.setText(self.tr("Arrived {m} min ago").format(m=minutes))
        else:
            self.waited.setText(self.tr("Arrived {h} h {m} min ago").format(
                h=minutes // 60, m=minutes % 60))

    def text(self) -> str:
        """Everything the banner says, for tests and screen readers."""
        if not self.built:
            return ""
        parts = [w.text() for w in (self.number, self.name, self.sex_age, self.vip,
                                    self.red_flag, self.waited, self.context_row)
                 if not w.isHidden() and w.text()]
        return "  ".join(parts)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Patient"))
        if self.view is not None:
            self.show_visit(self.view)
