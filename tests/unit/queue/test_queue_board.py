"""Queue numbers (unique per department per day, even with concurrent desks) and the board."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading

import pytest

from frontdesk import queue, reception, settings, stages
from frontdesk.db.models import Staff, Visit, VisitEvent, database_proxy
from frontdesk.slips import mask_name as slips_mask_name
from tests.helpers.reception_flow import FIXED_NOW, dept, form, make_env, walk

S = stages
PER_WORKER = 50


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def test_queue_label_and_masking():
    assert queue.queue_label("内", 12) == "内-012"
    assert queue.queue_label("急", 1234) == "急-1234"
    assert queue.queue_label("内", None) == ""
    # The slips' mask: a compound surname stays whole, a one-character name is a star.
    assert [queue.mask_name(n) for n in ("张三", "王小明", "欧阳娜娜", "王", "A", "")] == [
        "张*", "王*明", "欧阳*娜", "*", "A*", ""]
    assert queue.mask_name is slips_mask_name


def test_numbers_are_per_department_and_per_day(env):
    a = walk(env, S.REGISTRATION, dept_code="internal")
    b = walk(env, S.REGISTRATION, dept_code="internal")
    c = walk(env, S.REGISTRATION, dept_code="dental")
    assert [a.queue_label, b.queue_label, c.queue_label] == ["内-001", "内-002", "口-001"]
    # Tomorrow starts again at 1.
    Visit.update(visit_date=FIXED_NOW.date() - dt.timedelta(days=1)).where(
        Visit.id.in_([a.id, b.id])).execute()
    assert queue.next_queue_no(dept("internal").id, FIXED_NOW.date()) == 1


def test_a_clash_is_retried(env, monkeypatch):
    first = walk(env, S.REGISTRATION, dept_code="internal")
    assert first.queue_no == 1
    real = queue.next_queue_no
    calls = []

    def stale(department_id, visit_date):
        calls.append(1)
        # The first answer is what a desk that read a moment too early would compute.
        return 1 if len(calls) == 1 else real(department_id, visit_date)

    monkeypatch.setattr(queue.numbers, "next_queue_no", stale)
    second = walk(env, S.REGISTRATION, dept_code="internal")
    assert second.queue_no == 2 and len(calls) == 2
    assert Visit.get_by_id(second.id).queue_no == 2 and Visit.get_by_id(first.id).queue_no == 1


def _register_many(url: str, desk_id: int, count: int, start, results) -> None:
    """One desk: `count` patients from the door through triage, each a separate transaction."""
    from frontdesk.db.session import open_database

    if url:  # a separate process opens its own connection
        open_database(url)
        from frontdesk import clock

        clock.set_source(clock.Travel(FIXED_NOW, frozen=True))  # a process of its own
    desk = Staff.get_by_id(desk_id)
    guide = Staff.get(Staff.role == "guide")
    internal = dept("internal").id
    start.wait()
    got = []
    for i in range(count):
        v = reception.new_arrival(actor=guide, booked=False, first_visit=True)
        v = reception.take_at_desk(v.id, actor=desk, expected_version=v.version)
        v = reception.triage(v.id, actor=desk, expected_version=v.version,
                             complaint=f"发烧 #{i}", department_id=internal)
        got.append(v.queue_no)
    results.put(got) if hasattr(results, "put") else results.append(got)


def _process_worker(url, desk_id, count, start, results):
    try:
        _register_many(url, desk_id, count, start, results)
    except BaseException as exc:  # report, so the parent fails with the reason
        results.put(repr(exc))
        raise


def test_queue_numbers_unique_under_concurrent_processes(env, rules_db):
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    url = f"sqlite:///{rules_db.database}"
    desks = [env.desk.id, env.desk2.id]
    connection.close()  # children must not share the parent's connection
    ctx = multiprocessing.get_context("fork")
    start, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_process_worker, args=(url, d, PER_WORKER, start, results))
             for d in desks]
    for p in procs:
        p.start()
    got = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    open_database(url)
    assert all(isinstance(g, list) for g in got), got
    numbers = sorted(n for g in got for n in g)
    assert numbers == list(range(1, 2 * PER_WORKER + 1))
    stored = [v.queue_no for v in Visit.select().order_by(Visit.queue_no)]
    assert stored == list(range(1, 2 * PER_WORKER + 1))
    assert VisitEvent.select().where(VisitEvent.action == S.TRIAGED).count() == 2 * PER_WORKER


def test_queue_numbers_unique_under_concurrent_threads(env):
    start, results = threading.Barrier(2), []
    threads = [threading.Thread(target=_register_many, args=("", d, 20, start, results))
               for d in (env.desk.id, env.desk2.id)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    numbers = sorted(n for g in results for n in g)
    assert numbers == list(range(1, 41))
    assert database_proxy.obj.execute_sql(
        "SELECT count(DISTINCT queue_no) FROM visit").fetchone()[0] == 40


def _arrived(visit_id: int, minutes_ago: int) -> None:
    VisitEvent.update(at=FIXED_NOW - dt.timedelta(minutes=minutes_ago)).where(
        (VisitEvent.visit == visit_id) & (VisitEvent.action == S.ARRIVED)).execute()


def test_waiting_board_levels_and_order(env):
    settings.set("queue.amber_minutes", 15)
    settings.set("queue.red_minutes", 30)
    a = walk(env, S.REGISTRATION, dept_code="internal")
    b = walk(env, S.BILLING, dept_code="internal", reg_form=form(name="王小明"))
    c = walk(env, S.ESCORT, dept_code="dental", reg_form=form(name="欧阳娜娜"))
    walk(env, S.DONE, dept_code="dental")  # handed to the doctor: waits in the clinic queue
    walk(env, S.TRIAGE)  # no number yet: not on the board
    _arrived(a.id, 5)
    _arrived(b.id, 20)
    _arrived(c.id, 45)
    board = queue.waiting_board(now=FIXED_NOW)
    assert [(d.name, [(r.queue_label, r.patient_name_masked, r.waited_minutes, r.level)
                      for r in d.rows]) for d in board] == [
        ("内科", [("内-002", "王*明", 20, "amber"), ("内-001", "", 5, "ok")]),
        ("口腔科", [("口-001", "欧阳*娜", 45, "red"), ("口-002", "张*", 0, "ok")]),
    ]
    settings.set("queue.red_minutes", 60)
    assert queue.waiting_board(now=FIXED_NOW)[1].rows[0].level == "amber"
    assert queue.waiting_board(day=FIXED_NOW.date() + dt.timedelta(days=1), now=FIXED_NOW) == []


def test_board_waiting_is_the_displays_waiting_and_the_desk_is_counted_apart(full_demo_db):
    """The demo morning: the board said 耳鼻喉科 '候诊 2 人' while the waiting-room display said
    '0 人候诊' (both patients were still at the desk). 候诊 is now one number on both."""
    from frontdesk.queue import board as qboard
    from frontdesk.queue import clinic

    boards = {b.department_id: b for b in qboard.waiting_board()}
    shown = {c.department_id: c for c in clinic.display_state()}
    assert shown and boards
    for dept_id, c in shown.items():
        b = boards.get(dept_id)
        assert (b.waiting if b else 0) == c.waiting_count, c.department_name
    for b in boards.values():
        assert b.waiting + b.called + b.at_desk == len(b.rows)
    # some clinic has patients at the desk and none (or fewer) in its queue
    assert any(b.at_desk for b in boards.values())
