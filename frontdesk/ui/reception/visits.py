"""The desk's waiting list: arrivals from the door, visits in progress, escorts still out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, stages
from frontdesk.ui import style
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel

# Roles as plain values, looked up once: the view asks data() a few thousand times to
# size and paint a list of a few dozen rows, and each enum attribute lookup costs.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole
WAITING_COLOUR = "#ecfeff"  # GREETING: a patient handed over, nobody has taken them yet
RED_FLAG_COLOUR = "#fee2e2"


def stage_label(view) -> str:
    """The stage as the desk says it; a DONE visit in the list means the escort is still out."""
    if view.stage == stages.GREETING:
        return QCoreApplication.translate("VisitList", "Waiting for desk")
    if view.stage == stages.DONE and not getattr(view, "escort_back", True):
        return QCoreApplication.translate("VisitList", "Escort not back")
    return stages.stage_name(view.stage).text()


def patient_label(view) -> str:
    if view.patient_name:
        return view.patient_name
    if view.has_appointment:
        if view.first_visit:
            return QCoreApplication.translate("VisitList", "New arrival (first visit, booked)")
        return QCoreApplication.translate("VisitList", "New arrival (returning, booked)")
    if view.first_visit:
        return QCoreApplication.translate("VisitList", "New arrival (first visit)")
    return QCoreApplication.translate("VisitList", "New arrival (returning)")


def minutes_since(moment: dt.datetime | None, now: dt.datetime) -> int:
    if moment is None:
        return 0
    return max(0, int((now - moment).total_seconds() // 60))


class VisitListModel(RowTableModel):
    """Rows are reception VisitViews; the wait is counted from the stage's start."""

    COL_NUMBER, COL_PATIENT, COL_STAGE, COL_WAIT = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("VisitListModel", "No."), QT_TRANSLATE_NOOP("VisitListModel", "Patient"), QT_TRANSLATE_NOOP("VisitListModel", "Step"), QT_TRANSLATE_NOOP("VisitListModel", "Min"))

    HEADER_CONTEXT = "VisitListModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._texts: dict[int, tuple[str, str, str]] = {}  # row -> number, patient, step
        self._red_flag = QBrush(QColor(RED_FLAG_COLOUR))
        self._waiting = QBrush(QColor(WAITING_COLOUR))
        self._bold = QFont()
        self._bold.setBold(True)
        self._wait_alignment = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: list) -> None:
        self._texts = {}  # also how a language change reaches the cells: set_rows again
        super().set_rows(rows)

    def _row_texts(self, row: int, v) -> tuple[str, str, str]:
        texts = self._texts.get(row)
        if texts is None:
            texts = (v.queue_label or f"#{v.id}",
                     ("⚠ " if v.red_flag else "") + patient_label(v), stage_label(v))
            self._texts[row] = texts
        return texts

    def rows(self) -> list:
        return list(self._rows)

    def row_of(self, visit_id: int) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == visit_id), -1)

    def visit_at(self, row: int):
        return self.row_at(row)

    def data(self, index, role=_DISPLAY):
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        v = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            if col == self.COL_WAIT:  # counted now: it grows while the list is shown
                return str(minutes_since(v.stage_since or v.arrived_at, clock.now()))
            return self._row_texts(row, v)[col]
        if role == _BACKGROUND:
            if v.red_flag:
                return self._red_flag
            if v.stage == stages.GREETING:
                return self._waiting
        elif role == _FONT:
            return self._bold if v.stage == stages.GREETING else None
        elif role == _ALIGNMENT:
            return self._wait_alignment if col == self.COL_WAIT else None
        elif role == _TOOLTIP:
            return v.complaint or None
        elif role == _USER:
            return v.id
        return None


class VisitListPanel(Retranslating, QWidget):
    """Title, count and the list; emits `visit_chosen(id)` when a row becomes current."""

    visit_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("visitListPanel")
        self.title = QLabel()
        self.title.setObjectName("visitListTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: 700;")
        self.title.setWordWrap(True)
        self.model = VisitListModel(self)
        self.view = QTableView()
        self.view.setObjectName("visitList")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VisitListModel.COL_PATIENT, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel()
        self.empty.setObjectName("visitListEmpty")
        self.empty.setWordWrap(True)
        self.empty.setProperty(style.ROLE, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self._quiet = False
        self.retranslate()

    def set_visits(self, visits: list, current_id: int | None) -> None:
        """Replace the rows, keeping `current_id` selected without re-emitting it."""
        self._quiet = True
        try:
            self.model.set_rows(visits)
            row = self.model.row_of(current_id) if current_id is not None else -1
            if row >= 0:
                self.view.selectRow(row)
        finally:
            self._quiet = False
        waiting = sum(1 for v in visits if v.stage == stages.GREETING)
        self.title.setText(self.tr("Patients · {n} waiting for the desk").format(n=waiting))
        self.empty.setVisible(not visits)

    def select_visit(self, visit_id: int) -> None:
        row = self.model.row_of(visit_id)
        if row >= 0:
            self.view.selectRow(row)

    def first_waiting(self):
        return next((v for v in self.model.rows() if v.stage == stages.GREETING), None)

    def _row_changed(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        view = self.model.visit_at(current.row())
        if view is not None:
            self.visit_chosen.emit(view.id)

    def retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Patients at the desk"))
        self.empty.setText(self.tr("No one is waiting. New arrivals from the door appear here."))
        self.set_visits(self.model.rows(), None)
