"""A wrong PIN while confirming is not a failed log-in in the audit log (issue 18, point 9)."""

from __future__ import annotations

import pytest

from frontdesk import audit
from frontdesk.db.models import AuditLog
from frontdesk.errors import ValidationError
from frontdesk.staffing import grooming
from tests.unit.staffing.test_grooming import DAY, FAIL, team  # noqa: F401  (fixture)


def test_wrong_pin_at_grooming_acknowledgement_is_a_pin_failure_not_a_login(team):  # noqa: F811
    boss, desk, _, _ = team
    check = grooming.record_check(actor=boss, form=grooming.open_check(actor=boss, staff=desk,
                                                                         day=DAY),
                                  outcomes={"hair": FAIL})
    with pytest.raises(ValidationError):
        grooming.acknowledge(check_id=check.id, pin="9999")
    mine = AuditLog.select().where(AuditLog.entity_id == str(desk.id))
    assert [e.action for e in mine.where(AuditLog.action.in_(["login_failed", "pin_failed"]))] \
        == ["pin_failed"]
    assert audit.action_name("pin_failed", "zh_CN") == "PIN 确认失败"
