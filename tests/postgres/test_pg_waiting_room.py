"""On PostgreSQL the display's clock is the server's (screens lose theirs after a power cut)."""

import datetime as dt

from frontdesk.queue import waiting_room


def test_display_clock_is_the_servers_not_the_apps(pg_db, clock):
    clock.freeze(dt.datetime(2001, 1, 1, 0, 0))  # the PC's clock is wrong
    server = waiting_room.server_now()
    # Whatever the real date, the server's clock is not the PC's broken one.
    assert server.year >= 2024 and server.tzinfo is None and server.microsecond == 0
