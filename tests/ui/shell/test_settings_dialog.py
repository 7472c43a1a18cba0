"""Printing choices at a desk: stored, audited, used by the slip printing path."""

import pytest

from frontdesk import settings
from frontdesk.admin import print_prefs
from frontdesk.db.models import AuditLog
from frontdesk.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def desk_ctx(rules_db, ctx, make_staff):
    ctx.staff = make_staff("desk")
    return ctx


def test_printing_choices_are_saved_and_audited(qtbot, desk_ctx):
    settings.set("printing.billing.printer", "Cashier-Receipt")  # since unplugged
    dlg = SettingsDialog(desk_ctx)
    qtbot.addWidget(dlg)
    billing = dlg.printer_boxes["billing"]
    assert billing.currentData() == "Cashier-Receipt"
    assert "Cashier-Receipt" in billing.currentText()  # still shown, marked as not found
    dlg.format_boxes["guide"].setCurrentIndex(dlg.format_boxes["guide"].findData("a5"))
    dlg.without_asking.setChecked(True)
    dlg.accept()
    prefs = print_prefs.load()
    assert prefs.formats["guide"] == "a5" and prefs.print_without_asking
    assert prefs.printers["billing"] == "Cashier-Receipt"
    entry = AuditLog.get(AuditLog.entity == "settings")
    assert entry.staff_id == desk_ctx.staff.id and '"a5"' in entry.detail
    # The slip path reads what was chosen.
    from frontdesk.ui.reception.slip_actions import print_settings_for

    assert print_settings_for("billing").default_printer == "Cashier-Receipt"
    assert print_settings_for("guide").print_without_asking is True


def test_nothing_changed_writes_no_audit(qtbot, desk_ctx):
    dlg = SettingsDialog(desk_ctx)
    qtbot.addWidget(dlg)
    dlg.accept()
    assert not AuditLog.select().where(AuditLog.entity == "settings").exists()


def test_printing_needs_someone_logged_in(qtbot, rules_db, ctx):
    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    assert not dlg.printing.isEnabled()


def test_unknown_format_is_refused(rules_db, make_staff):
    prefs = print_prefs.load()
    prefs.formats["guide"] = "letter"
    with pytest.raises(Exception) as err:
        print_prefs.save(prefs, actor=make_staff("desk"))
    assert "letter" in err.value.message("en")
    assert settings.get("slips.guide.format") == "roll80"
