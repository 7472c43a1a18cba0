"""Administration screens.

area.py      the admin area's tabs
staff.py     staff accounts and roles
rules.py     departments, doctors, schedules, fees, grooming items
settings.py  hospital-wide settings
backup.py    back up and restore
audit.py     the audit log
forms.py     the form helpers the admin tabs share
"""
