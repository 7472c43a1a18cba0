"""The desk's registration page: restoring drafts, reviewing an existing record.

While the desk registers (or catches up a deferred visit), what is typed is
saved as a draft; choosing a record already on file fills the form from it and
lists what was typed differently, so nothing typed is lost. The page only
shows: the desk's controller loads and saves (see view.py for the wiring).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal

from frontdesk import clock, patients
from frontdesk.ui.reception.steps import RegistrationStep

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


class RegistrationPage(RegistrationStep):
    """The registration step as the desk uses it: drafts, a record to review, duplicates.

    Signals: `submit_requested` (Ctrl+Enter or the button), `draft_changed(dict)`
    (typing settled), `identity_edited()` (name, sex or age edited: the coach follows),
    `use_requested(patient_id)` and `create_anyway()` from the duplicate warning.
    """

    draft_changed = Signal(dict)
    identity_edited = Signal()
    use_requested = Signal(int)
    create_anyway = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form.draft_changed.connect(self.draft_changed.emit)
        self.form.draft_changed.connect(lambda _d: self.identity_edited.emit())
        self.duplicates.use_requested.connect(self.use_requested.emit)
        self.duplicates.create_anyway.connect(self.create_anyway.emit)
        for name in ("name", "sex", "age"):
            editor = self.form.editors[name]
            signal = getattr(editor, "textEdited", None) or editor.activated
            signal.connect(lambda *_: self.identity_edited.emit())

    # What the notes say, kept to be said again in another language (retranslate).
    _review: list | None = None  # (field, typed, record) differing, or None: no review
    _draft: str | None = None  # "restored", "saved" (at _draft_time) or None
    _draft_time = ""

    def reset(self, *, keep: bool) -> None:
        """A visit is shown: hide the warnings (keep the review note with what was typed)."""
        self.duplicates.hide()
        if not keep:
            self.review_note.hide()
            self._review = None

    def load(self, draft: dict | None, record: dict | None) -> None:
        """Fill the form from the visit's draft, else from the linked patient's record."""
        self.form.clear()
        if draft:
            self.form.set_values(draft)
            self._say_draft("restored")
        else:
            self._say_draft(None)
            if record is not None:
                data = dict(record)  # an estimated birth date comes back as an age
                data["birth_date"] = data.get("birth_date") or ""
                data["age"] = "" if data.get("age") is None else str(data["age"])
                self.form.set_values(data)
        self.focus_first()

    def review(self, record: dict, typed: dict) -> None:
        """Fill the form from the record; list what was typed differently (nothing is lost)."""
        form = self.form
        if record.get("birth_date") and record.get("age") is None:
            # Show the age the birth date gives, so a typed age is compared with it.
            birth = dt.date.fromisoformat(record["birth_date"])
            record["age"] = patients.age_on(birth, form.age_day or clock.today())
        values, differs = merge_typed_into_record(record, typed)
        form.clear()
        form.set_values(values)
        self._say_draft(None)
        self._say_review(differs)
        self.review_note.show()

    def _say_review(self, differs: list) -> None:
        from frontdesk.ui.reception.lookup import sex_text

        form = self.form
        self._review = differs
        if differs:
            listed = self.tr("; ").join(
                self.tr("{field}: typed “{typed}”, record “{record}”").format(
                    field=form.field_label(key), typed=sex_text(t) if key == "sex" else t,
                    record=sex_text(r) if key == "sex" else r)
                for key, t, r in differs)
            self.review_note.setText(self.tr(
                "The existing record is shown for review; the record's values are kept. "
                "Typed differently: {list}. Change a field if what was typed is right, then "
                "register (Ctrl+Enter): only changed fields are saved.").format(list=listed))
        else:
            self.review_note.setText(self.tr(
                "The existing record is shown for review. Change what is out of date, then "
                "register (Ctrl+Enter): only changed fields are saved."))

    def draft_saved(self) -> None:
        self._draft_time = clock.now().strftime("%H:%M:%S")
        self._say_draft("saved")

    def _say_draft(self, what: str | None) -> None:
        self._draft = what
        if what == "restored":
            self.draft_note.setText(self.tr("Draft restored: nothing typed was lost."))
        elif what == "saved":
            self.draft_note.setText(self.tr("Draft saved {time}").format(time=self._draft_time))
        else:
            self.draft_note.clear()

    def show_draft_error(self, message: str) -> None:
        self._draft = None
        self.draft_note.setText(message)

    def retranslate(self) -> None:
        super().retranslate()
        if self._draft is not None:
            self._say_draft(self._draft)
        if self._review is not None:
            self._say_review(self._review)

    def show_errors(self, errors: dict) -> None:
        self.form.show_errors(errors)

    def focus_first(self) -> None:
        self.form.name.setFocus()
