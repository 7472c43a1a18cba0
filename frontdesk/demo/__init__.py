"""The demo hospital, for a first look, screenshots, training and benchmarks.

history.py   staff, patients, appointments and a past week of visits, in bulk
             (`install_demo`, `load_demo`; `event_path`: a visit's events, also used
             by bench/generate.py)
today.py     the week's roster and this morning, written through the domain APIs as
             the staff on duty, so it obeys the same rules as a real day
people.py    its staff, names and complaints, shared by both

Deterministic (seeded): the same hospital every time.
"""

from frontdesk.demo.history import DEMO_PASSWORD, DemoReport, event_path, install_demo, load_demo
from frontdesk.demo.people import DEMO_STAFF

__all__ = ["DEMO_PASSWORD", "DEMO_STAFF", "DemoReport", "event_path", "install_demo", "load_demo"]
