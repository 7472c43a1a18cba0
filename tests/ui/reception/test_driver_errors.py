"""A driver error on any desk action: a sentence where the desk looks, typed text kept, no escape.

The database's execute_sql is made to raise what the drivers raise when another
desk holds the SQLite file, when the connection is gone, or when PostgreSQL
restarts. pytest-qt fails the test if any exception escapes a Qt slot.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import peewee
import psycopg2
import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db.models import database_proxy
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier

DRIVER_ERRORS = {
    "sqlite-locked": lambda: sqlite3.OperationalError("database is locked"),
    "peewee-interface": lambda: peewee.InterfaceError("connection already closed"),
    "pg-restart": lambda: psycopg2.OperationalError(
        "server closed the connection unexpectedly\n\tThis probably means the server "
        "terminated abnormally\n\tbefore or while processing the request."),
}


class Faults:
    """Arms the database to fail every statement with one driver error."""

    def __init__(self, monkeypatch, make):
        self.make = make
        self.armed = False
        db = database_proxy.obj
        real = db.execute_sql

        def execute_sql(sql, params=None, *args, **kwargs):
            if self.armed:
                raise self.make()
            return real(sql, params, *args, **kwargs)

        monkeypatch.setattr(db, "execute_sql", execute_sql)

    @contextmanager
    def on(self):
        self.armed = True
        try:
            yield
        finally:
            self.armed = False


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def faults(request, monkeypatch, demo_db):
    return Faults(monkeypatch, DRIVER_ERRORS[request.param])


def stage(visit_id: int) -> str:
    return reception.get_visit(visit_id, actor=viewer()).stage


def told(desk) -> str:
    text = desk.notice_text()
    assert text.strip(), "the desk showed nothing"
    assert "Traceback" not in text and "server closed" not in text and "locked" not in text
    return text


def test_every_desk_step_says_so_and_keeps_what_was_typed(area, qtbot, faults):
    # The door: recording an arrival.
    door = area.show_door()
    qtbot.keyClick(door, Qt.Key.Key_F2)
    qtbot.keyClick(door, Qt.Key.Key_2)
    qtbot.keyClick(door, Qt.Key.Key_3)
    with faults.on():
        qtbot.keyClick(door, Qt.Key.Key_Return)
    assert door.message.text().strip()
    assert door.in_progress()  # the answers are still there: Enter again records it
    qtbot.keyClick(door, Qt.Key.Key_Return)
    assert door.last_visit is not None, door.message.text()
    visit_id = door.last_visit.id

    desk = area.show_desk()
    # Reading the list.
    with faults.on():
        desk.refresh_list()
    told(desk)
    desk.refresh_list()
    # Taking the patient.
    desk.open_visit(visit_id)
    with faults.on():
        desk.take()
    told(desk)
    assert stage(visit_id) == stages.GREETING
    desk.take()
    assert stage(visit_id) == stages.TRIAGE, desk.notice_text()

    # Triage: the complaint stays.
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    with faults.on():
        press(qtbot, triage.complaint, modifier=CTRL)
    told(desk)
    assert triage.complaint.toPlainText() == "胃痛三天"
    assert stage(visit_id) == stages.TRIAGE
    press(qtbot, triage.complaint, modifier=CTRL)
    assert stage(visit_id) == stages.REGISTRATION, desk.notice_text()

    # Registration: every field stays (the duplicate check and the step itself).
    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")
    form.media_source.setCurrentIndex(1)
    for _ in range(2):  # once at the duplicate check, once at the step after it
        with faults.on():
            press(qtbot, form.age, modifier=CTRL)
        told(desk)
        assert (form.name.text(), form.phone.text(), form.age.text()) == (
            "欧阳娜娜", "13912345678", "27")
        assert stage(visit_id) == stages.REGISTRATION
        desk.controller.dups_checked_for = visit_id  # the second round: straight to the step
    press(qtbot, form.age, modifier=CTRL)
    assert stage(visit_id) == stages.BILLING, desk.notice_text() or form.errors()

    # Billing.
    with faults.on():
        press(qtbot, desk.billing.confirm_button)
    told(desk)
    assert stage(visit_id) == stages.BILLING
    press(qtbot, desk.billing.confirm_button)
    assert stage(visit_id) == stages.ESCORT, desk.notice_text()

    # Escort: the chosen escort stays chosen.
    chosen = desk.escort.escort_id()
    with faults.on():
        press(qtbot, desk.escort.escort)
    told(desk)
    assert desk.escort.escort_id() == chosen and stage(visit_id) == stages.ESCORT
    press(qtbot, desk.escort.escort)
    assert stage(visit_id) == stages.DONE, desk.notice_text()

    # Back at post.
    with faults.on():
        press(qtbot, desk.escort.back_button)
    told(desk)
    press(qtbot, desk.escort.back_button)
    assert reception.get_visit(visit_id, actor=viewer()).escort_back


def test_leave_keeps_the_reason_typed(area, qtbot, faults):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    desk.open_visit(visit_id)
    desk.open_leave()
    box = desk.leave_box
    box.reason.setEditText("等太久了")
    with faults.on():
        box.confirm_button.click()
    told(desk)
    assert box.reason.currentText() == "等太久了"
    assert stage(visit_id) == stages.GREETING
    box.confirm_button.click()
    assert stage(visit_id) == stages.LEFT, desk.notice_text()


def test_opening_a_visit_when_the_database_fails(area, qtbot, faults):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    with faults.on():
        desk.open_visit(visit_id)
    told(desk)
