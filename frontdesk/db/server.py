"""The PostgreSQL database class the desks use: it outlives a server restart.

psycopg2 does not reconnect by itself, and peewee keeps handing out a
connection the server has dropped: after a restart of the server (updates, a
power cut) every action on every desk failed until the app was restarted.
Here a dropped connection is replaced the next time it is needed, and a
transaction whose BEGIN meets a dropped connection starts again on a fresh
one (nothing has been done in it yet). A statement that fails half-way
through a transaction is never retried: the transaction fails as a whole and
the desk says so; the next action reconnects.
"""

from __future__ import annotations

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from frontdesk.db.change_log import ServerLog


class ServerDatabase(ServerLog, PostgresqlDatabase):
    """PostgresqlDatabase that replaces a connection the server has dropped (and whose
    commits leave a change_log row and a NOTIFY for the other stations: db/change_log.py)."""

    def _drop_if_dead(self) -> bool:
        """Forget this thread's connection if the server dropped it; True if it did."""
        if self.is_closed() or self.in_transaction():
            return False
        if self.is_connection_usable():
            return False
        self.close()
        return True

    def cursor(self, named_cursor=None):
        self._drop_if_dead()  # peewee's cursor() then connects afresh (autoconnect)
        return super().cursor(named_cursor)

    def begin(self, *args, **kwargs):
        try:
            return super().begin(*args, **kwargs)
        except (OperationalError, InterfaceError):
            # BEGIN on a connection dropped since its last use: safe to start over.
            if not self._drop_if_dead():
                raise
            return super().begin(*args, **kwargs)
