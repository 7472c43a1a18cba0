"""VIP cards set at the desk by a supervisor or admin: audited, and the fee waiver follows."""

from __future__ import annotations

import json

import pytest

from frontdesk import patients, reception, stages
from frontdesk.db.models import AuditLog, Patient, Payment, Visit
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.permissions import Perm, allowed
from tests.helpers.reception_flow import form, make_env, walk


@pytest.fixture
def env(rules_db, make_staff, clock):
    return make_env(make_staff, clock)


def test_only_supervisors_and_admins_may_set_a_vip_card(env):
    assert allowed(env.supervisor, Perm.SET_VIP) and allowed(env.admin, Perm.SET_VIP)
    assert not allowed(env.desk, Perm.SET_VIP) and not allowed(env.guide, Perm.SET_VIP)
    p = patients.create_patient(actor=env.desk, form=form())
    for who in (None, env.desk, env.guide):
        with pytest.raises(PermissionDenied):
            patients.set_vip_tier(actor=who, patient_id=p.id, tier="gold")
    assert Patient.get_by_id(p.id).vip_tier == ""


def test_set_vip_tier_is_audited_with_before_and_after(env):
    p = patients.create_patient(actor=env.desk, form=form())
    patients.set_vip_tier(actor=env.supervisor, patient_id=p.id, tier="Gold")
    patients.set_vip_tier(actor=env.admin, patient_id=p.id, tier="gold")  # same: nothing
    patients.set_vip_tier(actor=env.admin, patient_id=p.id, tier="")
    assert Patient.get_by_id(p.id).vip_tier == ""
    details = [json.loads(a.detail) for a in AuditLog.select().where(
        (AuditLog.entity == "patient") & (AuditLog.action == "update")).order_by(AuditLog.id)]
    assert details == [{"vip_tier": {"before": "", "after": "gold"}},
                       {"vip_tier": {"before": "gold", "after": ""}}]
    with pytest.raises(ValidationError) as err:
        patients.set_vip_tier(actor=env.admin, patient_id=p.id, tier="platinum")
    assert err.value.field == "vip_tier"


def test_vip_card_at_billing_waives_the_fee(env):
    v = walk(env, stages.BILLING)
    assert v.fee_fen == 5000 and not v.fee_waived
    with pytest.raises(PermissionDenied):
        reception.set_vip_card(v.id, actor=env.desk, expected_version=v.version, tier="gold")
    v = reception.set_vip_card(v.id, actor=env.supervisor, expected_version=v.version,
                               tier="diamond")
    assert (v.stage, v.vip_tier, v.fee_fen, v.fee_waived) == (stages.BILLING, "diamond", 0, True)
    assert json.loads(Visit.get_by_id(v.id).fee_snapshot)["vip_tier"] == "diamond"
    assert reception.fee_quote(v.id, actor=env.desk).waiver_fen == 5000
    v = reception.confirm_payment(v.id, actor=env.desk, expected_version=v.version)
    pay = Payment.get(Payment.visit == v.id)
    assert pay.waived and pay.amount_fen == 0


def test_vip_card_at_registration_is_used_by_register(env):
    p = patients.create_patient(actor=env.desk, form=form())
    v = walk(env, stages.REGISTRATION, patient_id=p.id)
    v = reception.set_vip_card(v.id, actor=env.supervisor, expected_version=v.version,
                               tier="gold")
    v = reception.register(v.id, actor=env.supervisor, expected_version=v.version, form=form(),
                           patient_id=p.id)
    assert v.fee_waived and v.fee_fen == 0


def test_vip_card_needs_a_patient_and_an_open_billing(env):
    v = walk(env, stages.REGISTRATION)  # no record linked yet
    with pytest.raises(ValidationError):
        reception.set_vip_card(v.id, actor=env.supervisor, expected_version=v.version,
                               tier="gold")
    done = walk(env, stages.ESCORT)
    with pytest.raises(ValidationError):
        reception.set_vip_card(done.id, actor=env.supervisor, expected_version=done.version,
                               tier="gold")
