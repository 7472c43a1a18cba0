"""Consultation book (咨询登记): fill while on the phone, keyboard first.

The form is one column of general fields and one of targeted ones; Enter moves
on, Ctrl+Enter (or Ctrl+S) saves from anywhere, and the form clears for the next
call with the channel kept. Today's consultations list on the right; double-click
(or Enter) on one loads it for correction. Every bad field is marked at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, triage
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.service import consultations as cs
from frontdesk.service import desk_rules
from frontdesk.ui.service.form import KeyedForm, combo, date_edit, fill_combo
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel
from frontdesk.ui.widgets.tables import fit_columns


class ConsultationModel(RowTableModel):
    HEADER_CONTEXT = "ConsultationModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ConsultationModel", "Time"),
        QT_TRANSLATE_NOOP("ConsultationModel", "Channel"),
        QT_TRANSLATE_NOOP("ConsultationModel", "Caller"),
        QT_TRANSLATE_NOOP("ConsultationModel", "Phone"),
        QT_TRANSLATE_NOOP("ConsultationModel", "Outcome"),
        QT_TRANSLATE_NOOP("ConsultationModel", "Answered by"),
    )
    COL_CHANNEL = 1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row: cs.ConsultationRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_CHANNEL:
            return cs.CHANNEL_NAMES[row.channel].text()  # in full (elided)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (row.at.strftime("%H:%M"), cs.CHANNEL_NAMES[row.channel].text(), row.name,
                row.phone, cs.OUTCOME_NAMES[row.outcome].text(), row.answered_by)[index.column()]


GENERAL = ("name", "sex", "age", "phone", "address", "illness_duration", "medical_history",
           "disease_category", "intention", "concerns")
TARGETED = ("health_question", "price_comparison", "habits", "economic_status", "person_type")
MULTILINE = ("medical_history", "intention", "concerns", "health_question", "price_comparison",
             "habits", "notes")


class ConsultationPanel(Retranslating, QWidget):
    # A caller who wants a booking: the service desk opens the appointment form for them.
    book_requested = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("consultationPanel")
        self.editing: cs.ConsultationRow | None = None
        self.form = KeyedForm()
        f = self.form

        top = QFormLayout()
        f.add(top, "channel", combo([(c, "") for c in cs.CHANNELS], "consultChannel"))
        general = QFormLayout()
        targeted = QFormLayout()
        for key in GENERAL:
            editor = QPlainTextEdit() if key in MULTILINE else QLineEdit()
            if key == "sex":
                editor = combo([("", ""), ("M", ""), ("F", "")], "consultSex")
            editor.setObjectName(editor.objectName() or f"consult_{key}")
            f.add(general, key, editor)
        self.group_combo = combo([], "consultMediaGroup")
        self.source_combo = combo([], "consultMediaSource")
        f.add(targeted, "media_group", self.group_combo)
        f.add(targeted, "media_source_id", self.source_combo)
        self.group_combo.currentIndexChanged.connect(self._fill_sources)
        for key in TARGETED:
            editor = QPlainTextEdit() if key in MULTILINE else QLineEdit()
            editor.setObjectName(f"consult_{key}")
            f.add(targeted, key, editor)
        f.add(targeted, "department_id", combo([], "consultDepartment"))
        f.add(targeted, "outcome", combo([(o, "") for o in cs.OUTCOMES], "consultOutcome"))
        self.call_back = QCheckBox()
        self.call_back.setObjectName("consultCallBack")
        f.add(targeted, "call_back", self.call_back)
        f.add(targeted, "follow_up_on", date_edit("consultFollowUpOn",
                                                  clock.today() + dt.timedelta(days=1)))
        self.call_back.toggled.connect(f.editor("follow_up_on").setEnabled)
        f.editor("follow_up_on").setEnabled(False)
        notes = QPlainTextEdit()
        notes.setObjectName("consult_notes")
        f.add(targeted, "notes", notes)
        f.enter_advances(self.save, self)

        self.general_box = QGroupBox()
        self.general_box.setLayout(general)
        self.targeted_box = QGroupBox()
        self.targeted_box.setLayout(targeted)
        columns = QHBoxLayout()
        columns.addWidget(self.general_box)
        columns.addWidget(self.targeted_box)
        self.save_button = QPushButton()
        self.save_button.setObjectName("consultSave")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton()
        self.new_button.setObjectName("consultNew")
        self.new_button.clicked.connect(self.clear)
        self.status = QLabel()
        self.status.setObjectName("consultStatus")
        self.form_error = error_label("consultFormError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.status, 1)

        inner = QWidget()
        col = QVBoxLayout(inner)
        col.addLayout(top)
        col.addLayout(columns)
        col.addLayout(buttons)
        col.addWidget(self.form_error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.heading = QLabel()
        self.heading.setObjectName("consultHeading")
        # Today's book, or the callers whose call-back date has come (and who have not come).
        self.which = combo([("today", ""), ("call_backs", "")], "consultWhich")
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = ConsultationModel(self)
        self.table = QTableView()
        self.table.setObjectName("consultTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # The book beside the form hid its later columns behind a scroll bar at 1366: each
        # is sized to its contents, the channel ("网络咨询（商务通）") takes the rest (elided,
        # in full as its tooltip), and the book asks the splitter for the width they need.
        fit_columns(self.table, ConsultationModel.COL_CHANNEL)
        self.table.activated.connect(self.load)
        self.list_error = error_label("consultListError")
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        rcol.addWidget(self.heading)
        rcol.addWidget(self.which)
        rcol.addWidget(self.table, 1)
        rcol.addWidget(self.list_error)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for keys in ("Ctrl+S",):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.save)
        ctx.changes.service_changed.connect(self.refresh)
        ctx.changes.rules_changed.connect(self._fill_choices)
        ctx.changes.session_changed.connect(self.refresh)
        self._fill_choices()
        self.retranslate()
        self.refresh()

    # --- choices -----------------------------------------------------------------

    def _fill_choices(self) -> None:
        try:
            self._tree = desk_rules.media_tree()
            departments = triage.departments()
        except FrontdeskError as exc:
            show_error(self.form_error, exc.message())
            return
        fill_combo(self.group_combo, [(None, "—")] + [(g.id, g.name) for g, _ in self._tree])
        self._fill_sources()
        items = [(None, "—")] + [(d.id, d.name) for d in departments]
        fill_combo(self.form.editor("department_id"), items)

    def _fill_sources(self) -> None:
        group_id = self.group_combo.currentData()
        kids = next((k for g, k in self._tree if g.id == group_id), [])
        fill_combo(self.source_combo, [(group_id, "—")] + [(k.id, k.name) for k in kids])
        self.source_combo.setEnabled(bool(kids))

    def _select_media(self, media_id: int | None) -> None:
        for g, kids in self._tree:
            if g.id == media_id or any(k.id == media_id for k in kids):
                self.form.set_value("media_group", g.id)
                self._fill_sources()
                self.form.set_value("media_source_id", media_id)
                return
        self.form.set_value("media_group", None)
        self._fill_sources()

    # --- list ----------------------------------------------------------------------

    def refresh(self) -> None:
        show_error(self.list_error, "")
        if not allowed(self.ctx.staff, Perm.CONSULT):
            self.model.set_rows([])
            show_error(self.list_error, self.tr("Your role does not take consultations."))
            return
        today = clock.today()
        if self.which.currentData() == "call_backs":
            self.ctx.run(cs.due_call_backs, actor=self.ctx.staff, day=today,
                         on_done=self.model.set_rows,
                         on_error=lambda exc: show_error(self.list_error, exc.message()))
            return
        self.ctx.run(cs.listing, actor=self.ctx.staff, start=today, end=today,
                     on_done=self.model.set_rows,
                     on_error=lambda exc: show_error(self.list_error, exc.message()))

    # --- the form ------------------------------------------------------------------

    def values(self) -> dict:
        f = self.form
        data = {key: f.value(key) for key in ("channel", "outcome", "department_id", "notes",
                                               *GENERAL, *TARGETED)}
        data["media_source_id"] = f.value("media_source_id")
        data["follow_up_on"] = f.value("follow_up_on") if self.call_back.isChecked() else None
        return data

    def save(self) -> None:
        self.form.clear_errors()
        show_error(self.form_error, "")
        if self.editing is None:
            self.ctx.run(cs.record, actor=self.ctx.staff, form=self.values(),
                         on_done=self._saved, on_error=self._failed)
        else:
            self.ctx.run(cs.update, actor=self.ctx.staff, consultation_id=self.editing.id,
                         expected_version=self.editing.version, form=self.values(),
                         on_done=self._saved, on_error=self._failed)

    def _saved(self, row: cs.ConsultationRow) -> None:
        self.status.setText(self.tr("Saved: {name} {time}").format(
            name=row.name or self.tr("(no name)"), time=row.at.strftime("%H:%M")))
        self.clear(keep_channel=True)
        if row.outcome == cs.BOOKED and row.appointment_id is None:
            self.book_requested.emit(row.id)  # on to the slot while the caller is on the line

    def _failed(self, exc: FrontdeskError) -> None:
        if not self.form.show_error(exc):
            show_error(self.form_error, exc.message())

    def clear(self, keep_channel: bool = False) -> None:
        channel = self.form.value("channel")
        for key in (*GENERAL, *TARGETED, "notes"):
            self.form.set_value(key, "")
        self.form.set_value("sex", "")
        self.form.set_value("outcome", cs.OUTCOMES[0])
        self.form.set_value("department_id", None)
        self._select_media(None)
        self.call_back.setChecked(False)
        self.form.set_value("follow_up_on", clock.today() + dt.timedelta(days=1))
        self.form.set_value("channel", channel if keep_channel else cs.CHANNELS[0])
        self.form.clear_errors()
        self.editing = None
        self.save_button.setText(self.tr("&Save (Ctrl+Enter)"))
        self.form.editor("name").setFocus()

    def load(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        result = self.ctx.run(cs.get, actor=self.ctx.staff, consultation_id=row.id,
                              on_error=lambda exc: show_error(self.form_error, exc.message()))
        if result is None:
            return
        self.editing, form = result
        for key, value in form.to_dict().items():
            if key in self.form.boxes and key not in ("media_source_id", "follow_up_on"):
                self.form.set_value(key, value)
        self._select_media(form.media_source_id)
        self.call_back.setChecked(form.follow_up_on is not None)
        if form.follow_up_on:
            self.form.set_value("follow_up_on", form.follow_up_on)
        self.save_button.setText(self.tr("&Save changes (Ctrl+Enter)"))

    # --- text ----------------------------------------------------------------------

    def retranslate(self) -> None:
        labels = {
            "channel": self.tr("C&hannel"), "name": self.tr("&Name"), "sex": self.tr("Sex"),
            "age": self.tr("&Age"), "phone": self.tr("&Phone"), "address": self.tr("Address"),
            "illness_duration": self.tr("Duration"), "medical_history": self.tr("History"),
            "disease_category": self.tr("Disease"), "intention": self.tr("Intention"),
            "concerns": self.tr("Concerns"), "health_question": self.tr("Health question"),
            "price_comparison": self.tr("Price comparison"), "habits": self.tr("Habits"),
            "economic_status": self.tr("Economic status"), "person_type": self.tr("Person type"),
            "media_group": self.tr("&Media"), "media_source_id": self.tr("Source"),
            "department_id": self.tr("Department"), "outcome": self.tr("&Outcome"),
            "call_back": self.tr("Call back"), "follow_up_on": self.tr("Call-back date"),
            "notes": self.tr("Notes"),
        }
        for key, label in self.form.labels.items():
            label.setText(labels[key])
        channel = self.form.editor("channel")
        for i, c in enumerate(cs.CHANNELS):
            channel.setItemText(i, cs.CHANNEL_NAMES[c].text())
        outcome = self.form.editor("outcome")
        for i, o in enumerate(cs.OUTCOMES):
            outcome.setItemText(i, cs.OUTCOME_NAMES[o].text())
        sex = self.form.editor("sex")
        for i, text in enumerate(("—", self.tr("Male"), self.tr("Female"))):
            sex.setItemText(i, text)
        self.call_back.setText(self.tr("Call this person back"))
        self.general_box.setTitle(self.tr("General"))
        self.targeted_box.setTitle(self.tr("Targeted"))
        self.save_button.setText(self.tr("&Save (Ctrl+Enter)") if self.editing is None
                                 else self.tr("&Save changes (Ctrl+Enter)"))
        self.new_button.setText(self.tr("Ne&w"))
        self.heading.setText(self.tr("Consultation book"))
        self.which.setItemText(0, self.tr("Today's consultations"))
        self.which.setItemText(1, self.tr("Call-backs due (caller not come yet)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(ConsultationModel.HEADERS) - 1)
