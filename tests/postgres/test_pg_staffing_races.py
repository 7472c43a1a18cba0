"""Two desks writing the staffing rules' conflicting halves at the same moment, on
PostgreSQL: the scenarios of tests/unit/staffing/test_staffing_races.py.

Here two transactions really run at once (READ COMMITTED), so what keeps them apart is
the staff lock (roster.lock_staff: an advisory lock per person) and the status-checked
UPDATEs, not SQLite's one writer at a time.
"""

from __future__ import annotations

import pytest

from tests.unit.staffing.test_staffing_races import (
    fine_recorded_while_personal_leave_approved,
    last_week_copied_while_swap_approved,
    late_sign_in_while_early_leave_recorded,
    leave_approved_while_person_withdraws,
    make_team,
    one_sign_in_at_two_desks,
    roster_day_set_while_swap_approved,
    sign_in_while_swap_approved,
    swap_approved_while_partner_asks_leave,
    swap_approved_while_requester_withdraws,
    swap_asked_while_partner_asks_leave,
    two_personal_leaves_approved_at_once,
    two_swaps_give_one_person_two_shifts,
)
from tests.unit.staffing.test_staffing_races import (
    leave_approved_while_swap_approved_on_its_day as leave_and_swap_approved,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_rules_db, pg_make_staff, clock):
    return make_team(pg_make_staff)


def test_swap_asked_while_partner_asks_leave(team, monkeypatch):
    swap_asked_while_partner_asks_leave(team, monkeypatch)


def test_swap_approved_while_partner_asks_leave(team, monkeypatch):
    swap_approved_while_partner_asks_leave(team, monkeypatch)


@pytest.mark.parametrize(("shifts", "word"), [(("early", "late"), "连班"),
                                              (("day", "day"), "已经上这个班次")])
def test_two_swaps_give_one_person_two_shifts(team, monkeypatch, shifts, word):
    two_swaps_give_one_person_two_shifts(team, monkeypatch, shifts, word)


def test_swap_approved_while_requester_withdraws(team, monkeypatch):
    swap_approved_while_requester_withdraws(team, monkeypatch)


def test_leave_approved_while_person_withdraws(team, monkeypatch):
    leave_approved_while_person_withdraws(team, monkeypatch)


def test_two_personal_leaves_approved_at_once(team, monkeypatch):
    two_personal_leaves_approved_at_once(team, monkeypatch)


def test_leave_approved_while_swap_approved_on_its_day(team, monkeypatch):
    leave_and_swap_approved(team, monkeypatch)


def test_sign_in_while_swap_approved(team, monkeypatch):
    sign_in_while_swap_approved(team, monkeypatch)


def test_one_sign_in_at_two_desks(team, monkeypatch):
    one_sign_in_at_two_desks(team, monkeypatch)


def test_late_sign_in_while_early_leave_recorded(team, monkeypatch):
    late_sign_in_while_early_leave_recorded(team, monkeypatch)


@pytest.mark.parametrize("by_hand", [1, 2])
def test_fine_recorded_while_personal_leave_approved(team, monkeypatch, by_hand):
    fine_recorded_while_personal_leave_approved(team, monkeypatch, by_hand)


def test_roster_day_set_while_swap_approved(team, monkeypatch):
    roster_day_set_while_swap_approved(team, monkeypatch)


def test_last_week_copied_while_swap_approved(team, monkeypatch):
    last_week_copied_while_swap_approved(team, monkeypatch)
