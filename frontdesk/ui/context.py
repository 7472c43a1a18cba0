"""What every screen needs, passed in explicitly (no global main-window object)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from frontdesk.ui.tasks import TaskManager


class Changes(QObject):
    """One "what changed" hub: screens refresh only what they show."""

    visits_changed = Signal()
    patients_changed = Signal()
    staff_changed = Signal()
    rules_changed = Signal()
    grooming_changed = Signal()
    settings_changed = Signal()
    session_changed = Signal()  # log-in, switch user, lock, unlock


@dataclass
class AppContext:
    db_url: str
    staff: object | None = None  # the logged-in Staff row
    changes: Changes = field(default_factory=Changes)
    tasks: TaskManager = field(default_factory=TaskManager)
    demo: bool = False

    def set_staff(self, staff) -> None:
        self.staff = staff
        self.changes.session_changed.emit()
