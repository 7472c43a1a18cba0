"""Reception screens: the door guide and the desk, one walk-in patient at a time.

area.py          ReceptionArea: the door and desk views side by side
door.py          the guide at the entrance: greet, two questions, hand over
desk.py          the desk: visit list, the current step, the coach
desk_pages.py, desk_registration.py, desk_actions.py  the desk's step pages, drafts, domain calls
steps.py         one page per step (triage, registration, billing, escort)
(the triage panel is still ui/reception_triage.py) registration.py, billing.py, escort.py, deferred.py  the step panels
lookup.py        finding a returning patient
visits.py        the desk's list of open visits
coach.py         what to say at each step (言谈礼节)
slip_actions.py  printing the guide and billing slips
"""
