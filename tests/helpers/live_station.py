"""Another station, in a process of its own: `python -m tests.helpers.live_station URL N`.

It opens the database, says "ready", and for each line "go" on stdin greets N new
arrivals at the door (each its own transaction), then says "done". The live-update
tests start it first (imports take a while) and measure only from "go".
"""

from __future__ import annotations

import sys


def main(url: str, count: int) -> None:
    from frontdesk import reception
    from frontdesk.db import connection
    from frontdesk.db.models import Staff

    connection.connect(url)
    guide = Staff.get(Staff.role == "guide")
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        for _ in range(count):
            reception.new_arrival(actor=guide, booked=False, first_visit=True)
        print("done", flush=True)
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
