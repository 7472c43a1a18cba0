"""Many desks on one SQLite file at once: nobody meets "database is locked" (issue 21).

20 processes starting together hit the 5 s busy timeout (19 in 2,500 visits) and
8 simultaneous correct log-ins gave 20 of 24 raw errors. Each process here opens
the file, logs in and registers a few patients all the way; the log-in test runs
8 processes logging in 3 times each. Bounded by the queue's time-out, no timings.
"""

from __future__ import annotations

import multiprocessing

import pytest

from frontdesk import accounts, reception
from frontdesk.db import connection
from frontdesk.db.models import AuditLog, Staff, Visit
from frontdesk.db.session import open_database
from tests.helpers.reception_flow import FIXED_NOW, dept, doctor, form, make_env

PROCESSES = 20
VISITS_EACH = 3
LOGIN_PROCESSES = 8
LOGINS_EACH = 3
GIVEN = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往"  # one given name per desk


def _start(url: str) -> None:
    from frontdesk import clock

    open_database(url)
    clock.set_source(clock.Travel(FIXED_NOW, frozen=True))


def _desk_day(url: str, username: str, start, results) -> None:
    try:
        start.wait()
        _start(url)  # as the app: open (and check the schema), then log in, then work
        desk = accounts.login(username, "pw123456")
        guide = Staff.get(Staff.role == "guide")
        internal, doc = dept("internal").id, doctor("internal").id
        for i in range(VISITS_EACH):
            v = reception.new_arrival(actor=guide, booked=False, first_visit=True)
            v = reception.take_at_desk(v.id, actor=desk, expected_version=v.version)
            v = reception.triage(v.id, actor=desk, expected_version=v.version,
                                 complaint=f"发烧 #{i}", department_id=internal, doctor_id=doc)
            v = reception.register(v.id, actor=desk, expected_version=v.version,
                                   form=form(name="张" + GIVEN[int(username[-2:])] + "甲乙丙"[i]))
            reception.confirm_payment(v.id, actor=desk, expected_version=v.version)
        results.put("ok")
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def _log_ins(url: str, username: str, start, results) -> None:
    try:
        _start(url)
        start.wait()
        for _ in range(LOGINS_EACH):
            accounts.login(username, "pw123456")
        results.put("ok")
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def _run(target, url: str, usernames: list[str]) -> list[str]:
    connection.close()  # children must not share the parent's connection
    ctx = multiprocessing.get_context("fork")
    start, results = ctx.Barrier(len(usernames)), ctx.Queue()
    procs = [ctx.Process(target=target, args=(url, name, start, results)) for name in usernames]
    for p in procs:
        p.start()
    try:
        got = [results.get(timeout=180) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
        open_database(url)
    return got


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def test_twenty_desks_starting_together_never_meet_a_locked_database(env, rules_db, make_staff):
    names = [make_staff("desk", username=f"desk{n:02d}").username for n in range(PROCESSES)]
    got = _run(_desk_day, f"sqlite:///{rules_db.database}", names)
    assert got == ["ok"] * PROCESSES, [g for g in got if g != "ok"]
    assert Visit.select().where(Visit.patient.is_null(False)).count() == PROCESSES * VISITS_EACH


def test_eight_simultaneous_log_ins_never_meet_a_locked_database(env, rules_db, make_staff):
    names = [make_staff("desk", username=f"in{n}").username for n in range(LOGIN_PROCESSES)]
    got = _run(_log_ins, f"sqlite:///{rules_db.database}", names)
    assert got == ["ok"] * LOGIN_PROCESSES, [g for g in got if g != "ok"]
    assert AuditLog.select().where(AuditLog.action == "login").count() == \
        LOGIN_PROCESSES * LOGINS_EACH
