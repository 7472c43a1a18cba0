"""Log-in, lock-out with back-off (the tests' clock), PINs, password rules, staff management."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import accounts, settings
from frontdesk.db.models import AuditLog, Staff, database_proxy
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError


def actions(staff=None) -> list[str]:
    q = AuditLog.select().order_by(AuditLog.id)
    if staff is not None:
        q = q.where(AuditLog.staff == staff)
    return [a.action for a in q]


def test_login_success_resets_counter_and_audits(make_staff):
    desk = make_staff("desk", username="amy")
    Staff.update(failed_logins=2).where(Staff.id == desk.id).execute()
    staff = accounts.login("amy", "pw123456")
    assert staff.id == desk.id
    assert Staff.get_by_id(desk.id).failed_logins == 0
    assert actions(desk) == ["login"]


@pytest.mark.parametrize("username,password,field,needle", [
    ("", "pw123456", "username", "用户名"),
    ("amy", "", "password", "密码"),
    ("nobody", "pw123456", "username", "没有这个用户名"),
    ("amy", "wrong-pass1", "password", "密码不正确"),
])
def test_login_failures_name_the_field(make_staff, username, password, field, needle):
    make_staff("desk", username="amy")
    with pytest.raises(ValidationError) as exc:
        accounts.login(username, password)
    assert exc.value.field == field
    assert needle in exc.value.message("zh_CN")
    assert exc.value.message("en") != exc.value.message("zh_CN")


def test_password_typed_as_username_is_neither_stored_nor_echoed(make_staff, tmp_path):
    # The user tabbed wrong: the password went into the username box.
    make_staff("desk", username="amy")
    typed = "Secr3tPassw0rd"
    with pytest.raises(ValidationError) as exc:
        accounts.login(typed, "x")
    assert typed not in exc.value.message("zh_CN") and typed not in exc.value.message("en")
    failed = AuditLog.get(AuditLog.action == "login_failed")
    assert typed not in failed.detail and "Secr3t" not in failed.detail
    # Not in any row and not anywhere in the file bytes (database and its write-ahead log).
    database_proxy.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("test.sqlite3*"))
    assert raw and typed.encode() not in raw


def test_wrong_password_changes_only_the_counter(make_staff):
    desk = make_staff("desk", username="amy")
    before = Staff.get_by_id(desk.id)
    with pytest.raises(ValidationError):
        accounts.login("amy", "wrong-pass1")
    after = Staff.get_by_id(desk.id)
    assert after.failed_logins == 1
    assert (after.password_hash, after.pin_hash, after.active) == (
        before.password_hash, before.pin_hash, before.active)
    assert actions(desk) == ["login_failed"]


def test_deactivated_account_cannot_log_in(make_staff):
    admin = make_staff("admin")
    desk = make_staff("desk", username="amy")
    accounts.deactivate_staff(actor=admin, staff_id=desk.id)
    with pytest.raises(ValidationError) as exc:
        accounts.login("amy", "pw123456")
    assert exc.value.field == "username"
    assert "停用" in exc.value.message("zh_CN")


def test_lockout_back_off_as_time_passes(make_staff, clock):
    settings.set("security.lockout_after", 3)
    settings.set("security.lockout_seconds", 30)
    make_staff("desk", username="amy")
    clock.freeze(dt.datetime(2026, 11, 23, 9, 0, 0))
    for _ in range(2):
        with pytest.raises(ValidationError):
            accounts.login("amy", "bad-pass1")
    with pytest.raises(accounts.LockedOut) as exc:  # third failure: wait 30 s
        accounts.login("amy", "bad-pass1")
    assert exc.value.remaining == 30
    clock.advance(seconds=10)
    # Even the right password is refused while the account waits; the wait is reported.
    with pytest.raises(accounts.LockedOut) as exc:
        accounts.login("amy", "pw123456")
    assert exc.value.remaining == 20
    assert "20" in exc.value.message("en")
    clock.advance(seconds=20)
    with pytest.raises(accounts.LockedOut) as exc:  # fourth failure: the wait doubles
        accounts.login("amy", "bad-pass1")
    assert exc.value.remaining == 60
    clock.advance(seconds=60)
    assert accounts.login("amy", "pw123456").username == "amy"
    row = Staff.get(Staff.username == "amy")
    assert row.failed_logins == 0 and row.locked_until is None


def test_lockout_wait_is_capped(make_staff, clock):
    settings.set("security.lockout_after", 1)
    settings.set("security.lockout_seconds", 600)
    make_staff("desk", username="amy")
    clock.freeze(dt.datetime(2026, 11, 23, 9, 0, 0))
    waits = []
    for _ in range(4):
        with pytest.raises(accounts.LockedOut) as exc:
            accounts.login("amy", "bad-pass1")
        waits.append(exc.value.remaining)
        clock.advance(seconds=exc.value.remaining)
    assert waits == [600, 900, 900, 900]


def test_pin_exact_length_from_setting(make_staff):
    make_staff("desk", username="amy", pin="1234")
    with pytest.raises(ValidationError) as exc:
        accounts.unlock(None, "amy", "123")
    assert "4" in exc.value.message("zh_CN")
    assert Staff.get(Staff.username == "amy").failed_logins == 0  # a typo is not a guess
    assert accounts.unlock(None, "amy", "1234").username == "amy"
    settings.set("security.pin_length", 6)
    with pytest.raises(ValidationError) as exc:
        accounts.check_pin_format("1234")
    assert "6" in exc.value.message("zh_CN")
    accounts.check_pin_format("123456")
    with pytest.raises(ValidationError):
        accounts.check_pin_format("12a456")
    with pytest.raises(ValidationError):
        accounts.check_pin_format("１２３４５６")  # full-width digits are not accepted


def test_pin_length_applies_to_new_pins_only(make_staff):
    admin = make_staff("admin", username="root")
    amy = make_staff("desk", username="amy", pin="1234")
    settings.set("security.pin_length", 6)
    # PINs set before the change keep working everywhere a PIN is typed.
    assert accounts.unlock(None, "amy", "1234").id == amy.id
    accounts.verify_pin(amy, "1234")
    with pytest.raises(ValidationError) as exc:
        accounts.verify_pin(amy, "123")  # not a PIN at all: 4-6 digits
    assert "4" in exc.value.message("zh_CN") and "6" in exc.value.message("zh_CN")
    # A PIN set or changed from now on has the configured length.
    with pytest.raises(ValidationError) as exc:
        accounts.change_pin(actor=admin, staff_id=amy.id, new_pin="4321")
    assert exc.value.field == "new_pin" and "6" in exc.value.message("zh_CN")
    with pytest.raises(ValidationError):
        accounts.create_staff(actor=admin, username="bob", display_name="Bob", role="desk",
                              password="pw123456", pin="1234")
    accounts.change_pin(actor=admin, staff_id=amy.id, new_pin="654321")
    accounts.verify_pin(amy, "654321")
    with pytest.raises(ValidationError):
        accounts.verify_pin(amy, "1234")  # the old PIN is gone


def test_verify_pin_counts_failures(make_staff, clock):
    settings.set("security.lockout_after", 2)
    desk = make_staff("desk", pin="4321")
    clock.freeze(dt.datetime(2026, 11, 23, 9, 0, 0))
    accounts.verify_pin(desk, "4321")
    with pytest.raises(ValidationError) as exc:
        accounts.verify_pin(desk, "0000")
    assert exc.value.field == "pin"
    with pytest.raises(accounts.LockedOut):
        accounts.verify_pin(desk, "0000")
    with pytest.raises(accounts.LockedOut):
        accounts.verify_pin(desk, "4321")


@pytest.mark.parametrize("secret", ["5678", "pw123456"])
def test_only_the_person_who_locked_may_unlock(make_staff, secret):
    amy = make_staff("desk", username="amy")
    make_staff("admin", username="boss", pin="5678")
    with pytest.raises(ValidationError) as exc:
        accounts.unlock(amy, "boss", secret)  # was: the admin's 4-digit PIN opened the desk as admin
    assert exc.value.field == "username" and "切换用户" in str(exc.value)
    assert accounts.unlock(amy, "amy", "1234").id == amy.id


def test_switch_user_is_a_password_log_in(make_staff):
    amy = make_staff("desk", username="amy")
    bob = make_staff("guide", username="bob", pin="5678")
    with pytest.raises(ValidationError):
        accounts.switch_user(amy, "bob", "5678")  # a PIN is not enough to take over a desk
    staff = accounts.switch_user(amy, "bob", "pw123456")
    assert staff.id == bob.id
    assert actions(amy)[-1] == "logout"
    assert actions(bob)[-2:] == ["login", "login"]


@pytest.mark.parametrize("password,needle", [
    ("short1", "至少"),
    ("onlyletters", "字母和数字"),
    ("12345678", "字母和数字"),
    ("newbie123", "用户名"),
])
def test_password_rules(password, needle, db):
    with pytest.raises(ValidationError) as exc:
        accounts.check_password_rules(password, username="newbie123")
    assert needle in exc.value.message("zh_CN")


def test_create_staff_hashes_and_audits(make_staff):
    admin = make_staff("admin")
    staff = accounts.create_staff(actor=admin, username="newbie", display_name="新人",
                                  role="guide", password="Secret123", pin="2468")
    assert staff.password_hash.startswith("$argon2id$")
    assert "Secret123" not in staff.password_hash
    assert accounts.login("newbie", "Secret123").id == staff.id
    entry = AuditLog.get((AuditLog.action == "create") & (AuditLog.entity == "staff"))
    assert entry.staff_id == admin.id and entry.entity_id == str(staff.id)
    assert "Secret123" not in entry.detail and "2468" not in entry.detail


@pytest.mark.parametrize("kwargs,field", [
    (dict(username=""), "username"),
    (dict(username="with space"), "username"),
    (dict(display_name="  "), "display_name"),
    (dict(role="janitor"), "role"),
    (dict(password="abc"), "password"),
    (dict(pin="12"), "pin"),
])
def test_create_staff_bad_input_changes_nothing(make_staff, kwargs, field):
    admin = make_staff("admin")
    base = dict(username="newbie", display_name="新人", role="guide", password="Secret123",
                pin="2468")
    base.update(kwargs)
    count = Staff.select().count()
    with pytest.raises(ValidationError) as exc:
        accounts.create_staff(actor=admin, **base)
    assert exc.value.field == field
    assert Staff.select().count() == count


def test_create_staff_duplicate_username(make_staff):
    admin = make_staff("admin", username="boss")
    with pytest.raises(ConflictError):
        accounts.create_staff(actor=admin, username="boss", display_name="x", role="desk",
                              password="Secret123", pin="2468")


def test_deactivate_keeps_history_and_delete_refuses(make_staff):
    admin = make_staff("admin")
    desk = make_staff("desk", username="amy")
    accounts.login("amy", "pw123456")  # an audit entry: that is history
    with pytest.raises(ConflictError):
        accounts.delete_staff(actor=admin, staff_id=desk.id)
    accounts.deactivate_staff(actor=admin, staff_id=desk.id)
    assert Staff.get_by_id(desk.id).active is False
    assert "deactivate" in actions(admin)
    accounts.reactivate_staff(actor=admin, staff_id=desk.id)
    assert Staff.get_by_id(desk.id).active is True


def test_delete_staff_without_history(make_staff):
    admin = make_staff("admin")
    oops = make_staff("desk", username="oops")
    accounts.delete_staff(actor=admin, staff_id=oops.id)
    assert Staff.get_or_none(Staff.username == "oops") is None


def test_cannot_deactivate_self_or_last_admin(make_staff):
    admin = make_staff("admin")
    with pytest.raises(ConflictError):
        accounts.deactivate_staff(actor=admin, staff_id=admin.id)


def test_change_own_password_needs_old_one(make_staff):
    desk = make_staff("desk", username="amy")
    with pytest.raises(ValidationError) as exc:
        accounts.change_password(actor=desk, staff_id=desk.id, old_password="nope1234",
                                 new_password="Better123")
    assert exc.value.field == "old_password"
    accounts.change_password(actor=desk, staff_id=desk.id, old_password="pw123456",
                             new_password="Better123")
    assert accounts.login("amy", "Better123").id == desk.id


def test_desk_cannot_reset_someone_elses_password(make_staff):
    desk = make_staff("desk")
    other = make_staff("guide")
    with pytest.raises(PermissionDenied):
        accounts.change_password(actor=desk, staff_id=other.id, new_password="Better123")
    admin = make_staff("admin")
    accounts.change_pin(actor=admin, staff_id=other.id, new_pin="8642")
    assert accounts.unlock(None, other.username, "8642").id == other.id


def test_no_secret_in_clear_in_the_database_file(make_staff, db):
    admin = make_staff("admin")
    accounts.create_staff(actor=admin, username="clerk", display_name="文员", role="desk",
                          password="Zebra7Quartz", pin="7391")
    accounts.change_password(actor=admin, staff_id=admin.id, new_password="Mango5Violet")
    accounts.change_pin(actor=admin, staff_id=admin.id, new_pin="8264")
    accounts.login("clerk", "Zebra7Quartz")
    accounts.unlock(None, "clerk", "7391")
    with pytest.raises(ValidationError):
        accounts.login("clerk", "Wrong9Secret")
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = open(db.database, "rb").read()
    for secret in ("Zebra7Quartz", "7391", "Mango5Violet", "8264", "Wrong9Secret"):
        assert secret.encode() not in raw, secret
        assert secret.encode("utf-16-le") not in raw, secret
    assert b"$argon2id$" in raw  # the hashes are there instead


def test_a_lock_time_that_is_no_time_does_not_stop_the_account(make_staff):
    """locked_until edited into SQLite as text ('garbage'): every login of that account
    ended in "TypeError: '<=' not supported between 'str' and 'datetime'" (a traceback at
    the login box); now it reads as no lock, and a wrong password still counts."""
    from frontdesk.db.models import Staff, database_proxy
    from frontdesk.errors import ValidationError

    staff = make_staff("desk", username="amy")
    database_proxy.obj.execute_sql("UPDATE staff SET locked_until = 'garbage' WHERE id = ?",
                                   [staff.id])
    assert Staff.get_by_id(staff.id).locked_until is None
    with pytest.raises(ValidationError):
        accounts.login("amy", "wrong-pass-1")
    assert accounts.login("amy", "pw123456").id == staff.id
