"""Msg: one immutable bilingual text; the language is chosen once (i18n.set_language)."""

import dataclasses

import pytest

from frontdesk import i18n
from frontdesk.errors import FrontdeskError, ValidationError
from frontdesk.i18n import Msg, localized


@pytest.fixture
def english():
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def test_msg_follows_the_current_language(english):
    msg = Msg("分诊", "Triage")
    assert str(msg) == msg.text() == "Triage"
    assert msg.text("zh_CN") == "分诊"
    i18n.set_language("zh_CN")
    assert str(msg) == "分诊"
    assert msg.text("en") == "Triage"


def test_msg_is_immutable_comparable_and_hashable():
    msg = Msg("分诊", "Triage")
    assert msg == Msg("分诊", "Triage") and msg != Msg("分诊", "Triaged")
    assert {msg: 1}[Msg("分诊", "Triage")] == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        msg.zh = "x"  # type: ignore[misc]


def test_format_fills_both_languages():
    msg = Msg("{n} 位患者", "{n} patient(s)").format(n=3)
    assert msg == Msg("3 位患者", "3 patient(s)")
    assert Msg("{a}", "{a}!").format_map({"a": "x"}) == Msg("x", "x!")
    assert Msg("甲", "A") + Msg("乙", "B") == Msg("甲乙", "AB")
    assert Msg("甲", "A").pair() == ("甲", "A")


def test_rule_columns_read_through_msg():
    row = type("Row", (), {"name_zh": "内科", "name_en": ""})()
    assert Msg.from_columns(row, "name") == Msg("内科", "内科")  # no English: Chinese
    assert localized(row, "name", "en") == "内科"
    row.name_en = "Internal medicine"
    assert localized(row, "name", "en") == "Internal medicine"
    assert localized(row, "name", "zh_CN") == "内科"


def test_error_carries_one_msg(english):
    err = ValidationError("电话号码有误", "The phone number is wrong", field="phone")
    assert err.msg == Msg("电话号码有误", "The phone number is wrong")
    assert (err.zh, err.en, err.field) == ("电话号码有误", "The phone number is wrong", "phone")
    assert str(err) == err.message() == "The phone number is wrong"
    assert err.message("zh_CN") == "电话号码有误"
    same = FrontdeskError(Msg("电话号码有误", "The phone number is wrong"), field="phone")
    assert same.msg == err.msg and same.field == "phone"
    with pytest.raises(TypeError):
        FrontdeskError("只有中文")


def test_domain_name_tables_are_msgs():
    from frontdesk import audit, leave_reasons
    from frontdesk.staffing import fines, grooming, grooming_report

    for table in (audit.ACTION_NAMES, leave_reasons.REASONS, fines.KIND_NAMES,
                  grooming.CATEGORY_NAMES):
        assert table and all(isinstance(m, Msg) for m in table.values())
    assert isinstance(grooming_report.RULE_NOTE, Msg)
    assert isinstance(grooming_report.LATE_NOTE, Msg)
    assert fines.kind_name("late", "en") == "Late/early"
    assert fines.kind_name("unknown", "zh_CN") == "unknown"


def test_fine_kinds_have_one_definition():
    from frontdesk.db.models import FINE_KINDS, FineKind
    from frontdesk.reports import tables
    from frontdesk.staffing import fines

    assert FINE_KINDS == tuple(FineKind) == ("grooming", "late", "other", "rule", "reward")
    assert set(fines.KIND_NAMES) == set(tables.FINE_KINDS) == set(FineKind)
