"""Hostile text typed into the desk's fields: a message at the field, nothing stored, no crash.

pytest-qt fails a test on any exception raised in a slot, so each case also proves that
no handler let one escape. (Lone surrogates never reach a Qt field: PySide drops them
on the way in; the domain tests cover them.)
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier

MARKUP = "<b>头痛</b> & <font name=x>三天</font> <para> <i>未闭合"


def to_triage(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    return desk, visit_id


def stage_of(visit_id: int) -> str:
    return reception.get_visit(visit_id, actor=viewer()).stage


@pytest.mark.parametrize("complaint, says", [
    ("   \u3000\n\t ", "complaint"),
    ("\u200b\u202e\x00\x1b", "complaint"),  # only invisible and control characters
    ("头" * 10_000, "10000"),
])
def test_a_hostile_complaint_is_a_message_at_the_complaint_box(area, qtbot, complaint, says):
    desk, visit_id = to_triage(area, qtbot)
    triage = desk.triage_step.triage
    triage.complaint.setPlainText(complaint)
    triage.confirm()
    shown = triage.complaint_box.error_text()
    assert shown and (says in shown or "主诉" in shown)
    assert triage.complaint_box.error.isVisibleTo(triage)
    assert stage_of(visit_id) == stages.TRIAGE


def test_markup_emoji_and_bidi_in_a_complaint_are_kept_as_plain_text(area, qtbot):
    desk, visit_id = to_triage(area, qtbot)
    triage = desk.triage_step.triage
    triage.complaint.setPlainText(f"{MARKUP} 😀\u202e反\u0000")
    press(qtbot, triage.complaint, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION
    assert view.complaint == f"{MARKUP} 😀反"  # literal markup; bidi override and NUL dropped


def _to_registration(area, qtbot):
    desk, visit_id = to_triage(area, qtbot)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    assert stage_of(visit_id) == stages.REGISTRATION
    form = desk.registration.form
    form.media_source.setCurrentIndex(1)
    return form, visit_id


@pytest.mark.parametrize("field, value", [
    ("name", "张\x00三"),
    ("name", "\u202e张三"),
    ("name", "张三😀"),
    ("name", "王" * 10_000),
    ("name", "   "),
    ("name", "Robert'); DROP TABLE patient;--"),
    ("name", "<b>张三</b>"),
    ("phone", "138001380０"),  # ten digits, one of them full-width
    ("phone", "+44 7911 123456"),
    ("phone", "9" * 10_000),
    ("id_number", "110105194902290021"),  # 29 Feb 1949: not a leap year
    ("id_number", "110105999912310021"),  # born 9999-12-31
    ("birth_date", "0000-00-00"),
    ("birth_date", "2023-02-29"),
    ("birth_date", "9999-12-31"),
    ("age", "-5"),
    ("age", "999"),
])
def test_hostile_registration_input_is_a_message_at_its_field(area, qtbot, field, value):
    form, visit_id = _to_registration(area, qtbot)
    valid = {"name": "张三", "phone": "１３８００１３８０００", "age": "30"}  # full-width is fine
    form.sex.setCurrentIndex(form.sex.findData("F"))
    for key, text in valid.items():
        if key != field:
            getattr(form, key).setText(text)
    getattr(form, field).setText(value)
    press(qtbot, form.name, modifier=CTRL)
    assert stage_of(visit_id) == stages.REGISTRATION  # nothing saved
    assert form.error_at(field), form.errors()
    assert form.boxes[field].error.isVisibleTo(form)


def test_full_width_digits_and_pasted_marks_in_phone_and_id_are_read(area, qtbot):
    form, visit_id = _to_registration(area, qtbot)
    form.name.setText("张三")
    form.phone.setText("\u202d１３８ ００１３ ８０００\u202c")
    form.id_number.setText("\u202d11010519491231002x\u202c")  # sex and birth date from it
    press(qtbot, form.name, modifier=CTRL)
    assert not form.errors(), form.errors()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING


@pytest.mark.parametrize("typed", ["\x00", "\u202e\u200b", "'; DROP TABLE patient;--", "%_\\",
                                   "头" * 10_000, "9" * 10_000, "<b>&amp;", "😀"])
def test_the_lookup_box_answers_anything_with_a_status(qtbot, demo_db, desk_staff, typed):
    from frontdesk.ui.reception.lookup import PatientLookup

    lookup = PatientLookup(actor=lambda: desk_staff)
    qtbot.addWidget(lookup)
    lookup.show()
    lookup.query.setText(typed)
    lookup.search_now()
    assert lookup.status.text()  # "no record found" or a message, never silence
    assert lookup.model.rowCount() == 0


def test_the_lookup_finds_a_number_pasted_with_invisible_marks(qtbot, demo_db, desk_staff):
    from frontdesk.db.models import Patient
    from frontdesk.ui.reception.lookup import PatientLookup

    phone = Patient.select().first().phone
    lookup = PatientLookup(actor=lambda: desk_staff)
    qtbot.addWidget(lookup)
    lookup.query.setText(f"\u202d{phone[:3]} {phone[3:7]} {phone[7:]}\u202c")
    lookup.search_now()
    assert lookup.model.rowCount() >= 1


def test_the_lookup_box_says_so_when_the_database_fails(qtbot, demo_db, desk_staff, monkeypatch):
    """A driver error while typing a name (another desk holds the file, the server went
    away) is a sentence under the box, not an exception in the timer's slot."""
    import sqlite3

    from frontdesk.db.models import database_proxy
    from frontdesk.ui.reception.lookup import PatientLookup

    lookup = PatientLookup(actor=lambda: desk_staff)
    qtbot.addWidget(lookup)
    db = database_proxy.obj

    def locked(*_a, **_k):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(db, "execute_sql", locked)
    lookup.query.setText("zhang")
    lookup.search_now()
    assert lookup.status.text() and "locked" not in lookup.status.text()
    assert lookup.model.rowCount() == 0


def test_a_draft_of_hostile_text_comes_back_as_typed_after_a_restart(area, qtbot, demo_ctx):
    """What was typed is never lost, even when it cannot be saved yet: the half-filled form
    (an impossible birth date, NUL, markup, a page of text) survives rebuilding the screen."""
    from frontdesk.ui.reception.area import ReceptionArea

    form, visit_id = _to_registration(area, qtbot)
    typed = {"name": "张\x00三<b>", "birth_date": "2023-02-29", "habits": "常<font name=x>" * 100,
             "phone": "１３８ ００１３ ８０００"}
    for key, text in typed.items():
        getattr(form, key).setText(text)
        getattr(form, key).textEdited.emit(text)  # as typing does: the draft is saved
    qtbot.waitUntil(lambda: (reception.load_draft(visit_id, actor=viewer()) or {}).get(
        "habits") == typed["habits"], timeout=3000)
    area.close()
    again = ReceptionArea(demo_ctx)
    qtbot.addWidget(again)
    again.desk.visit_list.select_visit(visit_id)
    restored = again.desk.registration.form
    for key, text in typed.items():
        assert getattr(restored, key).text() == text, key


def test_a_pasted_page_is_said_too_long_while_typing_without_ranking_it(area, qtbot, monkeypatch):
    from frontdesk import triage as triage_domain

    desk, visit_id = to_triage(area, qtbot)
    triage = desk.triage_step.triage
    asked = []
    real = triage_domain.suggest
    monkeypatch.setattr(triage_domain, "suggest", lambda text, **kw: asked.append(text) or real(
        text, **kw))
    triage.complaint.setPlainText("头痛" * 5_000)
    triage.update_suggestions()
    assert "10000" in triage.complaint_box.error_text()
    assert not any(len(t) > 5_000 for t in asked)
    assert stage_of(visit_id) == stages.TRIAGE
    triage.complaint.setPlainText("头痛三天")  # cut down: the message goes, ranking comes back
    triage.update_suggestions()
    assert not triage.complaint_box.error_text() and asked[-1] == "头痛三天"
