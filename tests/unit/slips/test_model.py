from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.errors import ValidationError
from frontdesk.slips import (
    BillingSlip,
    FeeLine,
    Waiver,
    clean_text,
    format_fen,
    mask_name,
    parse_qr_payload,
    qr_payload,
    validate_billing,
    validate_guide,
)


@pytest.mark.parametrize(
    "name, masked",
    [
        ("王小明", "王*明"),
        ("王明", "王*"),
        ("欧阳小明", "欧阳*明"),
        ("欧阳明", "欧阳*"),
        ("王", "*"),
        ("", ""),
        ("  王 小明 ", "王*明"),
        ("司马相如如", "司马*如"),
        ("John Smith", "J* S*"),
        ("阿依古丽·买买提", "阿*提"),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


@given(st.text(alphabet="王李张欧阳司马明华国庆小红", min_size=2, max_size=60))
def test_mask_never_shows_the_full_name(name):
    masked = mask_name(name)
    assert masked != name
    assert "*" in masked
    assert len(masked) <= 4


def test_clean_text_normalises_line_breaks():
    assert clean_text("3号楼\r\nB区  305\r诊室\n\n") == "3号楼B区 305诊室"
    assert clean_text("Room\n305\tEast") == "Room 305 East"
    assert clean_text(None) == ""
    assert clean_text("a\x00b\u200bc") == "abc"


def test_qr_payload_round_trip():
    assert qr_payload(123) == "FD-VISIT:123"
    assert parse_qr_payload(qr_payload(987654)) == 987654
    for bad in (0, -1, True, "12", None):
        with pytest.raises(ValidationError):
            qr_payload(bad)
    for bad in ("FD-VISIT:", "FD-VISIT:x1", "VISIT:12", "", "FD-VISIT:0"):
        with pytest.raises(ValidationError):
            parse_qr_payload(bad)


def test_format_fen():
    assert format_fen(0) == "¥0.00"
    assert format_fen(1050) == "¥10.50"
    assert format_fen(123456789) == "¥1,234,567.89"
    assert format_fen(-1000) == "-¥10.00"


def test_guide_without_department_is_refused(guide):
    from dataclasses import replace

    with pytest.raises(ValidationError) as err:
        validate_guide(replace(guide, department=" \n"))
    assert err.value.field == "department"
    assert "科室" in err.value.zh and "department" in err.value.en
    with pytest.raises(ValidationError):
        validate_guide(replace(guide, visit_id=0))


def _bill(**kw):
    base = dict(hospital="H", visit_no="V1", record_no="R1", patient_name="王小明",
                department="内科", lines=(FeeLine("挂号费", 1000), FeeLine("诊查费", 2500)))
    base.update(kw)
    return BillingSlip(**base)


def test_billing_totals():
    assert validate_billing(_bill()) == 3500
    assert validate_billing(_bill(waiver=Waiver("VIP 金卡", 1000))) == 2500
    assert validate_billing(_bill(waiver=Waiver("VIP 金卡", 1000), total_fen=2500)) == 2500
    with pytest.raises(ValidationError):
        validate_billing(_bill(total_fen=1))
    with pytest.raises(ValidationError):
        validate_billing(_bill(waiver=Waiver("too much", 9999)))
    with pytest.raises(ValidationError):
        validate_billing(_bill(lines=(FeeLine("x", 10.5),)))
    with pytest.raises(ValidationError):
        validate_billing(_bill(lines=(FeeLine("x", -1),)))
    with pytest.raises(ValidationError):
        validate_billing(_bill(record_no="病历号"))
    with pytest.raises(ValidationError):
        validate_billing(_bill(department=""))
