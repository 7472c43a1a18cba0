"""The desk (导医台): the waiting list on the left, the current visit's step on the right.

Every step is one domain call through :meth:`DeskView.act`, which shows a
domain error at its field, or as a notice above the step; when another desk
advanced the visit first (ConflictError) it reloads the visit and keeps what
was typed. The etiquette coach beside the step follows the visit.

Keys: F4 takes the next waiting patient, F6 goes to the list, F3 finds a
record, Ctrl+L records that the patient left, F7 registers and bills a red-flag
patient whose billing was deferred; inside a step Enter moves on.

Deferred billing ("late" mode): a red-flag visit goes to the emergency doctor
before registration. Later the desk opens it from the deferred-billing list (or
F7) and the registration and billing pages complete it with
reception.complete_deferred / confirm_deferred_payment — the stage stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
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

from frontdesk import patients, permissions, reception, stages, triage
from frontdesk.errors import ConflictError, FrontdeskError, ValidationError
from frontdesk.permissions import Perm
from frontdesk.ui.coach import CoachSubject, EtiquetteCoach
from frontdesk.ui.reception_deferred import DeferredBillingPanel
from frontdesk.ui.reception_visits import VisitListPanel, patient_label
from frontdesk.ui.widgets.fields import button_shortcut

LIST_REFRESH_MS = 30_000  # wait minutes in the list
STEP_ORDER = (stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING,
              stages.ESCORT, stages.DONE)
NOTICE_STYLES = {
    "info": "background: #ecfdf5; color: #166534; border: 1px solid #86efac;",
    "warn": "background: #fffbeb; color: #92400e; border: 1px solid #fcd34d;",
    "error": "background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5;",
}


# Answers about this visit (not the patient's record): what was typed is always kept.
VISIT_FIELDS = ("illness_duration", "disease_category", "intention", "concerns",
                "health_question", "price_comparison", "habits")


def _shown(value) -> str:
    return "" if value is None else str(value).strip()


def merge_typed_into_record(record: dict, typed: dict) -> tuple[dict, list[tuple[str, str, str]]]:
    """The form values for reviewing an existing record, and what was typed differently.

    The record's values win; a field the record leaves empty takes what was typed;
    the visit's own answers are the typed ones. Returns (values, [(field, typed,
    record)]) for the typed values that were not used.
    """
    values = {k: ("" if v is None and k != "media_source_id" else v) for k, v in record.items()}
    differs = []
    for key, raw in typed.items():
        if key not in values:
            continue
        if key in VISIT_FIELDS:
            values[key] = raw
            continue
        typed_v, record_v = _shown(raw), _shown(values[key])
        if not typed_v or typed_v == record_v:
            continue
        if not record_v:
            values[key] = raw
        elif key != "media_source_id":  # a media source id means nothing to read
            differs.append((key, typed_v, record_v))
    return values, differs


def _default_slip_printer(ctx, visit_id: int, kind: str, parent: QWidget):
    from frontdesk.ui.slip_actions import print_visit_slip

    return print_visit_slip(ctx, visit_id, kind, parent)


class StageTrack(QWidget):
    """① 迎接 ② 分诊 … with the current step highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageTrack")
        self.labels: list[QLabel] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for stage in STEP_ORDER:
            label = QLabel()
            label.setObjectName(f"track{stage.title()}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            row.addWidget(label, 1)
        self.set_stage(None)

    def set_stage(self, stage: str | None) -> None:
        from frontdesk.i18n import text

        current = STEP_ORDER.index(stage) if stage in STEP_ORDER else -1
        for i, (label, s) in enumerate(zip(self.labels, STEP_ORDER, strict=True)):
            zh, en = stages.STAGE_NAMES[s]
            label.setText(f"{'①②③④⑤⑥'[i]} {text(zh, en)}")
            if i == current:
                style = "background: #0f766e; color: white; font-weight: 700;"
            elif i < current:
                style = "background: #ccfbf1; color: #115e59;"
            else:
                style = "background: #f1f5f9; color: #64748b;"
            label.setStyleSheet(style + " padding: 4px; border-radius: 3px;")


class DeskView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None, *,
                 clock: Callable[[], dt.datetime] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskView")
        self.clock = clock or dt.datetime.now
        self.view = None  # the current VisitView
        self.slip_printer = _default_slip_printer  # a seam: tests print to a file instead
        self.last_print = None
        self._dups_checked_for: int | None = None
        self.late = False  # the registration/billing pages are catching up a deferred visit
        self._late_patient_id: int | None = None  # "same person" chosen while late

        self.visit_list = VisitListPanel(clock=self.clock)
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
            from frontdesk.ui.reception_steps import LeaveBox

            box = LeaveBox()
            box.hide()
            box.leave_requested.connect(self.leave)
            # under the step pages, above the row of buttons
            self._step_layout.insertWidget(self._step_layout.count() - 1, box)
            self._leave_box = box
        return self._leave_box

    def _build_greeting(self) -> QWidget:
        from frontdesk.ui.reception_steps import GreetingStep

        step = GreetingStep()
        step.take_requested.connect(self.take)
        return step

    def _build_triage_step(self) -> QWidget:
        from frontdesk.ui.reception_steps import TriageStep

        step = TriageStep(clock=self.clock)
        step.lookup.actor = lambda: self.ctx.staff
        step.lookup.patient_chosen.connect(self.attach)
        step.triage.confirm_requested.connect(self.confirm_triage)
        return step

    def _build_registration(self) -> QWidget:
        from frontdesk.ui.reception_steps import RegistrationStep

        step = RegistrationStep(today=lambda: self.clock().date())
        step.submit_requested.connect(self.submit_registration)
        step.form.draft_changed.connect(self._save_draft)
        step.form.draft_changed.connect(lambda _d: self._coach_from_form())
        step.duplicates.use_requested.connect(self.use_duplicate)
        step.duplicates.create_anyway.connect(self.create_anyway)
        for name in ("name", "sex", "age"):
            editor = step.form.editors[name]
            signal = getattr(editor, "textEdited", None) or editor.activated
            signal.connect(lambda *_: self._coach_from_form())
        self._load_media_sources(step)
        return step

    def _build_billing(self) -> QWidget:
        from frontdesk.ui.reception_billing import BillingPanel

        step = BillingPanel()
        step.confirm_requested.connect(self.confirm_payment)
        step.print_requested.connect(lambda: self.print_slip("billing"))
        step.vip_requested.connect(self.choose_vip_card)
        self._enter_shortcuts(step, self.confirm_payment)
        return step

    def _build_escort(self) -> QWidget:
        from frontdesk.ui.reception_escort import EscortPanel

        step = EscortPanel()
        step.handed_requested.connect(self.hand_to_doctor)
        step.back_requested.connect(self.back_at_post)
        step.print_requested.connect(lambda: self.print_slip("guide"))
        self._enter_shortcuts(step, step.press_default)
        return step

    def _build_closed(self) -> QWidget:
        from frontdesk.ui.reception_steps import ClosedStep

        return ClosedStep()

    @staticmethod
    def _enter_shortcuts(step: QWidget, slot) -> None:
        # Enter on the billing and escort steps (their buttons may not have focus).
        for key in ("Return", "Enter"):
            sc = QShortcut(QKeySequence(key), step)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

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
            page.form.name.setFocus()
        elif page is self._built("billing"):
            page.confirm_button.setFocus()
        elif page is self._built("escort"):
            page.escort.setFocus()
        else:
            self.visit_list.view.setFocus()

    # --- list ------------------------------------------------------------------------

    def refresh_list(self) -> None:
        """Arrivals and visits in progress (any day: nothing open is ever hidden)."""
        try:
            visits = reception.open_visits(actor=self.ctx.staff)
            out = [v for v in reception.escorts_out(self.clock().date(),
                                                    actor=self.ctx.staff)
                   if v.stage == stages.DONE and not v.escort_back]
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return
        try:
            self.deferred_list.set_visits(
                reception.deferred_billing(self.clock().date(), actor=self.ctx.staff))
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
        from frontdesk.ui.reception_steps import patient_summary

        who = patient_summary(view) if view.patient_id else patient_label(view)
        number = view.queue_label or f"#{view.id}"
        return f"{number}  {who}"

    def _show_registration(self, view, keep: bool) -> None:
        step = self.registration
        step.duplicates.hide()
        if not keep:
            step.review_note.hide()
        self._dups_checked_for = None
        if keep:
            return
        step.form.clear()
        draft = None
        try:
            draft = reception.load_draft(view.id, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "warn")
        if draft:
            step.form.set_values(draft)
            step.draft_note.setText(self.tr("Draft restored: nothing typed was lost."))
        else:
            step.draft_note.clear()
            if view.patient_id:
                self._prefill_from_patient(view.patient_id)
        step.form.name.setFocus()

    def _prefill_from_patient(self, patient_id: int) -> None:
        # The domain builds the form (an estimated birth date comes back as an age).
        try:
            data = patients.form_for(patient_id, actor=self.ctx.staff).to_dict()
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "warn")
            return
        data["birth_date"] = data.get("birth_date") or ""
        data["age"] = "" if data.get("age") is None else str(data["age"])
        self.registration.form.set_values(data)

    def _review_record(self, patient_id: int, typed: dict) -> None:
        """Fill the form from the record; list what was typed differently (nothing is lost)."""
        from frontdesk.ui.reception_lookup import sex_text

        try:
            record = patients.form_for(patient_id, actor=self.ctx.staff).to_dict()
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "warn")
            return
        form = self.registration.form
        if record.get("birth_date") and record.get("age") is None:
            # Show the age the birth date gives, so a typed age is compared with it.
            birth = dt.date.fromisoformat(record["birth_date"])
            record["age"] = patients.age_on(birth, self.clock().date())
        values, differs = merge_typed_into_record(record, typed)
        form.clear()
        form.set_values(values)
        step = self.registration
        step.draft_note.clear()
        if differs:
            listed = self.tr("; ").join(
                self.tr("{field}: typed “{typed}”, record “{record}”").format(
                    field=form.field_label(key), typed=sex_text(t) if key == "sex" else t,
                    record=sex_text(r) if key == "sex" else r)
                for key, t, r in differs)
            step.review_note.setText(self.tr(
                "The existing record is shown for review; the record's values are kept. "
                "Typed differently: {list}. Change a field if what was typed is right, then "
                "register (Ctrl+Enter): only changed fields are saved.").format(list=listed))
        else:
            step.review_note.setText(self.tr(
                "The existing record is shown for review. Change what is out of date, then "
                "register (Ctrl+Enter): only changed fields are saved."))
        step.review_note.show()
        self._save_draft(form.values())
        form.name.setFocus()

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
        day = self.clock().date()
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

    def act(self, call: Callable[[], object], *, field_panel=None):
        """Run one domain step; on success refresh everything and return the new view."""
        if self.view is None:
            return None
        try:
            view = call()
        except ConflictError as exc:
            self.show_notice(exc.message() + " " + self.tr(
                "The visit was reloaded; what you typed is kept."), "warn")
            visit_id = self.view.id
            self.ctx.changes.visits_changed.emit()
            self.open_visit(visit_id, keep_typed=True)
            return None
        except reception.FormInvalid as exc:
            self.registration.form.show_errors(exc.errors)
            return None
        except ValidationError as exc:
            if field_panel is None or not field_panel.show_error(exc):
                self.show_notice(exc.message(), "error")
            return None
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "error")
            return None
        self.notice.hide()
        self.show_visit(view)
        self.ctx.changes.visits_changed.emit()
        return view

    def _kw(self) -> dict:
        return {"actor": self.ctx.staff, "expected_version": self.view.version}

    def take(self) -> None:
        v = self.view
        if v is None or v.stage != stages.GREETING:
            return
        self.act(lambda: reception.take_at_desk(v.id, **self._kw()))

    def attach(self, patient_id: int) -> None:
        v = self.view
        self.act(lambda: reception.attach_patient(v.id, patient_id=patient_id, **self._kw()))

    def confirm_triage(self, choice) -> None:
        v = self.view
        if v is None or v.stage != stages.TRIAGE:
            return
        self.act(lambda: reception.triage(
            v.id, complaint=choice.complaint, department_id=choice.department_id,
            doctor_id=choice.doctor_id, **self._kw()), field_panel=self.triage_step.triage)

    def _registering(self) -> bool:
        v = self.view
        return v is not None and (v.stage == stages.REGISTRATION
                                  or (self._late_page(v) and not v.registered_late))

    def submit_registration(self) -> None:
        v = self.view
        if not self._registering():
            return
        form_widget = self.registration.form
        form_widget.clear_errors()
        values, errors = form_widget.typed()
        form = reception.RegistrationForm.from_dict(values)
        errors = {**form.validate(self.clock().date()), **errors}
        if errors:
            form_widget.show_errors(errors)
            return
        known = v.patient_id or (self._late_patient_id if self.late else None)
        if known is None and self._dups_checked_for != v.id:
            try:
                dups = patients.find_duplicates(form, actor=self.ctx.staff)
            except FrontdeskError as exc:
                self.show_notice(exc.message(), "error")
                return
            if dups:
                self.registration.duplicates.show_duplicates(dups)
                return
        self._register(form, self._late_patient_id if self.late else None)

    def _register(self, form, patient_id: int | None) -> None:
        v = self.view
        self.registration.form.flush_draft()
        if self.late:
            self.act(lambda: reception.complete_deferred(v.id, form=form, patient_id=patient_id,
                                                         **self._kw()))
            return
        self.act(lambda: reception.register(v.id, form=form, patient_id=patient_id,
                                            **self._kw()))

    def use_duplicate(self, patient_id: int) -> None:
        """The person is already on file: link that record and show it for review.

        Nothing is written to the record yet: the form now holds the record (what
        was typed only fills its empty fields; the visit's own answers are kept),
        and what was typed differently is listed above the form. Registering then
        writes only the fields that differ from the record (audited by name).
        """
        typed = self.registration.form.values()
        v = self.view
        if self.late:
            # The visit is past the stages where a record may be linked: complete_deferred
            # takes the record's id when the desk registers.
            self._late_patient_id = patient_id
            self.registration.duplicates.hide()
            self._review_record(patient_id, typed)
            return
        attached = self.act(lambda: reception.attach_patient(
            v.id, patient_id=patient_id, **self._kw()))
        if attached is None:
            return
        if self.view.stage == stages.REGISTRATION:
            self._review_record(patient_id, typed)

    def create_anyway(self) -> None:
        if self.view is not None:
            self._dups_checked_for = self.view.id
            self.registration.duplicates.hide()
            self.submit_registration()

    def confirm_payment(self) -> None:
        v = self.view
        if v is None:
            return
        if self._late_page(v) and v.registered_late:
            if self.act(lambda: reception.confirm_deferred_payment(v.id, **self._kw())):
                self.show_notice(self.tr("Deferred fee recorded: this visit's billing is "
                                         "complete."), "info")
            return
        if v.stage != stages.BILLING:
            return
        self.act(lambda: reception.confirm_payment(v.id, **self._kw()))

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
        v = self.view
        if v is None:
            return
        self.act(lambda: reception.set_vip_card(v.id, tier=tier, **self._kw()))

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
        v = self.view
        if v is None or v.stage != stages.ESCORT:
            return
        self.act(lambda: reception.hand_to_doctor(v.id, escort_id=escort_id, **self._kw()),
                 field_panel=self.escort)

    def back_at_post(self) -> None:
        v = self.view
        if v is None or v.stage != stages.DONE or v.escort_back:
            return
        if self.act(lambda: reception.back_at_post(v.id, actor=self.ctx.staff)) is not None:
            self.show_notice(self.tr("Back at post. Ready for the next patient (F4)."), "info")

    def open_leave(self) -> None:
        if self.view is not None and stages.is_open(self.view.stage):
            self.leave_box.open()

    def leave(self, reason: str) -> None:
        v = self.view
        if v is None:
            return
        self.act(lambda: reception.leave(v.id, reason=reason, **self._kw()),
                 field_panel=self.leave_box)

    def print_slip(self, kind: str) -> None:
        if self.view is None:
            return
        result = self.slip_printer(self.ctx, self.view.id, kind, self)
        self.last_print = result
        self.show_notice(result.message, "info" if result.ok else "warn")

    def _save_draft(self, data: dict) -> None:
        v = self.view
        if not self._registering():
            return
        try:
            reception.save_draft(v.id, data, actor=self.ctx.staff)
        except FrontdeskError as exc:
            self.registration.draft_note.setText(exc.message())
            return
        self.registration.draft_note.setText(
            self.tr("Draft saved {time}").format(time=self.clock().strftime("%H:%M:%S")))

    def _load_media_sources(self, step) -> None:
        try:
            sources = triage.media_sources()
        except FrontdeskError:
            sources = []
        step.form.set_media_sources(sources)

    def _flush_draft(self) -> None:
        # Only a registration page that was built can hold typing to save.
        if (registration := self._built("registration")) is not None:
            registration.form.flush_draft()

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

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
