"""Another station, in a process of its own: `python -m tests.helpers.live_station URL N`.

It opens the database, says "ready", and for each line "go" on stdin greets N new
arrivals at the door (each its own transaction), then says "done"; for "take" the desk
takes the last of them (a change that names its visit) and says "took <visit id>". The live-update
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
    desk = Staff.get_or_none(Staff.role == "desk")
    print("ready", flush=True)
    view = None
    for line in sys.stdin:
        if line.strip() == "take":
            view = reception.take_at_desk(view.id, actor=desk, expected_version=view.version)
            print(f"took {view.id}", flush=True)
            continue
        if line.strip() != "go":
            break
        for _ in range(count):
            view = reception.new_arrival(actor=guide, booked=False, first_visit=True)
        print("done", flush=True)
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
