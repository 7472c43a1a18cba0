"""Schema, rules and the demo hospital on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from frontdesk.db import migrations
from frontdesk.db.models import ALL_MODELS, SchemaVersion

pytestmark = pytest.mark.postgres


def test_migrations_create_every_table_and_stamp_the_version(pg_db):
    tables = set(pg_db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert migrations.current_version(pg_db) == migrations.latest_version()
    assert [r.version for r in SchemaVersion.select()] == [migrations.latest_version()]


def key_collation(db) -> str | None:
    return db.execute_sql(
        "SELECT collation_name FROM information_schema.columns "
        "WHERE table_name = 'patient_search_key' AND column_name = 'key'").fetchone()[0]


def test_new_database_has_byte_ordered_search_keys(pg_db):
    assert key_collation(pg_db) == "C"
    indexes = [r[0] for r in pg_db.execute_sql(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'patient_search_key'")]
    assert any("(key, patient_id)" in i for i in indexes), indexes


def test_version_2_database_is_upgraded_in_place(pg_url):
    """A server database made by the previous release (schema 2) gets step 3 on opening."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    db = connection.connect(pg_url)
    migrations.migrate(db, migrations=migrations.MIGRATIONS[:2])
    db.execute_sql("ALTER TABLE patient_search_key ALTER COLUMN key TYPE VARCHAR(64) "
                   "COLLATE \"default\"")
    assert migrations.current_version(db) == 2 and key_collation(db) is None
    connection.close()
    db = open_database(pg_url)
    assert migrations.current_version(db) == migrations.latest_version() >= 3
    assert key_collation(db) == "C"
    assert [r.version for r in SchemaVersion.select().order_by(SchemaVersion.version)] == [2, 3]
