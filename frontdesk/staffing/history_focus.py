"""Whom History & fines opens on: the person with the latest check or fine of the month.

Opening on the first name of the list showed an arbitrary person's empty
tables; the supervisor usually comes to look at what just happened.
"""

from __future__ import annotations

import datetime as dt

from peewee import fn

from frontdesk.db.models import Fine, GroomingCheck
from frontdesk.permissions import Perm, require


def latest_staff(year: int, month: int, *, actor) -> int | None:
    """Id of the staff member with the most recent grooming check or fine in the month."""
    require(actor, Perm.VIEW_FINES)
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1)
    checks = (GroomingCheck.select(GroomingCheck.staff, fn.MAX(GroomingCheck.checked_at))
              .where((GroomingCheck.date >= start) & (GroomingCheck.date < end))
              .group_by(GroomingCheck.staff).tuples())
    fines = (Fine.select(Fine.staff, fn.MAX(Fine.created_at))
             .where((Fine.date >= start) & (Fine.date < end))
             .group_by(Fine.staff).tuples())
    latest: dict[int, str] = {}
    for staff_id, at in [*checks, *fines]:
        stamp = str(at)  # ISO text on SQLite, datetime on PostgreSQL: both sort as text
        if at is not None and stamp > latest.get(staff_id, ""):
            latest[staff_id] = stamp
    return max(latest, key=latest.get) if latest else None
