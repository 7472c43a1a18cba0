"""Field validation for the registration form and the CLI.

Pure functions (stdlib only): each takes what the person typed and returns the
clean value, or raises `ValidationError` with a message in both languages and
the form field it belongs to, so the UI can show it right at that field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from frontdesk import clock
from frontdesk.errors import ValidationError


def drop_invisible(value: str) -> str:
    """`value` without format characters (Unicode category Cf): zero-width spaces and joiners,
    bidi marks and the byte-order mark. A number copied from a phone's contacts or a chat
    brings them along ("\u202d138 0013 8000\u202c"); they are never part of a number, a
    date or a lookup, and would make the person see 11 digits but be told otherwise."""
    if value.isprintable():  # most text: nothing to drop (Cf is never printable)
        return value
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


# --- Mobile numbers ----------------------------------------------------------

MOBILE_LENGTH = 11
_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
# Separators people type or paste from contact cards; removed before checking.
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）.]+")
_COUNTRY_PREFIXES = ("+86", "0086")


def normalise_mobile(raw: str | None) -> str:
    """Return a mainland-China mobile number as 11 digits.

    Accepts spaces, dashes, brackets, full-width digits and a +86 / 0086
    prefix ("+86 138-0013-8000" -> "13800138000").
    """
    if raw is not None and not isinstance(raw, str):
        raise ValidationError("手机号码应为文字。", "A mobile number must be text.", field="phone")
    # NFKC turns full-width digits and plus signs from a Chinese IME into ASCII.
    value = _PHONE_SEPARATORS.sub("", drop_invisible(unicodedata.normalize("NFKC", raw or "")))
    if not value:
        raise ValidationError("请填写手机号码。", "Please enter a mobile number.", field="phone")
    for prefix in _COUNTRY_PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    else:
        # "86 138..." without the plus: only when it leaves exactly a mobile number.
        if len(value) == MOBILE_LENGTH + 2 and value.startswith("861"):
            value = value[2:]
    if not value.isascii() or not value.isdigit():
        raise ValidationError(
            "手机号码只能包含数字（可带 +86 前缀）。",
            "A mobile number may contain only digits (optionally with a +86 prefix).",
            field="phone",
        )
    if len(value) != MOBILE_LENGTH:
        raise ValidationError(
            f"手机号码应为 11 位数字，现在是 {len(value)} 位。",
            f"A mobile number has 11 digits; this one has {len(value)}.",
            field="phone",
        )
    if not _MOBILE_RE.fullmatch(value):
        raise ValidationError(
            "这不是有效的手机号码：应以 13–19 开头。",
            "This is not a valid mobile number: it must start with 13 to 19.",
            field="phone",
        )
    return value


# --- Resident ID (GB 11643-1999) --------------------------------------------

ID_LENGTH = 18
# ISO 7064 MOD 11-2 as GB 11643 uses it: weight of position i is 2**(17-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"
# First two digits: provinces and regions (GB/T 2260), plus 71/81/82/83 used on
# residence permits for Taiwan, Hong Kong and Macao residents.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
     50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)  # fmt: skip
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class ResidentId:
    """A checked 18-character resident ID and what it tells about the holder."""

    number: str  # normalised: 17 digits + digit or upper-case X
    region_code: str  # six digits: province, prefecture, county
    birth_date: date
    sex: str  # "M" or "F", the codes Patient.sex uses


def id_check_char(first17: str) -> str:
    """Return the check character (0-9 or X) for the first 17 digits of an ID."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _id_error(zh: str, en: str) -> ValidationError:
    return ValidationError(zh, en, field="id_number")


def _normalise_id(raw: str | None) -> str:
    if raw is not None and not isinstance(raw, str):
        raise _id_error("身份证号应为文字。", "The ID number must be text.")
    if raw and raw.isascii() and raw.isalnum():  # as stored: nothing below would change it
        return raw.upper()
    # Full-width digits and inner spaces come from IMEs and pasted text.
    value = drop_invisible(unicodedata.normalize("NFKC", raw or ""))
    return re.sub(r"\s+", "", value).upper()


def _id_birth_date(number: str, today: date) -> date:
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise _id_error(
            f"身份证号中的出生日期 {number[6:14]} 不是有效日期。",
            f"The birth date {number[6:14]} in the ID number is not a real date.",
        ) from None
    if birth > today:
        raise _id_error(
            f"身份证号中的出生日期 {birth.isoformat()} 晚于今天。",
            f"The birth date {birth.isoformat()} in the ID number is in the future.",
        )
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise _id_error(
            f"身份证号中的出生日期 {birth.isoformat()} 早于 {EARLIEST_BIRTH_YEAR} 年。",
            f"The birth date {birth.isoformat()} in the ID number is before {EARLIEST_BIRTH_YEAR}.",
        )
    return birth


def parse_resident_id(raw: str | None, today: date | None = None) -> ResidentId:
    """Check an 18-character resident ID and return its parts.

    Checks, in this order so the message names the first real problem: length,
    characters, region code, birth date (real, not in the future), checksum.
    """
    today = today or clock.today()
    number = _normalise_id(raw)
    if not number:
        raise _id_error("请填写身份证号。", "Please enter the ID number.")
    if len(number) != ID_LENGTH:
        raise _id_error(
            f"身份证号应为 18 位，现在是 {len(number)} 位。",
            f"A resident ID number has 18 characters; this one has {len(number)}.",
        )
    body, check = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or check not in "0123456789X":
        raise _id_error(
            "身份证号前 17 位应为数字，最后一位为数字或 X。",
            "A resident ID number is 17 digits followed by a digit or X.",
        )
    if int(number[:2]) not in PROVINCE_CODES:
        raise _id_error(
            f"身份证号开头的地区代码 {number[:6]} 无效。",
            f"The region code {number[:6]} at the start of the ID number is not valid.",
        )
    birth = _id_birth_date(number, today)
    expected = id_check_char(body)
    if check != expected:
        raise _id_error(
            "身份证号校验位不符，请逐位核对。",
            "The ID number's check character does not match; please check each digit.",
        )
    # 17th character: odd for men, even for women.
    sex = "M" if int(number[16]) % 2 else "F"
    return ResidentId(number=number, region_code=number[:6], birth_date=birth, sex=sex)


# --- Age -----------------------------------------------------------------------

# A typed age outside this range is almost always a typo; babies under one are
# registered by birth date instead.
MIN_TYPED_AGE = 1
MAX_TYPED_AGE = 120


def age_from_birth(birth: date, today: date | None = None) -> int:
    """Completed years between `birth` and `today` (a 29 Feb birthday counts on 1 Mar)."""
    today = today or clock.today()
    if birth > today:
        raise ValidationError(
            "出生日期不能晚于今天。", "The birth date cannot be in the future.", field="birth_date"
        )
    had_birthday = (today.month, today.day) >= (birth.month, birth.day)
    return today.year - birth.year - (0 if had_birthday else 1)


def validate_age(age: int | str | None) -> int:
    """Return a typed age as an int if it is plausible (1 to 120 years)."""
    if isinstance(age, bool) or not isinstance(age, int | str | None):
        raise ValidationError(
            "年龄应为整数（周岁）。", "The age must be a whole number of years.", field="age")
    text = drop_invisible(unicodedata.normalize("NFKC", str(age if age is not None else ""))).strip()
    if not text:
        raise ValidationError("请填写年龄。", "Please enter the age.", field="age")
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        raise ValidationError(
            "年龄应为整数（周岁）。", "The age must be a whole number of years.", field="age"
        )
    value = int(text)
    if not MIN_TYPED_AGE <= value <= MAX_TYPED_AGE:
        raise ValidationError(
            f"年龄 {value} 岁不合理：应在 {MIN_TYPED_AGE}–{MAX_TYPED_AGE} 岁之间"
            "（不满 1 岁请填写出生日期）。",
            f"An age of {value} is not plausible: it must be {MIN_TYPED_AGE} to "
            f"{MAX_TYPED_AGE} (for babies under one, enter the birth date).",
            field="age",
        )
    return value


AGE_TOLERANCE = 1  # years a typed age may differ from the birth date's (birthday not yet passed)


def check_age_against_birth(typed, birth: date, today: date | None = None) -> int:
    """The age from `birth`; a typed age beside it must agree within a year.

    Nothing typed (None or blank) takes the birth date's age. A typed age that is
    not a number, or is more than a year off ("80" with a 1990 birth date), is a
    message at the age field: which of the two is right is for the person to say.
    """
    age = age_from_birth(birth, today)
    if typed is None or (isinstance(typed, str) and not typed.strip()):
        return age
    value = None
    if isinstance(typed, int) and not isinstance(typed, bool):
        value = typed
    elif isinstance(typed, str):
        text = unicodedata.normalize("NFKC", typed).strip()
        if text.isascii() and text.isdigit() and len(text) <= 4:
            value = int(text)
    if value is None or abs(value - age) > AGE_TOLERANCE:
        shown = clean_text(str(typed)[:8], "age", 8) if value is None else str(value)
        raise ValidationError(
            f"年龄“{shown}”与出生日期 {birth.isoformat()}（{age} 岁）不符，请核对年龄或出生日期。",
            f"The age '{shown}' does not match the birth date {birth.isoformat()} "
            f"({age} years); please check the age or the birth date.",
            field="age",
        )
    return age


# --- Names ---------------------------------------------------------------------

NAME_MAX_LENGTH = 30
MIDDLE_DOT = "\u00b7"
# Look-alikes people type for the dot in names such as 阿依古丽·买买提.
_DOT_VARIANTS = str.maketrans({"\u30fb": MIDDLE_DOT, "\u2022": MIDDLE_DOT, "\u2027": MIDDLE_DOT,
                               "\uff65": MIDDLE_DOT, "\u318d": MIDDLE_DOT})  # fmt: skip
# Latin names may carry these between letters: O'Brien, Jean-Luc.
_NAME_JOINERS = frozenset(" '-" + MIDDLE_DOT)


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (CJK ideographs, extensions, and 〇)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
        or ch == "\u3007"
    )


def _PLAIN_HAN(ch: str) -> bool:  # noqa: N802 - a character test, named as the range
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF  # pictographs, emoticons, flags
        or 0x2600 <= cp <= 0x27BF  # symbols and dingbats
        or 0x2190 <= cp <= 0x23FF  # arrows and technical symbols shown as emoji
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0x200D, 0xFE0F, 0x20E3, 0x3030, 0x303D, 0x3297, 0x3299)
    )


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf")


def _tidy_name(raw: str) -> str:
    value = unicodedata.normalize("NFKC", raw).translate(_DOT_VARIANTS)
    value = re.sub(r"\s+", " ", value).strip()
    # "张 三" is a typing slip: drop spaces between Chinese characters.
    return re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", value)


def parse_birth_date(value, today: date | None = None) -> date | None:
    """A birth date typed as exactly YYYY-MM-DD (or a date); None when empty.

    Anything after the date ("1990-01-01T10:00", "1990-01-01; DROP TABLE") is
    refused, not cut off; the year is 1900 or later and the day not in the future.
    """
    if value is None or isinstance(value, date):
        birth = value.date() if isinstance(value, datetime) else value
    elif not isinstance(value, str):
        raise _date_error(str(type(value).__name__))
    else:
        text = drop_invisible(unicodedata.normalize("NFKC", value)).strip()
        if not text:
            return None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise _date_error(text)
        try:
            birth = date.fromisoformat(text)
        except ValueError:
            raise _date_error(text) from None
    if birth is None:
        return None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(f"出生日期不能早于 {EARLIEST_BIRTH_YEAR} 年。",
                              f"The birth date cannot be before {EARLIEST_BIRTH_YEAR}.",
                              field="birth_date")
    if birth > (today or clock.today()):
        raise ValidationError("出生日期不能晚于今天。", "The birth date cannot be in the future.",
                              field="birth_date")
    return birth


def _date_error(text: str) -> ValidationError:
    shown = clean_text(text[:40], "birth_date", 40, strict=False)
    return ValidationError(f"日期“{shown}”格式不对，应为 年-月-日，例如 1990-01-31。",
                           f"The date '{shown}' is not in the form YYYY-MM-DD, e.g. 1990-01-31.",
                           field="birth_date")


def validate_name(raw: str | None) -> str:
    """Return a patient or staff name, trimmed; Chinese, latin letters and · only."""
    if raw is not None and not isinstance(raw, str):
        raise ValidationError("姓名应为文字。", "A name must be text.", field="name")
    if raw and len(raw) <= NAME_MAX_LENGTH and all(_PLAIN_HAN(ch) for ch in raw):
        # Most names: only the unified ideographs, which NFKC, trimming and the checks
        # below leave as they are (not the compatibility ideographs, which NFKC changes).
        return raw
    # Control characters are judged before tidying, which would turn some into spaces.
    if any(_is_control(ch) and not _is_emoji(ch) and ch not in " \t" for ch in raw or ""):
        raise ValidationError(
            "姓名中不能包含控制字符。", "A name cannot contain control characters.", field="name"
        )
    name = _tidy_name(raw or "")
    if not name:
        raise ValidationError("请填写姓名。", "Please enter the name.", field="name")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            f"姓名最多 {NAME_MAX_LENGTH} 个字，现在是 {len(name)} 个。",
            f"A name may have at most {NAME_MAX_LENGTH} characters; this one has {len(name)}.",
            field="name",
        )
    for ch in name:
        if is_cjk(ch) or _is_latin_letter(ch) or ch in _NAME_JOINERS:
            continue
        if _is_emoji(ch):
            raise ValidationError(
                "姓名中不能包含表情符号。", "A name cannot contain emoji.", field="name"
            )
        shown = f"U+{ord(ch):04X}" if _unsafe(ch) else ch  # a lone surrogate cannot be shown
        raise ValidationError(
            f"姓名中不能包含“{shown}”：只允许汉字、英文字母和间隔号 ·。",
            f"A name cannot contain “{shown}”: only Chinese characters, latin letters "
            "and the middle dot · are allowed.",
            field="name",
        )
    if name[0] in _NAME_JOINERS or name[-1] in _NAME_JOINERS:
        raise ValidationError(
            "姓名不能以符号开头或结尾。",
            "A name cannot start or end with a punctuation mark.",
            field="name",
        )
    return name


# --- Free text -------------------------------------------------------------------

_KEEP_CONTROLS = frozenset("\n\t")
# Bidirectional embeddings, overrides and isolates: they can make text read backwards.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _unsafe(ch: str) -> bool:
    """Control, invisible formatting, bidi override or lone surrogate (cannot be stored/printed)."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") or ch in _BIDI


def clean_text(raw: str | None, field: str, max_len: int, *, single_line: bool = False,
               strict: bool = False) -> str:
    """The one cleaning of typed text: free text, names of staff, departments, the hospital.

    Control characters (ESC, BEL …), invisible formatting and bidi overrides and
    lone surrogates are dropped (they break printing, can disguise text, and
    cannot be encoded); with `strict` they are refused instead. Line breaks and
    tabs stay unless `single_line`. Anything that is not text is refused; so is
    text longer than `max_len` (checked before any work on a huge value). Text
    that looks like SQL is ordinary text: the database layer binds parameters.
    """
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise ValidationError("请输入文字。", "Please enter text.", field=field)
    if len(raw) > max_len * 4 + 100:  # far too long: say so without scanning it
        raise _too_long(field, max_len, len(raw))
    value = raw.replace("\r\n", "\n").replace("\r", "\n")
    if single_line:
        value = re.sub(r"[\n\t]+", " ", value)
    if strict and any(_unsafe(ch) for ch in value if ch not in _KEEP_CONTROLS):
        raise ValidationError("不能包含控制字符或不可见的格式字符。",
                              "Control or invisible formatting characters are not allowed.",
                              field=field)
    if not value.isprintable():
        # (isprintable: no character of a category _unsafe drops — Cc, Cf, Cs, Co, Cn;
        # the bidi marks are Cf — so most text skips the per-character test.)
        value = "".join(ch for ch in value if ch in _KEEP_CONTROLS or not _unsafe(ch))
    value = value.strip()
    if len(value) > max_len:
        raise _too_long(field, max_len, len(value))
    return value


HOSPITAL_NAME_MAX = 60
STAFF_NAME_MAX = 40


def clean_label(raw, field: str, max_len: int, zh_label: str, en_label: str, *,
                required: bool = True, single_line: bool = True) -> str:
    """A name the app stores and shows in titles, lists and slips: staff, departments,
    doctors, fees, grooming items, the hospital.

    `clean_text` strictly: control characters (ESC, BEL), bidi overrides and other
    invisible characters are refused, not dropped; one line unless `single_line` is
    False; at most `max_len` characters. The message names the field (both languages).
    """
    try:
        value = clean_text(raw, field, max_len, single_line=single_line, strict=True)
    except ValidationError as exc:
        if raw is not None and not isinstance(raw, str):
            zh, en = f"{zh_label}应为文字。", f"The {en_label} must be text."
        elif "long" in exc.en:
            length = len(raw)
            zh = f"{zh_label}最多 {max_len} 个字，现在是 {length} 个。"
            en = f"The {en_label} is at most {max_len} characters; this has {length}."
        else:
            zh = f"{zh_label}中不能包含控制字符或不可见的格式字符（如 ESC、方向控制符）。"
            en = (f"The {en_label} cannot contain control or invisible formatting characters "
                  "(such as ESC or direction overrides).")
        raise ValidationError(zh, en, field=field) from None
    if single_line:
        value = re.sub(r"\s+", " ", value)
    if required and not value:
        raise ValidationError(f"请填写{zh_label}。", f"Enter the {en_label}.", field=field)
    return value


def hospital_name(raw) -> str:
    """The hospital's name, shown in every title and slip."""
    return clean_label(raw, "hospital", HOSPITAL_NAME_MAX, "医院名称", "hospital's name")


def _too_long(field: str, max_len: int, length: int) -> ValidationError:
    return ValidationError(
        f"内容过长：最多 {max_len} 个字，现在是 {length} 个，请精简。",
        f"Too long: at most {max_len} characters are allowed; this has {length}.",
        field=field,
    )


# The days Frontdesk keeps: a date picker offers 1752-09-14 to 9999-12-31, and a range that
# ends on 9999-12-31 overflows the day after it (the end of every range read).
DAY_MIN = date(2000, 1, 1)
DAY_MAX = date(2099, 12, 31)


def picked_day(value, field: str = "day") -> date:
    """A day picked in a calendar (or given by a caller) within DAY_MIN..DAY_MAX, else a
    ValidationError at `field`; a datetime gives its date."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise ValidationError("请选择日期。", "Choose a date.", field=field)
    if not DAY_MIN <= value <= DAY_MAX:
        raise ValidationError(
            f"日期 {value.isoformat()} 超出范围：请选择 {DAY_MIN.year}–{DAY_MAX.year} 年之间的日期。",
            f"The date {value.isoformat()} is out of range: choose a day from {DAY_MIN.year} "
            f"to {DAY_MAX.year}.", field=field)
    return value


DB_INT_MAX = 2**63 - 1  # the largest id SQLite and PostgreSQL (bigint) store


def whole_number(value, max_digits: int) -> int | None:
    """`value` as a whole number: an int (never a bool), or text of at most `max_digits`
    ASCII digits (spaces around allowed); anything else None. Not str.isdigit() alone:
    it accepts "²" and "①", which int() refuses."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= max_digits:
            return int(text)
    return None


def record_id(value, field: str = "id") -> int:
    """An id given by a caller or on the command line: a whole number the database can hold."""
    value = whole_number(value, 19)
    if value is None or not 1 <= value <= DB_INT_MAX:
        raise ValidationError("编号无效：应为正整数。", "Not a valid id: it must be a positive "
                              "whole number.", field=field)
    return value


CODE_MAX = 64  # longer than any code a row has (shifts, rules, leave types)


def lookup_code(value) -> str:
    """A code to look a row up by (a shift, a rule): the text, or "" (no row has it).

    Anything that is not text the database can bind — bytes, a list, a lone
    surrogate, ESC, a page of digits — reads as "not found" instead of a driver error
    (and is never echoed in a message).
    """
    if not isinstance(value, str) or len(value) > CODE_MAX or any(_unsafe(ch) for ch in value):
        return ""  # no code has control, format or surrogate characters
    return value


def lookup_id(value) -> int:
    """An id to look a row up by: a valid id as an int, anything else 0 (no row has it).

    So a huge number, a list or a lone surrogate given as an id reads as "not found"
    instead of overflowing the driver or breaking its SQL.
    """
    try:
        return record_id(value)
    except ValidationError:
        return 0
