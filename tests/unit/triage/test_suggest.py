"""Triage rules: suggested departments with their reasons, red flags, doctors on duty."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import i18n, triage
from frontdesk.db.models import Department, Doctor, TriageKeyword


def codes(suggestion) -> list[str]:
    by_id = {d.id: d.code for d in Department.select()}
    return [by_id[d] for d, _name, _words, _score in suggestion.departments]


def first(complaint, **kw) -> str | None:
    c = codes(triage.suggest(complaint, **kw))
    return c[0] if c else None


@pytest.mark.parametrize("complaint, first_code, words", [
    ("便血一周，肛门疼痛", "anorectal", ["便血", "肛门疼痛 → 肛门痛"]),
    ("发烧两天，咳嗽", "internal", ["发烧 → 发热", "咳嗽"]),
    ("牙疼两天", "dental", ["牙疼 → 牙痛"]),
    ("月经不调三个月", "gyn", ["月经不调"]),
    ("耳鸣", "ent", ["耳鸣"]),
    ("I have a bad cough and fever", "internal", ["cough → 咳嗽", "fever → 发热"]),
    ("肚子疼三天", "internal", ["肚子疼 → 腹痛"]),
    ("拉屎出血", "anorectal", ["拉屎出血 → 大便出血"]),
])
def test_suggested_department_and_reason(rules_db, complaint, first_code, words):
    s = triage.suggest(complaint)
    assert not s.red_flag
    assert codes(s)[0] == first_code
    dept_id = Department.get(Department.code == first_code).id
    assert s.reason_for(dept_id).split("、") == words


@pytest.mark.parametrize("complaint, first_code", [
    # colloquial words → clinical ones
    ("大姨妈推迟了半个月", "gyn"), ("例假来了肚子痛得厉害", "gyn"), ("嗓子疼，咽东西痛", "ent"),
    ("老是拉不出来，三四天一次", "anorectal"), ("窜稀一天跑了七八趟厕所", "internal"),
    ("后槽牙一碰就疼", "dental"), ("脚气很严重，脚趾缝痒", "derm"), ("崴脚了，脚脖子肿", "surgery"),
    # traditional characters, full-width forms, English
    ("頭暈噁心兩天", "internal"), ("ｔｏｏｔｈａｃｈｅ", "dental"), ("itchy rash on my arms", "derm"),
    ("My period is two weeks late", "gyn"),
])
def test_normalisation(rules_db, complaint, first_code):
    assert first(complaint) == first_code


@pytest.mark.parametrize("complaint, first_code", [
    # body part × symptom: combinations no keyword lists
    ("膝盖疼，上下楼更明显", "surgery"), ("胃胀痛，吃完饭更难受", "internal"),
    ("耳朵里面疼还流水", "ent"), ("牙龈肿了出血", "dental"), ("肛门边上长了个包，很痛", "anorectal"),
    ("乳房摸到一个硬块", "surgery"), ("手背上起了一片红疹子，痒", "derm"), ("鼻子一直出血", "ent"),
    ("头疼了两天", "internal"), ("腰疼，弯不下去", "surgery"), ("阴道出血，不在月经期", "gyn"),
])
def test_body_part_and_symptom(rules_db, complaint, first_code):
    assert first(complaint) == first_code


@pytest.mark.parametrize("complaint, kw, first_code", [
    ("孩子发烧两天了", {}, "paeds"), ("宝宝咳嗽有痰", {}, "paeds"), ("娃拉肚子", {}, "paeds"),
    ("我儿子五岁，身上起疹子", {}, "paeds"), ("3个月的宝宝吐奶", {}, "paeds"),
    ("发烧咳嗽", {"age": 6}, "paeds"), ("发烧咳嗽", {"age": 40}, "internal"),
    ("我女儿今年25岁，发烧咳嗽", {}, "internal"),
    ("孩子牙疼", {}, "dental"), ("孩子摔了一跤，手腕肿了", {}, "surgery"),
    ("下腹痛", {"sex": "M"}, "internal"),
])
def test_who_the_patient_is(rules_db, complaint, kw, first_code):
    assert first(complaint, **kw) == first_code


def test_women_only_departments_are_not_offered_to_men(rules_db):
    assert "gyn" in codes(triage.suggest("下腹痛"))
    assert "gyn" not in codes(triage.suggest("下腹痛", sex="M"))
    assert triage.suggest("孩子发烧").child and not triage.suggest("发烧").child


@pytest.mark.parametrize("complaint, first_code", [
    ("没有发烧，就是咳嗽", "internal"), ("不发烧，嗓子疼", "ent"), ("肚子不痛，大便带血", "anorectal"),
    ("no fever, just a toothache", "dental"), ("以前得过痔疮，现在好了，这次是耳鸣", "ent"),
])
def test_negation_and_history(rules_db, complaint, first_code):
    s = triage.suggest(complaint)
    assert codes(s)[0] == first_code and not s.red_flag


@pytest.mark.parametrize("complaint, flag", [
    ("胸痛半小时", "胸痛"), ("胸口像压了块石头，喘不过气", "胸痛"), ("胸口疼，一直窜到左胳膊", "胸痛"),
    ("突然右边手脚没劲，说话不清楚", "卒中"), ("嘴歪了，口水往外流", "卒中"),
    ("吃了一整瓶安眠药", "中毒"), ("老人喝了农药", "中毒"), ("孩子吞了一颗纽扣电池，呼吸有声音", "异物"),
    ("叫不醒", "意识"), ("刚才晕倒了", "意识"), ("孩子抽风了", "抽搐"),
    ("手被刀割了，血止不住", "出血"), ("被开水烫了一大片", "烧烫伤"), ("被蛇咬了，腿肿得厉害", "咬伤"),
    ("被电打了一下，手发麻", "触电"), ("出车祸了", "外伤"), ("从二楼摔下来", "外伤"),
    ("孩子高烧，说胡话", "高热"), ("活着没意思，不想活了", "自杀"), ("吃了虾以后嘴唇肿，喘不上气", "过敏"),
    ("怀孕两个月，肚子疼还见红", "孕期"), ("Chest pain since this morning", "胸痛"),
    ("ＣＨＥＳＴ ＰＡＩＮ", "胸痛"), ("头晕不舒服，胸痛", "胸痛"), ("my dad suddenly can't speak", "卒中"),
])
def test_red_flag_patterns(rules_db, complaint, flag):
    s = triage.suggest(complaint)
    assert s.red_flag, complaint
    assert any(flag in name for name in s.red_flag_names), s.red_flag_names
    assert codes(s)[0] == "emergency"
    assert s.red_flag_words and s.red_flag_reason()


@pytest.mark.parametrize("complaint", [
    "没有胸痛，只是咳嗽", "否认胸痛", "无 胸痛", "不胸痛，就是有点咳", "no chest pain, just a cough",
    "以前中过风，现在好了，这次牙疼", "安眠药吃完了，想再开点", "手指被开水烫了一下，起了个小泡",
    "被狗抓了一下，想打狂犬疫苗", "肚子疼得想死",
])
def test_denied_or_past_red_flag_is_not_raised(rules_db, complaint):
    assert not triage.suggest(complaint).red_flag, complaint


def test_latin_words_match_whole_words_only(rules_db):
    assert "ent" not in codes(triage.suggest("every year"))  # "ear" inside "year"
    assert "gyn" in codes(triage.suggest("I am pregnant"))


@pytest.mark.parametrize("complaint", [
    "", "   ", "，。！？", "😀😀😀", "想咨询一下体检套餐😀'; DROP TABLE x;--", "头晕" * 3000,
    "abc胸痛xyz😀", "\x00\ufeff", "ℌ𝔢𝔩𝔩𝔬 肚子疼",
])
def test_bad_input_never_raises(rules_db, complaint):
    s = triage.suggest(complaint)
    assert isinstance(s, triage.TriageSuggestion)


def test_keywords_come_from_the_database(rules_db):
    derm = Department.get(Department.code == "derm")
    TriageKeyword.create(keyword="橘皮组织", department=derm, weight=3)
    triage.invalidate()
    assert codes(triage.suggest("腿上有橘皮组织"))[0] == "derm"


def test_cache_is_dropped_on_admin_edit_and_rules_reload(rules_db, make_staff):
    from frontdesk import admin, rules, settings

    boss = make_staff("admin", username="boss")
    assert first("牙疼") == "dental"
    dental = Department.get(Department.code == "dental")
    admin.set_department_active(actor=boss, dept_id=dental.id, active=False)
    assert "dental" not in codes(triage.suggest("牙疼"))  # the admin's edit shows at once
    admin.set_department_active(actor=boss, dept_id=dental.id, active=True)
    assert first("牙疼") == "dental"
    doc = settings.get_json("rules.triage")
    doc["synonyms"]["zzqq"] = "湿疹"
    settings.set_json("rules.triage", doc)
    assert first("zzqq") != "derm"  # still cached …
    rules.reload_triage_rules()  # … until the rules are reloaded: the file has no zzqq
    assert first("zzqq") != "derm"
    settings.set_json("rules.triage", doc)
    triage.invalidate()
    assert first("zzqq") == "derm"


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


def test_warm_up_builds_the_rules_and_the_model_ahead_of_the_first_complaint(rules_db):
    triage.invalidate()
    triage.warm_up()
    built = triage._cache.rules
    assert built is not None and triage._cache.model is not None
    assert triage._cache.key[-1] == triage._generation  # built for the current rules
    assert triage.suggest("牙疼").departments
    assert triage._cache.rules is built  # the first complaint used what warm_up built


@pytest.mark.parametrize("complaint, red", [
    # 血 inside another word is not bleeding; "no breathing difficulty" is not "not breathing"
    ("我妈高血压吃药好多年了，来开点药", False),
    ("血糖高好多年了，来复查", False),
    ("身上起了好多红疙瘩，痒的睡不着，没有呼吸困难", False),
    ("起了一身疹子，没有喘不上气", False),
    # ...while bleeding and a child not breathing still are
    ("鼻子流血好多，止不住", True),
    ("血压高，鼻子出血很多", True),
    ("孩子没有呼吸了", True),
    # ketoacidosis: the breath of ketones, or a diabetic vomiting and breathing deep
    ("糖尿病好多年，这两天一直吐，喘大气，嘴里有烂苹果味", True),
    ("my son is diabetic, been vomiting all day and his breath smells fruity", True),
    ("吃了苹果味的糖，嗓子疼", False),
    ("糖尿病十年了，来开药，血糖控制得还行", False),
    # an electric shock in everyday English
    ("mate got zapped by a live wire at work, chest feels weird now", True),
])
def test_red_flags_of_the_tenth_probe_by_kind(rules_db, complaint, red):
    assert triage.suggest(complaint, learn=False).red_flag is red, complaint
