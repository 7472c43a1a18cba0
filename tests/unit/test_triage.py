"""Triage rules: suggested departments with their reasons, red flags, doctors on duty."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import i18n, triage
from frontdesk.db.models import Department, Doctor, TriageKeyword


def codes(suggestion) -> list[str]:
    by_id = {d.id: d.code for d in Department.select()}
    return [by_id[d] for d, _name, _words, _score in suggestion.departments]


@pytest.mark.parametrize("complaint, first, words", [
    ("便血一周，肛门疼痛", "anorectal", ["便血", "肛门"]),
    ("发烧两天，咳嗽", "internal", ["发烧", "咳嗽"]),
    ("孩子发烧38度", "paeds", ["孩子"]),  # internal (发烧) is offered too; the staff choose
    ("牙疼两天", "dental", ["牙疼"]),
    ("月经不调三个月", "gyn", ["月经"]),
    ("手上湿疹，很痒", "derm", ["湿疹"]),
    ("耳鸣", "ent", ["耳鸣"]),
    ("I have a bad cough and fever", "internal", ["fever", "cough"]),
])
def test_suggested_department_and_reason(rules_db, complaint, first, words):
    s = triage.suggest(complaint)
    assert not s.red_flag
    assert first in codes(s)
    dept_id = Department.get(Department.code == first).id
    assert sorted(s.reason_for(dept_id).split("、")) == sorted(words)


def test_every_matching_department_is_offered(rules_db):
    assert set(codes(triage.suggest("孩子发烧38度"))) == {"paeds", "internal"}


def test_best_department_first(rules_db):
    s = triage.suggest("便血一周，肛门疼痛，便秘")
    assert codes(s)[0] == "anorectal"
    assert s.departments[0][1] == "肛肠科" and s.departments[0][3] > 0


@pytest.mark.parametrize("complaint, words", [
    ("胸痛半小时", ["胸痛"]),
    ("突然呼吸困难，胸闷", ["胸闷", "呼吸困难"]),
    ("刚才晕倒了", ["晕倒"]),
    ("头晕不舒服，胸痛", ["胸痛"]),  # 不 before another word does not deny the red flag
    ("Chest pain since this morning", ["chest pain"]),
    ("ＣＨＥＳＴ ＰＡＩＮ", ["chest pain"]),  # full-width from an IME
])
def test_red_flags(rules_db, complaint, words):
    s = triage.suggest(complaint)
    assert s.red_flag and sorted(s.red_flag_words) == sorted(words)
    assert codes(s)[0] == "emergency" or "emergency" in codes(s)


@pytest.mark.parametrize("complaint", ["没有胸痛，只是咳嗽", "否认胸痛", "无 胸痛"])
def test_denied_red_flag_is_not_raised(rules_db, complaint):
    s = triage.suggest(complaint)
    assert not s.red_flag


def test_latin_keywords_match_whole_words_only(rules_db):
    assert "ent" not in codes(triage.suggest("every year"))  # "ear" inside "year"
    assert "gyn" in codes(triage.suggest("I am pregnant"))  # "pregnan" as a prefix


def test_nothing_matched(rules_db):
    assert triage.suggest("") == triage.TriageSuggestion(False)
    s = triage.suggest("想咨询一下体检套餐😀'; DROP TABLE x;--")
    assert s.departments == [] and not s.red_flag
    assert len(triage.suggest("头晕" * 3000).departments) == 1


def test_keywords_come_from_the_database(rules_db):
    derm = Department.get(Department.code == "derm")
    TriageKeyword.create(keyword="脱发", department=derm, weight=3)
    assert codes(triage.suggest("最近脱发严重")) == ["derm"]


def test_doctors_on_duty_follow_the_schedule(rules_db):
    internal = Department.get(Department.code == "internal")
    monday_morning = dt.datetime(2026, 11, 23, 9, 0)
    tuesday_morning = dt.datetime(2026, 11, 24, 9, 0)
    assert [d.name for d in triage.doctors_on_duty(internal.id, monday_morning)] == ["陈立新", "刘芳"]
    assert [d.name for d in triage.doctors_on_duty(internal.id, tuesday_morning)] == ["刘芳"]
    assert triage.doctors_on_duty(internal.id, dt.datetime(2026, 11, 23, 21, 0)) == []
    chen = triage.doctors_on_duty(internal.id, monday_morning)[0]
    assert (chen.title, chen.fee_fen, chen.specialty) == ("主任医师", 5000, "高血压、糖尿病")
    at_noon = triage.doctors_on_duty(internal.id, dt.datetime(2026, 11, 23, 12, 0))
    assert [d.name for d in at_noon] == ["刘芳"]  # a shift ending 12:00 is over at 12:00
    er = Department.get(Department.code == "emergency")
    assert triage.doctors_on_duty(er.id, dt.datetime(2026, 11, 29, 23, 59))  # 00:00–24:00
    all_docs = triage.doctors(internal.id, tuesday_morning)
    assert [(d.name, d.on_duty) for d in all_docs] == [("刘芳", True), ("陈立新", False)]


def test_inactive_doctor_is_not_on_duty(rules_db):
    internal = Department.get(Department.code == "internal")
    Doctor.update(active=False).where(Doctor.name == "刘芳").execute()
    assert [d.name for d in triage.doctors_on_duty(internal.id, dt.datetime(2026, 11, 24, 9))] == []


def test_departments_and_media_sources_in_rules_order(rules_db):
    depts = triage.departments()
    assert depts[0].name == "内科" and depts[0].short == "内"
    assert [d.code for d in depts if d.is_emergency] == ["emergency"]
    assert triage.emergency_department().code == "emergency"
    media = triage.media_sources()
    assert media[0][1] == "亲友介绍" and media[-1][1] == "其他"
    i18n.set_language("en")
    assert triage.departments()[0].name == "Internal Medicine"
    assert triage.media_sources()[0][1] == "Friends or family"
