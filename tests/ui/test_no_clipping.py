"""No text is cut off, in either language, at 1366×768 or 1920×1080 (issue 18, point 8).

Walks every area of the main window, and the desk through a visit's steps
(triage, registration, billing, escort) and the door, and fails when a
label's text is wider than the label, a button or check box is narrower than
its text, or a placeholder does not fit its field (tests/ui/clipping.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk import i18n
from frontdesk.ui import translation
from frontdesk.ui.shell.main_window import AREAS, MainWindow
from tests.ui.clipping import clipped
from tests.ui.reception.reception_support import (  # noqa: F401  (fixtures)
    arrive,
    demo_ctx,
    desk_staff,
    pinned,
    type_text,
)

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def supervisor_ctx(demo_ctx):  # noqa: F811
    from frontdesk.db.models import Staff

    demo_ctx.set_staff(Staff.select().where(Staff.role == "supervisor").first())
    return demo_ctx


def _window(qtbot, ctx, lang, size):
    i18n.set_language(lang)
    translation.install(lang)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _desk_steps(win, qtbot):
    """The desk at each step of a new patient's visit, yielding the step's name."""
    area = win.show_area("reception")
    arrive(area, qtbot, booked=False, first_visit=True)
    yield "door"
    desk = area.show_desk()
    qtbot.keyClick(desk, Qt.Key.Key_F4)
    triage = desk.triage_step.triage
    type_text(triage.complaint, "胃痛三天")
    triage.update_suggestions()
    yield "triage"
    qtbot.keyClick(triage.complaint, Qt.Key.Key_Return, CTRL)
    yield "registration"
    form = desk.registration.form
    type_text(form.name, "欧阳娜娜")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    type_text(form.phone, "13912345678")
    type_text(form.age, "27")
    form.choose_not_asked()
    qtbot.keyClick(form.age, Qt.Key.Key_Return, CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    yield "billing"
    desk.confirm_payment()
    yield "escort"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366", "1920"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_text_is_cut_off_anywhere(qtbot, supervisor_ctx, lang, size):
    win = _window(qtbot, supervisor_ctx, lang, size)
    found = []
    for spec in AREAS:
        area = win.show_area(spec.key)
        qtbot.wait(20)
        found += [f"{spec.key}: {c}" for c in clipped(area)]
    for step in _desk_steps(win, qtbot):
        qtbot.wait(20)
        found += [f"reception/{step}: {c}" for c in clipped(win.area("reception"))]

    assert found == [], "\n".join(found)


def test_the_detector_sees_cut_text(qtbot):
    """The walker is no empty loop: each kind of cut it looks for is caught."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    label = QLabel("Gynaecology and obstetrics")
    label.setObjectName("narrowLabel")
    label.setFixedWidth(40)
    edit = QLineEdit()
    edit.setObjectName("narrowEdit")
    edit.setPlaceholderText("18 digits; fills sex and birth date")
    edit.setFixedWidth(60)
    button = QPushButton("Paid at the cashier — next (Enter)")
    button.setObjectName("narrowButton")
    button.setFixedWidth(50)
    fine = QLabel("OK")
    for w in (label, edit, button, fine):
        layout.addWidget(w)
    top.show()
    qtbot.waitExposed(top)
    found = "\n".join(clipped(top))
    for name in ("narrowLabel", "narrowEdit", "narrowButton"):
        assert name in found, name
    assert "'OK'" not in found
