"""Start-up to the first painted frame, and the process's own peak memory.

    python bench/first_paint.py --db sqlite:///x.sqlite3   # the app (frontdesk --smoke)
    python bench/bare_qt.py                                 # the baseline (uses watch())

The parent (bench/run.py) reads CLOCK_MONOTONIC just before it spawns the
process; the process prints CLOCK_MONOTONIC when its main window has finished
painting its first frame, and its own peak resident memory (VmHWM of
/proc/self/status, read by itself: a child's ru_maxrss can carry the parent's
peak across fork/exec), then leaves at once: what follows the first frame
(the smoke timer, the page check of a 1 GB file, teardown) is not start-up.

The first frame: the first Paint event delivered to the main window or one of
its children; the frame is done when control returns to the event loop
(Qt paints a whole window in one synchronous pass), so a zero timer marks it.
The app's first frame is its window in the shapes of the desk (ui/shell/skeleton.py);
"ready" is the first frame of the built window, with the day's visits (the same
frame for the bare window). Both processes install the same filter, so its cost is
in both.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "first-paint:"


def vm_hwm_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def watch(app, window_type) -> None:
    """Report the first frame painted by a `window_type` window and the first frame of it
    built (`attached`: the app's window shows its layout in shapes first, then the desk;
    a bare window is built from the start), then exit the process."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        first: tuple[int, float] | None = None  # (painted_ns, vm_hwm_mb)
        pending = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if not self.pending and event.type() == QEvent.Type.Paint:
                win = obj.window() if hasattr(obj, "window") else None
                if isinstance(win, window_type):
                    self.pending = True
                    built = getattr(win, "attached", True)
                    QTimer.singleShot(0, lambda: self.done(built))
            return False

        def done(self, built: bool) -> None:
            painted = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
            peak = vm_hwm_mb()
            self.pending = False
            if self.first is None:
                self.first = (painted, peak)
            if not built:
                return  # the desk's own first frame is still to come
            visible = any(isinstance(w, window_type) and w.isVisible()
                          for w in app.topLevelWidgets())
            print(f"{MARK} painted_ns={self.first[0]} vm_hwm_mb={self.first[1]:.2f} "
                  f"ready_ns={painted} ready_vm_hwm_mb={peak:.2f} shown={visible}",
                  flush=True)
            sys.stderr.flush()
            os._exit(0 if visible else 1)

    app._first_paint = FirstPaint(app)  # kept alive with the application
    app.installEventFilter(app._first_paint)


def parse(stdout: str) -> dict[str, str]:
    """The fields of the first-paint line in a process's output (empty if none)."""
    for line in stdout.splitlines():
        if line.startswith(MARK):
            return dict(part.split("=", 1) for part in line[len(MARK):].split())
    return {}


def main() -> int:
    """Run the app as `python -m frontdesk --smoke ARGS` does, watching its main window."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from frontdesk.ui.shell import app as shell

    make = shell.make_application

    def make_and_watch(**kwargs):
        application = make(**kwargs)
        from frontdesk.ui.shell.main_window import MainWindow

        watch(application, MainWindow)
        return application

    shell.make_application = make_and_watch
    from frontdesk.cli import main as cli_main

    return cli_main([*sys.argv[1:], "--smoke"])


if __name__ == "__main__":
    raise SystemExit(main())
