"""What a complaint rules out (frontdesk.triage.negation), read the same by every reader.

Kinds found by the tenth blind probe, each written here with wordings of its own, both
ways: what must stay a red flag and what must not become one. Through triage.suggest, so
the rules, the safety net and the backstop are all asked.
"""

from __future__ import annotations

import pytest

from frontdesk import triage
from frontdesk.db.models import Department
from frontdesk.triage import engine, negation


def red(complaint: str, **kw) -> bool:
    return triage.suggest(complaint, **kw).red_flag


def first(complaint: str, **kw) -> str:
    by_id = {d.id: d.code for d in Department.select()}
    return by_id[triage.suggest(complaint, **kw).departments[0][0]]


# --- a) an English denial reaches every item of its list -------------------------------

@pytest.mark.parametrize("complaint", [
    "itchy bumps on my legs since the picnic, no lip swelling or wheezing",
    "no fever, chest pain or shortness of breath, just a runny nose",
    "denies chest pain or dizziness, here for a repeat prescription",
    "sprained my ankle playing football, no headache, vomiting or fainting",
    "without fever, headache or stiff neck, only a sore back",
    "cough for a week, no coughing blood, chest pain, or breathing trouble",
    "neither chest pain nor fainting, I just need my blood pressure checked",
    "not dizzy or short of breath, I just feel tired",
])
def test_an_english_denial_reaches_the_end_of_its_list(rules_db, complaint):
    assert not red(complaint), complaint


@pytest.mark.parametrize("complaint", [
    # the list is over before the danger: a new statement, "but", "and"
    "no fever, chest pain since this morning",
    "no fever but chest pain and shortness of breath",
    "no cough, crushing chest pain for an hour or so",
    "no headache, he collapsed or fainted at the bus stop",
    # "not" heads only an "or": "is not feeding, floppy or blue" says the floppiness
    "my baby is not feeding, floppy or blue lips",
    "no rash. chest pain or shortness of breath now",
    # Chinese: a comma ends 没有's reach
    "没有发烧，胸口疼得厉害，喘不上气",
    # a function negated is the complaint itself, and so is the rest of its list
    "no pulse or breathing", "he is not breathing or moving",
    "my son is not responding or breathing properly",
])
def test_what_the_list_does_not_reach_stays_red(rules_db, complaint):
    assert red(complaint), complaint


@pytest.mark.parametrize("text, word", [
    ("没有 发热, 胸痛 or 呼吸困难", "胸痛"), ("没有 发热, 胸痛 or 呼吸困难", "呼吸困难"),
    ("no swelling of face or trouble breathing", "trouble"),
    ("denies chest pain, palpitations or syncope", "syncope"),
    ("no cough, fever, chest pain, or shortness of breath", "shortness"),
])
def test_list_denial_is_one_reading_for_read_and_typed_text(text, word):
    at = text.index(word)
    assert negation.denied(text, at, 0, [False] * len(text), 3)


@pytest.mark.parametrize("text, word", [
    ("she's not waking up or responding", "responding"), ("no pulse or breathing", "breathing"),
    ("not able to speak or move right side", "move"),
    ("no feeling in my left arm or leg", "leg"),
    ("my baby is not feeding, floppy or blue lips", "floppy"),
    ("no fever, chest pain since this morning or so", "chest"),
])
def test_a_negated_function_or_an_open_list_denies_nothing_after_it(text, word):
    assert not negation.list_denied(text, text.index(word))


# --- b) fear of an illness, or someone else's, is not the patient's emergency ----------

@pytest.mark.parametrize("complaint", [
    "我总怕自己哪天会脑梗，想做个检查", "最近老担心会得心脏病，其实没什么不舒服",
    "我同事上周心梗去世了，我很害怕，想查查心脏", "我姥爷前些年中风走的，我想看看自己血压",
    "my neighbour died of a heart attack last month and now I can't sleep for worry",
    "my colleague had a stroke, so I'm anxious and want a check-up",
    "scared I could get a stroke one day, no symptoms at all",
    "afraid of having a heart attack like my dad, feel fine",
])
def test_a_feared_or_someone_elses_illness_is_not_a_red_flag(rules_db, complaint):
    assert not red(complaint), complaint


@pytest.mark.parametrize("complaint", [
    # a suspicion of now, or a symptom said, stays the patient's
    "担心是心梗，胸口现在压着疼", "我怕是中风了，半边手脚发麻", "怕他是中风了",
    "worried it's a heart attack, my left arm aches", "scared I'm having a stroke",
    # a relative's illness today: the relative is the patient
    "我爸中风了，我很担心", "my dad had a stroke and can't move his arm",
    "同事突然心梗倒下了", "my friend is having a heart attack",
])
def test_a_suspicion_of_now_or_a_relative_today_stays_red(rules_db, complaint):
    assert red(complaint), complaint


def test_a_feared_illness_is_said_as_silenced(rules_db):
    result = engine.analyse(triage._engine().rules, "总担心自己会中风")
    assert not result.red_flags and "stroke" in result.silenced
