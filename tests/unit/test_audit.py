"""Audit entries for each audited action, and the filtered query the admin browser uses."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk import accounts, admin, audit
from frontdesk import clock as app_clock
from frontdesk.admin import backup
from frontdesk.db.models import AuditLog, Patient
from frontdesk.errors import PermissionDenied, ValidationError


def last(action):
    return AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id.desc()).first()


def test_each_session_and_admin_action_is_audited(rules_db, make_staff, tmp_path):
    boss = make_staff("admin", username="boss")
    desk = make_staff("desk", username="amy")
    accounts.login("boss", "pw123456")
    with pytest.raises(ValidationError):
        accounts.login("amy", "nope-nope1")
    accounts.record_lock(boss, "idle")
    accounts.unlock(boss, "boss", "1234")
    accounts.logout(boss)
    newbie = accounts.create_staff(actor=boss, username="newbie", display_name="新人", role="guide",
                                   password="Secret123", pin="2468")
    accounts.deactivate_staff(actor=boss, staff_id=newbie.id)
    admin.update_settings(actor=boss, values={"security.idle_lock_minutes": 7})
    made = backup.make_backup(tmp_path, actor=boss)
    assert last("backup").staff_id == boss.id
    # A restore brings back the log as it was in the backup, then adds its own entry.
    backup.restore(made.path, actor=boss)
    expected = {
        "login": boss.id, "login_failed": desk.id, "lock": boss.id, "unlock": boss.id,
        "logout": boss.id, "create": boss.id, "deactivate": boss.id, "rule_change": boss.id,
        "restore": boss.id,
    }
    for action, staff_id in expected.items():
        entry = last(action)
        assert entry is not None, action
        assert entry.staff_id == staff_id, action
        assert entry.at.date() == app_clock.today()
    assert json.loads(last("lock").detail) == {"reason": "idle"}


def test_patient_access_helper(rules_db, make_staff):
    desk = make_staff("desk")
    p = Patient.create(record_no="T1", name="李四")
    audit.patient_access(desk, "print", p.id, {"slip": "guide"})
    entry = last("print")
    assert (entry.entity, entry.entity_id, entry.staff_id) == ("patient", str(p.id), desk.id)
    with pytest.raises(ValueError):
        audit.patient_access(desk, "update", p.id)
    with pytest.raises(ValueError):
        audit.record(desk, "teleport", "patient", p.id)


def test_query_filters_by_day_staff_action_and_entity(rules_db, make_staff):
    boss = make_staff("admin", username="boss")
    desk = make_staff("desk", username="amy")

    def at(day, hour, staff, action, entity="patient"):
        AuditLog.create(at=dt.datetime(2026, 11, day, hour), staff=staff, action=action,
                        entity=entity, entity_id="1")

    at(20, 9, desk, "view")
    at(21, 23, desk, "print")
    at(22, 0, boss, "rule_change", "department")
    at(22, 10, None, "backup", "database")
    rows = audit.query(actor=boss, since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 22))
    assert [r.action for r in rows] == ["backup", "rule_change", "print"]  # newest first
    assert rows[0].staff_name == "" and rows[1].staff_name == boss.display_name
    assert [r.action for r in audit.query(actor=boss, staff_id=desk.id)] == ["print", "view"]
    assert [r.at.day for r in audit.query(actor=boss, action="view")] == [20]
    assert [r.action for r in audit.query(actor=boss, entity="department")] == ["rule_change"]
    assert audit.query(actor=boss, since=dt.date(2026, 11, 23)) == []


def test_query_needs_audit_permission(rules_db, make_staff):
    sup = make_staff("supervisor")
    with pytest.raises(PermissionDenied):
        audit.query(actor=sup)


def test_action_names_are_bilingual():
    for action in audit.ACTIONS:
        assert audit.action_name(action, "zh_CN") and audit.action_name(action, "en")
    assert audit.action_name("login", "zh_CN") == "登录"


def test_an_export_to_a_non_utf8_file_name_is_audited_escaped(rules_db):
    """The path of a report saved under a name in non-UTF-8 bytes (\\udcff in Python) was
    refused by the driver after the file was written: a traceback for a done export."""
    from frontdesk.permissions import SYSTEM

    row = audit.record(SYSTEM, "export", "report", "\udcff", {"file": "/tmp/\udcff.pdf"})
    stored = AuditLog.get_by_id(row.id)
    assert "\\udcff" in stored.detail and stored.entity_id == "\\udcff"
