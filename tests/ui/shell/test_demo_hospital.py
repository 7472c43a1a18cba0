"""A new user opens the demo hospital: the queue board and the calling panel show this
morning's patients (they were empty when the demo had only last week's visits)."""

from __future__ import annotations

import pytest
from peewee import fn

from frontdesk.db.models import Department, QueueEntry, Staff
from frontdesk.queue import clinic
from frontdesk.ui import translation
from frontdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, full_demo_db, ctx, clock):
    from tests.helpers.clock import TEST_NOW

    clock.freeze(TEST_NOW)  # the demo's morning: the moment it was built for
    translation.install("zh_CN")
    ctx.set_staff(Staff.get(Staff.username == "desk1"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    ctx.tasks.wait()


def test_queue_board_shows_this_mornings_waiting_patients(window, qtbot):
    board = window.show_area("queue")
    board.refresh()
    rows = [card.model.rowCount() for card in board.cards.values()]
    assert sum(rows) >= 8 and len([n for n in rows if n]) >= 4
    assert board.care_list.text()  # somebody has waited long enough to be looked after


def test_calling_panel_shows_the_clinic_queue_in_several_states(window, qtbot):
    panel = window.show_area("calling")
    qtbot.waitUntil(lambda: panel.department.count() > 0, timeout=5000)  # read on a worker
    busiest = (QueueEntry.select(QueueEntry.department)
               .where(QueueEntry.state.in_(clinic.OPEN_STATES))
               .group_by(QueueEntry.department)
               .order_by(fn.COUNT(QueueEntry.id).desc()).first().department_id)
    at = panel.department.findData(busiest)
    assert at >= 0, Department.get_by_id(busiest).name_zh
    panel.department.setCurrentIndex(at)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=5000)
    states = {panel.model.row_at(r).state for r in range(panel.model.rowCount())}
    assert len(states) >= 2 and states & {clinic.WAITING, clinic.CALLED, clinic.CONSULTING}
    # Every clinic with a queue today is there to choose, with someone in it.
    shown = {panel.department.itemData(i) for i in range(panel.department.count())}
    queued = {e.department_id for e in QueueEntry.select(QueueEntry.department).distinct()}
    assert queued <= shown
