"""Desk triage page: a linked patient's sex and age shape the suggestions (issue #13)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui


def _step(area, qtbot):
    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    return desk.triage_step


def test_a_child_linked_before_triage_goes_to_paediatrics(area, qtbot):
    step = _step(area, qtbot)
    panel = step.triage
    type_text(panel.complaint, "肚子疼三天")
    panel.update_suggestions()
    assert panel.departments.item(0).text().startswith("内科")
    # A returning patient, five years old, is linked while the complaint stays typed.
    child = dataclasses.replace(step.view, patient_id=1, patient_name="王小明", sex="M", age=5)
    step.show_visit(child, keep_typed=True)
    assert panel.complaint.toPlainText() == "肚子疼三天"
    assert panel.departments.item(0).text().startswith("儿科")


def test_the_panel_passes_sex_and_age_when_loaded(area, qtbot):
    panel = _step(area, qtbot).triage
    panel.load("小肚子疼", None, None, sex="M", age=40)
    codes = {d.id: d.code for d in panel._departments}
    assert "gyn" not in [codes[d[0]] for d in panel.suggestion.departments]
    panel.load("小肚子疼", None, None, sex="F", age=30)
    assert "gyn" in [codes[d[0]] for d in panel.suggestion.departments]
