"""The first guide slip of a session, in a new process (imports and font loading included).

    python bench/first_slip.py app    # frontdesk.slips.render_guide of the sample slip
    python bench/first_slip.py bare   # bench/slip_baseline.py: a bare reportlab page

Prints "first-slip: ms=…": from just before the first import the slip needs to
the PDF's bytes, measured inside the process (interpreter start is not the slip's).
Run after the desk's start-up imports (frontdesk.ui.shell.main_window), as in the app.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    import frontdesk.ui.shell.main_window  # noqa: F401 - what a desk has loaded already

    which = sys.argv[1] if len(sys.argv) > 1 else "app"
    t = time.perf_counter()
    if which == "app":
        from frontdesk.slips import render_guide
        from frontdesk.slips.samples import sample_guide_slip

        data = render_guide(sample_guide_slip())
    else:
        from bench.slip_baseline import bench_baseline

        data = bench_baseline()
    ms = (time.perf_counter() - t) * 1000
    print(f"first-slip: ms={ms:.2f} bytes={len(data)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
