"""The VisitView a step returns (read before its COMMIT, two statements) is the one
get_visit reads afterwards (one statement), field for field."""

from __future__ import annotations

import dataclasses

import pytest

from frontdesk import reception, stages
from frontdesk.db.models import database_proxy
from frontdesk.reception import views
from tests.helpers.reception_flow import make_env, walk

S = stages


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _fields(view) -> dict:
    return {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}


@pytest.mark.parametrize("stage", [S.GREETING, S.TRIAGE, S.REGISTRATION, S.BILLING, S.ESCORT,
                                   S.DONE])
def test_a_step_returns_what_get_visit_reads(env, stage):
    returned = walk(env, stage)
    again = reception.get_visit(returned.id, actor=env.desk)
    assert _fields(returned) == _fields(again)
    with database_proxy.obj.atomic():  # the in-transaction read
        inside = views._get_visit(returned.id)
    assert inside == again


def test_a_built_view_has_every_field_and_stays_frozen(env):
    view = walk(env, S.DONE)
    assert set(vars(view)) == {f.name for f in dataclasses.fields(views.VisitView)}
    assert view == views.VisitView(**_fields(view))
    assert all(set(vars(e)) == {f.name for f in dataclasses.fields(views.EventView)}
               for e in view.events)
    assert view.events == [views.EventView(**_fields(e)) for e in view.events]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.stage = S.LEFT  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.events[0].action = "x"  # type: ignore[misc]
    back = reception.back_at_post(view.id, actor=env.guide)
    assert back.escort_back and not back.open and back.stage_since == view.stage_since
