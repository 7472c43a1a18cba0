"""Start-up imports only what the first screen needs (reception desk, empty step).

A real `python -m frontdesk --smoke` run (the main window with the reception
area built and shown, on a copy of the demo hospital) lists the modules it
holds at exit.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Libraries and modules for features the first screen does not show.
NOT_AT_START = (
    "reportlab", "openpyxl", "argon2", "pypinyin", "psycopg2",
    "frontdesk.commands", "frontdesk.reports", "frontdesk.staffing.grooming",
    "frontdesk.admin",  # the package: rule edits, backup, print prefs, audit words
    "frontdesk.ui.reception.steps", "frontdesk.ui.reception.registration",
    "frontdesk.ui.reception.triage", "frontdesk.ui.reception.billing",
    "frontdesk.ui.reception.escort", "frontdesk.ui.reception.door",
    "frontdesk.ui.queue.board", "frontdesk.ui.reports.area", "frontdesk.ui.admin.area",
    "frontdesk.ui.service", "frontdesk.service", "frontdesk.queue.clinic",
    "frontdesk.queue.clinic_rules", "frontdesk.ui.queue", "frontdesk.voice",
    "frontdesk.ui.staffing", "frontdesk.staffing.roster", "frontdesk.live.server",
    "frontdesk.triage",  # the package: engine, safety net, backstop, learning
    # The desk's write paths: the first screen only reads (warm_up_desk loads them after).
    "frontdesk.reception.steps", "frontdesk.reception.deferred", "frontdesk.fees",
    # The patient record (lookup, duplicates, the registration form): loaded after the
    # first frame by warm_up_desk; the visit list needs only an age (clock.age_on).
    "frontdesk.patients", "frontdesk.patient_form",
    "frontdesk.queue.board",  # the waiting board: its own area
)


PROBE = (
    "import atexit, runpy, sys\n"
    "atexit.register(lambda: print('MODULES', *sorted(k for k, v in sys.modules.items()"
    " if v is not None)))\n"
    "sys.argv = ['frontdesk', *sys.argv[1:]]\n"
    "runpy.run_module('frontdesk', run_name='__main__')\n"
)


def _imported_at_start(db_path: Path, tmp_path: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               FRONTDESK_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", f"sqlite:///{db_path}", "--smoke"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "shown=True" in out.stdout
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def test_start_up_imports_only_the_first_screen(demo_db, tmp_path):
    modules = _imported_at_start(Path(demo_db.database), tmp_path)
    assert "frontdesk.ui.reception.desk" in modules  # the probe sees the real first screen
    loaded = sorted(m for m in modules
                    if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert loaded == []
