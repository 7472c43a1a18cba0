"""The red-flag safety net (danger words, families, vital signs) and the general fallback."""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.db.models import Department
from frontdesk.triage import safety as triage_safety


def codes(suggestion) -> list[str]:
    by_id = {d.id: d.code for d in Department.select()}
    return [by_id[d] for d, _name, _words, _score in suggestion.departments]


@pytest.mark.parametrize("complaint, kw", [
    # danger words on their own, in any wording around them
    ("昏迷", {}), ("叫不醒", {}), ("割腕了", {}), ("他昏谜了", {}), ("佢晕咗，叫唔醒", {}),
    # families: chest part × pain × sweating; bleeding × intensity or a high-risk context
    ("心脏那里一阵一阵绞着疼，出冷汗", {}), ("心口窝揪着疼，一脑门子汗", {}),
    ("我老婆生完孩子一直在流血", {}), ("出血有半个小时了，还在流", {}), ("便血好多", {}),
    ("让车给撞了，满脸是血", {}), ("孩子把一整板降压药都吃了", {"age": 3}),
    # numbers: temperature with a child or confusion, infants, blood pressure, heart rate
    ("孩子烧到四十度，有点迷糊", {}), ("体温39度8，孩子一直睡", {"age": 2}),
    ("两个月的孩子摸着有点烫，量了38度2", {}), ("刚满月的宝宝发烧了", {}),
    ("BP 200/120，头很疼", {}), ("血压80/50，头晕出冷汗", {}), ("心跳一分钟180下，胸闷", {}),
])
def test_the_safety_net_raises_the_flag(rules_db, complaint, kw):
    s = triage.suggest(complaint, learn=False, **kw)
    assert s.red_flag, complaint
    assert codes(s)[0] == "emergency"


@pytest.mark.parametrize("complaint, kw, first_code", [
    ("以前吐过血，现在好了，来复查", {}, "internal"), ("没有胸痛，就是有点咳", {}, "internal"),
    ("以前抽过风，现在很久没犯了，来开药", {}, "internal"), ("鼻子一直出血", {}, "ent"),
    ("刷牙出血", {}, "dental"), ("孩子烧到38度6，咳嗽", {"age": 4}, "paeds"),
    ("血压量出来一百八，头有点胀", {}, "internal"), ("以前血压180，吃药后现在130，来开药", {}, "internal"),
    ("心跳有点快，90多，没别的不舒服", {}, "internal"), ("被自行车撞了一下，膝盖擦破皮了", {}, "surgery"),
    ("吃了好多药都不见好，一直咳", {}, "internal"), ("3个月的宝宝吐奶", {}, "paeds"),
])
def test_no_flag_for_denied_past_or_mild(rules_db, complaint, kw, first_code):
    s = triage.suggest(complaint, learn=False, **kw)
    assert not s.red_flag, s.red_flag_reason()
    assert codes(s)[0] == first_code


@pytest.mark.parametrize("complaint, kw, first_code", [
    ("心里有点烦", {}, "internal"), ("心里有点烦", {"age": 5}, "paeds"),
    ("产后一个多月了，想来复查", {"sex": "F"}, "gyn"), ("怀孕了想问问", {}, "gyn"),
])
def test_a_complaint_that_matches_nothing_still_gets_a_default(rules_db, complaint, kw, first_code):
    s = triage.suggest(complaint, learn=False, **kw)
    assert codes(s)[0] == first_code and not s.red_flag


def test_the_fallback_says_it_is_one(rules_db):
    s = triage.suggest("心里有点烦", learn=False)
    assert s.departments[0][2] == ["无具体匹配"]
    assert triage.suggest("？？？", learn=False).departments == []


@pytest.mark.parametrize("text, value", [
    ("一百八", 180), ("八十", 80), ("四十", 40), ("39", 39), ("两百", 200), ("十", 10), ("x", None),
])
def test_chinese_numbers(text, value):
    assert triage_safety.zh_number(text) == value


@pytest.mark.parametrize("text, years", [
    ("3个月的宝宝", 0.25), ("两个月的孩子", 2 / 12), ("刚满月的宝宝", 1 / 12), ("八十多岁的老人", 80),
    ("孩子五岁", 5), ("发烧两天", None),
])
def test_ages(text, years):
    age = triage_safety.patient_age(text)
    assert (age is None and years is None) or age == pytest.approx(years, abs=0.01)


@pytest.mark.parametrize("text, temps", [
    ("体温39度8", [39.8]), ("烧到四十度", [40.0]), ("体温40.2，全身抽", [40.2]),
    ("三十九度五", [39.5]), ("发烧38度", [38.0]), ("血压150/95", []), ("以前烧到40度", []),
])
def test_temperatures(text, temps):
    view = triage_safety.views([text], triage_safety.Safety(), lambda t, c: set())[0]
    assert triage_safety.temperatures(view) == temps
