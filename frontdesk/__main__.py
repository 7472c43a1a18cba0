import sys

# The report helper process (frontdesk.reports.render_process) is, in a frozen bundle, this
# program started again with --multiprocessing-fork: freeze_support() runs it as that helper
# (and exits) instead of opening a second desk. PyInstaller's multiprocessing runtime hook
# makes it work on Linux too. A source install starts the helper with python -c instead.
HELPER_PROCESSES = True
if getattr(sys, "frozen", False):
    import multiprocessing

    multiprocessing.freeze_support()

from frontdesk.cli import main  # noqa: E402 - after the helper's early exit

raise SystemExit(main())
