"""The clinic queue's races on PostgreSQL: stations on their own connections, released together."""

from __future__ import annotations

import pytest

from tests.helpers.reception_flow import make_env
from tests.unit.queue import test_clinic_races as races

pytestmark = pytest.mark.postgres


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)


def test_same_patient_called_once(env, clock):
    races.check_same_patient_called_once(env, clock)


def test_call_next_at_the_same_moment(env, clock):
    races.check_call_next_at_the_same_moment(env, clock)


def test_finish_and_tests_at_once(env, clock):
    races.check_finish_and_tests_at_once(env, clock)


def test_pause_and_transfer_at_once(env, clock):
    races.check_pause_and_transfer_at_once(env, clock)


def test_the_whole_path_on_postgresql(env, clock):
    from frontdesk.queue import clinic
    from tests.helpers.clinic_queue import queued

    row = queued(env, clock, age=80, name="老人")
    queued(env, clock, name="甲")
    first = clinic.queue_rows(row.department_id).waiting[0]
    assert first.patient_name == "老人" and first.reason.zh == "优先：70 岁以上"
    called = clinic.call_next(row.department_id, actor=env.desk, expected_entry_id=row.entry_id)
    missed = clinic.mark_missed(called.entry_id, actor=env.desk, expected_version=called.version)
    back = clinic.requeue(missed.entry_id, actor=env.desk, expected_version=missed.version)
    assert back.state == clinic.WAITING
    assert clinic.display_state()[0].waiting_count == 2
    assert [c.action for c in clinic.calls_since(0)] == [clinic.CALL, clinic.MISS]


def test_a_call_whose_commit_reply_was_lost_is_re_read(env, clock, monkeypatch):
    from frontdesk.errors import DatabaseUnavailable
    from frontdesk.queue import clinic
    from tests.helpers.clinic_queue import queued
    from tests.postgres.test_pg_lost_commit import lose_the_reply

    row = queued(env, clock)
    lose_the_reply(monkeypatch, committed=True)
    called = clinic.call(row.entry_id, actor=env.desk, expected_version=row.version)
    assert (called.state, called.version) == (clinic.CALLED, row.version + 1)
    # Not landed: "nothing was saved, press again", never "another station".
    lose_the_reply(monkeypatch, committed=False)
    with pytest.raises(DatabaseUnavailable) as err:
        clinic.recall(called.entry_id, actor=env.desk, expected_version=called.version)
    assert "没有保存" in err.value.zh
    again = clinic.recall(called.entry_id, actor=env.desk, expected_version=called.version)
    assert again.calls == 2


def test_a_transfer_whose_commit_reply_was_lost_says_the_fee(env, clock, monkeypatch):
    from frontdesk.queue import clinic
    from tests.helpers.clinic_queue import queued
    from tests.helpers.reception_flow import dept, doctor
    from tests.postgres.test_pg_lost_commit import lose_the_reply

    row = queued(env, clock, doctor_index=1)
    lose_the_reply(monkeypatch, committed=True)
    result = clinic.transfer(row.entry_id, actor=env.desk, expected_version=row.version,
                             department_id=dept("internal").id,
                             doctor_id=doctor("internal", 0).id)
    assert result.row.doctor_id == doctor("internal", 0).id and result.fee_due_fen > 0
    assert result.fee_rule == "difference"


def test_the_summary_times_on_postgresql(env, clock):
    from tests.unit.reports.test_clinic_times import check_waited_and_consultation

    check_waited_and_consultation(env, clock)
