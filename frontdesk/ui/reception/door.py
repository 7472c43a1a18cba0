"""The door guide's screen (导医, often a tablet): greet, a few taps, a ticket, hand over.

One big "new arrival" button; then 预约过吗? and 第一次来吗? as big yes/no pairs,
and what the guide sees — sex, child / adult / elder, a name or surname if
given, a priority — then "hand over to the desk", which creates the visit with
the day's door ticket (A012) so the desk sees it at once. The ticket is shown
big (to be said) and can be printed on the 80 mm roll.

A booked patient is checked in by scanning the booking's code or the ID card,
or typing the phone number, into the check-in field (a scanner types like a
keyboard and ends with Enter): today's booking fills in the answers.

Keys: F2 starts, F3 goes to the check-in field, 1/2 booked, 3/4 first visit,
5/6 male/female, 7/8/9 child/adult/elder, Y/N answer the next open question,
Enter hands over, F6 prints the last ticket, Esc starts again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from frontdesk import reception
from frontdesk.errors import FrontdeskError
from frontdesk.queue.priority import LABELS as PRIORITY_LABELS
from frontdesk.queue.priority import PriorityClass
from frontdesk.reception import tickets
from frontdesk.reception.tickets import AgeBand
from frontdesk.slips.model import SlipKind
from frontdesk.ui import style
from frontdesk.ui.reception.coach import CoachSubject, EtiquetteCoach
from frontdesk.ui.widgets.fields import FieldBox
from frontdesk.ui.widgets.retranslate import Retranslating


class Choice(QWidget):
    """A question with big toggle buttons, one per value; `answer()` is a value or None."""

    answered = Signal()

    def __init__(self, key: str, values: tuple, names: tuple[str, ...], *, small: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(key)
        self.values = values
        self.question = QLabel()
        self.question.setObjectName(f"{key}Question")
        self.question.setProperty(style.ROLE, "door-question-small" if small else "door-question")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.question, 1)
        for name in names:
            b = QPushButton()
            b.setObjectName(f"{key}{name}")
            b.setCheckable(True)
            b.setProperty(style.ROLE, "door-choice-small" if small else "door-choice")
            b.setMinimumWidth(96 if small else 140)
            self.group.addButton(b)
            b.clicked.connect(self.answered.emit)
            self.buttons.append(b)
            row.addWidget(b)

    def answer(self):
        for value, b in zip(self.values, self.buttons, strict=True):
            if b.isChecked():
                return value
        return None

    def set_answer(self, value) -> None:
        if value is None or value not in self.values:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[self.values.index(value)].setChecked(True)
        self.answered.emit()


class YesNo(Choice):
    """A question with two big toggle buttons; `answer()` is True, False or None."""

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(key, (True, False), ("Yes", "No"), parent=parent)
        self.yes, self.no = self.buttons


class DoorPanel(Retranslating, QWidget):
    """Creates the visit with its door ticket; emits `handed_over(visit_id)`."""

    handed_over = Signal(int)
    _said = None  # what the message says, as a callable (said again in another language)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("doorPanel")
        self.last_visit = None
        self.booking: tickets.BookingMatch | None = None
        self.print_seams: dict = {}  # run_dialog / printer_factory for print_visit_slip
        self.last_print = None

        self.arrival_button = QPushButton()
        self.arrival_button.setObjectName("newArrival")
        self.arrival_button.setSizePolicy(QSizePolicy.Policy.Expanding,
                                          QSizePolicy.Policy.Fixed)

        # Check-in of a booking: scanned or typed, Enter looks it up.
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("bookingScan")
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_box = FieldBox("booking", self.scan_edit)
        self.scan_button = QPushButton()
        self.scan_button.setObjectName("bookingCheckIn")
        self.booking_label = QLabel()
        self.booking_label.setObjectName("bookingFound")
        self.booking_label.setWordWrap(True)
        self.booking_label.setProperty(style.ROLE, "ok")
        self.booking_label.hide()
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_box, 1)
        scan_row.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignTop)

        self.questions = QFrame()
        self.questions.setObjectName("doorQuestions")
        self.booked = YesNo("booked")
        self.first_visit = YesNo("firstVisit")
        self.sex = Choice("sex", ("M", "F"), ("Male", "Female"), small=True)
        self.band = Choice("ageBand", (AgeBand.CHILD, AgeBand.ADULT, AgeBand.ELDER),
                           ("Child", "Adult", "Elder"), small=True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("doorName")
        self.name_edit.setMaxLength(tickets.NAME_MAX_LENGTH)
        self.name_box = FieldBox("doorName", self.name_edit)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.priority = QComboBox()
        self.priority.setObjectName("doorPriority")
        for prio in PriorityClass:
            self.priority.addItem("", prio.value)
        self.priority_box = FieldBox("priority", self.priority)
        self.priority_label = QLabel()
        self.priority_label.setBuddy(self.priority)
        details = QGridLayout()
        details.setHorizontalSpacing(10)
        details.addWidget(self.name_label, 0, 0)
        details.addWidget(self.name_box, 0, 1)
        details.addWidget(self.priority_label, 0, 2)
        details.addWidget(self.priority_box, 0, 3)
        details.setColumnStretch(1, 2)
        details.setColumnStretch(3, 1)

        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handOver")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("doorCancel")
        q_layout = QVBoxLayout(self.questions)
        q_layout.setSpacing(10)
        q_layout.addLayout(scan_row)
        q_layout.addWidget(self.booking_label)
        q_layout.addWidget(self.booked)
        q_layout.addWidget(self.first_visit)
        q_layout.addWidget(self.sex)
        q_layout.addWidget(self.band)
        q_layout.addLayout(details)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.handover_button, 2)
        q_layout.addLayout(actions)

        self.message = QLabel()
        self.message.setObjectName("doorMessage")
        self.message.setWordWrap(True)
        # The last ticket, big: the guide reads it out (or prints it).
        self.ticket_frame = QFrame()
        self.ticket_frame.setObjectName("doorTicketFrame")
        self.ticket_label = QLabel()
        self.ticket_label.setObjectName("doorTicket")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.say_label = QLabel()
        self.say_label.setObjectName("doorSay")
        self.say_label.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("doorPrintTicket")
        t_layout = QHBoxLayout(self.ticket_frame)
        t_layout.addWidget(self.ticket_label)
        t_layout.addWidget(self.say_label, 1)
        t_layout.addWidget(self.print_button)
        self.ticket_frame.hide()

        self.coach = EtiquetteCoach()
        self.coach.setObjectName("doorCoach")

        main = QVBoxLayout()
        main.addWidget(self.arrival_button)
        main.addSpacing(8)
        main.addWidget(self.questions)
        main.addWidget(self.message)
        main.addWidget(self.ticket_frame)
        main.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(main, 0, 0)
        layout.addWidget(self.coach, 0, 1)
        layout.setColumnStretch(0, 1)

        self.arrival_button.clicked.connect(self.start)
        self.handover_button.clicked.connect(self.hand_over)
        self.cancel_button.clicked.connect(self.reset)
        self.scan_button.clicked.connect(self.check_in)
        self.print_button.clicked.connect(self.print_ticket)
        for w in (self.booked, self.first_visit, self.sex, self.band):
            w.answered.connect(self._answers_changed)
        self.name_edit.textChanged.connect(self._details_changed)
        self.priority.currentIndexChanged.connect(self._details_changed)
        self.shortcuts = []
        for keys, slot in (("F2", self.start), ("F3", self.focus_scan),
                           ("F6", self.print_ticket),
                           ("Y", lambda: self._answer(True)),
                           ("N", lambda: self._answer(False)),
                           ("1", lambda: self._pick(self.booked, True)),
                           ("2", lambda: self._pick(self.booked, False)),
                           ("3", lambda: self._pick(self.first_visit, True)),
                           ("4", lambda: self._pick(self.first_visit, False)),
                           ("5", lambda: self._pick(self.sex, "M")),
                           ("6", lambda: self._pick(self.sex, "F")),
                           ("7", lambda: self._pick(self.band, AgeBand.CHILD)),
                           ("8", lambda: self._pick(self.band, AgeBand.ADULT)),
                           ("9", lambda: self._pick(self.band, AgeBand.ELDER)),
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
        """A patient comes in: ask the questions."""
        self._clear_answers()
        self.questions.setEnabled(True)
        self.arrival_button.setEnabled(False)
        self.message.clear()
        self._said = None
        self.booked.yes.setFocus()
        self._answers_changed()

    def reset(self) -> None:
        self._clear_answers()
        self.questions.setEnabled(False)
        self.arrival_button.setEnabled(True)
        self.arrival_button.setFocus()
        self._check_permission()
        self.coach.show_step("GREETING")

    def _clear_answers(self) -> None:
        for w in (self.booked, self.first_visit, self.sex, self.band):
            w.set_answer(None)
        self.name_edit.clear()
        self.priority.setCurrentIndex(0)
        self.scan_edit.clear()
        for box in (self.scan_box, self.name_box, self.priority_box):
            box.clear_error()
        self.booking = None
        self.booking_label.hide()

    def focus_default(self) -> None:
        if self.in_progress():
            self._answer_focus()
        else:
            self.arrival_button.setFocus()

    def focus_scan(self) -> None:
        """F3: a booked patient; the scanner (or the guide) types into the check-in field."""
        if not self.in_progress():
            self.start()
        if self.in_progress():
            self.scan_edit.setFocus()
            self.scan_edit.selectAll()

    def in_progress(self) -> bool:
        return self.questions.isEnabled()

    def check_in(self) -> None:
        """Find today's booking by what was scanned or typed; pre-fill the answers."""
        raw = self.scan_edit.text()
        self.ctx.run(tickets.find_booking, raw, actor=self.ctx.staff,
                     on_done=self._booking_found, on_error=self._booking_refused)

    def _booking_found(self, match: tickets.BookingMatch) -> None:
        self.scan_box.clear_error()
        self.booking = match
        self.booked.set_answer(True)
        self.first_visit.set_answer(match.first_visit)
        self.sex.set_answer(match.sex or None)
        self.band.set_answer(match.age_band or None)
        self.name_edit.setText(match.name)
        when = f" {match.time}" if match.time else ""
        self.booking_label.setText(self.tr("Booked: {name} · {dept}{when}").format(
            name=match.name, dept=match.department_name.text(), when=when))
        self.booking_label.show()
        self.handover_button.setFocus()

    def _booking_refused(self, exc: FrontdeskError) -> None:
        self.booking = None
        self.booking_label.hide()
        self.scan_box.set_error(exc.message())
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()  # the next scan replaces it

    def hand_over(self) -> None:
        """Create the visit with its ticket (the desk's list updates at once)."""
        booked, first = self.booked.answer(), self.first_visit.answer()
        if booked is None or first is None:
            self._say("error", lambda: self.tr("Answer both questions first."))
            return
        for box in (self.name_box, self.priority_box, self.scan_box):
            box.clear_error()
        # The runner tells the desk's list (visits_changed) after _handed_over, which also
        # runs when a busy database made the runner finish the call on the worker.
        self.ctx.run(
            reception.new_arrival, actor=self.ctx.staff, booked=booked, first_visit=first,
            sex=self.sex.answer() or "", age_band=self.band.answer() or "",
            name=self.name_edit.text(), priority=self.priority.currentData() or "",
            appointment_id=self.booking.appointment_id if self.booking else None,
            on_done=self._handed_over, on_error=self._refused)

    def _handed_over(self, view) -> None:
        self.last_visit = view
        self.handed_over.emit(view.id)
        self.reset()
        self._say("ok", lambda: self.tr("Ticket {ticket}: handed over to the desk. Back to "
                                        "your post.").format(ticket=view.door_ticket))
        self._show_ticket()

    def _say(self, role: str, text) -> None:
        """The message under the buttons; `text()` says it again after a language switch."""
        self._said = text
        style.set_role(self.message, role)
        self.message.setText(text())

    def _show_ticket(self) -> None:
        view = self.last_visit
        if view is None or not view.door_ticket:
            self.ticket_frame.hide()
            return
        address = tickets.door_address(view.door_name, view.door_sex, view.door_age_band)
        self.ticket_label.setText(view.door_ticket)
        self.say_label.setText(self.tr("Say: “Your number is {ticket}. Please wait at the "
                                       "desk, {address}.”").format(ticket=view.door_ticket,
                                                                  address=address))
        self.ticket_frame.show()

    def print_ticket(self) -> None:
        """F6: the last ticket on the 80 mm roll (the desk's ticket printer)."""
        if self.last_visit is None or not self.last_visit.door_ticket:
            return
        from frontdesk.ui.reception.slip_actions import print_visit_slip

        result = print_visit_slip(self.ctx, self.last_visit.id, SlipKind.TICKET.value, self,
                                  **self.print_seams)
        self.last_print = result
        if result.message:
            self._say("ok" if result.ok else "error", lambda: result.message)

    def _refused(self, exc: FrontdeskError) -> None:
        boxes = {"door_name": self.name_box, "priority": self.priority_box,
                 tickets.BOOKING_FIELD: self.scan_box}
        box = boxes.get(getattr(exc, "field", None))
        if box is not None:
            box.set_error(exc.message())
            box.editor.setFocus()
            return
        self._say("error", exc.message)  # a Msg: in the language of the moment

    def _enter(self) -> None:
        if not self.in_progress():
            self.start()
        elif self.scan_edit.hasFocus():
            self.check_in()
        elif self.booked.answer() is not None and self.first_visit.answer() is not None:
            self.hand_over()
        else:
            self._answer_focus()

    def _pick(self, choice: Choice, value) -> None:
        if self.in_progress():
            choice.set_answer(value)

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
        focus = self.focusWidget()
        typing = focus in (self.scan_edit, self.name_edit, self.priority)
        if ready and not typing:
            self.handover_button.setFocus()
        elif self.in_progress() and booked is not None and first is None and not typing:
            self.first_visit.yes.setFocus()
        self._details_changed()

    def _details_changed(self) -> None:
        band = self.band.answer() or ""
        self.coach.show_step("GREETING", CoachSubject(
            name=self.name_edit.text().strip(), sex=self.sex.answer() or "",
            age=tickets.band_age(band), first_visit=self.first_visit.answer(),
            booked=self.booked.answer()))

    def _check_permission(self) -> None:
        if self.ctx.staff is None:
            self.arrival_button.setEnabled(False)
            self._said = lambda: self.tr("Log in to record arrivals.")
            self.message.setText(self._said())

    # --- text -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.arrival_button.setText(self.tr("New patient arrived (F2)"))
        self.arrival_button.setAccessibleName(self.tr("New patient arrived"))
        self.scan_edit.setPlaceholderText(
            self.tr("Booked? Scan the booking code or ID card, or type the phone (F3)"))
        self.scan_edit.setAccessibleName(self.tr("Booking code, ID card or phone number"))
        self.scan_button.setText(self.tr("Check in"))
        self.booked.question.setText(self.tr("Have you booked an appointment?"))
        self.first_visit.question.setText(self.tr("Is this your first visit to us?"))
        self.booked.yes.setText(self.tr("Booked (1)"))
        self.booked.no.setText(self.tr("Not booked (2)"))
        self.first_visit.yes.setText(self.tr("First visit (3)"))
        self.first_visit.no.setText(self.tr("Been before (4)"))
        self.sex.question.setText(self.tr("Sex"))
        self.sex.buttons[0].setText(self.tr("Male (5)"))
        self.sex.buttons[1].setText(self.tr("Female (6)"))
        self.band.question.setText(self.tr("Age"))
        self.band.buttons[0].setText(self.tr("Child (7)"))
        self.band.buttons[1].setText(self.tr("Adult (8)"))
        self.band.buttons[2].setText(self.tr("Elder (9)"))
        for w in (self.booked, self.first_visit, self.sex, self.band):
            w.setAccessibleName(w.question.text())
        self.name_label.setText(self.tr("&Surname or name:"))
        self.name_edit.setPlaceholderText(self.tr("optional, e.g. Wang"))
        self.priority_label.setText(self.tr("&Priority:"))
        for i in range(self.priority.count()):
            prio = PriorityClass(self.priority.itemData(i))
            self.priority.setItemText(i, tickets.priority_label(prio) or PRIORITY_LABELS[
                PriorityClass.NONE].text())
        self.handover_button.setText(self.tr("Hand over to the desk (Enter)"))
        self.handover_button.setAccessibleName(self.tr("Hand over to the desk"))
        self.cancel_button.setText(self.tr("Start again (Esc)"))
        self.print_button.setText(self.tr("Print ticket (F6)"))
        self._show_ticket()
        self._details_changed()
        if self._said is not None:
            self.message.setText(self._said())
