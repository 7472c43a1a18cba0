"""The desk steps' races on PostgreSQL: desks on their own connections, released together.

The checks are tests/unit/reception/test_step_races.py's (one wins, the others are told).
"""

from __future__ import annotations

import threading
import time

import pytest

from frontdesk.db.models import database_proxy
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


# --- the losers' UPDATE waits on the winner's row lock ----------------------------------
# Released together, a loser may start its statement only after the winner committed: it
# then reads the new row and the test never meets READ COMMITTED's own case, where an
# UPDATE that waited on the row lock re-checks its WHERE on the new row version while its
# sub-selects still read the statement's snapshot (a NOT EXISTS over visit_event there
# would not see the winner's event: the reason back_at_post reads first on PostgreSQL).
# Here the winner, its event written, waits before COMMIT until the others are waiting on
# a lock, so every loser's check is the one made after the wait.


def _winner_waits_for_the_others(monkeypatch, others: int) -> None:
    from frontdesk.reception import _db, steps

    real, first = _db._insert_event, threading.Lock()

    def then_wait(*args, **kwargs):
        real(*args, **kwargs)
        if threading.current_thread() is threading.main_thread():
            return  # walking the visit there, not racing
        if not first.acquire(blocking=False):
            return  # a second writer got through: the test's counts say so
        db = database_proxy.obj
        for _ in range(200):  # at most ~10 s, then go on (the test's counts decide)
            waiting = db.execute_sql("SELECT count(*) FROM pg_locks WHERE NOT granted"
                                     ).fetchone()[0]
            if waiting >= others:
                return
            time.sleep(0.05)

    monkeypatch.setattr(_db, "_insert_event", then_wait)
    monkeypatch.setattr(steps, "_insert_event", then_wait)


@pytest.mark.parametrize("check", [
    races.check_take_at_desk_at_once,
    races.check_back_at_post_at_once,
    races.check_confirm_payment_at_once,
])
def test_losers_recheck_after_waiting_on_the_row(env, monkeypatch, check):
    _winner_waits_for_the_others(monkeypatch, races.STATIONS - 1)
    check(env)


def test_second_escort_rechecks_after_waiting_on_the_row(env, monkeypatch):
    _winner_waits_for_the_others(monkeypatch, 1)
    races.check_two_escorts_named_for_one_visit_at_once(env)
