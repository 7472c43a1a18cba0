"""The door guide's screen (导医, often a tablet): greet, two questions, hand over.

One big "new arrival" button; then 预约过吗? and 第一次来吗? as big yes/no
pairs; then "hand over to the desk", which creates the visit so the desk sees
it at once. Keys: F2 or Enter starts, Y/N answer the current question
(1/2 and 3/4 pick directly), Enter hands over, Esc starts again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from frontdesk import reception
from frontdesk.errors import FrontdeskError
from frontdesk.ui import style
from frontdesk.ui.reception.coach import CoachSubject, EtiquetteCoach
from frontdesk.ui.widgets.retranslate import Retranslating

BIG = "font-size: 20pt; font-weight: 700; padding: 14px;"
CHOICE_STYLE = (
    "QPushButton { font-size: 16pt; padding: 10px 18px; border: 2px solid #94a3b8;"
    " border-radius: 8px; background: white; }"
    "QPushButton:checked { background: #0f766e; color: white; border-color: #0f766e; }"
    "QPushButton:focus { border-color: #f59e0b; }"
)


class YesNo(QWidget):
    """A question with two big toggle buttons; `answer()` is True, False or None."""

    answered = Signal()

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(key)
        self.question = QLabel()
        self.question.setObjectName(f"{key}Question")
        self.question.setStyleSheet("font-size: 16pt;")
        self.yes = QPushButton()
        self.yes.setObjectName(f"{key}Yes")
        self.no = QPushButton()
        self.no.setObjectName(f"{key}No")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for b in (self.yes, self.no):
            b.setCheckable(True)
            b.setStyleSheet(CHOICE_STYLE)
            b.setMinimumWidth(140)
            self.group.addButton(b)
            b.clicked.connect(self.answered.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.question, 1)
        row.addWidget(self.yes)
        row.addWidget(self.no)

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_answer(self, value: bool | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            self.yes.setChecked(False)
            self.no.setChecked(False)
            self.group.setExclusive(True)
        else:
            (self.yes if value else self.no).setChecked(True)
        self.answered.emit()


class DoorPanel(Retranslating, QWidget):
    """Creates the visit with the two answers; emits `handed_over(visit_id)`."""

    handed_over = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("doorPanel")
        self.last_visit = None

        self.arrival_button = QPushButton()
        self.arrival_button.setObjectName("newArrival")
        self.arrival_button.setStyleSheet(
            "QPushButton { font-size: 26pt; font-weight: 700; padding: 26px;"
            " background: #0f766e; color: white; border-radius: 12px; }"
            "QPushButton:disabled { background: #94a3b8; }")
        self.arrival_button.setSizePolicy(QSizePolicy.Policy.Expanding,
                                          QSizePolicy.Policy.Fixed)
        self.questions = QFrame()
        self.questions.setObjectName("doorQuestions")
        self.booked = YesNo("booked")
        self.first_visit = YesNo("firstVisit")
        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handOver")
        self.handover_button.setStyleSheet(
            "QPushButton { " + BIG + " background: #1d4ed8; color: white; border-radius: 10px; }"
            "QPushButton:disabled { background: #cbd5e1; color: #475569; }")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("doorCancel")
        q_layout = QVBoxLayout(self.questions)
        q_layout.setSpacing(14)
        q_layout.addWidget(self.booked)
        q_layout.addWidget(self.first_visit)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.handover_button, 2)
        q_layout.addLayout(actions)

        self.message = QLabel()
        self.message.setObjectName("doorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt;")
        self.coach = EtiquetteCoach()
        self.coach.setObjectName("doorCoach")

        main = QVBoxLayout()
        main.addWidget(self.arrival_button)
        main.addSpacing(12)
        main.addWidget(self.questions)
        main.addWidget(self.message)
        main.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(main, 0, 0)
        layout.addWidget(self.coach, 0, 1)
        layout.setColumnStretch(0, 1)

        self.arrival_button.clicked.connect(self.start)
        self.handover_button.clicked.connect(self.hand_over)
        self.cancel_button.clicked.connect(self.reset)
        self.booked.answered.connect(self._answers_changed)
        self.first_visit.answered.connect(self._answers_changed)
        self.shortcuts = []
        for keys, slot in (("F2", self.start), ("Y", lambda: self._answer(True)),
                           ("N", lambda: self._answer(False)),
                           ("1", lambda: self.booked.set_answer(True)),
                           ("2", lambda: self.booked.set_answer(False)),
                           ("3", lambda: self.first_visit.set_answer(True)),
                           ("4", lambda: self.first_visit.set_answer(False)),
                           ("Return", self._enter), ("Enter", self._enter),
                           ("Escape", self.reset)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)
        ctx.changes.session_changed.connect(self._check_permission)
        self.retranslate()
        self.reset()

    # --- flow ----------------------------------------------------------------------

    def start(self) -> None:
        """A patient comes in: ask the two questions."""
        self.booked.set_answer(None)
        self.first_visit.set_answer(None)
        self.questions.setEnabled(True)
        self.arrival_button.setEnabled(False)
        self.message.clear()
        self.booked.yes.setFocus()
        self._answers_changed()

    def reset(self) -> None:
        self.booked.set_answer(None)
        self.first_visit.set_answer(None)
        self.questions.setEnabled(False)
        self.arrival_button.setEnabled(True)
        self.arrival_button.setFocus()
        self._check_permission()
        self.coach.show_step("GREETING")

    def focus_default(self) -> None:
        if self.in_progress():
            self._answer_focus()
        else:
            self.arrival_button.setFocus()

    def in_progress(self) -> bool:
        return self.questions.isEnabled()

    def hand_over(self) -> None:
        """Create the visit (the desk's list updates at once) and get ready for the next."""
        booked, first = self.booked.answer(), self.first_visit.answer()
        if booked is None or first is None:
            style.set_role(self.message, "error")
            self.message.setText(self.tr("Answer both questions first."))
            return
        # The runner tells the desk's list (visits_changed) after _handed_over.
        view = self.ctx.run(reception.new_arrival, actor=self.ctx.staff, booked=booked,
                            first_visit=first, on_done=self._handed_over, on_error=self._refused)
        if view is not None:
            self.handed_over.emit(view.id)

    def _handed_over(self, view) -> None:
        self.last_visit = view
        self.reset()
        style.set_role(self.message, "ok")
        self.message.setText(self.tr("Handed over to the desk (No. {id}). Back to your post.")
                             .format(id=view.id))

    def _refused(self, exc: FrontdeskError) -> None:
        style.set_role(self.message, "error")
        self.message.setText(exc.message())

    def _enter(self) -> None:
        if not self.in_progress():
            self.start()
        elif self.booked.answer() is not None and self.first_visit.answer() is not None:
            self.hand_over()
        else:
            self._answer_focus()

    def _answer(self, value: bool) -> None:
        if not self.in_progress():
            return
        target = self.booked if self.booked.answer() is None else self.first_visit
        target.set_answer(value)

    def _answer_focus(self) -> None:
        target = self.booked if self.booked.answer() is None else self.first_visit
        target.yes.setFocus()

    def _answers_changed(self) -> None:
        booked, first = self.booked.answer(), self.first_visit.answer()
        ready = booked is not None and first is not None
        self.handover_button.setEnabled(ready)
        if ready:
            self.handover_button.setFocus()
        elif self.in_progress() and booked is not None:
            self.first_visit.yes.setFocus()
        self.coach.show_step("GREETING", CoachSubject(first_visit=first, booked=booked))

    def _check_permission(self) -> None:
        if self.ctx.staff is None:
            self.arrival_button.setEnabled(False)
            self.message.setText(self.tr("Log in to record arrivals."))

    # --- text -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.arrival_button.setText(self.tr("New patient arrived (F2)"))
        self.arrival_button.setAccessibleName(self.tr("New patient arrived"))
        self.booked.question.setText(self.tr("Have you booked an appointment?"))
        self.first_visit.question.setText(self.tr("Is this your first visit to us?"))
        self.booked.yes.setText(self.tr("Booked (1)"))
        self.booked.no.setText(self.tr("Not booked (2)"))
        self.first_visit.yes.setText(self.tr("First visit (3)"))
        self.first_visit.no.setText(self.tr("Been before (4)"))
        for w in (self.booked, self.first_visit):
            w.setAccessibleName(w.question.text())
        self.handover_button.setText(self.tr("Hand over to the desk (Enter)"))
        self.handover_button.setAccessibleName(self.tr("Hand over to the desk"))
        self.cancel_button.setText(self.tr("Start again (Esc)"))
