"""The week roster grid: staff × days, keyboard first.

Arrow keys move; a shift's letter (D, E, L, …, shown in the legend) puts that
shift in the cell, Shift+letter adds it to the shifts already there (refused
if they overlap), R makes it the rest day, Delete clears it. PgUp/PgDn change
the week; Ctrl+Shift+C copies last week; Ctrl+P prints. Every change is one
domain call (staffing.roster) through ctx.run; a refusal shows under the grid.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, settings
from frontdesk.errors import FrontdeskError
from frontdesk.permissions import Perm, allowed
from frontdesk.staffing import roster, roster_pdf
from frontdesk.ui import style
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating

COLOURS = roster_pdf.SHIFT_COLOURS
LEAVE, REST = roster_pdf.LEAVE_COLOUR, roster_pdf.REST_COLOUR


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class RosterGrid(QTableWidget):
    """The grid itself: keys pick shifts; arrows are the table's own."""

    def __init__(self, owner: RosterWeekTab):
        super().__init__(0, roster.DAYS)
        self.owner = owner
        self.setObjectName("rosterGrid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(40)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key, text = event.key(), event.text().upper()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.owner.set_current(shifts=[])
            return
        if key == Qt.Key.Key_PageUp:
            self.owner.move_week(-1)
            return
        if key == Qt.Key.Key_PageDown:
            self.owner.move_week(1)
            return
        if len(text) == 1 and text.isalnum():
            if text == "R":
                self.owner.set_current(rest=True)
                return
            choice = self.owner.choice_for(text)
            if choice is not None:
                add = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.owner.set_current(shifts=[choice.code], add=add)
                return
        super().keyPressEvent(event)


class RosterWeekTab(Retranslating, QWidget):
    """A supervisor's week: the grid, the week picker, copy last week, print, the legend."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterWeekTab")
        self.week: roster.Week | None = None
        self.preview = None
        self.monday = roster.monday_of(clock.today())

        self.prev_button, self.next_button = QPushButton(), QPushButton()
        self.prev_button.setObjectName("rosterPrevWeek")
        self.next_button.setObjectName("rosterNextWeek")
        self.week_edit = QDateEdit(qdate(self.monday))
        self.week_edit.setObjectName("rosterWeekEdit")
        self.week_edit.setCalendarPopup(True)
        self.week_edit.setDisplayFormat("yyyy-MM-dd")
        self.week_label = QLabel()
        self.week_label.setObjectName("rosterWeekLabel")
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("rosterCopyButton")
        self.print_button = QPushButton()
        self.print_button.setObjectName("rosterPrintButton")
        top = QHBoxLayout()
        for w in (self.prev_button, self.week_edit, self.next_button, self.week_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.print_button)

        self.grid = RosterGrid(self)
        self.legend = QLabel()
        self.legend.setObjectName("rosterLegend")
        self.legend.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("rosterWarnings")
        self.warnings.setWordWrap(True)
        self.error = error_label("rosterGridError")
        self.status = QLabel()
        self.status.setObjectName("rosterStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.warnings)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)

        self.prev_button.clicked.connect(lambda: self.move_week(-1))
        self.next_button.clicked.connect(lambda: self.move_week(1))
        self.week_edit.dateChanged.connect(lambda d: self.show_week(pydate(d)))
        self.copy_button.clicked.connect(self.copy_last_week)
        self.print_button.clicked.connect(self.print_week)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_last_week,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_week,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.changes.roster_changed.connect(self.refresh)
        ctx.changes.staff_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("◀ Previous week"))
        self.next_button.setText(self.tr("Next week ▶"))
        self.copy_button.setText(self.tr("Copy last week"))
        self.copy_button.setToolTip("Ctrl+Shift+C")
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.grid.setAccessibleName(self.tr("Roster grid"))
        self.refresh()

    # --- data ------------------------------------------------------------------

    def refresh(self) -> None:
        if not allowed(self.ctx.staff, Perm.MANAGE_ROSTER):
            self.grid.setRowCount(0)
            return
        self.ctx.run(roster.week, actor=self.ctx.staff, monday=self.monday,
                     on_done=self._fill, on_error=lambda exc: show_error(self.error,
                                                                       exc.message()))

    def show_week(self, day: dt.date) -> None:
        monday = roster.monday_of(day)
        if monday != self.monday:
            self.monday = monday
            self.refresh()

    def move_week(self, step: int) -> None:
        self.monday += dt.timedelta(days=7 * step)
        self.week_edit.blockSignals(True)
        self.week_edit.setDate(qdate(self.monday))
        self.week_edit.blockSignals(False)
        self.refresh()

    def _fill(self, week: roster.Week) -> None:
        self.week = week
        row, col = max(self.grid.currentRow(), 0), max(self.grid.currentColumn(), 0)
        self.grid.setRowCount(len(week.staff))
        self.grid.setHorizontalHeaderLabels([
            f"{roster.WEEKDAY_NAMES[d.weekday()].text()}\n{d:%m-%d}" for d in week.days])
        self.grid.setVerticalHeaderLabels([name for _id, name, _role in week.staff])
        colour = {c.code: COLOURS[i % len(COLOURS)] for i, c in enumerate(week.choices)}
        shorts = {c.code: c.short for c in week.choices}
        for r, (sid, _name, _role) in enumerate(week.staff):
            for c, day in enumerate(week.days):
                cell = week.cell(sid, day)
                item = QTableWidgetItem(roster_pdf.cell_text(cell, shorts))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                fill = LEAVE if cell.leave else REST if cell.rest else \
                    colour.get(cell.shifts[0]) if cell.shifts else None
                if fill:
                    item.setBackground(QBrush(QColor(fill)))
                    item.setForeground(QBrush(QColor(style.INK)))
                if cell.signed:
                    item.setToolTip(self.tr("Signed in that day"))
                self.grid.setItem(r, c, item)
        last = week.days[-1]
        self.week_label.setText(self.tr("{first} to {last}").format(
            first=f"{week.monday:%Y-%m-%d}", last=f"{last:%m-%d}"))
        self.legend.setText(self.tr("Keys: {keys}; R rest day; Shift+letter adds a shift; "
                                    "Delete clears; PgUp/PgDn change the week.").format(
            keys="  ".join(f"{c.key} {c.short} {c.start}–{c.end}" for c in week.choices)))
        self.warnings.setText("\n".join(w.text() for w in week.warnings))
        self.warnings.setVisible(bool(week.warnings))
        if week.staff:
            self.grid.setCurrentCell(min(row, len(week.staff) - 1), col)

    # --- actions -----------------------------------------------------------------

    def choice_for(self, key: str) -> roster.ShiftChoice | None:
        if self.week is None:
            return None
        return next((c for c in self.week.choices if c.key == key), None)

    def current(self) -> tuple[int, dt.date] | None:
        if self.week is None or not self.week.staff:
            return None
        r, c = self.grid.currentRow(), self.grid.currentColumn()
        if r < 0 or c < 0:
            return None
        return self.week.staff[r][0], self.week.days[c]

    def set_current(self, *, shifts=(), rest: bool = False, add: bool = False) -> None:
        where = self.current()
        if where is None:
            return
        staff_id, day = where
        show_error(self.error, "")
        if add:
            self.ctx.run(roster.assign, actor=self.ctx.staff, staff_id=staff_id, day=day,
                         shift_code=shifts[0], on_done=self._set_done, on_error=self._failed)
        else:
            self.ctx.run(roster.set_day, actor=self.ctx.staff, staff_id=staff_id, day=day,
                         shifts=list(shifts), rest=rest, on_done=self._set_done,
                         on_error=self._failed)

    def _set_done(self, _cell) -> None:
        self.status.setText(self.tr("Saved."))

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, exc.message() if isinstance(exc, FrontdeskError) else str(exc))

    def copy_last_week(self) -> None:
        show_error(self.error, "")
        self.ctx.run(roster.copy_last_week, actor=self.ctx.staff, monday=self.monday,
                     on_done=self._copied, on_error=self._failed)

    def _copied(self, copied: roster.Copied) -> None:
        """How many days were filled, and each shift left out for an overlap."""
        lines = [self.tr("Copied last week; days filled: {count}.").format(count=copied.filled)]
        if copied.skipped:
            lines.append(self.tr("Not copied (would overlap a shift the day before or after):"))
            lines += [m.text() for m in copied.skipped]
        self.status.setText("\n".join(lines))

    def print_week(self) -> None:
        self.ctx.run(roster_pdf.week_pdf, actor=self.ctx.staff, monday=self.monday,
                     background=True, on_done=self._show_preview, on_error=self._failed)

    def _show_preview(self, data: bytes) -> None:
        from frontdesk.ui.widgets.printing import PrintPreviewDialog, PrintSettings

        self.last_pdf = data
        self.preview = PrintPreviewDialog(
            data, title=self.tr("Roster"), parent=self,
            settings=PrintSettings(default_printer=settings.get("printing.report.printer")))
        self.preview.open()
