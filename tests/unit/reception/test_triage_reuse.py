"""The triage step reuses the suggestion the desk's page made for the same text, and
never one made for other rules, another model of past visits, patient or language."""

from __future__ import annotations

import pytest

from frontdesk import i18n, reception, triage
from frontdesk import stages as S
from frontdesk.errors import ValidationError
from frontdesk.triage import engine
from tests.helpers.reception_flow import dept, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


@pytest.fixture
def analysed(monkeypatch):
    """The complaints the engine actually worked out, in order."""
    seen: list[str] = []
    real = engine.analyse

    def counting(rules, complaint, **kw):
        seen.append(complaint)
        return real(rules, complaint, **kw)

    monkeypatch.setattr(engine, "analyse", counting)
    return seen


@pytest.fixture
def normalised(monkeypatch):
    """The complaints the engine read (normalised), in order."""
    seen: list[str] = []
    real = engine.normalise

    def counting(rules, complaint, *a, **kw):
        seen.append(complaint)
        return real(rules, complaint, *a, **kw)

    monkeypatch.setattr(engine, "normalise", counting)
    return seen


def test_the_step_reuses_what_the_page_suggested_for_the_same_text(env, analysed):
    v = walk(env, S.TRIAGE)
    shown = triage.suggest("胸痛半小时，出冷汗")  # the page, while the nurse typed
    assert shown.red_flag
    with pytest.raises(ValidationError):  # still enforced by the step, from the same answer
        reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="胸痛半小时，出冷汗", department_id=dept("internal").id)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="胸痛半小时，出冷汗", department_id=dept("emergency").id)
    assert v.red_flag and v.triage_reason == "胸痛"
    assert analysed == ["胸痛半小时，出冷汗"]  # worked out once, for the page


def test_reloaded_rules_are_never_answered_from_before(rules_db, analysed):
    first = triage.suggest("牙疼两天")
    triage.invalidate()  # what `rules reload` and an admin's edit do
    again = triage.suggest("牙疼两天")
    assert analysed == ["牙疼两天", "牙疼两天"]
    assert again.departments == first.departments


def test_a_confirmed_choice_changes_the_answer_that_follows(rules_db, analysed):
    triage.suggest("手上起了个包")
    model = triage._learned()
    model.add(triage._normalised("手上起了个包"), "derm")  # what remember_choice does
    triage.suggest("手上起了个包")
    assert analysed == ["手上起了个包", "手上起了个包"]


def test_patient_and_language_are_part_of_the_question(rules_db, analysed):
    triage.suggest("肚子疼")
    triage.suggest("肚子疼", sex="F", age=30)
    triage.suggest("肚子疼", sex="F", age=30.0)  # the page's float age: the same question
    assert len(analysed) == 2
    before = i18n.language()
    try:
        i18n.set_language("en")
        english = triage.suggest("肚子疼")
    finally:
        i18n.set_language(before)
    assert len(analysed) == 3  # worked out again: its names are said in English
    assert english.departments and english.departments[0][1].isascii()


def test_the_choice_is_learned_from_the_reading_the_page_already_made(env, normalised):
    v = walk(env, S.TRIAGE)
    triage.suggest("手上起了个包，痒")  # the page
    model = triage._learned()
    size = model.size
    read = len(normalised)
    reception.triage(v.id, actor=env.desk, expected_version=v.version,
                     complaint="手上起了个包，痒", department_id=dept("derm").id)
    assert model.size == size + 1  # learned...
    assert len(normalised) == read  # ...without reading the complaint again
