"""Who a test reads back as: domain reads of patient data need a staff member."""

from __future__ import annotations

from frontdesk.db.models import Staff


def viewer() -> Staff:
    """An active desk-side staff row already in the test's database (may view patients).

    Tests that read back what a step stored pass it as `actor`; the permission
    tests pass None or a deactivated member instead.
    """
    row = (Staff.select()
           .where((Staff.active == True) & Staff.role.in_(("desk", "supervisor", "guide")))  # noqa: E712
           .order_by(Staff.id).first())
    if row is None:
        row = Staff.create(username="reader", display_name="reader", role="desk",
                           password_hash="-", pin_hash="-")
    return row
