"""Staff accounts: log-in with lock-out, PINs, password rules, creating and deactivating staff.

Every failure is a FrontdeskError naming the form field it belongs to, so the
log-in and lock screens can show it right there. Failed attempts count per
account; after `security.lockout_after` of them in a row the account must wait
`security.lockout_seconds`, doubling with each further failure (capped), and
the wait is enforced here, not in a dialog. Secrets are only ever handed to
auth.hash_secret / verify_secret and never logged or audited.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from frontdesk import audit, clock, settings
from frontdesk.accounts import auth
from frontdesk.changes import Changed, changes
from frontdesk.db.models import (
    AuditLog,
    Fine,
    GroomingCheck,
    HandoverNote,
    Payment,
    ShiftAssignment,
    SignIn,
    Staff,
    Visit,
    VisitEvent,
    database_proxy,
)
from frontdesk.db.transaction import write_tx
from frontdesk.errors import (
    ConflictError,
    FrontdeskError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from frontdesk.i18n import Msg
from frontdesk.permissions import ROLES, Perm, Role, require
from frontdesk.permissions import role_name as _role_name
from frontdesk.validation import clean_label, lookup_code, lookup_id

MAX_LOCKOUT_SECONDS = 15 * 60
PIN_LENGTHS = (4, 5, 6)
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{2,40}$")
MAX_NAME = 40


class LockedOut(FrontdeskError):
    """Too many failed attempts: the account must wait `remaining` seconds."""

    def __init__(self, remaining: int, field: str = "password"):
        self.remaining = remaining
        minutes, seconds = divmod(remaining, 60)
        zh_wait = f"{minutes} 分 {seconds} 秒" if minutes else f"{seconds} 秒"
        en_wait = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
        super().__init__(
            f"密码或 PIN 码输错次数过多，该账号已暂时锁定。请 {zh_wait} 后再试，或请管理员协助。",
            f"Too many wrong attempts: this account is locked for now. Try again in {en_wait}, "
            "or ask an administrator.",
            field=field,
        )




# --- checks on input -------------------------------------------------------


def pin_length() -> int:
    length = int(settings.get("security.pin_length"))
    return length if length in PIN_LENGTHS else 4


def check_pin_entry(pin: str, *, field: str = "pin") -> None:
    """A PIN typed to sign in or confirm: 4-6 ASCII digits, whatever the length setting says.

    The setting applies when a PIN is set; PINs set before it changed must keep working.
    """
    lo, hi = PIN_LENGTHS[0], PIN_LENGTHS[-1]
    if not pin:
        raise ValidationError("请输入 PIN 码。", "Enter the PIN.", field=field)
    if not (lo <= len(pin) <= hi and pin.isascii() and pin.isdigit()):
        raise ValidationError(f"PIN 码是 {lo}–{hi} 位数字。", f"A PIN is {lo}-{hi} digits.",
                              field=field)


def check_pin_format(pin: str, *, field: str = "pin") -> None:
    """A new PIN (set or changed) is exactly `security.pin_length` digits (ASCII 0-9 only)."""
    n = pin_length()
    if not pin or not isinstance(pin, str):
        raise ValidationError("请输入 PIN 码。", "Enter the PIN.", field=field)
    if len(pin) != n or not (pin.isascii() and pin.isdigit()):
        raise ValidationError(f"PIN 码必须正好是 {n} 位数字。", f"The PIN must be exactly {n} digits.",
                              field=field)


def check_password_rules(password: str, *, username: str = "", field: str = "password") -> None:
    """At least `security.min_password_length` characters, letters and digits, not the username."""
    n = int(settings.get("security.min_password_length"))
    if not password or not isinstance(password, str):
        raise ValidationError("请输入密码。", "Enter a password.", field=field)
    if len(password) < n:
        raise ValidationError(f"密码至少需要 {n} 个字符。", f"The password needs at least {n} characters.",
                              field=field)
    if not (any(c.isalpha() for c in password) and any(c.isdigit() for c in password)):
        raise ValidationError("密码必须同时包含字母和数字。", "The password must contain letters and digits.",
                              field=field)
    if username and password.lower() == username.lower():
        raise ValidationError("密码不能与用户名相同。", "The password must not be the username.",
                              field=field)


def _check_username(username: str) -> str:
    if not isinstance(username, str):
        raise ValidationError("用户名应为文字。", "A username must be text.", field="username")
    username = username.strip()
    if not username:
        raise ValidationError("请输入用户名。", "Enter a username.", field="username")
    if not USERNAME_RE.match(username):
        raise ValidationError("用户名只能用 2–40 个英文字母、数字或 . _ -。",
                              "A username is 2-40 letters, digits or . _ -.", field="username")
    return username


# --- log-in, unlock, switch user --------------------------------------------


SECRET_MAX = 1024  # longer than any password typed; argon2 would still hash it


def _typable(secret) -> bool:
    """A password or PIN as a keyboard types it: text, no control characters or lone
    surrogates (which cannot be hashed), not a pasted page."""
    return isinstance(secret, str) and len(secret) <= SECRET_MAX and not any(
        unicodedata.category(ch) in ("Cc", "Cs") for ch in secret)


def _typed_username(username) -> str:
    """What was typed in the username box, trimmed; "" for anything that is no username
    (not text, control characters, a pasted page)."""
    return lookup_code(username.strip()) if isinstance(username, str) else ""


def _find(username: str) -> Staff | None:
    return Staff.get_or_none(Staff.username == username.strip())


def _remaining_lock(staff: Staff, now: dt.datetime) -> int:
    if staff.locked_until is None or staff.locked_until <= now:
        return 0
    return max(1, int((staff.locked_until - now).total_seconds() + 0.999))


_MAX_COUNT = 30000  # failed_logins is a SMALLINT: stop counting long before it overflows


def _register_failure(staff: Staff, now: dt.datetime, how: str,
                      action: str = "login_failed") -> None:
    """Count a failed attempt; from the threshold on, the account waits, twice as long each time.

    The count is one atomic UPDATE … RETURNING: desks failing at the same moment each
    add one (read-then-write lost updates: 40 failures audited, 5 stored). The row
    stays locked to the end of the caller's (short) transaction, so the lock time
    written last belongs to the highest count.
    """
    after = max(1, int(settings.get("security.lockout_after")))
    base = max(1, int(settings.get("security.lockout_seconds")))
    db = database_proxy.obj
    p = db.param
    rows = db.execute_sql(
        f"UPDATE staff SET failed_logins = CASE WHEN failed_logins < {p} "
        f"THEN failed_logins + 1 ELSE failed_logins END WHERE id = {p} "
        "RETURNING failed_logins, locked_until", [_MAX_COUNT, staff.id]).fetchall()
    if not rows:
        return  # the account was deleted meanwhile: nothing to count
    failures, locked_until = rows[0][0], Staff.locked_until.python_value(rows[0][1])
    if failures >= after:
        wait = min(MAX_LOCKOUT_SECONDS, base * 2 ** min(failures - after, 20))
        locked_until = now + dt.timedelta(seconds=wait)
        Staff.update(locked_until=locked_until).where(Staff.id == staff.id).execute()
    staff.failed_logins, staff.locked_until = failures, locked_until
    audit.record(staff, action, "staff", staff.id,
                 {"username": staff.username, "via": how, "failures": failures})



def authenticate(username: str, secret: str, *, allow_pin: bool = False, purpose: str = "login") -> Staff:
    """Check `username` and a password (or, with allow_pin, a PIN); return the Staff row.

    Raises ValidationError at the field concerned, or LockedOut. Only the
    failure counter and the audit trail change on failure (committed before the
    error is raised: they must survive). The slow hash check runs outside any
    transaction, so a log-in never holds the database's write lock while it hashes.
    """
    username = _typed_username(username)
    if not username:
        raise ValidationError("请输入用户名。", "Enter your username.", field="username")
    if secret is not None and not _typable(secret):
        raise ValidationError("密码中有无法识别的字符，请重新输入。",
                              "The password has characters that cannot be typed; type it again.",
                              field="password")
    if not secret:
        if allow_pin:
            raise ValidationError("请输入密码或 PIN 码。", "Enter your password or PIN.", field="password")
        raise ValidationError("请输入密码。", "Enter your password.", field="password")
    at = clock.now()
    staff, error = _attempt(username, secret, allow_pin, at, purpose)
    if error is not None:
        raise error
    return staff


def _attempt(username: str, secret: str, allow_pin: bool, at: dt.datetime, purpose: str
             ) -> tuple[Staff | None, FrontdeskError | None]:
    staff = _find(username)
    if staff is None:
        auth.verify_secret(_dummy_hash(), secret)  # same cost as a real check: no probing by timing
        # What was typed may be a password in the wrong box: keep only its length, never the text,
        # in the audit trail and in the message (which can end up in logs or screenshots).
        with write_tx():
            audit.record(None, "login_failed", "staff", "",
                         {"typed_length": len(username.strip()), "reason": "unknown"})
        return None, ValidationError(
            "没有这个用户名的员工。请检查拼写。",
            "There is no staff member with this username. Check the spelling.", field="username")
    if not staff.active:
        with write_tx():
            audit.record(staff, "login_failed", "staff", staff.id, {"reason": "deactivated"})
        return None, ValidationError(
            "该账号已停用，不能登录。请联系管理员。",
            "This account is deactivated and cannot log in. Ask an administrator.", field="username")
    remaining = _remaining_lock(staff, at)
    if remaining:
        return None, LockedOut(remaining)
    # Passwords must contain letters, so an all-digit secret can only be meant as a PIN.
    is_pin = allow_pin and secret.isascii() and secret.isdigit()
    if is_pin:
        try:
            # A PIN of the wrong length is a typo, not a guess: it does not count as a failure.
            check_pin_entry(secret, field="password")
        except ValidationError as exc:
            return None, exc
    stored = staff.pin_hash if is_pin else staff.password_hash
    ok = auth.verify_secret(stored, secret)
    if not ok:
        with write_tx():
            _register_failure(staff, at, "pin" if is_pin else "password")
        if staff.locked_until is not None and staff.locked_until > at:
            return None, LockedOut(_remaining_lock(staff, at))
        if is_pin:
            return None, ValidationError("PIN 码不正确。", "Wrong PIN.", field="password")
        return None, ValidationError("密码不正确。请注意大小写。",
                                     "Wrong password. Mind upper and lower case.", field="password")
    rehashed = _rehash_if_needed(stored, secret)
    with write_tx():
        if staff.failed_logins or staff.locked_until is not None:
            Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()
            staff.failed_logins, staff.locked_until = 0, None
        if rehashed:
            _store_rehash(staff, is_pin, stored, rehashed)
        audit.record(staff, purpose, "staff", staff.id, {"via": "pin" if is_pin else "password"})
    return staff, None


def _rehash_if_needed(stored: str, secret: str) -> str | None:
    """A fresh hash of a secret that just verified, if its stored hash uses old parameters."""
    return auth.hash_secret(secret) if auth.needs_rehash(stored) else None


def _store_rehash(staff: Staff, is_pin: bool, old: str, new: str) -> None:
    """Replace the stored hash, unless the secret was changed meanwhile (compare-and-set)."""
    column = Staff.pin_hash if is_pin else Staff.password_hash
    Staff.update({column: new}).where((Staff.id == staff.id) & (column == old)).execute()
    setattr(staff, column.name, new)


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(auth.hash_secret("not-a-real-password-0"))
    return _DUMMY[0]


def login(username: str, password: str) -> Staff:
    """Log in with username and password (the start-up dialog)."""
    return authenticate(username, password, purpose="login")


def logout(staff: Staff | None) -> None:
    if staff is not None:
        audit.record(staff, "logout", "staff", staff.id)


def record_lock(staff: Staff | None, reason: str = "idle") -> None:
    """The screen was locked (idle time-out or by hand)."""
    audit.record(staff, "lock", "session", "", {"reason": reason})


def unlock(current: Staff | None, username: str, secret: str) -> Staff:
    """Unlock the screen with a password or PIN: only the person who locked it may.

    Anyone else's PIN (even the admin's) would otherwise open the desk as that person
    on four digits. Another staff member takes over with switch_user (a password log-in).
    """
    username = _typed_username(username)
    if current is not None and username and username != current.username:
        raise ValidationError(
            f"屏幕由{current.display_name}锁定，只能由本人解锁。"
            "其他员工请点“切换用户”，用自己的密码登录。",
            f"The screen was locked by {current.display_name} and only they can unlock it. "
            "Anyone else: choose “Switch user” and log in with your password.",
            field="username")
    return authenticate(username, secret, allow_pin=True, purpose="unlock")


def switch_user(current: Staff | None, username: str, secret: str) -> Staff:
    """Hand the desk to another staff member without closing the app: a full password log-in."""
    staff = authenticate(username, secret, allow_pin=False, purpose="login")
    if current is not None and current.id != staff.id:
        with write_tx():
            audit.record(current, "logout", "staff", current.id, {"switched_to": staff.username})
            audit.record(staff, "login", "staff", staff.id, {"switched_from": current.username})
    return staff


def verify_pin(staff: Staff, pin: str) -> None:
    """Confirm a quick action (sign-in, acknowledging a grooming check) with the staff's PIN."""
    check_pin_entry(pin)
    at = clock.now()
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is None or not fresh.active:
        raise ValidationError("该账号已停用。", "This account is deactivated.", field="pin")
    remaining = _remaining_lock(fresh, at)
    if remaining:
        raise LockedOut(remaining, field="pin")
    if not auth.verify_secret(fresh.pin_hash, pin):  # the slow check: outside any transaction
        with write_tx():
            # Counted towards the lock-out like a log-in, but it was no log-in: a wrong PIN
            # while confirming (grooming, sign-in) is its own entry, not the nurse's 登录失败.
            _register_failure(fresh, at, "pin", action="pin_failed")
        if fresh.locked_until is not None and fresh.locked_until > at:
            raise LockedOut(_remaining_lock(fresh, at), field="pin")
        raise ValidationError("PIN 码不正确。", "Wrong PIN.", field="pin")
    rehashed = _rehash_if_needed(fresh.pin_hash, pin)
    if fresh.failed_logins or rehashed:
        with write_tx():
            if fresh.failed_logins:
                Staff.update(failed_logins=0, locked_until=None).where(
                    Staff.id == fresh.id).execute()
            if rehashed:
                _store_rehash(fresh, True, fresh.pin_hash, rehashed)


# --- managing staff ----------------------------------------------------------


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    display_name: str
    role: str
    sex: str
    active: bool
    locked: bool
    created_at: dt.datetime


def role_name(role: str) -> Msg:
    """The role's name in both languages (an unknown role reads as itself)."""
    return _role_name(role)


def list_staff(*, actor, include_inactive: bool = True) -> list[StaffInfo]:
    require(actor, Perm.MANAGE_STAFF)
    query = Staff.select().order_by(Staff.active.desc(), Staff.role, Staff.username)
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712 - peewee expression
    at = clock.now()
    return [StaffInfo(s.id, s.username, s.display_name, s.role, s.sex, s.active,
                      bool(s.locked_until and s.locked_until > at), s.created_at) for s in query]


@changes(Changed.STAFF)
def create_staff(*, actor, username: str, display_name: str, role: str, password: str,
                 pin: str, sex: str = "") -> Staff:
    """Add a staff member (admins only); password and PIN are stored hashed."""
    require(actor, Perm.MANAGE_STAFF)
    return _create_staff(actor, username=username, display_name=display_name, role=role,
                         password=password, pin=pin, sex=sex)


def needs_first_admin() -> bool:
    """True on a new installation: nobody could log in to create accounts."""
    return not Staff.select().where(Staff.active & (Staff.role == Role.ADMIN)).exists()


def create_first_admin(*, username: str, display_name: str, password: str, pin: str) -> Staff:
    """The installation's first administrator; refused once any active admin exists."""
    if not needs_first_admin():
        raise PermissionDenied("已有管理员账户；新账户请由管理员在“管理”中添加。",
                               "An administrator already exists; new accounts are added by an "
                               "administrator under Admin.")
    return _create_staff(None, username=username, display_name=display_name, role=Role.ADMIN,
                         password=password, pin=pin)


def check_new_account(*, username: str, display_name: str) -> tuple[str, str]:
    """The username and name of a new account, checked (before anything is written)."""
    return (_check_username(username),
            clean_label(display_name, "display_name", MAX_NAME, "员工姓名", "staff member's name"))


def _create_staff(actor, *, username: str, display_name: str, role: str, password: str,
                  pin: str, sex: str = "") -> Staff:
    # The name is shown on every screen, slip and report: one line, no ESC/BEL or bidi overrides.
    username, name = check_new_account(username=username, display_name=display_name)
    if not isinstance(role, str) or role not in ROLES:
        raise ValidationError("请选择角色。", "Choose a role.", field="role")
    if not isinstance(sex, str) or sex not in ("", "M", "F"):
        raise ValidationError("性别无效。", "Invalid sex.", field="sex")
    check_password_rules(password, username=username)
    check_pin_format(pin)
    if Staff.select().where(Staff.username == username).exists():
        raise ConflictError(f"用户名“{username}”已被使用，请换一个。",
                            f"The username '{username}' is taken; choose another.", field="username")
    password_hash, pin_hash = auth.hash_secret(password), auth.hash_secret(pin)
    with database_proxy.atomic():
        staff = Staff.create(username=username, display_name=name, role=role, sex=sex,
                             password_hash=password_hash, pin_hash=pin_hash)
        audit.record(actor, "create", "staff", staff.id,
                     {"username": username, "name": name, "role": role})
    return staff


def _get_staff(staff_id: int) -> Staff:
    staff = Staff.get_or_none(Staff.id == lookup_id(staff_id))
    if staff is None:
        raise NotFound("找不到该员工。", "No such staff member.")
    return staff


def _active_admins() -> int:
    return Staff.select().where((Staff.role == Role.ADMIN) & (Staff.active == True)).count()  # noqa: E712


@changes(Changed.STAFF)
def deactivate_staff(*, actor, staff_id: int) -> Staff:
    """Stop someone from logging in; their history (visits, fines, audit) stays intact."""
    require(actor, Perm.MANAGE_STAFF)
    with database_proxy.atomic():
        staff = _get_staff(staff_id)
        if not staff.active:
            return staff
        if staff.id == actor.id:
            raise ConflictError("不能停用自己的账号。", "You cannot deactivate your own account.")
        if staff.role == Role.ADMIN and _active_admins() <= 1:
            raise ConflictError("这是最后一位在用的管理员，不能停用。",
                                "This is the last active administrator and cannot be deactivated.")
        Staff.update(active=False).where(Staff.id == staff.id).execute()
        staff.active = False
        audit.record(actor, "deactivate", "staff", staff.id, {"username": staff.username})
    return staff


@changes(Changed.STAFF)
def reactivate_staff(*, actor, staff_id: int) -> Staff:
    require(actor, Perm.MANAGE_STAFF)
    with database_proxy.atomic():
        staff = _get_staff(staff_id)
        if staff.active:
            return staff
        Staff.update(active=True, failed_logins=0, locked_until=None).where(
            Staff.id == staff.id).execute()
        staff.active = True
        audit.record(actor, "reactivate", "staff", staff.id, {"username": staff.username})
    return staff


# Every table that points at a staff member: a row in any of them is history.
_HISTORY = (
    (AuditLog, AuditLog.staff), (Visit, Visit.escort), (VisitEvent, VisitEvent.staff),
    (Payment, Payment.confirmed_by), (SignIn, SignIn.staff), (ShiftAssignment, ShiftAssignment.staff),
    (GroomingCheck, GroomingCheck.staff), (GroomingCheck, GroomingCheck.supervisor),
    (Fine, Fine.staff), (Fine, Fine.created_by), (Fine, Fine.waived_by),
    (HandoverNote, HandoverNote.author), (HandoverNote, HandoverNote.acknowledged_by),
)


def has_history(staff_id: int) -> bool:
    return any(model.select().where(field == staff_id).exists() for model, field in _HISTORY)


def delete_staff(*, actor, staff_id: int) -> None:
    """Remove an account created by mistake; anyone with history can only be deactivated."""
    require(actor, Perm.MANAGE_STAFF)
    with database_proxy.atomic():
        staff = _get_staff(staff_id)
        if staff.id == actor.id:
            raise ConflictError("不能删除自己的账号。", "You cannot delete your own account.")
        if has_history(staff.id):
            raise ConflictError("该员工已有工作记录，不能删除，只能停用。",
                                "This staff member has history and cannot be deleted; deactivate "
                                "the account instead.")
        username = staff.username
        staff.delete_instance()
        audit.record(actor, "delete", "staff", staff_id, {"username": username})


@changes(Changed.STAFF)
def reset_lockout(*, actor, staff_id: int) -> None:
    require(actor, Perm.MANAGE_STAFF)
    with database_proxy.atomic():
        staff = _get_staff(staff_id)
        Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()
        audit.record(actor, "update", "staff", staff.id, {"lockout": "reset"})


def change_password(*, actor, staff_id: int, new_password: str, old_password: str | None = None
                    ) -> None:
    """Your own password needs the old one; an admin may set anyone's."""
    # The checks and the slow hashing first, outside the transaction: the write lock is
    # held only for the update (a hash or a library load inside it stalls every desk).
    staff = _get_staff(staff_id)
    _may_change_secret(actor, staff, old_password, field="old_password", pin=False)
    check_password_rules(new_password, username=staff.username, field="new_password")
    new_hash = auth.hash_secret(new_password)
    with write_tx():
        staff = _get_staff(staff_id)
        Staff.update(password_hash=new_hash, failed_logins=0,
                     locked_until=None).where(Staff.id == staff.id).execute()
        audit.record(actor, "update", "staff", staff.id, {"changed": "password"})


def change_pin(*, actor, staff_id: int, new_pin: str, old_secret: str | None = None) -> None:
    """Your own PIN needs your current password or PIN; an admin may set anyone's."""
    staff = _get_staff(staff_id)  # checks and hashing outside the transaction, as above
    _may_change_secret(actor, staff, old_secret, field="old_password", pin=True)
    check_pin_format(new_pin, field="new_pin")
    new_hash = auth.hash_secret(new_pin)
    with write_tx():
        staff = _get_staff(staff_id)
        Staff.update(pin_hash=new_hash).where(Staff.id == staff.id).execute()
        audit.record(actor, "update", "staff", staff.id, {"changed": "pin"})


def _may_change_secret(actor, staff: Staff, old: str | None, *, field: str, pin: bool) -> None:
    if actor is not None and actor.id == staff.id and old is not None:
        ok = auth.verify_secret(staff.password_hash, old) or (
            pin and auth.verify_secret(staff.pin_hash, old))
        if not ok:
            raise ValidationError("当前密码不正确。", "The current password is wrong.", field=field)
        return
    require(actor, Perm.MANAGE_STAFF)
