"""The Departments tab says whether the database's triage rules are the installed
triage.toml's, and an admin takes the installed ones with a button (no command line)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from frontdesk import settings
from frontdesk.ui.admin.area import AdminArea

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: save screenshots there to look at
DIFFER = {"zh_CN": "不一致", "en": "older than or different from"}
SAME = {"zh_CN": "一致", "en": "are the installed ones"}


@pytest.fixture(params=["zh_CN", "en"])
def area(request, qtbot, ctx, rules_db, make_staff):
    from PySide6.QtCore import QCoreApplication, QEvent

    from frontdesk.ui import translation

    installed = settings.get_json("rules.triage")
    settings.set_json("rules.triage", {**installed, "red_flags": installed["red_flags"][:3],
                                       "synonyms": {}})
    ctx.set_staff(make_staff("admin", username="boss", name="老板"))
    translation.install(request.param)
    widget = AdminArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.tabs.setCurrentWidget(widget.departments_tab)
    yield widget, request.param, installed
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translation.install("zh_CN")


def test_an_admin_takes_the_installed_triage_rules(area, qtbot, monkeypatch):
    widget, lang, installed = area
    box = widget.departments_tab.triage_box
    assert box.isVisible()
    assert DIFFER[lang] in box.state.text()
    assert box.take_button.isEnabled()
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"admin_triage_differ_{lang}.png"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: asked.append(args) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(box.take_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert settings.get_json("rules.triage") == installed
    assert SAME[lang] in box.state.text() and DIFFER[lang] not in box.state.text()
    assert not box.take_button.isEnabled()
    assert box.message.isVisible() and box.message.text()
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"admin_triage_same_{lang}.png"))
