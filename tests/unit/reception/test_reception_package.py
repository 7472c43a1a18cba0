"""The reception package: one public API in frontdesk.reception and one clock for every part."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

from frontdesk import reception, stages
from frontdesk.db.models import Payment, Visit, VisitDraft, VisitEvent
from tests.helpers.reception_flow import form, make_env, walk

# The parts: each reads the time from frontdesk.clock, none keeps a clock of its own.
PARTS = ("steps", "views", "escorts", "deferred", "drafts", "_db")
# Far from the real date, so a part reading the real clock gives itself away.
PINNED = dt.datetime(2020, 3, 1, 9, 30)


@pytest.fixture
def env(rules_db, make_staff, clock):
    environment = make_env(make_staff, clock)
    clock.freeze(PINNED)
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


def test_the_one_clock_pins_steps_views_drafts_and_the_form(env):
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

