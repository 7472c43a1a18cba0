"""Staff accounts: who may log in, and how (the screens: ui/shell login, lock and first
run, ui/admin staff).

staff.py  log-in with lock-out, unlock and switch user, PIN and password rules, creating,
          deactivating and deleting staff, changing secrets (re-exported here:
          `from frontdesk import accounts; accounts.login(...)`)
auth.py   password and PIN hashing (argon2id, loaded at the first hash, not at start-up);
          import it by name: `from frontdesk.accounts import auth`
"""

from frontdesk.accounts.staff import (
    MAX_LOCKOUT_SECONDS,
    MAX_NAME,
    PIN_LENGTHS,
    SECRET_MAX,
    USERNAME_RE,
    LockedOut,
    StaffInfo,
    authenticate,
    change_password,
    change_pin,
    check_new_account,
    check_password_rules,
    check_pin_entry,
    check_pin_format,
    create_first_admin,
    create_staff,
    deactivate_staff,
    delete_staff,
    has_history,
    list_staff,
    login,
    logout,
    needs_first_admin,
    pin_length,
    reactivate_staff,
    record_lock,
    reset_lockout,
    role_name,
    switch_user,
    unlock,
    verify_pin,
)

__all__ = [
    "MAX_LOCKOUT_SECONDS", "MAX_NAME", "PIN_LENGTHS", "SECRET_MAX", "USERNAME_RE", "LockedOut",
    "StaffInfo", "authenticate", "change_password", "change_pin", "check_new_account",
    "check_password_rules", "check_pin_entry", "check_pin_format", "create_first_admin",
    "create_staff", "deactivate_staff", "delete_staff", "has_history", "list_staff", "login",
    "logout", "needs_first_admin", "pin_length", "reactivate_staff", "record_lock",
    "reset_lockout", "role_name", "switch_user", "unlock", "verify_pin",
]
