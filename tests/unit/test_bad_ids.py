"""An id that is no id (huge, a list, a lone surrogate, inf) reads as "not found", never a driver crash."""

import pytest

from frontdesk import admin, patients
from frontdesk.errors import FrontdeskError
from tests.helpers.actors import viewer

BAD_IDS = [10**30, [1, 2], "\ud800", float("inf"), -5, "7; DROP TABLE staff"]


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
def test_viewing_a_patient_by_a_bad_id_is_not_found(rules_db, bad):
    with pytest.raises(FrontdeskError):
        patients.view_patient(bad, actor=viewer())


@pytest.mark.parametrize("bad", [None, *BAD_IDS], ids=repr)
def test_switching_a_department_by_a_bad_id_creates_nothing(rules_db, make_staff, bad):
    from frontdesk.db.models import Department

    before = Department.select().count()
    with pytest.raises(FrontdeskError):
        admin.set_department_active(actor=make_staff("admin"), dept_id=bad, active=False)
    assert Department.select().count() == before
