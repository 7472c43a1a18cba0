"""Satisfaction: four points × four levels kept as given, at the desk or during the call;
weekly summary with a hand-counted week; the follow-up rate."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import stages
from frontdesk.db.models import Department, Patient, SatisfactionRating, Visit
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.service import followups
from frontdesk.service import satisfaction as sat

MON = dt.date(2026, 11, 23)
_seq = iter(range(1, 10_000))


@pytest.fixture
def desk(rules_db, make_staff):
    return make_staff("desk", name="李静")


def visit(day=MON - dt.timedelta(days=1), code="internal", stage=stages.DONE):
    n = next(_seq)
    p = Patient.create(record_no=f"S{n}", name=f"患者{n}", sex="F", phone=f"1380000{n:04d}")
    return Visit.create(visit_date=day, stage=stage, queue_no=n, patient=p,
                        department=Department.get(Department.code == code))


def test_ratings_are_kept_as_given(desk):
    v = visit()
    rid = sat.rate(actor=desk, visit_id=v.id, ratings={"attitude": 1, "skill": 4,
                                                       "timeliness": None, "promises": 2},
                   comment="等了一个小时")
    r = SatisfactionRating.get_by_id(rid)
    assert (r.attitude, r.skill, r.timeliness, r.promises, r.source) == (1, 4, None, 2, "visit")
    assert r.department_id == v.department_id and r.patient_id == v.patient_id


@pytest.mark.parametrize("ratings", [{}, {"attitude": 5}, {"attitude": 0}, {"attitude": True},
                                     {"mood": 3}, {"attitude": None}])
def test_bad_ratings_are_refused(desk, ratings):
    with pytest.raises(ValidationError):
        sat.rate(actor=desk, visit_id=visit().id, ratings=ratings)
    assert SatisfactionRating.select().count() == 0


def test_rating_during_the_follow_up_call(desk):
    v = visit()
    [call] = followups.due_calls(actor=desk, day=MON)
    sat.rate(actor=desk, followup_id=call.followup_id, ratings={"attitude": 3})
    r = SatisfactionRating.get()
    assert (r.source, r.visit_id, r.follow_up_id) == ("call", v.id, call.followup_id)


def test_a_guide_rates_nothing(rules_db, make_staff):
    with pytest.raises(PermissionDenied):
        sat.rate(actor=make_staff("guide"), visit_id=visit().id, ratings={"attitude": 4})


def test_weekly_summary_and_follow_up_rate(desk):
    """Hand-counted week: 3 ratings; attitude 4,3,1 -> 2 of 3 satisfied; skill 4,-,2 -> 1 of 2.
    Visits that reached the doctor: 4; calls that reached the patient: 1 (one unreachable,
    one declined, one not yet called) -> 25%."""
    vs = [visit(), visit(), visit(code="anorectal"), visit()]
    visit(stage=stages.LEFT)  # never saw the doctor: not in the rate
    for v, att, skill in zip(vs, (4, 3, 1), (4, None, 2), strict=False):
        sat.rate(actor=desk, visit_id=v.id, ratings={"attitude": att, "skill": skill})
    calls = {c.visit_id: c for c in followups.due_calls(actor=desk, day=MON)}
    followups.record_call(actor=desk, followup_id=calls[vs[0].id].followup_id, outcome="done")
    followups.record_call(actor=desk, followup_id=calls[vs[1].id].followup_id,
                          outcome="unreachable")
    followups.record_call(actor=desk, followup_id=calls[vs[2].id].followup_id,
                          outcome="declined")
    s = sat.summary(MON - dt.timedelta(days=1), MON)
    assert s.ratings == 3
    att, skill, timeliness, _ = s.points
    assert att.counts == {4: 1, 3: 1, 1: 1} and att.satisfied_rate == pytest.approx(2 / 3)
    assert skill.counts == {4: 1, 2: 1} and skill.satisfied_rate == 0.5
    assert timeliness.rated == 0 and timeliness.satisfied_rate is None
    assert (s.visits_done, s.followed_up, s.attempted, s.follow_up_rate) == (4, 1, 3, 0.25)
    by_dept = {zh: (n, rate) for zh, _en, n, rate in s.by_department}
    assert by_dept["内科"] == (2, 1.0) and by_dept["肛肠科"][0] == 1


def test_week_of():
    assert sat.week_of(dt.date(2026, 11, 25)) == (MON, MON + dt.timedelta(days=6))


@pytest.mark.parametrize("bad", [0, 11, "x", True, 2.5])
def test_follow_up_attempts_are_configurable_within_bounds(rules_db, make_staff, bad):
    from frontdesk.service import desk_rules

    admin = make_staff("admin")
    assert desk_rules.set_follow_up_attempts(actor=admin, attempts="5") == 5
    assert followups.max_attempts() == 5
    with pytest.raises(ValidationError) as err:
        desk_rules.set_follow_up_attempts(actor=admin, attempts=bad)
    assert err.value.field == "attempts" and followups.max_attempts() == 5
    with pytest.raises(PermissionDenied):
        desk_rules.set_follow_up_attempts(actor=make_staff("desk"), attempts=3)


def test_rating_recorded_with_the_call_in_one_transaction(desk):
    v = visit()
    [call] = followups.due_calls(actor=desk, day=MON)
    with pytest.raises(ValidationError) as err:  # a bad mark: neither the call nor the rating
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                              ratings={"attitude": 9})
    assert err.value.field == "attitude"
    assert SatisfactionRating.select().count() == 0
    assert followups.due_calls(actor=desk, day=MON)  # still to call
    with pytest.raises(ValidationError):  # no rating from somebody not reached
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome="unreachable",
                              ratings={"attitude": 3})
    followups.record_call(actor=desk, followup_id=call.followup_id, outcome="done",
                          ratings={"attitude": 2, "promises": 1}, notes="答应的复查没安排")
    r = SatisfactionRating.get()
    assert (r.source, r.visit_id, r.attitude, r.promises, r.skill) == ("call", v.id, 2, 1, None)
    assert r.comment == "答应的复查没安排"


def test_recent_visits_carry_the_number_every_screen_shows(desk):
    v = visit(day=MON)
    no_dept = Visit.create(visit_date=MON, stage=stages.DONE,
                           patient=Patient.create(record_no="S-none", name="无科室"))
    rows = {r.visit_id: r for r in sat.recent_visits(actor=desk, day=MON)}
    assert rows[v.id].queue_label == f"内-{v.queue_no:03d}"
    assert rows[no_dept.id].queue_label == f"V{MON:%Y%m%d}-{no_dept.id:04d}"
