"""PySide6 is spared its source scan of the modules imported after it
(ui/shell/import_scan.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import inspect, sys
from PySide6.QtWidgets import QApplication
if {skip}:
    from frontdesk.ui.shell.import_scan import skip_source_scan
    print("skipped", skip_source_scan())
read = []
real = inspect.getsource
def getsource(obj):
    read.append(getattr(obj, "__name__", "?"))
    return real(obj)
inspect.getsource = getsource
import linecache
linecache.clearcache()
# Not imported yet: a screen of the app, the ORM and parts of the standard library.
from frontdesk.ui.admin import area
import peewee, json.decoder, calendar
print("read", ",".join(sorted(read)))
print("cached", len(linecache.cache))
feature = sys.modules["shibokensupport.feature"].pyside_feature_dict
print("app", feature.get("frontdesk.ui.admin"))
print("other", feature.get("peewee"))
"""


def probe(skip: bool) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(skip=skip)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "HOME": str(ROOT)})
    assert out.returncode == 0, out.stderr
    return dict(line.split(" ", 1) if " " in line else (line, "")
                for line in out.stdout.splitlines())


def test_after_the_skip_no_module_source_is_read_or_kept():
    before = probe(skip=False)
    if not before["read"]:
        pytest.skip("this PySide6 no longer reads modules' source on import")
    assert "peewee" in before["read"].split(",")
    assert int(before["cached"]) > 10
    after = probe(skip=True)
    assert after["skipped"] == "True"
    assert after["read"] == ""
    assert after["cached"] == "0"
    # The app's modules: "uses PySide6, no feature" (0); the ORM "ignore" (-1), as the scan
    # found it. Either selects no feature.
    assert (after["app"], after["other"]) == ("0", "-1")
    assert before["other"] == "-1"
