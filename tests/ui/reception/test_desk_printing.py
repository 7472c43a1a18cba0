# ruff: noqa: F811 - the fixtures are imported from tests.ui.reception.reception_support
"""Printing at the desk in one key press (issue 18, point 4).

The guide slip is printable at billing (the queue number exists), and once a
slip printer is chosen for this desk a slip goes straight to it: no preview,
no dialog.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from frontdesk import settings, stages
from frontdesk.ui.reception.slip_actions import print_settings_for, print_visit_slip
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


def test_a_chosen_slip_printer_prints_without_preview_or_dialog(db):
    assert not print_settings_for("guide").print_without_asking  # nothing chosen: preview
    settings.set("printing.guide.printer", "Desk-2-Receipt")
    chosen = print_settings_for("guide")
    assert chosen.default_printer == "Desk-2-Receipt" and chosen.print_without_asking
    assert not print_settings_for("billing").print_without_asking  # per kind


def test_guide_slip_prints_at_billing_with_one_key(area, qtbot, tmp_path):
    files, dialogs = [], []

    def to_pdf(ctx, visit_id, kind, parent):
        out = tmp_path / f"{kind}.pdf"
        files.append(out)

        def factory():
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            return printer

        # As the desk does it with "print without asking": no preview, no dialog.
        settings.set("printing.print_without_asking", True)
        return print_visit_slip(ctx, visit_id, kind, parent, run_dialog=dialogs.append,
                                printer_factory=factory)

    arrive(area, qtbot, booked=False, first_visit=True)
    desk = area.show_desk()
    desk.slip_printer = to_pdf
    press(qtbot, desk, Qt.Key.Key_F4)
    type_text(desk.triage_step.triage.complaint, "咳嗽")
    press(qtbot, desk.triage_step.triage.complaint, modifier=CTRL)
    form = desk.registration.form
    type_text(form.name, "钱七")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    type_text(form.phone, "13612345670")
    type_text(form.age, "45")
    form.choose_not_asked()
    press(qtbot, form.age, modifier=CTRL)
    if desk.registration.duplicates.isVisible():
        desk.registration.duplicates.create_button.click()
    assert desk.view.stage == stages.BILLING
    assert desk.billing.guide_button.isVisible()
    press(qtbot, desk.billing.confirm_button, Qt.Key.Key_G, CTRL)  # before payment
    assert desk.last_print is not None and desk.last_print.ok, desk.notice_text()
    assert [f.name for f in files] == ["guide.pdf"] and files[0].stat().st_size > 1000
    assert dialogs == []  # one press: no system dialog
    assert desk.view.stage == stages.BILLING  # printing moved nothing
