"""The service desk's reports: tables from a hand-made week, PDF / CSV / XLSX files, the
command line, access and audit."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest

from frontdesk import stages
from frontdesk.db.models import AuditLog, Department, MediaSource, Patient, Visit
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.permissions import SYSTEM
from frontdesk.service import complaints as cp
from frontdesk.service import consultations as cs
from frontdesk.service import satisfaction as sat
from frontdesk.service import service_report as sr

MON = dt.date(2026, 11, 23)


@pytest.fixture
def week(rules_db, make_staff, clock):
    desk, sup = make_staff("desk", name="李静"), make_staff("supervisor", name="周主管")
    baidu = MediaSource.get(MediaSource.code == "baidu").id
    for day, phone, channel, outcome in ((MON - dt.timedelta(days=6), "13600000001", "phone",
                                          "will_come"),
                                         (MON - dt.timedelta(days=5), "13600000002", "wechat",
                                          "price_only"),
                                         (MON, "13600000003", "phone", "booked")):
        clock.set(dt.datetime.combine(day, dt.time(9)))
        cs.record(actor=desk, form=dict(channel=channel, phone=phone, outcome=outcome,
                                        media_source_id=baidu, intention="痔疮手术"))
    p = Patient.create(record_no="R1", name="来了", sex="F", phone="13600000001")
    v = Visit.create(visit_date=MON - dt.timedelta(days=4), stage=stages.DONE, queue_no=1,
                     patient=p, department=Department.get(Department.code == "internal"))
    clock.set(dt.datetime.combine(MON - dt.timedelta(days=6), dt.time(10)))
    c = cp.record(actor=desk, description="等太久", severity=cp.MAJOR,
                  department_id=v.department_id)
    cp.record(actor=desk, description="收费有误", severity=cp.GENERAL)
    clock.set(dt.datetime.combine(MON - dt.timedelta(days=5), dt.time(10)))
    h = cp.handle(actor=sup, complaint_id=c.id, expected_version=c.version, resolution="道歉")
    clock.set(dt.datetime.combine(MON - dt.timedelta(days=4), dt.time(10)))
    cp.close(actor=sup, complaint_id=c.id, expected_version=h.version)
    sat.rate(actor=desk, visit_id=v.id, ratings={"attitude": 1, "skill": 4})
    clock.set(dt.datetime.combine(MON, dt.time(10)))
    return desk, sup


def table(report, key):
    return next(t for t in report.tables if t.key == key)


def test_consultation_statistics(week):
    r = sr.build(actor=SYSTEM, kind="consultations", start=MON - dt.timedelta(days=6), end=MON)
    assert table(r, "overview").rows[0][1:] == (3, 1, 33.3)
    assert [row[:2] for row in table(r, "periods").rows] == [
        ("2026-11-17", 1), ("2026-11-18", 1), ("2026-11-23", 1)]
    weekly = sr.build(actor=SYSTEM, kind="consultations", start=MON - dt.timedelta(days=6),
                      end=MON, period="week")
    assert [row[:2] for row in table(weekly, "periods").rows] == [("2026-11-16", 2),
                                                                    ("2026-11-23", 1)]
    assert table(r, "media").rows == (("搜索引擎 / 百度", 3, 1, 33.3),)
    assert dict((row[0], row[1]) for row in table(r, "channel").rows) == {"电话": 2, "微信": 1}
    assert table(r, "intention").rows == (("痔疮手术", 3),)


def test_complaints_report(week):
    r = sr.build(actor=SYSTEM, kind="complaints", start=MON - dt.timedelta(days=6), end=MON)
    # received, open, handled, closed, overdue, mean / longest days to close
    assert table(r, "overview").rows[0][1:] == (2, 1, 0, 1, 1, 2.0, 2.0)
    sev = {row[0]: row[1:6] for row in table(r, "severity").rows}
    assert sev == {"重大": (1, 0, 0, 1, 0), "一般": (1, 1, 0, 0, 1)}
    [late] = table(r, "overdue").rows
    assert late[2] == "一般" and "未按时处理" in late[6]


def test_satisfaction_report(week):
    r = sr.build(actor=SYSTEM, kind="satisfaction", start=MON - dt.timedelta(days=6), end=MON)
    attitude = table(r, "points").rows[0]
    assert attitude == ("服务态度", 0, 0, 0, 1, 1, 0.0)
    assert table(r, "follow_up").rows == ((1, 0, 0, 0.0),)


@pytest.mark.parametrize("kind", sr.KINDS)
def test_files_in_three_formats_are_written_and_audited(week, tmp_path, kind):
    report = sr.build(actor=SYSTEM, kind=kind, start=MON - dt.timedelta(days=6), end=MON)
    for ext in (".pdf", ".csv", ".xlsx"):
        path = sr.save(report, tmp_path / f"{kind}{ext}", actor=SYSTEM)
        data = path.read_bytes()
        assert data[:4] in (b"%PDF", b"\xef\xbb\xbf" + data[3:4], b"PK\x03\x04")
    csv_text = (tmp_path / f"{kind}.csv").read_bytes().decode("utf-8-sig")
    assert sr.KIND_NAMES[kind].zh in csv_text
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO((tmp_path / f"{kind}.xlsx").read_bytes()))
    assert sr.KIND_NAMES[kind].zh in str(wb.active["A2"].value)
    assert AuditLog.select().where(AuditLog.action == "export").count() == 3


def test_pdf_pages_render_to_png(week, tmp_path):
    pdf = tmp_path / "consultations.pdf"
    pdf.write_bytes(sr.pdf(actor=SYSTEM, kind="consultations",
                           start=MON - dt.timedelta(days=6), end=MON))
    out = subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
                         capture_output=True)
    assert out.returncode == 0 and list(tmp_path.glob("page*.png"))


def test_access_and_bad_ranges(week):
    desk, sup = week
    with pytest.raises(PermissionDenied):
        sr.build(actor=desk, kind="complaints", start=MON, end=MON)
    assert sr.build(actor=sup, kind="complaints", start=MON, end=MON).tables
    with pytest.raises(ValidationError):
        sr.build(actor=sup, kind="complaints", start=MON, end=MON - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        sr.build(actor=sup, kind="consultations", start=MON, end=MON, period="year")


def test_files_go_through_the_reports_one_export_path(week, tmp_path, monkeypatch):
    """The service report writes its files the daily summary's way (reports.export.save):
    rendered through render_process (a big one in the helper), refused by extension before
    anything is written, audited with the same detail."""
    import json

    from frontdesk.reports import render_process

    seen = []
    real = render_process.render

    def spy(renderer, report, fmt, **kwargs):
        seen.append((renderer, fmt))
        return real(renderer, report, fmt, **kwargs)

    monkeypatch.setattr(render_process, "render", spy)
    report = sr.build(actor=SYSTEM, kind="complaints", start=MON - dt.timedelta(days=6), end=MON)
    written = sr.save(report, tmp_path / "c.csv", actor=SYSTEM)
    assert seen == [(sr.render, ".csv")]
    with pytest.raises(ValidationError):
        sr.save(report, tmp_path / "c.txt", actor=SYSTEM)
    assert not (tmp_path / "c.txt").exists() and len(seen) == 1
    [entry] = AuditLog.select().where(AuditLog.action == "export")
    detail = json.loads(entry.detail)
    assert entry.entity_id == "complaints-2026-11-17-2026-11-23"
    assert detail["report"] == "complaints" and detail["format"] == "csv"
    assert detail["file"] == str(written) and detail["by"].startswith("system")
