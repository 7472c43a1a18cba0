"""Run slow domain work on one background thread; results come back on the UI thread.

One worker only: SQLite has a single writer anyway, and ordered execution
keeps "save, then refresh" sequences simple.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the caller's on_error on the UI thread
            log.debug("background task failed:\n%s", traceback.format_exc())
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskManager(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Call `fn()` off the UI thread; then `on_done(result)` or `on_error(exc)` on it."""
        relay = _Relay()
        self._relays.add(relay)  # keep it alive until a signal arrives

        def finish(cb, value):
            self._relays.discard(relay)
            if cb is not None:
                cb(value)
            elif isinstance(value, Exception):
                log.error("background task failed: %s", value)

        relay.done.connect(lambda r: finish(on_done, r))
        relay.failed.connect(lambda e: finish(on_error, e))
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
