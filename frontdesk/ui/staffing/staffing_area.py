"""The supervisor's staffing in the navigation of its own: roster, swaps, leave, the ledger.

Tabs: the week roster (supervisors), swaps and leave (everyone on the front line
asks; supervisors approve), rules broken and rewards with the monthly report
(supervisors), and the fines list (administrators: switch rules off, add
behaviour items to the pre-shift check). Tabs hide what the domain would refuse.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from frontdesk.permissions import Perm, allowed
from frontdesk.ui.staffing.ledger_tab import LedgerTab, RulesListTab
from frontdesk.ui.staffing.requests import LeaveTab, SwapsTab
from frontdesk.ui.staffing.roster_week import RosterWeekTab
from frontdesk.ui.widgets.retranslate import Retranslating

WEEK, SWAPS, LEAVE, LEDGER, RULES = range(5)


class StaffingArea(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffingArea")
        self.notice = QLabel()
        self.notice.setObjectName("staffingNotice")
        self.notice.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("staffingTabs")
        self.week = RosterWeekTab(ctx)
        self.swaps = SwapsTab(ctx)
        self.leave = LeaveTab(ctx)
        self.ledger = LedgerTab(ctx)
        self.rules_list = RulesListTab(ctx)
        for tab in self._pages():
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        ctx.changes.session_changed.connect(self._session_changed)
        self.retranslate()

    def _pages(self):
        return (self.week, self.swaps, self.leave, self.ledger, self.rules_list)

    def retranslate(self) -> None:
        self.tabs.setTabText(WEEK, self.tr("Roster"))
        self.tabs.setTabText(SWAPS, self.tr("Swaps"))
        self.tabs.setTabText(LEAVE, self.tr("Leave"))
        self.tabs.setTabText(LEDGER, self.tr("Rules broken and rewards"))
        self.tabs.setTabText(RULES, self.tr("Fines list"))
        self.tabs.setAccessibleName(self.tr("Staffing"))
        self._session_changed()

    def _session_changed(self) -> None:
        actor = self.ctx.staff
        for index, perm in ((WEEK, Perm.MANAGE_ROSTER), (SWAPS, Perm.REQUEST_ROSTER),
                            (LEAVE, Perm.REQUEST_ROSTER), (LEDGER, Perm.MANAGE_ROSTER),
                            (RULES, Perm.MANAGE_RULES)):
            self.tabs.setTabVisible(index, allowed(actor, perm))
        if actor is None:
            self.notice.setText(self.tr("Log in to see the roster."))
        elif not allowed(actor, Perm.MANAGE_ROSTER) and allowed(actor, Perm.REQUEST_ROSTER):
            self.notice.setText(self.tr("The supervisor makes the roster; ask for a swap or "
                                        "leave here."))
        else:
            self.notice.setText("")
        self.notice.setVisible(bool(self.notice.text()))
        for tab in self._pages():
            tab.refresh()
