"""Triage at the desk uses the linked patient's sex and age (issue #13)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import reception, stages, triage
from frontdesk.db.models import Patient
from frontdesk.reception import steps
from tests.helpers.reception_flow import FIXED_NOW, dept, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _patient(sex: str, years: int) -> Patient:
    born = FIXED_NOW.date().replace(year=FIXED_NOW.year - years) - dt.timedelta(days=30)
    return Patient.create(record_no=f"P{years:08d}", name="王小明", sex=sex, phone="13912340000",
                          birth_date=born)


def test_the_linked_patient_is_passed_to_the_suggestion(env):
    child = _patient("M", 5)
    v = walk(env, stages.TRIAGE, patient_id=child.id, first_visit=False)
    assert steps._patient_for_triage(v.id) == {"sex": "M", "age": 5}
    # Nothing in the words says "child"; the record does.
    assert triage.suggest("肚子疼三天", learn=False).departments[0][0] == dept("internal").id
    assert triage.suggest("肚子疼三天", learn=False,
                          **steps._patient_for_triage(v.id)).departments[0][0] == dept("paeds").id
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="肚子疼三天", department_id=dept("paeds").id)
    assert "肚子疼" in v.triage_reason  # the reason is the paediatric suggestion's


def test_no_linked_patient_means_no_sex_or_age(env):
    v = walk(env, stages.TRIAGE)
    assert steps._patient_for_triage(v.id) == {}


def test_a_man_gets_no_gynaecology(env):
    man = _patient("M", 40)
    v = walk(env, stages.TRIAGE, patient_id=man.id, first_visit=False)
    s = triage.suggest("小肚子疼，下面有点痒", learn=False, **steps._patient_for_triage(v.id))
    assert dept("gyn").id not in [d[0] for d in s.departments]
