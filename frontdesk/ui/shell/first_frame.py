"""Run something once the main window's first frame is on the screen.

Start-up work that can wait (the triage rules, reportlab, the page check) runs on the
worker thread. Started at the event loop's first turn it ran while the window was
still waiting to be exposed and painted; painting calls Python (models, the coach's
box), and each of those calls then waited for the worker to let go of the
interpreter lock. Started after the first frame, it costs the nurse nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (minimised at start, no compositor) still gets its
# start-up work, this long after it was shown.
FALLBACK_MS = 3000

_PAINT = QEvent.Type.Paint


class _FirstFrame(QObject):
    """Watches `window`'s own events until it is painted.

    The window itself, not the application: an application-wide filter in Python saw
    every event of every widget (the whole desk being built and laid out, ~1,300 events
    of a start, each converted for Python) for one Paint. A window's frame is painted in
    one pass that starts with the window itself.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if self._then is not None and event.type() == _PAINT:
            # The frame is painted in one pass from here: what follows it, after the pass.
            QTimer.singleShot(0, self, self._run)
            self._window.removeEventFilter(self)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._window.removeEventFilter(self)
        self.deleteLater()  # and with it the fallback's timer, which has nothing left to do
        then()


def after_first_frame(window: QWidget, then: Callable[[], None]) -> None:
    """Call `then()` on the UI thread once `window` has painted its first frame (or
    FALLBACK_MS after this call if it never does); once, and never if the window is
    deleted first."""
    _FirstFrame(window, then)
