"""The desk's deferred-billing list: red-flag patients treated first, not yet paid.

A red flag goes from triage straight to the emergency doctor (billing deferred).
This list keeps every such visit in sight until its fee is paid or waived, so
nothing is forgotten after the emergency; choosing a row opens the late
registration or the late billing for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from frontdesk.money import format_fen
from frontdesk.reception.visit_numbers import view_number
from frontdesk.ui.widgets.retranslate import Retranslating


class DeferredBillingPanel(Retranslating, QWidget):
    """Title and rows (reception.VisitView with billing_open); emits `visit_chosen(id)`."""

    visit_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deferredBillingPanel")
        self.visits: list = []
        self.title = QLabel()
        self.title.setObjectName("deferredBillingTitle")
        self.title.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("deferredBillingList")
        self.list.setMaximumHeight(150)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.retranslate()

    def set_visits(self, visits: list) -> None:
        """Replace the rows; the panel hides itself when nothing is owed."""
        self.visits = list(visits)
        self.list.clear()
        for v in self.visits:
            item = QListWidgetItem(self.row_text(v))
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setToolTip(v.complaint)
            self.list.addItem(item)
        self._title()
        self.setVisible(bool(self.visits))

    def row_text(self, v) -> str:
        number = v.queue_label or view_number(v)  # the one visible number, never "#id"
        when = v.arrived_at.strftime("%m-%d %H:%M") if v.arrived_at else ""
        who = v.patient_name or self.tr("no record yet")
        if v.registered_late:
            todo = self.tr("to pay {amount}").format(amount=format_fen(v.fee_fen))
        else:
            todo = self.tr("to register")
        return f"{number}  {who} · {when} · {todo}"

    def _chosen(self, item: QListWidgetItem) -> None:
        self.visit_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _title(self) -> None:
        self.title.setText(self.tr("Deferred billing · {n} to complete").format(
            n=len(self.visits)))

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Red-flag visits whose billing is still open"))
        self.list.setToolTip(self.tr("Treated first, not paid yet: register and bill them "
                                     "once the emergency is over"))
        self._title()
        for i, v in enumerate(self.visits):
            self.list.item(i).setText(self.row_text(v))
