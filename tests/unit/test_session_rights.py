"""A deactivated staff member's open session loses its rights at the next domain call."""

from __future__ import annotations

import pytest

from frontdesk import accounts, patients, reception
from frontdesk.db.models import Staff
from frontdesk.errors import PermissionDenied


def test_deactivated_session_loses_its_rights(rules_db, make_staff):
    boss = make_staff("admin", username="boss")
    amy = make_staff("desk", username="amy")
    session = accounts.login("amy", "pw123456")  # the desk's in-memory Staff row
    assert patients.search("张", actor=session) == []
    reception.new_arrival(actor=session, booked=False, first_visit=True)
    # Another desk (another process: only the database changes) deactivates amy.
    Staff.update(active=False).where(Staff.id == amy.id).execute()
    assert session.active  # the open session still believes it is active
    with pytest.raises(PermissionDenied) as exc:
        patients.search("张", actor=session)
    assert "停用" in str(exc.value)
    with pytest.raises(PermissionDenied):
        reception.new_arrival(actor=session, booked=False, first_visit=True)
    # Reactivated: the same session works again (nothing is cached for long).
    accounts.reactivate_staff(actor=boss, staff_id=amy.id)
    session.active = True
    assert patients.search("张", actor=session) == []


def test_a_deleted_account_has_no_rights(rules_db, make_staff):
    amy = make_staff("desk", username="amy")
    Staff.delete().where(Staff.id == amy.id).execute()
    with pytest.raises(PermissionDenied):
        patients.search("张", actor=amy)
