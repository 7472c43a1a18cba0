"""A complaint's resolution is checked for the forbidden phrases, gently (issue 18, point 7)."""

from __future__ import annotations

import pytest

from tests.ui.service.test_complaint_ui import make_panel  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_resolution_with_a_forbidden_phrase_gets_a_gentle_note(qtbot, make_panel):  # noqa: F811
    panel = make_panel("supervisor")
    editor = panel.work.editor("resolution")
    editor.insertPlainText("这个不关我的事，欢迎再来")
    check = panel.resolution_check
    qtbot.waitUntil(lambda: bool(check.label.text()))
    note = check.label.text()
    assert "不关我的事" in note and "欢迎再来" in note and "请慢走" in note
    editor.setPlainText("已向患者致歉，请慢走，祝您健康")
    assert check.check() == ""
