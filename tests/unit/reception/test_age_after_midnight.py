"""A night arrival registered after midnight is aged on the visit's day, not the new day.

The visit's day (visit_date) is the day the patient arrived. An age typed while
registering that visit is the age on that day: the birth date estimated from it is
that day's date the age's years ago, so the visit list, the banner (the VisitView)
and the clinic's facts show the typed age, not one less. An age typed for a record
edited on its own (no visit) is the age today.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import patients, reception, stages
from frontdesk.db.models import AuditLog, Patient, Visit
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import FIXED_NOW, dept, form, make_env, walk

S = stages
ARRIVED = dt.datetime.combine(FIXED_NOW.date(), dt.time(23, 50))  # the visit's day
AFTER_MIDNIGHT = ARRIVED + dt.timedelta(minutes=40)  # 00:30 the next day
VISIT_DAY = ARRIVED.date()
NEXT_DAY = AFTER_MIDNIGHT.date()


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _years_before(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year - years)


def _night_visit(env, clock, **kw) -> reception.VisitView:
    """Arrived at 23:50, taken and triaged; the clock then stands at 00:30 the next day."""
    clock.freeze(ARRIVED)
    v = walk(env, S.REGISTRATION, **kw)
    assert v.visit_date == VISIT_DAY
    clock.freeze(AFTER_MIDNIGHT)
    return v


def _ages(visit_id: int) -> dict[str, int | None]:
    """The age everywhere the visit shows it: its view (banner), the desk's list."""
    listed = {o.id: o.age for o in reception.open_visits(actor=viewer())}
    return {"view": reception.get_visit(visit_id, actor=viewer()).age,
            "list": listed.get(visit_id)}


def test_an_age_typed_after_midnight_is_the_age_on_the_visit_day(env, clock):
    v = _night_visit(env, clock)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="夜归人", age=40))
    assert v.age == 40  # the view register() hands the banner
    assert _ages(v.id) == {"view": 40, "list": 40}
    p = Patient.get_by_id(v.patient_id)
    assert (p.birth_date, p.birth_date_estimated) == (_years_before(VISIT_DAY, 40), True)
    # The clinic's facts (priority by age) and the slip's data agree.
    assert patients.age_on(p.birth_date, Visit.get_by_id(v.id).visit_date) == 40
    from frontdesk.slips.source import guide_slip_for

    slip = guide_slip_for(v.id, actor=viewer())
    assert slip.patient_name == "夜归人" and slip.visit_no.startswith(
        "V" + VISIT_DAY.strftime("%Y%m%d"))


def test_an_age_typed_on_1_march_for_a_leap_day_visit(env, clock):
    """40 on 29 Feb of a leap year: the estimate falls on 28 Feb, still 40 that day."""
    leap_night = dt.datetime(2028, 2, 29, 23, 50)
    clock.freeze(leap_night)
    v = walk(env, S.REGISTRATION)
    clock.freeze(leap_night + dt.timedelta(minutes=40))  # 1 March, 00:30
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="闰日", age=40))
    assert Patient.get_by_id(v.patient_id).birth_date == dt.date(1988, 2, 29)
    assert _ages(v.id) == {"view": 40, "list": 40}


def test_a_returning_estimate_near_the_boundary_is_kept_when_saved_unchanged(env, clock):
    """An estimated birth date on the new day's date: on the visit's day the patient was
    still 39. The form offers 39 for the visit, and saving it unchanged keeps the record."""
    born = _years_before(NEXT_DAY, 40)
    p = Patient.create(record_no="P00009001", name="边界", sex="M", phone="13800009001",
                       birth_date=born, birth_date_estimated=True)
    v = _night_visit(env, clock, patient_id=p.id, first_visit=False)
    shown = patients.form_for(p.id, actor=env.desk, day=v.visit_date)
    assert shown.age == 39 and shown.birth_date is None
    updates = AuditLog.select().where(AuditLog.action == "update").count()
    v = reception.register(v.id, actor=env.desk, expected_version=v.version, form=shown)
    stored = Patient.get_by_id(p.id)
    assert (stored.birth_date, stored.birth_date_estimated) == (born, True)
    assert AuditLog.select().where(AuditLog.action == "update").count() == updates
    assert _ages(v.id) == {"view": 39, "list": 39}


def test_a_returning_estimate_retyped_as_the_age_at_arrival_is_re_estimated(env, clock):
    """The same record; the patient says 40 (that night): the visit shows 40."""
    p = Patient.create(record_no="P00009002", name="边界二", sex="F", phone="13800009002",
                       birth_date=_years_before(NEXT_DAY, 40), birth_date_estimated=True)
    v = _night_visit(env, clock, patient_id=p.id, first_visit=False)
    typed = patients.form_for(p.id, actor=env.desk, day=v.visit_date)
    typed.age = 40
    v = reception.register(v.id, actor=env.desk, expected_version=v.version, form=typed)
    assert Patient.get_by_id(p.id).birth_date == _years_before(VISIT_DAY, 40)
    assert _ages(v.id) == {"view": 40, "list": 40}


def test_a_birth_date_typed_after_midnight_gives_the_age_on_the_visit_day(env, clock):
    """The other direction: a real birth date whose birthday is the new day. On the
    visit's day the patient was 39, and every view of the visit says so."""
    born = _years_before(NEXT_DAY, 40)
    v = _night_visit(env, clock)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="生日", birth_date=born, age=39))
    p = Patient.get_by_id(v.patient_id)
    assert (p.birth_date, p.birth_date_estimated) == (born, False)
    assert v.age == 39 and _ages(v.id) == {"view": 39, "list": 39}
    # The form offered for a later visit the same day is the record's birth date.
    assert patients.form_for(p.id, actor=env.desk, day=NEXT_DAY).birth_date == born


def test_a_deferred_registration_after_midnight_ages_on_the_visit_day(env, clock):
    clock.freeze(ARRIVED)
    v = walk(env, S.TRIAGE)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="胸痛半小时，出冷汗", department_id=dept("emergency").id)
    assert v.billing_deferred
    clock.freeze(AFTER_MIDNIGHT)
    v = reception.complete_deferred(v.id, actor=env.desk, expected_version=v.version,
                                    form=form(name="急诊夜", age=40))
    assert v.age == 40
    assert reception.get_visit(v.id, actor=viewer()).age == 40
    assert Patient.get_by_id(v.patient_id).birth_date == _years_before(VISIT_DAY, 40)


def test_an_age_typed_with_no_visit_is_the_age_today(env, clock):
    """A record edited on its own after midnight: the age is today's."""
    clock.freeze(AFTER_MIDNIGHT)
    p = patients.create_patient(actor=env.desk, form=form(name="独立", age=40))
    assert p.birth_date == _years_before(NEXT_DAY, 40)
    p = patients.update_patient(p.id, actor=env.desk, form=form(name="独立", age=41))
    assert p.birth_date == _years_before(NEXT_DAY, 41)
    assert patients.view_patient(p.id, actor=env.desk).age == 41
    assert patients.form_for(p.id, actor=env.desk).age == 41
