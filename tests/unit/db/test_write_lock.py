"""A write transaction holds SQLite's write lock from its BEGIN (issue #12).

SQLite's default DEFERRED transaction reads under a snapshot and asks for the
write lock only at its first write. When another connection (a second desk, or
this desk's background thread: the daily backup writes a setting and an audit
row) commits in between, that first write fails AT ONCE with "database is
locked" (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. That is how the
follow-up list and the first-run dialog failed intermittently on a busy machine.

Each test forces that interleaving, without threads or timing: the "other desk"
is a second connection that tries to commit exactly between the transaction's
read and its write. It has no busy timeout, so it either commits (the lock was
free: the bug) or is refused at once (the transaction holds the lock).
"""

from __future__ import annotations

import sqlite3

import pytest

from frontdesk import accounts, clock, installation, settings
from frontdesk.accounts import auth
from frontdesk.db.models import FollowUp, Setting, Staff, database_proxy
from frontdesk.reports.sql import read_transaction
from frontdesk.service import followups
from tests.conftest import DEMO_TODAY


class OtherDesk:
    """A second connection to the same file that writes a setting, as the daily backup does."""

    def __init__(self):
        self.conn: sqlite3.Connection | None = None
        self.outcomes: list[str] = []

    def write(self) -> str:
        if self.conn is None:  # the test's database, once its fixtures have opened it
            self.conn = sqlite3.connect(database_proxy.obj.database, timeout=0,
                                        isolation_level=None)
        try:
            self.conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                              ("backup.last_run", clock.now().isoformat()))
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            self.outcomes.append("refused")
        else:
            self.outcomes.append("committed")
        return self.outcomes[-1]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


@pytest.fixture
def other_desk():
    desk = OtherDesk()
    yield desk
    desk.close()


def test_a_transaction_that_reads_then_writes_keeps_the_lock_in_between(db, other_desk):
    with database_proxy.atomic():
        Setting.select().count()  # the read a deferred transaction would take a snapshot for
        other_desk.write()
        Setting.create(key="mine", value="1")  # deferred: "database is locked" here, at once
    assert other_desk.outcomes == ["refused"]
    assert other_desk.write() == "committed"  # and gets its turn once we commit
    assert Setting.get_by_id("mine").value == "1"


def test_follow_up_list_while_another_desk_commits(demo_db, other_desk, monkeypatch):
    # test_followup_ui's set-up: the list inserts the missing follow-ups after reading
    # which visits lack one; the leaked daily backup committed in between.
    original = FollowUp.insert_many.__func__

    def insert_after_other_desk(cls, rows, *args, **kwargs):
        other_desk.write()
        return original(cls, rows, *args, **kwargs)

    monkeypatch.setattr(FollowUp, "insert_many", classmethod(insert_after_other_desk))
    desk1 = Staff.get(Staff.username == "desk1")
    calls = followups.due_calls(actor=desk1, day=DEMO_TODAY)
    assert calls and other_desk.outcomes == ["refused"]
    assert FollowUp.select().count() >= len(calls)


def test_first_administrator_while_another_desk_commits(rules_db, other_desk, monkeypatch):
    # test_first_run's "rules loaded but no admin": set_up reads that nobody is an admin,
    # hashes the password and PIN (slow on purpose, slower on a busy machine), then inserts.
    original = auth.hash_secret

    def hash_after_other_desk(secret):
        other_desk.write()
        return original(secret)

    monkeypatch.setattr(auth, "hash_secret", hash_after_other_desk)
    admin = installation.FirstAdmin(username="wangadmin", display_name="王管理",
                                    password="secret123", pin="4321")
    created = installation.set_up(hospital_name=None, admin=admin)
    assert Staff.get(Staff.username == "wangadmin").id == created.id
    assert other_desk.outcomes == ["refused", "refused"]
    assert not accounts.needs_first_admin()


def test_a_report_reads_without_holding_the_write_lock(rules_db, other_desk):
    # A report only reads: the desks must keep writing while it runs.
    with read_transaction():
        assert settings.hospital_name() == "测试医院"
        assert other_desk.write() == "committed"
