"""Every UI string has a Chinese translation, and the compiled .qm matches the dictionaries."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_is_translated_and_qm_is_current():
    out = subprocess.run([sys.executable, "-m", "tools.i18n", "--check"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
