"""Big reports render in a helper process (issue 20): the same bytes as in-thread, at the
caller's clock time and language; a dead helper falls back to rendering in-thread."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from frontdesk import i18n
from frontdesk.reports import render_process
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.export import render


@pytest.fixture
def summary(fx):
    return build_daily(fx.day, actor=SYSTEM, today=fx.today, full_phones=True)


@pytest.fixture(autouse=True)
def _stop_helper():
    yield
    render_process.shutdown()


def render_both(summary, fmt: str) -> tuple[bytes, bytes]:
    here = render_process.render(render, summary, fmt, printed_by_name="张护士", separate=False)
    there = render_process.render(render, summary, fmt, printed_by_name="张护士", separate=True)
    return here, there


def test_the_helper_gives_the_same_csv_and_xlsx_text(summary):
    here, there = render_both(summary, ".csv")
    assert here == there
    i18n.set_language("en")
    here, there = render_both(summary, ".csv")
    assert here == there


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_the_helper_gives_the_same_pdf_text(summary, tmp_path):
    texts = []
    for data in render_both(summary, ".pdf"):
        path = tmp_path / "r.pdf"
        path.write_bytes(data)
        texts.append(subprocess.run(["pdftotext", "-layout", str(path), "-"],
                                    capture_output=True, text=True, check=True).stdout)
    assert texts[0] == texts[1] and "张护士" in texts[1]


def test_only_big_reports_go_to_the_helper(summary, monkeypatch):
    assert not render_process.use_process(summary)  # the fixture day is small
    monkeypatch.setattr(render_process, "PROCESS_MIN_ROWS", 1)
    assert render_process.use_process(summary)


def test_a_dead_helper_falls_back_to_rendering_here(summary, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Dead:
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("killed")

    monkeypatch.setattr(render_process, "_executor", lambda: Dead())
    here = render_process.render(render, summary, ".csv", separate=False)
    assert render_process.render(render, summary, ".csv", separate=True) == here


def test_the_helper_ends_when_the_desk_dies(tmp_path):
    import os
    import sys
    import time

    script = tmp_path / "desk.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(os.getcwd())!r})\n"
        "if __name__ == '__main__':\n"
        "    from frontdesk.reports import render_process\n"
        "    print(render_process._executor().submit(os.getpid).result(), flush=True)\n"
        "    os._exit(0)  # killed or crashed: no shutdown\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         check=True, timeout=120)
    helper = int(out.stdout.split()[0])
    for _ in range(100):
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail("the helper process outlived the desk")
