"""The window around the areas: start-up, log-in, lock, settings, about, crash reports.

app.py              run_app(): the application, first run, log-in, the main window
main_window.py      the main window: one tab per area, menus, shortcuts
login.py, lock.py   log-in and the lock screen
first_run.py        a new installation's hospital name and first administrator
settings_dialog.py  this desk's own settings
about.py, crash.py  Help → About and the "something went wrong" dialog
"""
