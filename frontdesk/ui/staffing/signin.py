"""The sign-in panel: each person picks their name and types their own PIN (严禁他人代签)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.db.faults import driver_errors
from frontdesk.errors import DatabaseDamaged, DatabaseFailure, FrontdeskError
from frontdesk.i18n import localized
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import attendance, shift_rules, staffing_rules
from frontdesk.staffing.fines import format_yuan
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating


class SignInPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._chosen_for = None  # the logged-in user the name was last chosen for
        self.setObjectName("signInPanel")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("signInIntro")
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("signInStaffCombo")
        self.staff_combo.setMinimumWidth(320)
        self.shift_combo = QComboBox()
        self.shift_combo.setObjectName("signInShiftCombo")
        self.shift_error = error_label("signInShiftError")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("signInPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_error = error_label("signInPinError")
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("signInButton")
        self.result = QLabel()
        self.result.setObjectName("signInResult")
        self.result.setWordWrap(True)

        self.staff_label, self.shift_label, self.pin_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.staff_label, self.staff_combo)
        shift_box = QVBoxLayout()
        shift_box.addWidget(self.shift_combo)
        shift_box.addWidget(self.shift_error)
        form.addRow(self.shift_label, shift_box)
        pin_box = QVBoxLayout()
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_edit)
        pin_row.addWidget(self.sign_button)
        pin_box.addLayout(pin_row)
        pin_box.addWidget(self.pin_error)
        form.addRow(self.pin_label, pin_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self.sign_button.clicked.connect(self.sign_in)
        self.pin_edit.returnPressed.connect(self.sign_in)
        self.staff_combo.currentIndexChanged.connect(lambda _i: self._clear_messages())
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Sign in at the start of your shift: choose your name and type your own PIN. Nobody signs in for someone else."))
        self.staff_label.setText(self.tr("Name:"))
        self.staff_combo.setAccessibleName(self.tr("Your name"))
        self.shift_label.setText(self.tr("Shift:"))
        self.shift_combo.setAccessibleName(self.tr("Shift"))
        self.pin_label.setText(self.tr("PIN:"))
        self.pin_edit.setAccessibleName(self.tr("Your PIN"))
        self.sign_button.setText(self.tr("&Sign in"))
        self.sign_button.setAccessibleName(self.tr("Sign in"))
        self.refresh()

    def refresh(self) -> None:
        """The people who can sign in today and the shifts; a database failure is said."""
        try:
            with driver_errors("sign-in list"):
                self._refresh()
        except FrontdeskError as exc:  # a driver error: say so where the tab speaks
            self.result.setText(exc.message())

    def _refresh(self) -> None:
        actor = self.ctx.staff
        current = self.staff_combo.currentData()
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        self.shift_combo.clear()
        if not allowed(actor, Perm.SIGN_IN):
            self.staff_combo.blockSignals(False)
            self.sign_button.setEnabled(False)
            return
        self.sign_button.setEnabled(True)
        listed = set()
        for c in attendance.sign_in_candidates(actor=actor, day=clock.today()):
            label = f"{c.name} — {c.shift_name}"
            if c.signed_at:
                label += self.tr(" (signed in {time})").format(time=c.signed_at.strftime("%H:%M"))
            if c.staff_id not in listed:
                self.staff_combo.addItem(label, c.staff_id)
                listed.add(c.staff_id)
        others = [(i, n) for i, n in attendance.signable_staff(actor=actor) if i not in listed]
        if others:
            self.staff_combo.insertSeparator(self.staff_combo.count())
            for staff_id, name in others:
                self.staff_combo.addItem(self.tr("{name} (not on today's roster)").format(name=name),
                                         staff_id)
        # The person at the screen is the one most likely signing in: choose them when the
        # list is first filled or someone else has logged in since; otherwise keep the
        # choice. findData(None) would match the separator: only restore a real choice.
        me = getattr(actor, "id", None)
        if me != self._chosen_for:
            current, self._chosen_for = me, me
        index = self.staff_combo.findData(current) if current is not None else -1
        self.staff_combo.setCurrentIndex(max(0, index))
        self.staff_combo.blockSignals(False)
        self.shift_combo.addItem(self.tr("My rostered shift"), None)
        for s in attendance.shifts():
            self.shift_combo.addItem(localized(s, "name"), s.code)

    def select_staff(self, staff_id: int) -> None:
        self.staff_combo.setCurrentIndex(self.staff_combo.findData(staff_id))

    def _clear_messages(self) -> None:
        for label in (self.pin_error, self.shift_error):
            show_error(label, "")

    def sign_in(self) -> None:
        self._clear_messages()
        self.result.setText("")
        staff_id = self.staff_combo.currentData()
        if staff_id is None:
            show_error(self.pin_error, self.tr("Choose your name first."))
            return
        code = self.shift_combo.currentData()
        pin, _ = self.pin_edit.text(), self.pin_edit.clear()

        def sign_in(**kwargs):
            shift = next((s for s in attendance.shifts() if s.code == code), None) if code else None
            return attendance.sign_in(shift=shift, **kwargs)

        def refused(exc: FrontdeskError) -> None:
            if isinstance(exc, DatabaseFailure | DatabaseDamaged):
                self.pin_edit.setText(pin)  # nothing was checked: the PIN stays for the retry
            self._refused(exc)

        # The runner announces grooming_changed after _signed_in.
        self.ctx.run(sign_in, staff=staff_id, pin=pin, on_done=self._signed_in, on_error=refused)

    def _refused(self, exc: FrontdeskError) -> None:
        target = self.shift_error if exc.field == "shift" else self.pin_error
        show_error(target, exc.message())
        self.pin_edit.setFocus()

    def _signed_in(self, result) -> None:
        row = result.sign_in
        name = row.staff.display_name
        if result.fine is not None:
            message = self.tr("{name} signed in at {time}: late by {minutes} min, fine {amount} yuan.").format(
                name=name, time=row.signed_at.strftime("%H:%M"), minutes=result.minutes_late,
                amount=format_yuan(result.fine.amount_fen))
        elif result.minutes_late:
            message = self.tr("{name} signed in at {time}: late by {minutes} min, within the grace period.").format(
                name=name, time=row.signed_at.strftime("%H:%M"), minutes=result.minutes_late)
        elif shift_rules.arrival(row) == shift_rules.ON_TIME_NOT_EARLY:
            message = self.tr("{name} signed in at {time}: on time, but the rules ask for "
                              "{early} minutes before the shift.").format(
                name=name, time=row.signed_at.strftime("%H:%M"),
                early=staffing_rules.current().arrive_early_minutes)
        else:
            message = self.tr("{name} signed in at {time}, on time.").format(
                name=name, time=row.signed_at.strftime("%H:%M"))
        self.result.setText(message)
        self.refresh()

