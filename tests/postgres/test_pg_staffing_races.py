"""Two desks writing the staffing rules' conflicting halves at the same moment, on
PostgreSQL: the scenarios of tests/unit/staffing/test_staffing_races.py.

Here two transactions really run at once (READ COMMITTED), so what keeps them apart is
the staff lock (roster.lock_staff: an advisory lock per person) and the status-checked
UPDATEs, not SQLite's one writer at a time.
"""

from __future__ import annotations

import pytest

# The scenarios' tests themselves, collected here again with this module's `team`
# (PostgreSQL) in place of theirs (SQLite).
from tests.unit.staffing.test_staffing_races import (  # noqa: F401
    make_team,
    test_fine_recorded_while_personal_leave_approved,
    test_last_week_copied_while_swap_approved,
    test_late_sign_in_while_early_leave_recorded,
    test_leave_approved_while_person_withdraws,
    test_leave_approved_while_swap_approved_on_its_day,
    test_night_and_next_morning_set_at_once,
    test_one_sign_in_at_two_desks,
    test_roster_day_set_while_swap_approved,
    test_sign_in_while_swap_approved,
    test_swap_approved_while_partner_asks_leave,
    test_swap_approved_while_requester_withdraws,
    test_swap_asked_while_partner_asks_leave,
    test_two_personal_leaves_approved_at_once,
    test_two_swaps_give_one_person_two_shifts,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_rules_db, pg_make_staff, clock):
    return make_team(pg_make_staff)
