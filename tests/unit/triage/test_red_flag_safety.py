"""Red-flag routing survives admin edits: a chest pain always reaches an emergency department."""

from __future__ import annotations

import pytest

from frontdesk import admin, reception, stages, triage
from frontdesk.db.models import Department
from frontdesk.errors import ConfigError, ConflictError
from tests.helpers.actors import viewer


@pytest.fixture
def staff(rules_db, make_staff):
    return make_staff("admin", username="a1"), make_staff("desk", username="d1")


def _er() -> Department:
    return Department.get(Department.code == "emergency")


def _resave(boss, dept: Department, **changes) -> Department:
    values = dict(code=dept.code, name_zh=dept.name_zh, name_en=dept.name_en,
                  short_zh=dept.short_zh, short_en=dept.short_en, room=dept.room,
                  floor=dept.floor, directions_zh=dept.directions_zh,
                  directions_en=dept.directions_en, is_emergency=dept.is_emergency)
    values.update(changes)
    return admin.save_department(actor=boss, dept_id=dept.id, **values)


def _at_triage(desk):
    v = reception.new_arrival(actor=desk, booked=False, first_visit=True)
    return reception.take_at_desk(v.id, actor=desk, expected_version=v.version)


def test_red_flag_is_raised_even_when_its_department_is_inactive(staff):
    # The rules put the red-flag keywords on Emergency; another emergency department takes
    # over and Emergency is switched off: the complaint must still be flagged.
    boss, _ = staff
    admin.save_department(actor=boss, code="er2", name_zh="急诊二部", short_zh="急二",
                          is_emergency=True)
    admin.set_department_active(actor=boss, dept_id=_er().id, active=False)
    s = triage.suggest("胸痛，喘不上气")
    assert s.red_flag and "胸痛" in s.red_flag_words
    # The inactive department is not offered.
    assert _er().id not in [d for d, *_ in s.departments]


def test_red_flag_goes_to_the_remaining_emergency_department(staff):
    boss, desk = staff
    er2 = admin.save_department(actor=boss, code="er2", name_zh="急诊二部", short_zh="急二",
                                is_emergency=True)
    admin.set_department_active(actor=boss, dept_id=_er().id, active=False)
    v = _at_triage(desk)
    v = reception.triage(v.id, actor=desk, expected_version=v.version, complaint="胸痛",
                         department_id=er2.id)
    assert v.stage == stages.ESCORT and v.red_flag and v.department_id == er2.id


def test_last_emergency_department_cannot_be_switched_off(staff):
    boss, _ = staff
    with pytest.raises(ConflictError) as err:
        admin.set_department_active(actor=boss, dept_id=_er().id, active=False)
    assert "emergency" in err.value.message("en") and "急诊" in err.value.message("zh_CN")
    assert _er().active


def test_last_emergency_department_keeps_its_emergency_tick(staff):
    boss, _ = staff
    with pytest.raises(ConflictError) as err:
        _resave(boss, _er(), is_emergency=False)
    assert err.value.field == "is_emergency"
    assert _er().is_emergency
    # Renaming it (tick kept) is still fine.
    _resave(boss, _er(), room="急诊楼 2 楼")
    assert _er().room == "急诊楼 2 楼"


def test_emergency_tick_moves_once_another_department_has_it(staff):
    boss, _ = staff
    internal = Department.get(Department.code == "internal")
    _resave(boss, internal, is_emergency=True)
    _resave(boss, _er(), is_emergency=False)  # now allowed: internal takes red flags
    assert not _er().is_emergency
    with pytest.raises(ConflictError):
        admin.set_department_active(actor=boss, dept_id=internal.id, active=False)


def test_triage_without_any_emergency_department_is_a_clear_config_error(staff):
    # Only a broken database gets here (the admin functions refuse it): say what to fix.
    _, desk = staff
    Department.update(is_emergency=False).execute()
    v = _at_triage(desk)
    with pytest.raises(ConfigError) as err:
        reception.triage(v.id, actor=desk, expected_version=v.version, complaint="胸痛",
                         department_id=_er().id)
    assert "No active emergency department" in err.value.message("en")
    assert reception.get_visit(v.id, actor=viewer()).stage == stages.TRIAGE
