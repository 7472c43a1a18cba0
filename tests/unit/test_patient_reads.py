"""Reading patient data needs a logged-in, active staff member; drafts die with the visit."""

from __future__ import annotations

import pytest

from frontdesk import patients, reception, stages
from frontdesk.db.models import VisitDraft
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.permissions import SYSTEM
from frontdesk.slips import source
from tests.helpers.reception_flow import dept, form, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


@pytest.fixture
def registered(env):
    """A visit at BILLING with its patient, so every read has something to reveal."""
    return walk(env, stages.BILLING)


def _reads(visit_id: int, patient_id: int):
    """Every domain read that reveals a patient, as (name, call(actor))."""
    f = form()
    f.validate()
    return [
        ("get_visit", lambda a: reception.get_visit(visit_id, actor=a)),
        ("open_visits", lambda a: reception.open_visits(actor=a)),
        ("desk_queue", lambda a: reception.desk_queue(actor=a)),
        ("escorts_out", lambda a: reception.escorts_out(actor=a)),
        ("deferred_billing", lambda a: reception.deferred_billing(actor=a)),
        ("fee_quote", lambda a: reception.fee_quote(visit_id, actor=a)),
        ("load_draft", lambda a: reception.load_draft(visit_id, actor=a)),
        ("save_draft", lambda a: reception.save_draft(visit_id, {"name": "张"}, actor=a)),
        ("search", lambda a: patients.search("zs", actor=a)),
        ("find_duplicates", lambda a: patients.find_duplicates(f, actor=a)),
        ("get_patient", lambda a: patients.get_patient(patient_id, actor=a)),
        ("slip_for", lambda a: source.slip_for(visit_id, "guide", actor=a)),
        ("print_history", lambda a: source.print_history(visit_id, actor=a)),
    ]


def test_every_patient_read_refuses_no_login_and_a_deactivated_member(env, registered):
    gone = env.desk2
    gone.active = False
    gone.save()
    for name, call in _reads(registered.id, registered.patient_id):
        with pytest.raises(PermissionDenied):
            call(None)
        with pytest.raises(PermissionDenied):
            call(gone)
        if name != "save_draft":  # the visit is past registration: no draft kept
            call(env.desk)  # the desk may
    assert patients.search("zs", actor=env.desk)[0].phone == "13800138000"


def test_the_system_may_read_but_not_run_visits(env, registered):
    assert reception.get_visit(registered.id, actor=SYSTEM).patient_id == registered.patient_id
    with pytest.raises(PermissionDenied):
        reception.load_draft(registered.id, actor=SYSTEM)


def test_leaving_deletes_the_draft_in_the_same_step(env):
    v = walk(env, stages.REGISTRATION)
    reception.save_draft(v.id, {"name": "张三", "id_number": "110105199001011234",
                                "medical_history": "HIV"}, actor=env.desk)
    assert VisitDraft.select().count() == 1
    reception.leave(v.id, actor=env.desk, expected_version=v.version, reason="等太久")
    assert VisitDraft.select().count() == 0
    assert reception.load_draft(v.id, actor=env.desk) is None


def test_draft_refused_outside_registration(env):
    for stage in (stages.TRIAGE, stages.BILLING, stages.ESCORT):
        v = walk(env, stage)
        with pytest.raises(ValidationError) as err:
            reception.save_draft(v.id, {"name": "张三"}, actor=env.desk)
        assert err.value.field == "stage"
    assert VisitDraft.select().count() == 0


def test_draft_kept_for_a_deferred_late_registration(env):
    v = walk(env, stages.TRIAGE)
    v = reception.triage(v.id, actor=env.desk, expected_version=v.version, complaint="胸痛",
                         department_id=dept("emergency").id)
    assert v.stage == stages.ESCORT and v.billing_deferred
    reception.save_draft(v.id, {"name": "张三"}, actor=env.desk)  # late registration pending
    v = reception.complete_deferred(v.id, actor=env.desk, expected_version=v.version,
                                    form=form())
    assert VisitDraft.select().count() == 0
    with pytest.raises(ValidationError):
        reception.save_draft(v.id, {"name": "张三"}, actor=env.desk)  # already registered
