"""Running the report's raw SQL on SQLite (the default) or PostgreSQL.

The statistics are aggregates the database computes (GROUP BY, window
functions); only two expressions differ between the engines: the hour of a
timestamp and the seconds between two timestamps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import PostgresqlDatabase

from frontdesk.db.models import database_proxy


def _is_postgres() -> bool:
    return isinstance(database_proxy.obj, PostgresqlDatabase)


def hour_of(column: str) -> str:
    """SQL for the hour (0-23) of a timestamp column."""
    if _is_postgres():
        return f"CAST(EXTRACT(HOUR FROM {column}) AS INTEGER)"
    return f"CAST(strftime('%H', {column}) AS INTEGER)"


def seconds_between(start: str, end: str) -> str:
    """SQL for the seconds from timestamp `start` to `end`."""
    if _is_postgres():
        return f"EXTRACT(EPOCH FROM ({end} - {start}))"
    return f"ROUND((julianday({end}) - julianday({start})) * 86400.0)"


def read_transaction():
    """One snapshot for all of a report's statements.

    SQLite's transaction reads one snapshot already; PostgreSQL's default READ
    COMMITTED lets a desk's commit land between two sections (totals 7, by
    department 8), so there the report reads under REPEATABLE READ. On SQLite it
    is DEFERRED, not the connection's IMMEDIATE: a report only reads, and must not
    hold the write lock (and keep the desks waiting) while it runs.
    """
    if _is_postgres():
        return database_proxy.atomic(isolation_level="REPEATABLE READ")
    return database_proxy.atomic("DEFERRED")


def _param(value: Any) -> Any:
    # SQLite keeps peewee's DateField/DateTimeField as ISO text; compare like with like.
    if not _is_postgres() and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if not _is_postgres() and isinstance(value, dt.date):
        return value.isoformat()
    return value


# A parameter in report SQL is written `{p}` (or `{P}` inside an f-string) and filled with
# the driver's own marker (`db.param`: ? on SQLite, %s on PostgreSQL) when the query runs,
# the convention of every other raw query (frontdesk.reception.views).
P = "{p}"


def prepare(sql: str) -> str:
    """`sql` with each `{p}` replaced by the connected driver's parameter marker."""
    return sql.format(p=database_proxy.obj.param)


def rows(sql: str, *params: Any) -> list[tuple]:
    """Run `sql` with a `{p}` for each parameter; return all rows."""
    sql = prepare(sql)
    cursor = database_proxy.execute_sql(sql, tuple(_param(p) for p in params))
    return cursor.fetchall()


def one(sql: str, *params: Any) -> tuple:
    found = rows(sql, *params)
    return found[0] if found else ()


def to_datetime(value: Any) -> dt.datetime | None:
    """A timestamp as returned by the driver (text on SQLite) as a datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    text = str(value)
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def flag(column: str) -> str:
    """1 when a boolean column is true, else 0 (SUM over booleans differs between engines)."""
    return f"CASE WHEN {column} THEN 1 ELSE 0 END"
