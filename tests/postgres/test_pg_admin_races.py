"""Two admins take the installed triage rules at the same moment, on PostgreSQL: the
scenario of tests/unit/admin/test_take_triage_rules.py, with transactions that really run
at once (READ COMMITTED)."""

from __future__ import annotations

import pytest

from tests.unit.admin.test_take_triage_rules import two_admins_take_at_once

pytestmark = pytest.mark.postgres


def test_two_admins_take_the_installed_rules_at_once(pg_rules_db, pg_make_staff):
    two_admins_take_at_once(pg_make_staff)
