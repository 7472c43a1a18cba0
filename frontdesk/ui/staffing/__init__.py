"""Staff screens (supervisor and staff).

area.py              GroomingArea: today's checks, sign-in, history and fines, handover
grooming_check.py    the pre-shift grooming check form
grooming_history.py  checks and fines by month
signin.py            signing in against the roster
handover.py, handover_pending.py  handover notes and the notes waiting at log-in
"""
