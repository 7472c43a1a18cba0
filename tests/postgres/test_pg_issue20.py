"""Issue 20 on PostgreSQL: the SQL duplicate check (LIKE patterns, stored keys) finds what
the old per-candidate check found, and the triage rules version is bumped by upsert."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import clock, patients, triage
from frontdesk.db.models import Patient
from frontdesk.patient_form import RegistrationForm
from tests.helpers.actors import viewer
from tests.unit.test_duplicates_sql import _insert, _population, old_find

pytestmark = pytest.mark.postgres


def test_sql_duplicate_check_matches_the_old_one_on_postgres(pg_db):
    rows = _population(seed=3)[:300]
    ids = _insert(rows)
    Patient.update(merged_into=ids[1]).where(Patient.id == ids[0]).execute()
    probes = rows[:25] + [(n, "M", clock.today() - dt.timedelta(days=23 * 365), "13000000000")
                          for n in ("张*明", "张?明", "张_明", "张%明", "李\\明", "John Smith")]
    hits = 0
    for name, sex, birth, phone in probes:
        for form in (RegistrationForm(name=name, sex=sex, phone=phone,
                                      age=patients.age_on(birth)),
                     RegistrationForm(name=name, sex=sex, phone="13000000001", birth_date=birth)):
            expected = old_find(form)
            got = {h.id: r for h, r in
                   patients.find_duplicates(form, actor=viewer(), limit=10_000)}
            assert got == expected, name
            hits += len(expected)
    assert hits > 20


def test_rules_version_is_bumped_on_postgres(pg_db):
    before = triage.rules_version()
    triage.invalidate()
    triage.invalidate()
    assert triage.rules_version() != before and int(triage.rules_version()) >= 2
