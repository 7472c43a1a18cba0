"""Satisfaction (满意度): rate a visit on the four points; the week's summary beside it.

Keyboard: pick the visit in the list, then 1-4 in each point's box (Tab between
them; each box lists 非常满意 … 较差 and "not asked"), Ctrl+Enter saves. A poor
rating is stored as given. The summary shows each point's levels and the week's
follow-up rate (回访率).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import text
from frontdesk.permissions import Perm, allowed
from frontdesk.service import satisfaction as sat
from frontdesk.ui.service.form import KeyedForm, combo, date_edit
from frontdesk.ui.widgets.fields import error_label, show_error
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel
from frontdesk.ui.widgets.tables import row_view


class RecentVisitModel(RowTableModel):
    HEADER_CONTEXT = "RecentVisitModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RecentVisitModel", "Date"),
        QT_TRANSLATE_NOOP("RecentVisitModel", "No."),
        QT_TRANSLATE_NOOP("RecentVisitModel", "Patient"),
        QT_TRANSLATE_NOOP("RecentVisitModel", "Department"),
        QT_TRANSLATE_NOOP("RecentVisitModel", "Rated"),
    )

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        v: sat.RecentVisit | None = self.row_at(index.row()) if index.isValid() else None
        if v is None or role not in (Qt.ItemDataRole.DisplayRole,
                                     Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (v.visit_date.isoformat(), v.queue_label, v.patient_name,
                text(v.department_zh, v.department_en), "✓" if v.rated else "")[index.column()]


def level_items() -> list[tuple[int | None, str]]:
    return [(None, "—")] + [(lvl, "") for lvl in sat.LEVELS]


class SatisfactionPanel(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("satisfactionPanel")
        self.model = RecentVisitModel(self)
        self.table = row_view("satisfactionVisits", self.model)
        self.table.activated.connect(lambda _i: self.form.editor("attitude").setFocus())

        self.form = f = KeyedForm()
        rate = QFormLayout()
        for point in sat.POINTS:
            f.add(rate, point, combo(level_items(), f"rate_{point}"))
        comment = QLineEdit()
        comment.setObjectName("rate_comment")
        f.add(rate, "comment", comment)
        f.enter_advances(self.save, self)
        self.save_button = QPushButton()
        self.save_button.setObjectName("rateSave")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("rateStatus")
        self.error = error_label("rateError")
        self.rate_box = QGroupBox()
        rb = QVBoxLayout(self.rate_box)
        rb.addWidget(self.table, 1)
        rb.addLayout(rate)
        rb.addWidget(self.save_button)
        rb.addWidget(self.status)
        rb.addWidget(self.error)

        self.week = date_edit("satisfactionWeek", clock.today())
        self.week.dateChanged.connect(lambda _d: self.refresh_summary())
        self.grid = QTableWidget(len(sat.POINTS), len(sat.LEVELS) + 1)
        self.grid.setObjectName("satisfactionGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("followUpRate")
        self.week_label = QLabel()
        self.summary_box = QGroupBox()
        sb = QVBoxLayout(self.summary_box)
        row = QHBoxLayout()
        row.addWidget(self.week_label)
        row.addWidget(self.week)
        row.addStretch()
        sb.addLayout(row)
        sb.addWidget(self.grid)
        sb.addWidget(self.rate_label)
        sb.addStretch()

        layout = QHBoxLayout(self)
        layout.addWidget(self.rate_box, 3)
        layout.addWidget(self.summary_box, 2)
        ctx.changes.service_changed.connect(self.refresh)
        ctx.changes.session_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        show_error(self.error, "")
        if not allowed(self.ctx.staff, Perm.CONSULT):
            self.model.set_rows([])
            show_error(self.error, self.tr("Your role does not take ratings."))
            return
        current = self.selected()
        rows = self.ctx.run(sat.recent_visits, actor=self.ctx.staff, day=clock.today(),
                            on_error=lambda exc: show_error(self.error, exc.message()))
        if rows is not None:
            self.model.set_rows(rows)
            i = next((n for n, r in enumerate(rows) if current and r.visit_id == current.visit_id),
                     0)
            if rows:
                self.table.setCurrentIndex(self.model.index(i, 0))
        self.refresh_summary()

    def refresh_summary(self) -> None:
        start, end = sat.week_of(self.week.date().toPython())
        s = self.ctx.run(sat.summary, start, end,
                         on_error=lambda exc: show_error(self.error, exc.message()))
        if s is None:
            return
        for r, p in enumerate(s.points):
            for c, level in enumerate(sat.LEVELS):
                self.grid.setItem(r, c, QTableWidgetItem(str(p.counts.get(level, 0))))
            rate = p.satisfied_rate
            self.grid.setItem(r, len(sat.LEVELS), QTableWidgetItem(
                "—" if rate is None else f"{rate:.0%}"))
        rate = s.follow_up_rate
        self.rate_label.setText(self.tr("Follow-up rate {start} – {end}: {rate} "
                                        "({reached} of {visits} visits)").format(
            start=start.isoformat(), end=end.isoformat(),
            rate="—" if rate is None else f"{rate:.0%}", reached=s.followed_up,
            visits=s.visits_done))

    def selected(self) -> sat.RecentVisit | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def save(self) -> None:
        self.form.clear_errors()
        show_error(self.error, "")
        v = self.selected()
        if v is None:
            show_error(self.error, self.tr("Choose the visit first."))
            return
        ratings = {p: self.form.value(p) for p in sat.POINTS}
        self.ctx.run(sat.rate, actor=self.ctx.staff, visit_id=v.visit_id, ratings=ratings,
                     comment=self.form.value("comment"), on_done=self._saved,
                     on_error=self._failed)

    def _saved(self, _rid: int) -> None:
        self.status.setText(self.tr("Rating saved."))
        for p in sat.POINTS:
            self.form.set_value(p, None)
        self.form.set_value("comment", "")

    def _failed(self, exc: FrontdeskError) -> None:
        if not self.form.show_error(exc):
            show_error(self.error, exc.message())

    def retranslate(self) -> None:
        for p, label in self.form.labels.items():
            label.setText(sat.POINT_NAMES[p].text() if p in sat.POINT_NAMES
                          else self.tr("Comment"))
        for p in sat.POINTS:
            box = self.form.editor(p)
            box.setItemText(0, self.tr("— not asked"))
            for i, lvl in enumerate(sat.LEVELS, start=1):
                box.setItemText(i, f"{lvl} {sat.LEVEL_NAMES[lvl].text()}")
        self.grid.setHorizontalHeaderLabels([sat.LEVEL_NAMES[lvl].text() for lvl in sat.LEVELS]
                                            + [self.tr("Satisfied")])
        self.grid.setVerticalHeaderLabels([sat.POINT_NAMES[p].text() for p in sat.POINTS])
        self.rate_box.setTitle(self.tr("Rate a visit"))
        self.summary_box.setTitle(self.tr("Weekly summary"))
        self.week_label.setText(self.tr("Week of"))
        self.save_button.setText(self.tr("&Save rating (Ctrl+Enter)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          len(RecentVisitModel.HEADERS) - 1)

