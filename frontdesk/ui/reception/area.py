"""The reception area: the door guide's screen and the desk, one tab each.

导医(门口) is for the guide at the entrance (often a tablet); 导医台 is the desk
that runs the visit from triage to the escort. Alt+1 / Alt+2 switch.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from frontdesk.ui.reception.desk import DeskView
from frontdesk.ui.widgets.retranslate import Retranslating


class ReceptionArea(Retranslating, QWidget):
    """Door view and desk view; an arrival at the door shows up in the desk list at once."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("receptionArea")
        # The door panel is built when its tab is first shown (the desk is the usual
        # seat); until then its tab holds an empty page that will contain it.
        self._door = None
        self._door_page = QWidget()
        self._door_page.setObjectName("doorPage")
        door_layout = QVBoxLayout(self._door_page)
        door_layout.setContentsMargins(0, 0, 0, 0)
        self.desk = DeskView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("receptionTabs")
        self.tabs.tabBar().setObjectName("receptionTabBar")  # its rule styles the tabs only
        self.tabs.addTab(self._door_page, "")
        self.tabs.addTab(self.desk, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        for i, key in enumerate(("Alt+1", "Alt+2")):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))
        # A desk is the usual seat; the door tab is one key away.
        self.tabs.setCurrentWidget(self.desk)
        self.tabs.currentChanged.connect(self._focus_tab)
        self.retranslate()

    @property
    def door(self):
        """The door guide's panel (built on first use)."""
        if self._door is None:
            from frontdesk.ui.reception.door import DoorPanel

            self._door = DoorPanel(self.ctx)
            self._door_page.layout().addWidget(self._door)
            self._door.show()  # now, not on the next event-loop turn: it may take focus at once
        return self._door

    def show_door(self):
        self.tabs.setCurrentWidget(self._door_page)
        return self.door

    def show_desk(self) -> DeskView:
        self.tabs.setCurrentWidget(self.desk)
        return self.desk

    def _focus_tab(self, _index: int) -> None:
        # Keys must work at once after switching: focus the tab's main control.
        if self.tabs.currentWidget() is self._door_page:
            self.door.focus_default()
        else:
            self.desk.focus_default()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Door (Alt+1)"))
        self.tabs.setTabText(1, self.tr("Desk (Alt+2)"))
        self.tabs.setTabToolTip(0, self.tr("The guide at the entrance: greet and hand over"))
        self.tabs.setTabToolTip(1, self.tr("Triage, registration, billing and escort"))
        self.setAccessibleName(self.tr("Reception"))
