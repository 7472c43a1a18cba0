"""Hostile input at every clinic queue entry point: a result or a sentence, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.errors import FrontdeskError
from frontdesk.queue import clinic
from frontdesk.queue.clinic_rules import set_clinic_rules
from tests.helpers.clinic_queue import queued
from tests.helpers.reception_flow import dept, doctor, make_env

anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**63 - 2, max_value=2**80),
    st.floats(allow_nan=True), st.text(max_size=20), st.binary(max_size=8),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
    st.sampled_from(["", "\u202e", "\x1b[2J", "1; DROP TABLE visit", "\ud800", "-1", "1e309",
                     "12:00", "after_n", "pregnant"]),
)


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def _calls(env, row):
    d, doc, other = dept("internal").id, doctor("internal").id, doctor("internal", 1).id
    base = dict(actor=env.desk, expected_version=row.version)
    return {
        "call": (clinic.call, dict(entry_id=row.entry_id, doctor_id=doc, room="3", **base)),
        "recall": (clinic.recall, dict(entry_id=row.entry_id, **base)),
        "missed": (clinic.mark_missed, dict(entry_id=row.entry_id, **base)),
        "requeue": (clinic.requeue, dict(entry_id=row.entry_id, **base)),
        "start": (clinic.start_consultation, dict(entry_id=row.entry_id, doctor_id=doc, **base)),
        "finish": (clinic.finish, dict(entry_id=row.entry_id, **base)),
        "tests": (clinic.send_for_tests, dict(entry_id=row.entry_id, note="x", **base)),
        "back": (clinic.back_from_tests, dict(entry_id=row.entry_id, **base)),
        "priority": (clinic.set_priority, dict(entry_id=row.entry_id, priority="vip", **base)),
        "transfer": (clinic.transfer, dict(entry_id=row.entry_id, department_id=d,
                                           doctor_id=other, note="", **base)),
        "call_next": (clinic.call_next, dict(department_id=d, doctor_id=doc, room="3",
                                             expected_entry_id=row.entry_id, actor=env.desk)),
        "pause": (clinic.pause_clinic, dict(department_id=d, doctor_id=other, reason="x",
                                            actor=env.desk)),
        "resume": (clinic.resume_clinic, dict(department_id=d, doctor_id=other,
                                              actor=env.desk)),
        "move_all": (clinic.transfer_waiting, dict(department_id=d, doctor_id=doc,
                                                   to_doctor_id=other, to_department_id=d,
                                                   actor=env.desk)),
        "enqueue": (clinic.enqueue, dict(visit_id=row.visit_id, actor=env.desk)),
    }


def test_every_entry_point_answers_hostile_input_with_a_sentence(env, clock):
    row = queued(env, clock)
    calls = _calls(env, row)
    cases = [(name, key) for name, (_fn, kw) in calls.items() for key in kw if key != "actor"]

    @settings(max_examples=len(cases) * 4, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(case=st.sampled_from(cases), value=anything)
    def attempt(case, value):
        name, key = case
        fn, kwargs = calls[name]
        kwargs = dict(kwargs, **{key: value})
        args = []
        if "entry_id" in kwargs:
            args.append(kwargs.pop("entry_id"))
        elif "visit_id" in kwargs:
            args.append(kwargs.pop("visit_id"))
        elif "department_id" in kwargs and name != "transfer":
            args.append(kwargs.pop("department_id"))
            if "doctor_id" in kwargs:
                args.append(kwargs.pop("doctor_id"))
        try:
            fn(*args, **kwargs)
        except FrontdeskError as exc:
            assert exc.message().strip()

    attempt()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(key=st.sampled_from(["priority_order", "elderly_age", "vip_tiers", "missed_rule",
                            "missed_after_n", "session_ends", "booked_early_minutes",
                            "booked_grace_minutes", "late_rule", "transfer_other_department",
                            "no_such_rule"]),
       value=st.one_of(anything, st.lists(anything, max_size=3)))
def test_rules_answer_hostile_values_with_a_sentence(env, key, value):
    try:
        set_clinic_rules(actor=env.admin, **{key: value})
    except FrontdeskError as exc:
        assert exc.field and exc.message().strip()
