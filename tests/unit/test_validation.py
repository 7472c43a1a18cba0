"""Field validation: phone, resident ID (with property tests), age, name, free text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from frontdesk import validation
from frontdesk.errors import ValidationError
from frontdesk.validation import (
    MAX_TYPED_AGE,
    NAME_MAX_LENGTH,
    PROVINCE_CODES,
    age_from_birth,
    clean_text,
    id_check_char,
    normalise_mobile,
    parse_resident_id,
    validate_age,
    validate_name,
)

TODAY = date(2024, 6, 15)


def assert_message(err: pytest.ExceptionInfo[ValidationError], field: str, zh: str, en: str):
    """The failure names the field and says what is wrong in both languages."""
    assert err.value.field == field
    assert zh in err.value.zh, err.value.zh
    assert en.lower() in err.value.en.lower(), err.value.en


def make_id(region: str, birth: date, seq: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + id_check_char(first17)


# --- Mobile --------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        " 138 0013 8000 ",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "0086-13800138000",
        "１３８００１３８０００",  # full-width digits from a Chinese IME
        "(138)0013-8000",
        "86 138 0013 8000",
    ],
)
def test_mobile_accepts_common_ways_of_typing(raw):
    assert normalise_mobile(raw) == "13800138000"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_mobile_accepts_every_current_prefix(prefix):
    assert normalise_mobile(prefix + "912345678") == prefix + "912345678"


@pytest.mark.parametrize(
    ("raw", "zh", "en"),
    [
        ("", "请填写手机号码", "enter a mobile number"),
        (None, "请填写手机号码", "enter a mobile number"),
        ("1380013800", "11 位", "11 digits; this one has 10"),
        ("138001380001", "11 位", "has 12"),
        ("12800138000", "13–19 开头", "start with 13 to 19"),
        ("23800138000", "13–19 开头", "start with 13 to 19"),
        ("010-12345678", "13–19 开头", "start with 13 to 19"),
        ("1380013800a", "只能包含数字", "only digits"),
        ("138'; DROP TABLE patient;--", "只能包含数字", "only digits"),
    ],
)
def test_mobile_rejects_with_a_clear_message(raw, zh, en):
    with pytest.raises(ValidationError) as err:
        normalise_mobile(raw)
    assert_message(err, "phone", zh, en)


# --- Resident ID ---------------------------------------------------------------


def test_known_id_parses():
    # The widely published GB 11643 sample number.
    rid = parse_resident_id("11010519491231002X", today=TODAY)
    assert rid.number == "11010519491231002X"
    assert rid.region_code == "110105"
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "F"


def test_id_accepts_lower_case_x_and_spaces():
    assert parse_resident_id(" 110105 19491231 002x ", today=TODAY).number == "11010519491231002X"


def test_id_check_char_rejects_bad_input():
    with pytest.raises(ValueError):
        id_check_char("123")


@pytest.mark.parametrize(
    ("raw", "zh", "en"),
    [
        ("", "请填写身份证号", "enter the ID number"),
        ("11010519491231002", "18 位", "has 17"),
        ("1101051949123100211", "18 位", "has 19"),
        ("110105194912310", "18 位", "has 15"),
        ("1101051949123100A2", "17 位应为数字", "17 digits followed by a digit or X"),
        ("11010519491231002Y", "17 位应为数字", "17 digits followed by a digit or X"),
        (make_id("990105", date(1980, 1, 1), "123"), "地区代码", "region code"),
        (make_id("000000", date(1980, 1, 1), "123"), "地区代码", "region code"),
        ("110105" + "19800230" + "1234", "出生日期", "not a real date"),
        ("110105" + "19801301" + "1234", "出生日期", "not a real date"),
        (make_id("110105", TODAY + timedelta(days=1), "123"), "晚于今天", "in the future"),
        (make_id("110105", date(1899, 12, 31), "123"), "早于 1900", "before 1900"),
        ("110105194912310021", "校验位", "check character"),
    ],
)
def test_id_rejects_with_a_clear_message(raw, zh, en):
    with pytest.raises(ValidationError) as err:
        parse_resident_id(raw, today=TODAY)
    assert_message(err, "id_number", zh, en)


regions = st.builds(
    lambda p, rest: f"{p:02d}{rest:04d}",
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 9999),
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(0, 999).map(lambda n: f"{n:03d}")


@given(regions, births, sequences)
def test_any_valid_body_with_computed_check_char_parses(region, birth, seq):
    number = make_id(region, birth, seq)
    rid = parse_resident_id(number, today=TODAY)
    assert rid.number == number
    assert rid.region_code == region
    # Birth date and sex round-trip through the number.
    assert rid.birth_date == birth
    assert rid.sex == ("M" if int(seq[2]) % 2 else "F")
    assert parse_resident_id(number.lower(), today=TODAY) == rid


@given(regions, births, sequences, st.sampled_from("0123456789X"))
def test_any_other_check_char_fails(region, birth, seq, check):
    number = make_id(region, birth, seq)
    assume(check != number[-1])
    with pytest.raises(ValidationError) as err:
        parse_resident_id(number[:17] + check, today=TODAY)
    assert_message(err, "id_number", "校验位", "check character")


@given(regions, births, sequences, st.integers(0, 16), st.integers(1, 9))
def test_a_single_mistyped_digit_is_caught(region, birth, seq, pos, delta):
    # MOD 11-2 catches every single-digit substitution.
    number = make_id(region, birth, seq)
    wrong = str((int(number[pos]) + delta) % 10)
    typo = number[:pos] + wrong + number[pos + 1 :]
    with pytest.raises(ValidationError):
        parse_resident_id(typo, today=TODAY)


# --- Age -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        (date(1980, 6, 15), TODAY, 44),
        (date(1980, 6, 16), TODAY, 43),
        (date(2024, 6, 15), TODAY, 0),
        (date(2000, 2, 29), date(2024, 2, 28), 23),
        (date(2000, 2, 29), date(2023, 3, 1), 23),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
    ],
)
def test_age_from_birth(birth, today, age):
    assert age_from_birth(birth, today) == age


def test_age_from_birth_in_future_is_rejected():
    with pytest.raises(ValidationError) as err:
        age_from_birth(TODAY + timedelta(days=1), TODAY)
    assert_message(err, "birth_date", "出生日期", "birth date")


@pytest.mark.parametrize(("raw", "age"), [(1, 1), ("35", 35), (" 120 ", 120), ("４５", 45)])
def test_plausible_ages(raw, age):
    assert validate_age(raw) == age


@pytest.mark.parametrize(
    ("raw", "zh", "en"),
    [
        (0, "0 岁不合理", "age of 0 is not plausible"),
        (150, "150 岁不合理", "age of 150 is not plausible"),
        (MAX_TYPED_AGE + 1, "不合理", "not plausible"),
        ("-3", "整数", "whole number"),
        ("3.5", "整数", "whole number"),
        ("abc", "整数", "whole number"),
        ("", "请填写年龄", "enter the age"),
        (None, "请填写年龄", "enter the age"),
    ],
)
def test_implausible_ages(raw, zh, en):
    with pytest.raises(ValidationError) as err:
        validate_age(raw)
    assert_message(err, "age", zh, en)


# --- Names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("张三", "张三"),
        ("  欧阳娜娜 ", "欧阳娜娜"),
        ("张 三", "张三"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),  # bullet typed for the middle dot
        ("阿依古丽・买买提", "阿依古丽·买买提"),  # katakana middle dot
        ("John  Smith", "John Smith"),
        ("Ｊｏｈｎ", "John"),  # full-width latin
        ("Seán O'Brien-Lee", "Seán O'Brien-Lee"),
        ("李Anna", "李Anna"),
        ("𠀾𠂇", "𠀾𠂇"),  # extension-B characters do occur in names
        ("王〇", "王〇"),
        ("赵" * NAME_MAX_LENGTH, "赵" * NAME_MAX_LENGTH),
    ],
)
def test_valid_names(raw, name):
    assert validate_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "zh", "en"),
    [
        ("", "请填写姓名", "enter the name"),
        ("   ", "请填写姓名", "enter the name"),
        (None, "请填写姓名", "enter the name"),
        ("赵" * (NAME_MAX_LENGTH + 1), "最多 30 个字", "at most 30 characters"),
        ("张三😀", "表情符号", "emoji"),
        ("张三👨\u200d👩", "表情符号", "emoji"),
        ("张\x00三", "控制字符", "control characters"),
        ("张\u202e三", "控制字符", "control characters"),
        ("张三3", "“3”", "“3”"),
        ("Bob'); DROP TABLE p;--", "“)”", "“)”"),
        ("·张三", "开头或结尾", "start or end"),
    ],
)
def test_invalid_names(raw, zh, en):
    with pytest.raises(ValidationError) as err:
        validate_name(raw)
    assert_message(err, "name", zh, en)


# --- Free text -------------------------------------------------------------------


def test_clean_text_strips_controls_and_keeps_lines():
    raw = "  头痛\r\n三天\x00\u200b\u202e，发热\t38度  "
    assert clean_text(raw, "complaint", 500) == "头痛\n三天，发热\t38度"


def test_clean_text_keeps_sql_looking_text_as_text():
    raw = "'; DROP TABLE visit; -- 胸闷"
    assert clean_text(raw, "complaint", 500) == raw


def test_clean_text_at_limit_is_fine():
    assert clean_text("痛" * 500, "complaint", 500) == "痛" * 500


def test_clean_text_too_long_names_the_limit():
    with pytest.raises(ValidationError) as err:
        clean_text("痛" * 5000, "complaint", 500)
    assert_message(err, "complaint", "最多 500 个字，现在是 5000 个", "at most 500 characters")
    assert "5000" in err.value.en


def test_clean_text_empty_is_empty():
    assert clean_text(None, "notes", 10) == ""


@pytest.mark.parametrize(("value", "expected"), [
    (7, 7), (0, 0), (" 12 ", 12), ("042", 42), ("123", 123),
    ("1234", None),  # more digits than allowed
    (True, None), (False, None),  # a bool is no count
    ("²", None), ("①", None), ("３", None),  # isdigit() accepts them, int() refuses
    ("1.5", None), ("-3", None), ("", None), (None, None), (2.0, None), ([1], None),
])
def test_whole_number_takes_ints_and_short_ascii_digit_strings_only(value, expected):
    assert validation.whole_number(value, 3) == expected


@pytest.mark.parametrize("value", ["²", "①", True, "1" * 20, 2**63, 0, "-1"])
def test_record_id_refuses_what_is_not_a_storable_positive_id(value):
    with pytest.raises(ValidationError):
        validation.record_id(value)


def test_record_id_takes_the_largest_id_the_database_stores():
    assert validation.record_id(str(validation.DB_INT_MAX)) == validation.DB_INT_MAX


def test_text_that_is_printable_holds_nothing_clean_text_would_drop():
    # clean_text skips its per-character test for printable text: that is exact only while
    # no printable character is one it drops (control, format, surrogate, private, unassigned).
    from frontdesk.validation import _unsafe

    assert [c for c in range(0x110000) if chr(c).isprintable() and _unsafe(chr(c))] == []
    assert validation.clean_text("王\u202e小明\u3000住址\t", "address", 50) == "王小明\u3000住址"


# Numbers copied from a phone's contacts or a chat carry invisible bidi marks and
# zero-width spaces: the person sees 11 digits, so 11 digits is what is read.
@pytest.mark.parametrize("pasted", ["\u202d138 0013 8000\u202c", "\u2066138\u200b00138000\u2069",
                                    "\ufeff13800138000", "\u200e+86 138-0013-8000"])
def test_invisible_marks_pasted_with_a_mobile_number_are_dropped(pasted):
    assert normalise_mobile(pasted) == "13800138000"


def test_invisible_marks_pasted_with_an_id_a_date_or_an_age_are_dropped():
    assert validation.parse_resident_id("\u202d11010519491231002X\u202c",
                                        today=date(2026, 1, 1)).number == "11010519491231002X"
    assert validation.parse_birth_date("\u200e1990-01-31\u200f") == date(1990, 1, 31)
    assert validation.validate_age("\u2060３０") == 30


@pytest.mark.parametrize("raw", ["0000-00-00", "2023-02-29", "9999-12-31", "1990-1-1",
                                 "1990-01-01\x00", "\ud800", "１９９０/０１/０１"])
def test_impossible_birth_dates_are_a_message_at_the_field(raw):
    with pytest.raises(ValidationError) as err:
        validation.parse_birth_date(raw)
    assert err.value.field == "birth_date"
    assert err.value.message("en").isprintable()


@pytest.mark.parametrize("day", [date.max, date(1752, 9, 14), date(1999, 12, 31), date(2100, 1, 1),
                                 "2026-01-01", None, 20260101])
def test_a_picked_day_outside_the_years_kept_is_a_message_at_the_field(day):
    with pytest.raises(ValidationError) as err:
        validation.picked_day(day, "since")
    assert err.value.field == "since"


def test_a_picked_day_inside_them_is_the_day():
    from datetime import datetime

    assert validation.picked_day(date(2026, 12, 6)) == date(2026, 12, 6)
    assert validation.picked_day(datetime(2099, 12, 31, 23, 59)) == date(2099, 12, 31)
