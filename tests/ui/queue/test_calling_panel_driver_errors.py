"""The calling panel with a failing database driver: a sentence under the queue, no escape,
and the next call works once the database is back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.db.models import QueueEntry
from frontdesk.ui.queue.calling import CallingPanel
from tests.helpers.clinic_queue import queued
from tests.helpers.reception_flow import make_env
from tests.ui.reception.test_driver_errors import DRIVER_ERRORS, Faults

pytestmark = pytest.mark.gui


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, env):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


def test_a_driver_error_is_a_sentence_and_the_key_works_after(qtbot, ctx, env, clock, faults):
    ctx.staff = env.desk
    row = queued(env, clock)
    panel = CallingPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)
    call_next = panel.buttons["call_next"]  # the keys are driven in test_calling_panel.py
    with faults.on():
        qtbot.mouseClick(call_next, Qt.MouseButton.LeftButton)
        panel.refresh()
    text = panel.error.text()
    assert panel.error.isVisible() and text.strip()
    assert "locked" not in text and "server closed" not in text and "Traceback" not in text
    assert QueueEntry.get_by_id(row.entry_id).state == "waiting"  # nothing half-saved
    qtbot.mouseClick(call_next, Qt.MouseButton.LeftButton)
    assert not panel.error.isVisible()
    assert QueueEntry.get_by_id(row.entry_id).state == "called"
