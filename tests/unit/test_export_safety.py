"""Cells for CSV and XLSX: never a formula, never a character the file cannot hold."""

from __future__ import annotations

import io

import pytest

from frontdesk.export_safety import csv_cell, writable, xlsx_row


@pytest.mark.parametrize("raw, clean", [("走了\x07", "走了"), ("王\x1b[31m", "王[31m"),
                                        ("a\x00b\ud800c", "abc"), ("两行\n\t对齐", "两行\n\t对齐"),
                                        ("普通文字", "普通文字")])
def test_writable_drops_what_no_file_can_hold(raw, clean):
    assert writable(raw) == clean


def test_a_control_character_cannot_hide_a_formula():
    assert csv_cell("\x01=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_cell("\x00@SUM(A1)") == "'@SUM(A1)"


def test_a_legacy_row_with_controls_and_surrogates_saves_as_xlsx():
    """IllegalCharacterError (or a UnicodeEncodeError at save) before."""
    from openpyxl import Workbook, load_workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append(xlsx_row(ws, ["走了\x07", "=1+1\x1b", "\ud800x", 3, None]))
    buf = io.BytesIO()
    wb.save(buf)
    row = [c.value for c in next(load_workbook(buf).active.iter_rows())]
    assert row[:4] == ["走了", "=1+1", "x", 3]
