"""The reception package: one public API in frontdesk.reception and one clock for every part."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

from frontdesk import reception, stages
from frontdesk.db.models import Payment, Visit, VisitDraft, VisitEvent
from tests.helpers.reception_flow import form, make_env, pin_clock, walk

# Every part but _clock, whose now() is the one clock (it calls reception._now).
PARTS = ("steps", "form", "views", "escorts", "deferred", "drafts", "_db")
# Far from the real date, so a part reading the real clock gives itself away.
PINNED = dt.datetime(2020, 3, 1, 9, 30)


@pytest.fixture
def env(rules_db, make_staff, monkeypatch):
    environment = make_env(make_staff, monkeypatch)
    pin_clock(monkeypatch, PINNED)
    return environment


def test_every_public_name_of_a_part_is_exported_by_the_package():
    for part in PARTS:
        module = importlib.import_module(f"frontdesk.reception.{part}")
        own = {n for n, v in vars(module).items()
               if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__}
        assert own <= set(reception.__all__), (part, own - set(reception.__all__))
    for name in reception.__all__:
        assert getattr(reception, name) is not None


def test_no_part_keeps_a_clock_of_its_own():
    for part in PARTS:
        module = importlib.import_module(f"frontdesk.reception.{part}")
        assert not hasattr(module, "_now") and not hasattr(module, "now"), part


def test_patched_now_pins_steps_views_drafts_and_the_form(env):
    v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    assert v.visit_date == PINNED.date() and v.arrived_at == PINNED
    assert [x.id for x in reception.desk_queue(actor=env.desk)] == [v.id]  # default day

    v = walk(env, stages.REGISTRATION)
    reception.save_draft(v.id, {"name": "张"}, actor=env.desk)
    assert VisitDraft.get(VisitDraft.visit == v.id).updated_at == PINNED

    # The form's "today" comes from the same clock: 20 years old tomorrow.
    f = form(birth_date=dt.date(2000, 3, 2), age=None)
    v = reception.register(v.id, actor=env.desk, expected_version=v.version, form=f)
    assert f.age == 19
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    assert Payment.get(Payment.visit == v.id).confirmed_at == PINNED
    v = reception.assign_escort(v.id, actor=env.desk, expected_version=v.version,
                                escort_id=env.guide.id)
    assert [x.id for x in reception.escorts_out(actor=env.desk)] == [v.id]  # default day
    assert env.guide.id not in dict(reception.free_escorts())
    assert {e.at for e in VisitEvent.select().where(VisitEvent.visit == v.id)} == {PINNED}
    assert Visit.get_by_id(v.id).updated_at == PINNED


def test_plain_assignment_to_now_also_reaches_the_parts(env):
    # tests/postgres/workers.py assigns reception._now directly in a worker process.
    later = PINNED + dt.timedelta(hours=2)
    saved = reception._now
    try:
        reception._now = lambda: later
        v = reception.new_arrival(actor=env.guide, booked=False, first_visit=True)
    finally:
        reception._now = saved
    assert v.arrived_at == later
