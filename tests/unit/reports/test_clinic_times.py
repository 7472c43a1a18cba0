"""The daily summary's "waited for the doctor" and "in consultation" times, from the clinic queue."""

from __future__ import annotations

import pytest

from frontdesk.permissions import SYSTEM
from frontdesk.queue import clinic
from frontdesk.reports.daily import build_daily
from frontdesk.reports.tables import FLOW_NAMES
from tests.helpers.clinic_queue import queued
from tests.helpers.reception_flow import FIXED_NOW, make_env


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _see(env, clock, row, wait: int, consult: int, tests: int = 0):
    """Wait `wait` minutes after joining, consult `consult` minutes (with `tests` away)."""
    clock.advance(minutes=wait)
    row = clinic.call(row.entry_id, actor=env.desk, expected_version=clinic.get_row(
        row.entry_id).version)
    row = clinic.start_consultation(row.entry_id, actor=env.desk, expected_version=row.version)
    if tests:
        clock.advance(minutes=consult // 2)
        row = clinic.send_for_tests(row.entry_id, actor=env.desk, expected_version=row.version)
        clock.advance(minutes=tests)
        row = clinic.back_from_tests(row.entry_id, actor=env.desk, expected_version=row.version)
        row = clinic.start_consultation(row.entry_id, actor=env.desk,
                                        expected_version=row.version)
        clock.advance(minutes=consult - consult // 2)
    else:
        clock.advance(minutes=consult)
    clinic.finish(row.entry_id, actor=env.desk, expected_version=row.version)


def test_waited_for_the_doctor_and_in_consultation(env, clock):
    check_waited_and_consultation(env, clock)


def check_waited_and_consultation(env, clock):
    a = queued(env, clock, name="甲", minutes=0)
    _see(env, clock, a, wait=10, consult=6)
    b = queued(env, clock, name="乙", minutes=0)
    _see(env, clock, b, wait=20, consult=10, tests=30)
    c = queued(env, clock, name="丙", minutes=0)
    _see(env, clock, c, wait=30, consult=8)
    queued(env, clock, name="还在等")  # not yet seen: not counted
    summary = build_daily(FIXED_NOW.date(), actor=SYSTEM, today=FIXED_NOW.date())
    flow = {f.segment: (f.count, f.median_s, f.p90_s) for f in summary.flow}
    assert flow["waited_doctor"] == (3, 1200.0, 1800.0)
    # Consultation runs from the first start to the finish, the tests included: 6, 8, 40 min.
    assert flow["consultation"] == (3, 480.0, 2400.0)
    assert FLOW_NAMES["waited_doctor"].zh.startswith("交给医生")
