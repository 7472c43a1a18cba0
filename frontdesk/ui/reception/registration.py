"""The registration form (填写病历): the seed's general and targeted fields, and 媒体来源.

Every field shows its own error under it. A valid 18-digit resident ID fills
in sex, birth date and age. Enter moves to the next field; Enter on the last
field, or Ctrl+Enter anywhere, submits. Every edit starts a short timer and
then `draft_changed` carries the whole form, so the desk can save a draft.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk import clock, validation
from frontdesk.errors import ValidationError
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import EnterAdvances, FieldBox
from frontdesk.ui.widgets.retranslate import Retranslating

DRAFT_DELAY_MS = 600
# Lengths of the matching database columns; longer text is refused at the field.
SHORT_TEXT = 40
LONG_TEXT = 500
TEXT_LIMITS = {
    "address": 200, "medical_history": LONG_TEXT, "illness_duration": SHORT_TEXT,
    "disease_category": SHORT_TEXT, "intention": LONG_TEXT, "concerns": LONG_TEXT,
    "health_question": LONG_TEXT, "price_comparison": LONG_TEXT, "habits": LONG_TEXT,
    "economic_status": SHORT_TEXT, "person_type": SHORT_TEXT,
}  # fmt: skip
# The order of the conversation (and of Tab and Enter): the house rules ask how the
# patient heard of us right after the name, so 媒体来源 comes second, not last.
LEFT_FIELDS = ("name", "media_source_id", "phone", "sex", "age", "id_number", "birth_date",
               "address", "illness_duration")
RIGHT_FIELDS = ("medical_history", "disease_category", "intention", "concerns",
                "health_question", "price_comparison", "habits", "economic_status",
                "person_type")
FIELDS = LEFT_FIELDS + RIGHT_FIELDS
GENERAL_FIELDS = ("name", "sex", "phone", "id_number", "birth_date", "age", "address",
                  "illness_duration", "medical_history", "disease_category", "intention",
                  "concerns")
TARGETED_FIELDS = ("health_question", "price_comparison", "habits", "economic_status",
                   "person_type", "media_source_id")
# The media question's explicit "not asked" answer: stored as no source, but chosen, so
# the question is never skipped without anyone deciding to.
NOT_ASKED = "not_asked"


def media_not_chosen() -> ValidationError:
    return ValidationError(
        "请问患者“您是从哪里知道我们医院的？”，或选择“未询问”。",
        "Ask “how did you hear about us?”, or choose “Not asked”.",
        field="media_source_id")


def parse_birth_date(raw: str) -> dt.date | None:
    """YYYY-MM-DD (also with / or . or 8 digits) → date; empty → None."""
    value = (raw or "").strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    if len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "出生日期格式应为 年-月-日，例如 1985-03-07。",
            "Enter the birth date as year-month-day, e.g. 1985-03-07.",
            field="birth_date",
        ) from None


class RegistrationFormWidget(Retranslating, QWidget):
    """The patient's record form; :meth:`values` / :meth:`set_values` round-trip a draft.

    `age_day`: the day the form's age is on — the day of the visit being registered
    (set by the desk), else today. A night arrival registered after midnight is aged
    on the day it arrived, as the visit list, the banner and the domain age it.
    """

    draft_changed = Signal(dict)
    submit_requested = Signal()
    age_day: dt.date | None = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("registrationForm")
        self._loading = False
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}

        self.name = self._line("name")
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        self.phone = self._line("phone")
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.id_number = self._line("id_number")
        self.id_number.setMaxLength(22)  # 18 plus room for pasted spaces
        self.birth_date = self._line("birth_date")
        self.age = self._line("age")
        self.age.setMaxLength(3)
        self.age.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.media_source = QComboBox()
        self.media_source.setObjectName("media_source_id")
        # A long source name must not widen the whole form past the screen (1366 px).
        self.media_source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.media_source.setMinimumContentsLength(12)
        self.editors: dict[str, QWidget] = {
            "name": self.name, "sex": self.sex, "phone": self.phone,
            "id_number": self.id_number, "birth_date": self.birth_date, "age": self.age,
            "media_source_id": self.media_source,
        }  # fmt: skip
        for key in FIELDS:
            if key not in self.editors:
                # The plain text fields: self.address, self.habits, …
                self.editors[key] = self._line(key)
                setattr(self, key, self.editors[key])
        for key, editor in self.editors.items():
            self.boxes[key] = FieldBox(key, editor)
            self.labels[key] = QLabel()
            self.labels[key].setObjectName(f"{key}Label")
            self.labels[key].setBuddy(editor)

        # Two dense columns, read top to bottom, left then right, as the talk goes.
        left = QWidget()
        left.setObjectName("registrationLeft")
        left_form = QFormLayout(left)
        right = QWidget()
        right.setObjectName("registrationRight")
        right_form = QFormLayout(right)
        for form in (left_form, right_form):
            form.setContentsMargins(0, 0, 0, 0)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setVerticalSpacing(2)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in LEFT_FIELDS:
            left_form.addRow(self.labels[key], self.boxes[key])
            if key == "media_source_id":
                self.media_hint = QLabel()
                self.media_hint.setObjectName("mediaHint")
                self.media_hint.setWordWrap(True)
                style.set_role(self.media_hint, "accent")
                left_form.addRow("", self.media_hint)
        for key in RIGHT_FIELDS:
            right_form.addRow(self.labels[key], self.boxes[key])
        self.left_column, self.right_column = left, right

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(left, 5, Qt.AlignmentFlag.AlignTop)  # the longer labels and hints
        layout.addWidget(right, 4, Qt.AlignmentFlag.AlignTop)

        self.order = [self.editors[k] for k in FIELDS]
        self.setTabOrder(self.order[0], self.order[1])
        for a, b in zip(self.order, self.order[1:], strict=False):
            self.setTabOrder(a, b)
        self._enter = EnterAdvances(self.order, self.submit_requested.emit, self)
        self.submit_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.submit_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_shortcut.activated.connect(self.submit_requested.emit)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._emit_draft)
        for key, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(self._edited)
                editor.editingFinished.connect(lambda key=key: self.check_field(key))
            else:
                editor.activated.connect(self._edited)
        self.id_number.editingFinished.connect(self._fill_from_id)
        self.birth_date.editingFinished.connect(self._fill_age_from_birth)
        self._media_sources: list[tuple[int, str]] = []
        self.retranslate()

    def _line(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setClearButtonEnabled(False)
        return edit

    # --- public -------------------------------------------------------------------

    def set_media_sources(self, sources: list[tuple[int, str]]) -> None:
        """The answers to 媒体来源, as (id, name) from the rules."""
        current = self.media_source.currentData()
        self._media_sources = list(sources)
        self.media_source.clear()
        self.media_source.addItem(self.tr("— ask —"), None)
        for source_id, name in self._media_sources:
            self.media_source.addItem(name, source_id)
        self.media_source.addItem(self.tr("Not asked"), NOT_ASKED)
        self._select_data(self.media_source, current)

    def values(self) -> dict:
        """Everything typed, as plain strings (ids as int): the draft's content."""
        out: dict = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                out[key] = editor.text()
            else:
                out[key] = editor.currentData()
        return out

    def set_values(self, values: dict) -> None:
        """Fill the form from a draft or a known patient; unknown keys are ignored."""
        self._loading = True
        try:
            for key, value in (values or {}).items():
                editor = self.editors.get(key)
                if editor is None:
                    continue
                if isinstance(editor, QLineEdit):
                    editor.setText("" if value is None else str(value))
                else:
                    self._select_data(editor, value)
            self._age_from_stored_birth_date()
        finally:
            self._loading = False

    def _age_from_stored_birth_date(self) -> None:
        # A record on file keeps the birth date, not the age: show the age it gives, so a
        # returning patient's form is not missing a required field it already answers.
        if self.age.text().strip() or not self.birth_date.text().strip():
            return
        try:
            birth = parse_birth_date(self.birth_date.text())
        except ValidationError:
            return  # check_field shows why
        if birth is not None:
            try:
                self.age.setText(str(self.age_of(birth)))
            except ValidationError:
                return  # a birth date after today: check_field shows why
            self._filled_age = self.age.text()

    def age_of(self, birth: dt.date) -> int:
        """The age `birth` gives on the form's day (`age_day`, else today).

        Raises ValidationError for a birth date after today.
        """
        today = clock.today()
        validation.age_from_birth(birth, today)  # refuses a date in the future
        return clock.age_on(birth, min(self.age_day or today, today))

    def clear(self) -> None:
        self.set_values({k: "" if isinstance(e, QLineEdit) else None
                         for k, e in self.editors.items()})
        self.clear_errors()

    def typed(self) -> tuple[dict, dict[str, ValidationError]]:
        """The values for the domain's RegistrationForm, and conversion errors by field.

        A birth date that is not a date cannot be handed on; it is reported
        here and left out, so ``RegistrationForm.validate()`` still reports
        every other field in the same pass.
        """
        raw = self.values()
        out = {k: (v.strip() if isinstance(v, str) else v) for k, v in raw.items()}
        errors: dict[str, ValidationError] = {}
        try:
            out["birth_date"] = parse_birth_date(raw["birth_date"])
        except ValidationError as exc:
            errors["birth_date"] = exc
            out["birth_date"] = None
        out["age"] = out["age"] or None  # validate() checks it: a number from 1 to 120
        media = raw.get("media_source_id")
        if media is None:
            errors["media_source_id"] = media_not_chosen()
        elif media == NOT_ASKED:
            out["media_source_id"] = None
        return out, errors

    def media_index(self, source_index: int) -> int:
        """The combo row of the `source_index`-th media source (0: the first listed)."""
        return 1 + source_index

    def choose_media_by_index(self, source_index: int) -> None:
        self.media_source.setCurrentIndex(self.media_index(source_index))
        self._edited()

    def choose_not_asked(self) -> None:
        self._select_data(self.media_source, NOT_ASKED)
        self._edited()

    def show_errors(self, errors: dict[str, ValidationError | str]) -> None:
        """Show each message at its field (unknown fields go to the name field)."""
        self.clear_errors()
        first = None
        for field, err in errors.items():
            message = err.message() if isinstance(err, ValidationError) else str(err)
            box = self.boxes.get(field) or self.boxes["name"]
            box.set_error(message)
            first = first or box.editor
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_label(self, key: str) -> str:
        """The field's label in the language now (its label widget may be retranslated
        after the caller), without the shortcut mark and the required star."""
        label = self._label_texts().get(key)
        if label is None:
            return key
        # "&Name *" and "姓名(&N) *" both read as the plain name.
        return re.sub(r"\(&\w\)", "", label).replace("&", "").rstrip(" *")

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()

    def error_at(self, field: str) -> str:
        return self.boxes[field].error_text()

    def errors(self) -> dict[str, str]:
        return {k: b.error_text() for k, b in self.boxes.items() if b.error_text()}

    # --- field checks ----------------------------------------------------------------

    def check_field(self, key: str) -> bool:
        """Check one field as the person leaves it; show or clear its error."""
        box = self.boxes[key]
        editor = box.editor
        value = editor.text() if isinstance(editor, QLineEdit) else editor.currentData()
        try:
            if key == "name" and value.strip():
                validation.validate_name(value)
            elif key == "phone" and value.strip():
                validation.normalise_mobile(value)
            elif key == "id_number" and value.strip():
                validation.parse_resident_id(value, clock.today())
            elif key == "age" and value.strip():
                birth = self._birth_or_none()
                if birth is None:
                    validation.validate_age(value)
                else:  # beside a birth date (a baby is 0): it must agree with it
                    validation.check_age_against_birth(value, birth, clock.today())
            elif key == "birth_date" and value.strip():
                birth = parse_birth_date(value)
                if birth is not None:
                    validation.age_from_birth(birth, clock.today())
            elif key in TEXT_LIMITS and isinstance(value, str):
                validation.clean_text(value, key, TEXT_LIMITS[key])
        except ValidationError as exc:
            box.set_error(exc.message())
            return False
        box.clear_error()
        return True

    def _birth_or_none(self) -> dt.date | None:
        try:
            birth = parse_birth_date(self.birth_date.text())
        except ValidationError:
            return None
        return birth if birth is not None and birth <= clock.today() else None

    def _fill_from_id(self) -> None:
        raw = self.id_number.text()
        if not raw.strip():
            return
        try:
            parsed = validation.parse_resident_id(raw, clock.today())
        except ValidationError:
            return  # check_field already shows why
        self.id_number.setText(parsed.number)
        self._select_data(self.sex, parsed.sex)
        self.birth_date.setText(parsed.birth_date.isoformat())
        for key in ("sex", "birth_date"):
            self.boxes[key].clear_error()
        self._fill_age(parsed.birth_date)
        self._edited()

    def _fill_age_from_birth(self) -> None:
        try:
            birth = parse_birth_date(self.birth_date.text())
            if birth is not None:
                self._fill_age(birth)
                self._edited()
        except ValidationError:
            pass  # shown by check_field

    def _fill_age(self, birth: dt.date) -> None:
        """Fill the age from the birth date, unless the nurse typed a different one.

        An age typed by hand that disagrees by more than a year is kept and
        asked about at the age field (the domain refuses it too), never replaced.
        """
        age = self.age_of(birth)
        typed = self.age.text().strip()
        if typed and typed != getattr(self, "_filled_age", None):
            try:
                validation.check_age_against_birth(typed, birth, clock.today())
            except ValidationError as exc:
                self.boxes["age"].set_error(exc.message())
                return
        self.age.setText(str(age))
        self._filled_age = str(age)
        self.boxes["age"].clear_error()

    # --- drafts ----------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._draft_timer.start()

    def _emit_draft(self) -> None:
        self.draft_changed.emit(self.values())

    def flush_draft(self) -> None:
        """Emit a pending draft now (before the form is hidden or the visit changes)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()

    @staticmethod
    def _select_data(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    # --- text ------------------------------------------------------------------------

    def _label_texts(self) -> dict[str, str]:
        """Each field's label, with its shortcut mark and the required star."""
        return {
            "name": self.tr("&Name *"), "sex": self.tr("Se&x *"), "phone": self.tr("&Mobile *"),
            "id_number": self.tr("&ID number"), "birth_date": self.tr("&Birth date"), "age": self.tr("A&ge *"),
            "address": self.tr("Address"), "illness_duration": self.tr("Duration of illness"),
            "medical_history": self.tr("Medical history"), "disease_category": self.tr("Disease category"),
            "intention": self.tr("Visit intention"), "concerns": self.tr("Concerns"),
            "health_question": self.tr("Health question"), "price_comparison": self.tr("Price comparison"),
            "habits": self.tr("Spending habits"), "economic_status": self.tr("Economic situation"),
            "person_type": self.tr("Person type"), "media_source_id": self.tr("How they heard of us"),
        }  # fmt: skip

    def retranslate(self) -> None:
        label_text = self._label_texts()
        for key, label in self.labels.items():
            label.setText(label_text[key])
            self.editors[key].setAccessibleName(label_text[key].replace("&", "").rstrip(" *"))
        self.phone.setPlaceholderText(self.tr("11-digit mobile"))
        # Short enough for the field at 1366 px in English; the rest is the tooltip.
        self.id_number.setPlaceholderText(self.tr("18 digits"))
        self.id_number.setToolTip(self.tr("18 digits; fills sex and birth date"))
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.illness_duration.setPlaceholderText(self.tr("e.g. 3 days, 2 years"))
        self.media_hint.setText(self.tr("Ask now: “how did you hear about us?”"))
        sex = self.sex.currentData()
        self.sex.clear()
        self.sex.addItem("—", "")
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self._select_data(self.sex, sex)
        self.set_media_sources(self._media_sources)
