"""The reception flow: greeting → triage → registration → billing → escort → back at post.

Import from `frontdesk.reception` (this module): it is the public API, and the
parts below may move. Each step is one domain call (keyword `actor`) that
checks the permission and writes the visit and its VisitEvent in ONE
transaction, guarded by `expected_version`. See docs/reception_api.md.

The parts:
- steps.py     the transitions (new_arrival … leave), attach_patient, set_vip_card, fee_quote
- RegistrationForm and FormInvalid (the registration form's checks) live in
  frontdesk/patient_form.py, shared with frontdesk.patients, and are re-exported here
- views.py     VisitView/EventView; get_visit, open_visits, desk_queue, describe_stage,
               deferred_billing (the fees still owed: a read, kept with the reads)
- escorts.py   escorts_out, free_escorts, busy_escorts and the checks on naming an escort
- deferred.py  red-flag visits billed after treatment: complete_deferred,
               confirm_deferred_payment
- drafts.py    save_draft, load_draft, drop_draft, booked_form (a new patient's booking)
- _db.py       (private) write transaction, visit row load, version-checked commit

Changes to the agreed contract (also in docs/reception_api.md):
- additions only: VisitView.billing_deferred, .queue_no, .patient_phone,
  .record_no, .department_code, .escort_back, .open; EventView.from_stage and
  .note; assign_escort(); escorts_out(); FormInvalid (a ValidationError
  carrying every field's error); RegistrationForm.from_dict()/to_dict();
  fee_quote(visit_id); describe_stage(stage).
- attach_patient is allowed at TRIAGE and REGISTRATION and writes the event
  "patient_attached" (no stage change); assign_escort writes "escort_assigned".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontdesk.lazy import lazy_exports

# Names are imported from their module on first use (PEP 562), so a screen that needs
# one view does not pay for every step module at start-up (issue 19/20).
_HOME = {
    "FormInvalid": "frontdesk.patient_form",
    "RegistrationForm": "frontdesk.patient_form",
    "DEFERRED_LOOKBACK_DAYS": "frontdesk.reception.views",
    "complete_deferred": "frontdesk.reception.deferred",
    "confirm_deferred_payment": "frontdesk.reception.deferred",
    "deferred_billing": "frontdesk.reception.views",
    "booked_form": "frontdesk.reception.drafts",
    "drop_draft": "frontdesk.reception.drafts",
    "load_draft": "frontdesk.reception.drafts",
    "save_draft": "frontdesk.reception.drafts",
    "BusyEscort": "frontdesk.reception.escorts",
    "ESCORT_ASSIGNED": "frontdesk.reception.escorts",
    "ESCORT_ROLES": "frontdesk.reception.escorts",
    "busy_escorts": "frontdesk.reception.escorts",
    "escorts_out": "frontdesk.reception.escorts",
    "free_escorts": "frontdesk.reception.escorts",
    "COMPLAINT_MAX_LENGTH": "frontdesk.reception.steps",
    "NOTE_MAX_LENGTH": "frontdesk.reception.steps",
    "PATIENT_ATTACHED": "frontdesk.reception.steps",
    "REASON_MAX_LENGTH": "frontdesk.reception.steps",
    "VIP_CARD_SET": "frontdesk.reception.steps",
    "assign_escort": "frontdesk.reception.steps",
    "attach_patient": "frontdesk.reception.steps",
    "back_at_post": "frontdesk.reception.steps",
    "confirm_payment": "frontdesk.reception.steps",
    "fee_quote": "frontdesk.reception.steps",
    "hand_to_doctor": "frontdesk.reception.steps",
    "leave": "frontdesk.reception.steps",
    "new_arrival": "frontdesk.reception.steps",
    "register": "frontdesk.reception.steps",
    "set_vip_card": "frontdesk.reception.steps",
    "take_at_desk": "frontdesk.reception.steps",
    "triage": "frontdesk.reception.steps",
    "EventView": "frontdesk.reception.views",
    "VisitView": "frontdesk.reception.views",
    "describe_stage": "frontdesk.reception.views",
    "desk_queue": "frontdesk.reception.views",
    "get_visit": "frontdesk.reception.views",
    "open_visits": "frontdesk.reception.views",
    "visits_by_id": "frontdesk.reception.views",
}

if TYPE_CHECKING:  # what type checkers and readers see
    from frontdesk.patient_form import (  # noqa: F401
        FormInvalid,
        RegistrationForm,
    )
    from frontdesk.reception.deferred import (  # noqa: F401
        complete_deferred,
        confirm_deferred_payment,
    )
    from frontdesk.reception.drafts import (  # noqa: F401
        booked_form,
        drop_draft,
        load_draft,
        save_draft,
    )
    from frontdesk.reception.escorts import (  # noqa: F401
        ESCORT_ASSIGNED,
        ESCORT_ROLES,
        BusyEscort,
        busy_escorts,
        escorts_out,
        free_escorts,
    )
    from frontdesk.reception.steps import (  # noqa: F401
        COMPLAINT_MAX_LENGTH,
        NOTE_MAX_LENGTH,
        PATIENT_ATTACHED,
        REASON_MAX_LENGTH,
        VIP_CARD_SET,
        assign_escort,
        attach_patient,
        back_at_post,
        confirm_payment,
        fee_quote,
        hand_to_doctor,
        leave,
        new_arrival,
        register,
        set_vip_card,
        take_at_desk,
        triage,
    )
    from frontdesk.reception.views import (  # noqa: F401
        DEFERRED_LOOKBACK_DAYS,
        EventView,
        VisitView,
        deferred_billing,
        describe_stage,
        desk_queue,
        get_visit,
        open_visits,
        visits_by_id,
    )


__all__ = [
    "COMPLAINT_MAX_LENGTH", "DEFERRED_LOOKBACK_DAYS", "ESCORT_ASSIGNED", "ESCORT_ROLES",
    "NOTE_MAX_LENGTH", "PATIENT_ATTACHED", "REASON_MAX_LENGTH", "VIP_CARD_SET",
    "BusyEscort", "EventView", "FormInvalid", "RegistrationForm", "VisitView",
    "assign_escort", "attach_patient", "back_at_post", "booked_form", "busy_escorts",
    "complete_deferred",
    "confirm_deferred_payment", "confirm_payment", "deferred_billing", "describe_stage",
    "desk_queue", "drop_draft", "escorts_out", "fee_quote", "free_escorts", "get_visit",
    "hand_to_doctor", "leave", "load_draft", "new_arrival", "open_visits", "register", "visits_by_id",
    "save_draft", "set_vip_card", "take_at_desk", "triage",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOME, submodules=True)
