"""Open, migrate and close the app's database in one call."""

from __future__ import annotations

import sqlite3

from peewee import Database
from peewee import DatabaseError as PeeweeDatabaseError

from frontdesk.db import connection, migrations


def open_database(url: str, *, backup_dir=None, check_pages: bool = True) -> Database:
    """Connect to `url` and bring its schema up to date (errors are ConfigError)."""
    db = connection.connect(url, check_pages=check_pages)
    try:
        migrations.migrate(db, backup_dir=backup_dir)
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise connection.describe_database_error(url, exc) from exc
    except Exception:
        db.close()
        raise
    return db
