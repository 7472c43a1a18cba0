"""One clock: only frontdesk/clock.py reads the system's date and time.

Like the layering test, this reads the source: every module of the app, the
benchmarks and the tools, and every test, is parsed and any read of the wall
clock outside frontdesk/clock.py fails the suite.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from frontdesk import clock as app_clock
from tests.helpers.clock import TEST_NOW

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {ROOT / "frontdesk" / "clock.py"}

# (owner, attribute): `datetime.now`, `dt.date.today`, `time.time`, `QDate.currentDate`…
_WALL_CLOCK = {
    ("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
    ("time", "ctime"), ("time", "asctime"),
    ("QDate", "currentDate"), ("QDateTime", "currentDateTime"), ("QTime", "currentTime"),
    ("QDateTime", "currentDateTimeUtc"), ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, expression) for every reference to a wall-clock reader in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        if (name, node.attr) in _WALL_CLOCK:
            found.append((node.lineno, f"{name}.{node.attr}"))
    for node in ast.walk(ast.parse(source)):
        # `from datetime import datetime` then `datetime.now` is caught above; a bare
        # `from time import time` hides the reader behind its own name.
        if isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if (node.module, alias.name) in {("time", "time"), ("time", "localtime"),
                                                 ("time", "time_ns")}:
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
    return found


def _sources() -> list[Path]:
    paths = []
    for folder in ("frontdesk", "bench", "tools", "tests", "installer"):
        paths += sorted((ROOT / folder).rglob("*.py"))
    return [p for p in paths if p not in ALLOWED and ".cache" not in p.parts]


def test_only_the_clock_module_reads_the_wall_clock():
    offenders = []
    for path in _sources():
        for line, what in wall_clock_reads(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not offenders, "read the time through frontdesk.clock:\n" + "\n".join(offenders)


@pytest.mark.parametrize("snippet", [
    "import datetime as dt\nx = dt.datetime.now()",
    "import datetime as dt\nx = dt.date.today()",
    "from datetime import date\nx = date.today()",
    "from datetime import datetime\nf = datetime.now",  # a reference, not only a call
    "import time\nx = time.time()",
    "from time import time",
    "from PySide6.QtCore import QDate\nx = QDate.currentDate()",
])
def test_the_rule_catches_each_way_of_reading_the_clock(snippet):
    assert wall_clock_reads(snippet)


def test_the_rule_leaves_monotonic_timers_and_plain_dates_alone():
    assert not wall_clock_reads("import time\nt = time.monotonic(); p = time.perf_counter()\n"
                                "import datetime as dt\nd = dt.date(2026, 1, 1)")


def test_the_tests_run_on_the_pinned_day_whatever_the_machine_says():
    assert app_clock.today() == TEST_NOW.date() and not app_clock.is_system()
    assert dt.timedelta(0) <= app_clock.now() - TEST_NOW < dt.timedelta(minutes=5)


def test_travel_moves_freezes_and_runs(clock):
    # `clock` is the fixture (a frontdesk.clock.Travel); app_clock is what the app reads.
    start = dt.datetime(2028, 2, 29, 2, 30)
    clock.freeze(start)
    assert app_clock.now() == start and app_clock.today() == dt.date(2028, 2, 29)
    clock.advance(days=1)
    assert app_clock.today() == dt.date(2028, 3, 1)
    clock.run()
    assert app_clock.now() >= start + dt.timedelta(days=1)


def test_age_on_counts_whole_years_to_the_day_and_defaults_to_today(clock):
    import datetime as dt

    from frontdesk import clock as the_clock

    birth = dt.date(1990, 11, 24)
    assert the_clock.age_on(birth, dt.date(2026, 11, 23)) == 35  # the day before
    assert the_clock.age_on(birth, dt.date(2026, 11, 24)) == 36  # the birthday
    assert the_clock.age_on(dt.date(2000, 2, 29), dt.date(2026, 2, 28)) == 25
    assert the_clock.age_on(dt.date(2000, 2, 29), dt.date(2026, 3, 1)) == 26
    assert the_clock.age_on(None) is None
    assert the_clock.age_on(dt.date(2030, 1, 1), dt.date(2026, 1, 1)) == 0  # never negative
    today = the_clock.today()
    assert the_clock.age_on(today.replace(year=today.year - 40)) == 40
