"""Shift rules: arrive 10 minutes early, stay until relieved, away from the post > 10 min."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import Fine, Shift
from frontdesk.errors import ValidationError
from frontdesk.staffing import attendance, handover, roster, shift_rules

MON = dt.date(2026, 11, 23)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early"])
    roster.set_day(actor=boss, staff_id=guide.id, day=MON, shifts=["late"])
    return boss, desk, guide


@pytest.mark.parametrize(("at", "expected"), [
    (dt.datetime(2026, 11, 23, 7, 50), shift_rules.ON_TIME_EARLY),  # exactly 10 min early
    (dt.datetime(2026, 11, 23, 7, 51), shift_rules.ON_TIME_NOT_EARLY),
    (dt.datetime(2026, 11, 23, 8, 0), shift_rules.ON_TIME_NOT_EARLY),
    (dt.datetime(2026, 11, 23, 8, 1), shift_rules.LATE),
])
def test_arrive_ten_minutes_early(team, at, expected):
    _, desk, _ = team
    result = attendance.sign_in(staff=desk, pin="2001", at=at)
    assert shift_rules.arrival(result.sign_in) == expected
    early = Shift.get(Shift.code == "early")
    assert shift_rules.report_by(early, MON) == dt.datetime(2026, 11, 23, 7, 50)


def test_the_outgoing_shift_stays_until_relieved(team, clock):
    boss, desk, guide = team
    early = Shift.get(Shift.code == "early")
    with pytest.raises(ValidationError) as err:
        shift_rules.check_may_leave(shift=early, day=MON)
    assert err.value.field == "handover"
    note = handover.write_note(actor=desk, day=MON, shift=early, equipment="正常")
    with pytest.raises(ValidationError):
        shift_rules.check_may_leave(shift=early, day=MON)
    line = shift_rules.record_left_before_relief(actor=boss, staff_id=desk.id,
                                                 shift_code="early", day=MON)
    assert line.rule_code == "left_before_relief" and line.amount_fen == 1000
    handover.acknowledge_note(actor=guide, note_id=note.id)
    shift_rules.check_may_leave(shift=early, day=MON)  # relieved
    assert shift_rules.relief(shift=early, day=MON).by == "王悦"
    with pytest.raises(ValidationError):
        shift_rules.record_left_before_relief(actor=boss, staff_id=desk.id, shift_code="early",
                                              day=MON)


@pytest.mark.parametrize(("minutes", "permitted", "counts"), [
    (10, False, False), (11, False, True), (45, True, False), (0, False, False)])
def test_away_from_the_post_over_ten_minutes(team, minutes, permitted, counts):
    boss, desk, _ = team
    if counts:
        line = shift_rules.record_post_absence(actor=boss, staff_id=desk.id, minutes=minutes,
                                               permitted=permitted, day=MON)
        assert line.rule_code == "post_absence"
        assert Fine.get_by_id(line.id).rule_snapshot.count('"half_days": 1') == 1
    else:
        with pytest.raises(ValidationError):
            shift_rules.record_post_absence(actor=boss, staff_id=desk.id, minutes=minutes,
                                            permitted=permitted, day=MON)
        assert Fine.select().count() == 0
