"""Reception screens: the door guide and the desk, one walk-in patient at a time.

area.py          ReceptionArea: the door and desk views side by side
door.py          the guide at the entrance: greet, two questions, hand over
desk/            the desk: DeskView (visit list, the current step, the coach),
                 DeskController (the visit and its domain calls), RegistrationPage
steps.py         one page per step (triage, registration, billing, escort)
triage.py, registration.py, billing.py, escort.py, deferred.py  the step panels
lookup.py        finding a returning patient
visits.py        the desk's list of open visits
coach.py         what to say at each step (言谈礼节)
slip_actions.py  printing the guide and billing slips
"""
