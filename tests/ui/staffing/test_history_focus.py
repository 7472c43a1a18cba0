"""History & fines opens on the person last checked or fined (issue 18, point 9)."""

from __future__ import annotations

import pytest

from frontdesk.staffing import grooming
from frontdesk.staffing.grooming import ItemOutcome
from tests.helpers.clock import TEST_NOW
from tests.ui.staffing.test_grooming_ui import team  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_history_opens_on_the_latest_checked_person(team, ctx, qtbot, clock):  # noqa: F811
    from frontdesk.ui.staffing.grooming_history import HistoryTab

    boss, desk, guide = team
    day = TEST_NOW.date()
    for who in (desk, guide):  # guide checked last: the one to look at
        grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=who,
                                                                     day=day),
                              outcomes={"hair": ItemOutcome(passed=False)})
        clock.advance(minutes=5)
    tab = HistoryTab(ctx)
    qtbot.addWidget(tab)
    tab.set_month(day.year, day.month)
    tab.refresh()
    assert tab.staff_combo.currentData() == guide.id
    assert tab.checks_table.rowCount() == 1 and tab.fines_table.rowCount() >= 1
    # The choice is kept on later refreshes.
    tab.staff_combo.setCurrentIndex(tab.staff_combo.findData(desk.id))
    tab.refresh()
    assert tab.staff_combo.currentData() == desk.id
