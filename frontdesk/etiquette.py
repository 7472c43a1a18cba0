"""Etiquette coach: how to address the patient, what to say at each step, what never to say.

The phrases are data (resources/rules/phrases.toml), read once; this module
fills in the patient's form of address and checks staff text for forbidden
words. Pure functions: no Qt, no database.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontdesk.errors import ConfigError
from frontdesk.i18n import Msg, text
from frontdesk.paths import resource_path
from frontdesk.pinyin import COMPOUND_SURNAMES, split_surname, surname_pinyin

# --- Forms of address ----------------------------------------------------------

# Women younger than this are 小姐; from it on 女士. The house rules name both forms
# without ages; 30 is the common desk practice.
YOUNG_WOMAN_BELOW_AGE = 30
# From this age patients are addressed as 叔叔 / 阿姨, as the hand-over script
# does for elders.
ELDER_MIN_AGE = 50
# Below this age a patient is a child: 小朋友, whatever the sex (the door's "child" band).
CHILD_BELOW_AGE = 14

MALE, FEMALE = "M", "F"
_SEX_ALIASES = {
    "m": MALE, "male": MALE, "man": MALE, "男": MALE,
    "f": FEMALE, "female": FEMALE, "woman": FEMALE, "女": FEMALE,
}  # fmt: skip


def _sex_code(sex: str | None) -> str:
    return _SEX_ALIASES.get((sex or "").strip().lower(), "")


def _zh_title(sex: str, age: int | None) -> str:
    if age is not None and age < CHILD_BELOW_AGE:
        return "小朋友"
    elder = age is not None and age >= ELDER_MIN_AGE
    if sex == MALE:
        return "叔叔" if elder else "先生"
    if sex == FEMALE:
        if elder:
            return "阿姨"
        # Without an age, 女士 is the safe choice: 小姐 only when known to be young.
        young = age is not None and age < YOUNG_WOMAN_BELOW_AGE
        return "小姐" if young else "女士"
    return "叔叔／阿姨" if elder else "先生／女士"


def _surname_of(name: str) -> tuple[str, bool]:
    """Return (surname, is_chinese) from a surname or a full name."""
    name = " ".join(name.split())
    if not name:
        return "", False
    if name[0].isascii():
        # Latin names are written given name first: "John Smith" -> Smith.
        return name.split(" ")[-1], False
    if len(name) == 1 or name in COMPOUND_SURNAMES:
        return name, True
    return split_surname(name)[0], True


def form_of_address(
    surname_or_name: str | None, sex: str | None, age: int | None, lang: str | None = None
) -> str:
    """How staff address the patient: 王先生, 王小姐, 王阿姨, Mr Wang, or 先生 / Sir.

    `sex` is "M" / "F" (also 男/女, male/female); anything else is unknown.
    `age` picks 小姐 (under YOUNG_WOMAN_BELOW_AGE) and 叔叔/阿姨 (from
    ELDER_MIN_AGE) in Chinese; English uses Mr / Ms from CHILD_BELOW_AGE on.
    A child is 付小朋友 / "little Fu" (a Latin name: "John"; no name: "little one").
    """
    code = _sex_code(sex)
    surname, chinese = _surname_of(surname_or_name or "")
    zh = surname + _zh_title(code, age)
    if age is not None and age < CHILD_BELOW_AGE:
        # 付小朋友: a child is no Mr or Ms. English says "little Fu" (a Latin name: the
        # given name, as a child is called), "little one" without a name.
        name = " ".join((surname_or_name or "").split())
        if not surname:
            en = "little one"
        elif chinese:
            en = "little " + surname_pinyin(surname)
        else:
            en = name.split(" ")[0]
    elif not surname:
        en = {MALE: "Sir", FEMALE: "Madam"}.get(code, "Sir/Madam")
    else:
        en_name = surname_pinyin(surname) if chinese else surname
        en = {MALE: "Mr", FEMALE: "Ms"}.get(code, "Mr/Ms") + " " + en_name
    return text(zh, en, lang)


def title_of(sex: str | None, age: int | None, lang: str | None = None) -> str:
    """The title alone, for "这位先生": 先生, 小姐, 阿姨; English "gentleman" / "lady"."""
    code = _sex_code(sex)
    en = {MALE: "gentleman", FEMALE: "lady"}.get(code, "patient")
    if age is not None and age < CHILD_BELOW_AGE:
        en = "young patient"
    return text(_zh_title(code, age), en, lang)


# --- Phrasebook --------------------------------------------------------------------

STAGES = ("GREETING", "TRIAGE", "REGISTRATION", "BILLING", "WAITING", "ESCORT", "DONE")
GENERAL = "GENERAL"  # stepping away, coming back, answering thanks: any stage
PLACEHOLDERS = frozenset({"address", "title", "arrival", "doctor", "complaint"})
PHRASES_FILE = "phrases.toml"


@dataclass(frozen=True)
class Phrase:
    """One line of the coach: what to say (`text`) and when (`cue`), in one language."""

    key: str
    cue: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Forbidden:
    """A word staff must never say, and what to say instead."""

    word: str
    instead: Msg
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Phrasebook:
    stages: dict[str, tuple[tuple[str, Msg, Msg], ...]]  # key, cue, phrase
    defaults: dict[str, Msg]
    arrival: dict[str, Msg]
    forbidden: tuple[Forbidden, ...]


def _bad(path: Path, zh: str, en: str) -> ConfigError:
    return ConfigError(
        f"话术文件 {path} 有误：{zh}。请修正该文件后重试。",
        f"Phrases file {path} is invalid: {en}. Fix the file and try again.",
    )


def _bilingual(path: Path, value: Any, where: str) -> Msg:
    ok = isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("zh", "en"))
    if not ok or not value["zh"].strip() or not value["en"].strip():
        raise _bad(path, f"{where} 需要非空的 zh 和 en", f"{where} needs non-empty zh and en")
    return Msg(value["zh"], value["en"])


def _check_placeholders(path: Path, template: str, where: str) -> None:
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    except ValueError as exc:  # an unmatched brace
        raise _bad(
            path, f"{where} 的花括号不配对", f"{where} has unbalanced braces ({exc})"
        ) from exc
    unknown = names - PLACEHOLDERS
    if unknown:
        listed = ", ".join(sorted(unknown))
        raise _bad(
            path, f"{where} 含未知占位符 {listed}", f"{where} uses unknown placeholders {listed}"
        )


def _stage(path: Path, name: str, entries: Any) -> tuple[tuple[str, Msg, Msg], ...]:
    if not isinstance(entries, list) or not entries:
        raise _bad(path, f"缺少阶段 {name} 的话术", f"stage {name} has no phrases")
    out = []
    for i, entry in enumerate(entries, 1):
        where = f"{name} #{i}"
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not key:
            raise _bad(path, f"{where} 缺少 key", f"{where} has no key")
        phrase = _bilingual(path, entry, where)
        for template in (phrase.zh, phrase.en):
            _check_placeholders(path, template, where)
        cue = _bilingual(path, entry.get("cue"), f"{where} cue")
        out.append((key, cue, phrase))
    return tuple(out)


def _forbidden(path: Path, entries: Any) -> tuple[Forbidden, ...]:
    if not isinstance(entries, list) or not entries:
        raise _bad(path, "缺少禁用语列表 forbidden", "the forbidden list is missing")
    out = []
    for i, entry in enumerate(entries, 1):
        word = entry.get("word") if isinstance(entry, dict) else None
        if not isinstance(word, str) or not word.strip():
            raise _bad(path, f"禁用语 #{i} 缺少 word", f"forbidden #{i} has no word")
        exceptions = entry.get("except", [])
        if not isinstance(exceptions, list) or not all(isinstance(e, str) for e in exceptions):
            raise _bad(
                path,
                f"禁用语 {word} 的 except 应为字符串列表",
                f"forbidden {word}: 'except' must be a list of strings",
            )
        instead = _bilingual(path, entry.get("instead"), f"forbidden {word} instead")
        out.append(Forbidden(word.strip(), instead, tuple(exceptions)))
    return tuple(out)


def _table(
    path: Path, data: dict[str, Any], name: str, keys: tuple[str, ...]
) -> dict[str, Msg]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise _bad(path, f"缺少表 [{name}]", f"table [{name}] is missing")
    return {k: _bilingual(path, table.get(k), f"[{name}] {k}") for k in keys}


def parse_phrasebook(path: Path) -> Phrasebook:
    """Read and check a phrases file; raise ConfigError naming the file on any problem."""
    from frontdesk.files import read_text

    if not Path(path).exists() and not Path(path).is_symlink():
        raise ConfigError(
            f"缺少话术文件 {path}。请重新安装 Frontdesk。",
            f"The phrases file {path} is missing. Reinstall Frontdesk.",
        )
    try:  # a folder, binary or non-UTF-8 content: read_text names the file
        data = tomllib.loads(read_text(path, "话术文件", "phrases file"))
    except tomllib.TOMLDecodeError as exc:
        from frontdesk.rule_files import toml_error

        raise _bad(path, *toml_error(exc)) from exc
    except RecursionError:  # thousands of nested arrays
        raise _bad(path, "嵌套过深", "nested too deeply") from None
    stages = data.get("stages")
    if not isinstance(stages, dict):
        raise _bad(path, "缺少 stages 表", "the stages table is missing")
    return Phrasebook(
        stages={name: _stage(path, name, stages.get(name)) for name in (*STAGES, GENERAL)},
        defaults=_table(path, data, "placeholders", ("doctor", "complaint", "arrival")),
        arrival=_table(
            path, data, "arrival", ("separator", "first_visit", "returning", "booked", "not_booked")
        ),
        forbidden=_forbidden(path, data.get("forbidden")),
    )


@lru_cache(maxsize=4)
def load_phrasebook(path: Path | None = None) -> Phrasebook:
    """The phrasebook, read once per path (default: resources/rules/phrases.toml)."""
    return parse_phrasebook(path or resource_path("rules", PHRASES_FILE))


def arrival_text(first_visit: bool | None, booked: bool | None, lang: str | None = None) -> str:
    """The hand-over's "first visit, no appointment" part; empty when both are unknown."""
    arrival = load_phrasebook().arrival
    parts = []
    if first_visit is not None:
        parts.append(arrival["first_visit" if first_visit else "returning"].text(lang))
    if booked is not None:
        parts.append(arrival["booked" if booked else "not_booked"].text(lang))
    return arrival["separator"].text(lang).join(parts)


def phrases_for(
    stage: str,
    lang: str | None = None,
    *,
    address: str | None = None,
    title: str | None = None,
    doctor: str | None = None,
    complaint: str | None = None,
    first_visit: bool | None = None,
    booked: bool | None = None,
) -> list[Phrase]:
    """The prescribed phrases for a stage, with the patient's details filled in.

    `stage` is one of STAGES or GENERAL (any-time phrases: stepping away,
    coming back, answering thanks). `address` usually comes from
    `form_of_address()`; anything not given falls back to a neutral form.
    """
    book = load_phrasebook()
    if stage not in book.stages:
        raise ValueError(f"unknown stage {stage!r}; expected one of {(*STAGES, GENERAL)}")
    values = {
        "address": address or form_of_address(None, None, None, lang),
        "title": title or title_of(None, None, lang),
        "arrival": arrival_text(first_visit, booked, lang) or book.defaults["arrival"].text(lang),
        "doctor": doctor or book.defaults["doctor"].text(lang),
        "complaint": complaint or book.defaults["complaint"].text(lang),
    }
    return [
        Phrase(key=key, cue=cue.text(lang), text=phrase.text(lang).format_map(values))
        for key, cue, phrase in book.stages[stage]
    ]


# --- Forbidden words ------------------------------------------------------------------


def forbidden_phrases() -> tuple[Forbidden, ...]:
    """Every word staff must never say, with what to say instead."""
    return load_phrasebook().forbidden


@lru_cache(maxsize=64)
def _pattern(word: str) -> re.Pattern[str]:
    escaped = re.escape(word.lower()).replace("'", "['’]")
    # Latin words match whole words only ("hey" is not in "they").
    return re.compile(rf"\b{escaped}\b" if word.isascii() else escaped)


def find_forbidden(staff_text: str) -> list[str]:
    """Forbidden words found in `staff_text`, in order of first appearance.

    A word inside an allowed longer word is not reported (喂药 is fine, 喂 is not).
    """
    lowered = (staff_text or "").lower()
    hits: list[tuple[int, str]] = []
    for item in forbidden_phrases():
        masked = lowered
        for allowed in item.exceptions:
            # Blank out allowed words, keeping positions for ordering.
            masked = masked.replace(allowed.lower(), "\0" * len(allowed))
        match = _pattern(item.word).search(masked)
        if match:
            hits.append((match.start(), item.word))
    return [word for _, word in sorted(hits)]
