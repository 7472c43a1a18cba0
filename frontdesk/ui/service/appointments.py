"""Appointments: book a slot (directly or for a consultation), move, cancel, no-show.

Keyboard first: date → department → doctor → slot → name → phone → complaint,
Enter moves on, Ctrl+Enter books. The day's bookings list under the form; with
one selected, "Move here" moves it to the slot chosen above, Del cancels it and
Ctrl+N marks it a no-show (its follow-up call goes on today's list).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, triage
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import text
from frontdesk.permissions import Perm, allowed
from frontdesk.service import appointments as ap
from frontdesk.service import consultations as cs
from frontdesk.ui.service.form import KeyedForm, combo, date_edit, fill_combo
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel
from frontdesk.ui.widgets.tables import row_view


class AppointmentModel(RowTableModel):
    HEADER_CONTEXT = "AppointmentModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AppointmentModel", "Time"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Booking code"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Name"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Phone"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Department"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Doctor"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Status"),
    )

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        a: ap.AppointmentView | None = self.row_at(index.row()) if index.isValid() else None
        if a is None or role not in (Qt.ItemDataRole.DisplayRole,
                                     Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (a.time, a.code, a.name, a.phone, text(a.department_zh, a.department_en),
                a.doctor, ap.STATUS_NAMES[a.status].text())[index.column()]


class AppointmentPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("appointmentPanel")
        self.form = f = KeyedForm()
        left, right = QFormLayout(), QFormLayout()
        f.add(left, "consultation", combo([(None, "—")], "apptConsultation"))
        f.add(left, "date", date_edit("apptDate", clock.today() + dt.timedelta(days=1)))
        f.add(left, "department", combo([], "apptDepartment"))
        f.add(left, "doctor", combo([], "apptDoctor"))
        f.add(left, "time", combo([], "apptSlot"))
        for key in ("name", "phone", "complaint"):
            edit = QLineEdit()
            edit.setObjectName(f"appt_{key}")
            f.add(right, key, edit)
        f.enter_advances(self.book, self)
        f.editor("consultation").currentIndexChanged.connect(self._consultation_chosen)
        f.editor("date").dateChanged.connect(lambda _d: self._date_changed())
        f.editor("department").currentIndexChanged.connect(lambda _i: self._fill_doctors())
        f.editor("doctor").currentIndexChanged.connect(lambda _i: self._fill_slots())

        self.book_button = QPushButton()
        self.book_button.setObjectName("apptBook")
        self.book_button.clicked.connect(self.book)
        self.move_button = QPushButton()
        self.move_button.setObjectName("apptMove")
        self.move_button.clicked.connect(self.move_selected)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("apptCancel")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.no_show_button = QPushButton()
        self.no_show_button.setObjectName("apptNoShow")
        self.no_show_button.clicked.connect(self.no_show_selected)
        self.status = QLabel()
        self.status.setObjectName("apptStatus")
        self.error = error_label("apptError")

        self.model = AppointmentModel(self)
        self.table = row_view("apptTable", self.model)
        self.list_heading = QLabel()
        self.list_heading.setObjectName("apptListHeading")

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        for b in (self.book_button, self.move_button, self.cancel_button, self.no_show_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.table, 1)
        for keys, slot in (("Ctrl+S", self.book), ("Delete", self.cancel_selected),
                           ("Ctrl+N", self.no_show_selected)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        ctx.changes.service_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self._fill_departments)
        ctx.changes.session_changed.connect(self.refresh)
        self._fill_departments()
        self.retranslate()
        self.refresh()

    # --- choices -------------------------------------------------------------------

    def _fill_departments(self) -> None:
        fill_combo(self.form.editor("department"), [(d.id, d.name) for d in triage.departments()
                                                    if not d.is_emergency])
        self._fill_doctors()

    def _fill_doctors(self) -> None:
        dept = self.form.value("department")
        doctors = triage.doctors(dept) if dept is not None else []
        fill_combo(self.form.editor("doctor"), [(d.id, d.name) for d in doctors])
        self._fill_slots()

    def _fill_slots(self) -> None:
        doctor = self.form.value("doctor")
        day = self.form.value("date")
        slots = (self.ctx.run(ap.slots, doctor, day,
                              on_error=lambda exc: show_error(self.error, exc.message()))
                 if doctor is not None else None) or []
        fill_combo(self.form.editor("time"), [
            (s.time, self.tr("{time}  ({free} of {capacity} free)").format(
                time=s.time, free=s.free, capacity=s.capacity)) for s in slots])

    def _date_changed(self) -> None:
        self._fill_slots()
        self.refresh()

    def _fill_consultations(self) -> None:
        if not allowed(self.ctx.staff, Perm.CONSULT):
            return
        today = clock.today()
        rows = self.ctx.run(cs.listing, actor=self.ctx.staff,
                            start=today - dt.timedelta(days=7), end=today,
                            on_error=lambda exc: show_error(self.error, exc.message())) or []
        self._consultations = {r.id: r for r in rows if r.appointment_id is None and r.phone}
        fill_combo(self.form.editor("consultation"), [(None, "—")] + [
            (r.id, f"{r.at:%m-%d %H:%M} {r.name or '—'} {r.phone}")
            for r in self._consultations.values()])

    def _consultation_chosen(self) -> None:
        row = getattr(self, "_consultations", {}).get(self.form.value("consultation"))
        if row is not None:
            self.form.set_value("name", row.name)
            self.form.set_value("phone", row.phone)

    # --- list ------------------------------------------------------------------------

    def refresh(self) -> None:
        show_error(self.error, "")
        if not allowed(self.ctx.staff, Perm.CONSULT):
            self.model.set_rows([])
            show_error(self.error, self.tr("Your role does not book appointments."))
            return
        day = self.form.value("date")
        self.list_heading.setText(self.tr("Bookings on {day}").format(day=day.isoformat()))
        self.ctx.run(ap.listing, actor=self.ctx.staff, day=day, on_done=self.model.set_rows,
                     on_error=lambda exc: show_error(self.error, exc.message()))
        self._fill_slots()
        self._fill_consultations()

    def selected(self) -> ap.AppointmentView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # --- actions ---------------------------------------------------------------------

    def _failed(self, exc: FrontdeskError) -> None:
        if not self.form.show_error(exc):
            show_error(self.error, exc.message())

    def book(self) -> None:
        self.form.clear_errors()
        show_error(self.error, "")
        f = self.form
        if f.value("time") is None:
            f.boxes["time"].set_error(self.tr("No free slot: choose another doctor or day."))
            return
        self.ctx.run(ap.book, actor=self.ctx.staff, department_id=f.value("department"),
                     doctor_id=f.value("doctor"), day=f.value("date"), time=f.value("time"),
                     name=f.value("name"), phone=f.value("phone"),
                     complaint=f.value("complaint"), consultation_id=f.value("consultation"),
                     on_done=self._booked, on_error=self._failed)

    def _booked(self, a: ap.AppointmentView) -> None:
        self.status.setText(self.tr("Booked {name} at {day} {time}: code {code}").format(
            name=a.name, day=a.date.isoformat(), time=a.time, code=a.code))
        for key in ("name", "phone", "complaint"):
            self.form.set_value(key, "")
        self.form.set_value("consultation", None)

    def move_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        f = self.form
        self.ctx.run(ap.change, actor=self.ctx.staff, appointment_id=a.id,
                     expected_version=a.version, day=f.value("date"), time=f.value("time"),
                     doctor_id=f.value("doctor") if f.value("department") == a.department_id
                     else None,
                     on_done=lambda b: self.status.setText(self.tr("Moved to {day} {time}.").format(
                         day=b.date.isoformat(), time=b.time)),
                     on_error=self._failed)

    def cancel_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        self.ctx.run(ap.cancel, actor=self.ctx.staff, appointment_id=a.id,
                     expected_version=a.version,
                     on_done=lambda b: self.status.setText(self.tr("Cancelled {name}.").format(
                         name=b.name)),
                     on_error=self._failed)

    def no_show_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        self.ctx.run(ap.mark_no_show, actor=self.ctx.staff, appointment_id=a.id,
                     expected_version=a.version,
                     on_done=lambda b: self.status.setText(
                         self.tr("{name} did not come: a follow-up call is due today.").format(
                             name=b.name)),
                     on_error=self._failed)

    def retranslate(self) -> None:
        labels = {"consultation": self.tr("From &consultation"), "date": self.tr("&Date"),
                  "department": self.tr("De&partment"), "doctor": self.tr("D&octor"),
                  "time": self.tr("&Slot"), "name": self.tr("&Name"), "phone": self.tr("P&hone"),
                  "complaint": self.tr("Complaint")}
        for key, label in self.form.labels.items():
            label.setText(labels[key])
        self.book_button.setText(self.tr("&Book (Ctrl+Enter)"))
        self.move_button.setText(self.tr("&Move here"))
        self.cancel_button.setText(self.tr("Cancel booking (Del)"))
        self.no_show_button.setText(self.tr("No-show (Ctrl+N)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(AppointmentModel.HEADERS) - 1)
