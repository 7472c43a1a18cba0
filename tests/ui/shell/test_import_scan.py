"""PySide6 is spared its source scan of the app's modules (ui/shell/import_scan.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.ui.shell.import_scan import app_module_names

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import inspect, sys
from PySide6.QtWidgets import QApplication
if {skip}:
    from frontdesk.ui.shell.import_scan import skip_source_scan
    print("recorded", skip_source_scan())
read = []
real = inspect.getsource
def getsource(obj):
    read.append(getattr(obj, "__name__", "?"))
    return real(obj)
inspect.getsource = getsource
from frontdesk.ui.admin import area  # a screen not imported yet
print("read", ",".join(sorted(n for n in read if n.startswith("frontdesk"))))
"""


def probe(skip: bool) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(skip=skip)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "HOME": str(ROOT)})
    assert out.returncode == 0, out.stderr
    return dict(line.split(" ", 1) if " " in line else (line, "")
                for line in out.stdout.splitlines())


def test_every_module_of_the_package_is_named():
    names = set(app_module_names())
    assert {"frontdesk", "frontdesk.reception", "frontdesk.ui.shell.app",
            "frontdesk.ui.shell.import_scan", "frontdesk.db.models"} <= names
    assert not any(n.endswith(".__init__") for n in names)


def test_after_the_skip_no_app_module_source_is_read():
    before = probe(skip=False)
    if not before["read"]:
        pytest.skip("this PySide6 no longer reads modules' source on import")
    after = probe(skip=True)
    assert int(after["recorded"]) > 100
    assert after["read"] == ""
