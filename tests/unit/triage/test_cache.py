"""Triage rules are cached per rules version (issue 20): a suggestion reads one setting
row, never the keyword rows, until the rules change here or at another desk."""

from __future__ import annotations

from frontdesk import triage
from frontdesk.db.models import Department, TriageKeyword, database_proxy


def codes(suggestion) -> list[str]:
    ids = {d.id: d.code for d in Department.select()}
    return [ids[d[0]] for d in suggestion.departments]


def statements(fn) -> list[str]:
    """The SQL statements `fn()` runs on this thread's connection."""
    seen: list[str] = []
    con = database_proxy.obj.connection()
    con.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        con.set_trace_callback(None)
    return seen


def test_a_suggestion_reads_no_keyword_rows_while_the_rules_are_unchanged(rules_db):
    triage.suggest("牙疼")  # builds the cache
    sql = statements(lambda: triage.suggest("肚子疼"))
    assert not [s for s in sql if "triage_keyword" in s.lower()]
    assert len([s for s in sql if "setting" in s.lower()]) == 1  # … the version, once


def test_invalidate_bumps_the_stored_version(rules_db):
    before = triage.rules_version()
    triage.invalidate()
    after = triage.rules_version()
    assert after != before
    triage.invalidate()
    assert int(triage.rules_version()) == int(after) + 1


def test_another_desks_rules_change_is_seen_at_the_next_suggestion(rules_db):
    assert "dental" not in codes(triage.suggest("吃蓝莓果"))
    dental = Department.get(Department.code == "dental")
    # Another desk adds a keyword and bumps the version (its own triage.invalidate()):
    # this process's generation counter does not move.
    TriageKeyword.create(keyword="蓝莓果", department=dental, weight=3)
    assert "dental" not in codes(triage.suggest("吃蓝莓果"))  # cached: version unchanged
    generation = triage._generation
    database_proxy.obj.execute_sql(
        "UPDATE setting SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?",
        [triage.VERSION_KEY]) if triage.rules_version() else database_proxy.obj.execute_sql(
        "INSERT INTO setting (key, value) VALUES (?, '1')", [triage.VERSION_KEY])
    assert triage._generation == generation
    assert codes(triage.suggest("吃蓝莓果"))[0] == "dental"
