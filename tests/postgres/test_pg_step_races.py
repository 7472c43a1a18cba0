"""The desk steps' races on PostgreSQL: desks on their own connections, released together.

The checks are tests/unit/reception/test_step_races.py's (one wins, the others are told).
"""

from __future__ import annotations

import pytest

from tests.helpers.reception_flow import make_env
from tests.unit.reception import test_step_races as races

pytestmark = pytest.mark.postgres


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)


def test_take_at_desk_at_once(env):
    races.check_take_at_desk_at_once(env)


def test_back_at_post_at_once(env):
    races.check_back_at_post_at_once(env)


def test_one_escort_named_for_two_visits_at_once(env):
    races.check_one_escort_named_for_two_visits_at_once(env)


def test_two_escorts_named_for_one_visit_at_once(env):
    races.check_two_escorts_named_for_one_visit_at_once(env)


def test_confirm_payment_at_once(env):
    races.check_confirm_payment_at_once(env)
