# ruff: noqa: F811 - the fixtures are imported from tests.ui.reception.reception_support
"""The registration form follows the conversation (issue 18, point 3).

Two dense columns; 媒体来源 second, right after the name (Tab and Enter go
there); the media question cannot be skipped silently: nothing chosen is
refused at the field, an explicit "Not asked" is accepted.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import reception, stages
from frontdesk.db.models import Patient
from tests.helpers.actors import viewer
from tests.ui.reception.reception_support import (  # noqa: F401  (fixtures)
    area,
    arrive,
    demo_ctx,
    desk_staff,
    pinned,
    press,
    type_text,
)

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def _to_registration(area, qtbot):
    visit_id = arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    press(qtbot, desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    press(qtbot, triage.complaint, modifier=CTRL)
    assert desk.view.stage == stages.REGISTRATION
    return visit_id, desk


def _fill_identity(form):
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")


def test_media_source_comes_right_after_the_name(area, qtbot):
    _, desk = _to_registration(area, qtbot)
    form = desk.registration.form
    form.name.setFocus()
    type_text(form.name, "欧阳娜娜")
    press(qtbot, form.name)  # Enter moves on, as the conversation does
    assert form.media_source.hasFocus()
    press(qtbot, form.media_source, Qt.Key.Key_Tab)
    assert form.phone.hasFocus()


def test_two_dense_columns_without_a_large_empty_area(area, qtbot):
    _, desk = _to_registration(area, qtbot)
    form = desk.registration.form
    left, right = form.left_column, form.right_column
    assert left.isVisible() and right.isVisible()
    assert left.geometry().top() == right.geometry().top()
    assert right.geometry().left() > left.geometry().right()  # side by side
    # Neither column is much taller than the other (no long single column).
    assert abs(left.height() - right.height()) < max(left.height(), right.height()) / 2
    # Both name and media source sit in the left column, media second.
    assert form.labels["media_source_id"].parentWidget() is left
    assert form.boxes["name"].geometry().top() < form.boxes["media_source_id"].geometry().top()
    assert form.boxes["media_source_id"].geometry().top() < form.boxes["phone"].geometry().top()


def test_media_question_cannot_be_skipped_silently(area, qtbot):
    visit_id, desk = _to_registration(area, qtbot)
    form = desk.registration.form
    _fill_identity(form)
    press(qtbot, form.age, modifier=CTRL)
    assert reception.get_visit(visit_id, actor=viewer()).stage == stages.REGISTRATION
    assert form.error_at("media_source_id")  # told at the field
    assert form.media_source.hasFocus()

    form.choose_not_asked()  # an explicit answer
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, form.errors()
    assert Patient.get_by_id(view.patient_id).media_source_id is None


def test_a_chosen_media_source_is_stored(area, qtbot):
    visit_id, desk = _to_registration(area, qtbot)
    form = desk.registration.form
    _fill_identity(form)
    form.choose_media_by_index(0)
    chosen = form.media_source.currentData()
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    view = reception.get_visit(visit_id, actor=viewer())
    assert view.stage == stages.BILLING, form.errors()
    assert Patient.get_by_id(view.patient_id).media_source_id == chosen
