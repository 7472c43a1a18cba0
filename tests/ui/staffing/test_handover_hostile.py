"""Hostile text in the handover note's fields: a message at the field, or kept as plain text."""

from __future__ import annotations

import pytest

from frontdesk.db.models import HandoverNote, Staff
from frontdesk.ui.staffing.handover_area import HandoverArea

pytestmark = pytest.mark.gui


@pytest.fixture
def handover(qtbot, full_demo_db, ctx):
    ctx.staff = Staff.get(Staff.username == "desk1")
    area = HandoverArea(ctx)
    qtbot.addWidget(area)
    area.show()
    handover = area.handover
    handover.area = area  # keep the parent alive for the test
    return handover


@pytest.mark.parametrize("field, text", [
    ("equipment", "\x00\x1b\u200b\u202e"),  # nothing left once the invisible is dropped
    ("equipment", "   \u3000\n"),
    ("hard_cases", "疑难" * 5_000),
    ("staff_swaps", "调" * 10_000),
])
def test_a_hostile_note_is_a_message_at_its_field_and_nothing_is_saved(handover, field, text):
    edits = {"equipment": handover.equipment_edit, "hard_cases": handover.cases_edit,
             "staff_swaps": handover.swaps_edit}
    errors = {"equipment": handover.equipment_error, "hard_cases": handover.cases_error,
              "staff_swaps": handover.swaps_error}
    before = HandoverNote.select().count()
    edits[field].setPlainText(text)
    handover.save()
    assert errors[field].text() and errors[field].isVisibleTo(handover)
    assert HandoverNote.select().count() == before
    assert edits[field].toPlainText() == text  # what was typed is kept for correcting


def test_markup_and_sql_in_a_note_are_saved_as_plain_text(handover):
    text = "<b>打印机</b> & <font name=x>缺纸 '; DROP TABLE handover_note;-- 😀\u202e"
    handover.equipment_edit.setPlainText(text)
    handover.save()
    assert not handover.equipment_error.text()
    saved = HandoverNote.select().order_by(HandoverNote.id.desc()).first()
    assert saved.equipment == text.replace("\u202e", "")
