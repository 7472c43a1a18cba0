"""The calling panel (叫号): a clinic-room PC, or the desk on its behalf, runs its queue.

Pick the department and the doctor (or any doctor), say the room, then one key each:
F2 call next, F3 recall, F4 missed, F5 start consultation, F6 finished, F7 sent for
tests, F8 back from tests, F9 back in line (a missed patient returned), F10 transfer,
F11 pause or resume the clinic, F12 record a priority class; Ctrl+F12 the queue rules
(administrators). Keys that act on one patient use the selected row, or
the patient now called or with the doctor when nothing is selected. The queue is shown
in calling order with the reason for each place ("优先：70 岁以上").

Every operation goes through ctx.run; refusals show at the field they name, or in the
line under the queue. The panel reads :mod:`frontdesk.queue.clinic` only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk import i18n
from frontdesk.permissions import Perm, allowed
from frontdesk.queue import clinic
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.form_dialog import show_refusal
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel

REFRESH_MS = 30_000  # waited minutes tick; every change refreshes at once (queue_changed)
STATE_COLOURS = {  # background of rows that are not simply waiting
    clinic.CALLED: style.FILL_BLUE,
    clinic.CONSULTING: style.FILL_GREEN,
    clinic.MISSED: style.FILL_SLATE,
    clinic.TESTS: style.FILL_YELLOW,
}

# (key, shortcut, English label) in the order of the button row.
ACTIONS = (
    ("call_next", "F2", QT_TRANSLATE_NOOP("CallingPanel", "Call next")),
    ("recall", "F3", QT_TRANSLATE_NOOP("CallingPanel", "Recall")),
    ("missed", "F4", QT_TRANSLATE_NOOP("CallingPanel", "Missed")),
    ("start", "F5", QT_TRANSLATE_NOOP("CallingPanel", "Start consultation")),
    ("finish", "F6", QT_TRANSLATE_NOOP("CallingPanel", "Finished")),
    ("tests", "F7", QT_TRANSLATE_NOOP("CallingPanel", "Sent for tests")),
    ("back", "F8", QT_TRANSLATE_NOOP("CallingPanel", "Back from tests")),
    ("requeue", "F9", QT_TRANSLATE_NOOP("CallingPanel", "Back in line")),
    ("transfer", "F10", QT_TRANSLATE_NOOP("CallingPanel", "Transfer…")),
    ("pause", "F11", QT_TRANSLATE_NOOP("CallingPanel", "Pause clinic…")),
    ("priority", "F12", QT_TRANSLATE_NOOP("CallingPanel", "Priority…")),
)


class CallingModel(RowTableModel):
    """The clinic's queue: who is called or with the doctor, who waits (in order), who is aside."""

    COL_POS, COL_NUMBER, COL_NAME, COL_STATE, COL_REASON, COL_WAITED = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("CallingModel", "#"), QT_TRANSLATE_NOOP("CallingModel", "No."),
               QT_TRANSLATE_NOOP("CallingModel", "Patient"),
               QT_TRANSLATE_NOOP("CallingModel", "State"),
               QT_TRANSLATE_NOOP("CallingModel", "Why here"),
               QT_TRANSLATE_NOOP("CallingModel", "Waited"))
    HEADER_CONTEXT = "CallingModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        # Made once: the view asks for them for every cell at every paint.
        self._fills = {k: QBrush(QColor(c)) for k, c in STATE_COLOURS.items()}
        self._reason_ink = QBrush(QColor(style.TEXT_REASON))
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r: clinic.QueueRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_POS:
                return str(r.position) if r.position else ""
            if col == self.COL_NUMBER:
                return r.queue_label
            if col == self.COL_NAME:
                return r.patient_name or "—"
            if col == self.COL_STATE:
                text = clinic.state_name(r.state).text()
                if r.state == clinic.CALLED and r.calls > 1:
                    text += self.tr(" ×{n}").format(n=r.calls)
                if r.doctor_name and r.state in (clinic.CALLED, clinic.CONSULTING):
                    text += f" · {r.doctor_name}"
                return text
            if col == self.COL_REASON:
                return r.reason.text()
            if col == self.COL_WAITED:
                return self.tr("{n} min").format(n=r.waited_minutes)
        elif role == Qt.ItemDataRole.BackgroundRole and r.state in STATE_COLOURS:
            return self._fills[r.state]
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.COL_REASON and r.reason.zh:
            return self._reason_ink
        elif role == Qt.ItemDataRole.FontRole and r.state in (clinic.CALLED, clinic.CONSULTING):
            return self._bold
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_POS, self.COL_WAITED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.UserRole:
            return r.entry_id
        return None


class CallingPanel(Retranslating, QWidget):
    """The calling panel of one clinic (department, doctor, room)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("callingPanel")
        self.queue: clinic.ClinicQueue | None = None
        self.choices: list[clinic.ClinicChoice] = []

        self.department = QComboBox()
        self.department.setObjectName("department")
        self.doctor = QComboBox()
        self.doctor.setObjectName("doctor")
        self.room = QLineEdit()
        self.room.setObjectName("room")
        self.room.setMaxLength(clinic.ROOM_MAX_LENGTH)
        self.department_box = FieldBox("department_id", self.department)
        self.doctor_box = FieldBox("doctor_id", self.doctor)
        self.room_box = FieldBox("room", self.room)
        self.department_label, self.doctor_label, self.room_label = QLabel(), QLabel(), QLabel()
        for label, box in ((self.department_label, self.department),
                           (self.doctor_label, self.doctor), (self.room_label, self.room)):
            label.setBuddy(box)
        pick = QGridLayout()
        pick.addWidget(self.department_label, 0, 0)
        pick.addWidget(self.department_box, 1, 0)
        pick.addWidget(self.doctor_label, 0, 1)
        pick.addWidget(self.doctor_box, 1, 1)
        pick.addWidget(self.room_label, 0, 2)
        pick.addWidget(self.room_box, 1, 2)
        pick.setColumnStretch(0, 2)
        pick.setColumnStretch(1, 2)
        pick.setColumnStretch(2, 1)

        self.paused = QLabel()
        self.paused.setObjectName("callingPaused")
        self.paused.setWordWrap(True)
        self.paused.hide()
        self.now = QLabel()
        self.now.setObjectName("callingNow")
        self.now.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("callingSummary")
        self.summary.setProperty(style.ROLE, "muted")

        self.model = CallingModel(self)
        self.view = QTableView()
        self.view.setObjectName("callingTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CallingModel.COL_REASON, QHeaderView.ResizeMode.Stretch)

        self.buttons: dict[str, QPushButton] = {}
        self.shortcuts: dict[str, QShortcut] = {}
        keys = QGridLayout()
        for i, (key, shortcut, _label) in enumerate(ACTIONS):
            button = QPushButton()
            button.setObjectName(f"calling_{key}")
            # A shortcut of the panel (not the button: a button's text resets its shortcut),
            # live while the panel has focus, so other areas keep their own F-keys.
            keystroke = QShortcut(QKeySequence(shortcut), self)
            keystroke.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keystroke.activated.connect(lambda k=key: self.act(k))
            self.shortcuts[key] = keystroke
            button.setMinimumHeight(40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys, not tabbing through ten buttons
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            keys.addWidget(button, i // 6, i % 6)
        # The queue rules, for whoever may change settings (an administrator).
        self.rules_button = QPushButton()
        self.rules_button.setObjectName("calling_rules")
        self.rules_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rules_button.clicked.connect(self.open_rules)
        rules_key = QShortcut(QKeySequence("Ctrl+F12"), self)
        rules_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rules_key.activated.connect(self.open_rules)

        self.error = error_label("callingError")
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("callingTitle")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.rules_button)
        layout.addLayout(top)
        layout.addLayout(pick)
        layout.addWidget(self.paused)
        layout.addWidget(self.now)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(keys)

        self.department.currentIndexChanged.connect(self._department_chosen)
        self.doctor.currentIndexChanged.connect(lambda _i: self.refresh())
        self.room.textEdited.connect(lambda _t: self.room_box.clear_error())
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.changes.queue_changed.connect(self.refresh)
        ctx.changes.visits_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self.load_choices)
        ctx.changes.session_changed.connect(self._update_enabled)
        self.retranslate()
        self.load_choices()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Shown (e.g. Ctrl+8): the keys work at once, with the queue focused."""
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.view.setFocus()

    # --- what is chosen ------------------------------------------------------------------

    def department_id(self) -> int | None:
        return self.department.currentData()

    def doctor_id(self) -> int | None:
        return self.doctor.currentData()

    def room_text(self) -> str:
        return self.room.text().strip()

    def load_choices(self) -> None:
        self.ctx.run(clinic.clinic_choices, on_done=self._show_choices, on_error=self._failed)

    def _show_choices(self, choices: list[clinic.ClinicChoice]) -> None:
        keep = self.department_id()
        self.choices = choices
        self.department.blockSignals(True)
        self.department.clear()
        for c in choices:
            self.department.addItem(c.name.text(), c.department_id)
        at = self.department.findData(keep) if keep is not None else 0
        self.department.setCurrentIndex(max(0, at))
        self.department.blockSignals(False)
        self._department_chosen()

    def _department_chosen(self, _index: int = -1) -> None:
        self.department_box.clear_error()
        choice = next((c for c in self.choices if c.department_id == self.department_id()), None)
        keep = self.doctor_id()
        self.doctor.blockSignals(True)
        self.doctor.clear()
        self.doctor.addItem(self.tr("Any doctor"), None)
        for doc_id, name in choice.doctors if choice else []:
            self.doctor.addItem(name, doc_id)
        at = self.doctor.findData(keep) if keep is not None else 0
        self.doctor.setCurrentIndex(max(0, at))
        self.doctor.blockSignals(False)
        if choice is not None and not self.room.isModified():
            self.room.setText(choice.room)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        dept = self.department_id()
        if dept is None:
            self.model.set_rows([])
            return
        self.ctx.run(clinic.queue_rows, dept, self.doctor_id(), on_done=self._show,
                     on_error=self._failed)

    def _show(self, queue: clinic.ClinicQueue) -> None:
        selected = self.selected_row()
        keep = selected.entry_id if selected is not None else None
        self.queue = queue
        rows = queue.active + queue.waiting + queue.aside
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.entry_id == keep:
                self.view.selectRow(i)
        self.paused.setVisible(queue.paused)
        parts = [self.tr("Clinic paused.")]
        if queue.pause_reason:
            parts.append(self.tr("Reason: {reason}.").format(reason=queue.pause_reason))
        parts.append(self.tr("No calls until it resumes (F11); transfer the waiting patients "
                             "(F10)."))
        self.paused.setText((" " if i18n.language() == "en" else "").join(parts))
        if queue.active:
            self.now.setText("  ".join(
                f"{r.queue_label} {r.patient_name} · {clinic.state_name(r.state).text()}"
                for r in queue.active))
        else:
            self.now.setText(self.tr("No one called. Next: {who}").format(
                who=(f"{queue.waiting[0].queue_label} {queue.waiting[0].patient_name}"
                     if queue.waiting else self.tr("nobody waiting"))))
        self.summary.setText(self.tr("{w} waiting · {a} aside").format(
            w=len(queue.waiting), a=len(queue.aside)))
        self.buttons["pause"].setText(self._pause_text())
        self._update_enabled()

    def selected_row(self) -> clinic.QueueRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def target(self, *states: str) -> clinic.QueueRow | None:
        """The selected row, else the first patient now called or with the doctor."""
        row = self.selected_row()
        if row is not None:
            return row
        if self.queue is None:
            return None
        for r in self.queue.active + self.queue.aside:
            if not states or r.state in states:
                return r
        return None

    # --- acting --------------------------------------------------------------------------

    def act(self, key: str) -> None:
        """Run the panel action `key` (one of ACTIONS)."""
        show_error(self.error, "")
        for box in (self.department_box, self.doctor_box, self.room_box):
            box.clear_error()
        if not allowed(self.ctx.staff, Perm.RUN_VISIT):
            show_error(self.error, self.tr("Your role may not call patients."))
            return
        dept = self.department_id()
        if dept is None:
            self.department_box.set_error(self.tr("Choose a department."))
            return
        if key == "call_next":
            head = self.queue.waiting[0].entry_id if self.queue and self.queue.waiting else None
            self.ctx.run(clinic.call_next, dept, self.doctor_id(), actor=self.ctx.staff,
                         room=self.room_text(), expected_entry_id=head,
                         on_done=self._done, on_error=self._failed)
            return
        if key == "pause":
            self._pause()
            return
        states = {"recall": (clinic.CALLED,), "missed": (clinic.CALLED,),
                  "start": (clinic.CALLED,), "finish": (clinic.CONSULTING,),
                  "tests": (clinic.CONSULTING,), "back": (clinic.TESTS,),
                  "requeue": (clinic.MISSED,), "transfer": (), "priority": ()}[key]
        row = self.target(*states)
        if row is None:
            show_error(self.error, self.tr("Select a patient in the queue first (↑/↓)."))
            return
        if key == "transfer":
            self._transfer(row)
            return
        if key == "priority":
            self._priority(row)
            return
        op = {"recall": clinic.recall, "missed": clinic.mark_missed,
              "start": clinic.start_consultation, "finish": clinic.finish,
              "tests": clinic.send_for_tests, "back": clinic.back_from_tests,
              "requeue": clinic.requeue}[key]
        extra = {}
        if key == "start" and self.doctor_id() is not None:
            extra["doctor_id"] = self.doctor_id()
        self.ctx.run(op, row.entry_id, actor=self.ctx.staff, expected_version=row.version,
                     on_done=self._done, on_error=self._failed, **extra)

    def _done(self, row) -> None:
        self.view.clearSelection()
        if isinstance(row, clinic.QueueRow):
            self.now.setText(f"{row.queue_label} {row.patient_name} · "
                             f"{clinic.state_name(row.state).text()}")

    def _failed(self, exc: Exception) -> None:
        show_refusal(exc, {"department_id": self.department_box, "doctor_id": self.doctor_box,
                           "room": self.room_box}, self.error)

    def _transfer(self, row: clinic.QueueRow) -> None:
        from frontdesk.ui.queue.calling_dialogs import TransferDialog

        dialog = TransferDialog(self.ctx, row, self.choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def _priority(self, row: clinic.QueueRow) -> None:
        from frontdesk.ui.queue.calling_dialogs import PriorityDialog

        dialog = PriorityDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def _pause(self) -> None:
        from frontdesk.ui.queue.calling_dialogs import PauseDialog

        dept, doctor = self.department_id(), self.doctor_id()
        if self.queue is not None and self.queue.paused:
            self.ctx.run(clinic.resume_clinic, dept, doctor, actor=self.ctx.staff,
                         on_done=lambda _r: self.refresh(), on_error=self._failed)
            return
        dialog = PauseDialog(self.ctx, dept, doctor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def open_rules(self) -> QWidget | None:
        """The queue rules dialog (Ctrl+F12), for those who may change settings."""
        if not allowed(self.ctx.staff, Perm.MANAGE_SETTINGS):
            return None
        from frontdesk.ui.queue.clinic_rules_dialog import ClinicRulesDialog

        dialog = ClinicRulesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _pause_text(self) -> str:
        paused = self.queue is not None and self.queue.paused
        label = self.tr("Resume clinic") if paused else self.tr("Pause clinic…")
        return f"{label}  (F11)"

    def _update_enabled(self) -> None:
        ok = allowed(self.ctx.staff, Perm.RUN_VISIT)
        for button in self.buttons.values():
            button.setEnabled(ok)
        self.rules_button.setVisible(allowed(self.ctx.staff, Perm.MANAGE_SETTINGS))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Calling panel"))
        self.rules_button.setText(self.tr("Queue rules…  (Ctrl+F12)"))
        self.setAccessibleName(self.tr("Calling panel"))
        self.department_label.setText(self.tr("&Department"))
        self.doctor_label.setText(self.tr("Doc&tor"))
        self.room_label.setText(self.tr("&Room"))
        self.room.setPlaceholderText(self.tr("e.g. Room 3"))
        for key, shortcut, label in ACTIONS:
            self.buttons[key].setText(f"{self.tr(label)}  ({shortcut})")
        self.buttons["pause"].setText(self._pause_text())
        if self.doctor.count():
            self.doctor.setItemText(0, self.tr("Any doctor"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self.queue is not None:
            self._show(self.queue)
