"""The duplicate check before a new record runs on the worker, not the UI thread (issue 20)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from frontdesk import patients, reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_duplicate_check_runs_on_the_worker_and_its_answer_is_shown(area, qtbot, monkeypatch):
    from frontdesk.db.models import Patient

    existing = Patient.select().where(Patient.phone != "").order_by(Patient.id).first()
    threads = []
    real = patients.find_duplicates

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(patients, "find_duplicates", spy)
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "王五")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, existing.phone)
    type_text(form.age, "33")
    form.choose_not_asked()
    press(qtbot, form.age, modifier=CTRL)
    assert threads == [False]  # called once, off the UI thread
    dups = desk.registration.duplicates
    assert dups.isVisibleTo(desk) and existing.name in dups.list.item(0).text()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION


def test_a_failed_duplicate_check_is_said_and_nothing_is_created(area, qtbot, monkeypatch):
    from frontdesk.db.models import Patient
    from frontdesk.errors import DatabaseBusy

    def busy(*args, **kwargs):
        raise DatabaseBusy("另一台电脑正在写入。", "Another desk is writing.")

    monkeypatch.setattr(patients, "find_duplicates", busy)
    count = Patient.select().count()
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "王五")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "33")
    form.choose_not_asked()
    press(qtbot, form.age, modifier=CTRL)
    assert Patient.select().count() == count
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert desk.notice_text()
