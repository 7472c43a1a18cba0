"""The customer-service desk (客服): consultations, bookings, complaints and ratings, one tab
each (Alt+1 … Alt+5 switch tabs). Each tab is built the first time it is shown."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from frontdesk import clock
from frontdesk.permissions import Perm, allowed
from frontdesk.service import complaints, conversion
from frontdesk.ui.widgets.retranslate import Retranslating

TABS = (
    ("consultations", QT_TRANSLATE_NOOP("ServiceDesk", "Consultations"),
     "frontdesk.ui.service.consultations:ConsultationPanel"),
    ("appointments", QT_TRANSLATE_NOOP("ServiceDesk", "Appointments"),
     "frontdesk.ui.service.appointments:AppointmentPanel"),
    ("complaints", QT_TRANSLATE_NOOP("ServiceDesk", "Complaints"),
     "frontdesk.ui.service.complaints:ComplaintPanel"),
    ("satisfaction", QT_TRANSLATE_NOOP("ServiceDesk", "Satisfaction"),
     "frontdesk.ui.service.satisfaction:SatisfactionPanel"),
    ("reports", QT_TRANSLATE_NOOP("ServiceDesk", "Reports"),
     "frontdesk.ui.service.service_reports:ServiceReportsPanel"),
    ("settings", QT_TRANSLATE_NOOP("ServiceDesk", "Media list and calendar"),
     "frontdesk.ui.service.desk_settings:DeskSettingsPanel"),
)


def _available(factory: str) -> bool:
    return importlib.util.find_spec(factory.split(":")[0]) is not None


class ServiceDeskArea(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serviceDeskArea")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("serviceTabs")
        self.specs = [t for t in TABS if _available(t[2])]
        self.panels: dict[str, QWidget] = {}
        for _key, _title, _factory in self.specs:
            self.tabs.addTab(QWidget(), "")
        self.tabs.currentChanged.connect(self._build)
        # Overdue complaints, loud on every tab for the supervisors who handle them.
        self.overdue_banner = QPushButton()
        self.overdue_banner.setObjectName("serviceOverdueBanner")
        self.overdue_banner.clicked.connect(lambda: self.show_tab("complaints"))
        self.overdue_banner.hide()
        self._overdue = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.overdue_banner)
        layout.addWidget(self.tabs)
        for i in range(len(self.specs)):
            sc = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))
        self._build(0)
        ctx.changes.service_changed.connect(self.check_overdue)
        ctx.changes.session_changed.connect(self.check_overdue)
        self.tabs.currentChanged.connect(lambda _i: self._show_banner())
        self.retranslate()
        self.check_overdue()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Callers and bookings whose patient has come since: linked to the visit (conversion).
        self.ctx.run(conversion.link_arrivals, clock.today(), background=True,
                     on_error=lambda _exc: None)

    def check_overdue(self) -> None:
        """Count overdue complaints for a supervisor (nothing is read for anyone else)."""
        self._overdue = 0
        if allowed(self.ctx.staff, Perm.SUPERVISE_COMPLAINTS):
            late = self.ctx.run(complaints.overdue, actor=self.ctx.staff, day=clock.today(),
                                on_error=lambda _exc: None)
            self._overdue = len(late or [])
        self._show_banner()

    def _show_banner(self) -> None:
        on_complaints = self.specs[self.tabs.currentIndex()][0] == "complaints"
        self.overdue_banner.setVisible(bool(self._overdue) and not on_complaints)
        self.overdue_banner.setText(self.tr("⚠ Complaints overdue: {n} — open the complaints "
                                            "(click)").format(n=self._overdue))

    def _build(self, index: int) -> None:
        if index < 0:
            return
        key, _title, factory = self.specs[index]
        if key in self.panels:
            return
        module, cls = factory.split(":")
        panel = getattr(importlib.import_module(module), cls)(self.ctx, self)
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, "")
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        old.deleteLater()
        self.panels[key] = panel
        if key == "consultations":
            panel.book_requested.connect(self.book_for_consultation)
        self.retranslate()

    def book_for_consultation(self, consultation_id: int) -> None:
        """Open the appointment form with this consultation's caller filled in."""
        panel = self.show_tab("appointments")
        panel.refresh()
        panel.form.set_value("consultation", consultation_id)
        panel.form.editor("department").setFocus()

    def show_tab(self, key: str) -> QWidget:
        index = next(i for i, s in enumerate(self.specs) if s[0] == key)
        self.tabs.setCurrentIndex(index)
        self._build(index)
        return self.panels[key]

    def retranslate(self) -> None:
        for i, (_key, title, _f) in enumerate(self.specs):
            self.tabs.setTabText(i, QCoreApplication.translate("ServiceDesk", title))
        if hasattr(self, "overdue_banner"):
            self._show_banner()
