"""The reception flow on a real PostgreSQL server: steps, events, conflicts, queue numbers."""

from __future__ import annotations

import json
import multiprocessing
import threading

import pytest

from frontdesk import queue, reception, settings, stages
from frontdesk.db.models import Patient, Payment, Visit, VisitDraft, database_proxy
from frontdesk.errors import ConflictError
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import (
    FIXED_NOW,
    dept,
    doctor,
    events,
    form,
    id_number,
    make_env,
    walk,
)
from tests.postgres import workers

pytestmark = pytest.mark.postgres
S = stages


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)



def test_full_visit_from_the_door_to_back_at_post(env):
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True, note="带孩子")
    assert (v.stage, v.version, v.visit_date) == (S.GREETING, 1, FIXED_NOW.date())
    assert [q.id for q in reception.desk_queue(actor=viewer())] == [v.id]
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    anorectal, doc = dept("anorectal"), doctor("anorectal")
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version,
                         complaint="便血一周，肛门疼痛", department_id=anorectal.id, doctor_id=doc.id)
    assert (v.stage, v.queue_label) == (S.REGISTRATION, "肛-001")
    reception.save_draft(v.id, {"name": "单"}, actor=viewer())
    reception.save_draft(v.id, {"name": "单田芳"}, actor=viewer())  # the upsert, twice
    assert reception.load_draft(v.id, actor=viewer()) == {"name": "单田芳"}
    v = reception.register(v.id, actor=env.desk, expected_version=v.version,
                           form=form(name="单田芳", sex="", age=None, phone="138-0013-8000",
                                     id_number=id_number(), address="朝阳区1号"))
    assert (v.stage, v.fee_fen, v.fee_waived) == (S.BILLING, 5000, False)
    assert VisitDraft.select().count() == 0
    assert reception.fee_quote(v.id, actor=viewer()).total_fen == 5000
    [board] = queue.waiting_board(now=FIXED_NOW)
    assert [r.queue_label for r in board.rows] == ["肛-001"]
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    assert v.stage == S.ESCORT
    v = reception.hand_to_doctor(v.id, actor=env.desk, expected_version=v.version,
                                 escort_id=env.guide2.id)
    assert [e.id for e in reception.escorts_out(actor=viewer())] == [v.id]
    assert env.guide2.id not in dict(reception.free_escorts())
    v = reception.back_at_post(v.id, actor=env.guide2)
    assert reception.escorts_out(actor=viewer()) == [] and env.guide2.id in dict(reception.free_escorts())

    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version, stored.queue_no) == (S.DONE, 7, 1)
    assert json.loads(stored.fee_snapshot)["fee_class"] == "expert"
    assert events(v.id) == [
        ("", S.GREETING, S.ARRIVED, env.guide.id),
        (S.GREETING, S.TRIAGE, S.AT_DESK, env.desk.id),
        (S.TRIAGE, S.REGISTRATION, S.TRIAGED, env.desk.id),
        (S.REGISTRATION, S.BILLING, S.REGISTERED, env.desk.id),
        (S.BILLING, S.ESCORT, S.PAID, env.desk.id),
        (S.ESCORT, S.DONE, S.HANDED_TO_DOCTOR, env.desk.id),
        (S.DONE, S.DONE, S.BACK_AT_POST, env.guide2.id),
    ]
    assert [e.at for e in v.events][0] == FIXED_NOW and v.arrived_at == FIXED_NOW
    p = Patient.get_by_id(stored.patient_id)
    assert (p.name, p.sex, p.phone, p.record_no) == ("单田芳", "M", "13800138000", "P00000001")
    assert Payment.get(Payment.visit == v.id).amount_fen == 5000
    assert v.escort_back and not v.open


def test_red_flag_left_and_open_visits(env):
    red = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    red = reception.take_at_desk(red.id, actor=env.desk, expected_version=red.version)
    red = reception.triage(red.id, actor=env.desk, expected_version=red.version,
                           complaint="胸痛半小时", department_id=dept("emergency").id)
    assert (red.stage, red.red_flag, red.billing_deferred) == (S.ESCORT, True, True)
    gone = walk(env, S.BILLING, reg_form=form(phone="13900001111"))
    assert [v.id for v in reception.open_visits(FIXED_NOW.date(), actor=viewer())] == [red.id, gone.id]
    gone = reception.leave(gone.id, actor=env.desk, expected_version=gone.version,
                           reason="等候时间太长")
    assert (gone.stage, gone.left_reason) == (S.LEFT, "等候时间太长")
    assert [v.id for v in reception.open_visits(actor=viewer())] == [red.id]


def test_settings_upsert(pg_rules_db):
    settings.set("queue.amber_minutes", 12)
    settings.set("queue.amber_minutes", 13)
    assert settings.get("queue.amber_minutes") == 13


def test_stale_version_is_a_conflict(env):
    v = walk(env, S.GREETING)
    reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    with pytest.raises(ConflictError) as err:
        reception.take_at_desk(v.id, actor=env.desk2, expected_version=v.version)
    assert "其他导医台" in err.value.zh and "Another desk" in err.value.en
    assert (Visit.get_by_id(v.id).version, len(events(v.id))) == (2, 2)


def test_two_connections_advancing_one_visit_at_once(env):
    """Desk A's step is mid-transaction when desk B tries the same step on another
    connection: B waits for A's row lock, then sees the new version and gets ConflictError."""
    v = walk(env, S.GREETING)
    a_moved, a_may_commit = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def desk_a():
        db = database_proxy.obj
        try:
            with db.atomic():  # the step's own transaction nests in this one
                reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
                a_moved.set()
                a_may_commit.wait(10)
            outcome["a"] = "ok"
        except Exception as exc:  # noqa: BLE001 - the test asserts on it
            outcome["a"] = exc
        finally:
            db.close()

    def desk_b():
        db = database_proxy.obj
        try:
            reception.take_at_desk(v.id, actor=env.desk2, expected_version=v.version)
            outcome["b"] = "ok"
        except Exception as exc:  # noqa: BLE001
            outcome["b"] = exc
        finally:
            db.close()

    a = threading.Thread(target=desk_a)
    a.start()
    assert a_moved.wait(10)
    b = threading.Thread(target=desk_b)
    b.start()
    b.join(0.5)
    assert b.is_alive()  # blocked on A's uncommitted row, not failing on a stale read
    a_may_commit.set()
    a.join(10)
    b.join(10)
    assert outcome["a"] == "ok"
    assert isinstance(outcome["b"], ConflictError)
    stored = Visit.get_by_id(v.id)
    assert (stored.stage, stored.version) == (S.TRIAGE, 2)
    assert [e[3] for e in events(v.id)] == [env.guide.id, env.desk.id]


@pytest.mark.parametrize("desks, per_desk", [(2, 50), (4, 30)])
def test_queue_numbers_from_desks_at_once_are_unique_and_gapless(env, pg_url, desks, per_desk):
    """Separate processes, each its own connection, triaging to one department at once."""
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(desks), spawn.Queue()
    anorectal = dept("anorectal").id
    staff = [env.desk, env.desk2, env.supervisor]
    procs = [
        spawn.Process(target=workers.register_many,
                      args=(pg_url, env.guide.id, staff[i % len(staff)].id, anorectal, per_desk,
                            FIXED_NOW.isoformat(), barrier, results))
        for i in range(desks)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(30)
    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, errors[0]
    total = desks * per_desk
    got = [n for _, numbers in outcomes for n in numbers]
    assert sorted(got) == list(range(1, total + 1))  # no duplicates, no gaps
    for _, numbers in outcomes:
        assert numbers == sorted(numbers)  # each desk's numbers only go up
    stored = [v.queue_no for v in Visit.select().where(Visit.department == anorectal)]
    assert sorted(stored) == list(range(1, total + 1))
