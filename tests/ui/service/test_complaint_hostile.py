"""Hostile text in the service desk's complaint form: a message at the field, or plain text."""

from __future__ import annotations

import pytest

from frontdesk.db.models import Complaint
from frontdesk.service import complaints as cp
from frontdesk.ui.service.complaints import ComplaintPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, rules_db, make_staff, ctx):
    ctx.staff = make_staff("desk", name="李静")
    w = ComplaintPanel(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    return w


@pytest.mark.parametrize("field, value", [
    ("description", "  \u3000\n\t "),
    ("description", "\x00\x1b\u200b\u202e"),
    ("description", "投诉" * 5_000),
    ("name", "张😀"),
    ("name", "张\x00三"),
    ("name", "'; DROP TABLE complaint;--"),
    ("phone", "１３８００１３８００"),  # ten full-width digits
    ("phone", "+44 7911 123456"),
    ("staff_concerned", "王" * 10_000),
])
def test_hostile_complaint_input_is_a_message_at_its_field(panel, field, value):
    f = panel.new_form
    f.set_value("severity", cp.GENERAL)
    if field != "description":
        f.set_value("description", "导医态度冷淡")
    f.set_value(field, value)
    panel.record_button.click()
    assert f.error_text(field), (field, panel.error.text())
    assert Complaint.select().count() == 0


def test_markup_and_formulas_in_a_complaint_are_stored_as_plain_text(panel):
    f = panel.new_form
    f.set_value("severity", cp.GENERAL)
    text = "=HYPERLINK(\"x\") <b>多收费</b> & <font name=x> 😀\u202e"
    f.set_value("description", text)
    f.set_value("phone", "\u202d１３８ ００１３ ８０００\u202c")
    panel.record_button.click()
    c = Complaint.get()
    assert c.description == text.replace("\u202e", "") and c.phone == "13800138000"
