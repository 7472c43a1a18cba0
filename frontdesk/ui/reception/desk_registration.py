"""The desk's registration page: restoring drafts, reviewing an existing record.

While the desk registers (or catches up a deferred visit), what is typed is
saved as a draft; choosing a record already on file fills the form from it and
lists what was typed differently, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from frontdesk import clock, patients, reception, stages
from frontdesk.errors import FrontdeskError

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



class DeskRegistration:
    """Mixin for DeskView: filling, reviewing and saving the registration form.

    Expects on self: view, late, ctx, registration (page), _built(),
    _late_page(), show_notice().
    """

    def _registering(self) -> bool:
        v = self.view
        return v is not None and (v.stage == stages.REGISTRATION
                                  or (self._late_page(v) and not v.registered_late))

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
        from frontdesk.ui.reception.lookup import sex_text

        try:
            record = patients.form_for(patient_id, actor=self.ctx.staff).to_dict()
        except FrontdeskError as exc:
            self.show_notice(exc.message(), "warn")
            return
        form = self.registration.form
        if record.get("birth_date") and record.get("age") is None:
            # Show the age the birth date gives, so a typed age is compared with it.
            birth = dt.date.fromisoformat(record["birth_date"])
            record["age"] = patients.age_on(birth, clock.today())
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
            self.tr("Draft saved {time}").format(time=clock.now().strftime("%H:%M:%S")))

    def _flush_draft(self) -> None:
        # Only a registration page that was built can hold typing to save.
        if (registration := self._built("registration")) is not None:
            registration.form.flush_draft()

