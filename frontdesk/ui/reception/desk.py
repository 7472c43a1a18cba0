"""The desk (导医台): the waiting list on the left, the current visit's step on the right.

Every step is one domain call through :meth:`DeskView.act`, which shows a
domain error at its field, or as a notice above the step; when another desk
advanced the visit first (ConflictError) it reloads the visit and keeps what
was typed. The etiquette coach beside the step follows the visit.

This module lays the desk out and shows a visit; its parts live beside it:
reception_desk_pages (progress strip, step pages built on first use),
reception_desk_registration (drafts, reviewing a record on file) and
reception_desk_actions (the domain call of each button, conflict handling).

Keys: F4 takes the next waiting patient, F6 goes to the list, F3 finds a
record, Ctrl+L records that the patient left, F7 registers and bills a red-flag
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
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, permissions, reception, stages
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm
from frontdesk.ui.reception.coach import CoachSubject, EtiquetteCoach
from frontdesk.ui.reception.deferred import DeferredBillingPanel
from frontdesk.ui.reception.desk_actions import DeskActions, _default_slip_printer
from frontdesk.ui.reception.desk_pages import STEP_ORDER, DeskPages, StageTrack
from frontdesk.ui.reception.desk_registration import (  # re-exported: the desk's public names
    VISIT_FIELDS,
    DeskRegistration,
    merge_typed_into_record,
)
from frontdesk.ui.reception.visits import VisitListPanel, patient_label
from frontdesk.ui.widgets.fields import button_shortcut
from frontdesk.ui.widgets.retranslate import Retranslating

LIST_REFRESH_MS = 30_000  # wait minutes in the list
NOTICE_STYLES = {
    "info": "background: #ecfdf5; color: #166534; border: 1px solid #86efac;",
    "warn": "background: #fffbeb; color: #92400e; border: 1px solid #fcd34d;",
    "error": "background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5;",
}

__all__ = ["DeskView", "StageTrack", "STEP_ORDER", "VISIT_FIELDS", "merge_typed_into_record"]


class DeskView(Retranslating, DeskPages, DeskRegistration, DeskActions, QWidget):
    """The reception desk: visit list, the current visit's step, and the coach."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskView")
        self.view = None  # the current VisitView
        self.slip_printer = _default_slip_printer  # a seam: tests print to a file instead
        self.last_print = None
        self._dups_checked_for: int | None = None
        self.late = False  # the registration/billing pages are catching up a deferred visit
        self._late_patient_id: int | None = None  # "same person" chosen while late

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

        self.header = QLabel()
        self.header.setObjectName("visitHeader")
        self.header.setStyleSheet("font-size: 16pt; font-weight: 700;")
        self.header.setWordWrap(True)
        self.track = StageTrack()
        self.notice = QLabel()
        self.notice.setObjectName("deskNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.empty_step = QLabel()
        self.empty_step.setObjectName("emptyStep")
        self.empty_step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_step.setWordWrap(True)
        self.empty_step.setStyleSheet("font-size: 14pt; color: #64748b;")
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
        self.late_button.setStyleSheet("color: #991b1b; font-weight: 700;")
        self.late_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.late_button)
        bottom.addStretch(1)
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
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 760, 280])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # Wiring.
        self.visit_list.visit_chosen.connect(self.open_visit)
        self.deferred_list.visit_chosen.connect(self.open_deferred)
        self.late_button.clicked.connect(lambda: self.view and self.open_deferred(self.view.id))
        self.leave_button.clicked.connect(self.open_leave)
        self.next_button.clicked.connect(self.take_next)
        self.leave_shortcut = button_shortcut(self.leave_button, "Ctrl+L")
        self.next_shortcut = button_shortcut(self.next_button, "F4")
        self.late_shortcut = button_shortcut(self.late_button, "F7", self)
        list_key = QShortcut(QKeySequence("F6"), self)
        list_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_key.activated.connect(self.visit_list.view.setFocus)

        self._timer = QTimer(self)
        self._timer.setInterval(LIST_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_list)
        self._timer.start()
        ctx.changes.visits_changed.connect(self.refresh_list)
        self.retranslate()
        self.refresh_list()

    # --- step pages, built on first use -------------------------------------------------


    # --- list ------------------------------------------------------------------------

    def refresh_list(self) -> None:
        """Arrivals and visits in progress (any day: nothing open is ever hidden)."""
        try:
            visits = reception.open_visits(actor=self.ctx.staff)
            out = [v for v in reception.escorts_out(clock.today(),
                                                    actor=self.ctx.staff)
                   if v.stage == stages.DONE and not v.escort_back]
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return
        try:
            self.deferred_list.set_visits(
                reception.deferred_billing(clock.today(), actor=self.ctx.staff))
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
        rows = visits + [v for v in out if all(v.id != o.id for o in visits)]
        current = self.view.id if self.view is not None else None
        if self.view is not None and all(v.id != current for v in rows):
            # Just closed: keep it in the list until the desk moves on, so the
            # selection does not jump to another patient.
            rows.append(self.view)
        self.visit_list.set_visits(rows, current)

    def take_next(self) -> None:
        """F4: take the patient who has waited longest for the desk."""
        waiting = self.visit_list.first_waiting()
        if waiting is None:
            self.show_notice(self.tr("No one is waiting for the desk."), "info")
            return
        self.open_visit(waiting.id)
        self.take()

    # --- showing a visit -----------------------------------------------------------------

    def open_visit(self, visit_id: int, keep_typed: bool = False) -> None:
        """Load the visit and show the page of its stage (restoring any draft)."""
        if self.view is not None and self.view.id != visit_id:
            self._flush_draft()
            self.late = False
        try:
            view = reception.get_visit(visit_id, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return
        if not keep_typed:
            self.notice.hide()
        self.show_visit(view, keep_typed=keep_typed)
        self.visit_list.select_visit(visit_id)

    def open_deferred(self, visit_id: int) -> None:
        """Open a red-flag visit to complete its deferred registration, then its billing."""
        if self.view is not None and self.view.id != visit_id:
            self._flush_draft()
        try:
            view = reception.get_visit(visit_id, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return
        self.notice.hide()
        self.late = True
        self._late_patient_id = None
        self.show_visit(view)
        self.visit_list.select_visit(visit_id)

    def _late_page(self, view) -> bool:
        return (self.late and view.billing_open and view.stage in stages.LATE_STAGES)

    def show_visit(self, view, keep_typed: bool = False) -> None:
        same = self.view is not None and self.view.id == view.id
        previous_stage = self.view.stage if same else None
        previous_late = same and self.late and not self.view.registered_late
        self.view = view
        if self._leave_box is not None:
            self._leave_box.hide()
        self.header.setText(self._header_text(view))
        self.track.set_stage(view.stage if view.stage in STEP_ORDER else None)
        self.leave_button.setEnabled(stages.is_open(view.stage))
        keep = keep_typed and same and previous_stage == view.stage
        stage = view.stage
        if not self._late_page(view):
            self.late = False
        self.late_button.setVisible(view.billing_open and view.stage in stages.LATE_STAGES
                                    and not self.late)
        if (registration := self._built("registration")) is not None:
            registration.late_banner.setVisible(False)
        if self.late:
            if not view.registered_late:
                self._show_registration(view, keep and previous_late)
                self.registration.late_banner.setVisible(True)
                self.steps.setCurrentWidget(self.registration)
            else:
                self._show_billing(view)
                self.steps.setCurrentWidget(self.billing)
            if (billing := self._built("billing")) is not None:
                billing.set_late(self.late)
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

    def _header_text(self, view) -> str:
        from frontdesk.ui.reception.steps import patient_summary

        who = patient_summary(view) if view.patient_id else patient_label(view)
        number = view.queue_label or f"#{view.id}"
        return f"{number}  {who}"

    def _show_billing(self, view) -> None:
        try:
            quote = reception.fee_quote(view.id, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return
        self.billing.show_quote(quote)
        self.billing.vip_button.setVisible(
            view.stage == stages.BILLING and permissions.allowed(self.ctx.staff, Perm.SET_VIP))
        self.billing.confirm_button.setFocus()

    def _show_escort(self, view) -> None:
        # Today's escorts (the domain refuses anyone still out with a patient today).
        day = clock.today()
        try:
            escorts = reception.free_escorts(day)
            busy = reception.busy_escorts(day)
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            escorts, busy = [], []
        self.escort.show_visit(view, escorts, busy)
        self.escort.escort.setFocus()

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

    def show_notice(self, message: str, kind: str = "info") -> None:
        self.notice.setText(message)
        self.notice.setStyleSheet(NOTICE_STYLES[kind] + " padding: 6px 10px;"
                                  " border-radius: 4px; font-size: 11pt;")
        self.notice.setProperty("kind", kind)
        self.notice.show()

    def notice_text(self) -> str:
        return self.notice.text() if self.notice.isVisibleTo(self) else ""

    # --- the steps -------------------------------------------------------------------------

    # --- text ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty_step.setText(self.tr(
            "Choose a patient on the left, or press F4 for the next one waiting."))
        self.leave_button.setText(self.tr("Patient left… (Ctrl+L)"))
        self.leave_button.setAccessibleName(self.tr("Patient left"))
        self.next_button.setText(self.tr("Next waiting patient (F4)"))
        self.next_button.setAccessibleName(self.tr("Next waiting patient"))
        self.late_button.setText(self.tr("Register and bill now (F7)"))
        self.late_button.setAccessibleName(self.tr("Register and bill a red-flag patient"))
        self.late_button.setToolTip(self.tr(
            "Treated first: complete this patient's registration and billing now"))
        if self.view is not None:
            self.show_visit(self.view, keep_typed=True)
        else:
            self.track.set_stage(None)
            self.coach.show_step("GREETING")
