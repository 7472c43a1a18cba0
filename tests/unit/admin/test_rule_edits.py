"""Admin changes to rules and settings: validated, permission-checked, audited as rule_change."""

from __future__ import annotations

import json

import pytest

from frontdesk import admin, settings
from frontdesk.db.models import AuditLog, Department, Doctor, DoctorSchedule, FeeClass, GroomingItem
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError


@pytest.fixture
def boss(rules_db, make_staff):
    return make_staff("admin")


def rule_changes(entity):
    return [json.loads(a.detail) for a in
            AuditLog.select().where((AuditLog.action == "rule_change") & (AuditLog.entity == entity))
            .order_by(AuditLog.id)]


def test_add_and_edit_department_is_audited(boss):
    dept = admin.save_department(actor=boss, code="eye", name_zh="眼科", name_en="Ophthalmology",
                                 short_zh="眼", short_en="EY", room="501", floor="5F")
    assert Department.get(Department.code == "eye").name_zh == "眼科"
    admin.save_department(actor=boss, dept_id=dept.id, code="eye", name_zh="眼科门诊",
                          name_en="Ophthalmology", short_zh="眼", short_en="EY", room="501",
                          floor="5F")
    changes = rule_changes("department")
    assert "created" in changes[0]
    assert changes[1] == {"name_zh": {"before": "眼科", "after": "眼科门诊"}}
    admin.set_department_active(actor=boss, dept_id=dept.id, active=False)
    assert Department.get_by_id(dept.id).active is False
    assert rule_changes("department")[-1] == {"active": {"before": True, "after": False}}


def test_saving_unchanged_row_writes_no_audit(boss):
    fee = FeeClass.get(FeeClass.code == "general")
    admin.save_fee_class(actor=boss, fee_id=fee.id, code="general", name_zh=fee.name_zh,
                         name_en=fee.name_en, amount="10")
    assert rule_changes("fee_class") == []


@pytest.mark.parametrize("kwargs,field", [
    (dict(code="Eye"), "code"),
    (dict(code=""), "code"),
    (dict(name_zh=" "), "name_zh"),
    (dict(short_zh="太长的前缀"), "short_zh"),
])
def test_bad_department_input_changes_nothing(boss, kwargs, field):
    base = dict(code="eye", name_zh="眼科", short_zh="眼")
    base.update(kwargs)
    before = Department.select().count()
    with pytest.raises(ValidationError) as exc:
        admin.save_department(actor=boss, **base)
    assert exc.value.field == field
    assert Department.select().count() == before
    assert rule_changes("department") == []


def test_duplicate_code_is_a_conflict(boss):
    with pytest.raises(ConflictError):
        admin.save_department(actor=boss, code="internal", name_zh="重复", short_zh="重")


@pytest.mark.parametrize("typed,fen", [("10", 1000), ("12.5", 1250), ("¥0.01", 1), ("35元", 3500)])
def test_parse_yuan(typed, fen):
    assert admin.parse_yuan(typed) == fen


@pytest.mark.parametrize("typed", ["", "abc", "-1", "1.234", "1e9", "nan"])
def test_parse_yuan_refuses(typed):
    with pytest.raises(ValidationError):
        admin.parse_yuan(typed)


def test_fee_change_is_audited_in_fen(boss):
    fee = FeeClass.get(FeeClass.code == "expert")
    admin.save_fee_class(actor=boss, fee_id=fee.id, code="expert", name_zh=fee.name_zh,
                         name_en=fee.name_en, amount="60")
    assert FeeClass.get_by_id(fee.id).amount_fen == 6000
    assert rule_changes("fee_class") == [{"amount_fen": {"before": 5000, "after": 6000}}]


def test_doctor_and_schedule(boss):
    dept = Department.get(Department.code == "internal")
    fee = FeeClass.get(FeeClass.code == "general")
    doc = admin.save_doctor(actor=boss, name="王医生", department_id=dept.id, fee_class_id=fee.id,
                            title_zh="住院医师", title_en="Resident")
    admin.set_doctor_schedule(actor=boss, doctor_id=doc.id,
                              blocks=[(0, "08:00", "12:00"), (0, "14:00", "18:00"), (2, "08:00", "12:00")])
    info = next(d for d in admin.list_doctors(actor=boss) if d.id == doc.id)
    assert info.department_zh == "内科" and info.amount_fen == 1000
    assert info.schedule == ((0, "08:00", "12:00"), (0, "14:00", "18:00"), (2, "08:00", "12:00"))
    assert rule_changes("doctor_schedule")[0]["after"][0] == [0, "08:00", "12:00"]
    # Re-saving with the same department and fee writes no "change".
    admin.save_doctor(actor=boss, doctor_id=doc.id, name="王医生", department_id=dept.id,
                      fee_class_id=fee.id, title_zh="住院医师", title_en="Resident")
    assert len(rule_changes("doctor")) == 1


@pytest.mark.parametrize("blocks,field", [
    ([(7, "08:00", "12:00")], "weekday"),
    ([(0, "8:00", "12:00")], "start"),
    ([(0, "12:00", "08:00")], "end"),
    ([(0, "08:00", "12:00"), (0, "11:00", "13:00")], "start"),
])
def test_bad_schedule_changes_nothing(boss, blocks, field):
    doc = Doctor.select().first()
    before = DoctorSchedule.select().where(DoctorSchedule.doctor == doc).count()
    with pytest.raises(ValidationError) as exc:
        admin.set_doctor_schedule(actor=boss, doctor_id=doc.id, blocks=blocks)
    assert exc.value.field == field
    assert DoctorSchedule.select().where(DoctorSchedule.doctor == doc).count() == before


def test_doctor_needs_department(boss):
    with pytest.raises(ValidationError) as exc:
        admin.save_doctor(actor=boss, name="x", department_id=None, fee_class_id=None, title_zh="x")
    assert exc.value.field == "department"


def test_grooming_item_fine(boss):
    item = admin.save_grooming_item(actor=boss, code="name_badge", category="dress",
                                    name_zh="佩戴胸牌", name_en="Badge worn", fine="10")
    assert GroomingItem.get_by_id(item.id).fine_fen == 1000
    with pytest.raises(ValidationError) as exc:
        admin.save_grooming_item(actor=boss, item_id=item.id, code="name_badge", category="dress",
                                 name_zh="佩戴胸牌", fine="5000")
    assert exc.value.field == "fine"
    with pytest.raises(ValidationError):
        admin.save_grooming_item(actor=boss, code="x1", category="mood", name_zh="x", fine="1")


def test_settings_validated_and_audited(boss, tmp_path):
    changed = admin.update_settings(actor=boss, values={"security.idle_lock_minutes": "3",
                                                        "backup.folder": str(tmp_path),
                                                        "backup.keep_days": 30})
    assert changed == ["security.idle_lock_minutes", "backup.folder"]
    assert settings.get("security.idle_lock_minutes") == 3
    assert [json.loads(a.detail)["after"] for a in AuditLog.select().where(
        AuditLog.entity == "setting").order_by(AuditLog.id)] == [3, str(tmp_path)]


@pytest.mark.parametrize("key,value", [
    ("security.idle_lock_minutes", "0"),
    ("security.idle_lock_minutes", "five"),
    ("security.pin_length", 7),
    ("backup.folder", "/no/such/folder"),
    ("ui.language", "fr"),
])
def test_bad_settings_change_nothing(boss, key, value):
    before = settings.get("security.idle_lock_minutes")
    with pytest.raises(ValidationError) as exc:
        admin.update_settings(actor=boss, values={"security.idle_lock_minutes": 9, key: value})
    assert exc.value.field == key
    assert settings.get("security.idle_lock_minutes") == before


def test_supervisor_cannot_change_rules(rules_db, make_staff):
    sup = make_staff("supervisor")
    with pytest.raises(PermissionDenied):
        admin.save_fee_class(actor=sup, code="vip", name_zh="贵宾号", amount="100")
    with pytest.raises(PermissionDenied):
        admin.update_settings(actor=sup, values={"security.idle_lock_minutes": 30})
    assert FeeClass.get_or_none(FeeClass.code == "vip") is None


# --- the door's and the desk's settings ------------------------------------------------


def test_door_settings_saved_tidied_and_audited(boss):
    from frontdesk.reception import tickets

    changed = admin.update_settings(actor=boss, values={
        "door.ticket_prefix": " b ", "door.child_below_age": 18, "door.elder_min_age": "65"})
    assert changed == ["door.ticket_prefix", "door.child_below_age", "door.elder_min_age"]
    assert tickets.ticket_label(7) == "B007"
    assert (tickets.band_of_age(17), tickets.band_of_age(64), tickets.band_of_age(65)) == (
        tickets.AgeBand.CHILD, tickets.AgeBand.ADULT, tickets.AgeBand.ELDER)
    audits = {a.entity_id: json.loads(a.detail) for a in AuditLog.select().where(
        AuditLog.entity == "setting")}
    assert audits["door.ticket_prefix"] == {"before": "A", "after": "B"}
    assert audits["door.elder_min_age"] == {"before": 60, "after": 65}


@pytest.mark.parametrize("key,value", [
    ("door.ticket_prefix", ""),
    ("door.ticket_prefix", "ABC"),
    ("door.ticket_prefix", "A1"),
    ("door.ticket_prefix", "挂"),
    ("door.child_below_age", 0),
    ("door.child_below_age", 19),
    ("door.elder_min_age", 44),
    ("door.elder_min_age", 101),
    ("door.elder_min_age", "sixty"),
])
def test_bad_door_settings_change_nothing(boss, key, value):
    with pytest.raises(ValidationError) as exc:
        admin.update_settings(actor=boss, values={"security.idle_lock_minutes": 9,
                                                  "door.ticket_prefix": "C", key: value})
    assert exc.value.field == key
    assert settings.get("security.idle_lock_minutes") == 5
    assert settings.get("door.ticket_prefix") == "A"
    assert not AuditLog.select().where(AuditLog.entity == "setting").exists()


def test_child_age_must_stay_below_the_stored_elder_age(boss):
    settings.set("door.elder_min_age", 12)  # set behind the screen's back (an old import)
    with pytest.raises(ValidationError) as exc:
        admin.update_settings(actor=boss, values={"door.child_below_age": 14})
    assert exc.value.field == "door.child_below_age"
    assert settings.get("door.child_below_age") == 14 and not AuditLog.select().where(
        AuditLog.entity == "setting").exists()
    # Both together, in order: saved.
    assert admin.update_settings(actor=boss, values={"door.child_below_age": 12,
                                                     "door.elder_min_age": 60})


def full(minutes: int) -> dict:
    from frontdesk.reception.urgency import COUNTED_STAGES

    return {stage: minutes for stage in COUNTED_STAGES}


def test_desk_thresholds_per_stage_saved_and_read_by_the_desk(boss):
    from frontdesk.reception import urgency

    amber, red = full(4), full(9)
    amber["REGISTRATION"], red["REGISTRATION"] = 12, 25
    changed = admin.update_settings(actor=boss, values={"desk.amber_minutes": amber,
                                                        "desk.red_minutes": red})
    assert changed == ["desk.amber_minutes", "desk.red_minutes"]
    limits = urgency.thresholds()
    assert limits["REGISTRATION"] == urgency.Thresholds(12, 25)
    assert limits["BILLING"] == urgency.Thresholds(4, 9)
    shown = admin.current_settings(actor=boss)
    assert shown["desk.amber_minutes"] == amber and shown["desk.red_minutes"] == red
    audit_row = AuditLog.get((AuditLog.entity == "setting")
                             & (AuditLog.entity_id == "desk.red_minutes"))
    assert json.loads(audit_row.detail)["after"]["REGISTRATION"] == 25
    # The same values again: nothing changes, nothing is audited.
    assert admin.update_settings(actor=boss, values={"desk.amber_minutes": amber,
                                                     "desk.red_minutes": red}) == []


def test_one_stage_alone_keeps_the_others(boss):
    from frontdesk.reception import urgency

    admin.update_settings(actor=boss, values={"desk.amber_minutes": {"BILLING": 7}})
    assert urgency.thresholds()["BILLING"].amber == 7
    assert urgency.thresholds()["GREETING"] == urgency.default_thresholds()["GREETING"]


@pytest.mark.parametrize("amber,red,field", [
    ({"BILLING": 0}, {}, "desk.amber_minutes.BILLING"),
    ({"BILLING": 481}, {}, "desk.amber_minutes.BILLING"),
    ({"BILLING": "x"}, {}, "desk.amber_minutes.BILLING"),
    ({"BILLING": True}, {}, "desk.amber_minutes.BILLING"),
    ({}, {"ESCORT": -5}, "desk.red_minutes.ESCORT"),
    ({"LEFT": 5}, {}, "desk.amber_minutes"),
    ({"TRIAGE": 10}, {"TRIAGE": 10}, "desk.red_minutes.TRIAGE"),  # equal: never amber
    ({"DONE": 40}, {"DONE": 30}, "desk.red_minutes.DONE"),
])
def test_bad_thresholds_change_nothing(boss, amber, red, field):
    before = settings.get("desk.amber_minutes"), settings.get("desk.red_minutes")
    with pytest.raises(ValidationError) as exc:
        admin.update_settings(actor=boss, values={"door.ticket_prefix": "C",
                                                  "desk.amber_minutes": amber,
                                                  "desk.red_minutes": red})
    assert exc.value.field == field
    assert (settings.get("desk.amber_minutes"), settings.get("desk.red_minutes")) == before
    assert settings.get("door.ticket_prefix") == "A"


def test_amber_alone_is_checked_against_the_stored_red(boss):
    with pytest.raises(ValidationError) as exc:
        admin.update_settings(actor=boss, values={"desk.amber_minutes": {"GREETING": 8}})
    assert exc.value.field == "desk.amber_minutes.GREETING"  # the default red is 8
    with pytest.raises(ValidationError):
        admin.update_settings(actor=boss, values={"desk.amber_minutes": "5"})


def test_two_admins_saving_amber_and_red_at_once_never_store_red_before_amber(boss, monkeypatch):
    """Each half is valid against the stored other half; together they are not: the
    second save checks against the first's commit and is told (SQLite)."""
    from frontdesk.reception import urgency
    from tests.helpers.settings_races import amber_and_red_at_once

    saved, told, errors = amber_and_red_at_once(boss, monkeypatch)
    assert errors == [] and len(saved) == 1 and len(told) == 1
    assert all(t.amber < t.red for t in urgency.thresholds().values())
