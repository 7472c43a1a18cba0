"""Urgency on the desk: per-stage wait levels at their edges, the order, counts per stage."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontdesk import reception, settings, stages
from frontdesk.reception import urgency
from tests.helpers.actors import viewer
from tests.helpers.reception_flow import FIXED_NOW, make_env, walk

S = stages


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def at(view, stage: str, step_min: int, total_min: int | None = None, **kw):
    """The view as if it had been `step_min` minutes in `stage`, `total_min` since arrival."""
    total = step_min if total_min is None else total_min
    return dataclasses.replace(view, stage=stage,
                               stage_since=FIXED_NOW - dt.timedelta(minutes=step_min),
                               arrived_at=FIXED_NOW - dt.timedelta(minutes=total), **kw)


def test_defaults_differ_per_stage(rules_db):
    limits = urgency.thresholds()
    assert limits[S.GREETING] == urgency.Thresholds(3, 8)
    assert limits[S.REGISTRATION] == urgency.Thresholds(10, 20)
    assert set(limits) == set(urgency.COUNTED_STAGES)


@pytest.mark.parametrize(("stage", "minutes", "level"), [
    (S.GREETING, 2, "ok"), (S.GREETING, 3, "amber"), (S.GREETING, 7, "amber"),
    (S.GREETING, 8, "red"),
    (S.REGISTRATION, 9, "ok"), (S.REGISTRATION, 10, "amber"), (S.REGISTRATION, 19, "amber"),
    (S.REGISTRATION, 20, "red"),
    (S.DONE, 14, "ok"), (S.DONE, 15, "amber"), (S.DONE, 30, "red"),
    (S.LEFT, 500, "ok"),  # a closed stage is never late
])
def test_levels_at_the_edges(env, stage, minutes, level):
    v = at(walk(env, S.GREETING), stage, minutes)
    assert urgency.level(v, FIXED_NOW) == level


def test_thresholds_come_from_settings_and_a_missing_stage_keeps_its_default(env):
    settings.set("desk.amber_minutes", {"GREETING": 1})
    settings.set("desk.red_minutes", {"GREETING": 0})  # red below amber: red = amber
    v = walk(env, S.GREETING)
    assert urgency.thresholds()[S.GREETING] == urgency.Thresholds(1, 1)
    assert urgency.thresholds()[S.BILLING] == urgency.Thresholds(5, 10)
    assert urgency.level(at(v, S.GREETING, 1), FIXED_NOW) == "red"
    assert urgency.level(at(v, S.GREETING, 0), FIXED_NOW) == "ok"


def test_total_time_and_time_in_this_step_from_real_events(env, clock):
    v = walk(env, S.GREETING)
    clock.advance(minutes=7)
    v = reception.take_at_desk(v.id, actor=env.desk, expected_version=v.version)
    clock.advance(minutes=4)
    now = FIXED_NOW + dt.timedelta(minutes=11)
    assert (urgency.total_minutes(v, now), urgency.step_minutes(v, now)) == (11, 4)
    assert urgency.level(v, now) == "ok"  # 4 min at triage, amber from 5
    clock.advance(minutes=1)
    assert urgency.level(v, now + dt.timedelta(minutes=1)) == "amber"


def test_red_flags_and_emergencies_first_then_furthest_over_then_first_come(env):
    base = walk(env, S.GREETING)
    rows = {
        "fresh_door": at(base, S.GREETING, 1, id=1),  # 2 under
        "late_door": at(base, S.GREETING, 9, id=2),  # 6 over
        "slow_form": at(base, S.REGISTRATION, 15, id=3),  # 5 over
        "slower_form_same_over_later": at(base, S.REGISTRATION, 16, 16, id=4),  # 6 over
        "red_flag": at(base, S.ESCORT, 0, id=5, red_flag=True),
        "emergency": at(base, S.GREETING, 0, id=6, priority="emergency"),
        "elderly": at(base, S.GREETING, 0, id=7, priority="elderly"),  # not urgent by itself
    }
    # Equal "over": the one who arrived first goes first.
    rows["late_door"] = dataclasses.replace(rows["late_door"],
                                            arrived_at=FIXED_NOW - dt.timedelta(minutes=30))
    order = [v.id for v in urgency.by_attention(rows.values(), FIXED_NOW)]
    # Among the urgent too, the one further over (nearer its threshold) first.
    assert order == [6, 5, 2, 4, 3, 1, 7]


def test_counts_per_stage_in_flow_order_with_zeros(env):
    walk(env, S.GREETING)
    walk(env, S.GREETING)
    walk(env, S.TRIAGE)
    walk(env, S.REGISTRATION)
    counts = urgency.stage_counts(reception.open_visits(actor=viewer()))
    assert list(counts) == list(urgency.COUNTED_STAGES)
    assert counts == {S.GREETING: 2, S.TRIAGE: 1, S.REGISTRATION: 1, S.BILLING: 0,
                      S.ESCORT: 0, S.DONE: 0}


def test_a_typo_in_the_thresholds_keeps_the_defaults(rules_db):
    settings.set("desk.amber_minutes", {"GREETING": "five", "TRIAGE": -1, "BILLING": 7})
    settings.set("desk.red_minutes", ["not", "a", "table"])
    limits = urgency.thresholds()
    assert limits[S.GREETING] == urgency.Thresholds(3, 8)
    assert limits[S.TRIAGE] == urgency.Thresholds(5, 10)
    assert limits[S.BILLING] == urgency.Thresholds(7, 10)
