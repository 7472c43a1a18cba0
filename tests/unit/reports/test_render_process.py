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


def test_a_summary_crosses_the_pipe_in_short_pieces(summary, monkeypatch):
    monkeypatch.setattr(render_process, "PACK_ROWS", 2)
    assert len(summary.callbacks) > 2
    pieces = render_process.pack(summary)
    assert len(pieces) > 2  # the long lists go a few rows at a time
    assert render_process.unpack(pieces) == summary


def test_a_big_day_is_built_in_the_helper_the_same(fx):
    import datetime as dt

    now = dt.datetime.combine(fx.day, dt.time(18, 0))
    here = build_daily(fx.day, actor=SYSTEM, today=fx.today, now=now, full_phones=True)
    there = build_daily(fx.day, actor=SYSTEM, today=fx.today, now=now, full_phones=True,
                        separate=True)
    assert render_process._pool is not None  # the helper made it
    assert there == here
    masked = build_daily(fx.day, actor=SYSTEM, today=fx.today, now=now, separate=True)
    assert masked.callbacks and all("*" in c.phone for c in masked.callbacks if c.phone)


def test_the_helper_makes_the_screens_charts_beside_the_summary(fx):
    from frontdesk.reports import charts

    here, here_pdfs = build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=False,
                                  then=charts.chart_pdfs)
    there, there_pdfs = build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=True,
                                    then=charts.chart_pdfs)
    assert render_process._pool is not None
    assert there.callbacks == here.callbacks
    assert len(there_pdfs) == len(here_pdfs) == 3
    assert all(pdf.startswith(b"%PDF") for pdf in there_pdfs)


def test_only_big_days_are_built_in_the_helper(fx, monkeypatch):
    seen = []
    real = render_process.build

    def spy(gather, *args, separate, then=None):
        seen.append(separate)
        return real(gather, *args, separate=False, then=then)

    monkeypatch.setattr(render_process, "build", spy)
    build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=None)
    monkeypatch.setattr(render_process, "PROCESS_MIN_VISITS", 1)
    build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=None)
    build_daily(fx.day, actor=SYSTEM, today=fx.today)  # the default: here
    assert seen == [False, True, False]


def test_a_helper_that_cannot_build_leaves_it_to_this_thread(fx, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Dead:
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("killed")

    here = build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=False)
    monkeypatch.setattr(render_process, "_executor", lambda: Dead())
    there = build_daily(fx.day, actor=SYSTEM, today=fx.today, separate=True)
    assert there.callbacks == here.callbacks and there.totals == here.totals


def test_a_frozen_bundle_uses_the_helper_only_with_freeze_support(monkeypatch):
    import sys
    import types

    assert render_process.helpers_allowed()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    assert not render_process.helpers_allowed()
    sys.modules["__main__"].HELPER_PROCESSES = True
    assert render_process.helpers_allowed()


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


# --- errors in the helper: the report's own at once, the helper's own falls back ----------

IN_THREAD: list = []  # what the functions below did in this (the desk's) process


def _in_helper() -> bool:
    import multiprocessing

    return multiprocessing.parent_process() is not None


def gather_failing(how: str):
    """A build that fails in the helper as `how` says, and works here."""
    import os

    if not _in_helper():
        IN_THREAD.append(how)
        return "built here"
    if how == "frontdesk":
        from frontdesk.errors import ValidationError

        raise ValidationError("这一天的数据有误。", "The day's data is wrong.", field="date")
    if how == "database":
        from peewee import OperationalError

        raise OperationalError("database is locked")
    if how == "died":
        os._exit(3)
    raise AssertionError(how)


def render_failing(summary, fmt, *, printed_by_name="", lang=None):
    if not _in_helper():
        IN_THREAD.append(fmt)
        return b"rendered here"
    from frontdesk.errors import ConfigError

    raise ConfigError("找不到中文字体。", "The Chinese font is missing.")


@pytest.fixture
def in_thread(fx):
    IN_THREAD.clear()
    yield IN_THREAD
    IN_THREAD.clear()


def test_the_builds_own_error_is_reported_at_once(in_thread):
    from peewee import OperationalError

    from frontdesk.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        render_process.build(gather_failing, "frontdesk", separate=True)
    assert caught.value.message("zh_CN") == "这一天的数据有误。"
    assert caught.value.message("en") == "The day's data is wrong."
    assert caught.value.field == "date"
    with pytest.raises(OperationalError, match="database is locked"):
        render_process.build(gather_failing, "database", separate=True)
    assert in_thread == []  # neither was built a second time here
    assert render_process._pool is not None  # and the helper lives on


def test_a_helper_that_dies_leaves_the_build_to_this_thread(in_thread):
    assert render_process.build(gather_failing, "died", separate=True) == "built here"
    assert in_thread == ["died"]


def test_the_renderings_own_error_is_reported_at_once(summary, in_thread):
    from frontdesk.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        render_process.render(render_failing, summary, ".pdf", separate=True)
    assert caught.value.message("en") == "The Chinese font is missing."
    assert in_thread == []


def test_a_helper_that_cannot_start_leaves_the_rendering_to_this_thread(summary, in_thread,
                                                                        monkeypatch):
    class CannotStart:
        def submit(self, *args, **kwargs):
            raise OSError("fork: Resource temporarily unavailable")

    monkeypatch.setattr(render_process, "_executor", lambda: CannotStart())
    assert render_process.render(render_failing, summary, ".pdf", separate=True) == \
        b"rendered here"
    assert render_process.build(gather_failing, "frontdesk", separate=True) == "built here"
    assert in_thread == [".pdf", "frontdesk"]
