"""The monthly staff report and the printed roster: numbers, files, command line, pictures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess

import pytest

from frontdesk import cli
from frontdesk.db.models import AuditLog
from frontdesk.errors import PermissionDenied
from frontdesk.staffing import attendance, leave, ledger, roster, roster_pdf, staff_report, swaps

MON = dt.date(2026, 11, 16)


@pytest.fixture
def month(rules_db, make_staff, clock):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    for i in range(7):
        day = MON + dt.timedelta(days=i)
        roster.set_day(actor=boss, staff_id=desk.id, day=day, shifts=["early"] if i < 6 else [],
                       rest=i == 6)
        roster.set_day(actor=boss, staff_id=guide.id, day=day, shifts=["late"] if i else [],
                       rest=i == 0)
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 16, 7, 45))  # early
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 17, 7, 55))  # not early
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 18, 8, 5))  # late
    attendance.sign_in(staff=guide, pin="3001", at=dt.datetime(2026, 11, 17, 11, 40))
    ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=MON, pin="2001")
    paid = ledger.record(actor=boss, staff_id=guide.id, rule_code="registration_error", day=MON)
    clock.set(dt.datetime(2026, 11, 16, 17, 0))
    ledger.mark_paid(actor=boss, fine_id=paid.id)
    ledger.record(actor=boss, staff_id=guide.id, rule_code="report_misconduct", day=MON)
    s = swaps.request_swap(actor=desk, day=MON + dt.timedelta(days=4), shift_code="early",
                           partner_id=guide.id, partner_day=MON + dt.timedelta(days=4),
                           partner_shift_code="late", reason="看病")
    swaps.decide(actor=boss, swap_id=s.id, approve=True)
    lv = leave.request_leave(actor=guide, kind="personal", start=MON + dt.timedelta(days=5))
    leave.decide(actor=boss, leave_id=lv.id, approve=True)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    return boss, desk, guide


def test_the_numbers(month):
    boss, desk, guide = month
    report = staff_report.build(actor=boss, year=2026, month=11, lang="zh_CN")
    rows = {r[0]: r for r in report.tables[0].rows}
    d, g = rows["李静"], rows["王悦"]
    # name, rostered, signed, early, not early, late, no sign-in, absence, rules, fined,
    # waived, due, paid same day, rewards, swaps, leave days
    assert d[1:7] == (6, 3, 1, 1, 1, 3)  # on the 20th 李静 works 王悦's late shift
    assert d[8:11] == (2, 20.0, 0.0) and d[14] == 1  # chatting + the lateness
    assert g[1] == 5 and g[2] == 1  # the 21st is 事假 and g[13] == 50.0 and g[14] == 1 and g[15] == 1
    assert g[9] == 40.0 and g[12] == 10.0  # 10 registration (paid that day) + 30 事假
    ledger_rows = report.tables[1].rows
    assert any("聊天" in r[3] for r in ledger_rows)
    assert [r[6] for r in report.tables[2].rows] == ["已批准"]
    assert report.tables[3].rows[0][1] == "事假"
    with pytest.raises(PermissionDenied):
        staff_report.build(actor=desk, year=2026, month=11)


def test_files_and_pictures(month, tmp_path):
    boss, *_ = month
    report = staff_report.build(actor=boss, year=2026, month=11)
    for ext in ("pdf", "csv", "xlsx"):
        staff_report.save(report, tmp_path / f"m.{ext}", actor=boss)
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[1] == ["2026 年 11 月 员工月报"] and any(r and r[0] == "李静" for r in rows)
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    (tmp_path / "roster.pdf").write_bytes(roster_pdf.week_pdf(actor=boss, monday=MON))
    (tmp_path / "roster_en.pdf").write_bytes(roster_pdf.week_pdf(actor=boss, monday=MON,
                                                                 lang="en"))
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler missing")
    for name in ("m", "roster", "roster_en"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        assert list(tmp_path.glob(f"{name}-*.png"))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "roster.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "雷婷婷" in text and "事假" in text and "休" in text and "早班" in text


def test_command_line(month, rules_db, tmp_path, capsys):
    url = f"sqlite:///{rules_db.database}"
    assert cli.main(["--db", url, "staff-report", "--month", "2026-11"]) == 0
    assert "李静" in capsys.readouterr().out
    out = tmp_path / "s.xlsx"
    assert cli.main(["--db", url, "staff-report", "--month", "2026-11", "--out", str(out)]) == 0
    assert "已写入" in capsys.readouterr().out and out.stat().st_size > 1000
    assert AuditLog.select().where(AuditLog.action == "export",
                                   AuditLog.staff.is_null()).count() == 1
    assert cli.main(["--db", url, "staff-report", "--month", "2026-13"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
