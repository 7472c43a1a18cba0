# ruff: noqa: F811 - `fx` is a fixture imported from tests.helpers.report_day
"""The printed daily summary is a summary: on a busy day it lists the call-backs to make
first (PRINTED_CALLBACKS of them) with the count and a line saying how many more there are
and that the full list is in the export; the screen, the CSV and the XLSX keep every row."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from frontdesk.reports import tables
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.export import to_csv, to_xlsx
from frontdesk.reports.model import CallbackRow, RedFlagVisit
from frontdesk.reports.pdf import render_daily_pdf

# The fixture-day fixtures, shared with the other report tests.
from tests.helpers.report_day import _report_day_template, fx  # noqa: F401

N = tables.PRINTED_CALLBACKS
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def phone(n: int) -> str:
    return f"139{n:08d}"


@pytest.fixture
def small(fx):
    return build_daily(fx.day, actor=SYSTEM, today=fx.today, full_phones=True)


@pytest.fixture
def busy(small):
    """The fixture day with N + 25 call-backs: #1 has no phone, #60 was a red-flag patient,
    every third a first visit."""
    start = dt.datetime.combine(small.day, dt.time(8, 0))
    rows = tuple(CallbackRow(1000 + n, f"患者{n}", "" if n == 1 else phone(n), f"R{n:05d}",
                             "内科", "Internal Medicine", "陈医生",
                             start + dt.timedelta(minutes=5 * n), n % 3 == 0)
                 for n in range(1, N + 26))
    flag = RedFlagVisit(1000 + 60, "急-001", "E-001", start, "急诊科", "Emergency", "胸痛",
                        "done")
    return replace(small, callbacks=rows, red_flags=(*small.red_flags, flag))


def test_the_printed_list_is_the_most_urgent_first_with_the_count(busy):
    table = next(t for t in tables.daily_tables(busy, printed=True) if t.key == "callbacks")
    numbers = [row[0] for row in table.rows]
    assert len(numbers) == N
    # the red-flag patient, then the first visits by arrival, then returns by arrival;
    # "#" stays the row's number in the full list (the export's)
    firsts = [n for n in range(2, N + 26) if n % 3 == 0 and n != 60]
    returns = [n for n in range(2, N + 26) if n % 3 and n != 60]
    assert numbers == ([60] + firsts + returns)[:N]
    assert 1 not in numbers  # no phone number: it cannot be called, it comes last
    assert table.lead.startswith(f"共 {N + 25} 位患者需要回访（初诊 {(N + 25) // 3} 位，危急 1 位，"
                                 "无电话 1 位）。")
    assert "另有 25 位未打印" in table.note and "XLSX / CSV" in table.note


def test_the_screen_and_the_exports_keep_every_row_in_arrival_order(busy):
    from openpyxl import load_workbook

    table = next(t for t in tables.daily_tables(busy) if t.key == "callbacks")
    assert [row[0] for row in table.rows] == list(range(1, N + 26))
    csv_text = to_csv(busy).decode("utf-8-sig")
    assert all(phone(n) in csv_text for n in range(2, N + 26))
    assert "另有" not in csv_text
    sheet = load_workbook(io.BytesIO(to_xlsx(busy)))["回访名单"]
    assert sum(1 for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)) == N + 25


@needs_poppler
def test_a_busy_days_pdf_prints_n_call_backs_and_says_how_many_more(busy, tmp_path):
    txt = pdf_text(render_daily_pdf(busy, printed_by="周主管"), tmp_path)
    printed = set(re.findall(r"139\d{8}", txt))
    assert len(printed) == N and phone(60) in printed and phone(74) not in printed
    tight = txt.replace(" ", "")
    assert f"共{N + 25}位患者需要回访" in tight and f"以下列出最需先回访的{N}位" in tight
    assert "另有25位未打印" in tight and "完整回访名单（共75位）在导出的XLSX/CSV文件中" in tight


@needs_poppler
def test_a_day_with_fewer_call_backs_prints_them_all(small, tmp_path):
    txt = pdf_text(render_daily_pdf(small), tmp_path)
    for number in ("13800000001", "13900000002", "13800000003"):
        assert number in txt
    tight = txt.replace(" ", "")
    assert "共3位患者需要回访" in tight and "另有" not in tight and "未打印" not in tight
    exactly = replace(small, callbacks=tuple(
        replace(small.callbacks[0], visit_id=5000 + n, phone=phone(n)) for n in range(N)))
    table = next(t for t in tables.daily_tables(exactly, printed=True) if t.key == "callbacks")
    assert len(table.rows) == N and table.note == ""


@needs_poppler
def test_the_english_pdf_says_it_too(busy, tmp_path):
    tight = pdf_text(render_daily_pdf(busy, lang="en"), tmp_path)
    assert f"{N + 25} patients to call back" in tight and "and 25 more, not printed" in tight
