"""The pre-shift grooming check: snapshot, fines, corrections, re-checks, PIN acknowledgement."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from frontdesk import admin as rule_admin
from frontdesk import rules
from frontdesk.db.models import (
    AuditLog,
    Fine,
    GroomingCheck,
    GroomingItem,
    GroomingResult,
    Shift,
)
from frontdesk.errors import ConfigError, ConflictError, PermissionDenied, ValidationError
from frontdesk.staffing import grooming, roster
from frontdesk.staffing.grooming import ItemOutcome

DAY = dt.date(2026, 11, 23)
FAIL = ItemOutcome(passed=False)


@pytest.fixture
def team(rules_db, make_staff):
    day_shift = Shift.get(Shift.code == "day")
    boss = make_staff("supervisor", name="雷婷婷")
    desk = make_staff("desk", name="李静", pin="2001")
    guide = make_staff("guide", name="王悦", pin="3001")
    for s in (desk, guide):  # the roster the supervisor makes (staffing.roster)
        roster.set_day(actor=boss, staff_id=s.id, day=DAY, shifts=["day"])
    return boss, desk, guide, day_shift


def ledger(staff):
    return sorted(f.amount_fen for f in Fine.select().where(Fine.staff == staff))


def test_all_items_pass_by_default(team):
    boss, desk, _, day_shift = team
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)
    assert form.on_roster and form.shift_id == day_shift.id and form.recheck_of is None
    assert form.warning() == ""
    check = grooming.record_check(actor=boss, form=form, outcomes={})
    results = list(check.results)
    assert len(results) == GroomingItem.select().count() == len(form.items)
    assert all(r.passed and r.fine_fen == 0 for r in results)
    assert ledger(desk) == []
    assert AuditLog.get(AuditLog.entity == "grooming_check").entity_id == str(check.id)


def test_failures_are_fined_from_the_snapshot_in_one_transaction(team):
    boss, desk, _, _ = team
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)
    outcomes = {"badge": ItemOutcome(False, corrected=True, note="胸牌歪了"),
                "uniform_outside": ItemOutcome(False, note="穿工作服去了食堂"),
                "hair": ItemOutcome()}
    assert grooming.fine_total(form, outcomes) == 1000 + 2000
    check = grooming.record_check(actor=boss, form=form, outcomes=outcomes)
    assert ledger(desk) == [1000, 2000]
    badge = GroomingResult.get(GroomingResult.check == check, GroomingResult.item_code == "badge")
    assert (badge.passed, badge.corrected, badge.note, badge.fine_fen) == (False, True, "胸牌歪了", 1000)
    fine = Fine.get(Fine.amount_fen == 1000)
    assert fine.grooming_check == check and fine.kind == "grooming" and fine.created_by == boss
    assert "已当场纠正" in fine.reason_zh and json.loads(fine.rule_snapshot)["code"] == "badge"
    record = grooming.check_record(actor=boss, check_id=check.id)
    assert [r.code for r in record.failures] == ["badge", "uniform_outside"]
    assert record.fine_fen == 3000 and record.waived_fen == 0


def test_a_failed_write_leaves_nothing_behind(team, monkeypatch):
    boss, desk, _, _ = team
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(grooming.audit, "record", broken)
    with pytest.raises(RuntimeError):
        grooming.record_check(actor=boss, form=form, outcomes={"hair": FAIL})
    assert GroomingCheck.select().count() == 0 and Fine.select().count() == 0
    assert GroomingResult.select().count() == 0


def test_snapshot_survives_a_rule_change(team, make_staff):
    boss, desk, _, _ = team
    admin = make_staff("admin")
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)
    # The admin raises the fine and renames the item while the supervisor is checking.
    scarf = GroomingItem.get(GroomingItem.code == "scarf")
    rule_admin.save_grooming_item(actor=admin, item_id=scarf.id, code="scarf",
                                  category=scarf.category, name_zh="丝巾系好",
                                  name_en="Scarf on", fine="50")
    rule_admin.set_grooming_item_active(
        actor=admin, item_id=GroomingItem.get(GroomingItem.code == "posture").id, active=False)
    check = grooming.record_check(actor=boss, form=form, outcomes={"scarf": FAIL, "posture": FAIL})
    assert ledger(desk) == [1000, 1000]
    stored = {i["code"]: i for i in json.loads(check.items_snapshot)}
    assert stored["scarf"]["fine_fen"] == 1000 and stored["scarf"]["name_zh"] == "系丝巾"
    assert "posture" in stored
    # Later checks use the new rules; the old record does not change.
    guide = team[2]
    later = grooming.open_check(actor=boss, staff=guide, day=DAY)
    assert "posture" not in {i["code"] for i in later.items}
    grooming.record_check(actor=boss, form=later, outcomes={"scarf": FAIL})
    assert ledger(guide) == [5000]
    record = grooming.check_record(actor=boss, check_id=check.id)
    assert record.fine_fen == 2000
    assert {r.code: r.name_zh for r in record.failures}["scarf"] == "系丝巾"


def test_a_second_check_the_same_shift_is_a_recheck(team):
    boss, desk, _, _ = team
    first = grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk,
                                                                         day=DAY),
                                  outcomes={"badge": FAIL})
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)
    assert form.recheck_of == first.id and form.already_fined == {"badge"}
    assert "复查" in form.warning("zh_CN")
    # The badge is still crooked (not fined twice); the nails are new (fined).
    outcomes = {"badge": FAIL, "nails": FAIL}
    assert grooming.fine_total(form, outcomes) == 1000
    second = grooming.record_check(actor=boss, form=form, outcomes=outcomes)
    third = grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk,
                                                                         day=DAY), outcomes={})
    assert second.recheck_of_id == first.id and third.recheck_of_id == first.id
    assert ledger(desk) == [1000, 1000]
    assert GroomingResult.get(GroomingResult.check == second,
                              GroomingResult.item_code == "badge").fine_fen == 0


def test_checking_someone_off_the_roster_needs_a_reason(team, make_staff):
    boss = team[0]
    extra = make_staff("guide", name="刘婷")
    form = grooming.open_check(actor=boss, staff=extra, day=DAY)
    assert not form.on_roster and form.shift_id is None
    assert "不在排班表上" in form.warning("zh_CN") and "not on today's roster" in form.warning("en")
    with pytest.raises(ValidationError) as err:
        grooming.record_check(actor=boss, form=form, outcomes={"hair": FAIL}, off_shift_reason="  ")
    assert err.value.field == "off_shift_reason"
    assert GroomingCheck.select().count() == 0 and Fine.select().count() == 0
    check = grooming.record_check(actor=boss, form=form, outcomes={"hair": FAIL},
                                  off_shift_reason="临时顶班")
    assert check.off_shift_reason == "临时顶班" and ledger(extra) == [1000]


def test_who_may_check_and_bad_outcomes(team):
    boss, desk, guide, _ = team
    with pytest.raises(PermissionDenied):
        grooming.open_check(actor=desk, staff=guide, day=DAY)
    with pytest.raises(ValidationError) as err:
        grooming.open_check(actor=boss, staff=boss, day=DAY)
    assert err.value.field == "staff"
    form = grooming.open_check(actor=boss, staff=desk, day=DAY)
    with pytest.raises(ValidationError) as err:
        grooming.record_check(actor=boss, form=form,
                              outcomes={"hair": ItemOutcome(passed=True, corrected=True)})
    assert err.value.field == "item:hair"
    with pytest.raises(ValidationError):
        grooming.record_check(actor=boss, form=form, outcomes={"no_such_item": FAIL})
    with pytest.raises(PermissionDenied):
        grooming.record_check(actor=guide, form=form, outcomes={})
    assert GroomingCheck.select().count() == 0


def test_acknowledgement_needs_the_checked_persons_pin(team):
    boss, desk, _, _ = team
    check = grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk,
                                                                         day=DAY),
                                  outcomes={"hair": FAIL})
    with pytest.raises(ValidationError) as err:
        grooming.acknowledge(check_id=check.id, pin="1234")  # the supervisor's PIN
    assert err.value.field == "pin" and "PIN 不正确" in err.value.message("zh_CN")
    assert GroomingCheck.get_by_id(check.id).acknowledged_at is None
    when = dt.datetime(2026, 11, 23, 7, 58)
    grooming.acknowledge(check_id=check.id, pin="2001", at=when)
    assert GroomingCheck.get_by_id(check.id).acknowledged_at == when
    with pytest.raises(ConflictError):
        grooming.acknowledge(check_id=check.id, pin="2001")


def test_admin_edits_items_with_audit_and_validation(team, make_staff):
    boss = team[0]
    admin = make_staff("admin")
    hair = GroomingItem.get(GroomingItem.code == "hair")

    def save(who, **changes):
        values = dict(item_id=hair.id, code="hair", category=hair.category,
                      name_zh=hair.name_zh, name_en=hair.name_en, fine="10")
        values.update(changes)
        return rule_admin.save_grooming_item(actor=who, **values)

    with pytest.raises(PermissionDenied):
        save(boss, fine="20")
    with pytest.raises(ValidationError) as err:
        save(admin, fine="-1")
    assert err.value.field == "fine"
    with pytest.raises(ValidationError):
        save(admin, name_zh=" ")
    assert GroomingItem.get(GroomingItem.code == "hair").fine_fen == 1000
    item = save(admin, fine="15", name_zh="发型整洁", name_en="Hair neat")
    assert (item.fine_fen, item.name_zh) == (1500, "发型整洁")
    entry = AuditLog.get(AuditLog.action == "rule_change")
    detail = json.loads(entry.detail)
    assert detail["fine_fen"] == {"before": 1000, "after": 1500}
    assert [i.code for i in grooming.list_items()][:2] == ["face_hands", "hair"]


@pytest.mark.parametrize("old, new", [("fine = 20", "fine = -20"),
                                       ("repeat_fine = 20", "repeat_fine = -20")])
def test_a_rules_file_with_a_negative_fine_is_refused(db, tmp_path, old, new):
    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)
    path = folder / "grooming.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        rules.load_rules(folder)
    assert "不能为负数" in err.value.message("zh_CN") and str(path) in err.value.message("en")
    assert GroomingItem.select().count() == 0


def test_month_history_per_staff(team):
    boss, desk, _, _ = team
    from frontdesk.staffing import attendance

    attendance.sign_in(staff=desk, pin="2001", at=dt.datetime(2026, 11, 23, 8, 12))
    grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk, day=DAY),
                          outcomes={"hair": FAIL, "nails": FAIL})
    grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk, day=DAY),
                          outcomes={"hair": FAIL})
    month = grooming.staff_month(actor=boss, staff_id=desk.id, year=2026, month=11)
    assert len(month.checks) == 2 and month.checks[1].recheck_of == month.checks[0].id
    assert [(c.code, c.count) for c in month.failures_by_item] == [("hair", 2), ("nails", 1)]
    assert [a.minutes_late for a in month.late] == [12]
    assert sorted(f.amount_fen for f in month.fines) == [1000, 1000, 1000]
    assert month.fines_due_fen == 3000
    assert grooming.staff_month(actor=boss, staff_id=desk.id, year=2026, month=12).checks == ()
    with pytest.raises(PermissionDenied):
        grooming.staff_month(actor=desk, staff_id=desk.id, year=2026, month=11)
