"""The desk's controller: the visit being served and the domain calls of every step.

No widgets here: a step runs through ``ctx.run`` (which announces what changed),
and the outcome comes back as a signal — `advanced(view)` after a step,
`conflict(exc)` when another desk moved the visit first, `refused(exc, where)`
for any other refusal, `where` naming the step whose page may show it at a field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from frontdesk import clock, reception, stages
from frontdesk.errors import BusyRetrying, ConflictError, FrontdeskError


class DeskController(QObject):
    """Holds the visit being served (`view`) and makes the desk's domain calls."""

    advanced = Signal(object)  # the visit's new VisitView after a step
    conflict = Signal(object)  # ConflictError: reload the visit, keep what was typed
    refused = Signal(object, str)  # (FrontdeskError, where): "triage", "escort", "leave" or ""

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view = None  # the VisitView being served
        self.late = False  # registration/billing are catching up a deferred (red-flag) visit
        self.late_patient_id: int | None = None  # "same person" chosen while late
        self.dups_checked_for: int | None = None  # visit whose duplicates were dismissed
        # A step refused by another station's lock is being run again (ctx.run): a second
        # press meanwhile would run it twice and the second would say "moved elsewhere".
        self.retrying = False

    # --- state -------------------------------------------------------------------------

    def late_page(self, view) -> bool:
        """The visit is shown on the late registration/billing pages."""
        return self.late and view.billing_open and view.stage in stages.LATE_STAGES

    def registering(self) -> bool:
        v = self.view
        return v is not None and (v.stage == stages.REGISTRATION
                                  or (self.late_page(v) and not v.registered_late))

    # --- reads (raise FrontdeskError) ----------------------------------------------------
    # Through the runner too: a driver error (locked file, server gone) is raised as the
    # FrontdeskError the screen already shows, never as a bare exception out of a slot.

    def _read(self, op: Callable, *args, **kwargs):
        return self.ctx.run(op, *args, **kwargs)

    def get_visit(self, visit_id: int):
        return self._read(reception.get_visit, visit_id, actor=self.ctx.staff)

    def open_visits(self) -> list:
        """Arrivals and visits in progress, and escorts not back yet (any day)."""
        visits = self._read(reception.open_visits, actor=self.ctx.staff)
        out = [v for v in self._read(reception.escorts_out, clock.today(), actor=self.ctx.staff)
               if v.stage == stages.DONE and not v.escort_back]
        return visits + [v for v in out if all(v.id != o.id for o in visits)]

    def thresholds(self):
        """The desk list's per-stage wait thresholds, or None if they cannot be read now
        (the list keeps the last ones: they change rarely, and the rows were just read)."""
        from frontdesk.reception import urgency

        try:
            return self._read(urgency.thresholds)
        except FrontdeskError:
            return None

    def visits_by_id(self, ids) -> list:
        """These visits only (another station changed them), open or not."""
        return self._read(reception.visits_by_id, ids, actor=self.ctx.staff)

    def deferred_billing(self) -> list:
        return self._read(reception.deferred_billing, clock.today(), actor=self.ctx.staff)

    def find_by_number(self, number: str):
        """The visit a scanned or typed visit number names (the guide slip's QR code)."""
        from frontdesk.reception.visit_numbers import find_visit

        return self._read(find_visit, number, actor=self.ctx.staff)

    def fee_quote(self):
        return self._read(reception.fee_quote, self.view.id, actor=self.ctx.staff)

    def escorts(self) -> tuple[list, list]:
        """Today's free escorts and those still out (the domain refuses a busy one)."""
        day = clock.today()
        return self._read(reception.free_escorts, day), self._read(reception.busy_escorts, day)

    def load_draft(self):
        return self._read(reception.load_draft, self.view.id, actor=self.ctx.staff)

    def save_draft(self, data: dict) -> bool:
        """Save what is typed while registering; False when not registering."""
        if not self.registering():
            return False
        self._read(reception.save_draft, self.view.id, data, actor=self.ctx.staff)
        return True

    def booked_form(self) -> dict | None:
        return self._read(reception.booked_form, self.view.id, actor=self.ctx.staff)

    def patient_form(self, patient_id: int) -> dict:
        """The record's form, its age (an estimated birth date) on the visit's day."""
        from frontdesk import patients  # the record's side: not needed for the first frame

        day = self.view.visit_date if self.view is not None else None
        return self._read(patients.form_for, patient_id, actor=self.ctx.staff,
                          day=day).to_dict()

    def find_duplicates(self, form) -> list:
        """The records that may be this person, checked on the worker (issue 20).

        The window keeps painting and its timers run meanwhile; what the desk types or
        clicks waits until the answer is in (so Register cannot be pressed twice).
        """
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        out: dict = {}

        def finish(key: str, value) -> None:
            out[key] = value
            loop.quit()

        from frontdesk import patients

        self.ctx.run(patients.find_duplicates, form, actor=self.ctx.staff, background=True,
                     on_done=lambda dups: finish("dups", dups),
                     on_error=lambda exc: finish("error", exc))
        if not out:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            # The worker may still be busy (the page check after start-up): say "wait".
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                QApplication.restoreOverrideCursor()
        if "error" in out:
            raise out["error"]
        return out["dups"]

    def media_sources(self) -> list:
        try:
            from frontdesk import triage  # with the registration page, not at start

            return self._read(triage.media_sources)
        except FrontdeskError:
            return []

    # --- steps -------------------------------------------------------------------------

    def _act(self, op: Callable, *args, where: str = "", **kwargs):
        """Run one step through the runner; the new view, or None when refused."""
        if self.view is None or self.retrying:
            return None
        return self.ctx.run(op, *args, on_done=self._advanced,
                            on_error=lambda exc: self._refused(exc, where), **kwargs)

    def _advanced(self, view) -> None:
        self.retrying = False
        self.advanced.emit(view)

    def _refused(self, exc: FrontdeskError, where: str) -> None:
        self.retrying = isinstance(exc, BusyRetrying)  # the outcome follows from the worker
        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
        else:
            self.refused.emit(exc, where)

    def _kw(self) -> dict:
        return {"actor": self.ctx.staff, "expected_version": self.view.version}

    def take(self):
        v = self.view
        if v is None or v.stage != stages.GREETING:
            return None
        return self._act(reception.take_at_desk, v.id, **self._kw())

    def attach(self, patient_id: int):
        if self.view is None:
            return None
        return self._act(reception.attach_patient, self.view.id, patient_id=patient_id,
                         **self._kw())

    def triage(self, choice):
        v = self.view
        if v is None or v.stage != stages.TRIAGE:
            return None
        return self._act(reception.triage, v.id, complaint=choice.complaint,
                         department_id=choice.department_id, doctor_id=choice.doctor_id,
                         where="triage", **self._kw())

    def needs_duplicate_check(self) -> bool:
        """Before registering a new record: look for the person on file (once per visit)."""
        v = self.view
        known = v.patient_id or (self.late_patient_id if self.late else None)
        return known is None and self.dups_checked_for != v.id

    def register(self, form):
        """Register (or, late, complete the deferred registration of) the visit."""
        v = self.view
        patient_id = self.late_patient_id if self.late else None
        if self.late:
            return self._act(reception.complete_deferred, v.id, form=form,
                             patient_id=patient_id, **self._kw())
        return self._act(reception.register, v.id, form=form, patient_id=patient_id,
                         **self._kw())

    def confirm_payment(self) -> str | None:
        """"late" when a deferred fee was recorded, "paid" after billing, None otherwise."""
        v = self.view
        if v is None:
            return None
        if self.late_page(v) and v.registered_late:
            return "late" if self._act(reception.confirm_deferred_payment, v.id,
                                       **self._kw()) else None
        if v.stage != stages.BILLING:
            return None
        return "paid" if self._act(reception.confirm_payment, v.id, **self._kw()) else None

    def set_vip_card(self, tier: str):
        if self.view is None:
            return None
        return self._act(reception.set_vip_card, self.view.id, tier=tier, **self._kw())

    def hand_to_doctor(self, escort_id: int):
        v = self.view
        if v is None or v.stage != stages.ESCORT:
            return None
        return self._act(reception.hand_to_doctor, v.id, escort_id=escort_id, where="escort",
                         **self._kw())

    def back_at_post(self):
        v = self.view
        if v is None or v.stage != stages.DONE or v.escort_back:
            return None
        return self._act(reception.back_at_post, v.id, actor=self.ctx.staff)

    def leave(self, reason: str):
        if self.view is None:
            return None
        return self._act(reception.leave, self.view.id, reason=reason, where="leave",
                         **self._kw())
