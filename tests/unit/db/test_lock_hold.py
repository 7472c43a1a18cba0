"""Nothing slow happens while SQLite's write lock is held (issue 21).

The first registration of a process held the write lock 207 ms while pypinyin
loaded inside the transaction, and other desks queued behind it until their busy
timeout ran out. Structural, without timing: a trace of the connection's
statements marks each BEGIN … COMMIT/ROLLBACK; a module imported in between, or a
password hashed or checked in between, is a failure.
"""

from __future__ import annotations

import sys

import pytest

from frontdesk import accounts, reception, stages
from frontdesk.accounts import auth
from frontdesk.db.models import database_proxy
from frontdesk.errors import ValidationError
from tests.helpers.reception_flow import form, make_env, walk

HEAVY = ("pypinyin", "argon2")


class LockWatch:
    """Records what happened inside write transactions of the test's connection."""

    def __init__(self):
        self.inside = False
        self.modules_at_begin: set[str] = set()
        self.begins = 0
        self.imported_inside: set[str] = set()
        self.slow_calls_inside: list[str] = []

    def trace(self, statement: str) -> None:
        word = statement.lstrip().split(" ", 1)[0].upper()
        if word == "BEGIN":
            self.inside, self.begins = True, self.begins + 1
            self.modules_at_begin = set(sys.modules)
        elif word in ("COMMIT", "ROLLBACK", "END") and self.inside:
            self.inside = False
            self.imported_inside |= set(sys.modules) - self.modules_at_begin

    def slow(self, name: str, fn):
        def call(*args, **kwargs):
            if self.inside:
                self.slow_calls_inside.append(name)
            return fn(*args, **kwargs)
        return call


@pytest.fixture
def watch(rules_db, monkeypatch):
    # As in a fresh process: the heavy libraries are not loaded yet.
    for name in list(sys.modules):
        if name.split(".")[0] in HEAVY:
            monkeypatch.delitem(sys.modules, name)
    auth._hasher.cache_clear()
    w = LockWatch()
    for name in ("hash_secret", "verify_secret", "needs_rehash"):
        monkeypatch.setattr(auth, name, w.slow(name, getattr(auth, name)))
    conn = database_proxy.obj.connection()
    conn.set_trace_callback(w.trace)
    yield w
    conn.set_trace_callback(None)
    auth._hasher.cache_clear()


def test_first_registration_loads_pinyin_before_begin(rules_db, make_staff, clock, watch):
    env = make_env(make_staff, clock)
    v = walk(env, stages.BILLING)  # creates the patient: search keys need pypinyin
    assert "pypinyin" in sys.modules
    # The returning patient's name changes: keys are written again.
    again = walk(env, stages.REGISTRATION)
    reception.register(again.id, actor=env.desk, expected_version=again.version,
                       form=form(name="单于小明"), patient_id=v.patient_id)
    assert watch.begins > 0
    assert not {m for m in watch.imported_inside if m.split(".")[0] in HEAVY}, \
        watch.imported_inside
    assert not watch.imported_inside, watch.imported_inside  # nothing else loads either


def test_log_in_and_secrets_never_hash_inside_a_transaction(rules_db, make_staff, watch):
    admin = make_staff("admin", username="boss")
    desk = make_staff("desk", username="desk9")
    accounts.login("desk9", "pw123456")
    with pytest.raises(ValidationError):
        accounts.login("desk9", "wrong-password1")
    accounts.unlock(desk, "desk9", "1234")
    accounts.verify_pin(desk, "1234")
    accounts.create_staff(actor=admin, username="newdesk", display_name="新人", role="desk",
                          password="secret123", pin="4321")
    accounts.change_password(actor=desk, staff_id=desk.id, new_password="another123",
                             old_password="pw123456")
    accounts.change_pin(actor=desk, staff_id=desk.id, new_pin="5678", old_secret="another123")
    accounts.change_password(actor=admin, staff_id=desk.id, new_password="third1234")
    accounts.change_pin(actor=admin, staff_id=desk.id, new_pin="8765")
    accounts.login("desk9", "third1234")
    assert watch.begins > 0
    assert watch.slow_calls_inside == []
    assert not watch.imported_inside, watch.imported_inside
