"""The desk (导医台): the waiting list on the left, the current visit's step on the right.

DeskView composes the parts: the visit list, a stack of step pages (each built
the first time a visit needs it), the etiquette coach, and a DeskController
that holds the visit and makes every domain call. A step's outcome comes back
from the controller as a signal: the new visit is shown; a domain error goes to
its field, or to a notice above the step; when another desk advanced the visit
first (ConflictError) the visit is reloaded and what was typed is kept.

Keys: F4 takes the next waiting patient, F6 goes to the list, F3 finds a
record, F8 records that the patient left, F7 registers and bills a red-flag
patient whose billing was deferred; inside a step Enter moves on.

Deferred billing ("late" mode): a red-flag visit goes to the emergency doctor
before registration. Later the desk opens it from the deferred-billing list (or
F7) and the registration and billing pages complete it with
reception.complete_deferred / confirm_deferred_payment — the stage stays.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, permissions, stages
from frontdesk.changes import Changed
from frontdesk.errors import BusyRetrying, FrontdeskError, ValidationError
from frontdesk.permissions import Perm
from frontdesk.ui import style
from frontdesk.ui.reception.banner import PatientBanner
from frontdesk.ui.reception.coach import CoachSubject, EtiquetteCoach
from frontdesk.ui.reception.deferred import DeferredBillingPanel
from frontdesk.ui.reception.desk.controller import DeskController
from frontdesk.ui.reception.desk.track import STEP_ORDER, StageTrack
from frontdesk.ui.reception.visits import VisitListPanel
from frontdesk.ui.widgets.fields import button_shortcut
from frontdesk.ui.widgets.retranslate import Retranslating

LIST_REFRESH_MS = 30_000  # wait minutes in the list

__all__ = ["DeskView", "StageTrack", "STEP_ORDER"]


def _default_slip_printer(ctx, visit_id: int, kind: str, parent: QWidget):
    from frontdesk.ui.reception.slip_actions import print_visit_slip

    return print_visit_slip(ctx, visit_id, kind, parent)


def _enter_shortcuts(step: QWidget, slot) -> None:
    # Enter on the billing and escort steps (their buttons may not have focus).
    for key in ("Return", "Enter"):
        sc = QShortcut(QKeySequence(key), step)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)


class DeskView(Retranslating, QWidget):
    """The reception desk: visit list, the current visit's step, and the coach."""

    _notice_says = None  # the notice shown, as a callable (see show_notice)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskView")
        self.controller = DeskController(ctx, self)
        self.controller.advanced.connect(self._advanced)
        self.controller.conflict.connect(self._conflict)
        self.controller.refused.connect(self._refused)
        self.slip_printer = _default_slip_printer  # a seam: tests print to a file instead
        self.last_print = None

        self.visit_list = VisitListPanel()
        self.visit_list.setMinimumWidth(260)
        self.deferred_list = DeferredBillingPanel()
        self.deferred_list.hide()
        left = QWidget()
        left.setObjectName("deskLeftColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.visit_list, 1)
        left_layout.addWidget(self.deferred_list)

        self.header = PatientBanner()  # number, name, sex/age, VIP, red flag, waited
        self.track = StageTrack()
        self.notice = QLabel()
        self.notice.setObjectName("deskNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.empty_step = QLabel()
        self.empty_step.setObjectName("emptyStep")
        self.empty_step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_step.setWordWrap(True)
        # Step pages (greeting … closed) and the leave box are built the first time a
        # visit needs them (see _page): the desk starts on the list and the empty page,
        # and each step is dozens of widgets and a module of its own to import.
        self._pages: dict[str, QWidget] = {}
        self._leave_box = None
        self.steps = QStackedWidget()
        self.steps.setObjectName("deskSteps")
        self.steps.addWidget(self.empty_step)
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("patientLeft")
        self.next_button = QPushButton()
        self.next_button.setObjectName("takeNext")
        self.late_button = QPushButton()
        self.late_button.setObjectName("completeDeferred")
        self.late_button.hide()
        # A scanner types the guide slip's QR code (the visit number) here and presses Enter.
        self.scan = QLineEdit()
        self.scan.setObjectName("visitNumberScan")
        self.scan.setClearButtonEnabled(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.late_button)
        bottom.addStretch(1)
        bottom.addWidget(self.scan)
        bottom.addWidget(self.leave_button)

        step_area = QWidget()
        step_layout = QVBoxLayout(step_area)
        step_layout.setContentsMargins(8, 0, 8, 0)
        step_layout.addWidget(self.header)
        step_layout.addWidget(self.track)
        step_layout.addWidget(self.notice)
        step_layout.addWidget(self.steps, 1)
        step_layout.addLayout(bottom)  # the leave box goes above this row when first opened
        self._step_layout = step_layout

        self.coach = EtiquetteCoach()
        splitter = QSplitter()
        splitter.setObjectName("deskSplitter")
        splitter.addWidget(left)
        splitter.addWidget(step_area)
        splitter.addWidget(self.coach)
        # A wider screen gives the list a quarter of the extra width (its patient and
        # step columns were cut at 1920 px) and the step the rest; the coach keeps its own.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 820, 240])
        self.splitter = splitter
        self.coach.collapsed_changed.connect(self._coach_folded)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # Wiring.
        self.visit_list.visit_chosen.connect(self.open_visit)
        self.deferred_list.visit_chosen.connect(self.open_deferred)
        self.late_button.clicked.connect(lambda: self.view and self.open_deferred(self.view.id))
        self.leave_button.clicked.connect(self.open_leave)
        self.next_button.clicked.connect(self.take_next)
        self.leave_shortcut = button_shortcut(self.leave_button, "F8")
        self.next_shortcut = button_shortcut(self.next_button, "F4")
        self.late_shortcut = button_shortcut(self.late_button, "F7", self)
        self.scan.returnPressed.connect(self.open_by_number)
        scan_key = QShortcut(QKeySequence("Ctrl+K"), self)
        scan_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scan_key.activated.connect(self.scan.setFocus)
        list_key = QShortcut(QKeySequence("F6"), self)
        list_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_key.activated.connect(self.visit_list.view.setFocus)

        self._timer = QTimer(self)
        self._timer.setInterval(LIST_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_list)
        self._timer.start()
        # Another station's change names its visits: those rows are read and updated in
        # place, and the visits_changed that follows does not read the whole list again.
        self._list_current = False
        ctx.changes.rows_changed.connect(self._remote_rows)
        ctx.changes.visits_changed.connect(self._visits_changed)
        ctx.changes.settings_changed.connect(self.refresh_list)  # new colour thresholds at once
        self.retranslate()
        self.refresh_list()

    @property
    def view(self):
        """The visit being served (the controller holds it)."""
        return self.controller.view

    # --- step pages, built on first use -------------------------------------------------

    def _page(self, name: str) -> QWidget:
        """The step page `name`, built, wired and added to the stack the first time."""
        page = self._pages.get(name)
        if page is None:
            page = getattr(self, f"_build_{name}")()
            self._pages[name] = page
            self.steps.addWidget(page)
        return page

    def _built(self, name: str) -> QWidget | None:
        """The step page `name` if it was built already (never builds it)."""
        return self._pages.get(name)

    @property
    def greeting(self):
        return self._page("greeting")

    @property
    def triage_step(self):
        return self._page("triage_step")

    @property
    def registration(self):
        return self._page("registration")

    @property
    def billing(self):
        return self._page("billing")

    @property
    def escort(self):
        return self._page("escort")

    @property
    def closed(self):
        return self._page("closed")

    @property
    def leave_box(self):
        if self._leave_box is None:
            from frontdesk.ui.reception.steps import LeaveBox

            box = LeaveBox()
            box.hide()
            box.leave_requested.connect(self.leave)
            # under the step pages, above the row of buttons
            self._step_layout.insertWidget(self._step_layout.count() - 1, box)
            self._leave_box = box
        return self._leave_box

    def _build_greeting(self) -> QWidget:
        from frontdesk.ui.reception.steps import GreetingStep

        step = GreetingStep()
        step.take_requested.connect(self.take)
        return step

    def _build_triage_step(self) -> QWidget:
        from frontdesk.ui.reception.steps import TriageStep

        step = TriageStep()
        step.lookup.actor = lambda: self.ctx.staff
        step.lookup.patient_chosen.connect(self.attach)
        step.triage.confirm_requested.connect(self.confirm_triage)
        return step

    def _build_registration(self) -> QWidget:
        from frontdesk.ui.reception.desk.registration import RegistrationPage

        step = RegistrationPage()
        step.submit_requested.connect(self.submit_registration)
        step.draft_changed.connect(self._save_draft)
        step.identity_edited.connect(self._coach_from_form)
        step.use_requested.connect(self.use_duplicate)
        step.create_anyway.connect(self.create_anyway)
        step.form.set_media_sources(self.controller.media_sources())
        return step

    def _build_billing(self) -> QWidget:
        from frontdesk.ui.reception.billing import BillingPanel

        step = BillingPanel()
        step.confirm_requested.connect(self.confirm_payment)
        step.print_requested.connect(lambda: self.print_slip("billing"))
        step.guide_requested.connect(lambda: self.print_slip("guide"))
        step.vip_requested.connect(self.choose_vip_card)
        _enter_shortcuts(step, self.confirm_payment)
        return step

    def _build_escort(self) -> QWidget:
        from frontdesk.ui.reception.escort import EscortPanel

        step = EscortPanel()
        step.handed_requested.connect(self.hand_to_doctor)
        step.back_requested.connect(self.back_at_post)
        step.print_requested.connect(lambda: self.print_slip("guide"))
        _enter_shortcuts(step, step.press_default)
        return step

    def _build_closed(self) -> QWidget:
        from frontdesk.ui.reception.steps import ClosedStep

        return ClosedStep()

    def focus_default(self) -> None:
        """Focus the current step's first control (or the list when no visit is open)."""
        page = self.steps.currentWidget()
        if page is self.empty_step:
            self.visit_list.view.setFocus()
        elif page is self._built("greeting"):
            page.take_button.setFocus()
        elif page is self._built("triage_step"):
            if page.lookup.isVisibleTo(page):
                page.lookup.query.setFocus()
            else:
                page.triage.complaint.setFocus()
        elif page is self._built("registration"):
            page.focus_first()
        elif page is self._built("billing"):
            page.confirm_button.setFocus()
        elif page is self._built("escort"):
            page.escort.setFocus()
        else:
            self.visit_list.view.setFocus()

    # --- list ------------------------------------------------------------------------

    def _remote_rows(self, rows: dict) -> None:
        """Other stations changed these visits: update only their rows."""
        ids = rows.get(Changed.VISITS, ())
        if not ids:  # None: rows not named (e.g. a new arrival): the whole list is read
            return
        try:
            fresh = self.controller.visits_by_id(ids)
        except FrontdeskError:
            return  # the full refresh that follows shows what went wrong
        shown = {v.id: v for v in self.visit_list.model.rows()}
        current = self.view.id if self.view is not None else None
        for v in fresh:
            if v.open or (v.stage == stages.DONE and not v.escort_back):
                shown[v.id] = v
            elif v.id != current:  # closed elsewhere; the one being served stays
                shown.pop(v.id, None)
        self.visit_list.set_visits(list(shown.values()), current, self.controller.thresholds())
        self._list_current = True

    def _visits_changed(self) -> None:
        # The visits_changed that follows _remote_rows: those rows are already shown.
        # Only this signal skips the read; the timer and a settings change always read.
        if self._list_current:
            self._list_current = False
            self._refresh_deferred()
            return
        self.refresh_list()

    def refresh_list(self) -> None:
        """Arrivals and visits in progress (any day: nothing open is ever hidden)."""
        self._list_current = False
        try:
            rows = self.controller.open_visits()
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        self._refresh_deferred()
        current = self.view.id if self.view is not None else None
        if self.view is not None and all(v.id != current for v in rows):
            # Just closed: keep it in the list until the desk moves on, so the
            # selection does not jump to another patient.
            rows.append(self.view)
        self.visit_list.set_visits(rows, current, self.controller.thresholds())

    def _refresh_deferred(self) -> None:
        try:
            self.deferred_list.set_visits(self.controller.deferred_billing())
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")

    def take_next(self) -> None:
        """F4: take the patient who has waited longest for the desk."""
        waiting = self.visit_list.first_waiting()
        if waiting is None:
            self.show_notice(lambda: self.tr("No one is waiting for the desk."), "info")
            return
        # The list may be older than another desk's F4: read the row now, so a patient
        # taken elsewhere meanwhile is said so instead of opened here as if taken.
        try:
            fresh = self.controller.get_visit(waiting.id)
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        if fresh.stage != stages.GREETING:
            self.refresh_list()
            self._taken_elsewhere()
            return
        self.open_visit(waiting.id)
        self.take()

    # --- showing a visit -----------------------------------------------------------------

    def open_visit(self, visit_id: int, keep_typed: bool = False) -> None:
        """Load the visit and show the page of its stage (restoring any draft)."""
        if self.view is not None and self.view.id != visit_id:
            self._flush_draft()
            self.controller.late = False
        try:
            view = self.controller.get_visit(visit_id)
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        if not keep_typed:
            self.notice.hide()
        self.show_visit(view, keep_typed=keep_typed)
        self.visit_list.select_visit(visit_id)

    def open_by_number(self) -> None:
        """Open the visit whose number was scanned (guide slip QR) or typed (Ctrl+K)."""
        number = self.scan.text().strip()
        if not number:
            return
        try:
            view = self.controller.find_by_number(number)
        except FrontdeskError as exc:
            self.show_notice(exc.message, "warn")
            self.scan.selectAll()
            return
        self.scan.clear()
        self.open_visit(view.id)
        self.focus_default()

    def open_deferred(self, visit_id: int) -> None:
        """Open a red-flag visit to complete its deferred registration, then its billing."""
        if self.view is not None and self.view.id != visit_id:
            self._flush_draft()
        try:
            view = self.controller.get_visit(visit_id)
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        self.notice.hide()
        self.controller.late = True
        self.controller.late_patient_id = None
        self.show_visit(view)
        self.visit_list.select_visit(visit_id)

    def show_visit(self, view, keep_typed: bool = False) -> None:
        control = self.controller
        same = self.view is not None and self.view.id == view.id
        previous_stage = self.view.stage if same else None
        previous_late = same and control.late and not self.view.registered_late
        control.view = view
        if self._leave_box is not None:
            self._leave_box.hide()
        self.header.show_visit(view)
        self.track.set_stage(view.stage if view.stage in STEP_ORDER else None)
        self.leave_button.setEnabled(stages.is_open(view.stage))
        keep = keep_typed and same and previous_stage == view.stage
        stage = view.stage
        if not control.late_page(view):
            control.late = False
        self.late_button.setVisible(view.billing_open and view.stage in stages.LATE_STAGES
                                    and not control.late)
        if (registration := self._built("registration")) is not None:
            registration.late_banner.setVisible(False)
        if control.late:
            if not view.registered_late:
                self._show_registration(view, keep and previous_late)
                self.registration.late_banner.setVisible(True)
                self.steps.setCurrentWidget(self.registration)
            else:
                self._show_billing(view)
                self.steps.setCurrentWidget(self.billing)
            if (billing := self._built("billing")) is not None:
                billing.set_late(control.late)
            self._update_coach()
            return
        if (billing := self._built("billing")) is not None:
            billing.set_late(False)
        if stage == stages.GREETING:
            self.greeting.show_visit(view)
            self.steps.setCurrentWidget(self.greeting)
        elif stage == stages.TRIAGE:
            self.triage_step.show_visit(view, keep_typed=keep)
            self.steps.setCurrentWidget(self.triage_step)
        elif stage == stages.REGISTRATION:
            self._show_registration(view, keep)
            self.steps.setCurrentWidget(self.registration)
        elif stage == stages.BILLING:
            self._show_billing(view)
            self.steps.setCurrentWidget(self.billing)
        elif stage == stages.ESCORT or (stage == stages.DONE and not view.escort_back):
            self._show_escort(view)
            self.steps.setCurrentWidget(self.escort)
        else:
            self.closed.show_visit(view)
            self.steps.setCurrentWidget(self.closed)
        self._update_coach()

    def _show_registration(self, view, keep: bool) -> None:
        page = self.registration
        page.form.age_day = view.visit_date  # a typed or shown age is on the visit's day
        page.reset(keep=keep)
        self.controller.dups_checked_for = None
        if keep:
            return
        draft = record = None
        try:
            draft = self.controller.load_draft()
        except FrontdeskError as exc:
            self.show_notice(exc.message, "warn")
        try:
            if not draft and view.patient_id:
                record = self.controller.patient_form(view.patient_id)
            elif not draft and view.appointment_id:
                # A new patient's booking: the name and phone it was made with (not
                # asked and typed a second time).
                record = self.controller.booked_form()
        except FrontdeskError as exc:
            self.show_notice(exc.message, "warn")
        page.load(draft, record)

    def _show_billing(self, view) -> None:
        try:
            quote = self.controller.fee_quote()
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        self.billing.show_quote(quote)
        self.billing.guide_button.setVisible(bool(view.queue_label))  # a number to go by
        self.billing.vip_button.setVisible(
            view.stage == stages.BILLING and permissions.allowed(self.ctx.staff, Perm.SET_VIP))
        self.billing.confirm_button.setFocus()

    def _show_escort(self, view) -> None:
        try:
            escorts, busy = self.controller.escorts()
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            escorts, busy = [], []
        self.escort.show_visit(view, escorts, busy)
        self.escort.escort.setFocus()

    # --- registration: drafts and a record on file ------------------------------------------

    def _review_record(self, patient_id: int, typed: dict) -> None:
        try:
            record = self.controller.patient_form(patient_id)
        except FrontdeskError as exc:
            self.show_notice(exc.message, "warn")
            return
        self.registration.review(record, typed)
        self._save_draft(self.registration.form.values())
        self.registration.focus_first()

    def _save_draft(self, data: dict) -> None:
        try:
            saved = self.controller.save_draft(data)
        except FrontdeskError as exc:
            self.registration.show_draft_error(exc.message())
            return
        if saved:
            self.registration.draft_saved()

    def _flush_draft(self) -> None:
        # Only a registration page that was built can hold typing to save.
        if (registration := self._built("registration")) is not None:
            registration.form.flush_draft()

    # --- coach ---------------------------------------------------------------------------

    def _update_coach(self) -> None:
        v = self.view
        if v is None:
            self.coach.show_step("GREETING")
            return
        if v.stage == stages.REGISTRATION:
            self._coach_from_form()
            return
        self.coach.show_visit(v)

    def _coach_folded(self, _collapsed: bool) -> None:
        # The splitter keeps its sizes: hand the coach's width to (or back from) the step.
        sizes = self.splitter.sizes()
        total = sum(sizes)
        coach = min(self.coach.maximumWidth(), max(self.coach.minimumWidth(), 240))
        self.splitter.setSizes([sizes[0], max(0, total - sizes[0] - coach), coach])

    def _coach_from_form(self) -> None:
        """While registering, the coach uses the name as it is typed (王小姐 at once)."""
        if self.view is None or self.view.stage != stages.REGISTRATION:
            return
        values = self.registration.form.values()
        age = values.get("age", "").strip()
        subject = CoachSubject.from_visit(self.view)
        self.coach.show_step(stages.REGISTRATION, CoachSubject(
            name=values.get("name", "").strip() or subject.name,
            sex=values.get("sex") or subject.sex,
            age=int(age) if age.isdigit() else subject.age,
            first_visit=subject.first_visit, booked=subject.booked,
            doctor_name=subject.doctor_name, doctor_title=subject.doctor_title,
            complaint=subject.complaint))

    # --- notices -------------------------------------------------------------------------

    def show_notice(self, message, kind: str = "info") -> None:
        """`message`: the text, or a callable that says it in the language of the moment
        (a tr() in a lambda, a FrontdeskError's `message`): said again by retranslate."""
        self._notice_says = message if callable(message) else None
        self.notice.setText(message() if callable(message) else message)
        style.set_role(self.notice, f"notice-{kind}")  # info, warn or error: style.py
        self.notice.setProperty("kind", kind)
        self.notice.show()

    def notice_text(self) -> str:
        return self.notice.text() if self.notice.isVisibleTo(self) else ""

    # --- what the controller says after a step ---------------------------------------------

    def _advanced(self, view) -> None:
        self.notice.hide()
        self.show_visit(view)

    def _conflict(self, exc: FrontdeskError) -> None:
        was = self.view.stage
        self.show_notice(lambda: exc.message() + " " + self.tr(
            "The visit was reloaded; what you typed is kept."), "warn")
        self.open_visit(self.view.id, keep_typed=True)
        if was == stages.GREETING and self.view.stage != stages.GREETING:
            # Refused a take: the other desk is serving the patient, not to be continued here.
            self._taken_elsewhere()

    def _taken_elsewhere(self) -> None:
        self.show_notice(lambda: self.tr("Another desk has just taken this patient; the "
                                         "list is refreshed. Press F4 for the next one."),
                         "warn")

    def _refused(self, exc: FrontdeskError, where: str) -> None:
        if isinstance(exc, BusyRetrying):  # not refused: the step is run again (cleared then)
            self.show_notice(exc.message, "warn")
            return
        from frontdesk.patient_form import FormInvalid  # registering: not at start-up

        if isinstance(exc, FormInvalid):
            self.registration.show_errors(exc.errors)
            return
        panel = {"triage": lambda: self.triage_step.triage, "escort": lambda: self.escort,
                 "leave": lambda: self.leave_box}.get(where)
        if isinstance(exc, ValidationError) and panel is not None and panel().show_error(exc):
            return
        self.show_notice(exc.message, "error")

    # --- the steps (the buttons' slots) ------------------------------------------------------

    def take(self) -> None:
        self.controller.take()

    def attach(self, patient_id: int) -> None:
        self.controller.attach(patient_id)

    def confirm_triage(self, choice) -> None:
        self.controller.triage(choice)

    def submit_registration(self) -> None:
        if not self.controller.registering():
            return
        form_widget = self.registration.form
        form_widget.clear_errors()
        values, errors = form_widget.typed()
        from frontdesk.patient_form import RegistrationForm

        form = RegistrationForm.from_dict(values)
        try:  # validation reads the database (media sources): a driver error is told too
            errors = {**self.ctx.run(form.validate, clock.today()), **errors}
        except FrontdeskError as exc:
            self.show_notice(exc.message, "error")
            return
        if errors:
            form_widget.show_errors(errors)
            return
        if self.controller.needs_duplicate_check():
            try:
                dups = self.controller.find_duplicates(form)
            except FrontdeskError as exc:
                self.show_notice(exc.message, "error")
                return
            if dups:
                self.registration.duplicates.show_duplicates(dups)
                return
        form_widget.flush_draft()
        self.controller.register(form)

    def use_duplicate(self, patient_id: int) -> None:
        """The person is already on file: link that record and show it for review.

        Nothing is written to the record yet: the form now holds the record (what
        was typed only fills its empty fields; the visit's own answers are kept),
        and what was typed differently is listed above the form. Registering then
        writes only the fields that differ from the record (audited by name).
        """
        typed = self.registration.form.values()
        if self.controller.late:
            # The visit is past the stages where a record may be linked: complete_deferred
            # takes the record's id when the desk registers.
            self.controller.late_patient_id = patient_id
            self.registration.duplicates.hide()
            self._review_record(patient_id, typed)
            return
        if self.controller.attach(patient_id) is None:
            return
        if self.view.stage == stages.REGISTRATION:
            self._review_record(patient_id, typed)

    def create_anyway(self) -> None:
        if self.view is not None:
            self.controller.dups_checked_for = self.view.id
            self.registration.duplicates.hide()
            self.submit_registration()

    def confirm_payment(self) -> None:
        if self.controller.confirm_payment() == "late":
            self.show_notice(lambda: self.tr("Deferred fee recorded: this visit's billing "
                                             "is complete."), "info")

    def choose_vip_card(self) -> None:
        """Supervisor/admin: ask for the patient's VIP card, store it, re-quote the fee."""
        v = self.view
        if v is None or v.stage != stages.BILLING:
            return
        tier = self.ask_vip_tier(self, v.vip_tier)
        if tier is None:
            return
        self.set_vip_card(tier)

    def set_vip_card(self, tier: str) -> None:
        self.controller.set_vip_card(tier)

    def ask_vip_tier(self, parent, current: str) -> str | None:
        """The VIP card chosen in a small dialog ("" none, "gold", "diamond"); None: cancelled."""
        from PySide6.QtWidgets import QInputDialog

        tiers = [("", self.tr("No VIP card")), ("gold", self.tr("Gold card")),
                 ("diamond", self.tr("Diamond card"))]
        labels = [label for _, label in tiers]
        now_at = next((i for i, (code, _) in enumerate(tiers) if code == (current or "")), 0)
        label, ok = QInputDialog.getItem(parent, self.tr("VIP card"),
                                         self.tr("The patient's VIP card:"), labels, now_at,
                                         False)
        if not ok:
            return None
        return next(code for code, text_ in tiers if text_ == label)

    def hand_to_doctor(self, escort_id: int) -> None:
        self.controller.hand_to_doctor(escort_id)

    def back_at_post(self) -> None:
        if self.controller.back_at_post() is not None:
            self.show_notice(lambda: self.tr("Back at post. Ready for the next patient (F4)."),
                             "info")

    def open_leave(self) -> None:
        if self.view is not None and stages.is_open(self.view.stage):
            self.leave_box.open()

    def leave(self, reason: str) -> None:
        self.controller.leave(reason)

    def print_slip(self, kind: str) -> None:
        if self.view is None:
            return
        result = self.slip_printer(self.ctx, self.view.id, kind, self)
        self.last_print = result
        self.show_notice(result.message, "info" if result.ok else "warn")

    # --- text ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty_step.setText(self.tr(
            "Choose a patient on the left, or press F4 for the next one waiting."))
        self.leave_button.setText(self.tr("Patient left… (F8)"))
        self.leave_button.setAccessibleName(self.tr("Patient left"))
        self.scan.setPlaceholderText(self.tr("Scan or type visit No. (Ctrl+K)"))
        # Wide enough for its placeholder in either language (no "Scan or type vis…").
        self.scan.setMinimumWidth(
            self.scan.fontMetrics().horizontalAdvance(self.scan.placeholderText()) + 36)
        self.scan.setAccessibleName(self.tr("Visit number"))
        self.next_button.setText(self.tr("Next waiting patient (F4)"))
        self.next_button.setAccessibleName(self.tr("Next waiting patient"))
        self.late_button.setText(self.tr("Register and bill now (F7)"))
        self.late_button.setAccessibleName(self.tr("Register and bill a red-flag patient"))
        self.late_button.setToolTip(self.tr(
            "Treated first: complete this patient's registration and billing now"))
        if (registration := self._built("registration")) is not None:
            # The answers to "how did you hear of us" are rule rows read in the language.
            registration.form.set_media_sources(self.controller.media_sources())
        if self.view is not None:
            # The visit's names (department, doctor, stage, leave reason) were read in the
            # language of the time: read it again in the new one, keeping what is typed.
            try:
                view = self.controller.get_visit(self.view.id)
            except FrontdeskError:
                view = self.view
            box = self._leave_box
            leaving = box is not None and box.isVisibleTo(self)
            page = self._built("registration")
            asking = page is not None and page.duplicates.isVisibleTo(self)
            self.show_visit(view, keep_typed=True)
            if leaving and stages.is_open(view.stage):
                box.show()  # the reason being given stays open, as typed
            if asking and self.steps.currentWidget() is page:
                page.duplicates.show()  # "the same person?" stays asked
        else:
            self.track.set_stage(None)
            self.coach.show_step("GREETING")
        if self._notice_says is not None:  # a notice on show, said in the new language
            self.notice.setText(self._notice_says())
