"""The A4 check record, the monthly fines report (PDF) and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess

import pytest

from frontdesk.db.models import AuditLog, Shift
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.staffing import attendance, fines, grooming, grooming_report, roster
from frontdesk.staffing.grooming import ItemOutcome

DAY = dt.date(2026, 11, 23)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")


@pytest.fixture
def month_of_fines(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静")
    guide = make_staff("guide", name="=王悦")  # a name that looks like a spreadsheet formula
    shift = Shift.get(Shift.code == "day")
    for s in (desk, guide):
        roster.set_day(actor=boss, staff_id=s.id, day=DAY, shifts=[shift.code])
    attendance.sign_in(staff=desk, pin="1234", at=dt.datetime(2026, 11, 23, 8, 6))
    check = grooming.record_check(
        actor=boss, form=grooming.open_check(actor=boss, staff=desk, day=DAY),
        outcomes={"badge": ItemOutcome(False, True, "胸牌歪了"),
                  "uniform_outside": ItemOutcome(False)},
        at=dt.datetime(2026, 11, 23, 7, 52))
    other = grooming.record_check(
        actor=boss, form=grooming.open_check(actor=boss, staff=guide, day=DAY),
        outcomes={"nails": ItemOutcome(False)})
    waived = next(f for f in fines.fines_for(actor=boss, year=2026, month=11)
                  if f.grooming_check_id == other.id)
    fines.waive(actor=boss, fine_id=waived.id, reason="看错了")
    return boss, desk, check


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@needs_poppler
def test_check_record_pdf_shows_every_item_and_the_fines(month_of_fines, tmp_path):
    boss, _, check = month_of_fines
    data = grooming_report.check_record_pdf(actor=boss, check_id=check.id)
    assert data.startswith(b"%PDF")
    body = pdf_text(data, tmp_path)
    for expected in ("仪容仪表检查记录", "测试医院", "李静", "雷婷婷", "08:06", "迟到 6 分钟",
                     "不合格·已当场纠正", "胸牌歪了", "未穿工作服出院或进食堂", "罚款合计 30.00 元",
                     "员工尚未确认"):
        assert expected in body, expected
    assert body.count("合格") >= len(grooming.list_items())
    fonts = subprocess.run(["pdffonts", str(tmp_path / "x.pdf")], capture_output=True,
                           text=True).stdout
    assert "WenQuanYi" in fonts and " yes yes " in fonts  # embedded subset
    entry = AuditLog.get(AuditLog.action == "print")
    assert entry.entity == "grooming_check" and entry.staff == boss


@needs_poppler
def test_english_record_and_monthly_report(month_of_fines, tmp_path):
    boss, _, check = month_of_fines
    record = grooming.check_record(actor=boss, check_id=check.id)
    body = pdf_text(grooming_report.render_check_record(record, lang="en"), tmp_path)
    assert "Grooming check record" in body and "Fail · corrected" in body
    data = grooming_report.monthly_fines_pdf(actor=boss, year=2026, month=11)
    body = pdf_text(data, tmp_path)
    assert "2026年11月 罚款汇总" in body and "已免除：看错了" in body
    # Due: 李静 10 (late) + 10 (badge) + 20 (canteen) = 40; 王悦's 10 was waived.
    assert "40.00" in body and "50.00" in body


def test_csv_export_lists_every_fine(month_of_fines, tmp_path):
    boss, _, _ = month_of_fines
    path = grooming_report.export_monthly_fines(actor=boss, year=2026, month=11,
                                                path=tmp_path / "fines.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["日期", "姓名", "类别", "事由", "金额(元)"]
    assert sorted(r[4] for r in rows[1:]) == ["10.00", "10.00", "10.00", "20.00"]
    assert [r[5] for r in rows[1:]].count("是") == 1
    assert "'=王悦" in [r[1] for r in rows[1:]]  # never a live formula
    assert AuditLog.get(AuditLog.action == "export").entity == "fines_report"
    pdf = grooming_report.export_monthly_fines(actor=boss, year=2026, month=11,
                                               path=tmp_path / "fines.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_bad_export_requests(month_of_fines, tmp_path):
    boss, desk, check = month_of_fines
    with pytest.raises(ValidationError):
        grooming_report.export_monthly_fines(actor=boss, year=2026, month=11,
                                             path=tmp_path / "fines.txt")
    with pytest.raises(ValidationError):
        grooming_report.export_monthly_fines(actor=boss, year=2026, month=11,
                                             path=tmp_path / "missing" / "fines.csv")
    with pytest.raises(PermissionDenied):
        grooming_report.check_record_pdf(actor=desk, check_id=check.id)
    assert not AuditLog.select().where(AuditLog.action == "export").exists()


def test_empty_month_still_renders(month_of_fines):
    boss = month_of_fines[0]
    report = grooming_report.monthly_fines(actor=boss, year=2026, month=12)
    assert report.lines == () and report.due_fen == 0
    assert grooming_report.render_monthly_fines(report).startswith(b"%PDF")
