"""The Admin area: staff, house rules, settings, audit log and backups, one tab each.

The tabs mirror the domain's permissions (only administrators get them); the
domain refuses anyway, so a hidden button is a courtesy, not the protection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from frontdesk.permissions import Perm, allowed
from frontdesk.ui.widgets.retranslate import Retranslating


class AdminArea(Retranslating, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("adminArea")
        self.tabs: QTabWidget | None = None
        self.refused = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.refused.setObjectName("adminRefused")
        self.refused.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.refused)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)
        self.retranslate()
        ctx.changes.session_changed.connect(self.update_access)
        self.update_access()

    def update_access(self) -> None:
        """Build the tabs for an administrator; show why not to anyone else."""
        if allowed(self.ctx.staff, Perm.MANAGE_STAFF):
            if self.tabs is None:
                self._build_tabs()
            self.stack.setCurrentWidget(self.tabs)
        else:
            self.stack.setCurrentWidget(self.refused)

    def _build_tabs(self) -> None:
        from frontdesk.ui.admin.audit import AuditTab
        from frontdesk.ui.admin.backup import BackupTab
        from frontdesk.ui.admin.rules import DepartmentsTab, DoctorsTab, FeesTab, GroomingItemsTab
        from frontdesk.ui.admin.settings import SettingsTab
        from frontdesk.ui.admin.staff import StaffTab

        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.staff_tab = StaffTab(self.ctx)
        self.departments_tab = DepartmentsTab(self.ctx)
        self.doctors_tab = DoctorsTab(self.ctx)
        self.fees_tab = FeesTab(self.ctx)
        self.grooming_tab = GroomingItemsTab(self.ctx)
        self.settings_tab = SettingsTab(self.ctx)
        self.audit_tab = AuditTab(self.ctx)
        self.backup_tab = BackupTab(self.ctx)
        for tab in self._tab_list():
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.stack.addWidget(self.tabs)
        self.retranslate()

    def _tab_list(self) -> list[QWidget]:
        return [self.staff_tab, self.departments_tab, self.doctors_tab, self.fees_tab,
                self.grooming_tab, self.settings_tab, self.audit_tab, self.backup_tab]

    def _tab_shown(self, index: int) -> None:
        # The log and the backup folder change behind our back: re-read them when looked at.
        tab = self.tabs.widget(index)
        if tab in (self.audit_tab, self.backup_tab):
            tab.refresh()

    def retranslate(self) -> None:
        self.refused.setText(self.tr("Only administrators can use this area. Log in as an "
                                     "administrator (File → Switch user)."))
        if self.tabs is not None:
            titles = [self.tr("Staff"), self.tr("Departments"), self.tr("Doctors && schedule"),
                      self.tr("Fees"), self.tr("Grooming items"), self.tr("Settings"),
                      self.tr("Audit log"), self.tr("Backups")]
            for i, title in enumerate(titles):
                self.tabs.setTabText(i, title)
            self.tabs.setAccessibleName(self.tr("Administration"))
