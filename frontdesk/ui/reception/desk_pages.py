"""The desk's step host: the progress strip and the step pages, built on first use.

The desk starts on the visit list and an empty page; each step page (greeting …
closed) is dozens of widgets and a module of its own, so it is imported and
built the first time a visit needs it (start-up imports only the first screen).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from frontdesk import stages, triage
from frontdesk.errors import FrontdeskError

STEP_ORDER = (stages.GREETING, stages.TRIAGE, stages.REGISTRATION, stages.BILLING,
              stages.ESCORT, stages.DONE)


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
        current = STEP_ORDER.index(stage) if stage in STEP_ORDER else -1
        for i, (label, s) in enumerate(zip(self.labels, STEP_ORDER, strict=True)):
            label.setText(f"{'①②③④⑤⑥'[i]} {stages.STAGE_NAMES[s]}")
            if i == current:
                style = "background: #0f766e; color: white; font-weight: 700;"
            elif i < current:
                style = "background: #ccfbf1; color: #115e59;"
            else:
                style = "background: #f1f5f9; color: #64748b;"
            label.setStyleSheet(style + " padding: 4px; border-radius: 3px;")



class DeskPages:
    """Mixin for DeskView: the step pages, each built, wired and stacked on first use.

    Expects on self: steps (QStackedWidget), empty_step, visit_list, _pages (dict),
    _leave_box, _step_layout, ctx, and the desk's slots the pages connect to.
    """

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
        from frontdesk.ui.reception.steps import RegistrationStep

        step = RegistrationStep()
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
        from frontdesk.ui.reception.billing import BillingPanel

        step = BillingPanel()
        step.confirm_requested.connect(self.confirm_payment)
        step.print_requested.connect(lambda: self.print_slip("billing"))
        step.vip_requested.connect(self.choose_vip_card)
        self._enter_shortcuts(step, self.confirm_payment)
        return step

    def _build_escort(self) -> QWidget:
        from frontdesk.ui.reception.escort import EscortPanel

        step = EscortPanel()
        step.handed_requested.connect(self.hand_to_doctor)
        step.back_requested.connect(self.back_at_post)
        step.print_requested.connect(lambda: self.print_slip("guide"))
        self._enter_shortcuts(step, step.press_default)
        return step

    def _build_closed(self) -> QWidget:
        from frontdesk.ui.reception.steps import ClosedStep

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

    def _load_media_sources(self, step) -> None:
        try:
            sources = triage.media_sources()
        except FrontdeskError:
            sources = []
        step.form.set_media_sources(sources)
