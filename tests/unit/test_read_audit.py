"""Reads of patient data leave a trace: one "view" entry per screen opening or search session.

Before: patients.search (full phones), get_visit, open_visits, load_draft,
find_duplicates, the on-screen daily report and fines_for wrote nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import audit, patients, reception, stages
from frontdesk.db.models import AuditLog
from frontdesk.reports.daily import build_daily
from frontdesk.staffing import fines
from tests.helpers.reception_flow import FIXED_NOW, form, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _views(actor) -> list[tuple[str, str]]:
    q = (AuditLog.select().where((AuditLog.action == "view") & (AuditLog.staff == actor.id))
         .order_by(AuditLog.id))
    return [(a.entity, a.entity_id) for a in q]


def test_every_patient_read_is_audited(env):
    walk(env, stages.BILLING)  # a patient to find
    v = walk(env, stages.REGISTRATION)
    reception.save_draft(v.id, {"name": "张"}, actor=env.desk)
    a = env.desk2
    f = form()
    f.validate()
    reads = {
        "patient_search": lambda: patients.search("zs", actor=a),
        "visit": lambda: reception.get_visit(v.id, actor=a),
        "visit_list": lambda: reception.open_visits(actor=a),
        "visit_draft": lambda: reception.load_draft(v.id, actor=a),
        "patient_duplicates": lambda: patients.find_duplicates(f, actor=a),
    }
    for entity, call in reads.items():
        before = len(_views(a))
        call()
        assert [e for e, _ in _views(a)[before:]] == [entity], entity
    build_daily(FIXED_NOW.date(), actor=env.supervisor)
    fines.fines_for(actor=env.supervisor, year=FIXED_NOW.year, month=FIXED_NOW.month)
    assert [e for e, _ in _views(env.supervisor)] == ["report", "fines"]
    detail = AuditLog.select().where(AuditLog.entity == "patient_search").get().detail
    assert "zs" not in detail and "138" not in detail  # what was typed is not copied


def test_typing_a_search_is_one_entry_not_one_per_keystroke(env, clock):
    walk(env, stages.BILLING)
    for typed in ("z", "zh", "zha", "zhan", "zhang", "zhangs"):
        patients.search(typed, actor=env.desk)
    reception.get_visit(1, actor=env.desk)
    reception.get_visit(1, actor=env.desk)  # the same screen again, refreshed
    assert _views(env.desk).count(("patient_search", "")) == 1
    assert _views(env.desk).count(("visit", "1")) == 1
    clock.advance(audit.VIEW_COALESCE + dt.timedelta(seconds=1))
    patients.search("zhang", actor=env.desk)  # a new session later on
    assert _views(env.desk).count(("patient_search", "")) == 2
    patients.search("zhang", actor=env.desk2)  # someone else: their own entry
    assert _views(env.desk2) == [("patient_search", "")]
