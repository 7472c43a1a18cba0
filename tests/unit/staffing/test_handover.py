"""Shift handover notes: written at shift end, read and acknowledged by the next shift."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import stages
from frontdesk.db.models import AuditLog, Department, HandoverNote, Patient, Shift, Visit
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import handover

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def desks(rules_db, make_staff):
    return make_staff("desk", name="李静"), make_staff("desk", name="陈晓雪")


def visit(stage, queue_no, name=None, day=DAY):
    dept = Department.get(Department.code == "internal")
    patient = Patient.create(record_no=f"P{queue_no}", name=name) if name else None
    return Visit.create(visit_date=day, stage=stage, department=dept, queue_no=queue_no,
                        patient=patient)


def test_open_visits_are_prefilled(desks):
    writer, _ = desks
    visit(stages.BILLING, 12, "张三")
    visit(stages.TRIAGE, 13)
    visit(stages.DONE, 14, "李四")  # with the doctor: not open
    visit(stages.LEFT, 15)
    visit(stages.ESCORT, 3, day=DAY - dt.timedelta(days=1))  # yesterday's
    text = handover.open_visits_text(actor=writer, day=DAY, lang="zh_CN")
    lines = text.splitlines()
    assert lines[0] == "未完成的就诊 2 人："
    assert lines[1].startswith("内-012 张三") and "挂号缴费" in lines[1]
    assert lines[2].startswith("内-013") and "李四" not in text
    assert handover.open_visits_text(actor=writer, day=DAY + dt.timedelta(days=1),
                                      lang="en") == "No open visits."


def test_write_then_next_shift_acknowledges(desks):
    writer, reader = desks
    late = Shift.get(Shift.code == "late")
    note = handover.write_note(actor=writer, day=DAY, shift=late, equipment="2号打印机卡纸",
                               hard_cases="", staff_swaps="王悦与刘婷调班",
                               open_visits="无未完成的就诊。")
    assert note.shift_name.startswith("晚班")
    assert [n.id for n in handover.pending_notes(actor=reader)] == [note.id]
    with pytest.raises(ValidationError):
        handover.acknowledge_note(actor=writer, note_id=note.id)
    done = handover.acknowledge_note(actor=reader, note_id=note.id)
    assert done.acknowledged_by_name == "陈晓雪" and done.acknowledged_at
    assert handover.pending_notes(actor=reader) == []
    with pytest.raises(ConflictError):
        handover.acknowledge_note(actor=reader, note_id=note.id)
    assert AuditLog.select().where(AuditLog.entity == "handover_note").count() == 2
    assert [n.id for n in handover.recent_notes(actor=reader, today=DAY)] == [note.id]


def test_an_empty_note_is_refused_and_nothing_saved(desks, make_staff):
    writer, _ = desks
    with pytest.raises(ValidationError) as err:
        handover.write_note(actor=writer, day=DAY, equipment=" ", open_visits="无")
    assert err.value.field == "equipment"
    with pytest.raises(ValidationError):
        handover.write_note(actor=writer, day=DAY, equipment="x" * 1001)
    with pytest.raises(PermissionDenied):
        handover.write_note(actor=make_staff("admin"), day=DAY, equipment="正常")
    assert HandoverNote.select().count() == 0


def test_open_visits_show_the_number_the_patient_holds_in_either_language(desks):
    """The queue number reads 内-012 on the board, the display and the desk in both languages,
    and a patient not yet registered holds only the door ticket: the handover says the same."""
    writer, _ = desks
    visit(stages.BILLING, 12, "张三")
    Visit.create(visit_date=DAY, stage=stages.GREETING, door_ticket_no=24, door_ticket="A024",
                 door_name="郑")
    bare = Visit.create(visit_date=DAY, stage=stages.GREETING)
    for lang in ("zh_CN", "en"):
        lines = handover.open_visits_text(actor=writer, day=DAY, lang=lang).splitlines()[1:]
        assert lines[0].startswith("内-012 张三"), lines
        assert lines[1].startswith("A024 郑 "), lines
        assert lines[2].startswith(f"V20261123-{bare.id:04d} "), lines
        assert not any("#" in line or "IM-" in line for line in lines), lines
