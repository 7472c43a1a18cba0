"""Permissions are enforced in the domain layer: for each role one allowed and one refused call."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import accounts, admin, audit, patients
from frontdesk.admin import backup
from frontdesk.db.models import FeeClass, Patient
from frontdesk.errors import PermissionDenied
from frontdesk.permissions import ROLE_PERMISSIONS, Perm, allowed, require
from frontdesk.staffing import fines, handover

DAY = dt.date(2026, 11, 23)


def test_guide_may_list_open_visits_but_not_see_fines(rules_db, make_staff):
    guide = make_staff("guide")
    assert handover.open_visits(actor=guide, day=DAY) == []
    with pytest.raises(PermissionDenied) as exc:
        fines.fines_for(actor=guide, year=2026, month=11)
    assert "导医" in exc.value.message("zh_CN")
    assert "Door guide" in exc.value.message("en")


def test_desk_may_view_a_patient_but_not_manage_staff(rules_db, make_staff):
    desk = make_staff("desk")
    p = Patient.create(record_no="T0000001", name="王小明")
    assert patients.view_patient(p.id, actor=desk).name == "王小明"
    with pytest.raises(PermissionDenied):
        accounts.create_staff(actor=desk, username="sneaky", display_name="x", role="admin",
                              password="Sneaky123", pin="1111")
    assert accounts.authenticate is not None  # module imported for real, not mocked


def test_supervisor_may_see_fines_but_not_change_fees(rules_db, make_staff):
    sup = make_staff("supervisor")
    assert fines.fines_for(actor=sup, year=2026, month=11) == []
    fee = FeeClass.get(FeeClass.code == "general")
    with pytest.raises(PermissionDenied):
        admin.save_fee_class(actor=sup, fee_id=fee.id, code="general", name_zh="普通号",
                             amount="1")
    assert FeeClass.get_by_id(fee.id).amount_fen == 1000


def test_admin_may_read_audit_but_not_run_visits(rules_db, make_staff):
    boss = make_staff("admin")
    accounts.list_staff(actor=boss)
    assert isinstance(audit.query(actor=boss), list)
    with pytest.raises(PermissionDenied):
        handover.open_visits(actor=boss, day=DAY)


def test_nobody_logged_in_is_refused(rules_db, tmp_path):
    with pytest.raises(PermissionDenied) as exc:
        audit.query(actor=None)
    assert "登录" in exc.value.message("zh_CN")
    with pytest.raises(PermissionDenied):
        admin.update_settings(actor=None, values={})


def test_deactivated_admin_is_refused(rules_db, make_staff, tmp_path):
    boss = make_staff("admin")
    boss.active = False
    with pytest.raises(PermissionDenied):
        backup.make_backup(tmp_path, actor=boss)


@pytest.mark.parametrize("role", list(ROLE_PERMISSIONS))
def test_require_matches_the_role_table(role):
    class Actor:
        active = True

    actor = Actor()
    actor.role = role
    for perm in Perm:
        if perm in ROLE_PERMISSIONS[role]:
            require(actor, perm)
        else:
            assert not allowed(actor, perm)
            with pytest.raises(PermissionDenied):
                require(actor, perm)


def test_only_admins_manage_staff_settings_backups_and_audit():
    for perm in (Perm.MANAGE_STAFF, Perm.MANAGE_SETTINGS, Perm.MANAGE_BACKUPS, Perm.VIEW_AUDIT,
                 Perm.MANAGE_RULES):
        holders = {role for role, perms in ROLE_PERMISSIONS.items() if perm in perms}
        assert holders == {"admin"}, perm
