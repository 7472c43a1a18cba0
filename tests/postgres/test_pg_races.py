"""Twenty desks at once on one PostgreSQL server: new patients, one escort, one account.

Every desk is its own process with its own connection, released together by a
barrier (tests/postgres/workers.py). What must hold: no raw driver error reaches
a desk (only the app's own messages), no duplicate record numbers, one escort
walks one patient, the lock-out counter counts every failure, and no patient's
name or phone lands in the server's log.
"""

from __future__ import annotations

import pytest

from frontdesk import reception, settings, stages
from frontdesk.db.models import AuditLog, Patient, Staff, Visit
from tests.helpers.reception_flow import FIXED_NOW, dept, make_env, walk
from tests.postgres import workers

pytestmark = pytest.mark.postgres
DESKS = 20


@pytest.fixture
def env(pg_rules_db, pg_make_staff, clock):
    return make_env(pg_make_staff, clock)


def _names(desk: int, count: int) -> tuple[list[str], list[str]]:
    # Rare characters, so a hit in the server log can only be one of these patients.
    digits = "零壹贰叁肆伍陆柒捌玖"
    names = [f"甄{digits[desk // 10]}{digits[desk % 10]}{digits[i % 10]}" for i in range(count)]
    phones = [f"139{desk:04d}{i:04d}" for i in range(count)]
    return names, phones


def _raw(outcomes: dict) -> list[str]:
    return [detail for results in outcomes.values() for kind, detail in results if kind == "raw"]


def _register_jobs(env, count: int) -> list[dict]:
    anorectal = dept("anorectal").id
    jobs = []
    for desk in range(DESKS):
        names, phones = _names(desk, count)
        jobs.append(dict(kind="register", actor_id=env.desk.id, department_id=anorectal,
                         names=names, phones=phones))
    return jobs


def _server_log_mentions(pg_cluster, needles: list[str]) -> list[str]:
    text = pg_cluster.log.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if any(n in line for n in needles)]


def test_twenty_desks_registering_new_patients_get_unique_record_numbers(env, pg_url,
                                                                          pg_cluster):
    per_desk = 3
    jobs = _register_jobs(env, per_desk)
    outcomes = workers.run_desks(pg_url, jobs, FIXED_NOW)
    raw = _raw(outcomes)
    refused = [d for r in outcomes.values() for k, d in r if k == "refused"]
    record_nos = [p.record_no for p in Patient.select()]
    names = [n for job in jobs for n in job["names"]] + [p for job in jobs for p in job["phones"]]
    logged = _server_log_mentions(pg_cluster, names)
    # Before the fix: 56 of 60 raw errors, 4 patients stored, 112 log lines with a name or phone.
    assert (len(raw), len(refused), len(logged)) == (0, 0, 0), (raw[:1], refused[:3], logged[:3])
    assert len(record_nos) == len(set(record_nos)) == DESKS * per_desk


def test_one_escort_named_for_twenty_visits_at_once_goes_with_one(env, pg_url):
    visits = [walk(env, stages.ESCORT) for _ in range(DESKS)]
    jobs = [dict(kind="escort", actor_id=env.desk.id, visit_id=v.id, version=v.version,
                 escort_id=env.guide2.id) for v in visits]
    outcomes = workers.run_desks(pg_url, jobs, FIXED_NOW)
    assert not _raw(outcomes), _raw(outcomes)[0]
    results = [r for rs in outcomes.values() for r in rs]
    winners = [d for k, d in results if k == "ok"]
    refused = [d for k, d in results if k == "refused"]
    assert len(winners) == 1, results
    assert len(refused) == DESKS - 1
    assert all("ValidationError" in d and "张丽娜" in d for d in refused), refused[:2]
    named = Visit.select().where(Visit.escort == env.guide2.id).count()
    assert named == 1
    assert env.guide2.id not in dict(reception.free_escorts())


def test_parallel_wrong_passwords_are_all_counted(env, pg_url):
    settings.set("security.lockout_after", 1000)  # count only: no lock gets in the way
    target = env.desk2
    jobs = [dict(kind="login", username=target.username, secrets=["wrong-pass1", "wrong-pass2"])
            for _ in range(DESKS)]
    outcomes = workers.run_desks(pg_url, jobs, FIXED_NOW)
    assert not _raw(outcomes), _raw(outcomes)[0]
    audited = AuditLog.select().where((AuditLog.action == "login_failed")
                                      & (AuditLog.entity_id == str(target.id))).count()
    assert audited == 2 * DESKS
    assert Staff.get_by_id(target.id).failed_logins == 2 * DESKS


def test_parallel_wrong_passwords_lock_the_account(env, pg_url):
    """Default rules (5 failures): the lock holds, and the counter equals the failures audited."""
    target = env.desk2
    jobs = [dict(kind="login", username=target.username, secrets=["wrong-pass1", "wrong-pass2"])
            for _ in range(DESKS)]
    outcomes = workers.run_desks(pg_url, jobs, FIXED_NOW)
    assert not _raw(outcomes), _raw(outcomes)[0]
    audited = AuditLog.select().where((AuditLog.action == "login_failed")
                                      & (AuditLog.entity_id == str(target.id))).count()
    stored = Staff.get_by_id(target.id)
    assert stored.failed_logins == audited >= 5
    assert stored.locked_until is not None and stored.locked_until > FIXED_NOW


def test_twenty_desks_at_once_patients_escorts_and_log_ins(env, pg_url, pg_cluster):
    """The issue's "done when": 20 desks doing everything at once, zero raw errors or duplicates."""
    visits = [walk(env, stages.ESCORT) for _ in range(DESKS)]
    jobs = []
    for desk, job in enumerate(_register_jobs(env, 2)):
        jobs.append(job)
        jobs.append(dict(kind="escort", actor_id=env.desk.id, visit_id=visits[desk].id,
                         version=visits[desk].version, escort_id=env.guide2.id))
        jobs.append(dict(kind="login", username=env.supervisor.username,
                         secrets=["pw123456"] if desk % 2 else ["wrong-pass1"]))
    # Three processes per desk would pass the test server's 40 connections: two batches.
    outcomes = {}
    for n, batch in enumerate((jobs[: len(jobs) // 2], jobs[len(jobs) // 2:])):
        got = workers.run_desks(pg_url, batch, FIXED_NOW)
        outcomes.update({(n, k): v for k, v in got.items()})
    assert not _raw(outcomes), _raw(outcomes)[0]
    record_nos = [p.record_no for p in Patient.select()]
    assert len(record_nos) == len(set(record_nos)) == DESKS * 2 + DESKS  # + the walked ones
    assert Visit.select().where(Visit.escort == env.guide2.id).count() == 1
    names = [n for job in jobs if job["kind"] == "register" for n in job["names"]]
    assert _server_log_mentions(pg_cluster, names) == []


def test_the_app_role_cannot_turn_off_statement_logging_itself(pg_db):
    """Why docs/POSTGRES.md asks IT for `ALTER ROLE … SET log_min_error_statement`."""
    from peewee import DatabaseError

    with pytest.raises(DatabaseError, match="permission denied"):
        with pg_db.atomic():
            pg_db.execute_sql("SET log_min_error_statement = 'panic'")
