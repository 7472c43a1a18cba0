"""Leave reasons are stored as codes and shown in the reader's language (desk and report)."""

from __future__ import annotations

import pytest

from frontdesk import i18n, leave_reasons, reception, stages
from frontdesk.db.models import Visit
from frontdesk.permissions import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.tables import daily_tables
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import FIXED_NOW, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def test_encode_and_label():
    assert leave_reasons.encode("waited_too_long") == "waited_too_long"
    # A label in either language is the code; the desk's own words are "other".
    assert leave_reasons.encode("等候时间太长") == "waited_too_long"
    assert leave_reasons.encode("went to another hospital") == "other_hospital"
    assert leave_reasons.encode("孩子哭闹") == "other:孩子哭闹"
    assert leave_reasons.encode("personal", "接孩子") == "personal:接孩子"
    assert leave_reasons.label("waited_too_long", "en") == "Waited too long"
    assert leave_reasons.label("waited_too_long", "zh_CN") == "等候时间太长"
    assert leave_reasons.label("personal:接孩子", "en") == "Something came up: 接孩子"
    assert leave_reasons.label("other:孩子哭闹", "en") == "孩子哭闹"
    # Rows stored before codes existed pass through.
    assert leave_reasons.label("嫌贵", "en") == "嫌贵" and leave_reasons.code_of("嫌贵") == "嫌贵"
    assert leave_reasons.code_of("personal:接孩子") == "personal"
    assert leave_reasons.code_of("other:孩子哭闹") == "other:孩子哭闹"  # own words kept apart


def test_leave_stores_the_code_and_shows_the_label(env):
    v = walk(env, stages.TRIAGE)
    reception.leave(v.id, actor=env.desk, expected_version=v.version, reason="Waited too long")
    assert Visit.get_by_id(v.id).left_reason == "waited_too_long"
    i18n.set_language("en")
    try:
        view = reception.get_visit(v.id, actor=viewer())
        assert (view.left_reason, view.left_reason_code) == ("Waited too long", "waited_too_long")
    finally:
        i18n.set_language("zh_CN")
    assert reception.get_visit(v.id, actor=viewer()).left_reason == "等候时间太长"


def test_daily_report_groups_by_code_with_localised_labels(env):
    for reason in ("waited_too_long", "等候时间太长", "孩子哭闹", "有急事要走"):
        v = walk(env, stages.TRIAGE)
        reception.leave(v.id, actor=env.desk, expected_version=v.version, reason=reason)
    summary = build_daily(FIXED_NOW.date(), actor=SYSTEM, today=FIXED_NOW.date())
    assert {r.reason: r.count for r in summary.left_reasons} == {
        "waited_too_long": 2, "other:孩子哭闹": 1, "other:有急事要走": 1}
    left = next(t for t in daily_tables(summary, "en") if t.key == "left")
    assert list(left.rows)[0] == ("Waited too long", 2)
    assert set(left.rows) == {("Waited too long", 2), ("孩子哭闹", 1), ("有急事要走", 1)}
    left_zh = next(t for t in daily_tables(summary, "zh_CN") if t.key == "left")
    assert list(left_zh.rows)[0] == ("等候时间太长", 2)
