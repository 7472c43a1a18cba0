"""The staff area: who works when and how they present themselves.

grooming.py        the supervisor's pre-shift grooming and appearance check (仪容仪表)
grooming_report.py the grooming history and fines as PDF/CSV
attendance.py      sign-in against the roster, lateness, early leave
fines.py           the fines ledger (and waivers)
handover.py        shift handover notes (交接班)
"""
