"""The desk (导医台), built from parts that talk by signals and small methods.

view.py          DeskView: lays the desk out (visit list, step pages, coach, notices),
                 builds each step page on first use and wires it to the controller
controller.py    DeskController: holds the visit being served (and the deferred-billing
                 state) and makes every domain call, through the ctx.run runner
registration.py  RegistrationPage: the registration step with drafts and the review
                 of a record on file (merge_typed_into_record)
The progress strip (StageTrack) is in ../desk_pages.py; the step widgets are in
../steps.py, ../billing.py, ../escort.py.
"""

from frontdesk.ui.reception.desk.registration import VISIT_FIELDS, merge_typed_into_record
from frontdesk.ui.reception.desk.view import STEP_ORDER, DeskView, StageTrack

__all__ = ["DeskView", "StageTrack", "STEP_ORDER", "VISIT_FIELDS", "merge_typed_into_record"]
