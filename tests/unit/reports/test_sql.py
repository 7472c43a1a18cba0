"""The report's SQL is served by indexes: no full scans of visits or events, whatever the size."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.db.models import database_proxy
from frontdesk.reports import queries, sql
from frontdesk.reports.access import SYSTEM
from frontdesk.reports.daily import build_daily
from frontdesk.reports.range import build_range


@pytest.fixture
def captured(monkeypatch):
    seen: list[tuple[str, tuple]] = []
    real_rows = sql.rows

    def spy(query, *params):
        seen.append((query, params))
        return real_rows(query, *params)

    monkeypatch.setattr(queries, "rows", spy)
    monkeypatch.setattr(queries, "one", lambda q, *p: (spy(q, *p) or [()])[0])
    return seen


def plans(seen) -> list[tuple[str, list[str]]]:
    out = []
    for query, params in seen:
        cur = database_proxy.execute_sql("EXPLAIN QUERY PLAN " + sql.prepare(query),
                                         tuple(sql._param(p) for p in params))
        out.append((query.strip().splitlines()[0], [r[3] for r in cur.fetchall()]))
    return out


def test_every_report_query_uses_the_indexes(fx, captured):
    build_daily(fx.day, actor=SYSTEM, today=fx.today)
    build_range(fx.day - dt.timedelta(days=30), fx.day, actor=SYSTEM, today=fx.today)
    assert len(captured) > 20
    for first_line, plan in plans(captured):
        for step in plan:
            assert not step.startswith(("SCAN v", "SCAN e", "SCAN a ")), (first_line, plan)
            assert "visit_stage" not in step, (first_line, plan)
        text = " ".join(plan)
        if " visit v" in first_line or "FROM visit v" in first_line:
            assert "visit_visit_date" in text, (first_line, plan)
    flow = next(p for q, p in plans(captured) if q.startswith("WITH t AS"))
    assert any("visit_visit_date" in s for s in flow)
    assert any("visit_event_visit_id" in s for s in flow)


def test_percentiles_on_odd_even_and_single_counts(fx):
    # 11-17 has one door→doctor visit: median and p90 are that visit
    [one] = [f for f in queries.flow_times(dt.date(2026, 11, 17), dt.date(2026, 11, 17))
             if f.segment == "door_doctor"]
    assert (one.count, one.median_s, one.p90_s) == (1, 1200.0, 1200.0)
    # the fixture day: an even count (4) averages the middle two; p90 is the 4th of 4
    four = queries.flow_times(fx.day, fx.day)[3]
    assert (four.count, four.median_s, four.p90_s) == (4, 1500.0, 3000.0)
