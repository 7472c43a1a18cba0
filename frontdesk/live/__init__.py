"""Live updates between stations (no Qt): what other stations committed, within a second.

Every committed domain write leaves a row in the change log (frontdesk/db/change_log.py).
A station follows that log from the last seq it saw:

- PostgreSQL (`server.ServerListen`): one psycopg2 connection that LISTENs to the NOTIFY
  each writing transaction sends; after a reconnect it re-reads the log since its last seq;
- SQLite (`local.SqliteWatch`): ``PRAGMA data_version`` a few times a second on a
  connection of its own, then the log since the last seq;

and `feed.LiveFeed` runs either on a thread of its own, with a slow sweep of the log as a
safety net, and hands batches of `log.Change` (each seq exactly once) and "connected / lost"
to callbacks. The UI turns them into its change signals (frontdesk/ui/shell/live.py).
"""

from frontdesk.live.feed import LiveFeed
from frontdesk.live.log import Change

__all__ = ["Change", "LiveFeed"]
