"""Who may build, print and export reports, and who the audit trail names.

Screens pass the logged-in staff member: the report reveals patients' phone
numbers, so `Perm.PRINT_REPORTS` (supervisors and admins) is required.

The command line and the benchmark run as :data:`SYSTEM`. Permission on the
CLI is the operating system's: whoever can run `frontdesk report` against a
database file can read that file directly, so a staff check there would only
pretend to protect anything. What the CLI does is leave a trace: every file
it writes is recorded in the audit log as done by the system (no staff row),
with the operating-system user named in the detail.
"""

from __future__ import annotations

import getpass

from frontdesk.permissions import SYSTEM, Perm, require

__all__ = ["SYSTEM", "audit_staff", "check", "printed_by"]


def check(actor) -> None:
    """Raise PermissionDenied unless `actor` is SYSTEM or may print reports."""
    if actor is SYSTEM:
        return
    require(actor, Perm.PRINT_REPORTS)


def audit_staff(actor):
    """The Staff row for the audit log: None (the system) for SYSTEM."""
    return None if actor is SYSTEM else actor


def printed_by(actor) -> str:
    """The name printed on the report's footer."""
    if actor is SYSTEM:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in a stripped container
            user = ""
        return f"system ({user})" if user else "system"
    return getattr(actor, "display_name", "") or getattr(actor, "username", "")
