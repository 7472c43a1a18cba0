"""A change from another station refreshes the desk list, never the form being typed in."""

from __future__ import annotations

import pytest

from frontdesk.ui.shell import live
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import type_text
from tests.ui.reception.test_reception_forms import to_registration
from tests.ui.shell.test_live_updates import Station

pytestmark = pytest.mark.gui


def test_another_stations_arrival_joins_the_list_and_the_typing_stays(area, qtbot, demo_ctx,
                                                                     demo_db):
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.phone, "13800138000")
    bridge = live.LiveBridge(demo_ctx).start()
    try:
        qtbot.waitUntil(lambda: bridge.connected is True, timeout=5000)
        before = desk.visit_list.model.rowCount()
        station = Station(f"sqlite:///{demo_db.database}")
        try:
            with qtbot.waitSignal(demo_ctx.changes.visits_changed, timeout=1000):
                station.go()
            station.wait_done()
        finally:
            station.close()
    finally:
        bridge.stop()
    assert desk.visit_list.model.rowCount() == before + 1
    assert form.phone.text() == "13800138000"
    assert desk.view.id == visit_id
