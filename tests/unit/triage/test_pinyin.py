"""Pinyin typed with the IME off and a triage nurse's shorthand (table-driven)."""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.db.models import Department
from frontdesk.triage import pinyin as triage_pinyin


def _top(complaint, **kw):
    s = triage.suggest(complaint, **kw)
    codes = {d.id: d.code for d in Department.select()}
    return (codes[s.departments[0][0]] if s.departments else None), s.red_flag


@pytest.mark.parametrize("complaint, dept, red", [
    ("yun dao le", "emergency", True),
    ("yundaole", "emergency", True),
    ("xiong tong chu han", "emergency", True),
    ("hu xi kun nan", "emergency", True),
    ("tu xue", "emergency", True),
    ("hai zi fa shao", "paeds", False),
    ("ya tong", "dental", False),
    ("tou tong 2 tian", "internal", False),
])
def test_pinyin_reads_as_the_lexicon_words(rules_db, complaint, dept, red):
    assert _top(complaint) == (dept, red)


@pytest.mark.parametrize("complaint, red", [
    ("CP 2h 出汗", True), ("SOB 加重", True), ("LOC 5min", True), ("sz x2", True),
    ("OD 安眠药", True), ("?CVA 左侧无力", True), ("GI bleed", True), ("SpO2 85%", True),
    ("RR 35 喘憋", True), ("GCS 8", True), ("T41.2", True), ("急腹症", True),
    ("cold sx, no SOB", False), ("denies LOC, minor HA", False), ("SpO2 98%", False),
    ("RR 18", False), ("T37.6 咽痛", False),
])
def test_nurse_shorthand_red_flags(rules_db, complaint, red):
    assert _top(complaint)[1] is red, complaint


@pytest.mark.parametrize("text", ["women he water", "he died", "long time no see", "tie a knot"])
def test_english_words_are_not_read_as_pinyin(text):
    index = triage_pinyin.build(["我们", "喝水", "胸痛", "晕倒", "死了"])
    converted = index.convert(text)
    assert converted is None or "胸痛" not in converted[0]
    assert triage_pinyin.build(["晕倒"]).convert("yun dao le")[0] == "晕倒 le"
