"""Two (or eight) stations calling at the same moment on SQLite: one wins, the others are told.

The same checks run on PostgreSQL in tests/postgres/test_pg_clinic_queue.py.
"""

from __future__ import annotations

import pytest

from frontdesk.db.models import QueueEntry, QueueEvent
from frontdesk.queue import clinic
from tests.helpers.clinic_queue import queued
from tests.helpers.races import race
from tests.helpers.reception_flow import dept, make_env

STATIONS = 8


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def check_same_patient_called_once(env, clock):
    row = queued(env, clock)
    actors = [env.desk, env.desk2] * (STATIONS // 2)
    results, conflicts, errors = race([
        (lambda a=a: clinic.call(row.entry_id, actor=a, expected_version=row.version,
                                 room="3 诊室"))
        for a in actors])
    assert not errors, errors
    assert len(results) == 1 and len(conflicts) == STATIONS - 1
    assert all("其他工作站" in c.zh and "Another station" in c.en for c in conflicts)
    assert QueueEvent.select().where(QueueEvent.action == clinic.CALL).count() == 1
    assert QueueEntry.get_by_id(row.entry_id).version == row.version + 1


def check_call_next_at_the_same_moment(env, clock):
    first = queued(env, clock, name="甲")
    queued(env, clock, name="乙")
    dept_id = dept("internal").id
    results, conflicts, errors = race([
        (lambda a=a: clinic.call_next(dept_id, None, actor=a, expected_entry_id=first.entry_id))
        for a in [env.desk, env.desk2] * (STATIONS // 2)])
    assert not errors, errors
    assert [r.entry_id for r in results] == [first.entry_id]
    assert len(conflicts) == STATIONS - 1
    # Still waiting: nobody called a patient their station had not shown.
    assert [r.patient_name for r in clinic.queue_rows(dept_id).waiting] == ["乙"]


def check_finish_and_tests_at_once(env, clock):
    row = queued(env, clock)
    called = clinic.call(row.entry_id, actor=env.desk, expected_version=row.version)
    seeing = clinic.start_consultation(called.entry_id, actor=env.desk,
                                       expected_version=called.version)
    results, conflicts, errors = race([
        lambda: clinic.finish(seeing.entry_id, actor=env.desk, expected_version=seeing.version),
        lambda: clinic.send_for_tests(seeing.entry_id, actor=env.desk2,
                                      expected_version=seeing.version)])
    assert not errors, errors
    assert len(results) == 1 and len(conflicts) == 1
    assert QueueEntry.get_by_id(row.entry_id).state == results[0].state


def check_pause_and_transfer_at_once(env, clock):
    """Two stations pause one clinic: one pause. A transfer and a call of one patient: one."""
    from frontdesk.db.models import ClinicState
    from tests.helpers.reception_flow import doctor

    row = queued(env, clock)
    dept_id, first = dept("internal").id, doctor("internal", 0).id
    results, conflicts, errors = race([
        (lambda a=a: clinic.pause_clinic(dept_id, first, actor=a, reason="会诊"))
        for a in [env.desk, env.desk2] * (STATIONS // 2)])
    assert not errors, errors
    assert len(results) == 1 and len(conflicts) == STATIONS - 1
    assert ClinicState.select().count() == 1
    results, conflicts, errors = race([
        lambda: clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                                department_id=dept_id, doctor_id=doctor("internal", 1).id),
        lambda: clinic.set_priority(row.entry_id, actor=env.desk2,
                                    expected_version=row.version, priority="pregnant")])
    assert not errors, errors
    assert len(results) == 1 and len(conflicts) == 1
    assert QueueEntry.get_by_id(row.entry_id).version == row.version + 1


def test_same_patient_called_once(env, clock):
    check_same_patient_called_once(env, clock)


def test_call_next_at_the_same_moment(env, clock):
    check_call_next_at_the_same_moment(env, clock)


def test_finish_and_tests_at_once(env, clock):
    check_finish_and_tests_at_once(env, clock)


def test_pause_and_transfer_at_once(env, clock):
    check_pause_and_transfer_at_once(env, clock)
