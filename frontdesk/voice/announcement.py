"""What the waiting room hears when a patient is called, in Mandarin (no Qt, no engine).

An :class:`Announcement` is built from a call event (the ticket, the room, the
patient's name) and turned into *words*: a short list of units that every
engine can say. The display text keeps the ticket whole ("请 A012 号 王*芳 到
3 诊室 就诊"); the engines get the same words with numbers said digit by digit
(零一二, never 十二) and the name's star said 某, for

- a Chinese voice (Qt's QTextToSpeech): :func:`speech_text`;
- espeak-ng's ``cmn-latn-pinyin`` voice: :func:`pinyin_text` (tone numbers);
- the pre-rendered clip set: :func:`clip_keys` (a name has no clip and is left out).

Only a masked name (privacy.mask_name) or no name is ever said: the waiting room
is strangers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from frontdesk.privacy import mask_name, one_line


class CallKind(StrEnum):
    CALL = "call"            # 叫号
    RECALL = "recall"        # 复呼
    MISSED = "missed"        # 过号
    BACK = "back_from_tests"  # 检查返回


class NameMode(StrEnum):
    MASKED = "masked"  # 王*芳 on the screen, 王某芳 in the voice
    NONE = "none"      # the number only


DIGITS_ZH = "零一二三四五六七八九"
DIGITS_PINYIN = ("ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3")
# Letters as Chinese callers say them (the English letter names), in tone-numbered pinyin.
LETTERS_PINYIN = {
    "A": "ei1", "B": "bi4", "C": "xi1", "D": "di4", "E": "yi4", "F": "ai2 fu1",
    "G": "ji4", "H": "ai1 qi1", "I": "ai4", "J": "zhei4", "K": "kei4", "L": "ai2 le5",
    "M": "ai2 mu5", "N": "en1", "O": "ou1", "P": "pi4", "Q": "kiu1", "R": "a4",
    "S": "ai2 si1", "T": "ti4", "U": "you1", "V": "wei1", "W": "da2 bu5 liu5",
    "X": "ai2 ke4 si1", "Y": "wai4", "Z": "zei4",
}
PAUSE = ","

# The fixed words of the sentences; each has a clip in resources/voice/clips.
PHRASES = {
    "请": "qing", "号": "hao", "到": "dao", "请到": "qingdao", "就诊": "jiuzhen",
    "诊室": "zhenshi", "再次呼叫": "zaicihujiao", "检查返回": "jianchafanhui",
    "已过号": "yiguohao", "分诊台": "fenzhentai", "报到": "baodao",
}
# Room words a hospital uses, pre-rendered too (a room name made only of these and
# numbers is said by the clip set; anything else needs a speech engine).
ROOM_WORDS = {
    "诊室": "zhenshi", "室": "shi", "楼": "lou", "层": "ceng", "区": "qu", "窗口": "chuangkou",
    "内科": "neike", "外科": "waike", "儿科": "erke", "妇科": "fuke", "产科": "chanke",
    "眼科": "yanke", "口腔科": "kouqiangke", "皮肤科": "pifuke", "中医科": "zhongyike",
    "耳鼻喉科": "erbihouke", "骨科": "guke", "急诊": "jizhen", "检验科": "jianyanke",
    "放射科": "fangsheke", "超声科": "chaoshengke", "B超室": "bchaoshi",
    "心电图室": "xindiantushi", "治疗室": "zhiliaoshi", "抽血室": "chouxueshi",
    "诊区": "zhenqu",
}
# Department prefixes of queue numbers (内-012): one character each.
TICKET_PREFIXES = {
    "内": "nei", "外": "wai", "妇": "fu", "儿": "er", "肛": "gang", "皮": "pi", "耳": "er3",
    "口": "kou", "急": "ji", "眼": "yan", "中": "zhong", "骨": "gu", "产": "chan", "康": "kang",
}
WORD_CLIPS = {**TICKET_PREFIXES, **ROOM_WORDS, **PHRASES}
MASK_SPOKEN = "某"


@dataclass(frozen=True)
class Announcement:
    """One call to announce. `name` is the patient's name as stored; it is masked here."""

    kind: CallKind
    ticket: str            # "A012"
    room: str = ""         # "3", "3诊室", "内科2诊室"
    name: str = ""
    call_id: object = None  # the call event's id, so a caller can tell repeats apart

    def masked_name(self, mode: NameMode | str = NameMode.MASKED) -> str:
        return mask_name(self.name) if NameMode(mode) is NameMode.MASKED else ""


def room_words(room: str) -> list[str]:
    """The room as words: a bare number gains 诊室 ("3" → ["3", "诊室"])."""
    room = one_line(room).replace(" ", "")
    if not room:
        return []
    if (plain := _spoken_form(room)).isascii() and plain.isalnum():  # "3", "①", "３"
        return [room, "诊室"]
    return [room]


def words(a: Announcement, *, name_mode: NameMode | str = NameMode.MASKED) -> list[str]:
    """The announcement as words; PAUSE marks a breath (a comma in the text)."""
    ticket = one_line(a.ticket).replace(" ", "")
    name = a.masked_name(name_mode)
    who = [ticket, "号"] + ([name] if name else [])
    room = room_words(a.room)
    kind = CallKind(a.kind)
    if kind is CallKind.CALL:
        return ["请", *who, "到", *room, "就诊"] if room else ["请", *who, "就诊"]
    if kind is CallKind.RECALL:
        tail = ["请到", *room, "就诊"] if room else ["请", "就诊"]
        return ["再次呼叫", *who, PAUSE, *tail]
    if kind is CallKind.BACK:
        tail = ["请到", *room, "就诊"] if room else ["请", "就诊"]
        return ["检查返回", *who, PAUSE, *tail]
    return [*who, "已过号", PAUSE, "请到", "分诊台", "报到"]


def display_text(a: Announcement, *, name_mode: NameMode | str = NameMode.MASKED) -> str:
    """"请 A012 号 王*芳 到 3 诊室 就诊": what the screen and the log show."""
    text = " ".join(words(a, name_mode=name_mode))
    return text.replace(f" {PAUSE} ", "，")


_RUN = re.compile(r"[0-9]|[A-Za-z]|[^0-9A-Za-z]+")


def _spoken_form(word: str) -> str:
    # A room or ticket typed as "①", "３" or "²" is said as the digit it stands for (NFKC);
    # int() would refuse those characters although str.isdigit() accepts them.
    return unicodedata.normalize("NFKC", word)


def _pieces(word: str) -> list[str]:
    """A word split into ASCII digits, ASCII letters and runs of anything else."""
    return _RUN.findall(_spoken_form(word))


def speech_text(a: Announcement, *, name_mode: NameMode | str = NameMode.MASKED) -> str:
    """Text for a Chinese text-to-speech voice: digits as 零一二, the star as 某."""
    parts: list[str] = []
    for w in words(a, name_mode=name_mode):
        if w == PAUSE:
            parts.append("，")
            continue
        for p in _pieces(w):
            if p.isascii() and p.isdigit():
                parts.append(DIGITS_ZH[int(p)])
            elif p.isascii() and p.isalpha():
                parts.append(f" {p.upper()} ")
            else:
                parts.append(p.replace("*", MASK_SPOKEN).replace("-", " "))
        parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).replace(" ，", "，").strip()


def _pinyin(chinese: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # loads in a fraction of a second: only when needed

    out = []
    for syl in lazy_pinyin(chinese, style=Style.TONE3, neutral_tone_with_five=True,
                           errors=lambda s: [" "]):
        syl = syl.strip()
        if syl:
            out.append(syl)
    return out


def pinyin_text(a: Announcement, *, name_mode: NameMode | str = NameMode.MASKED) -> str:
    """Text for espeak-ng's cmn-latn-pinyin voice: tone-numbered pinyin, digit by digit.

    The plain `cmn` voice of Debian 12 reads tone numbers aloud; cmn-latn-pinyin
    reads "qing3" as 请. Surnames keep their surname reading (单 shan4).
    """
    from frontdesk.pinyin import SURNAME_READINGS

    out: list[str] = []
    for w in words(a, name_mode=name_mode):
        if w == PAUSE:
            out.append(",")
            continue
        for p in _pieces(w.replace("*", MASK_SPOKEN)):
            if p.isascii() and p.isdigit():
                out.append(DIGITS_PINYIN[int(p)])
            elif p.isascii() and p.isalpha():
                out.append(LETTERS_PINYIN[p.upper()])
            elif w is not None and p == w.replace("*", MASK_SPOKEN) and _is_name(a, w, name_mode):
                out.extend(_name_pinyin(p, SURNAME_READINGS))
            else:
                out.extend(_pinyin(p))
    return " ".join(out).replace(" ,", ",")


def _is_name(a: Announcement, w: str, name_mode) -> bool:
    return bool(w) and w == a.masked_name(name_mode)


def _name_pinyin(name: str, readings: dict[str, tuple[str, ...]]) -> list[str]:
    for length in (2, 1):
        surname = name[:length]
        if len(name) > length and surname in readings:
            # The surname table has toneless readings: let pypinyin give the tone of
            # the first reading by looking the syllable up with its heteronyms.
            return _surname_tones(surname, readings[surname][0]) + _pinyin(name[length:])
    return _pinyin(name)


def _surname_tones(surname: str, reading: str) -> list[str]:
    from pypinyin import Style, pinyin

    out = []
    for ch, syl in zip(surname, reading.split(" "), strict=False):
        options = pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
        match = next((o for o in options if o.rstrip("12345") == syl), None)
        out.append(match or options[0])
    return out


def clip_keys(a: Announcement, *, name_mode: NameMode | str = NameMode.MASKED,
              chime: bool = True) -> list[str]:
    """The announcement as clip names (resources/voice/clips/<key>.wav).

    Digits and letters are said one by one; fixed words and known room words have
    clips; the name and any other word have none and are left out (the screen
    still shows them).
    """
    keys = ["chime"] if chime else []
    for w in words(a, name_mode=NameMode.NONE):
        if w == PAUSE:
            keys.append("pause")
            continue
        keys.extend(_word_clips(w))
    return keys


def _word_clips(word: str) -> list[str]:
    out: list[str] = []
    rest = _spoken_form(word)
    while rest:
        ch = rest[0]
        if ch.isascii() and ch.isdigit():
            out.append(f"d{ch}")
            rest = rest[1:]
            continue
        if ch.isascii() and ch.isalpha():
            # "B超室" is one room word; a lone letter is its letter clip.
            match = _longest_word(rest)
            if match:
                out.append(WORD_CLIPS[match])
                rest = rest[len(match):]
            else:
                out.append(f"l{ch.upper()}")
                rest = rest[1:]
            continue
        match = _longest_word(rest)
        if match:
            out.append(WORD_CLIPS[match])
            rest = rest[len(match):]
        else:
            rest = rest[1:]  # no clip for this character: skipped
    return out


def _longest_word(text: str) -> str | None:
    best = None
    for w in WORD_CLIPS:
        if text.startswith(w) and (best is None or len(w) > len(best)):
            best = w
    return best


def all_clips() -> dict[str, str]:
    """Every clip key and the Chinese it says (digits, letters, words): what to render."""
    clips = {f"d{i}": DIGITS_ZH[i] for i in range(10)}
    clips.update({f"l{c}": c for c in LETTERS_PINYIN})
    clips.update({key: zh for zh, key in WORD_CLIPS.items()})
    return clips


def clip_pinyin(key: str) -> str:
    """What espeak-ng is given to render clip `key` (used once, to build the clip set)."""
    if key.startswith("d") and key[1:].isdigit():
        return DIGITS_PINYIN[int(key[1:])]
    if key.startswith("l") and len(key) == 2:
        return LETTERS_PINYIN[key[1]]
    zh = all_clips()[key]
    return " ".join(_pieces_pinyin(zh))


def _pieces_pinyin(zh: str) -> list[str]:
    out = []
    for p in _pieces(zh):
        if p.isascii() and p.isalpha():
            out.append(LETTERS_PINYIN[p.upper()])
        else:
            out.extend(_pinyin(p))
    return out
