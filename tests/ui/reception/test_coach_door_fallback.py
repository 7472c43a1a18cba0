"""The desk before registration: the coach addresses the patient as the door saw them; the
desk list recolours as soon as the admin changes the wait thresholds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, settings, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import press, type_text

pytestmark = pytest.mark.gui
K = Qt.Key


def test_an_elder_greeted_at_the_door_is_auntie_at_the_desk(area, qtbot):
    door = area.show_door()
    qtbot.keyClick(door, K.Key_F2)
    for key in (K.Key_2, K.Key_3, K.Key_6, K.Key_9):  # not booked, first visit, female, elder
        qtbot.keyClick(door, key)
    type_text(door.name_edit, "王")
    qtbot.keyClick(door.handover_button, K.Key_Return)
    visit_id = door.last_visit.id
    desk = area.show_desk()
    desk.refresh_list()
    press(qtbot, desk, K.Key_F4)  # take the next one: our elder, at TRIAGE now
    assert desk.view.id == visit_id and desk.view.age is None
    assert desk.coach.address_text() == "王阿姨"
    # Registration: until the form says otherwise, still 王阿姨 (the typed name wins later).
    type_text(desk.triage_step.triage.complaint, "头晕")
    press(qtbot, desk.triage_step.triage.complaint, modifier=Qt.KeyboardModifier.ControlModifier)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert desk.coach.address_text() == "王阿姨"


@pytest.mark.parametrize("sex,band,address", [
    ("M", "elder", "叔叔"),
    ("F", "elder", "阿姨"),
    ("M", "adult", "先生"),
    ("F", "child", "小朋友"),
    ("", "", "先生／女士"),
])
def test_subject_falls_back_to_the_door_s_sex_and_age_band(rules_db, sex, band, address):
    from frontdesk import etiquette
    from frontdesk.ui.reception.coach import CoachSubject

    view = SimpleNamespace(patient_name="", sex="", age=None, door_sex=sex, door_age_band=band,
                           door_name="")
    subject = CoachSubject.from_visit(view)
    assert etiquette.form_of_address(subject.name or None, subject.sex, subject.age) == address


def test_the_registered_age_wins_over_the_door_s_guess(rules_db):
    from frontdesk.ui.reception.coach import CoachSubject

    settings.set("door.elder_min_age", 70)  # the door's elder is 70+: still 叔叔 / 阿姨
    view = SimpleNamespace(patient_name="李华", sex="F", age=30, door_sex="F",
                           door_age_band="elder", door_name="王")
    subject = CoachSubject.from_visit(view)
    assert (subject.name, subject.age) == ("李华", 30)
    door_only = CoachSubject.from_visit(SimpleNamespace(age=None, door_sex="F",
                                                        door_age_band="elder"))
    assert door_only.age == 70 and door_only.sex == "F"


def _arrived_four_minutes_ago(area, qtbot, clock):
    """A walk-in ticketed at the door 4 minutes ago (amber at the desk from 3), the desk open."""
    door = area.show_door()
    qtbot.keyClick(door, K.Key_F2)
    for key in (K.Key_2, K.Key_3):  # not booked, first visit
        qtbot.keyClick(door, key)
    qtbot.keyClick(door, K.Key_Return)
    visit_id = door.last_visit.id
    clock.advance(minutes=4)
    desk = area.show_desk()
    desk.refresh_list()
    return visit_id, desk


def test_new_thresholds_from_the_admin_recolour_the_desk_list_at_once(area, qtbot, demo_ctx,
                                                                      clock):
    from frontdesk import admin
    from frontdesk.db.models import Staff

    visit_id, desk = _arrived_four_minutes_ago(area, qtbot, clock)
    model = desk.visit_list.model
    assert model.level_at(model.row_of(visit_id)) == "amber"  # GREETING: amber from 3 minutes
    boss = Staff.get(Staff.username == "admin")
    done = []
    demo_ctx.run(admin.update_settings, actor=boss,
                 values={"desk.amber_minutes": {"GREETING": 5}},
                 on_done=done.append, on_error=pytest.fail)
    qtbot.waitUntil(lambda: bool(done))
    assert model.level_at(model.row_of(visit_id)) == "ok"


def test_a_failed_threshold_read_keeps_the_last_thresholds_and_the_list(area, qtbot, clock,
                                                                      monkeypatch):
    import sqlite3

    from frontdesk.reception import urgency

    visit_id, desk = _arrived_four_minutes_ago(area, qtbot, clock)
    model = desk.visit_list.model
    known = model.limits()

    def broken():  # the settings table cannot be read this once (a driver error)
        raise sqlite3.DatabaseError("file is not a database")

    monkeypatch.setattr(urgency, "thresholds", broken)
    clock.advance(minutes=1)
    desk.refresh_list()  # through the runner: a FrontdeskError, not a traceback
    assert model.limits() == known
    assert model.level_at(model.row_of(visit_id)) == "amber"
