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
from frontdesk.reception import tickets, urgency
from frontdesk.ui import style
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel


def _escape(text: str) -> str:
    """Text for a rich-text label. Not html.escape: importing `html` loads its 2,000-entity
    table (3 ms of the desk's start-up) for three replacements."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Roles as plain values, looked up once: the view asks data() a few thousand times to
# size and paint a list of a few dozen rows, and each enum attribute lookup costs.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole
WAITING_COLOUR = style.FILL_CYAN  # GREETING: a patient handed over, nobody has taken them yet
RED_FLAG_COLOUR = style.FILL_RED
AMBER_COLOUR = style.FILL_AMBER  # over the stage's amber threshold (settings desk.amber_minutes)
RED_COLOUR = style.FILL_RED_STRONG  # over its red threshold
LEVEL_COLOURS = {urgency.AMBER: AMBER_COLOUR, urgency.RED: RED_COLOUR}
STAGE_COLUMN_MAX = 72  # px: "待接待" fits; longer English step names are elided


def stage_label(view) -> str:
    """The stage as the desk says it; a DONE visit in the list means the escort is still out."""
    if view.stage == stages.GREETING:
        return QCoreApplication.translate("VisitList", "Waiting for desk")
    if view.stage == stages.DONE and not getattr(view, "escort_back", True):
        return QCoreApplication.translate("VisitList", "Escort not back")
    return stages.stage_name(view.stage).text()


WORD_JOINER = "\u2060"  # no line break here (Unicode WJ), drawn as nothing


def _unbreakable(label: str) -> str:
    """The label kept on one line: the counts wrap only between their " · " parts. Chinese
    breaks between any two characters, so the narrow list showed "陪" at the end of one
    line and "诊 1" on the next; English breaks at its spaces ("Escort" / "out 0")."""
    return WORD_JOINER.join(label.replace(" ", "\u00a0"))


def count_label(stage: str) -> str:
    """A stage's short name for the counts above the list."""
    if stage == stages.GREETING:
        return QCoreApplication.translate("VisitList", "At the door")
    if stage == stages.DONE:
        return QCoreApplication.translate("VisitList", "Escort out")
    return stages.stage_name(stage).text()


def patient_label(view) -> str:
    """Who this is, short enough for the narrow list: the record's name, else what the door
    saw — 王 女·老人 初诊 有预约 (a name or surname, sex·age band, first visit, booked)."""
    if view.patient_name:
        return view.patient_name
    seen = tickets.describe(getattr(view, "door_sex", ""), getattr(view, "door_age_band", ""),
                            short=True)
    parts = [getattr(view, "door_name", ""), seen]
    if not any(parts):
        parts = [QCoreApplication.translate("VisitList", "New arrival")]
    parts.append(QCoreApplication.translate("VisitList", "1st visit") if view.first_visit
                 else QCoreApplication.translate("VisitList", "returning"))
    if view.has_appointment:
        parts.append(QCoreApplication.translate("VisitList", "booked"))
    return " ".join(p for p in parts if p)


def number_label(view) -> str:
    """The number the patient goes by now: the queue number once there is one (内-003),
    else the door ticket (A012). Both side by side left the narrow list no room for the
    patient's name at 1366 px; the row's tooltip has both (numbers_line)."""
    return view.queue_label or getattr(view, "door_ticket", "") or f"#{view.id}"


def numbers_line(view) -> str:
    """Every number this visit has had, in order: A012 · 内-003."""
    return " · ".join(n for n in (getattr(view, "door_ticket", ""), view.queue_label) if n)


def minutes_since(moment: dt.datetime | None, now: dt.datetime) -> int:
    return urgency.minutes_between(moment, now)


class VisitListModel(RowTableModel):
    """Rows are reception VisitViews; minutes are counted now, so they grow while shown."""

    COL_NUMBER, COL_PATIENT, COL_STAGE, COL_WAIT, COL_TOTAL = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("VisitListModel", "No."),
               QT_TRANSLATE_NOOP("VisitListModel", "Patient"),
               QT_TRANSLATE_NOOP("VisitListModel", "Step"),
               QT_TRANSLATE_NOOP("VisitListModel", "Min"),
               QT_TRANSLATE_NOOP("VisitListModel", "Total"))
    HEADER_TIPS = {COL_WAIT: QT_TRANSLATE_NOOP("VisitListModel", "Minutes in this step"),
                   COL_TOTAL: QT_TRANSLATE_NOOP("VisitListModel", "Minutes since arrival")}

    HEADER_CONTEXT = "VisitListModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._texts: dict[int, tuple[str, str, str]] = {}  # number, patient, step
        self._limits = urgency.default_thresholds()  # replaced by the panel on each refresh
        self._red_flag = QBrush(QColor(RED_FLAG_COLOUR))
        self._waiting = QBrush(QColor(WAITING_COLOUR))
        self._levels = {k: QBrush(QColor(c)) for k, c in LEVEL_COLOURS.items()}
        self._bold = QFont()
        self._bold.setBold(True)
        self._wait_alignment = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: list, limits=None) -> None:
        """`limits`: the per-stage thresholds read for this refresh (urgency.thresholds)."""
        self._texts = {}  # also how a language change reaches the cells: set_rows again
        if limits is not None:
            self._limits = limits
        super().set_rows(rows)

    def _row_texts(self, row: int, v) -> tuple[str, str, str]:
        texts = self._texts.get(row)
        if texts is None:
            prio = tickets.priority_label(getattr(v, "priority", ""))
            texts = (number_label(v),
                     ("⚠ " if v.red_flag else "") + (f"[{prio}] " if prio else "")
                     + patient_label(v), stage_label(v))
            self._texts[row] = texts
        return texts

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _TOOLTIP and orientation == Qt.Orientation.Horizontal:
            tip = self.HEADER_TIPS.get(section)
            return QCoreApplication.translate(self.HEADER_CONTEXT, tip) if tip else None
        return super().headerData(section, orientation, role)

    def limits(self):
        return self._limits

    def level_at(self, row: int) -> str:
        """"ok", "amber" or "red": the row's wait against its stage's thresholds, now."""
        v = self.row_at(row)
        return urgency.level(v, clock.now(), self.limits()) if v is not None else urgency.OK

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
                return str(urgency.step_minutes(v, clock.now()))
            if col == self.COL_TOTAL:
                return str(urgency.total_minutes(v, clock.now()))
            return self._row_texts(row, v)[col]
        if role == _BACKGROUND:
            if v.red_flag:
                return self._red_flag
            brush = self._levels.get(self.level_at(row))
            if brush is not None:
                return brush
            if v.stage == stages.GREETING:
                return self._waiting
        elif role == _FONT:
            if v.stage == stages.GREETING or (col == self.COL_WAIT
                                              and self.level_at(row) == urgency.RED):
                return self._bold
            return None
        elif role == _ALIGNMENT:
            return self._wait_alignment if col in (self.COL_WAIT, self.COL_TOTAL) else None
        elif role == _TOOLTIP:
            return "\n".join(t for t in (numbers_line(v), self._row_texts(row, v)[1], v.complaint)
                             if t)
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
        self.title.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("visitListCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
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
        header.setSectionResizeMode(VisitListModel.COL_STAGE, QHeaderView.ResizeMode.Interactive)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel()
        self.empty.setObjectName("visitListEmpty")
        self.empty.setWordWrap(True)
        self.empty.setProperty(style.ROLE, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self._quiet = False
        self.retranslate()

    def set_visits(self, visits: list, current_id: int | None, limits=None) -> None:
        """Replace the rows, what needs attention first (urgency.by_attention), keeping
        `current_id` selected without re-emitting it. `limits`: the per-stage thresholds
        read with the rows (urgency.thresholds); None keeps the last ones known."""
        limits = limits or self.model.limits()
        visits = urgency.by_attention(visits, clock.now(), limits)
        self._quiet = True
        try:
            self.model.set_rows(visits, limits)
            row = self.model.row_of(current_id) if current_id is not None else -1
            if row >= 0:
                self.view.selectRow(row)
        finally:
            self._quiet = False
        waiting = sum(1 for v in visits if v.stage == stages.GREETING)
        self.title.setText(self.tr("Patients · {n} waiting for the desk").format(n=waiting))
        self._show_counts(visits)
        self._fit_columns()
        self.empty.setVisible(not visits)

    def _fit_columns(self) -> None:
        """The list is narrow: the step column gives way (elided) so the patient and both
        minute columns stay in view."""
        view = self.view
        view.resizeColumnToContents(VisitListModel.COL_STAGE)
        view.setColumnWidth(VisitListModel.COL_STAGE,
                            min(view.columnWidth(VisitListModel.COL_STAGE), STAGE_COLUMN_MAX))

    def stage_counts(self) -> dict[str, int]:
        return urgency.stage_counts(self.model.rows())

    def _show_counts(self, visits: list) -> None:
        """Per stage, how many; a stage with someone past its red threshold in red."""
        now, limits = clock.now(), self.model.limits()
        late = {v.stage for v in visits if urgency.level(v, now, limits) == urgency.RED}
        parts = []
        for stage, n in urgency.stage_counts(visits).items():
            text = f"{_escape(_unbreakable(count_label(stage)))}&nbsp;<b>{n}</b>"
            colour = style.DANGER if stage in late else (style.SECONDARY if n else style.MUTED)
            parts.append(f"<span style='color:{colour}'>{text}</span>")
        self.counts.setText(" · ".join(parts))

    def select_visit(self, visit_id: int) -> None:
        """Highlight the visit shown beside the list; one not in the list (done, left, opened
        by its number) leaves no other patient highlighted."""
        row = self.model.row_of(visit_id)
        if row >= 0:
            self.view.selectRow(row)
            return
        self._quiet = True
        try:
            self.view.clearSelection()
            self.view.setCurrentIndex(self.model.index(-1, -1))
        finally:
            self._quiet = False

    def first_waiting(self):
        """The arrival the desk should take next: the most urgent one waiting for the desk."""
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
