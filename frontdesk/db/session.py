"""Open, migrate and close the app's database in one call."""

from __future__ import annotations

from peewee import Database

from frontdesk.db import connection, migrations


def open_database(url: str, *, backup_dir=None) -> Database:
    """Connect to `url` and bring its schema up to date (errors are ConfigError)."""
    db = connection.connect(url)
    try:
        migrations.migrate(db, backup_dir=backup_dir)
    except Exception:
        db.close()
        raise
    return db
