"""Triage panel: a colloquial complaint shows the red banner or the right department, with why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui


def _panel(area, qtbot):
    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    return desk.triage_step.triage


def test_colloquial_red_flag_shows_the_banner_with_its_pattern(area, qtbot):
    triage = _panel(area, qtbot)
    type_text(triage.complaint, "嘴歪了，口水往外流")
    triage.update_suggestions()
    assert triage.red_banner.isVisibleTo(triage)
    assert "嘴歪 → 口角歪斜" in triage.red_banner.text()
    emergency = [d for d in triage._departments if d.is_emergency][0]
    assert triage.choice().department_id == emergency.id


def test_colloquial_complaint_shows_the_department_with_its_reason(area, qtbot):
    triage = _panel(area, qtbot)
    type_text(triage.complaint, "拉屎出血")
    triage.update_suggestions()
    assert not triage.red_banner.isVisibleTo(triage)
    first = triage.departments.item(0).text()
    assert first.startswith("肛肠科") and "拉屎出血 → 大便出血" in first
