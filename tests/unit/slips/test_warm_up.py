"""slips.warm_up: what the first slip of the day needs is loaded ahead (issue 20)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CHECK = """
import sys
from frontdesk import slips
from frontdesk.slips import fonts
assert "reportlab.pdfgen.canvas" not in sys.modules, "imported before the warm-up"
slips.warm_up()
from reportlab.pdfbase import pdfmetrics
assert "reportlab.pdfgen.canvas" in sys.modules
assert fonts.FONT_NAME in pdfmetrics.getRegisteredFontNames()
print("ok")
"""


def test_warm_up_loads_reportlab_and_the_slip_font_in_a_fresh_process():
    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
