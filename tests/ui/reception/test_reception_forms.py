"""Field errors, keyboard-only steps, drafts, conflicts and duplicates at the desk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import *  # noqa: F403 - the fixtures
from tests.ui.reception.reception_support import arrive, press, type_text

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def to_registration(area, qtbot, complaint="咳嗽") -> tuple[object, int]:
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, complaint)
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    return desk, visit_id


def leave_field(qtbot, widget) -> None:
    widget.setFocus()
    press(qtbot, widget, Qt.Key.Key_Tab)


def test_bad_phone_and_id_are_shown_at_their_fields(area, qtbot):
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.phone, "1380013800")  # ten digits
    leave_field(qtbot, form.phone)
    assert "11" in form.error_at("phone")
    assert form.boxes["phone"].error.isVisibleTo(form)
    type_text(form.id_number, "110105194912310021")  # wrong check digit
    leave_field(qtbot, form.id_number)
    assert "校验" in form.error_at("id_number")
    # Submitting stores nothing and shows every problem at its field.
    press(qtbot, form.name, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert {"name", "phone", "id_number"} <= set(form.errors())
    # Correcting a field clears its message.
    form.phone.clear()
    type_text(form.phone, "13800138000")
    leave_field(qtbot, form.phone)
    assert not form.error_at("phone")


def test_valid_id_fills_sex_birth_date_and_age(area, qtbot):
    desk, _ = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.id_number, "11010519491231002X")
    leave_field(qtbot, form.id_number)
    assert form.sex.currentData() == "F"
    assert form.birth_date.text() == "1949-12-31"
    assert form.age.text() == "76"  # on NOW's date
    assert not form.errors()


def test_a_record_with_a_birth_date_shows_its_age(area, qtbot):
    # A returning patient's record keeps the birth date, not the age: the required age
    # field must not come up empty (found on the demo hospital's desk, 1366x768).
    desk, _ = to_registration(area, qtbot)
    form = desk.registration.form
    form.set_values({"name": "何伟海", "birth_date": "1981-03-20", "age": None})
    assert form.age.text() == "45"  # on NOW's date, 2026-11-23
    form.set_values({"birth_date": "1981-03-20", "age": "44"})  # a draft's own answer stays
    assert form.age.text() == "44"
    form.clear()
    assert form.age.text() == "" and form.birth_date.text() == ""


def test_empty_name_and_impossible_age_are_refused(area, qtbot):
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.phone, "13800138000")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.age, "150")
    press(qtbot, form.age, modifier=CTRL)
    errors = form.errors()
    assert "name" in errors and "age" in errors
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION


def test_a_whole_step_by_keyboard_only(area, qtbot):
    """Triage: type, Enter to the departments, Enter to the doctors, Enter confirms."""
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    assert triage.complaint.hasFocus()
    type_text(triage.complaint, "牙痛")
    press(qtbot, triage.complaint)
    assert triage.departments.hasFocus()
    press(qtbot, triage.departments, Qt.Key.Key_Down)  # the staff picks the next one
    picked = triage.choice().department_id
    press(qtbot, triage.departments)
    assert triage.doctors.hasFocus()
    press(qtbot, triage.doctors)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION and view.department_id == picked


def test_enter_moves_to_the_next_field(area, qtbot):
    desk, _ = to_registration(area, qtbot)
    form = desk.registration.form
    form.name.setFocus()
    press(qtbot, form.name)
    assert form.media_source.hasFocus()  # asked right after the name (house rules)
    press(qtbot, form.media_source)
    assert form.phone.hasFocus()
    press(qtbot, form.phone)
    assert form.sex.hasFocus()


def test_draft_is_restored_after_rebuilding_the_screen(area, qtbot, demo_ctx):
    from frontdesk.ui.reception.area import ReceptionArea

    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.name, "张三")
    type_text(form.habits, "常网购")
    qtbot.waitUntil(lambda: (reception.load_draft(visit_id, actor=viewer()) or {}).get("habits") == "常网购",
                    timeout=3000)
    area.close()

    # "Restart": a new screen finds the visit at its stage, and what was typed.
    again = ReceptionArea(demo_ctx)
    qtbot.addWidget(again)
    desk2 = again.desk
    rows = {v.id: v.stage for v in desk2.visit_list.model.rows()}
    assert rows[visit_id] == stages.REGISTRATION
    desk2.visit_list.select_visit(visit_id)
    assert desk2.view.id == visit_id
    assert desk2.registration.form.name.text() == "张三"
    assert desk2.registration.form.habits.text() == "常网购"
    assert desk2.registration.draft_note.text()


def test_conflict_reloads_and_keeps_what_was_typed(area, qtbot, desk_staff):
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.name, "李四")
    type_text(form.phone, "13700001111")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.age, "40")
    form.choose_not_asked()
    # Another desk links a record first: the version moves on under our feet.
    from frontdesk.db.models import Patient

    other = Patient.select().order_by(Patient.id).first()
    stale = reception.get_visit(visit_id, actor=viewer())
    reception.attach_patient(visit_id, actor=desk_staff, expected_version=stale.version,
                             patient_id=other.id)
    press(qtbot, form.name, modifier=CTRL)
    assert desk.notice.property("kind") == "warn" and desk.notice_text()
    assert form.name.text() == "李四" and form.phone.text() == "13700001111"
    assert desk.view.version == reception.get_visit(visit_id, actor=viewer()).version
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    # The second try goes through with the reloaded version.
    press(qtbot, form.name, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.BILLING, desk.notice_text()


def test_duplicate_warning_before_a_new_record(area, qtbot):
    from frontdesk.db.models import Patient

    existing = Patient.select().where(Patient.phone != "").order_by(Patient.id).first()
    count = Patient.select().count()
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.name, "王五")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, existing.phone)
    type_text(form.age, "33")
    form.choose_not_asked()
    press(qtbot, form.age, modifier=CTRL)
    dups = desk.registration.duplicates
    assert dups.isVisibleTo(desk)
    assert existing.name in dups.list.item(0).text()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert Patient.select().count() == count  # nothing created yet
    press(qtbot, dups.list)  # Enter: the same person
    # The record is linked and shown for review: nothing is written to it yet.
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION and view.patient_id == existing.id
    assert form.name.text() == existing.name and form.phone.text() == existing.phone
    assert "王五" in desk.registration.review_note.text()
    press(qtbot, form.name, modifier=CTRL)
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING and view.patient_id == existing.id
    assert Patient.select().count() == count
    assert Patient.get_by_id(existing.id).name == existing.name  # not overwritten by 王五


def test_hostile_input_is_refused_at_the_field(area, qtbot):
    """A 5,000-character complaint, SQL-looking and emoji names: a message, no crash."""
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    triage.complaint.setPlainText("头痛" * 2500)
    triage.confirm()
    assert "5000" in triage.complaint_box.error_text()
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.TRIAGE
    triage.complaint.setPlainText("咳嗽'); DROP TABLE visit;--")
    triage.confirm()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.REGISTRATION and "DROP TABLE" in view.complaint
    form = desk.registration.form
    form.name.setText("Robert'); DROP TABLE patient;--")
    assert not form.check_field("name") and form.error_at("name")
    form.name.setText("王😀")
    assert not form.check_field("name") and "表情" in form.error_at("name")


def test_a_birth_date_fills_the_age_and_a_contradicting_age_is_asked_at_its_field(area, qtbot):
    """Issue 21: a typed age of 80 beside a 1990 birth date is never silently replaced."""
    desk, visit_id = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.name, "张三")
    type_text(form.phone, "13800138000")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    # Normal typing: the birth date fills the age, nothing to correct.
    type_text(form.birth_date, "1990-01-01")
    leave_field(qtbot, form.birth_date)
    assert form.age.text() == "36" and not form.errors()
    leave_field(qtbot, form.age)
    assert not form.errors()
    # The nurse overtypes the age: it stays as typed and is asked about at the age field.
    form.age.clear()
    type_text(form.age, "80")
    leave_field(qtbot, form.age)
    assert form.age.text() == "80" and "80" in form.error_at("age")
    press(qtbot, form.name, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert form.age.text() == "80" and "80" in form.error_at("age")
    # Another birth date does not overwrite the hand-typed age either.
    form.birth_date.clear()
    type_text(form.birth_date, "1985-01-01")
    leave_field(qtbot, form.birth_date)
    assert form.age.text() == "80" and form.error_at("age")


def test_a_baby_s_birth_date_gives_age_zero_without_a_message(area, qtbot):
    desk, _ = to_registration(area, qtbot)
    form = desk.registration.form
    type_text(form.birth_date, "2026-06-01")
    leave_field(qtbot, form.birth_date)
    leave_field(qtbot, form.age)
    assert form.age.text() == "0" and not form.error_at("age")
