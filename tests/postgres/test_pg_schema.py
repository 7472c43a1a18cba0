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
