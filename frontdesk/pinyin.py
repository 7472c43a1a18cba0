"""Pinyin search keys for names, so the desk finds 张三 by typing "zs" or "zhangsan".

Staff type whatever reading they know, so a name is indexed under every
reading of its heteronyms (多音字), with surnames read the way surnames are
read (单 is Shàn, not Dān) first. pypinyin is imported inside the functions:
it takes a noticeable fraction of a second to load and start-up must not pay
for it.
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import islice

# Surname readings that differ from the character's everyday reading, and
# compound surnames (复姓). First reading is the usual one for the surname; the
# others are still indexed. Syllables of a compound are separated by a space.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    # single-character surnames with a special reading
    "单": ("shan",), "曾": ("zeng",), "区": ("ou",), "仇": ("qiu",), "解": ("xie",),
    "查": ("zha",), "朴": ("piao",), "盖": ("ge", "gai"), "缪": ("miao",),
    "乐": ("yue", "le"), "覃": ("qin", "tan"), "翟": ("zhai", "di"), "召": ("shao",),
    "种": ("chong",), "繁": ("po",), "隗": ("wei", "kui"), "员": ("yun",), "秘": ("bi",),
    "冼": ("xian",), "洗": ("xian",), "宓": ("mi", "fu"), "折": ("she",), "句": ("gou",),
    "尉": ("wei",), "黑": ("he", "hei"), "能": ("nai",), "祭": ("zhai",), "重": ("chong",),
    "沈": ("shen",), "任": ("ren",), "华": ("hua",), "纪": ("ji",), "薄": ("bo",),
    "蕃": ("pi",), "佴": ("nai",), "啜": ("chuai",), "阚": ("kan",), "郇": ("huan",),
    "长": ("chang",), "车": ("che",), "曲": ("qu",), "藏": ("zang",), "相": ("xiang",),
    # compound surnames
    "尉迟": ("yu chi",), "万俟": ("mo qi",), "单于": ("chan yu",), "长孙": ("zhang sun",),
    "欧阳": ("ou yang",), "司马": ("si ma",), "诸葛": ("zhu ge",), "上官": ("shang guan",),
    "东方": ("dong fang",), "皇甫": ("huang fu",), "夏侯": ("xia hou",),
    "令狐": ("ling hu",), "慕容": ("mu rong",), "宇文": ("yu wen",), "司徒": ("si tu",),
    "司空": ("si kong",), "公孙": ("gong sun",), "轩辕": ("xuan yuan",),
    "澹台": ("tan tai",), "淳于": ("chun yu",), "申屠": ("shen tu",), "闻人": ("wen ren",),
    "端木": ("duan mu",), "呼延": ("hu yan",), "南宫": ("nan gong",), "西门": ("xi men",),
    "独孤": ("du gu",), "拓跋": ("tuo ba",), "赫连": ("he lian",), "濮阳": ("pu yang",),
    "公冶": ("gong ye",), "宗政": ("zong zheng",), "太叔": ("tai shu",),
    "乐正": ("yue zheng",), "左丘": ("zuo qiu",), "漆雕": ("qi diao",),
    "亓官": ("qi guan",), "子车": ("zi ju",), "第五": ("di wu",), "百里": ("bai li",),
}  # fmt: skip

COMPOUND_SURNAMES = frozenset(s for s in SURNAME_READINGS if len(s) == 2)

# A name with many heteronyms would otherwise explode (3 readings ** 4 chars);
# the best-ranked combinations are kept, the everyday reading always first.
MAX_COMBINATIONS = 24
MAX_READINGS_PER_CHAR = 4
MAX_KEY_LENGTH = 64  # PatientSearchKey.key column width

# Chinese characters: the unified ideographs with extension A, compatibility ideographs,
# 〇, and the supplementary planes' extensions B–G (rare characters in names).
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x3007, 0x3007),
               (0x20000, 0x3134F))
_LATIN_WORD_RE = re.compile(r"[a-z]+")
_QUERY_DROP_RE = re.compile(r"[\s'’`\-·・•]+")


def _is_cjk(ch: str) -> bool:
    # Compared by code point, not with a regex: a character class this wide takes ~1.5 ms
    # to compile, at every start-up (this runs for the first name the desk shows).
    if len(ch) != 1:
        return False
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


@functools.cache
def _runs_re() -> re.Pattern[str]:
    """Runs of latin letters and runs of Chinese characters (compiled on first use)."""
    cjk = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
    return re.compile(f"[a-z]+|[{cjk}]+")


def split_surname(name: str) -> tuple[str, str]:
    """Split a Chinese name into (surname, given name).

    A compound surname is recognised only when a given name follows it, so a
    two-character name such as 司马 is read as surname 司 + given name 马.
    Names that do not start with a Chinese character return ("", name).
    """
    name = name.strip()
    if not name or not _is_cjk(name[0]):
        return "", name
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return name[:2], name[2:]
    return name[0], name[1:]


def _dedupe(items: Iterator[str] | Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def load() -> None:
    """Load pypinyin and its dictionaries now (cheap once loaded).

    Call before a write transaction that will compute search keys: the first load
    takes a noticeable fraction of a second, and on SQLite every other desk would
    wait for the write lock meanwhile (issue 21: 207 ms, then busy time-outs).
    """
    _contextual_readings("中文")
    _char_readings("中")


def _char_readings(ch: str) -> list[str]:
    """Every toneless reading pypinyin knows for one character, most common first."""
    return list(_char_readings_of(ch))


@functools.lru_cache(maxsize=8192)
def _char_readings_of(ch: str) -> tuple[str, ...]:
    # pypinyin's single-character dictionary does not change while the app runs: each
    # character is looked up once (names repeat their characters; a new record's keys
    # are computed while the desk waits).
    #
    # What pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0] gives, read
    # from its dictionary and converted by its own NORMAL style, without its converter's
    # per-call machinery (a third of the time; tests/unit/test_pinyin.py compares the two
    # for every character of the dictionary).
    from pypinyin.constants import PINYIN_DICT, Style
    from pypinyin.style import convert

    raw = PINYIN_DICT.get(ord(ch)) if len(ch) == 1 else None
    if raw is None:
        return ()
    readings = dict.fromkeys(convert(r, Style.NORMAL, True, han=ch) for r in raw.split(","))
    return tuple(r for r in readings if r.isascii() and r.isalpha())


def _contextual_readings(run: str) -> list[str | None]:
    """One reading per character, chosen by pypinyin's phrase dictionary."""
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(run, style=Style.NORMAL, errors=lambda chars: [""] * len(chars))
    # Unknown characters come back empty; keep positions aligned with `run`.
    if len(out) != len(run):
        return [None] * len(run)
    return [r if r.isascii() and r.isalpha() else None for r in out]


def _with_u_for_v(readings: list[str]) -> list[str]:
    # pypinyin writes ü as v (吕 lv); many people type u, so index both.
    return readings + [r.replace("v", "u") for r in readings if "v" in r]


def _chinese_slots(run: str, surname: str) -> list[list[str]]:
    """Reading choices for each character of a run of Chinese characters."""
    contextual = _contextual_readings(run)
    slots: list[list[str]] = []
    for i, ch in enumerate(run):
        in_surname = i < len(surname)
        preferred = [r.split()[i] for r in SURNAME_READINGS.get(surname, ())] if in_surname else []
        first = [contextual[i]] if contextual[i] else []
        readings = _dedupe(preferred + first + _char_readings(ch))[:MAX_READINGS_PER_CHAR]
        slots.append(_with_u_for_v(readings) if readings else [])
    return [s for s in slots if s]


@functools.lru_cache(maxsize=256)
def _slots(name: str) -> tuple[tuple[tuple[str, ...], ...], int]:
    """Split a name into syllable slots; also return how many belong to the surname.

    Remembered for the last names read: a new patient's name is read by the duplicate
    check, then again for the record's search keys when it is registered (the slots are
    most of both; tuples, so no caller can change what the next one gets).
    """
    text = unicodedata.normalize("NFKC", name).lower()
    surname, _ = split_surname(text)
    slots: list[list[str]] = []
    # Runs of Chinese characters and of latin letters; everything else separates.
    for run in _runs_re().findall(text):
        if _LATIN_WORD_RE.fullmatch(run):
            slots.append([run])
        else:
            slots.extend(_chinese_slots(run, surname if not slots else ""))
    return tuple(tuple(slot) for slot in slots), len(surname) if surname else 0


def _ranked_combinations(slots: Sequence[Sequence[str]]) -> Iterator[tuple[str, ...]]:
    """Reading combinations, fewest departures from the preferred readings first.

    Best-first over index vectors, so a cap keeps e.g. both readings of the
    surname rather than every variant of the last character.
    """
    start = (0,) * len(slots)
    # Ties go to departures early in the name (the surname) first.
    heap = [(0, start, start)]
    seen = {start}
    while heap:
        rank, _, idx = heapq.heappop(heap)
        yield tuple(slot[i] for slot, i in zip(slots, idx, strict=True))
        for pos in range(len(idx)):
            if idx[pos] + 1 < len(slots[pos]):
                nxt = idx[:pos] + (idx[pos] + 1,) + idx[pos + 1 :]
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (rank + 1, tuple(-i for i in nxt), nxt))


def _keys_for(syllables: tuple[str, ...], surname_len: int) -> set[str]:
    initials = "".join(s[0] for s in syllables)
    keys = {"".join(syllables), initials}
    if 0 < surname_len < len(syllables):
        # "zhangxm" for 张小明: full surname, then initials — a common way to type.
        keys.add("".join(syllables[:surname_len]) + initials[surname_len:])
    return {k[:MAX_KEY_LENGTH] for k in keys}


def search_keys(name: str) -> set[str]:
    """Lower-case lookup keys for a name: full pinyin and initials, every reading.

    search_keys("张三") == {"zhangsan", "zs"} (plus "zhangs"); latin names give
    their letters ("John Smith" -> "johnsmith", "js"). Keys are meant for
    prefix matching against `query_key()` of what staff type.
    """
    slots, surname_len = _slots(name or "")
    keys: set[str] = set()
    if not slots:
        return keys
    for combo in islice(_ranked_combinations(slots), MAX_COMBINATIONS):
        keys |= _keys_for(combo, surname_len)
    return keys


def primary_key(name: str) -> str:
    """The single preferred full-pinyin spelling of a name ("单田芳" -> "shantianfang")."""
    slots, _ = _slots(name or "")
    return "".join(slot[0] for slot in slots)[:MAX_KEY_LENGTH]


def surname_pinyin(surname: str) -> str:
    """Romanised surname for English forms of address ("欧阳" -> "Ouyang", "单" -> "Shan")."""
    if surname in COMPOUND_SURNAMES:
        # On its own a compound would be split as surname + given name.
        return SURNAME_READINGS[surname][0].replace(" ", "").capitalize()
    return primary_key(surname).capitalize()


def query_key(typed: str) -> str:
    """Normalise what staff type into the form of the keys ("Zhang San" -> "zhangsan")."""
    text = unicodedata.normalize("NFKC", typed or "").lower()
    if not text.isprintable():  # zero-width and bidi marks pasted with a phone number
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _QUERY_DROP_RE.sub("", text).replace("ü", "v")
