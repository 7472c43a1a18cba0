"""What every screen needs, passed in explicitly (no global main-window object).

`AppContext.run` is the one runner for domain operations: it runs the call (at
once, or on the worker), hands the result or the FrontdeskError to the caller,
then emits the "what changed" signals the operations declared
(frontdesk/changes.py). Widgets never emit `ctx.changes` signals themselves.

Another station saving never freezes the window for long: a call at once waits
only briefly (frontdesk/db/busy.py, 250 ms on SQLite) for the write lock that
station holds, where the worker waits the full 5 s. When a call at once is
refused that way and the caller gave both `on_done` and `on_error`, it is not
the end: `on_error` gets a `BusyRetrying` notice at once ("another station is
saving; trying again…"), the same operation runs again on the worker, and its
outcome reaches `on_done` / `on_error` and the change signals as usual. Only a
refusal the database reported with its own lock error code is re-run (the
transaction did not commit); a ConflictError or any other refusal is final, and
a caller without both callbacks gets the DatabaseBusy as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from frontdesk.changes import ChangeBox, Changed, collecting
from frontdesk.db.busy import brief_lock_wait, lock_refused
from frontdesk.db.faults import is_driver_error, translate
from frontdesk.errors import BusyRetrying, ConflictError, DatabaseBusy, FrontdeskError
from frontdesk.ui.tasks import TaskManager

log = logging.getLogger(__name__)


class Changes(QObject):
    """One "what changed" hub: screens refresh only what they show."""

    visits_changed = Signal()
    patients_changed = Signal()
    staff_changed = Signal()
    rules_changed = Signal()
    grooming_changed = Signal()
    settings_changed = Signal()
    session_changed = Signal()  # log-in, switch user, lock, unlock
    queue_changed = Signal()
    roster_changed = Signal()
    service_changed = Signal()
    # Other stations' changes, with the ids they name (frontdesk/ui/shell/live.py), just
    # before the kinds' own signals: {Changed.X: frozenset of ids, or None when some change
    # of that kind named none}. A screen may refresh only those rows.
    rows_changed = Signal(object)

    def emit_remote(self, changed: Changed, rows: dict) -> None:
        """What other stations committed (frontdesk/ui/shell/live.py): the rows, then kinds."""
        self.rows_changed.emit(rows)
        self.emit_changes(changed)

    def emit_changes(self, changed: Changed) -> None:
        """Emit the signal of each kind in `changed`, in a fixed order."""
        for kind, signal in ((Changed.VISITS, self.visits_changed),
                             (Changed.PATIENTS, self.patients_changed),
                             (Changed.STAFF, self.staff_changed),
                             (Changed.RULES, self.rules_changed),
                             (Changed.GROOMING, self.grooming_changed),
                             (Changed.SETTINGS, self.settings_changed),
                             (Changed.QUEUE, self.queue_changed),
                             (Changed.ROSTER, self.roster_changed),
                             (Changed.SERVICE, self.service_changed),
                             (Changed.SESSION, self.session_changed)):
            if kind in changed:
                signal.emit()


@dataclass
class AppContext:
    db_url: str
    staff: object | None = None  # the logged-in Staff row
    changes: Changes = field(default_factory=Changes)
    tasks: TaskManager = field(default_factory=TaskManager)
    demo: bool = False

    def set_staff(self, staff) -> None:
        """Someone logged in (or unlocked as someone else): screens re-check what they show."""
        self.staff = staff
        self.changes.emit_changes(Changed.SESSION)

    def session_locked(self) -> None:
        """The screen locked: screens re-check what they show (nothing else changed)."""
        self.changes.emit_changes(Changed.SESSION)

    def run(self, op: Callable[..., Any], /, *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None,
            background: bool = False, **kwargs: Any) -> Any:
        """Run the domain operation `op(*args, **kwargs)` and announce what it changed.

        At once (the default, when the screen needs the result now): returns the
        result after `on_done(result)`, or None after `on_error(exc)` for a
        FrontdeskError (re-raised when there is no `on_error`); anything else is
        a bug and propagates. With `background=True` the call runs on the worker
        (ctx.tasks) and every failure goes to `on_error`.

        The signals follow the caller's callback (the screen shows its own
        result first, then every screen refreshes): what the operations that
        ran declared, or on a ConflictError what the refused one declared (the
        data changed elsewhere). Nothing is emitted for any other failure.

        A driver error (sqlite3, psycopg2, peewee) is never a bug of the screen:
        it becomes the FrontdeskError of frontdesk.db.faults (another desk is
        writing, the server cannot be reached, the file is damaged, or the
        database refused) and goes where any refusal goes; the original is logged.
        At once, a write lock held by another station is waited for only briefly;
        with both callbacks the call then runs again on the worker after a
        BusyRetrying notice to `on_error` (see the module's docstring).
        """
        box = ChangeBox()

        def call():
            with collecting(box):
                try:
                    return op(*args, **kwargs)
                except Exception as exc:
                    # A driver error (locked file, server gone, damaged file) is a sentence
                    # for the user like any refusal; the original goes to the log.
                    if not is_driver_error(exc):
                        raise
                    raise translate(exc, what=getattr(op, "__name__", "")) from exc

        def done(result):
            if on_done is not None:
                on_done(result)
            self.changes.emit_changes(box.changed)
            return result

        def failed(exc: Exception) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("operation %s failed: %s", getattr(op, "__name__", op), exc)
            if isinstance(exc, ConflictError):
                self.changes.emit_changes(box.changed)

        if background:
            self.tasks.run(call, done, failed)
            return None
        try:
            with brief_lock_wait():  # another station saving: no long freeze here
                result = call()
        except FrontdeskError as exc:
            if on_error is None:
                if isinstance(exc, ConflictError):
                    self.changes.emit_changes(box.changed)
                raise
            if (on_done is not None and isinstance(exc, DatabaseBusy)
                    and lock_refused(exc.__cause__)
                    and threading.current_thread() is threading.main_thread()):
                # Nothing was committed: tell the caller, then wait for the lock on the worker.
                log.info("%s: the write lock is busy; running it again on the worker",
                         getattr(op, "__name__", op))
                on_error(BusyRetrying("另一台电脑正在保存，稍候自动重试…",
                                      "Another station is saving; trying again…"))
                box.changed = Changed.NONE
                self.tasks.run(call, done, failed)
                return None
            failed(exc)
            return None
        return done(result)
