"""The handover's open visits, one a line, are all in view on a 1366×768 laptop."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from frontdesk.db.models import Staff
from frontdesk.ui.staffing.handover_area import HandoverArea

pytestmark = pytest.mark.gui


def test_a_mornings_open_visits_fit_without_scrolling(qtbot, full_demo_db, ctx):
    ctx.staff = Staff.get(Staff.username == "desk1")
    area = HandoverArea(ctx)
    qtbot.addWidget(area)
    area.resize(1366 - 170, 768 - 70)  # the window at 1366×768 less navigation, menu, status
    area.show()
    edit = area.handover.visits_edit
    for _ in range(3):
        QApplication.processEvents()
    lines = edit.toPlainText().splitlines()
    assert len(lines) >= 6  # the count line and this morning's five open visits
    assert edit.verticalScrollBar().maximum() == 0, lines


def test_a_note_reads_with_the_languages_colon(qtbot, full_demo_db, ctx):
    from frontdesk.ui import translation
    from frontdesk.ui.staffing.handover import note_text

    ctx.staff = Staff.get(Staff.username == "desk1")
    translation.install("zh_CN")
    area = HandoverArea(ctx)
    qtbot.addWidget(area)
    note = area.handover.notes[0]  # yesterday's late shift, waiting to be read
    shown = note_text(note)
    assert "设备情况：" in shown and ": " not in shown.split("\n", 1)[1]
    translation.install("en")
    try:
        assert "Equipment: " in note_text(note)
    finally:
        translation.install("zh_CN")


def test_open_visits_read_as_the_board_and_the_door_ticket_in_english(qtbot, full_demo_db, ctx):
    """The numbers patients hold are the board's (妇-003 in both languages) or, before
    registration, the door ticket (A024): never the row id (#453) nor an English prefix."""
    import re

    from frontdesk.ui import translation

    ctx.staff = Staff.get(Staff.username == "desk1")
    translation.install("en")
    try:
        area = HandoverArea(ctx)
        qtbot.addWidget(area)
        lines = area.handover.visits_edit.toPlainText().splitlines()[1:]
    finally:
        translation.install("zh_CN")
    assert lines
    assert not [line for line in lines if "#" in line or re.match(r"[A-Z]{2}-\d", line)], lines
    assert all(re.match(r"(A\d{3}|[\u4e00-\u9fff]-\d{3}) ", line) for line in lines), lines
