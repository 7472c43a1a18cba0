"""Another station holds the SQLite file while the desk takes a step: a notice, then the step.

The desk window must not freeze for the busy timeout, nor look refused: it shows
"trying again" where it shows refusals, ignores a second press meanwhile, and
moves on by itself once the other station is done.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.errors import BusyRetrying
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive

pytestmark = pytest.mark.gui


@pytest.fixture
def other_desk(demo_db):
    conn = sqlite3.connect(demo_db.database, isolation_level=None, timeout=0)
    yield conn
    if conn.in_transaction:
        conn.rollback()
    conn.close()


def test_a_locked_file_shows_a_notice_then_the_step_goes_through(area, qtbot, other_desk):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    desk.open_visit(visit_id)
    take = desk.greeting.take_button
    assert desk.steps.currentWidget() is desk.greeting

    other_desk.execute("BEGIN IMMEDIATE")  # another desk is saving
    qtbot.keyClick(take, Qt.Key.Key_Return)
    assert other_desk.in_transaction  # the window got control back while it was held
    notice = desk.notice_text()
    assert notice == BusyRetrying("另一台电脑正在保存，稍候自动重试…",
                                  "Another station is saving; trying again…").message()
    assert desk.notice.property("kind") == "warn"  # a notice, not a refusal
    assert desk.view.stage == stages.GREETING and desk.controller.retrying
    qtbot.keyClick(take, Qt.Key.Key_Return)  # pressed again while waiting: nothing more

    other_desk.rollback()  # the other desk is done
    qtbot.waitUntil(lambda: desk.view.stage == stages.TRIAGE, timeout=10000)
    assert desk.steps.currentWidget() is desk.triage_step
    assert desk.notice_text() == ""  # cleared with the step's success
    assert not desk.controller.retrying
    area.ctx.tasks.wait()
    qtbot.wait(50)  # a second run would have reported by now
    assert desk.view.stage == stages.TRIAGE and desk.notice_text() == ""
    visit = reception.get_visit(visit_id, actor=viewer())
    assert visit.stage == stages.TRIAGE
    assert [e.action for e in visit.events].count(visit.events[-1].action) == 1
