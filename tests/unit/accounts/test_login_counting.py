"""The lock-out counter under parallel wrong passwords (SQLite, threads), and hash upgrades."""

from __future__ import annotations

import threading

import pytest
from argon2 import PasswordHasher

from frontdesk import accounts, settings
from frontdesk.accounts import auth
from frontdesk.db.models import AuditLog, Staff
from frontdesk.errors import FrontdeskError


def _failures(staff) -> int:
    return AuditLog.select().where((AuditLog.action == "login_failed")
                                   & (AuditLog.entity_id == str(staff.id))).count()


def _hammer(username: str, threads: int, tries: int) -> list[BaseException]:
    raw: list[BaseException] = []
    barrier = threading.Barrier(threads)

    def desk():
        barrier.wait(timeout=30)
        for _ in range(tries):
            try:
                accounts.login(username, "wrong-pass1")
            except FrontdeskError:
                pass
            except BaseException as exc:  # noqa: BLE001 - the test counts these
                raw.append(exc)

    workers = [threading.Thread(target=desk) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    return raw


def test_parallel_wrong_passwords_are_all_counted(make_staff):
    settings.set("security.lockout_after", 1000)
    amy = make_staff("desk", username="amy")
    raw = _hammer("amy", threads=8, tries=3)
    assert raw == []
    assert Staff.get_by_id(amy.id).failed_logins == _failures(amy) == 24


def test_parallel_wrong_passwords_lock_with_an_exact_count(make_staff):
    amy = make_staff("desk", username="amy")
    raw = _hammer("amy", threads=8, tries=3)
    assert raw == []
    stored = Staff.get_by_id(amy.id)
    assert stored.failed_logins == _failures(amy) >= 5
    assert stored.locked_until is not None


WEAK = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


@pytest.mark.parametrize("how", ["password", "pin"])
def test_an_old_hash_is_upgraded_after_a_good_log_in(make_staff, how):
    amy = make_staff("desk", username="amy")
    Staff.update(password_hash=WEAK.hash("pw123456"), pin_hash=WEAK.hash("1234")).where(
        Staff.id == amy.id).execute()
    if how == "password":
        accounts.login("amy", "pw123456")
    else:
        accounts.verify_pin(Staff.get_by_id(amy.id), "1234")
    stored = Staff.get_by_id(amy.id)
    new = stored.password_hash if how == "password" else stored.pin_hash
    old_other = stored.pin_hash if how == "password" else stored.password_hash
    assert not auth.needs_rehash(new) and auth.needs_rehash(old_other)
    assert auth.verify_secret(new, "pw123456" if how == "password" else "1234")
    # A hash already current is left as it is.
    accounts.login("amy", "pw123456") if how == "password" else accounts.verify_pin(stored, "1234")
    again = Staff.get_by_id(amy.id)
    assert (again.password_hash if how == "password" else again.pin_hash) == new
