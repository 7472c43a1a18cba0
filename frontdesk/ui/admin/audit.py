"""Admin tab: the audit log, filtered by day range, staff member and action."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk import audit, clock
from frontdesk.admin import audit_words
from frontdesk.db.faults import driver_errors
from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.ui.widgets.row_model import RowTableModel

COL_TIME, COL_STAFF, COL_ACTION, COL_ENTITY, COL_ID, COL_DETAIL = range(6)


class AuditTableModel(RowTableModel):
    """Rows are audit.AuditEntry; set_rows() replaces them all."""

    HEADERS = (QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Staff"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Id"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Detail"))
    HEADER_CONTEXT = "AuditTableModel"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == COL_TIME:
                return f"{row.at:%Y-%m-%d %H:%M:%S}"
            if col == COL_STAFF:
                return row.staff_name or self.tr("(system)")
            if col == COL_ACTION:
                return audit.action_name(row.action)
            if col == COL_ENTITY:
                return audit_words.entity_name(row.entity)
            if col == COL_ID:
                return row.entity_id
            return audit_words.detail_text(row.detail)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_DETAIL:
            # The words, and the stored text for whoever must check it exactly.
            return audit_words.detail_text(row.detail) + "\n\n" + row.detail
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class AuditTab(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditTab")
        today = clock.today()
        self.since = QDateEdit(QDate(today - dt.timedelta(days=7)))
        self.since.setObjectName("auditSince")
        self.until = QDateEdit(QDate(today))
        self.until.setObjectName("auditUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.staff = QComboBox()
        self.staff.setObjectName("auditStaff")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("auditRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.labels = [QLabel() for _ in range(4)]
        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        filters = QHBoxLayout()
        for label, widget in zip(self.labels, (self.since, self.until, self.staff, self.action),
                                 strict=True):
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.refresh_button)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.count)
        self.set_texts()
        for w in (self.since, self.until):
            w.dateChanged.connect(self.refresh)
        self.staff.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        """Texts in the current language, then the rows again (their words are translated)."""
        self.set_texts()
        self.refresh()

    def set_texts(self) -> None:
        for label, source in zip(self.labels, (self.tr("&From:"), self.tr("&To:"),
                                               self.tr("&Staff:"), self.tr("&Action:")), strict=True):
            label.setText(source)
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        self.staff.setAccessibleName(self.tr("Staff"))
        self.action.setAccessibleName(self.tr("Action"))
        self.view.setAccessibleName(self.tr("Audit log"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self._fill_choices()


    def _fill_choices(self) -> None:
        keep_staff, keep_action = self.staff.currentData(), self.action.currentData()
        for combo in (self.staff, self.action):
            combo.blockSignals(True)
            combo.clear()
        self.staff.addItem(self.tr("everyone"), None)
        try:
            with driver_errors("audit staff choices"):
                choices = audit.staff_choices(actor=self.ctx.staff)
            for staff_id, name in choices:
                self.staff.addItem(name, staff_id)
        except FrontdeskError:
            pass  # refresh() says why
        self.action.addItem(self.tr("all actions"), None)
        for action in audit.ACTIONS:
            self.action.addItem(audit.action_name(action), action)
        self.staff.setCurrentIndex(max(0, self.staff.findData(keep_staff)))
        self.action.setCurrentIndex(max(0, self.action.findData(keep_action)))
        for combo in (self.staff, self.action):
            combo.blockSignals(False)

    def refresh(self) -> None:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        try:
            with driver_errors("audit query"):
                rows = audit.query(actor=self.ctx.staff, since=since, until=until,
                                   staff_id=self.staff.currentData(),
                                   action=self.action.currentData())
        except FrontdeskError as exc:
            self.model.set_rows([])
            self.count.setText(exc.message())
            return
        self.model.set_rows(rows)
        if len(rows) >= audit.MAX_ROWS:
            self.count.setText(self.tr("Showing the newest {n} entries; narrow the filter to see "
                                       "older ones.").format(n=len(rows)))
        else:
            self.count.setText(self.tr("Entries: {n}").format(n=len(rows)))
