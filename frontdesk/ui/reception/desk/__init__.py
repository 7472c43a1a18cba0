"""The desk (导医台), built from parts that talk by signals and small methods.

view.py          DeskView: lays the desk out (visit list, step pages, coach, notices),
                 builds each step page on first use and wires it to the controller
controller.py    DeskController: holds the visit being served (and the deferred-billing
                 state) and makes every domain call, through the ctx.run runner
registration.py  RegistrationPage: the registration step with drafts and the review
                 of a record on file (merge_typed_into_record)
track.py         StageTrack: the progress strip (① 迎接 ② 分诊 …)
The step widgets are in ../steps.py, ../billing.py, ../escort.py; each step page is
imported the first time a visit needs it, so start-up imports only the first screen
(import registration.py by its own name, not from here).
"""

from frontdesk.ui.reception.desk.track import STEP_ORDER, StageTrack
from frontdesk.ui.reception.desk.view import DeskView

__all__ = ["DeskView", "StageTrack", "STEP_ORDER"]
