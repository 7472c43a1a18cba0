import json
import shutil

import pytest

from frontdesk import rules, settings
from frontdesk.db.models import (
    Department,
    Doctor,
    DoctorSchedule,
    FeeClass,
    GroomingItem,
    MediaSource,
    Shift,
    TriageKeyword,
)
from frontdesk.errors import ConfigError


def test_rules_load_into_an_empty_database(db):
    report = rules.load_rules()
    assert report.departments == Department.select().count() >= 8
    emergency = Department.get(Department.code == "emergency")
    assert emergency.is_emergency and emergency.name_zh == "急诊科"
    # Shifts: the three patterns of the house rules, and the summer/winter office hours
    # (第3篇 一, resources/rules/staffing.toml).
    shifts = {s.code: s for s in Shift.select()}
    assert {(s.start, s.end) for s in shifts.values()} == {
        ("08:00", "18:00"), ("08:00", "16:00"), ("12:00", "20:00"), ("09:00", "18:00"),
        ("09:00", "17:30")}
    assert report.shifts == len(shifts) == 5
    assert json.loads(shifts["day"].breaks)[0]["start"] == "12:00"
    # Grooming: 10 yuan a violation, 20 for the uniform outside / canteen.
    fines = {i.code: i.fine_fen for i in GroomingItem.select()}
    assert fines["uniform_outside"] == 2000
    assert all(v == 1000 for k, v in fines.items() if k != "uniform_outside")
    assert {"face_hands", "hair", "breath", "nails", "badge", "scarf", "stockings",
            "buttons", "sleeves", "pockets", "posture"} <= set(fines)
    assert settings.get("rules.lateness") == {
        "fine_fen": 1000, "repeat_fine_fen": 2000, "repeat_from": 2, "grace_minutes": 0}
    assert {w["vip_tier"] for w in settings.get("rules.fee_waivers")} == {"gold", "diamond"}
    assert TriageKeyword.select().where(TriageKeyword.red_flag).count() > 10
    assert TriageKeyword.get(TriageKeyword.keyword == "胸痛").department == emergency
    assert MediaSource.select().count() >= 8
    assert FeeClass.get(FeeClass.code == "expert").amount_fen == 5000
    assert DoctorSchedule.select().count() > Doctor.select().count()
    assert rules.rules_loaded()


def _copy_rules(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)
    return folder


@pytest.mark.parametrize(
    "filename, old, new, expected",
    [
        ("grooming.toml", "fine = 20", "fine = -20", "must not be negative"),
        ("grooming.toml", 'category = "manner"', 'category = "mood"', "category"),
        ("doctors.toml", 'department = "anorectal"', 'department = "nowhere"', "nowhere"),
        ("shifts.toml", 'start = "12:00"', 'start = "noon"', "HH:MM"),
        ("fees.toml", "amount = 50", 'amount = "fifty"', "amount"),
        ("departments.toml", "[[department]]", "[[department]\n", "malformed TOML"),
        # Red flags must go to a department the desk treats as the emergency one.
        ("triage.toml", 'department = "emergency"', 'department = "internal"',
         "must be an emergency department"),
        # An admin's triage rules: a broken pattern or an unknown department is named.
        ("triage.toml", '"心绞痛",', '"心绞(痛",', "心绞(痛"),
        ("triage.toml", "departments = { internal = 3 }", "departments = { heart = 3 }",
         "names no department (heart)"),
        ("triage.toml", 'department = "anorectal"\nweight = 6', 'department = "proctology"\nweight = 6',
         "proctology"),
        ("triage.toml", 'body = ["mouth"]', 'body = ["mouht"]', "mouht"),
        ("triage.toml", 'child_moves = ["internal", "derm"]', 'child_moves = ["internal", "skin"]',
         "skin"),
        ("grooming.toml", "repeat_from = 2", 'repeat_from = "twice"', "repeat_from"),
        ("grooming.toml", "grace_minutes = 0", "grace_minutes = 2.5", "grace_minutes"),
        ("grooming.toml", "grace_minutes = 0", "grace_minutes = -5", "grace_minutes"),
    ],
)
def test_bad_rules_file_is_named_and_nothing_is_written(db, tmp_path, filename, old, new, expected):
    folder = _copy_rules(tmp_path)
    path = folder / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        rules.load_rules(folder)
    message = err.value.message("en")
    assert str(path) in message and expected in message
    assert str(path) in err.value.message("zh_CN")
    named = [w for w in ("心绞(痛", "heart", "proctology", "mouht", "skin") if w in new]
    assert all(w in err.value.message("zh_CN") for w in named)  # named in Chinese too
    assert not rules.rules_loaded()
    assert not rules.rules_loaded() and GroomingItem.select().count() == 0


def test_missing_rules_file(db, tmp_path):
    folder = _copy_rules(tmp_path)
    (folder / "triage.toml").unlink()
    with pytest.raises(ConfigError) as err:
        rules.load_rules(folder)
    assert "triage.toml" in err.value.message("en") and "missing" in err.value.message("en")


def test_setting_up_an_installation_needs_a_name(db):
    # installation.set_up is the one path that loads the rules for a real installation.
    from frontdesk import installation
    from frontdesk.errors import ValidationError

    with pytest.raises(ValidationError):
        installation.set_up(hospital_name="   ", admin=None)
    assert not rules.rules_loaded()
    installation.set_up(hospital_name=" 东城医院 ", admin=None)
    assert settings.hospital_name() == "东城医院" and rules.rules_loaded()


def test_two_reloads_at_the_same_moment_both_land(rules_db, monkeypatch):
    from tests.helpers.rules_races import two_reloads_at_once

    two_reloads_at_once(monkeypatch)
