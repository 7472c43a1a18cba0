"""The customer-service desk (客服): consultations, bookings, complaints and ratings, one tab
each (Alt+1 … Alt+5 switch tabs). Each tab is built the first time it is shown."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        for i in range(len(self.specs)):
            sc = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))
        self._build(0)
        self.retranslate()

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
        self.retranslate()

    def show_tab(self, key: str) -> QWidget:
        index = next(i for i, s in enumerate(self.specs) if s[0] == key)
        self.tabs.setCurrentIndex(index)
        self._build(index)
        return self.panels[key]

    def retranslate(self) -> None:
        for i, (_key, title, _f) in enumerate(self.specs):
            self.tabs.setTabText(i, QCoreApplication.translate("ServiceDesk", title))
