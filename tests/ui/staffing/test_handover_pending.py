"""Shift start: the handover notes waiting for this shift, acknowledged in a non-modal window."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import HandoverNote
from frontdesk.staffing import handover
from frontdesk.ui.staffing.handover_pending import PendingHandoverDialog, show_pending_handover

pytestmark = pytest.mark.gui
DAY = dt.date(2026, 11, 23)


@pytest.fixture
def staff(db, make_staff):
    return make_staff("desk", name="李静"), make_staff("desk", name="陈晓雪")


def _note(author, **text):
    return handover.write_note(actor=author, day=DAY, **text)


def test_waiting_notes_are_shown_after_log_in_and_acknowledged_there(qtbot, ctx, staff, tmp_path):
    outgoing, incoming = staff
    first = _note(outgoing, equipment="打印机缺纸", hard_cases="内-012 等候太久")
    second = _note(outgoing, staff_swaps="王悦与张丽娜换班")
    own = _note(incoming, equipment="正常")  # one's own note is not for one's own shift
    ctx.staff = incoming
    dialog = show_pending_handover(ctx)
    assert isinstance(dialog, PendingHandoverDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert [n.id for n in dialog.notes] == [first.id, second.id]
    assert "打印机缺纸" in dialog.list.item(0).text() and "李静" in dialog.list.item(0).text()
    assert "2" in dialog.heading.text()
    dialog.grab().save(str(tmp_path / "gap4_handover_pending.png"))

    dialog.ack_button.click()  # the first (selected) note
    stored = HandoverNote.get_by_id(first.id)
    assert stored.acknowledged_by_id == incoming.id and stored.acknowledged_at is not None
    assert HandoverNote.get_by_id(second.id).acknowledged_at is None
    assert [n.id for n in dialog.notes] == [second.id] and dialog.isVisible()

    dialog.ack_all_button.click()
    assert HandoverNote.get_by_id(second.id).acknowledged_by_id == incoming.id
    assert HandoverNote.get_by_id(own.id).acknowledged_at is None  # left for the next shift
    assert not dialog.isVisible()  # everything read: it closes itself


def test_a_note_acknowledged_elsewhere_meanwhile_is_a_message_not_a_crash(qtbot, ctx, staff,
                                                                          make_staff):
    outgoing, incoming = staff
    note = _note(outgoing, equipment="电话坏了")
    ctx.staff = incoming
    dialog = show_pending_handover(ctx)
    qtbot.addWidget(dialog)
    other = make_staff("desk", name="张丽娜")
    handover.acknowledge_note(actor=other, note_id=note.id)  # another desk was quicker
    dialog.ack_button.click()
    assert "张丽娜" in dialog.error.text() and dialog.error.isVisible()
    assert HandoverNote.get_by_id(note.id).acknowledged_by_id == other.id
    assert dialog.notes == []


def test_nothing_waiting_or_no_right_shows_nothing(qtbot, ctx, staff, make_staff):
    outgoing, incoming = staff
    ctx.staff = incoming
    assert show_pending_handover(ctx) is None
    _note(outgoing, equipment="正常")
    ctx.staff = make_staff("admin", name="管理员")
    assert show_pending_handover(ctx) is None  # an admin does not take shifts over
