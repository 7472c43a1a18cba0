"""The desk's actions: one domain call per step, and what happens when it fails.

Every step goes through :meth:`DeskActions.act`, which shows a domain error at
its field, or as a notice above the step; when another desk advanced the visit
first (ConflictError) it reloads the visit and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from frontdesk import clock, patients, reception, stages
from frontdesk.errors import ConflictError, FrontdeskError, ValidationError


def _default_slip_printer(ctx, visit_id: int, kind: str, parent: QWidget):
    from frontdesk.ui.reception.slip_actions import print_visit_slip

    return print_visit_slip(ctx, visit_id, kind, parent)



class DeskActions:
    """Mixin for DeskView: the buttons' domain calls (take, triage, register, pay, …).

    Expects on self: view, late, ctx, the step pages, show_visit(),
    open_visit(), show_notice(), _registering(), _review_record().
    """

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

    def submit_registration(self) -> None:
        v = self.view
        if not self._registering():
            return
        form_widget = self.registration.form
        form_widget.clear_errors()
        values, errors = form_widget.typed()
        form = reception.RegistrationForm.from_dict(values)
        errors = {**form.validate(clock.today()), **errors}
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
