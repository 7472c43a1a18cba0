"""The etiquette coach: what to say at this step, to this patient, and what never to say.

A compact column beside every reception step (F12 folds it to a thin strip and
back). It is read at a glance while talking: how to address the patient and
the lines for THIS step in large type; then, small, the hand-over line, the
house rules' any-time phrases (stepping away, coming back, answering thanks,
"that gentleman", directions), the farewell and the words never to say, on one
line. The words come from :mod:`frontdesk.etiquette` (the house rules' phrasebook).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import etiquette, i18n
from frontdesk.errors import FrontdeskError
from frontdesk.ui import style
from frontdesk.ui.widgets.retranslate import Retranslating

MAX_LINES = 4
# The lines worth a glance at each step, most important first; anything else in
# the phrasebook for that stage is left out to keep the panel short.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "GREETING": ("welcome", "ask_booked", "ask_first_visit", "thank_answer"),
    "TRIAGE": ("what_bothers", "arrange_expert"),
    "REGISTRATION": ("fill_record", "media_source"),
    "BILLING": ("register_here", "pay_here", "about_doctor"),
    "WAITING": ("apologise_wait", "offer_water", "offer_reading"),
    "ESCORT": ("to_room", "introduce_doctor", "find_me"),
    "DONE": ("farewell", "to_pharmacy"),
}
# The line said to a colleague (door → desk) or to the doctor (escort → doctor).
HANDOVER_KEYS = {"GREETING": "hand_over", "ESCORT": "introduce_patient"}
FAREWELL = ("DONE", "farewell")
COACH_STAGES = {"GREETING", "TRIAGE", "REGISTRATION", "BILLING", "WAITING", "ESCORT", "DONE"}
# The house rules' any-time phrases (言谈礼节 6, 7, 10, 12), shortest first.
ANYTIME_KEYS = ("step_away", "back", "thanks_reply", "third_person", "cannot_answer",
                "directions")
TOGGLE_KEY = "F12"
EXPANDED_WIDTH = (200, 260)  # min, max: about 18 % of a 1366 px desk
COLLAPSED_WIDTH = 34


@dataclass(frozen=True)
class CoachSubject:
    """Who the staff member is talking to; every field may still be unknown."""

    name: str = ""
    sex: str = ""
    age: int | None = None
    first_visit: bool | None = None
    booked: bool | None = None
    doctor_name: str = ""
    doctor_title: str = ""
    complaint: str = ""

    @classmethod
    def from_visit(cls, view) -> CoachSubject:
        """Build from a reception VisitView (read by attribute, so any similar object works)."""
        age = getattr(view, "age", None)
        if age is None:  # not registered yet: what the door saw ("elder" → 叔叔/阿姨)
            from frontdesk.reception import tickets  # the domain package: not at start-up

            age = tickets.band_age(getattr(view, "door_age_band", "") or "")
        return cls(
            name=getattr(view, "patient_name", "") or getattr(view, "door_name", "") or "",
            sex=getattr(view, "sex", "") or getattr(view, "door_sex", "") or "",
            age=age,
            first_visit=getattr(view, "first_visit", None),
            booked=getattr(view, "has_appointment", None),
            doctor_name=getattr(view, "doctor_name", "") or "",
            doctor_title=getattr(view, "doctor_title", "") or "",
            complaint=getattr(view, "complaint", "") or "",
        )


def doctor_address(name: str, title: str, lang: str | None = None) -> str:
    """How staff introduce a doctor: 梁主任, 王教授, 李医生; Dr Liang in English."""
    name = (name or "").strip()
    if not name:
        return ""
    from frontdesk.pinyin import split_surname, surname_pinyin

    surname = split_surname(name)[0] if not name[0].isascii() else name.split()[-1]
    title = title or ""
    if "主任" in title:
        zh = surname + "主任"
    elif "教授" in title:
        zh = surname + "教授"
    else:
        zh = surname + "医生"
    en_surname = surname if surname.isascii() else surname_pinyin(surname)
    return i18n.text(zh, f"Dr {en_surname}", lang)


def short_complaint(complaint: str, limit: int = 16) -> str:
    """The complaint as said aloud to a doctor: the first clause, a few words."""
    text = " ".join((complaint or "").split())
    for stop in "，,。.;；\n":
        text = text.split(stop)[0]
    return text[:limit]


class EtiquetteCoach(Retranslating, QFrame):
    """Shows the phrases for one step; call :meth:`show_step` whenever the step changes."""

    collapsed_changed = Signal(bool)
    # Every coach (door and desk) folds together: the choice is the person's, not the tab's.
    _collapsed_everywhere = False
    _all: weakref.WeakSet = weakref.WeakSet()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("etiquetteCoach")
        self.setFrameShape(QFrame.Shape.NoFrame)  # paintEvent draws the box
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._stage = "GREETING"
        self._subject = CoachSubject()

        self.toggle_button = QToolButton()
        self.toggle_button.setObjectName("coachToggle")
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.clicked.connect(self.toggle)
        self.heading = self._label("coachHeading", "coach-heading")
        self.address = self._label("coachAddress")
        self.say_heading = self._label("coachSayHeading", "coach-heading")
        self.phrase_box = QVBoxLayout()
        self.phrase_box.setSpacing(2)
        self.handover_heading = self._label("coachHandoverHeading", "coach-heading")
        self.handover = self._label("coachHandover")
        self.anytime_heading = self._label("coachAnytimeHeading", "coach-heading")
        self.anytime = self._label("coachAnytime")
        self.farewell_heading = self._label("coachFarewellHeading", "coach-heading")
        self.farewell = self._label("coachFarewell")
        self.forbidden_heading = self._label("coachForbiddenHeading", "coach-heading")
        self.forbidden = self._label("coachForbidden")
        self._forbidden_words: list[str] = []
        self.error = self._label("coachError")
        self.error.setProperty(style.ROLE, "error")
        self.error.hide()

        self.body = QWidget()
        self.body.setObjectName("coachBody")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(3)
        body.addWidget(self.address)
        body.addWidget(self.say_heading)
        body.addLayout(self.phrase_box)
        body.addWidget(self.handover_heading)
        body.addWidget(self.handover)
        body.addStretch(1)
        body.addWidget(self.anytime_heading)
        body.addWidget(self.anytime)
        body.addWidget(self.farewell_heading)
        body.addWidget(self.farewell)
        body.addWidget(self.forbidden_heading)
        body.addWidget(self.forbidden)
        body.addWidget(self.error)
        top = QVBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.toggle_button, 0, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.heading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(3)
        layout.addLayout(top)
        # A long English step still fits: the column scrolls rather than squeezing lines.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("coachScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No scroll bar until the coach has its real size (first paint): while the
        # window is laid out the first time the column is briefly short, and the bar
        # came and went before the first frame.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        # The coach's box shows through (setWidget made the body fill its background).
        self.scroll.viewport().setAutoFillBackground(False)
        self.body.setAutoFillBackground(False)
        layout.addWidget(self.scroll, 1)
        self._phrase_labels: list[QLabel] = []
        # F12 folds the coach; only the coach in sight reacts (door and desk are tabs).
        self.toggle_shortcut = QShortcut(QKeySequence(TOGGLE_KEY), self)
        self.toggle_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.toggle_shortcut.activated.connect(self.toggle)
        EtiquetteCoach._all.add(self)
        self._apply_collapsed(EtiquetteCoach._collapsed_everywhere)
        self.retranslate()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        # The rounded box in code, not a sheet: a sheet on the coach would send every
        # label in it through Qt's style-sheet engine (about 9 ms of the desk's start-up).
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.PANEL_BORDER), 1))
        painter.setBrush(QColor(style.PANEL_FILL))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.end()
        super().paintEvent(event)
        if self.scroll.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            QTimer.singleShot(0, self._allow_scrolling)

    def _allow_scrolling(self) -> None:
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    # --- folding -------------------------------------------------------------------

    def is_collapsed(self) -> bool:
        return self.property("collapsed") is True

    def toggle(self) -> None:
        self.set_collapsed(not self.is_collapsed())

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold (a thin strip with the button) or unfold every coach."""
        EtiquetteCoach._collapsed_everywhere = collapsed
        for coach in list(EtiquetteCoach._all):
            try:
                coach._apply_collapsed(collapsed)
            except RuntimeError:  # its C++ side is gone
                EtiquetteCoach._all.discard(coach)

    def _apply_collapsed(self, collapsed: bool) -> None:
        if self.property("collapsed") is collapsed:
            return
        self.setProperty("collapsed", collapsed)
        self.scroll.setVisible(not collapsed)
        self.heading.setVisible(not collapsed)
        if collapsed:
            self.setFixedWidth(COLLAPSED_WIDTH)
        else:
            self.setMinimumWidth(EXPANDED_WIDTH[0])
            self.setMaximumWidth(EXPANDED_WIDTH[1])
        self._toggle_text()
        self.collapsed_changed.emit(collapsed)

    def _toggle_text(self) -> None:
        collapsed = self.is_collapsed()
        self.toggle_button.setText("«" if collapsed else "»")
        tip = (self.tr("Show the etiquette coach ({key})") if collapsed
               else self.tr("Fold the etiquette coach ({key})")).format(key=TOGGLE_KEY)
        self.toggle_button.setToolTip(tip)
        self.toggle_button.setAccessibleName(tip)

    def _label(self, name: str, role: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if role:
            label.setProperty("role", role)
        return label

    # --- public ---------------------------------------------------------------

    def show_step(self, stage: str, subject: CoachSubject | None = None) -> None:
        """Show the phrases for `stage` (a visit stage or WAITING) and this patient."""
        self._stage = stage if stage in COACH_STAGES else "DONE"
        self._subject = subject or CoachSubject()
        self._render()

    def show_visit(self, view) -> None:
        """Coach for a VisitView at its current stage (LEFT shows the farewell)."""
        self.show_step(getattr(view, "stage", "DONE"), CoachSubject.from_visit(view))

    def stage(self) -> str:
        return self._stage

    def address_text(self) -> str:
        return self.address.text()

    def phrase_texts(self) -> list[str]:
        """The step's lines as shown (for tests and screen readers)."""
        return [label.text() for label in self._phrase_labels if label.property("role") == "coach-phrase"]

    def handover_text(self) -> str:
        return self.handover.text() if self.handover.isVisibleTo(self) else ""

    def farewell_text(self) -> str:
        return self.farewell.text()

    def forbidden_words(self) -> list[str]:
        return list(self._forbidden_words)

    def anytime_text(self) -> str:
        return self.anytime.text()

    # --- rendering -------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What to say"))
        self.say_heading.setText(self.tr("Say now"))
        self.anytime_heading.setText(self.tr("Any time"))
        self.farewell_heading.setText(self.tr("Seeing off"))
        self.forbidden_heading.setText(self.tr("Never say"))
        self.setAccessibleName(self.tr("Etiquette coach"))
        self._toggle_text()
        self._forbidden_words = []  # the chips' words follow the language
        self._render()

    def _values(self) -> dict:
        s = self._subject
        address = etiquette.form_of_address(s.name or None, s.sex, s.age)
        return {
            "address": address,
            "title": etiquette.title_of(s.sex, s.age),
            "doctor": doctor_address(s.doctor_name, s.doctor_title) or None,
            "complaint": short_complaint(s.complaint) or None,
            "first_visit": s.first_visit,
            "booked": s.booked,
        }

    def _render(self) -> None:
        try:
            values = self._values()
            stage_phrases = etiquette.phrases_for(self._stage, **values)
            farewell = etiquette.phrases_for(FAREWELL[0], **values)
            forbidden = etiquette.forbidden_phrases()
            anytime = etiquette.phrases_for(etiquette.GENERAL, **values)
        except FrontdeskError as exc:  # a broken phrases file: say so, keep the screen usable
            self._show_error(exc.message())
            return
        self.error.hide()
        by_key = {p.key: p for p in stage_phrases}
        wanted = [by_key[k] for k in PRIMARY_KEYS.get(self._stage, ()) if k in by_key]
        handover_key = HANDOVER_KEYS.get(self._stage)
        if not wanted:  # the phrasebook was edited: fall back to its own order
            wanted = [p for p in stage_phrases if p.key != handover_key]
        self._set_phrases(wanted[:MAX_LINES])

        self.address.setText(values["address"])
        self.address.setAccessibleName(self.tr("Address the patient as"))
        handover = by_key.get(handover_key) if handover_key else None
        self.handover_heading.setVisible(handover is not None)
        self.handover.setVisible(handover is not None)
        if handover is not None:
            self.handover_heading.setText(self.tr("Hand-over: {cue}").format(cue=handover.cue))
            self.handover.setText(handover.text)
        farewell_line = next((p for p in farewell if p.key == FAREWELL[1]), None)
        self.farewell.setText(farewell_line.text if farewell_line else "")
        # At the last step the farewell is already the first line to say.
        at_end = self._stage == FAREWELL[0]
        self.farewell_heading.setVisible(not at_end)
        self.farewell.setVisible(not at_end)
        self._set_anytime(anytime)
        self._set_forbidden(forbidden)

    def _set_anytime(self, phrases) -> None:
        by_key = {p.key: p for p in phrases}
        shown = [by_key[k] for k in ANYTIME_KEYS if k in by_key]
        shown += [p for p in phrases if p.key not in ANYTIME_KEYS]
        # The words only, one per line (the cue is the tooltip): the column stays short.
        self.anytime.setText("\n".join(f"· {p.text}" for p in shown))
        self.anytime.setToolTip("\n".join(f"{p.cue}: {p.text}" for p in shown))

    def _set_forbidden(self, forbidden) -> None:
        # Only the words of the UI language (an English list is noise to a Chinese
        # desk), on one line: the coach says them once, small, never as a long list.
        english = i18n.language() == "en"
        items = [f for f in forbidden if f.word.isascii() == english]
        words = [f.word for f in items]
        if words == self._forbidden_words:
            return
        self.forbidden.setText("  ".join(f"✗{w}" for w in words))
        self.forbidden.setToolTip("\n".join(
            self.tr("Instead of “{word}” say: {phrase}").format(word=f.word,
                                                               phrase=f.instead.text())
            for f in items))
        self._forbidden_words = words

    def _set_phrases(self, phrases) -> None:
        for label in self._phrase_labels:
            self.phrase_box.removeWidget(label)
            label.hide()  # deleteLater alone leaves it painted until the next loop turn
            label.deleteLater()
        self._phrase_labels = []
        for i, phrase in enumerate(phrases):
            cue = self._label(f"coachCue{i}", "coach-cue")
            cue.setText(phrase.cue)
            line = self._label(f"coachPhrase{i}", "coach-phrase")
            line.setText(phrase.text)
            line.setToolTip(phrase.cue)
            for label in (cue, line):
                self.phrase_box.addWidget(label)
                self._phrase_labels.append(label)

    def _show_error(self, message: str) -> None:
        self._set_phrases([])
        self.error.setText(message)
        self.error.show()
