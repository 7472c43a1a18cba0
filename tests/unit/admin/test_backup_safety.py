"""Backups: leftovers cleaned, retention safe from a wrong clock, hourly, restore says what it loses
and keeps the audit trail (issue 21)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from frontdesk import audit
from frontdesk.admin import backup
from frontdesk.db import migrations
from frontdesk.db.models import AuditLog, Department

T0 = dt.datetime(2026, 11, 23, 8, 30, 0)


@pytest.fixture(autouse=True)
def _half_past_eight(clock):
    clock.freeze(T0)


def _age(path, when: dt.datetime) -> None:
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


def test_stale_partials_and_old_migration_copies_are_removed(rules_db, tmp_path, clock):
    out = tmp_path / "backups"
    out.mkdir()
    stale = out / "frontdesk-20261122-083000.sqlite3.partial"
    stale.write_bytes(b"x" * 1000)
    _age(stale, T0 - dt.timedelta(hours=3))
    fresh = out / "frontdesk-20261123-082959.sqlite3.partial"  # another process writing now
    fresh.write_bytes(b"x")
    _age(fresh, T0)
    live = backup.live_database_path()
    copies = []
    for i in range(5):
        p = live.parent / f"{live.stem}.v1.2026112{i}-080000-1abc{migrations.MIGRATION_COPY_MARK}.sqlite3"
        p.write_bytes(b"c")
        _age(p, T0 - dt.timedelta(days=10 - i))
        copies.append(p)
    left = live.parent / f"{live.stem}.v1.20261120-080000-9{migrations.MIGRATION_COPY_MARK}.sqlite3.partial"
    left.write_bytes(b"c" * 1000)
    _age(left, T0 - dt.timedelta(days=1))
    backup.make_backup(out)
    assert not stale.exists() and fresh.exists() and not left.exists()
    assert [p.exists() for p in copies] == [False, False, True, True, True]


def test_a_clock_years_ahead_never_deletes_the_newest_backups(rules_db, tmp_path, clock):
    out = tmp_path / "backups"
    out.mkdir()
    made = []
    for day in range(10):
        clock.freeze(T0 + dt.timedelta(days=day))
        made.append(backup.make_backup(out).path)
    clock.freeze(T0 + dt.timedelta(days=5 * 365))  # the desk's clock jumps ahead
    backup.make_backup(out)
    left = {p for p, _, _ in backup.list_backups(out)}
    assert len(left & set(made)) >= backup.KEEP_NEWEST - 1
    assert made[-1] in left


def test_future_dated_backups_are_ignored_and_kept(rules_db, tmp_path, clock):
    from frontdesk import settings

    out = tmp_path / "backups"
    out.mkdir()
    settings.set("backup.folder", str(out))
    clock.freeze(T0 + dt.timedelta(days=5 * 365))
    future = backup.make_backup(out).path
    clock.freeze(T0)  # the clock is put right
    for day in range(3):
        clock.freeze(T0 + dt.timedelta(days=day))
        backup.make_backup(out)
    assert future.exists()
    # The future file is not "today's" backup: a backup is still due after an hour.
    clock.freeze(T0 + dt.timedelta(days=2, hours=1, minutes=1))
    assert backup.backup_due()


def test_hourly_backups_while_the_app_runs(rules_db, tmp_path, clock):
    from frontdesk import settings

    out = tmp_path / "backups"
    out.mkdir()
    settings.set("backup.folder", str(out))
    assert backup.auto_backup() is not None
    clock.freeze(T0 + dt.timedelta(minutes=30))
    assert backup.auto_backup() is None
    clock.freeze(T0 + dt.timedelta(minutes=61))
    assert backup.auto_backup() is not None
    # Hourly copies thin out: many in a day do not pile up for the whole retention period.
    for h in range(2, 60):
        clock.freeze(T0 + dt.timedelta(hours=h, minutes=1))
        backup.auto_backup()
    assert len(backup.list_backups(out)) < 45


def test_restore_says_what_it_will_lose(rules_db, tmp_path, clock, make_staff):
    admin = make_staff("admin")
    out = tmp_path / "backups"
    out.mkdir()
    taken = backup.make_backup(out, actor=admin).path
    clock.freeze(T0 + dt.timedelta(hours=2))
    for i in range(3):
        audit.record(admin, "view", "patient", str(i), {})
    Department.create(code="new", name_zh="新科", name_en="New", short_zh="新", short_en="NW")
    loss = backup.restore_preview(taken)
    assert loss.taken_at == T0
    assert loss.audit_entries == 3 + 1 and loss.visits == 0  # + the backup's own entry
    assert "08:30" in loss.message().replace("08:30:00", "08:30")


def test_restore_keeps_the_audit_entries_made_since_the_backup(rules_db, tmp_path, clock,
                                                               make_staff):
    admin = make_staff("admin")
    out = tmp_path / "backups"
    out.mkdir()
    taken = backup.make_backup(out, actor=admin).path
    clock.freeze(T0 + dt.timedelta(hours=2))
    for i in range(20):
        audit.record(admin, "view", "patient", str(i), {"screen": "desk"})
    backup.restore(taken, actor=admin)
    views = AuditLog.select().where(AuditLog.action == "view")
    assert views.count() == 20
    assert {e.entity_id for e in views} == {str(i) for i in range(20)}
    assert all(e.at == T0 + dt.timedelta(hours=2) for e in views)
    con = sqlite3.connect(taken)  # the backup itself is untouched
    assert con.execute("SELECT count(*) FROM audit_log WHERE action='view'").fetchone()[0] == 0
    con.close()
