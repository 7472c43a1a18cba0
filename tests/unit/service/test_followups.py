"""Follow-up calls: due list made lazily (one per visit), outcomes, retries, permission, audit."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk import stages
from frontdesk.db.models import AuditLog, Department, Doctor, FollowUp, Patient, Visit
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.service import followups

DAY = dt.date(2026, 11, 23)
YESTERDAY = DAY - dt.timedelta(days=1)
AT = dt.datetime(2026, 11, 23, 10, 30)


@pytest.fixture
def desk(rules_db, make_staff):
    return make_staff("desk", name="李静")


_seq = iter(range(1, 10_000))


def visit(stage=stages.DONE, day=YESTERDAY, name="王芳", phone="13800138000"):
    n = next(_seq)
    dept = Department.get(Department.code == "internal")
    doctor = Doctor.select().where(Doctor.department == dept).first()
    patient = Patient.create(record_no=f"F{n}", name=name, sex="F", phone=phone,
                             birth_date=dt.date(1990, 5, 1))
    return Visit.create(visit_date=day, stage=stage, department=dept, doctor=doctor,
                        queue_no=n, patient=patient)


def entries(action, entity):
    return list(AuditLog.select().where(AuditLog.action == action, AuditLog.entity == entity)
                .order_by(AuditLog.id))


def test_yesterdays_done_visits_are_due_once_each(desk):
    done = visit()
    visit(stage=stages.LEFT, name="走了")  # never saw the doctor: no call
    visit(stage=stages.DONE, day=DAY, name="今天")  # today's: called tomorrow
    visit(stage=stages.DONE, day=DAY - dt.timedelta(days=followups.LOOKBACK_DAYS + 1),
          name="太久")
    calls = followups.due_calls(actor=desk, day=DAY)
    assert [(c.visit_id, c.patient_name, c.phone) for c in calls] == [
        (done.id, "王芳", "13800138000")]
    assert calls[0].department_zh == "内科" and calls[0].doctor
    assert calls[0].due_date == DAY and calls[0].attempts == 0 and calls[0].age == 36
    # Reading again (or from a second desk) makes no second row.
    again = followups.due_calls(actor=desk, day=DAY)
    assert [c.followup_id for c in again] == [calls[0].followup_id]
    assert FollowUp.select().where(FollowUp.visit == done.id).count() == 1
    assert followups.ensure_followup(done.id).id == calls[0].followup_id
    assert FollowUp.select().count() == 1
    # Each listing is audited once (it shows full phone numbers).
    views = entries("view", "follow_up_list")
    assert len(views) == 2 and views[0].entity_id == DAY.isoformat()
    assert json.loads(views[0].detail) == {"rows": 1}


def test_a_finished_visit_is_not_listed_again(desk):
    v = visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                          notes="  恢复良好，已按时服药  ", at=AT)
    assert followups.due_calls(actor=desk, day=DAY) == []
    assert followups.due_calls(actor=desk, day=DAY + dt.timedelta(days=1)) == []
    row = FollowUp.get(FollowUp.visit == v.id)
    assert (row.status, row.called_by_id, row.called_at) == ("done", desk.id, AT)
    assert row.notes == "2026-11-23 10:30 恢复良好，已按时服药"
    [entry] = entries("update", "follow_up")
    assert entry.entity_id == str(row.id) and entry.staff_id == desk.id
    assert json.loads(entry.detail)["outcome"] == "done"


def test_unreachable_with_retry_stays_open_and_moves_the_due_date(desk):
    v = visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    retry = DAY + dt.timedelta(days=2)
    followups.record_call(actor=desk, followup_id=call.followup_id, outcome="unreachable",
                          notes="无人接听", retry_on=retry, at=AT)
    row = FollowUp.get(FollowUp.visit == v.id)
    assert (row.status, row.due_date) == ("open", retry)
    assert followups.due_calls(actor=desk, day=DAY) == []
    [later] = followups.due_calls(actor=desk, day=retry)
    assert later.followup_id == row.id and later.attempts == 1
    followups.record_call(actor=desk, followup_id=row.id, outcome="declined", notes="不方便",
                          at=AT + dt.timedelta(days=2))
    row = FollowUp.get_by_id(row.id)
    assert row.status == "declined"
    assert row.notes.splitlines() == ["2026-11-23 10:30 无人接听", "2026-11-25 10:30 不方便"]
    hist = followups.history(actor=desk, patient_id=v.patient_id)
    assert [(h.outcome, h.notes, h.retry_on) for h in hist] == [
        ("declined", "不方便", None), ("unreachable", "无人接听", retry)]
    assert hist[0].staff_name == "李静" and hist[0].visit_date == YESTERDAY
    assert entries("view", "patient")[-1].entity_id == str(v.patient_id)


def test_unreachable_without_retry_closes_it(desk):
    visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    row = followups.record_call(actor=desk, followup_id=call.followup_id,
                                outcome="unreachable", notes="", at=AT)
    assert row.status == "unreachable" and row.notes == ""
    assert followups.due_calls(actor=desk, day=DAY + dt.timedelta(days=3)) == []


@pytest.mark.parametrize("outcome, retry_on, field", [
    ("maybe", None, "outcome"),
    ("done", DAY + dt.timedelta(days=1), "retry_on"),  # only an unanswered call is retried
    ("unreachable", DAY, "retry_on"),  # not today
    ("unreachable", DAY + dt.timedelta(days=followups.MAX_RETRY_DAYS + 1), "retry_on"),
])
def test_bad_outcomes_are_refused_at_their_field(desk, outcome, retry_on, field):
    visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    with pytest.raises(ValidationError) as err:
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome=outcome,
                              retry_on=retry_on, at=AT)
    assert err.value.field == field
    assert FollowUp.get_by_id(call.followup_id).status == "open"
    assert entries("update", "follow_up") == []


def test_notes_are_cleaned_and_limited(desk):
    visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    with pytest.raises(ValidationError) as err:
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                              notes="好" * (followups.NOTES_MAX + 1), at=AT)
    assert err.value.field == "notes"
    assert FollowUp.get_by_id(call.followup_id).status == "open"
    row = followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                                notes="好" * followups.NOTES_MAX + "\u200b\x07", at=AT)
    assert row.notes == "2026-11-23 10:30 " + "好" * followups.NOTES_MAX


def test_second_desk_recording_the_same_call_is_a_conflict(desk, make_staff):
    other = make_staff("supervisor", name="主管")
    visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    followups.record_call(actor=other, followup_id=call.followup_id, outcome="done", at=AT)
    with pytest.raises(ConflictError):
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done", at=AT)
    assert len(entries("update", "follow_up")) == 1


def test_guide_may_not_see_or_record_calls(desk, make_staff):
    guide = make_staff("guide")
    visit()
    [call] = followups.due_calls(actor=desk, day=DAY)
    before = AuditLog.select().count()
    with pytest.raises(PermissionDenied):
        followups.due_calls(actor=guide, day=DAY)
    with pytest.raises(PermissionDenied):
        followups.record_call(actor=guide, followup_id=call.followup_id, outcome="done")
    with pytest.raises(PermissionDenied):
        followups.history(actor=guide, patient_id=call.patient_id)
    assert AuditLog.select().count() == before
    assert FollowUp.get_by_id(call.followup_id).status == "open"
