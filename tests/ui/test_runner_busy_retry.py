"""Another station holds SQLite's write lock: the runner says so at once, then tries again.

A real database file is locked by a second sqlite3 connection (BEGIN IMMEDIATE), as
another desk's save does. The call at once gives up after a brief wait (the lock is
still held when it returns), tells on_error, and the worker runs the step again once
the lock is released.
"""

from __future__ import annotations

import sqlite3

import pytest

from frontdesk.changes import Changed, changes
from frontdesk.db.busy import UI_LOCK_WAIT_MS, brief_lock_wait, lock_refused
from frontdesk.db.connection import SQLITE_PRAGMAS
from frontdesk.db.models import Setting, database_proxy
from frontdesk.errors import BusyRetrying, ConflictError, DatabaseBusy


@changes(Changed.SETTINGS)
def _save(value: str) -> str:
    with database_proxy.atomic():
        Setting.insert(key="test.busy", value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}).execute()
    return value


def _busy_timeout() -> int:
    return database_proxy.execute_sql("PRAGMA busy_timeout").fetchone()[0]


def _saved() -> str | None:
    row = Setting.get_or_none(Setting.key == "test.busy")
    return row.value if row else None


@pytest.fixture
def app_ctx(db):
    from frontdesk.ui.context import AppContext

    context = AppContext(db_url=str(db.database))
    yield context
    context.tasks.wait()


@pytest.fixture
def other_desk(db):
    """Another station's connection to the same file; `.execute("BEGIN IMMEDIATE")` locks it."""
    conn = sqlite3.connect(db.database, isolation_level=None, timeout=0)
    yield conn
    if conn.in_transaction:
        conn.rollback()
    conn.close()


def test_the_ui_thread_waits_briefly_the_worker_the_full_timeout(qtbot, app_ctx):
    assert app_ctx.run(_busy_timeout) == UI_LOCK_WAIT_MS
    assert _busy_timeout() == SQLITE_PRAGMAS["busy_timeout"]  # only for the call
    on_worker = []
    app_ctx.run(_busy_timeout, background=True, on_done=on_worker.append,
                on_error=pytest.fail)
    qtbot.waitUntil(lambda: bool(on_worker), timeout=5000)
    assert on_worker == [SQLITE_PRAGMAS["busy_timeout"]]
    with brief_lock_wait(40):
        assert _busy_timeout() == 40
    assert _busy_timeout() == SQLITE_PRAGMAS["busy_timeout"]


def test_a_step_refused_by_the_lock_is_told_then_run_again(qtbot, app_ctx, other_desk):
    order: list = []
    app_ctx.changes.settings_changed.connect(lambda: order.append("settings_changed"))
    other_desk.execute("BEGIN IMMEDIATE")  # another desk is saving
    result = app_ctx.run(_save, "after the wait", on_done=lambda r: order.append(("done", r)),
                         on_error=order.append)
    assert result is None
    assert other_desk.in_transaction  # it returned while the lock was still held
    assert len(order) == 1 and type(order[0]) is BusyRetrying, order
    assert isinstance(order[0], DatabaseBusy)  # screens that know only that still say it
    assert order[0].msg.en == "Another station is saving; trying again…"
    assert order[0].msg.zh == "另一台电脑正在保存，稍候自动重试…"

    other_desk.rollback()  # the other desk is done
    qtbot.waitUntil(lambda: "settings_changed" in order, timeout=10000)
    assert order[1:] == [("done", "after the wait"), "settings_changed"]
    assert _saved() == "after the wait"


def test_a_conflict_is_never_run_again(qtbot, app_ctx):
    calls, done, errors = [], [], []

    @changes(Changed.VISITS)
    def moved_elsewhere():
        calls.append(1)
        raise ConflictError("已被其他导医台修改", "changed elsewhere")

    with qtbot.waitSignal(app_ctx.changes.visits_changed, timeout=0):
        app_ctx.run(moved_elsewhere, on_done=done.append, on_error=errors.append)
    app_ctx.tasks.wait()
    qtbot.wait(50)  # anything queued by the worker would arrive now
    assert calls == [1] and done == []
    assert [type(e) for e in errors] == [ConflictError]


def test_a_retry_that_meets_a_conflict_says_so(qtbot, app_ctx, other_desk):
    """The worker's run is refused like any call: on_error, and the conflict's signals."""
    calls, done, errors = [], [], []

    @changes(Changed.VISITS)
    def step():
        calls.append(1)
        if len(calls) == 1:
            return _save("first try")  # meets the lock
        raise ConflictError("已被其他导医台修改", "changed elsewhere")

    other_desk.execute("BEGIN IMMEDIATE")
    app_ctx.run(step, on_done=done.append, on_error=errors.append)
    assert [type(e) for e in errors] == [BusyRetrying]
    other_desk.rollback()
    with qtbot.waitSignal(app_ctx.changes.visits_changed, timeout=10000):
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=10000)
    assert type(errors[1]) is ConflictError and done == [] and calls == [1, 1]
    assert _saved() is None


def test_without_both_callbacks_the_lock_is_refused_as_before(qtbot, app_ctx, other_desk):
    other_desk.execute("BEGIN IMMEDIATE")
    errors = []
    assert app_ctx.run(_save, "x", on_error=errors.append) is None  # reads the result now
    assert [type(e) for e in errors] == [DatabaseBusy]
    assert lock_refused(errors[0].__cause__)
    with pytest.raises(DatabaseBusy):
        app_ctx.run(_save, "x")
    app_ctx.tasks.wait()
    other_desk.rollback()
    qtbot.wait(50)
    assert _saved() is None  # nothing was run again


def test_a_lock_message_without_the_drivers_code_is_not_run_again():
    assert not lock_refused(sqlite3.OperationalError("database is locked"))
    assert not lock_refused(None)
