"""Follow-up calls (回访): the list of patients to phone, the call script, the outcome.

Keyboard first: the list has the focus; Enter moves to the notes; Alt+D / Alt+U
/ Alt+E record the outcome (done, unreachable, declined) and the next call is
selected. The only screen with full phone numbers, so the list is read only
while it is on screen (every reading is audited) and is re-read when visits
change while it is shown, or on the next show otherwise.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, etiquette, settings
from frontdesk.db.faults import driver_errors
from frontdesk.errors import ConflictError, FrontdeskError
from frontdesk.i18n import text
from frontdesk.permissions import Perm, allowed
from frontdesk.service import followups, satisfaction
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel
from frontdesk.ui.widgets.tables import row_view


class FollowUpModel(RowTableModel):
    """Due calls, one per row (followups.DueCall)."""

    HEADER_CONTEXT = "FollowUpModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowUpModel", "Patient"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Phone"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Department"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Doctor"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Visit date"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Attempts"),
    )

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        call: followups.DueCall | None = self.row_at(index.row()) if index.isValid() else None
        if call is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (call.patient_name, call.phone, text(call.department_zh, call.department_en),
                    call.doctor, call.visit_date.isoformat() if call.visit_date else (
                        QCoreApplication.translate("FollowUpModel", "No-show {day}").format(
                            day=call.no_show_date.isoformat()) if call.no_show_date else ""),
                    str(call.attempts))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class FollowUpArea(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("followUpArea")
        self._stale = True

        self.heading = QLabel()
        self.heading.setObjectName("followUpHeading")
        self.count_label = QLabel()
        self.count_label.setObjectName("followUpCount")
        self.list_error = error_label("followUpListError")

        self.model = FollowUpModel(self)
        self.table = row_view("followUpTable", self.model)
        header = self.table.horizontalHeader()
        # The visit date ("预约未到 2026-11-16" for a no-show) and the attempts are shown
        # whole; the other columns share what is left (at 1366 the date was cut to "预约未到 …").
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)  # visit date
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)  # attempts
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.activated.connect(lambda _i: self.notes.setFocus())

        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.heading)
        left_col.addWidget(self.count_label)
        left_col.addWidget(self.table, 1)
        left_col.addWidget(self.list_error)

        # The call panel: who, the script, the outcome.
        self.panel = QGroupBox()
        self.panel.setObjectName("followUpPanel")
        self.who = QLabel()
        self.who.setObjectName("followUpWho")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.script = QLabel()
        self.script.setObjectName("followUpScript")
        self.script.setWordWrap(True)
        self.earlier = QLabel()
        self.earlier.setObjectName("followUpEarlierNotes")
        self.earlier.setWordWrap(True)
        self.earlier.setProperty(style.ROLE, "secondary")
        self.notes_label = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("followUpNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self.notes_label.setBuddy(self.notes)
        self.notes_error = error_label("followUpNotesError")
        self.retry_check = QCheckBox()
        self.retry_check.setObjectName("followUpRetryCheck")
        self.retry_check.setChecked(True)
        self.retry_date = QDateEdit()
        self.retry_date.setObjectName("followUpRetryDate")
        self.retry_date.setCalendarPopup(True)
        self.retry_date.setDisplayFormat("yyyy-MM-dd")
        self.retry_check.toggled.connect(self.retry_date.setEnabled)
        self.retry_error = error_label("followUpRetryError")
        # Satisfaction asked during the call (seed 000 第4篇 第十七条): stored with "Done".
        self.rating_box = QGroupBox()
        self.rating_box.setObjectName("followUpRatingBox")
        # Two points a row: four in one row made the panel so wide in English that the
        # list beside it cut the phone numbers ("17174262...") at 1366.
        rating_grid = QGridLayout(self.rating_box)
        rating_grid.setColumnStretch(1, 1)
        rating_grid.setColumnStretch(3, 1)
        self.ratings: dict[str, QComboBox] = {}
        self.rating_labels: dict[str, QLabel] = {}
        for i, point in enumerate(satisfaction.POINTS):
            label, box = QLabel(), QComboBox()
            box.setObjectName(f"followUpRate_{point}")
            box.addItem("", None)
            for level in satisfaction.LEVELS:
                box.addItem("", level)
            label.setBuddy(box)
            row, col = divmod(i, 2)
            rating_grid.addWidget(label, row, col * 2)
            rating_grid.addWidget(box, row, col * 2 + 1)
            self.ratings[point] = box
            self.rating_labels[point] = label
        self.rating_error = error_label("followUpRatingError")
        self.done_button = QPushButton()
        self.done_button.setObjectName("followUpDoneButton")
        self.done_button.setDefault(True)
        self.unreachable_button = QPushButton()
        self.unreachable_button.setObjectName("followUpUnreachableButton")
        self.declined_button = QPushButton()
        self.declined_button.setObjectName("followUpDeclinedButton")
        self.done_button.clicked.connect(lambda: self.record(followups.DONE))
        self.unreachable_button.clicked.connect(lambda: self.record(followups.UNREACHABLE))
        self.declined_button.clicked.connect(lambda: self.record(followups.DECLINED))
        self.record_error = error_label("followUpRecordError")
        self.status = QLabel()
        self.status.setObjectName("followUpStatus")
        self.status.setProperty(style.ROLE, "accent")
        # Ctrl+Enter from the notes: the call went well (the commonest outcome).
        done_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        done_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done_key.activated.connect(lambda: self.record(followups.DONE))

        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_check)
        retry_row.addWidget(self.retry_date)
        retry_row.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.unreachable_button)
        buttons.addWidget(self.declined_button)
        panel = QVBoxLayout(self.panel)
        panel.addWidget(self.who)
        panel.addWidget(self.script)
        panel.addWidget(self.earlier)
        panel.addWidget(self.notes_label)
        panel.addWidget(self.notes)
        panel.addWidget(self.notes_error)
        panel.addLayout(retry_row)
        panel.addWidget(self.retry_error)
        panel.addWidget(self.rating_box)
        panel.addWidget(self.rating_error)
        panel.addLayout(buttons)
        panel.addWidget(self.record_error)
        panel.addWidget(self.status)
        panel.addStretch()

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.table, self.notes)
        self.setTabOrder(self.notes, self.retry_check)
        self.setTabOrder(self.retry_check, self.retry_date)
        self.setTabOrder(self.retry_date, self.done_button)
        self.setTabOrder(self.done_button, self.unreachable_button)
        self.setTabOrder(self.unreachable_button, self.declined_button)

        ctx.changes.visits_changed.connect(self._visits_changed)
        ctx.changes.session_changed.connect(self._visits_changed)
        self.retranslate()

    # --- loading -----------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _visits_changed(self) -> None:
        # Each reading is audited (full phone numbers): read only while shown.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Re-read the due calls, keeping the selected patient selected when still due."""
        self._stale = False
        show_error(self.list_error, "")
        current = self.current_call()
        calls: list[followups.DueCall] = []
        if allowed(self.ctx.staff, Perm.FOLLOW_UP):
            try:
                with driver_errors("follow-up list"):  # a driver error is told, never raised
                    calls = followups.due_calls(actor=self.ctx.staff, day=clock.today())
            except FrontdeskError as exc:
                show_error(self.list_error, exc.message())
        else:
            show_error(self.list_error, self.tr("Your role does not make follow-up calls."))
        self.model.set_rows(calls)
        row = next((i for i, c in enumerate(calls)
                    if current is not None and c.followup_id == current.followup_id), 0)
        self._select(row)
        self._update_count()

    def _select(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self._show_current(QModelIndex())
            return
        row = min(max(row, 0), self.model.rowCount() - 1)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_current(self.model.index(row, 0))

    def current_call(self) -> followups.DueCall | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # --- the call panel ----------------------------------------------------------

    def _show_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """A new call selected: fresh inputs, then its details and script."""
        call = self.model.row_at(index.row()) if index.isValid() else None
        for label in (self.notes_error, self.retry_error, self.record_error, self.rating_error):
            show_error(label, "")
        self.notes.clear()
        for box in self.ratings.values():
            box.setCurrentIndex(0)
            box.setEnabled(call is not None)
        self.retry_date.setDate(QDate(clock.today() + dt.timedelta(days=1)))
        self.retry_check.setChecked(True)
        for widget in (self.notes, self.retry_check, self.retry_date, self.done_button,
                       self.unreachable_button, self.declined_button):
            widget.setEnabled(call is not None)
        self._describe(call)

    def _describe(self, call: followups.DueCall | None) -> None:
        if call is None:
            self.who.setText(self.tr("No call selected"))
            self.script.setText(self.tr("Nobody is waiting for a follow-up call."))
            self.earlier.setText("")
            return
        self.who.setText(self.tr("{name}  ☎ {phone}").format(name=call.patient_name,
                                                             phone=call.phone or "—"))
        self.who.setAccessibleName(self.who.text())
        self.script.setText(self.call_script(call))
        self.earlier.setText(self.tr("Earlier attempts:\n{notes}").format(notes=call.notes)
                             if call.notes else "")

    def call_script(self, call: followups.DueCall) -> str:
        """What to say, in order: check who answers, open, ask, close."""
        address = etiquette.form_of_address(call.patient_name, call.sex, call.age)
        hospital = settings.hospital_name() or self.tr("our hospital")
        if call.no_show_date is not None:
            return "\n\n".join([
                self.tr("Hello, may I speak to {address}?").format(address=address),
                self.tr("Hello {address}, this is the front desk of {hospital}. You had an "
                        "appointment with us on {day} and we missed you. Is everything all right? "
                        "Would you like to book another time?")
                .format(address=address, hospital=hospital, day=call.no_show_date.isoformat()),
                self.tr("Thank you for your time. We wish you good health!"),
            ])
        if call.doctor:
            advice = self.tr("Is the advice and medicine Dr {doctor} gave you clear? Is there "
                             "anything we can help with?").format(doctor=call.doctor)
        else:
            advice = self.tr("Is the advice and medicine the doctor gave you clear? Is there "
                             "anything we can help with?")
        lines = [
            self.tr("Hello, may I speak to {address}?").format(address=address),
            self.tr("Hello {address}, this is the front desk of {hospital}. We would like to "
                    "know how you have been since your visit.")
            .format(address=address, hospital=hospital),
            advice,
            self.tr("Thank you for your time. We wish you good health!"),
        ]
        return "\n\n".join(lines)

    # --- recording ---------------------------------------------------------------

    def record(self, outcome: str) -> bool:
        """Record the selected call's outcome; True when stored."""
        call = self.current_call()
        if call is None or not self.done_button.isEnabled():
            return False
        for label in (self.notes_error, self.retry_error, self.record_error, self.rating_error):
            show_error(label, "")
        retry_on = None
        ratings = {p: box.currentData() for p, box in self.ratings.items()}
        if outcome != followups.DONE:
            ratings = None  # asked only when the patient was reached
        if outcome == followups.UNREACHABLE and self.retry_check.isChecked():
            retry_on = self.retry_date.date().toPython()
        try:
            with driver_errors("follow-up call"):  # a driver error is told, never raised
                followups.record_call(actor=self.ctx.staff, followup_id=call.followup_id,
                                      outcome=outcome, notes=self.notes.toPlainText(),
                                      retry_on=retry_on, ratings=ratings)
        except ConflictError as exc:
            self.refresh()
            show_error(self.record_error, exc.message())
            return False
        except FrontdeskError as exc:
            target = {"notes": self.notes_error, "retry_on": self.retry_error,
                      **{p: self.rating_error for p in satisfaction.POINTS}}.get(
                exc.field or "", self.record_error)
            show_error(target, exc.message())
            return False
        self.status.setText(self._saved_text(call, outcome, retry_on))
        row = self.table.currentIndex().row()
        self.refresh()
        self._select(row)  # the next patient moves into the same place
        self.table.setFocus()
        return True

    def _saved_text(self, call, outcome: str, retry_on: dt.date | None) -> str:
        if retry_on is not None:
            return self.tr("{name}: not reached, call again on {day}.").format(
                name=call.patient_name, day=retry_on.isoformat())
        return {
            followups.DONE: self.tr("{name}: follow-up call recorded."),
            followups.UNREACHABLE: self.tr("{name}: not reached, no further call."),
            followups.DECLINED: self.tr("{name}: declined the follow-up call."),
        }[outcome].format(name=call.patient_name)

    # --- text --------------------------------------------------------------------

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Calls to make: {n}").format(n=self.model.rowCount()))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Follow-up calls"))
        self.panel.setTitle(self.tr("Call"))
        self.table.setAccessibleName(self.tr("Patients to call"))
        self.notes_label.setText(self.tr("&Notes (what the patient said):"))
        self.notes.setAccessibleName(self.tr("Call notes"))
        self.notes.setPlaceholderText(self.tr("Recovery, questions, complaints…"))
        self.retry_check.setText(self.tr("If not reached, call &again on:"))
        self.retry_date.setAccessibleName(self.tr("Retry date"))
        self.done_button.setText(self.tr("&Done"))
        self.done_button.setAccessibleName(self.tr("Call done"))
        self.done_button.setToolTip(self.tr("The patient was reached (Ctrl+Enter)"))
        self.unreachable_button.setText(self.tr("&Unreachable"))
        self.unreachable_button.setAccessibleName(self.tr("Not reached"))
        self.declined_button.setText(self.tr("D&eclined"))
        self.declined_button.setAccessibleName(self.tr("Declined the call"))
        self.rating_box.setTitle(self.tr("Satisfaction (if asked)"))
        for point, box in self.ratings.items():
            self.rating_labels[point].setText(satisfaction.POINT_NAMES[point].text())
            box.setItemText(0, "—")
            for i, level in enumerate(satisfaction.LEVELS, start=1):
                box.setItemText(i, f"{level} {satisfaction.LEVEL_NAMES[level].text()}")
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(FollowUpModel.HEADERS) - 1)
        self._update_count()
        self._describe(self.current_call())  # typed notes stay
