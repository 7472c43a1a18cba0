"""The red-flag backstop: raises a flag no rule did when a complaint reads like known emergencies."""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.db.models import Department
from frontdesk.paths import resource_path
from frontdesk.triage import backstop as triage_backstop
from frontdesk.triage import engine
from tools import triage_backstop as retrain

# Chest pain in words no [[red_flag]] pattern or safety-net family knows (a squeezed
# heart and a cold sweat), but close to the emergencies of the labelled sets.
UNSEEN_EMERGENCY = "心里像被人攥住一样，出了一身冷汗"


def test_a_complaint_no_rule_catches_is_flagged_with_the_backstops_reason(rules_db):
    cache = triage._engine()
    assert not engine.analyse(cache.rules, UNSEEN_EMERGENCY).red_flags  # no rule fires
    s = triage.suggest(UNSEEN_EMERGENCY, learn=False)
    assert s.red_flag
    assert s.red_flag_names == ["可能危急，请评估"]
    assert s.red_flag_reason().startswith("可能危急，请评估（") and "冷汗" in s.red_flag_reason()
    assert s.departments[0][1] == "急诊科"
    assert "冷汗" in s.departments[0][2][0]


def test_an_ordinary_complaint_is_not_flagged(rules_db):
    for complaint in ("嗓子有点痒，咳嗽两天", "膝盖扭了一下，有点肿", "牙疼好几天了", "头有点晕，睡不好"):
        assert not triage.suggest(complaint, learn=False).red_flag, complaint


def test_a_rule_flag_is_never_removed_nor_renamed(rules_db, monkeypatch):
    cache = triage._engine()
    for complaint in ("老爷子突然半边身子不听使唤了", "孩子喘得厉害，嘴唇发紫", "BP 200/120，头很疼"):
        rule_names = [zh for _c, zh, _en, _w in engine.analyse(cache.rules, complaint).red_flags]
        assert rule_names, complaint
        s = triage.suggest(complaint, learn=False)
        assert s.red_flag and s.red_flag_names == list(dict.fromkeys(rule_names))
    # Even a backstop that would say "not an emergency" to everything lowers no rule flag.
    monkeypatch.setattr(cache, "backstop", triage_backstop.Model({"喘": -1000.0}, prior=-1000.0))
    assert triage.suggest("孩子喘得厉害，嘴唇发紫", learn=False).red_flag


def test_the_backstop_never_learns_from_the_desk(rules_db):
    dept_id = Department.get(Department.code == "internal").id
    before = triage._engine().backstop.weights.copy()
    for _ in range(20):  # the desk sends it elsewhere, again and again
        triage.remember_choice(UNSEEN_EMERGENCY, dept_id)
    assert triage._engine().backstop.weights == before
    assert triage.suggest(UNSEEN_EMERGENCY).red_flag


def test_the_model_loads_from_the_installed_resources(rules_db):
    path = triage_backstop.examples_path()
    assert path == resource_path("triage", "red_flag_examples.tsv") and path.is_file()
    examples = triage_backstop.bundled_examples()
    assert sum(red for _c, red in examples) > 300 and sum(not red for _c, red in examples) > 500
    triage.warm_up()
    assert triage._cache.backstop is not None and triage._cache.backstop.weights
    # The bundle carries it (installer/frontdesk.spec).
    spec = (resource_path().parent / "installer" / "frontdesk.spec").read_text(encoding="utf-8")
    assert '_resource_files("triage", ["*.tsv"])' in spec


def test_the_examples_are_those_of_the_labelled_sets():
    """Adding or editing tests/data/triage_*.tsv needs `python -m tools.triage_backstop`."""
    assert triage_backstop.examples_path().read_text(encoding="utf-8") == retrain.examples_text()


def test_without_examples_there_is_no_backstop():
    assert triage_backstop.train([], str).check("心里像被人攥住一样") is None
    assert triage_backstop.train([("胸痛", True)], str).check("胸痛") is None  # one class only


def test_pieces_of_english_words_never_explain_a_flag(rules_db, monkeypatch):
    # Character grams of English ("ca", "lm") weigh in the model but say nothing to a
    # nurse: the reason names Chinese words that weighed, or says what the flag means.
    model = triage_backstop.Model({"ca": 4.0, "lm": 1.0, "冷汗": 2.0}, prior=-1.0)
    assert model.check("he is calm") == []  # 4 + 1 - 1 > 3: flagged, nothing to name
    assert model.check("he is calm, 冷汗") == ["冷汗"]
    assert model.check("hello") is None
    monkeypatch.setattr(triage._engine(), "backstop", model)
    s = triage.suggest("my grandpa is calm but can't get up", learn=False)
    assert s.red_flag and s.red_flag_reason() == "可能危急，请评估（与已知急症的说法相近）"


def test_words_the_rules_ruled_out_are_not_raised_again(rules_db):
    # Denied or over: the rules read the danger word and silenced it; the backstop (which
    # knows no negation) must not flag it on the same words.
    cache = triage._engine()
    for complaint in ("i'm not suicidal, just can't sleep", "i'm not suicidal"):
        result = engine.analyse(cache.rules, complaint)
        assert not result.red_flags and result.silenced, complaint
        assert cache.backstop.check(result.text) is not None  # it would have flagged it
        assert not triage.suggest(complaint, learn=False).red_flag, complaint


# A danger word denied in one clause, with the context that makes it a red flag in another
# (a pregnancy and "no bleeding"): the rules read it and ruled it out, so the backstop, which
# knows no negation, does not raise it again.
@pytest.mark.parametrize("complaint", [
    "24 weeks pregnant, came for the anomaly scan, no bleeding or cramping",
    "pregnant with my second, 16 weeks, routine check, no spotting",
    "I am 28 weeks pregnant and need my glucose test, no headaches or swelling",
    "pregnant 12 weeks, came for booking bloods, no spotting, no cramps",
    "怀孕20周了，来做B超，胎动挺好，没有出血",
    "孕32周产检，没有见红，也不肚子疼",
    "怀孕五个月了，来建档，没有流血也没有肚子疼",
    # travel sickness in pregnancy, a faint before it: not a faint in pregnancy
    "孕期晕车，坐车就想吐", "怀孕前晕过一次，现在没事", "怀孕三个月，坐船晕船吐了",
])
def test_a_pregnancy_with_its_danger_denied_is_not_flagged(rules_db, complaint):
    assert not triage.suggest(complaint, learn=False).red_flag, complaint


@pytest.mark.parametrize("complaint", [
    "20 weeks pregnant, here for my scan but I've started bleeding",
    "pregnant 30 weeks, no bleeding but my waters broke",
    "I'm 20 weeks pregnant, no bleeding but severe tummy pain",
    "怀孕20周，没有肚子疼，但是出血了",
    "孕妇晕倒了", "怀孕7个月突然晕倒", "孕28周，今天头晕得厉害",
])
def test_a_pregnancy_with_a_danger_said_stays_flagged(rules_db, complaint):
    assert triage.suggest(complaint, learn=False).red_flag, complaint
