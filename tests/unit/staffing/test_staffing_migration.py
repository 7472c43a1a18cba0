"""Schema step 6: an old database (version 5) gains the staffing tables, columns and rules."""

from __future__ import annotations

import datetime as dt

from frontdesk.db import migrations
from frontdesk.db.models import Fine, RuleItem, SchemaVersion, Setting, Shift, ShiftAssignment
from frontdesk.staffing import ledger, roster, staffing_rules

STAFFING_TABLES = ("rule_item", "rest_day", "shift_swap", "leave_request")
FINE_COLUMNS = ("rule_code", "acknowledged_at", "paid_at")


def _make_version_5(db) -> int:
    for table in STAFFING_TABLES:
        db.execute_sql(f"DROP TABLE {table}")
    db.execute_sql("DROP INDEX IF EXISTS fine_rule_code")
    for column in FINE_COLUMNS:
        db.execute_sql(f"ALTER TABLE fine DROP COLUMN {column}")
    office = Shift.select().where(Shift.code.startswith("office_"))
    assert not ShiftAssignment.select().where(ShiftAssignment.shift.in_(office)).exists()
    Shift.delete().where(Shift.code.startswith("office_")).execute()
    Setting.delete().where(Setting.key == "rules.staffing").execute()
    SchemaVersion.delete().where(SchemaVersion.version > 5).execute()
    SchemaVersion.insert(version=5, app_version="0.1.0").on_conflict_ignore().execute()
    return db.execute_sql("SELECT count(*) FROM fine").fetchone()[0]


def test_step_6_on_a_populated_database(tmp_path, demo_db):
    fines_before = _make_version_5(demo_db)
    assert migrations.current_version(demo_db) == 5
    assert not {"rule_item", "leave_request"} & set(demo_db.get_tables())
    report = migrations.migrate(demo_db, backup_dir=tmp_path / "bk")
    assert report.from_version == 5 and report.to_version == migrations.latest_version()
    assert set(STAFFING_TABLES) <= set(demo_db.get_tables())
    assert set(FINE_COLUMNS) <= {c.name for c in demo_db.get_columns("fine")}
    assert "fine_rule_code" in {i.name for i in demo_db.get_indexes("fine")}
    assert Fine.select().count() == fines_before  # the old ledger is kept
    assert RuleItem.select().where(RuleItem.kind == "fine").count() >= 8
    assert staffing_rules.current().swaps_per_month == 2
    assert Shift.select().where(Shift.code == "office_winter").exists()
    # and the new tables work
    from frontdesk.db.models import Staff

    boss = Staff.get(Staff.role == "supervisor")
    desk = Staff.select().where(Staff.role == "desk").first()
    day = dt.date(2026, 11, 30)
    roster.set_day(actor=boss, staff_id=desk.id, day=day, rest=True)
    assert roster.week(actor=boss, monday=day).cell(desk.id, day).rest
    assert ledger.record(actor=boss, staff_id=desk.id, rule_code="chatting",
                         day=dt.date(2026, 11, 23)).amount_fen == 1000


def test_step_6_on_a_database_without_rules_leaves_them_to_init(tmp_path, db):
    _make_version_5(db)
    migrations.migrate(db, backup_dir=tmp_path / "bk")
    assert set(STAFFING_TABLES) <= set(db.get_tables())
    assert RuleItem.select().count() == 0  # `frontdesk init` loads every rules file
