"""Staffing on PostgreSQL: racing approvals of one swap and one leave, eight supervisors at
once; the swap limit holds when one person's swaps are approved together; the schema step."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from frontdesk.db.models import Fine, LeaveRequest, ShiftSwap, Staff, database_proxy
from frontdesk.errors import ConflictError
from frontdesk.staffing import leave, ledger, roster, swaps
from tests.helpers.races import race

pytestmark = pytest.mark.postgres
MON = dt.date(2026, 11, 23)
SUPERVISORS = 8


@pytest.fixture
def team(pg_rules_db, pg_make_staff, clock):
    bosses = [pg_make_staff("supervisor", name=f"主管{i}") for i in range(SUPERVISORS)]
    desk = pg_make_staff("desk", name="李静")
    guide = pg_make_staff("guide", name="王悦")
    roster.set_day(actor=bosses[0], staff_id=desk.id, day=MON, shifts=["day"])
    roster.set_day(actor=bosses[0], staff_id=guide.id, day=MON, shifts=["late"])
    return bosses, desk, guide


def _race(bosses, op) -> list:
    """Each boss at their own PC (a thread, its own connection), released together: what
    each got — the result, a ConflictError, or ("raw", repr) for a raw driver error."""
    results, told, errors = race([lambda i=b.id: op(Staff.get_by_id(i)) for b in bosses])
    return [*results, *told, *(("raw", repr(e)) for e in errors)]


def test_eight_supervisors_approve_one_swap_one_wins(team):
    bosses, desk, guide = team
    line = swaps.request_swap(actor=desk, day=MON, shift_code="day", partner_id=guide.id,
                              partner_day=MON, partner_shift_code="late")
    results = _race(bosses, lambda a: swaps.decide(actor=a, swap_id=line.id, approve=True))
    wins = [r for r in results if isinstance(r, swaps.SwapLine)]
    assert len(wins) == 1 and len(results) == SUPERVISORS
    assert all(isinstance(r, ConflictError) for r in results if r not in wins), results
    assert ShiftSwap.get_by_id(line.id).decided_by_id in {b.id for b in bosses}
    assert roster.on_shift(MON) == [("王悦", "day"), ("李静", "late")]


def test_eight_supervisors_decide_one_leave_one_wins_and_one_fine(team):
    bosses, desk, _ = team
    line = leave.request_leave(actor=desk, kind="personal", start=MON)  # late: 请假 二
    results = _race(bosses, lambda a: leave.decide(actor=a, leave_id=line.id, approve=True,
                                                   note="当天事假，特批"))
    assert len([r for r in results if isinstance(r, leave.LeaveLine)]) == 1, results
    assert LeaveRequest.get_by_id(line.id).status == "approved"
    assert Fine.select().where(Fine.rule_code == "personal_leave").count() == 1
    assert roster.on_shift(MON) == [("王悦", "late")]


def test_eight_supervisors_mark_one_fine_paid_once(team):
    bosses, desk, _ = team
    fine = ledger.record(actor=bosses[0], staff_id=desk.id, rule_code="chatting", day=MON)
    results = _race(bosses[1:], lambda a: ledger.mark_paid(actor=a, fine_id=fine.id))
    assert len([r for r in results if not isinstance(r, ConflictError)]) == 1, results


def test_one_person_asking_for_swaps_from_eight_desks_gets_the_limit(team, pg_make_staff):
    bosses, desk, guide = team
    partners = [pg_make_staff("desk", name=f"同事{i}") for i in range(SUPERVISORS)]
    days = [MON - dt.timedelta(days=i + 1) for i in range(SUPERVISORS)]
    for day in days:
        roster.set_day(actor=bosses[0], staff_id=desk.id, day=day, shifts=["day"])
    jobs = dict(zip([p.id for p in partners], days, strict=True))

    def ask(partner):  # eight desks: 李静 asks a different colleague for a different day
        return swaps.request_swap(actor=Staff.get_by_id(desk.id), day=jobs[partner.id],
                                  shift_code="day", partner_id=partner.id)

    from frontdesk.errors import ValidationError

    barrier = threading.Barrier(SUPERVISORS)
    results: list = []

    def run(partner_id):
        partner = Staff.get_by_id(partner_id)
        barrier.wait()
        try:
            results.append(ask(partner))
        except ValidationError as exc:
            results.append(exc)
        finally:
            database_proxy.close()

    threads = [threading.Thread(target=run, args=(p.id,)) for p in partners]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len([r for r in results if isinstance(r, swaps.SwapLine)]) == 2, results
    assert len(results) == SUPERVISORS
    assert swaps.swaps_in_month(desk.id, MON) == 2


def test_schema_step_6_on_postgresql(pg_rules_db, tmp_path):
    from frontdesk.db import migrations
    from frontdesk.db.models import RuleItem, SchemaVersion, Setting, Shift
    from frontdesk.staffing import staffing_rules

    db = pg_rules_db
    for table in ("rule_item", "rest_day", "shift_swap", "leave_request"):
        db.execute_sql(f"DROP TABLE {table}")
    for column in ("rule_code", "acknowledged_at", "paid_at"):
        db.execute_sql(f"ALTER TABLE fine DROP COLUMN {column}")
    Shift.delete().where(Shift.code.startswith("office_")).execute()
    Setting.delete().where(Setting.key == "rules.staffing").execute()
    SchemaVersion.delete().where(SchemaVersion.version > 5).execute()
    SchemaVersion.insert(version=5, app_version="0.1.0").on_conflict_ignore().execute()
    migrations.migrate(db, backup_dir=tmp_path)
    assert {"rule_item", "rest_day", "shift_swap", "leave_request"} <= set(db.get_tables())
    assert {"rule_code", "paid_at"} <= {c.name for c in db.get_columns("fine")}
    assert RuleItem.select().where(RuleItem.code == "chatting").exists()
    assert staffing_rules.current().swaps_per_month == 2
    assert Shift.select().where(Shift.code == "office_summer").exists()


def test_eight_supervisors_setting_one_roster_day_at_once(team):
    """The same cell typed at eight PCs: one row per shift, never a raw driver error."""
    bosses, desk, _ = team
    results = _race(bosses, lambda actor: roster.set_day(actor=actor, staff_id=desk.id,
                                                         day=MON, shifts=["late"]))
    assert not [r for r in results if isinstance(r, tuple)], results
    from frontdesk.db.models import Shift, ShiftAssignment

    rows = (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
            .where(ShiftAssignment.staff == desk.id, ShiftAssignment.date == MON))
    assert [a.shift.code for a in rows] == ["late"]


def test_two_admins_saving_amber_and_red_at_once_on_postgres(pg_rules_db, pg_make_staff, monkeypatch):
    """Each half is valid against the stored other half, not together: on READ COMMITTED
    both checks passed and amber 18 / red 15 was stored; now the second is told."""
    from frontdesk.reception import urgency
    from tests.helpers.settings_races import amber_and_red_at_once

    saved, told, errors = amber_and_red_at_once(pg_make_staff("admin"), monkeypatch)
    assert errors == [] and len(saved) == 1 and len(told) == 1
    assert all(t.amber < t.red for t in urgency.thresholds().values())
