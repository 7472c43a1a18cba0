"""PDF, CSV and XLSX of the fixture day: the same numbers, Chinese intact, files written whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess

import pytest

from frontdesk.db.models import AuditLog
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.export import record_print, report_pdf, save_report, to_csv, to_xlsx
from frontdesk.reports.pdf import render_daily_pdf, render_range_pdf
from frontdesk.reports.range import build_range

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout


@pytest.fixture
def summary(fx):
    return build_daily(fx.day, actor=SYSTEM, today=fx.today, full_phones=True)


@needs_poppler
def test_pdf_has_chinese_headings_numbers_and_page_furniture(summary, tmp_path):
    data = render_daily_pdf(summary, printed_by="雷婷婷",
                            printed_at=dt.datetime(2026, 11, 20, 18, 30))
    assert data.startswith(b"%PDF")
    txt = pdf_text(data, tmp_path)
    for heading in ("测试医院", "每日工作汇总 2026-11-20（星期五）", "概况", "分类统计", "流程时间",
                    "员工工作量", "仪容与考勤", "交接班记录", "回访名单", "按到院时段", "按科室",
                    "按媒体来源", "预约到诊", "危急（红旗）患者", "中途离开及原因"):
        assert heading in txt, heading
    assert "打印人：雷婷婷" in txt and "2026-11-20 18:30" in txt
    pages = txt.count("\f")
    tight = txt.replace(" ", "")  # pdftotext drops the spaces beside CJK characters
    assert pages >= 3 and f"第1/{pages}页" in tight and f"第{pages}/{pages}页" in tight
    assert "内部资料" in txt and "注意保密" in txt
    # key numbers: the phone numbers in full, the flow medians in minutes, the fines
    for phone in ("13800000001", "13900000002", "13800000003"):
        assert phone in txt
    assert "25.0" in txt and "20.0" in txt  # door → doctor median, today and previous week
    assert "等候时间太长" in txt and "胸痛半小时" in txt and "打印机缺纸" in txt


@needs_poppler
def test_pdf_of_an_empty_day_says_so(fx, tmp_path):
    data = render_daily_pdf(build_daily(dt.date(2026, 11, 18), actor=SYSTEM, today=fx.today))
    txt = pdf_text(data, tmp_path)
    assert "这一天没有就诊记录" in txt and "无数据" in txt and "当天没有需要回访的患者" in txt


@needs_poppler
def test_pdf_in_english_and_the_range_pdf(fx, tmp_path):
    txt = pdf_text(render_daily_pdf(build_daily(fx.day, actor=SYSTEM, today=fx.today), lang="en"), tmp_path)
    assert "Daily summary 2026-11-20 (Friday)" in txt and "Page 1 of" in txt
    assert "Door → doctor (overall)" in txt
    assert "Patients to call back" in txt
    r = build_range("2026-11-14", "2026-11-20", actor=SYSTEM, today=fx.today)
    txt = pdf_text(render_range_pdf(r, printed_by="x"), tmp_path)
    assert "工作汇总 2026-11-14 至 2026-11-20" in txt and "每日明细" in txt
    assert "2026-11-17" in txt and "每日就诊人数" in txt


def test_csv_is_utf8_with_bom_and_has_every_table(summary):
    data = to_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["测试医院"]
    flat = [cell for row in rows for cell in row]
    for title in ("回访名单", "流程时间", "按科室", "员工工作量"):
        assert title in flat
    i = rows.index(["流程时间"])
    assert rows[i + 1][0] == "环节"
    assert rows[i + 5] == ["进门 → 交给医生（全程）", "4", "25.0", "50.0"]
    assert ["王悦", "导医", "5", "0", "2"] in rows
    assert any("13900000002" in row for row in rows)


def test_xlsx_sheets_hold_numbers(summary):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(to_xlsx(summary)), read_only=True)
    assert wb.sheetnames[:3] == ["概况", "分类统计", "流程时间"]
    overview = [r for r in wb["概况"].iter_rows(values_only=True)]
    assert overview[0][0] == "测试医院"
    assert ("就诊总人数", 7, 3) in [tuple(r[:3]) for r in overview]
    flow = [tuple(r[:4]) for r in wb["流程时间"].iter_rows(values_only=True)]
    assert ("进门 → 导医台", 6, 2, 5) in flow  # 120 s and 300 s, as numbers
    calls = [tuple(r[:3]) for r in wb["回访名单"].iter_rows(values_only=True)]
    assert (1, "张三", "13800000001") in calls


def test_save_report_writes_each_format_and_audits(fx, summary, tmp_path):
    for ext in ("pdf", "csv", "xlsx"):
        out = save_report(summary, tmp_path / f"day.{ext}", actor=fx.staff.supervisor)
        assert out.stat().st_size > 100
        assert oct(out.stat().st_mode & 0o777) == "0o600"  # phone numbers inside
    entries = list(AuditLog.select().where(AuditLog.action == "export"))
    assert len(entries) == 3 and {e.staff_id for e in entries} == {fx.staff.supervisor.id}
    assert all(e.entity == "report" and e.entity_id == "2026-11-20" for e in entries)
    save_report(summary, tmp_path / "sys.csv", actor=SYSTEM)
    assert AuditLog.select().where(AuditLog.action == "export",
                                   AuditLog.staff.is_null()).count() == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.permissions
def test_save_report_bad_paths_leave_nothing(fx, summary, tmp_path):
    with pytest.raises(ValidationError) as exc:
        save_report(summary, tmp_path / "missing" / "day.pdf", actor=SYSTEM)
    assert exc.value.field == "out" and "文件夹不存在" in exc.value.zh
    with pytest.raises(ValidationError) as exc:
        save_report(summary, tmp_path / "day.txt", actor=SYSTEM)
    assert ".txt" in exc.value.zh
    with pytest.raises(ValidationError):
        save_report(summary, tmp_path, actor=SYSTEM)  # no extension: which format?
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(ValidationError) as exc:
        save_report(summary, tmp_path / "x.pdf", actor=SYSTEM)
    assert "文件夹" in exc.value.zh
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(ValidationError) as exc:
            save_report(summary, locked / "day.pdf", actor=SYSTEM)
        assert list(locked.iterdir()) == []
    assert AuditLog.select().where(AuditLog.action == "export").count() == 0


def test_replacing_a_file_fails_whole(fx, summary, tmp_path, monkeypatch):
    target = tmp_path / "day.csv"
    target.write_bytes(b"old")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ValidationError) as exc:
        save_report(summary, target, actor=SYSTEM)
    assert "the disk is full" in exc.value.en
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day.csv", "fixture-db"]


def test_print_and_export_need_permission(fx, summary, tmp_path):
    with pytest.raises(PermissionDenied):
        save_report(summary, tmp_path / "d.pdf", actor=fx.staff.guide)
    with pytest.raises(PermissionDenied):
        report_pdf(summary, actor=fx.staff.desk)
    assert not (tmp_path / "d.pdf").exists()
    assert report_pdf(summary, actor=fx.staff.supervisor).startswith(b"%PDF")
    record_print(summary, actor=fx.staff.supervisor, printer="Front")
    [entry] = AuditLog.select().where(AuditLog.action == "print")
    assert entry.staff_id == fx.staff.supervisor.id and "Front" in entry.detail
