"""A driver error on any desk action: a sentence where the desk looks, typed text kept, no escape.

The database's execute_sql (and db.prepared.execute, which the steps use inside their
transaction) is made to raise what the drivers raise when another desk holds the SQLite
file, when the connection is gone, or when PostgreSQL restarts — at BEGIN, or at the
first statement inside the transaction. pytest-qt fails the test if any exception escapes a Qt slot.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import peewee
import psycopg2
import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db import prepared
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


_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


class Faults:
    """Arms the database to fail with one driver error: at BEGIN (`where="begin"`: another
    desk holds the SQLite file) or at the first statement inside the transaction
    (`where="statement"`: the server went away mid-step). The steps run their statements
    through db.prepared.execute, on the connection itself: both paths are armed."""

    def __init__(self, monkeypatch, make, where: str = "begin"):
        self.make, self.where = make, where
        self.armed = False
        self.in_statements = 0  # failures raised inside a transaction, by prepared.execute
        db = database_proxy.obj
        real = db.execute_sql

        def execute_sql(sql, params=None, *args, **kwargs):
            # At a statement: reads before the step and its BEGIN pass; what runs inside
            # the transaction fails (here, or in prepared.execute below).
            if self.armed and (where == "begin" or (
                    db._state.transactions and not sql.lstrip().upper().startswith(_CONTROL))):
                raise self.make()
            return real(sql, params, *args, **kwargs)

        real_execute = prepared.execute

        def execute(sql, params=()):
            if self.armed and db._state.transactions:
                self.in_statements += 1
                with prepared._driver_errors:  # as the real one raises it: peewee's error
                    raise self.make()
            return real_execute(sql, params)

        monkeypatch.setattr(db, "execute_sql", execute_sql)
        monkeypatch.setattr(prepared, "execute", execute)

    @contextmanager
    def on(self):
        self.armed = True
        try:
            yield
        finally:
            self.armed = False


@pytest.fixture(params=[(e, w) for e in sorted(DRIVER_ERRORS) for w in ("begin", "statement")],
                ids=lambda p: f"{p[0]}-at-{p[1]}")
def faults(request, monkeypatch, demo_db):
    error, where = request.param
    return Faults(monkeypatch, DRIVER_ERRORS[error], where)


@pytest.fixture(params=sorted(DRIVER_ERRORS))
def read_faults(request, monkeypatch, demo_db):
    """For a read outside any transaction: every statement fails."""
    return Faults(monkeypatch, DRIVER_ERRORS[request.param], "begin")


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
    if faults.where == "begin":  # reading the list (no transaction: nothing to fail inside)
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
    # At a statement: the steps' own statements failed, not only BEGIN.
    assert (faults.in_statements > 0) == (faults.where == "statement")


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


def test_opening_a_visit_when_the_database_fails(area, qtbot, read_faults):
    faults = read_faults
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    with faults.on():
        desk.open_visit(visit_id)
    told(desk)
