"""Etiquette coach: forms of address, phrases per stage, forbidden words, phrases file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import etiquette
from frontdesk.errors import ConfigError
from frontdesk.etiquette import (
    CHILD_BELOW_AGE,
    ELDER_MIN_AGE,
    GENERAL,
    STAGES,
    YOUNG_WOMAN_BELOW_AGE,
    find_forbidden,
    forbidden_phrases,
    form_of_address,
    load_phrasebook,
    parse_phrasebook,
    phrases_for,
    title_of,
)
from frontdesk.paths import resource_path

PHRASES = resource_path("rules", "phrases.toml")

REPO = Path(__file__).resolve().parents[2]

# (name or surname, sex, age, Chinese form, English form)
ADDRESS_CASES = [
    ("王芳", "F", 25, "王小姐", "Ms Wang"),
    ("王芳", "F", YOUNG_WOMAN_BELOW_AGE - 1, "王小姐", "Ms Wang"),
    ("王芳", "F", YOUNG_WOMAN_BELOW_AGE, "王女士", "Ms Wang"),
    ("王芳", "F", 45, "王女士", "Ms Wang"),
    ("王芳", "F", None, "王女士", "Ms Wang"),  # age unknown: never guess 小姐
    ("王芳", "F", ELDER_MIN_AGE, "王阿姨", "Ms Wang"),
    ("王", "女", 72, "王阿姨", "Ms Wang"),
    ("王建国", "M", 35, "王先生", "Mr Wang"),
    ("王建国", "M", 18, "王先生", "Mr Wang"),
    ("王建国", "M", None, "王先生", "Mr Wang"),
    ("王建国", "M", ELDER_MIN_AGE - 1, "王先生", "Mr Wang"),
    ("王建国", "男", ELDER_MIN_AGE, "王叔叔", "Mr Wang"),
    ("王建国", "male", 80, "王叔叔", "Mr Wang"),
    ("欧阳娜娜", "F", 22, "欧阳小姐", "Ms Ouyang"),
    ("司马光", "M", 40, "司马先生", "Mr Sima"),
    ("诸葛亮", "M", 55, "诸葛叔叔", "Mr Zhuge"),
    ("上官婉儿", "F", 40, "上官女士", "Ms Shangguan"),
    ("欧阳", "F", 40, "欧阳女士", "Ms Ouyang"),  # a compound surname on its own
    ("单田芳", "M", 40, "单先生", "Mr Shan"),  # surname reading in English too
    ("曾志伟", "M", 40, "曾先生", "Mr Zeng"),
    ("  李 ", "F", 40, "李女士", "Ms Li"),
    ("John Smith", "M", 40, "Smith先生", "Mr Smith"),
    ("Smith", "F", 60, "Smith阿姨", "Ms Smith"),
    (None, "M", 40, "先生", "Sir"),
    ("", "F", 40, "女士", "Madam"),
    ("", "F", 20, "小姐", "Madam"),
    (None, "M", 60, "叔叔", "Sir"),
    (None, None, None, "先生／女士", "Sir/Madam"),
    ("王", "", 40, "王先生／女士", "Mr/Ms Wang"),
    ("王", "?", 60, "王叔叔／阿姨", "Mr/Ms Wang"),
    # A child is no Mr or Ms in English either (付小朋友 was "Mr Fu").
    ("付小明", "M", 8, "付小朋友", "little Fu"),
    ("付", "F", CHILD_BELOW_AGE - 1, "付小朋友", "little Fu"),
    ("欧阳娜娜", "", 5, "欧阳小朋友", "little Ouyang"),
    ("John Smith", "M", 6, "Smith小朋友", "John"),
    (None, "M", 6, "小朋友", "little one"),
    ("付小明", "M", CHILD_BELOW_AGE, "付先生", "Mr Fu"),
]


@pytest.mark.parametrize(("name", "sex", "age", "zh", "en"), ADDRESS_CASES)
def test_form_of_address(name, sex, age, zh, en):
    assert form_of_address(name, sex, age, "zh_CN") == zh
    assert form_of_address(name, sex, age, "en") == en


@pytest.mark.parametrize(
    ("sex", "age", "zh", "en"),
    [("M", 30, "先生", "gentleman"), ("F", 20, "小姐", "lady"), ("F", 60, "阿姨", "lady"),
     (None, None, "先生／女士", "patient")],
)  # fmt: skip
def test_title_of(sex, age, zh, en):
    assert title_of(sex, age, "zh_CN") == zh
    assert title_of(sex, age, "en") == en


# --- Phrases ---------------------------------------------------------------------------


def texts(stage, lang, **kw):
    return [p.text for p in phrases_for(stage, lang, **kw)]


@pytest.mark.parametrize("stage", [*STAGES, GENERAL])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_stage_is_short_filled_in_and_clean(stage, lang):
    phrases = phrases_for(stage, lang, address="王小姐", doctor="梁主任")
    assert 1 <= len(phrases) <= 6  # glanceable, not a wall of text
    for p in phrases:
        assert p.text and p.cue and p.key
        assert "{" not in p.text and "}" not in p.text
        assert str(p) == p.text
        # The coach never prompts a forbidden word.
        assert find_forbidden(p.text) == [], p.text


def test_greeting_asks_the_two_questions_and_thanks():
    zh = texts("GREETING", "zh_CN")
    assert any("预约" in t and "？" in t for t in zh)
    assert any("第一次" in t and "？" in t for t in zh)
    assert any("谢谢" in t for t in zh)
    en = " ".join(texts("GREETING", "en"))
    assert "appointment" in en and "first time" in en


@pytest.mark.parametrize(
    ("first_visit", "booked", "zh", "en"),
    [
        (True, False, "这位小姐是第一次来我们医院，没有预约，麻烦你了", "first visit to our hospital; no appointment"),
        (False, True, "这位小姐以前来过我们医院，已经预约过，麻烦你了", "has been here before; has an appointment"),
        (True, None, "这位小姐是第一次来我们医院，麻烦你了", "first visit to our hospital."),
        (None, None, "这位小姐需要登记，麻烦你了", "needs to register."),
    ],
)  # fmt: skip
def test_hand_over_names_first_visit_and_booking(first_visit, booked, zh, en):
    def hand_over(lang):
        kw = dict(title=title_of("F", 25, lang), first_visit=first_visit, booked=booked)
        (p,) = [p for p in phrases_for("GREETING", lang, **kw) if p.key == "hand_over"]
        return p.text

    assert zh in hand_over("zh_CN")
    assert en in hand_over("en")


def test_triage_and_registration_scripts():
    triage = " ".join(texts("TRIAGE", "zh_CN"))
    assert "不舒服" in triage and "专家" in triage
    reg = texts("REGISTRATION", "zh_CN", address="王小姐")
    assert "王小姐，请问您是从哪里了解到我们医院的？" in reg
    assert "Ms Wang, may I ask how you heard" in " ".join(
        texts("REGISTRATION", "en", address="Ms Wang")
    )


def test_billing_points_to_registration_and_payment():
    zh = " ".join(texts("BILLING", "zh_CN", address="王先生", doctor="梁主任"))
    assert "王先生，请您在这里挂个号" in zh and "交费" in zh and "梁主任" in zh


def test_waiting_apologises_and_offers_water_and_reading():
    zh = texts("WAITING", "zh_CN")
    assert zh[0].startswith("对不起")  # apology first
    assert any("水" in t for t in zh) and any("书" in t for t in zh)


def test_escort_introduces_both_ways():
    zh = texts("ESCORT", "zh_CN", address="王先生", doctor="梁主任", complaint="胃痛两天")
    assert "王先生，这是我们的梁主任。" in zh
    assert any("王先生" in t and "胃痛两天" in t and "麻烦您了" in t for t in zh)
    assert any("前台找我" in t for t in zh)
    en = " ".join(texts("ESCORT", "en", address="Mr Wang", doctor="Dr Liang"))
    assert "Mr Wang, this is Dr Liang." in en


def test_farewell_is_the_prescribed_one():
    zh = " ".join(texts("DONE", "zh_CN"))
    assert "请慢走" in zh and "祝您健康" in zh and "欢迎再来" not in zh


def test_general_phrases():
    zh = texts(GENERAL, "zh_CN")
    assert "对不起，我稍后回来。" in zh
    assert "对不起，让您久等了。" in zh
    assert "不用谢。" in zh


def test_defaults_when_nothing_is_known():
    zh = texts("ESCORT", "zh_CN")
    assert "先生／女士，这是我们的医生。" in zh
    en = texts("ESCORT", "en")
    assert "Sir/Madam, this is the doctor." in en


def test_user_text_with_braces_is_inserted_verbatim():
    (p,) = [p for p in phrases_for("ESCORT", "zh_CN", complaint="{doctor} 头痛") if
            p.key == "introduce_patient"]  # fmt: skip
    assert "{doctor} 头痛" in p.text


def test_unknown_stage():
    with pytest.raises(ValueError, match="LEFT"):
        phrases_for("LEFT")


def test_phrasebook_is_read_once():
    assert load_phrasebook() is load_phrasebook()


# --- Forbidden words ------------------------------------------------------------------


def test_forbidden_list_has_the_house_rules():
    words = {f.word for f in forbidden_phrases()}
    assert {"喂", "不知道", "不关我的事", "欢迎再来"} <= words
    assert all(f.instead.zh and f.instead.en for f in forbidden_phrases())


@pytest.mark.parametrize(
    ("staff_text", "found"),
    [
        ("喂，你找谁？", ["喂"]),
        ("这个我不知道，不关我的事", ["不知道", "不关我的事"]),
        ("请慢走，欢迎再来！", ["欢迎再来"]),
        ("欢迎您下次再来", ["下次再来"]),
        ("请按时给孩子喂药，喂奶前洗手", []),  # feeding is not the rude 喂
        ("喂药以后，喂，听到了吗", ["喂"]),
        ("请慢走，祝您健康！", []),
        ("Hey, I don't know", ["hey", "I don't know"]),
        ("I DON’T KNOW", ["I don't know"]),  # curly apostrophe, any case
        ("They said it's not my problem", ["not my problem"]),
        ("they know the way", []),  # "hey" only as a whole word
        ("", []),
    ],
)
def test_find_forbidden(staff_text, found):
    assert find_forbidden(staff_text) == found


# --- The phrases file --------------------------------------------------------------------


def write_copy(tmp_path: Path, edit) -> Path:
    path = tmp_path / "phrases.toml"
    shutil.copy(PHRASES, path)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def assert_config_error(path: Path, zh: str, en: str):
    with pytest.raises(ConfigError) as err:
        parse_phrasebook(path)
    assert str(path) in err.value.zh and str(path) in err.value.en
    assert zh in err.value.zh, err.value.zh
    assert en in err.value.en, err.value.en


def test_shipped_file_parses():
    book = parse_phrasebook(PHRASES)
    assert set(book.stages) == {*STAGES, GENERAL}


def test_malformed_toml_names_the_file(tmp_path):
    path = write_copy(tmp_path, lambda s: s + "\n[[stages.DONE]\n")
    assert_config_error(path, "格式错误", "malformed TOML")


def test_missing_file_names_the_file(tmp_path):
    assert_config_error(tmp_path / "nope.toml", "缺少话术文件", "missing")


def test_missing_stage(tmp_path):
    path = write_copy(tmp_path, lambda s: s.replace("[[stages.DONE]]", "[[stages.FINISHED]]"))
    assert_config_error(path, "DONE", "stage DONE has no phrases")


def test_missing_translation(tmp_path):
    path = write_copy(tmp_path, lambda s: s.replace('en = "Please pay over here."', ""))
    assert_config_error(path, "BILLING #2", "BILLING #2 needs non-empty zh and en")


def test_unknown_placeholder(tmp_path):
    path = write_copy(tmp_path, lambda s: s.replace("{doctor}。", "{doctr}。"))
    assert_config_error(path, "doctr", "unknown placeholders doctr")


def test_unbalanced_brace(tmp_path):
    path = write_copy(tmp_path, lambda s: s.replace("{doctor}。", "{doctor。"))
    assert_config_error(path, "花括号", "unbalanced braces")


def test_load_phrasebook_with_an_explicit_path(tmp_path):
    path = write_copy(tmp_path, lambda s: s.replace("请慢走，祝您健康！", "请慢走，祝您早日康复！"))
    book = load_phrasebook(path)
    (farewell,) = [p for k, _, p in book.stages["DONE"] if k == "farewell"]
    assert farewell.zh == "请慢走，祝您早日康复！"


# --- Layering ----------------------------------------------------------------------------


def test_domain_modules_import_without_qt_or_peewee():
    code = (
        "import sys\n"
        "for name in ('PySide6', 'peewee'): sys.modules[name] = None\n"
        "import frontdesk.validation, frontdesk.pinyin, frontdesk.etiquette\n"
        "frontdesk.etiquette.phrases_for('GREETING')\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "ok", out.stderr


def test_module_exposes_thresholds():
    assert etiquette.YOUNG_WOMAN_BELOW_AGE < etiquette.ELDER_MIN_AGE
