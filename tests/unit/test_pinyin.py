"""Pinyin search keys: surname readings, heteronyms, compound surnames, latin names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import pinyin
from frontdesk.pinyin import (
    COMPOUND_SURNAMES,
    MAX_KEY_LENGTH,
    SURNAME_READINGS,
    primary_key,
    query_key,
    search_keys,
    split_surname,
    surname_pinyin,
)

REPO = Path(__file__).resolve().parents[2]

# (name, preferred full pinyin, everyday reading also indexed or None,
#  does pypinyin's lazy_pinyin already read the surname right?)
SURNAME_CASES = [
    ("单田芳", "shantianfang", "dantianfang", False),
    ("曾志伟", "zengzhiwei", "cengzhiwei", False),
    ("区家麟", "oujialin", "qujialin", False),
    ("仇英", "qiuying", "chouying", False),
    ("解缙", "xiejin", "jiejin", False),
    ("查良镛", "zhaliangyong", "chaliangyong", False),
    ("朴树", "piaoshu", "pushu", False),
    ("盖聂", "genie", "gainie", False),
    ("缪可", "miaoke", "mouke", False),
    ("乐建国", "yuejianguo", "lejianguo", False),
    ("覃明", "qinming", "tanming", False),
    ("翟天临", "zhaitianlin", "ditianlin", False),
    ("召忠", "shaozhong", "zhaozhong", False),
    ("种师道", "chongshidao", "zhongshidao", False),
    ("繁钦", "poqin", "fanqin", False),
    ("员半千", "yunbanqian", "yuanbanqian", False),
    ("秘明", "biming", "miming", False),
    ("折克行", "shekexing", "zhekexing", False),
    ("句龙", "goulong", "julong", False),
    ("长建国", "changjianguo", "zhangjianguo", False),
    ("尉迟恭", "yuchigong", None, True),
    ("万俟卨", "moqixie", None, True),
    ("单于天", "chanyutian", None, True),
    ("长孙无忌", "zhangsunwuji", None, True),
    ("欧阳娜娜", "ouyangnana", None, True),
    ("司马光", "simaguang", None, True),
    ("诸葛亮", "zhugeliang", None, True),
    ("上官婉儿", "shangguanwaner", None, True),
    ("冼星海", "xianxinghai", None, True),
    ("沈从文", "shencongwen", None, True),
    ("任正非", "renzhengfei", None, True),
    ("尉明", "weiming", None, True),
]


@pytest.mark.parametrize(("name", "preferred", "everyday", "pypinyin_ok"), SURNAME_CASES)
def test_surname_reading_comes_first(name, preferred, everyday, pypinyin_ok):
    keys = search_keys(name)
    assert primary_key(name) == preferred
    assert preferred in keys
    if everyday:
        # Staff who read the surname the everyday way still find the patient.
        assert everyday in keys


@pytest.mark.parametrize(("name", "preferred", "everyday", "pypinyin_ok"), SURNAME_CASES)
def test_what_pypinyin_reads_right_on_its_own(name, preferred, everyday, pypinyin_ok):
    # Documents why the surname table exists; flags a pypinyin upgrade that changes it.
    from pypinyin import lazy_pinyin

    assert ("".join(lazy_pinyin(name)) == preferred) is pypinyin_ok


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("张三", ["zs", "zhangs", "zhangsan", "zhang", "z"]),
        ("张小明", ["zxm", "zhangxm", "zhangxiaoming"]),
        ("单田芳", ["stf", "shantf", "dtf", "dantianfang"]),
        ("欧阳娜娜", ["oynn", "ouyangnn", "ouyangnana"]),
        ("王乐乐", ["wll", "wyy", "wanglele", "wangyueyue"]),  # heteronym: every reading
        ("吕布", ["lb", "lvbu", "lubu"]),  # ü typed as v or u
        ("阿依古丽·买买提", ["ayglmmt", "ayigulimaimaiti"]),
    ],
)
def test_staff_find_the_name_whatever_they_type(name, typed):
    keys = search_keys(name)
    for t in typed:
        q = query_key(t)
        assert any(k.startswith(q) for k in keys), (name, t, sorted(keys))


def test_keys_for_zhang_san_exactly():
    assert search_keys("张三") == {"zhangsan", "zs", "zhangs"}


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("John Smith", {"johnsmith", "js"}),
        ("  MARY ", {"mary", "m"}),
        ("Ｊｏｈｎ", {"john", "j"}),
        ("李Anna", {"lianna", "la", "lia"}),
        ("", set()),
        ("   ", set()),
        ("123", set()),
    ],
)
def test_latin_and_empty_names(name, keys):
    assert search_keys(name) == keys


def test_keys_are_lowercase_ascii_and_fit_the_column():
    keys = search_keys("单于" + "乐重长" * 9)
    assert keys
    assert all(k.isascii() and k.islower() and len(k) <= MAX_KEY_LENGTH for k in keys)


def test_combinations_are_capped():
    # 30 heteronyms would be astronomically many combinations.
    keys = search_keys("乐" * 30)
    assert 0 < len(keys) <= 3 * 24
    assert "yue" + "le" * 29 in keys  # surname reading first
    assert "le" * 30 in keys


def test_cap_keeps_both_surname_readings():
    keys = search_keys("单乐乐乐乐")
    assert "shanlelelele" in keys
    assert "danlelelele" in keys


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("张三", ("张", "三")),
        ("欧阳娜娜", ("欧阳", "娜娜")),
        ("司马光", ("司马", "光")),
        ("司马", ("司", "马")),  # two characters: never a compound surname
        ("John Smith", ("", "John Smith")),
        ("", ("", "")),
    ],
)
def test_split_surname(name, split):
    assert split_surname(name) == split


@pytest.mark.parametrize(
    ("surname", "roman"),
    [("王", "Wang"), ("单", "Shan"), ("曾", "Zeng"), ("欧阳", "Ouyang"), ("尉迟", "Yuchi"),
     ("吕", "Lv")],
)  # fmt: skip
def test_surname_pinyin(surname, roman):
    assert surname_pinyin(surname) == roman


def test_surname_table_is_consistent():
    for surname, readings in SURNAME_READINGS.items():
        for reading in readings:
            assert len(reading.split()) == len(surname), surname
    assert {"欧阳", "司马", "诸葛", "上官", "尉迟", "万俟", "单于", "长孙"} <= COMPOUND_SURNAMES


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("ZS", "zs"),
        (" zhang san ", "zhangsan"),
        ("xi'an", "xian"),
        ("xi’an", "xian"),
        ("ｚｈａｎｇ", "zhang"),
        ("lü", "lv"),
        ("张三", "张三"),
        ("", ""),
    ],
)
def test_query_key(typed, key):
    assert query_key(typed) == key


def test_importing_the_module_does_not_load_pypinyin():
    code = "import sys, frontdesk.pinyin; print('pypinyin' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "False"


def test_chinese_characters_are_told_by_code_point_exactly_as_the_character_class_did():
    import re

    from frontdesk import pinyin

    old = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f]")
    for code in range(0x32000):
        ch = chr(code)
        assert pinyin._is_cjk(ch) == bool(old.fullmatch(ch)), hex(code)
    assert not pinyin._is_cjk("") and not pinyin._is_cjk("王五")
    runs = re.compile(r"[a-z]+|" + old.pattern + "+")
    for text in ("wang xiaoming", "王小明", "欧阳 娜娜", "li·王𠀀x", "〇一 2b", "ünü 司马", ""):
        assert pinyin._runs_re().findall(text) == runs.findall(text)


def test_a_lookup_ignores_invisible_marks_pasted_with_a_number():
    from frontdesk.pinyin import query_key

    assert query_key("\u202d138 0013 8000\u202c") == query_key("13800138000") == "13800138000"
    assert query_key("\u200b张\u2060三") == query_key("张三")


def test_a_characters_readings_are_pypinyins_own_for_every_character_it_knows():
    """_char_readings_of reads pypinyin's dictionary and style directly (registration is
    timed: bench/); it must give what pypinyin.pinyin(heteronym=True) gives, for all."""
    from pypinyin import Style, pinyin
    from pypinyin.constants import PINYIN_DICT

    from frontdesk.pinyin import _char_readings_of

    def reference(ch: str) -> tuple[str, ...]:
        readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
        return tuple(r for r in (readings[0] if readings else []) if r.isascii() and r.isalpha())

    for ch in [*map(chr, PINYIN_DICT), "a", "1", " ", "，", "Ⅻ", "Ａ", "😀", "\u3007", ""]:
        assert _char_readings_of.__wrapped__(ch) == reference(ch), repr(ch)


def test_a_name_read_by_the_duplicate_check_is_not_read_again_for_its_keys(monkeypatch):
    # The desk checks a new patient's name for duplicates (primary_key), then registers
    # it (search_keys): pypinyin reads the name once.
    name = "测试单于乐"
    pinyin._slots.cache_clear()
    want = pinyin.search_keys(name)
    pinyin._slots.cache_clear()
    calls: list[str] = []
    real = pinyin._contextual_readings
    monkeypatch.setattr(pinyin, "_contextual_readings",
                        lambda run: calls.append(run) or real(run))
    pinyin.primary_key(name)
    assert pinyin.search_keys(name) == want
    assert len(calls) == 1
    slots, _ = pinyin._slots(name)
    assert all(isinstance(slot, tuple) for slot in slots)  # nobody can change them
