"""The tests' one way to set the time: the app's clock, started at a chosen moment.

Every test runs on `TEST_NOW` through the autouse `clock` fixture (tests/conftest.py),
which yields the running `frontdesk.clock.Travel`: `clock.set(at)`, `clock.advance(minutes=5)`,
`clock.freeze(at)`. Session-wide templates built outside a test use `pinned()` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from frontdesk import clock as app_clock

# A Monday in clinic hours: every department of the demo hospital has a doctor on duty.
TEST_NOW = dt.datetime(2026, 11, 23, 10, 0)


@contextmanager
def pinned(at: dt.datetime = TEST_NOW, *, frozen: bool = False) -> Iterator[app_clock.Travel]:
    travel = app_clock.Travel(at, frozen=frozen)
    previous = app_clock.set_source(travel)
    try:
        yield travel
    finally:
        app_clock.set_source(previous)
