"""The rules ledger: the whole fines list and rewards, occurrences, PIN, waiver, paid."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk.db.models import Fine, GroomingItem, RuleItem
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import fines, ledger

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def team(rules_db, make_staff):
    boss = make_staff("supervisor", name="雷婷婷")
    boss2 = make_staff("supervisor", name="郑瑜")
    desk = make_staff("desk", name="李静", pin="2001")
    admin = make_staff("admin", name="管理员")
    return boss, boss2, desk, admin


def test_the_whole_list_is_rules_data(team):
    codes = {r.code: r for r in ledger.rule_list()}
    assert {"details", "private_call", "registration_error", "personal_leave", "chatting",
            "absent", "post_absence", "report_misconduct"} <= set(codes)
    assert codes["chatting"].amounts_fen == (1000,)
    assert codes["private_call"].amounts_fen == (5000, 10000)
    assert codes["report_misconduct"].kind == "reward"
    assert codes["report_misconduct"].amounts_fen == (5000,)
    assert len(ledger.rule_list(kinds=("conduct",))) == 13


def test_the_amounts_read_in_the_list_language(team):
    """'50.00 / 100.00（第三次…）' in Chinese; in English plain brackets (it read
    '50.00 / 100.00（Third time: dismissal…）')."""
    zh = {r.code: r for r in ledger.rule_list(lang="zh_CN")}["private_call"].amounts_text()
    en = {r.code: r for r in ledger.rule_list(lang="en")}["private_call"].amounts_text()
    assert zh.startswith("50.00 / 100.00（") and zh.endswith("）")
    assert en.startswith("50.00 / 100.00 (Third time") and en.endswith(")")
    assert "（" not in en


def test_record_with_pin_snapshot_and_amount(team):
    boss, _, desk, _ = team
    line = ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=DAY,
                         note="前台聊天", pin="2001")
    assert line.amount_fen == 1000 and line.kind == "rule" and line.acknowledged_at
    row = Fine.get_by_id(line.id)
    snap = json.loads(row.rule_snapshot)
    assert snap["code"] == "chatting" and snap["source"] == "第3篇 五 5"
    assert row.created_by_id == boss.id
    # the rule changes later: the record keeps what it applied
    RuleItem.update(amounts="[9900]").where(RuleItem.code == "chatting").execute()
    assert json.loads(Fine.get_by_id(line.id).rule_snapshot)["amounts_fen"] == [1000]


def test_occurrences_in_a_month_and_past_the_list(team):
    boss, _, desk, _ = team
    amounts = [ledger.record(actor=boss, staff_id=desk.id, rule_code="private_call",
                             day=DAY).amount_fen for _ in range(3)]
    assert amounts == [5000, 10000, 10000]
    third = Fine.select().order_by(Fine.id.desc()).first()
    assert "开除" in third.reason_zh
    # a new month starts again
    assert ledger.record(actor=boss, staff_id=desk.id, rule_code="private_call",
                         day=dt.date(2026, 11, 1)).amount_fen == 10000  # same month
    assert ledger.occurrences(desk.id, "private_call", dt.date(2026, 12, 1)) == 0


def test_a_switched_off_rule_cannot_be_recorded(team):
    boss, _, desk, admin = team
    ledger.set_rule_active(actor=admin, code="details", active=False)
    with pytest.raises(ValidationError) as err:
        ledger.record(actor=boss, staff_id=desk.id, rule_code="details", day=DAY, pin="2001")
    assert err.value.field == "rule" and "停用" in err.value.zh
    assert Fine.select().count() == 0
    assert "details" not in {r.code for r in ledger.rule_list()}
    with pytest.raises(PermissionDenied):
        ledger.set_rule_active(actor=boss, code="details", active=True)


def test_wrong_pin_saves_nothing_and_later_acknowledgement(team):
    boss, _, desk, _ = team
    with pytest.raises(ValidationError) as err:
        ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=DAY, pin="9999")
    assert err.value.field == "pin"
    assert Fine.select().count() == 0
    line = ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=DAY)
    assert line.acknowledged_at is None
    assert ledger.acknowledge(actor=boss, fine_id=line.id, pin="2001").acknowledged_at
    with pytest.raises(ConflictError):
        ledger.acknowledge(actor=boss, fine_id=line.id, pin="2001")


def test_waiver_paid_same_day_and_rewards_on_the_same_ledger(team, clock):
    boss, boss2, desk, _ = team
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    a = ledger.record(actor=boss, staff_id=desk.id, rule_code="registration_error", day=DAY)
    b = ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting", day=DAY)
    r = ledger.record(actor=boss, staff_id=desk.id, rule_code="report_misconduct", day=DAY)
    assert r.kind == "reward" and r.amount_fen == 5000
    assert ledger.mark_paid(actor=boss, fine_id=a.id).paid_same_day
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    late = ledger.mark_paid(actor=boss, fine_id=b.id)
    assert late.paid_at and not late.paid_same_day
    with pytest.raises(ConflictError):
        ledger.mark_paid(actor=boss, fine_id=b.id)
    fines.waive(actor=boss2, fine_id=a.id, reason="系统故障")
    total = fines.monthly_totals(actor=boss, year=2026, month=11)[0]
    assert (total.count, total.total_fen, total.waived_fen, total.reward_fen) == (
        2, 2000, 1000, 5000)
    assert total.due_fen == 1000


def test_a_supervisor_records_not_for_themself_and_staff_cannot_record(team):
    boss, _, desk, _ = team
    with pytest.raises(ValidationError):
        ledger.record(actor=boss, staff_id=boss.id, rule_code="chatting", day=DAY)
    with pytest.raises(PermissionDenied):
        ledger.record(actor=desk, staff_id=boss.id, rule_code="chatting", day=DAY)
    with pytest.raises(ValidationError) as err:
        ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting",
                      day=DAY + dt.timedelta(days=1))
    assert err.value.field == "day"


def test_admin_adds_a_behaviour_item_to_the_pre_shift_check(team):
    boss, _, _, admin = team
    with pytest.raises(PermissionDenied):
        ledger.add_conduct_to_check(actor=boss, code="conduct_smile")
    view = ledger.add_conduct_to_check(actor=admin, code="conduct_smile")
    assert view.in_check
    item = GroomingItem.get(GroomingItem.code == "conduct_smile")
    assert item.category == "manner" and item.fine_fen == 1000 and item.active
    with pytest.raises(ConflictError):
        ledger.add_conduct_to_check(actor=admin, code="conduct_smile")
    with pytest.raises(ValidationError):
        ledger.add_conduct_to_check(actor=admin, code="chatting")  # not a behaviour item


def test_rules_with_their_own_check_are_not_picked_from_the_list(team):
    boss, _, desk, _ = team
    assert "post_absence" not in {r.code for r in ledger.rule_list(recordable=True)}
    with pytest.raises(ValidationError) as err:
        ledger.record(actor=boss, staff_id=desk.id, rule_code="post_absence", day=DAY)
    assert err.value.field == "rule" and Fine.select().count() == 0
