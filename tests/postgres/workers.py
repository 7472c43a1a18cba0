"""Code run in separate processes by the PostgreSQL tests (importable under `spawn`)."""

from __future__ import annotations

import datetime as dt
import traceback


def register_many(url: str, guide_id: int, desk_id: int, department_id: int, count: int,
                  at_iso: str, barrier, results) -> None:
    """One desk: `count` arrivals triaged to one department, each on its own connection.

    Puts ("ok", [queue numbers]) or ("error", traceback) on `results`.
    """
    try:
        from frontdesk import clock, reception
        from frontdesk.db import connection
        from frontdesk.db.models import Staff

        at = dt.datetime.fromisoformat(at_iso)
        clock.set_source(clock.Travel(at, frozen=True))  # both desks on one day (own process)
        connection.connect(url)
        guide, desk = Staff.get_by_id(guide_id), Staff.get_by_id(desk_id)
        barrier.wait(timeout=60)  # both desks start together
        numbers = []
        for _ in range(count):
            v = reception.new_arrival(actor=guide, booked=False, first_visit=True)
            v = reception.take_at_desk(v.id, actor=desk, expected_version=v.version)
            v = reception.triage(v.id, actor=desk, expected_version=v.version,
                                 complaint="便血一周", department_id=department_id)
            numbers.append(v.queue_no)
        connection.close()
        results.put(("ok", numbers))
    except BaseException:  # noqa: BLE001 - reported to the test, which fails with it
        results.put(("error", traceback.format_exc()))


def open_and_migrate(url: str, barrier, results) -> None:
    """One desk starting up: open (and migrate) the database at the same moment as others."""
    try:
        from frontdesk.db import connection, migrations
        from frontdesk.db.session import open_database

        barrier.wait(timeout=60)
        db = open_database(url)
        results.put(("ok", migrations.current_version(db)))
        connection.close()
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put(("error", traceback.format_exc()))
