"""Desks doing the same step in the same millisecond on SQLite: one wins, the others are told.

The steps whose checks are folded into their UPDATE (take_at_desk, assign_escort,
back_at_post: the WHERE is the check, the visit is read only to explain a refusal) and
the views they read before COMMIT. The same checks run on PostgreSQL in
tests/postgres/test_pg_step_races.py.
"""

from __future__ import annotations

import pytest

from frontdesk import reception, stages
from frontdesk.db.models import Payment, Visit, VisitEvent
from frontdesk.errors import ConflictError, ValidationError
from tests.helpers.races import race
from tests.helpers.reception_flow import events, form, make_env, walk

S = stages
STATIONS = 8


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _desks(env) -> list:
    return [env.desk, env.desk2] * (STATIONS // 2)


def check_take_at_desk_at_once(env):
    v = walk(env, S.GREETING)
    views, conflicts, errors = race([
        (lambda a=a: reception.take_at_desk(v.id, actor=a, expected_version=v.version))
        for a in _desks(env)])
    assert not errors, errors
    assert len(views) == 1 and len(conflicts) == STATIONS - 1
    assert all("其他导医台" in c.zh and "Another desk" in c.en for c in conflicts)
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.TRIAGE, v.version + 1)
    assert [e[2] for e in events(v.id)] == [S.ARRIVED, S.AT_DESK]
    # The view the winner got is what was committed.
    [view] = views
    assert (view.stage, view.version, [e.action for e in view.events]) == (
        S.TRIAGE, v.version + 1, [S.ARRIVED, S.AT_DESK])


def check_back_at_post_at_once(env):
    v = walk(env, S.DONE)
    views, conflicts, errors = race([
        (lambda a=a: reception.back_at_post(v.id, actor=a)) for a in _desks(env)])
    assert not errors, errors
    assert len(views) == 1 and len(conflicts) == STATIONS - 1
    # What the others are told is what a desk a minute late is told, on either engine.
    assert all(c.en == "Back at post was already recorded." for c in conflicts), conflicts
    assert (VisitEvent.select().where((VisitEvent.visit == v.id)
                                      & (VisitEvent.action == S.BACK_AT_POST)).count()) == 1
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.DONE, v.version + 1)
    assert views[0].escort_back and views[0].version == v.version + 1


def check_one_escort_named_for_two_visits_at_once(env):
    first = walk(env, S.ESCORT)
    second = walk(env, S.ESCORT, dept_code="internal", reg_form=form(name="李四"))
    named, refused, errors = race([
        (lambda v=v, a=a: reception.assign_escort(v.id, actor=a, expected_version=v.version,
                                                  escort_id=env.guide2.id))
        for v, a in ((first, env.desk), (second, env.desk2))], told=(ValidationError,))
    assert not errors, errors
    assert len(named) == 1 and len(refused) == 1
    assert refused[0].field == "escort_id" and "张丽娜" in refused[0].zh
    escorts = [Visit.get_by_id(v.id).escort_id for v in (first, second)]
    assert sorted(escorts, key=str) == sorted([env.guide2.id, None], key=str)


def check_two_escorts_named_for_one_visit_at_once(env):
    v = walk(env, S.ESCORT)
    named, conflicts, errors = race([
        (lambda a=a, e=e: reception.assign_escort(v.id, actor=a, expected_version=v.version,
                                                  escort_id=e.id))
        for a, e in ((env.desk, env.guide), (env.desk2, env.guide2))])
    assert not errors, errors
    assert len(named) == 1 and len(conflicts) == 1
    stored = Visit.get_by_id(v.id)
    assert (stored.version, stored.escort_id) == (v.version + 1, named[0].escort_id)
    assert [e[2] for e in events(v.id)].count(reception.ESCORT_ASSIGNED) == 1


def check_confirm_payment_at_once(env):
    v = walk(env, S.BILLING)
    views, conflicts, errors = race([
        (lambda a=a: reception.confirm_payment(v.id, actor=a, expected_version=v.version))
        for a in _desks(env)])
    assert not errors, errors
    assert len(views) == 1 and len(conflicts) == STATIONS - 1
    assert Payment.select().where(Payment.visit == v.id).count() == 1
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.ESCORT, v.version + 1)
    assert [e[2] for e in events(v.id)].count(S.PAID) == 1


def test_take_at_desk_at_once(env):
    check_take_at_desk_at_once(env)


def test_back_at_post_at_once(env):
    check_back_at_post_at_once(env)


def test_confirm_payment_at_once(env):
    check_confirm_payment_at_once(env)


def test_one_escort_named_for_two_visits_at_once(env):
    check_one_escort_named_for_two_visits_at_once(env)


def test_two_escorts_named_for_one_visit_at_once(env):
    check_two_escorts_named_for_one_visit_at_once(env)


# --- what a refused folded step says (the visit is read only then) ----------------------


def test_assign_escort_says_the_visit_first_as_before(env):
    """A stale version and a busy escort at once: the conflict is said, as when the visit
    was read before the escort; a visit at another stage is said before the escort too."""
    out = walk(env, S.DONE)  # the guide is out with this patient
    v = walk(env, S.ESCORT, dept_code="internal", reg_form=form(name="李四"))
    with pytest.raises(ConflictError):
        reception.assign_escort(v.id, actor=env.desk, expected_version=v.version - 1,
                                escort_id=env.guide.id)
    with pytest.raises(ValidationError) as err:
        reception.assign_escort(v.id, actor=env.desk, expected_version=v.version,
                                escort_id=env.guide.id)
    assert err.value.field == "escort_id"
    reg = walk(env, S.REGISTRATION, dept_code="internal")
    for escort in (env.guide, env.guide2):  # busy, then free: the stage is said either way
        with pytest.raises(ValidationError) as err:
            reception.assign_escort(reg.id, actor=env.desk, expected_version=reg.version,
                                    escort_id=escort.id)
        assert err.value.field == "stage"
    with pytest.raises(ConflictError):  # free escort, stale version
        reception.assign_escort(v.id, actor=env.desk, expected_version=v.version + 1,
                                escort_id=env.guide2.id)
    from frontdesk.errors import NotFound

    with pytest.raises(NotFound):
        reception.assign_escort(10**6, actor=env.desk, expected_version=1,
                                escort_id=env.guide2.id)
    assert Visit.get_by_id(v.id).version == v.version and out.stage == S.DONE


def test_confirm_payment_refusals(env):
    v = walk(env, S.BILLING)
    with pytest.raises(ConflictError):
        reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version + 1)
    reg = walk(env, S.REGISTRATION)
    with pytest.raises(ValidationError) as err:
        reception.confirm_payment(reg.id, actor=env.desk, expected_version=reg.version)
    assert err.value.field == "stage" and "cannot move from" in err.value.en
    from frontdesk.errors import NotFound

    with pytest.raises(NotFound):
        reception.confirm_payment(10**6, actor=env.desk, expected_version=1)
    assert Payment.select().count() == 0
    paid = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    [payment] = Payment.select().where(Payment.visit == v.id)
    assert (payment.amount_fen, payment.waived, payment.confirmed_by_id) == (
        paid.fee_fen, False, env.desk.id)


def test_back_at_post_refusals(env):
    v = walk(env, S.ESCORT)
    with pytest.raises(ValidationError) as err:
        reception.back_at_post(v.id, actor=env.guide)
    assert err.value.field == "stage"
    from frontdesk.errors import NotFound

    with pytest.raises(NotFound):
        reception.back_at_post(10**6, actor=env.guide)
    assert Visit.get_by_id(v.id).version == v.version
