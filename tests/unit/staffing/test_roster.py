"""The week roster: shift patterns, seasons, rest days, overlaps, copy last week."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import LeaveRequest, RestDay, Shift, ShiftAssignment
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.staffing import attendance, roster

MON = dt.date(2026, 11, 23)  # the tests' Monday (winter)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    return boss, desk, guide


def test_the_rules_shift_patterns_are_offered_with_keys(team):
    keys = {c.code: c.key for c in roster.choices()}
    assert keys["day"] == "D" and keys["early"] == "E" and keys["late"] == "L"
    assert {"office_summer", "office_winter"} <= set(keys)
    assert "R" not in keys.values()  # R is the rest day
    late = Shift.get(Shift.code == "late")
    assert (late.start, late.end) == ("12:00", "20:00")


def test_set_day_is_what_sign_in_and_the_grooming_roster_read(team):
    boss, desk, guide = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["day"])
    roster.set_day(actor=boss, staff_id=guide.id, day=MON, shifts=["late"])
    names = {(e.name, e.shift_code) for e in attendance.roster(actor=boss, day=MON)}
    assert names == {("李静", "day"), ("王悦", "late")}
    assert [s.code for s in attendance.assigned_shifts(desk, MON)] == ["day"]
    # changing the day replaces it, a rest day clears it
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early"])
    assert roster.on_shift(MON) == [("李静", "early"), ("王悦", "late")]
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, rest=True)
    assert roster.on_shift(MON) == [("王悦", "late")]
    assert RestDay.select().where(RestDay.staff == desk).count() == 1


def test_overlapping_shifts_are_refused_and_nothing_is_saved(team):
    boss, desk, _ = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["day"])
    with pytest.raises(ValidationError) as err:
        roster.assign(actor=boss, staff_id=desk.id, day=MON, shift_code="late")
    assert err.value.field == "shift" and "重叠" in err.value.zh
    assert roster.on_shift(MON) == [("李静", "day")]
    # early 08:00-16:00 and late 12:00-20:00 overlap too; touching edges do not
    with pytest.raises(ValidationError):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early", "late"])
    a, b = Shift(start="08:00", end="12:00"), Shift(start="12:00", end="20:00")
    assert not roster.overlaps(a, b) and roster.overlaps(a, Shift(start="11:59", end="13:00"))


def test_a_night_shift_runs_past_midnight(team):
    """A shift ending at or before its start (夜班 20:00–08:00) ends the next morning: it
    overlaps an evening shift of its own day after 20:00 and a next-day shift before
    08:00; one starting at 08:00 the next day only follows it (the roster allows that)."""
    boss, desk, _ = team
    night = Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                         start="20:00", end="08:00")
    Shift.create(code="evening", name_zh="小夜班 16:00–24:00", name_en="Evening 16:00–24:00",
                 start="16:00", end="24:00")
    Shift.create(code="dawn", name_zh="清晨班 06:00–14:00", name_en="Dawn 06:00–14:00",
                 start="06:00", end="14:00")
    assert roster.span(night, MON) == (dt.datetime(2026, 11, 23, 20), dt.datetime(2026, 11, 24, 8))
    assert roster.span(Shift(start="16:00", end="24:00"), MON)[1] == dt.datetime(2026, 11, 24)
    assert roster.overlaps(night, Shift(start="16:00", end="24:00"))
    assert not roster.overlaps(night, Shift(start="00:00", end="06:00"))  # that day's early hours
    assert roster.overlaps(night, Shift(start="00:00", end="06:00"), 1)  # the next day's
    assert not roster.overlaps(night, Shift(start="08:00", end="16:00"), 1)
    with pytest.raises(ValidationError) as err:
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["night", "evening"])
    assert err.value.field == "shift" and "重叠" in err.value.zh
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["night"])
    with pytest.raises(ValidationError) as err:  # Tuesday 06:00, before Monday's night ends
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=1),
                       shifts=["dawn"])
    assert err.value.field == "shift" and "11-23" in err.value.zh and "11-24" in err.value.zh
    roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=1), shifts=["early"])
    roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=3), shifts=["dawn"])
    with pytest.raises(ValidationError):  # the other way round: the day before's night
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=2),
                       shifts=["night"])
    assert roster.on_shift(MON + dt.timedelta(days=2)) == []
    assert roster.on_shift(MON + dt.timedelta(days=1)) == [("李静", "early")]


def test_seasonal_hours_only_in_their_season(team):
    boss, desk, _ = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["office_winter"])
    with pytest.raises(ValidationError) as err:
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["office_summer"])
    assert err.value.field == "shift"
    # the edges of the seasons: 30 April is winter, 1 May summer; 31 Oct summer, 1 Nov winter
    roster.set_day(actor=boss, staff_id=desk.id, day=dt.date(2027, 4, 30), shifts=["office_winter"])
    roster.set_day(actor=boss, staff_id=desk.id, day=dt.date(2027, 5, 1), shifts=["office_summer"])
    roster.set_day(actor=boss, staff_id=desk.id, day=dt.date(2026, 10, 31),
                   shifts=["office_summer"])
    with pytest.raises(ValidationError):
        roster.set_day(actor=boss, staff_id=desk.id, day=dt.date(2026, 11, 1),
                       shifts=["office_summer"])


def test_week_grid_warns_without_a_rest_day(team):
    boss, desk, guide = team
    for i in range(7):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=i),
                       shifts=["day"] if i < 6 else [], rest=i == 6)
        roster.set_day(actor=boss, staff_id=guide.id, day=MON + dt.timedelta(days=i),
                       shifts=["late"])
    week = roster.week(actor=boss, monday=MON + dt.timedelta(days=3))
    assert week.monday == MON and len(week.days) == 7
    assert week.cell(desk.id, MON + dt.timedelta(days=6)).rest
    assert week.cell(guide.id, MON).shifts == ("late",)
    warned = " ".join(w.zh for w in week.warnings)
    assert "王悦" in warned and "李静" not in warned


def test_copy_last_week_fills_empty_days_only(team):
    boss, desk, guide = team
    last = MON - dt.timedelta(days=7)
    roster.set_day(actor=boss, staff_id=desk.id, day=last, shifts=["day"])
    roster.set_day(actor=boss, staff_id=desk.id, day=last + dt.timedelta(days=1), rest=True)
    roster.set_day(actor=boss, staff_id=guide.id, day=last, shifts=["late"])
    roster.set_day(actor=boss, staff_id=guide.id, day=MON, shifts=["early"])  # already set
    assert roster.copy_last_week(actor=boss, monday=MON) == roster.Copied(2)
    assert roster.on_shift(MON) == [("李静", "day"), ("王悦", "early")]
    assert RestDay.get_or_none(RestDay.staff == desk, RestDay.date == MON + dt.timedelta(days=1))
    assert roster.copy_last_week(actor=boss, monday=MON).filled == 0  # twice changes nothing


def test_copy_skips_a_season_that_ended_and_approved_leave(team):
    boss, desk, guide = team
    oct_mon = dt.date(2026, 10, 26)
    roster.set_day(actor=boss, staff_id=desk.id, day=oct_mon, shifts=["office_summer"])
    roster.set_day(actor=boss, staff_id=guide.id, day=oct_mon, shifts=["day"])
    LeaveRequest.create(staff=guide, kind="sick", kind_zh="病假", kind_en="Sick", start=dt.date(2026, 11, 2),
                        end=dt.date(2026, 11, 2), status="approved", requested_by=guide)
    assert roster.copy_last_week(actor=boss, monday=dt.date(2026, 11, 2)) == roster.Copied(0)
    assert ShiftAssignment.select().where(ShiftAssignment.date == dt.date(2026, 11, 2)).count() == 0


def _night_and_dawn():
    Shift.create(code="night", name_zh="夜班 20:00–08:00", name_en="Night 20:00–08:00",
                 start="20:00", end="08:00")
    Shift.create(code="dawn", name_zh="清晨班 06:00–14:00", name_en="Dawn 06:00–14:00",
                 start="06:00", end="14:00")


def test_copy_skips_a_night_shift_overlapping_a_day_already_filled(team):
    """Copy last week checks across midnight as set_day does: last Monday's night shift
    (20:00–08:00) would run into this Tuesday's 06:00 shift, already set: it is left out
    and said, and the rest of the week is still copied."""
    boss, desk, guide = team
    _night_and_dawn()
    last = MON - dt.timedelta(days=7)
    roster.set_day(actor=boss, staff_id=desk.id, day=last, shifts=["night"])
    roster.set_day(actor=boss, staff_id=desk.id, day=last + dt.timedelta(days=2), shifts=["day"])
    roster.set_day(actor=boss, staff_id=guide.id, day=last, shifts=["night"])  # Tuesday free
    roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=1), shifts=["dawn"])
    copied = roster.copy_last_week(actor=boss, monday=MON)
    assert copied.filled == 2
    assert [(m.zh, m.en) for m in copied.skipped] == [(
        "李静 11-23 的 night 20:00–08:00 与 11-24 的 dawn 06:00–14:00 重叠，未复制。",
        "李静: night 20:00–08:00 on 11-23 overlaps dawn 06:00–14:00 on 11-24; not copied.")]
    assert roster.on_shift(MON) == [("王悦", "night")]
    assert roster.on_shift(MON + dt.timedelta(days=1)) == [("李静", "dawn")]
    assert roster.on_shift(MON + dt.timedelta(days=2)) == [("李静", "day")]
    # the roster as set_day would have it: Monday can still take a shift that fits
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["early"])


def test_copy_checks_the_days_either_side_of_the_week(team):
    """The Sunday before the week (last week's, worked as a night shift) and the Monday
    after it (already set) are neighbours too: this Monday's 06:00 shift would start
    before Sunday's night ends, and this Sunday's night would run into next Monday's."""
    boss, desk, _ = team
    _night_and_dawn()
    last = MON - dt.timedelta(days=7)
    sunday = MON - dt.timedelta(days=1)
    roster.set_day(actor=boss, staff_id=desk.id, day=last, shifts=["dawn"])
    roster.set_day(actor=boss, staff_id=desk.id, day=sunday, shifts=["night"])
    roster.set_day(actor=boss, staff_id=desk.id, day=MON + dt.timedelta(days=7), shifts=["dawn"])
    copied = roster.copy_last_week(actor=boss, monday=MON)
    assert copied.filled == 0
    assert [m.en for m in copied.skipped] == [
        "李静: dawn 06:00–14:00 on 11-23 overlaps night 20:00–08:00 on 11-22; not copied.",
        "李静: night 20:00–08:00 on 11-29 overlaps dawn 06:00–14:00 on 11-30; not copied."]
    assert ShiftAssignment.select().where(
        ShiftAssignment.date.between(MON, MON + dt.timedelta(days=6))).count() == 0
    assert roster.copy_last_week(actor=boss, monday=MON).skipped == copied.skipped  # again


def test_approved_leave_day_takes_no_shift(team):
    boss, desk, _ = team
    LeaveRequest.create(staff=desk, kind="sick", kind_zh="病假", kind_en="Sick", start=MON, end=MON,
                        status="approved", requested_by=desk)
    with pytest.raises(ValidationError) as err:
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["day"])
    assert "请假" in err.value.zh


def test_a_signed_in_shift_stays(team):
    boss, desk, _ = team
    roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["late"])
    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 23, 11, 45))
    with pytest.raises(ValidationError):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=[])
    assert roster.on_shift(MON) == [("李静", "late")]


def test_only_a_supervisor_makes_the_roster(team):
    _, desk, guide = team
    with pytest.raises(PermissionDenied):
        roster.set_day(actor=desk, staff_id=guide.id, day=MON, shifts=["day"])
    with pytest.raises(PermissionDenied):
        roster.week(actor=desk, monday=MON)


def test_unknown_staff_and_shift(team):
    boss, desk, _ = team
    with pytest.raises(NotFound):
        roster.set_day(actor=boss, staff_id=10**30, day=MON, shifts=["day"])
    with pytest.raises(ValidationError):
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["nope"])


def test_eight_supervisors_setting_one_day_at_once(team):
    """The same cell typed at eight PCs on one SQLite file: one row, never a raw error."""
    from frontdesk.errors import FrontdeskError
    from tests.helpers.races import race

    boss, desk, _ = team

    def run():
        roster.set_day(actor=boss, staff_id=desk.id, day=MON, shifts=["late"])

    # Told in a sentence (FrontdeskError) is fine; a driver error reaching the screen is not.
    _, _told, raw = race([run] * 8, told=(FrontdeskError,))
    assert raw == []
    rows = ShiftAssignment.select(ShiftAssignment, Shift).join(Shift).where(
        ShiftAssignment.staff == desk.id, ShiftAssignment.date == MON)
    assert [a.shift.code for a in rows] == ["late"]
