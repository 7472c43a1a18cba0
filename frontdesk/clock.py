"""The one clock: the only module that reads the system's date and time.

The domain, the widgets, the command line, the demo and the benchmarks ask
`clock.now()` / `clock.today()`; a test (tests/unit/test_clock_rule.py) fails
if any other module reads the wall clock. Tests move time with the `clock`
fixture (tests/conftest.py), which drives `set_source` below.

Time is the desk's local wall-clock time, naive and to the second: the desk,
its shifts and its reports live in one place, and stored times compare equal
whichever desk wrote them. Elapsed-time measurement (timeouts, benchmarks)
uses `time.monotonic()` / `time.perf_counter()` instead, which never jump.

`FRONTDESK_NOW=2026-11-23T10:00` in the environment starts the clock at that
moment (then it runs): for training on a demo day and for tests that run the
command line in a process of its own. A value that is not a date-time is ignored.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

Source = Callable[[], dt.datetime]


def _system() -> dt.datetime:
    return dt.datetime.now()


_source: Source = _system


def now() -> dt.datetime:
    """The current local time, to the second."""
    return _source().replace(microsecond=0)


def today() -> dt.date:
    """The current local date."""
    return _source().date()


def age_on(birth: dt.date | None, day: dt.date | None = None) -> int | None:
    """Whole years from `birth` to `day` (today when None); None without a birth date."""
    if birth is None:
        return None
    day = day or today()
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return max(years, 0)


def set_source(source: Source | None) -> Source:
    """Replace where the time comes from (tests); None restores the system's.

    Returns the source it replaced, so a caller can put it back.
    """
    global _source
    previous, _source = _source, source or _system
    return previous


def is_system() -> bool:
    return _source is _system


class Travel:
    """A clock that starts at `at` and then runs at real speed (or stands still).

    `set`, `advance` and `freeze` move it; install it with `set_source(travel)`.
    """

    def __init__(self, at: dt.datetime, *, frozen: bool = False):
        self._frozen = frozen
        self.set(at)

    def set(self, at: dt.datetime) -> None:
        self._at = at
        self._real_start = _system()

    def advance(self, delta: dt.timedelta | None = None, **parts: float) -> dt.datetime:
        self.set(self() + (delta or dt.timedelta(**parts)))
        return self()

    def freeze(self, at: dt.datetime | None = None) -> None:
        self._frozen = True
        self.set(at or self())

    def run(self) -> None:
        self._frozen = False
        self.set(self())

    def __call__(self) -> dt.datetime:
        if self._frozen:
            return self._at
        return self._at + (_system() - self._real_start)


def _from_environment() -> None:
    value = os.environ.get("FRONTDESK_NOW", "").strip()
    if value:
        try:
            set_source(Travel(dt.datetime.fromisoformat(value)))
        except ValueError:
            pass


_from_environment()
