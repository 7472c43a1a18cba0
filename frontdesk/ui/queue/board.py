"""The waiting-area board (候诊): per department, who is waiting and for how long.

Rows turn amber and red past the thresholds in the settings, and the care
panel says what the house rules ask for then: offer water and something to
read, and apologise for the wait. The board refreshes on a timer and whenever
a desk changes a visit. It reads only :func:`frontdesk.queue.waiting_board`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock, etiquette, queue, settings
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.ui import style
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel

REFRESH_MS = 30_000  # wait times are in minutes: twice a minute is plenty
CARD_COLUMNS = 3
LEVEL_COLOURS = {  # background, text
    "amber": (style.FILL_AMBER_STRONG, style.TEXT_AMBER_STRONG),
    "red": (style.FILL_RED_STRONG, style.TEXT_RED_STRONG),
}
CARE_KEYS = ("offer_water", "offer_reading", "apologise_wait")


def stage_name(stage: str) -> str:
    return queue.board.board_stage_name(stage).text()


class BoardModel(RowTableModel):
    """One department's waiting rows: number, masked name, stage, minutes waited."""

    COL_NUMBER, COL_NAME, COL_STAGE, COL_WAITED = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("BoardModel", "No."), QT_TRANSLATE_NOOP("BoardModel", "Patient"), QT_TRANSLATE_NOOP("BoardModel", "Stage"), QT_TRANSLATE_NOOP("BoardModel", "Waited"))

    HEADER_CONTEXT = "BoardModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        # Made once: the view asks for them for every cell at every paint.
        self._fills = {k: QBrush(QColor(bg)) for k, (bg, _fg) in LEVEL_COLOURS.items()}
        self._inks = {k: QBrush(QColor(fg)) for k, (_bg, fg) in LEVEL_COLOURS.items()}
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NUMBER:
                return r.queue_label
            if col == self.COL_NAME:
                return r.patient_name_masked or "—"
            if col == self.COL_STAGE:
                return stage_name(r.stage)
            if col == self.COL_WAITED:
                return self.tr("{n} min").format(n=r.waited_minutes)
        elif role == Qt.ItemDataRole.BackgroundRole and r.level in LEVEL_COLOURS:
            return self._fills[r.level]
        elif role == Qt.ItemDataRole.ForegroundRole and r.level in LEVEL_COLOURS:
            return self._inks[r.level]
        elif role == Qt.ItemDataRole.FontRole and r.level == "red":
            return self._bold
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.COL_STAGE:
            return stage_name(r.stage)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_WAITED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.AccessibleTextRole and col == self.COL_WAITED:
            return self.tr("waited {n} min").format(n=r.waited_minutes)
        elif role == Qt.ItemDataRole.UserRole:
            return r.level
        return None


class DepartmentCard(QFrame):
    """A department's name, its count and its waiting table."""

    def __init__(self, department_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.department_id = department_id
        self.setObjectName("boardCard")
        self.setProperty("department_id", department_id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("boardCardTitle")
        # Wraps rather than widening the card: at 1366 in English three cards of
        # "Internal Medicine · 2 waiting" pushed the third column out of sight.
        self.title.setWordWrap(True)
        self.model = BoardModel(self)
        self.view = QTableView()
        self.view.setObjectName("boardTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The step takes what the number, the (short, masked) name and the minutes leave;
        # a long one ("Waiting for the doctor") is elided, in full as its tooltip, so the
        # minutes waited always show, without a scroll bar.
        header.setSectionResizeMode(BoardModel.COL_STAGE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setDefaultSectionSize(30)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def set_department(self, board: queue.BoardDepartment) -> None:
        self.model.set_rows(board.rows)
        # 候诊 is the clinic queue's waiting count, as on the waiting-room display; who is
        # called or still at the desk is said in words of its own (a nurse and a patient
        # read one number under 候诊).
        parts = [self.tr("{name} · {n} waiting").format(name=board.name, n=board.waiting)]
        if board.called:
            parts.append(self.tr("{n} called").format(n=board.called))
        if board.at_desk:
            parts.append(self.tr("{n} at the desk").format(n=board.at_desk))
        self.title.setText(" · ".join(parts))
        self.view.setAccessibleName(board.name)
        rows = max(1, len(board.rows))
        self.view.setMinimumHeight(min(10, rows) * 30 + self.view.horizontalHeader().height() + 4)


class QueueBoardArea(Retranslating, QWidget):
    """The whole board: cards per department, and the care prompt for long waits."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("queueBoardArea")
        # A seam for tests and demos: the board's "now".
        self.boards: list[queue.BoardDepartment] = []
        self.cards: dict[int, DepartmentCard] = {}

        self.title = QLabel()
        self.title.setObjectName("boardTitle")
        self.updated = QLabel()
        self.updated.setObjectName("boardUpdated")
        self.updated.setProperty(style.ROLE, "muted")
        self.legend = QLabel()
        self.legend.setObjectName("boardLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.legend)
        top.addStretch(1)
        top.addWidget(self.updated)

        self.empty = QLabel()
        self.empty.setObjectName("boardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel()
        self.error.setObjectName("boardError")
        self.error.setWordWrap(True)
        self.error.setProperty(style.ROLE, "error")
        self.error.hide()

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)

        self.care = QFrame()
        self.care.setObjectName("boardCare")
        self.care.setFixedWidth(300)
        self.care_title = QLabel()
        self.care_title.setObjectName("boardCareTitle")
        self.care_phrases = QLabel()
        self.care_phrases.setObjectName("boardCarePhrases")
        self.care_phrases.setWordWrap(True)
        self.care_list = QLabel()
        self.care_list.setObjectName("boardCareList")
        self.care_list.setWordWrap(True)
        self.care_list.setTextFormat(Qt.TextFormat.RichText)
        care_layout = QVBoxLayout(self.care)
        care_layout.addWidget(self.care_title)
        care_layout.addWidget(self.care_list)
        care_layout.addSpacing(8)
        care_layout.addWidget(self.care_phrases)
        care_layout.addStretch(1)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(scroll, 1)
        body.addLayout(left, 1)
        body.addWidget(self.care)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setObjectName("boardTimer")
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.changes.visits_changed.connect(self.refresh)
        ctx.changes.queue_changed.connect(self.refresh)  # the clinic queue: called, seen
        ctx.changes.settings_changed.connect(self.retranslate)  # thresholds, language
        self.retranslate()

    # --- data ------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the board again (cheap: one query) and redraw it."""
        now = clock.now()
        try:
            with driver_errors("waiting board"):
                boards = queue.waiting_board(day=now.date(), now=now)
        except FrontdeskError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return
        self.error.hide()
        self.boards = boards
        self._show_boards()
        stamp = now.strftime("%H:%M")
        self.updated.setText(self.tr("Updated {time}").format(time=stamp))

    def long_waits(self) -> list[tuple[str, queue.BoardRow]]:
        """(department name, row) for every amber or red row, longest wait first."""
        rows = [(b.name, r) for b in self.boards for r in b.rows if r.level in LEVEL_COLOURS]
        return sorted(rows, key=lambda pair: -pair[1].waited_minutes)

    # --- drawing ---------------------------------------------------------------

    def _show_boards(self) -> None:
        wanted = {b.department_id for b in self.boards}
        for dept_id in list(self.cards):
            if dept_id not in wanted:
                card = self.cards.pop(dept_id)
                self.grid.removeWidget(card)
                card.hide()
                card.deleteLater()
        for i, board in enumerate(self.boards):
            card = self.cards.get(board.department_id)
            if card is None:
                card = self.cards[board.department_id] = DepartmentCard(board.department_id)
            card.set_department(board)
            self.grid.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)
        self.empty.setVisible(not self.boards)
        self._show_care()

    def _show_care(self) -> None:
        waits = self.long_waits()
        if not waits:
            self.care_list.setText(self.tr("No one has waited long. Keep an eye on the room."))
        else:
            lines = []
            for dept, r in waits[:8]:
                colour = LEVEL_COLOURS[r.level][1]
                lines.append(
                    f"<div style='color:{colour}'><b>{r.queue_label}</b> "
                    f"{r.patient_name_masked or '—'} · {dept} · "
                    + self.tr("{n} min").format(n=r.waited_minutes) + "</div>")
            self.care_list.setText("".join(lines))
        try:
            with driver_errors("care phrases"):
                phrases = {p.key: p for p in etiquette.phrases_for("WAITING")}
        except FrontdeskError as exc:
            self.care_phrases.setText(exc.message())
            return
        self.care_phrases.setText("\n".join(
            "• " + self.tr("{cue}: {phrase}").format(cue=phrases[k].cue, phrase=phrases[k].text)
            for k in CARE_KEYS if k in phrases))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Waiting room"))
        self.setAccessibleName(self.tr("Queue board"))
        self.empty.setText(self.tr("No patients are waiting."))
        self.care_title.setText(self.tr("Care for waiting patients"))
        amber, red = self._thresholds()
        self.legend.setText(
            "<span style='background:{a}'>&nbsp;{amber}&nbsp;</span>&nbsp;&nbsp;"
            "<span style='background:{r}'>&nbsp;{red}&nbsp;</span>".format(
                a=LEVEL_COLOURS["amber"][0], r=LEVEL_COLOURS["red"][0],
                amber=self.tr("≥ {n} min").format(n=amber),
                red=self.tr("≥ {n} min").format(n=red)))
        for card in self.cards.values():
            card.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.refresh()

    def _thresholds(self) -> tuple[int, int]:
        try:
            with driver_errors("queue thresholds"):
                return (int(settings.get("queue.amber_minutes")),
                        int(settings.get("queue.red_minutes")))
        except (FrontdeskError, ValueError, TypeError):
            return settings.DEFAULTS["queue.amber_minutes"], settings.DEFAULTS["queue.red_minutes"]
