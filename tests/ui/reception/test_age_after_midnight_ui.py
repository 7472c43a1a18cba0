"""The night desk: a patient who arrived before midnight is registered after it, through the
real registration form. The age typed (or given by a birth date) is the age on the visit's
day, and the banner shows what the form showed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db.models import Patient
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import NOW, arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
ARRIVED = dt.datetime.combine(NOW.date(), dt.time(23, 50))
AFTER_MIDNIGHT = ARRIVED + dt.timedelta(minutes=40)
NEXT_DAY = AFTER_MIDNIGHT.date()


def _years_before(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year - years)


def _triaged_after_midnight(area, qtbot, clock, patient_id: int | None = None):
    """Arrived at 23:50 and taken; the complaint confirmed at 00:30: the registration page."""
    clock.freeze(ARRIVED)
    visit_id = arrive(area, qtbot, booked=False, first_visit=patient_id is None)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    assert desk.view.stage == stages.TRIAGE, desk.notice_text()
    if patient_id is not None:
        desk.attach(patient_id)  # the record chosen in the lookup
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    clock.freeze(AFTER_MIDNIGHT)  # midnight passes while the desk listens
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION, desk.notice_text()
    assert view.visit_date == NOW.date()
    return desk, visit_id


def _register(qtbot, desk, visit_id: int):
    form = desk.registration.form
    press(qtbot, form.name, modifier=CTRL)
    if desk.registration.duplicates.isVisible():  # a similar demo patient is possible
        desk.registration.duplicates.create_button.click()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, desk.notice_text() or form.errors()
    return view


def _banner_age(desk) -> int:
    """The age the banner above the step shows ("男 40 y" / "男 40 岁")."""
    return int(re.search(r"\d+", desk.header.sex_age.text()).group())


def _fill(form, *, name: str, phone: str) -> None:
    type_text(form.name, name)
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, phone)
    form.choose_not_asked()


def test_an_age_typed_after_midnight_shows_as_typed(area, qtbot, clock):
    desk, visit_id = _triaged_after_midnight(area, qtbot, clock)
    form = desk.registration.form
    _fill(form, name="夜归人", phone="13900001111")
    type_text(form.age, "40")
    view = _register(qtbot, desk, visit_id)
    assert view.age == 40
    assert _banner_age(desk) == 40
    assert Patient.get_by_id(view.patient_id).birth_date == _years_before(NOW.date(), 40)


def test_a_birth_date_typed_after_midnight_fills_the_age_on_the_visit_day(area, qtbot, clock):
    desk, visit_id = _triaged_after_midnight(area, qtbot, clock)
    form = desk.registration.form
    _fill(form, name="生日人", phone="13900002222")
    born = _years_before(NEXT_DAY, 40)  # 40 today, still 39 on the night they came
    type_text(form.birth_date, born.isoformat())
    press(qtbot, form.birth_date)  # Enter: on to the next field, the age is filled
    assert form.age.text() == "39"
    view = _register(qtbot, desk, visit_id)
    assert view.age == 39 and _banner_age(desk) == 39


def test_a_returning_estimate_is_offered_as_the_age_on_the_visit_day(area, qtbot, clock):
    born = _years_before(NEXT_DAY, 40)  # an estimate: 40 today, 39 on the visit's day
    p = Patient.create(record_no="P09000001", name="回头客", sex="M", phone="13900003333",
                       birth_date=born, birth_date_estimated=True)
    desk, visit_id = _triaged_after_midnight(area, qtbot, clock, patient_id=p.id)
    form = desk.registration.form
    assert form.name.text() == "回头客" and form.age.text() == "39"
    form.choose_not_asked()
    view = _register(qtbot, desk, visit_id)
    stored = Patient.get_by_id(p.id)
    assert (stored.birth_date, stored.birth_date_estimated) == (born, True)  # not re-estimated
    assert view.age == 39 and _banner_age(desk) == 39
