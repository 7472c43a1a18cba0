"""Another station's change updates only its rows in the desk list (live updates).

The list is not read again for a change that names its visits; a change without ids
(a new arrival) still reads the whole list.
"""

from __future__ import annotations

import pytest

from frontdesk import reception, stages
from frontdesk.changes import Changed
from frontdesk.db.models import Staff
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures

pytestmark = pytest.mark.gui


def _other_station_takes(visit_id: int):
    """What another desk commits (outside this window's runner)."""
    other = Staff.get(Staff.username == "desk2")
    v = reception.get_visit(visit_id, actor=other)
    return reception.take_at_desk(visit_id, actor=other, expected_version=v.version)


@pytest.fixture
def counted(area, monkeypatch):
    desk = area.show_desk()
    calls = []
    real = desk.controller.open_visits
    monkeypatch.setattr(desk.controller, "open_visits", lambda: calls.append(1) or real())
    return desk, calls


def test_a_visit_changed_elsewhere_is_updated_in_place(counted, demo_ctx, desk_staff):
    desk, calls = counted
    arrived = reception.new_arrival(actor=desk_staff, booked=False, first_visit=True)
    desk.refresh_list()
    calls.clear()
    row = desk.visit_list.model.row_of(arrived.id)
    assert desk.visit_list.model.row_at(row).stage == stages.GREETING

    _other_station_takes(arrived.id)
    demo_ctx.changes.emit_remote(Changed.VISITS, {Changed.VISITS: frozenset({arrived.id})})

    row = desk.visit_list.model.row_of(arrived.id)
    assert desk.visit_list.model.row_at(row).stage == stages.TRIAGE
    assert calls == []  # the whole list was not read again


def test_a_visit_closed_elsewhere_leaves_the_list(counted, demo_ctx, desk_staff):
    desk, calls = counted
    arrived = reception.new_arrival(actor=desk_staff, booked=False, first_visit=True)
    desk.refresh_list()
    other = Staff.get(Staff.username == "desk2")
    reception.leave(arrived.id, actor=other, expected_version=arrived.version, reason="other")
    demo_ctx.changes.emit_remote(Changed.VISITS, {Changed.VISITS: frozenset({arrived.id})})
    assert desk.visit_list.model.row_of(arrived.id) < 0


def test_a_change_without_ids_reads_the_whole_list(counted, demo_ctx, desk_staff):
    desk, calls = counted
    reception.new_arrival(actor=desk_staff, booked=False, first_visit=True)
    demo_ctx.changes.emit_remote(Changed.VISITS, {Changed.VISITS: None})
    assert calls == [1]
    # and the next change of this station's own is read in full again
    demo_ctx.changes.emit_changes(Changed.VISITS)
    assert calls == [1, 1]


def test_rows_named_without_a_visits_signal_do_not_cost_the_next_timed_refresh(
        counted, demo_ctx, desk_staff):
    # Found in review: the row-by-row update set a skip flag that the 30-s timer (or a
    # settings change) consumed when no visits_changed came after it.
    desk, calls = counted
    arrived = reception.new_arrival(actor=desk_staff, booked=False, first_visit=True)
    desk.refresh_list()
    calls.clear()
    demo_ctx.changes.rows_changed.emit({Changed.VISITS: frozenset({arrived.id})})
    desk._timer.timeout.emit()  # the 30-s refresh reads the whole list
    assert calls == [1]
    demo_ctx.changes.emit_changes(Changed.SETTINGS)
    assert calls == [1, 1]
