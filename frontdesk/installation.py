"""Setting up a real installation: the hospital's name, the house rules, the first administrator.

Everything is checked before anything is written, then written in one
transaction: a half-set-up hospital (rules but no one who can log in) never exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk import accounts, rules, settings, validation
from frontdesk.db.models import Staff, database_proxy


@dataclass
class FirstAdmin:
    username: str
    display_name: str
    password: str
    pin: str


def needs_setup() -> bool:
    """The app must ask before anyone can work: no rules, or nobody who could log in."""
    return not rules.rules_loaded() or accounts.needs_first_admin()


def set_up(*, hospital_name: str | None, admin: FirstAdmin | None) -> Staff | None:
    """Load the rules and name the hospital (if not done yet) and create the first admin."""
    need_rules = not rules.rules_loaded()
    if need_rules:
        # In every title and slip: one line, no control or bidi characters, not a book.
        hospital_name = validation.hospital_name(hospital_name)
    if admin is not None:
        # Validate before any write: a bad password must not leave rules half-loaded.
        accounts.check_new_account(username=admin.username, display_name=admin.display_name)
        accounts.check_password_rules(admin.password, username=admin.username)
        accounts.check_pin_format(admin.pin)
    with database_proxy.atomic():
        if need_rules:
            rules.load_rules()
            settings.set("hospital.name", hospital_name)
        if admin is None:
            return None
        return accounts.create_first_admin(username=admin.username,
                                           display_name=admin.display_name,
                                           password=admin.password, pin=admin.pin)
