"""The first guide slip of a session, in a new process (imports and font loading included).

    python bench/first_slip.py app    # frontdesk.slips.render_guide of the sample slip
    python bench/first_slip.py bare   # bench/slip_baseline.py: a bare reportlab page, its
                                      # font parsed by reportlab (TTFont), as any program does
    python bench/first_slip.py bare-cached    # the same page, the font from the app's cache
    python bench/first_slip.py started        # the first slip in a started desk: after the
    python bench/first_slip.py bare-started   # app's printing warm-up / one bare page first

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
    if which == "started":
        # What a logged-in desk does on its worker after the first frame (ui/shell/app.py).
        from frontdesk.ui.shell.app import warm_up_printing

        warm_up_printing()
    elif which == "bare-started":
        from bench.slip_baseline import bench_baseline, register_bare_font

        register_bare_font()
        bench_baseline()
    t = time.perf_counter()
    if which == "started":
        from dataclasses import replace

        from frontdesk.slips import render_guide
        from frontdesk.slips.samples import sample_guide_slip

        # Another patient than the warm-up's sample, so no glyph subset is reused as is.
        data = render_guide(replace(sample_guide_slip(visit_id=456), patient_name="李秀英",
                                    queue_number="外-031", department="外科"))
    elif which == "app":
        from frontdesk.slips import render_guide
        from frontdesk.slips.samples import sample_guide_slip

        data = render_guide(sample_guide_slip())
    else:
        from bench.slip_baseline import bench_baseline, register_bare_font

        if which == "bare":
            register_bare_font()  # else (bare-cached) slip_texts' ensure_font: the cache
        data = bench_baseline()
    ms = (time.perf_counter() - t) * 1000
    print(f"first-slip: ms={ms:.2f} bytes={len(data)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
