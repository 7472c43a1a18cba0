"""Registration fee quotes: fee class by doctor, VIP waivers, snapshots."""

from __future__ import annotations

import pytest

from frontdesk import fees, i18n, settings
from frontdesk.db.models import Doctor, FeeClass
from frontdesk.errors import ConfigError, NotFound


def doctor(name: str) -> Doctor:
    return Doctor.get(Doctor.name == name)


@pytest.mark.parametrize("name, fen, label", [
    ("梁振华", 5000, "专家号"), ("周敏", 2000, "主治医师号"), ("王建国", 3500, "副主任医师号"),
])
def test_fee_from_the_doctors_fee_class(rules_db, name, fen, label):
    q = fees.quote(doctor_id=doctor(name).id, vip_tier="")
    assert q.lines == [(label, fen)] and q.total_fen == fen
    assert (q.waiver_fen, q.waiver_label, q.waived) == (0, "", False)
    assert q.snapshot["amount_fen"] == fen and q.snapshot["doctor_name"] == name


@pytest.mark.parametrize("tier, label", [("gold", "金卡会员免挂号费"), ("diamond", "钻卡会员免挂号费")])
def test_vip_tiers_waive_the_fee(rules_db, tier, label):
    q = fees.quote(doctor_id=doctor("梁振华").id, vip_tier=tier)
    assert (q.total_fen, q.waiver_fen, q.waiver_label, q.waived) == (0, 5000, label, True)
    assert q.lines == [("专家号", 5000)]  # the fee is still shown, then waived
    assert q.snapshot["waiver"]["vip_tier"] == tier and q.snapshot["total_fen"] == 0


def test_unknown_tier_pays(rules_db):
    assert fees.quote(doctor_id=doctor("周敏").id, vip_tier="silver").total_fen == 2000


def test_waivers_are_rules_data(rules_db):
    settings.set("rules.fee_waivers", [])
    assert fees.quote(doctor_id=doctor("周敏").id, vip_tier="gold").total_fen == 2000


def test_no_doctor_is_the_ordinary_fee(rules_db):
    q = fees.quote(doctor_id=None, vip_tier="")
    assert q.lines == [("普通号", 1000)] and q.snapshot["doctor_id"] is None


def test_english_labels_and_errors(rules_db):
    i18n.set_language("en")
    q = fees.quote(doctor_id=doctor("梁振华").id, vip_tier="gold")
    assert q.lines[0][0] == "Chief physician (expert)"
    assert q.waiver_label == "Gold card: registration fee waived"
    with pytest.raises(NotFound):
        fees.quote(doctor_id=9999, vip_tier="")


def test_no_fee_classes(db):
    assert FeeClass.select().count() == 0
    with pytest.raises(ConfigError):
        fees.quote(doctor_id=None)


@pytest.mark.parametrize("fen, shown", [(5000, "¥50.00"), (1, "¥0.01"), (0, "¥0.00"),
                                        (-250, "-¥2.50")])
def test_format_fen(fen, shown):
    assert fees.format_fen(fen) == shown


def test_money_reads_the_same_at_the_desk_and_on_the_slip():
    # One definition (frontdesk.money): the desk once showed ¥1234.00 where the slip said ¥1,234.00.
    from frontdesk import slips

    assert fees.format_fen is slips.format_fen
    assert fees.format_fen(123400) == "¥1,234.00"
