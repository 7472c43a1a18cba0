"""Text the desk may store, at its longest and worst, never breaks an output.

Every free-text column a person types into holds, up to the length validation allows,
reportlab markup (<b>, <font name=x>, <para>, an unclosed tag, &), a spreadsheet formula,
SQL, emoji with joiners, right-to-left script and long runs without a space. Then every
output is built: daily and range reports, the three service reports, the monthly staff
report (PDF, CSV, XLSX), the grooming check record, the month's fines, the week's
roster, and every slip in every format. None may raise; no CSV cell may start a formula
and no XLSX cell may be one. (Unescaped, '<font name=x>' makes reportlab raise: a PDF that
builds is one that printed the markup as text.)
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from tests.conftest import DEMO_TODAY

HOSTILE = ("=HYPERLINK(\"http://x\")|<b>粗</b> & <font name=x>f</font> <para> <i>未闭合 "
           "😀👨\u200d👩\u200d👧 '; DROP TABLE visit;-- \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
           + "頭" * 2000 + " " + "W" * 300)

# (table, column): the longest text validation lets in (default 200: notes and reasons).
LIMITS = {
    ("visit", "complaint"): 1000, ("appointment", "complaint"): 500,
    ("patient", "address"): 200, ("patient", "medical_history"): 1000,
    ("consultation", "medical_history"): 1000, ("consultation", "address"): 200,
    ("complaint", "description"): 2000, ("complaint", "resolution"): 2000,
    ("complaint", "staff_concerned"): 40, ("complaint_revisit", "notes"): 1000,
    ("satisfaction_rating", "comment"): 1000, ("follow_up", "notes"): 500,
    ("grooming_check", "notes"): 500, ("payment", "waiver_reason"): 80,
    ("department", "name_zh"): 40, ("department", "name_en"): 60, ("department", "room"): 40,
    ("department", "floor"): 16, ("department", "directions_zh"): 500,
    ("department", "directions_en"): 500, ("doctor", "title_zh"): 40, ("doctor", "title_en"): 60,
    ("doctor", "specialty_zh"): 120, ("doctor", "specialty_en"): 160, ("doctor", "name"): 40,
    ("staff", "display_name"): 40,
    **{("handover_note", c): 1000 for c in ("equipment", "hard_cases", "staff_swaps",
                                             "open_visits")},
    **{(t, c): 500 for t in ("visit", "consultation")
       for c in ("intention", "concerns", "health_question", "price_comparison", "habits")},
    **{(t, c): 40 for t in ("visit", "consultation")
       for c in ("illness_duration", "disease_category")},
    **{("consultation", c): 40 for c in ("economic_status", "person_type")},
}
COLUMNS = {
    "fine": ("reason_zh", "reason_en", "waive_reason"), "grooming_check": ("off_shift_reason",),
    "grooming_result": ("note",), "leave_request": ("reason", "decision_note"),
    "shift_swap": ("reason", "decision_note"), "queue_event": ("note",),
    "visit_event": ("note",), "visit": ("left_reason",), "clinic_state": ("reason",),
    "feedback": ("text",), "consultation": ("notes", "concerns"),
}


@pytest.fixture
def poisoned(full_demo_db):
    columns = {*LIMITS, *((t, c) for t, cs in COLUMNS.items() for c in cs)}
    for table, column in sorted(columns):
        full_demo_db.execute_sql(f"UPDATE {table} SET {column} = ?",
                                 [HOSTILE[:LIMITS.get((table, column), 200)]])
    full_demo_db.execute_sql("UPDATE patient SET name = ?", ["Jean-Luc O'Brien·Aaaaaaaaaaaa"])
    from frontdesk import settings

    settings.set("hospital.name", HOSTILE[:60])  # validation.HOSPITAL_NAME_MAX
    return full_demo_db


def _no_formulas(name: str, data: bytes) -> None:
    if name.endswith(".csv"):
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            for cell in row:
                assert not (cell[:1] in "=+-@\t\r" and "HYPERLINK" in cell), (name, cell[:40])
    elif name.endswith(".xlsx"):
        from openpyxl import load_workbook

        for sheet in load_workbook(io.BytesIO(data)):
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, cell.coordinate, str(cell.value)[:40])


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_report_and_export_survives_hostile_stored_text(poisoned, tmp_path, lang):
    from frontdesk.permissions import SYSTEM
    from frontdesk.reports import export
    from frontdesk.reports.daily import build_daily
    from frontdesk.reports.range import build_range
    from frontdesk.service import service_report
    from frontdesk.staffing import staff_report

    start = DEMO_TODAY - dt.timedelta(days=30)
    reports = [
        ("daily", build_daily(DEMO_TODAY, actor=SYSTEM, today=DEMO_TODAY), export.save_report),
        ("range", build_range(start, DEMO_TODAY, actor=SYSTEM, today=DEMO_TODAY),
         export.save_report),
        ("staff", staff_report.build(actor=SYSTEM, year=DEMO_TODAY.year, month=DEMO_TODAY.month),
         staff_report.save),
        *((kind, service_report.build(actor=SYSTEM, kind=kind, start=start, end=DEMO_TODAY),
           service_report.save) for kind in ("consultations", "complaints", "satisfaction")),
    ]
    for name, report, save in reports:
        for ext in (".pdf", ".csv", ".xlsx"):
            path = save(report, tmp_path / f"{name}{ext}", actor=SYSTEM, lang=lang)
            data = path.read_bytes()
            assert data, name
            _no_formulas(path.name, data)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_staffing_pdfs_and_slips_survive_hostile_stored_text(poisoned, lang):
    from frontdesk.db.models import GroomingCheck, Staff, Visit
    from frontdesk.permissions import SYSTEM
    from frontdesk.slips import source
    from frontdesk.slips.model import SlipFormat, SlipKind
    from frontdesk.staffing import grooming_report, roster_pdf

    supervisor = Staff.get(Staff.role == "supervisor")
    for check in GroomingCheck.select().limit(3):
        assert grooming_report.check_record_pdf(actor=supervisor, check_id=check.id, lang=lang)
    assert grooming_report.monthly_fines_pdf(actor=supervisor, year=DEMO_TODAY.year,
                                             month=DEMO_TODAY.month, lang=lang)
    monday = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday())
    assert roster_pdf.week_pdf(actor=supervisor, monday=monday, lang=lang)
    printed = 0
    for visit in Visit.select().where(Visit.department.is_null(False)).limit(6):
        for kind in (SlipKind.GUIDE, SlipKind.BILLING):
            slip = source.slip_for(visit.id, kind, actor=SYSTEM, lang=lang)
            for fmt in SlipFormat:
                assert source.slip_pdf(slip, fmt, lang=lang).startswith(b"%PDF")
                printed += 1
    assert printed


def test_rows_written_before_validation_with_control_characters_still_export(full_demo_db,
                                                                             tmp_path):
    """An older Frontdesk (or another program on a shared server) may have stored ESC, BEL
    or NUL; one such row made the XLSX export raise IllegalCharacterError."""
    from frontdesk.permissions import SYSTEM
    from frontdesk.reports import export
    from frontdesk.reports.daily import build_daily
    from frontdesk.staffing import staff_report

    full_demo_db.execute_sql("UPDATE visit SET complaint = ?, left_reason = ?",
                             ["咳嗽\x1b[31m\x00", "走了\x07"])
    full_demo_db.execute_sql("UPDATE staff SET display_name = display_name || ?", ["\x1b"])
    daily = build_daily(DEMO_TODAY, actor=SYSTEM, today=DEMO_TODAY)
    staff = staff_report.build(actor=SYSTEM, year=DEMO_TODAY.year, month=DEMO_TODAY.month)
    for name, report, save in (("daily", daily, export.save_report),
                               ("staff", staff, staff_report.save)):
        for ext in (".xlsx", ".csv", ".pdf"):
            data = save(report, tmp_path / f"{name}{ext}", actor=SYSTEM).read_bytes()
            assert data
            if ext == ".csv":
                assert b"\x1b" not in data and b"\x07" not in data and b"\x00" not in data
