"""The visit's stages, the legal moves between them and the event names.

Event actions are the timing source for every statistic:
  arrived (door) → at_desk → triaged → registered (billing handoff)
  → paid | waived | deferred → handed_to_doctor → back_at_post
"""

from __future__ import annotations

from frontdesk.db.models import OPEN_STAGES, STAGES

GREETING, TRIAGE, REGISTRATION, BILLING, ESCORT, DONE, LEFT = STAGES

# stage -> stages it may move to (LEFT is allowed from every open stage)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    GREETING: (TRIAGE, LEFT),
    TRIAGE: (REGISTRATION, ESCORT, LEFT),  # ESCORT: red flag, billing deferred
    REGISTRATION: (BILLING, LEFT),
    BILLING: (ESCORT, LEFT),
    ESCORT: (DONE, LEFT),
    DONE: (),
    LEFT: (),
}

# The action recorded when a visit enters a stage (the first event is "arrived").
ARRIVED = "arrived"
AT_DESK = "at_desk"  # → TRIAGE: the desk has the patient
TRIAGED = "triaged"  # → REGISTRATION
REGISTERED = "registered"  # → BILLING: the billing handoff starts
PAID = "paid"  # → ESCORT
WAIVED = "waived"  # → ESCORT, fee waived (VIP)
DEFERRED = "deferred"  # → ESCORT straight from triage: red flag, treat first
HANDED_TO_DOCTOR = "handed_to_doctor"  # → DONE
BACK_AT_POST = "back_at_post"  # on a DONE visit: the escort is free again
LEFT_ACTION = "left"

STAGE_NAMES = {
    GREETING: ("迎接", "Greeting"),
    TRIAGE: ("分诊", "Triage"),
    REGISTRATION: ("登记", "Registration"),
    BILLING: ("挂号缴费", "Billing"),
    ESCORT: ("陪诊", "Escort"),
    DONE: ("已就诊", "With doctor"),
    LEFT: ("已离开", "Left"),
}


def can_move(src: str, dst: str) -> bool:
    return dst in TRANSITIONS.get(src, ())


def is_open(stage: str) -> bool:
    return stage in OPEN_STAGES
