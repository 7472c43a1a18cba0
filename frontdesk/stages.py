"""The visit's stages, the legal moves between them and the event names.

Event actions are the timing source for every statistic:
  arrived (door) → at_desk → triaged → registered (billing handoff)
  → paid | waived | deferred → handed_to_doctor → back_at_post

A red-flag visit (deferred: treat first, pay later) skips registration and
billing; once the patient is with the emergency doctor (ESCORT or DONE) the desk
catches up with two events that do NOT move the stage:
  registered_late (patient record + fee quote) → paid_late | waived_late
They are separate names on purpose: "registered" and "paid" time the normal
flow, and a registration written after the doctor must not skew those figures.
"""

from __future__ import annotations

from frontdesk.db.models import OPEN_STAGES, STAGES, Stage
from frontdesk.i18n import Msg

__all__ = ["OPEN_STAGES", "STAGES", "STAGE_NAMES", "TRANSITIONS", "Stage", "can_move", "is_open",
           "stage_name"]

# Short names for the members, as the flow code has always spelled them.
GREETING, TRIAGE, REGISTRATION, BILLING, ESCORT, DONE, LEFT = Stage

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
# Deferred billing caught up later (no stage change; the visit stays ESCORT or DONE).
REGISTERED_LATE = "registered_late"  # patient registered and fee quoted after treatment began
PAID_LATE = "paid_late"  # the deferred fee was paid
WAIVED_LATE = "waived_late"  # the deferred fee was waived (VIP)
LATE_STAGES = (ESCORT, DONE)  # where a deferred visit's billing may be completed

STAGE_NAMES: dict[str, Msg] = {
    GREETING: Msg("迎接", "Greeting"),
    TRIAGE: Msg("分诊", "Triage"),
    REGISTRATION: Msg("登记", "Registration"),
    BILLING: Msg("挂号缴费", "Billing"),
    ESCORT: Msg("陪诊", "Escort"),
    DONE: Msg("已就诊", "With doctor"),
    LEFT: Msg("已离开", "Left"),
}


def stage_name(stage: str) -> Msg:
    """The stage's name in both languages; an unknown stage reads as itself."""
    return STAGE_NAMES.get(stage) or Msg.same(stage)


def can_move(src: str, dst: str) -> bool:
    return dst in TRANSITIONS.get(src, ())


def is_open(stage: str) -> bool:
    return stage in OPEN_STAGES
